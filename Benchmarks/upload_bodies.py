"""The corrected files the upload benchmarks send: a farm's 2,000-row file again and again with different
statuses, every upload changing every row (the heaviest kind of correction). `upload_load.c` sends the same
bytes; `Benchmarks/run.py` checks that it does."""

CODES = ["M", "FM", "FU", "AT"]


def variants(path, first, count):
    lines = open(path, encoding="utf-8").read().splitlines()
    header, rows = lines[0], [line.split(";") for line in lines[1:]]
    for variant in range(first, first + count):
        # Statuses rotate and the hours of present days change with every variant: no two of the first
        # 110 variants are alike.
        hours = f"{1 + (variant % 110) // 10}.{variant % 10}"
        body = [header] + [";".join(row[:3] + [CODES[(index + variant) % 4], hours if (index + variant) % 4 == 0 else ""])
                           for index, row in enumerate(rows)]
        yield ("\n".join(body) + "\n").encode()
