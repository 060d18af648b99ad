"""The national import in the orders files arrive in (issue #27): the farms' own order, sorted by date
(as another system's export usually comes), sorted by participant, and shuffled; and a re-import of the
whole year with every day corrected. Then two years (2024 and 2025, placements running through both) in
the same four orders: a file of two years should take no more memory than one. Each beside the
`sqlite3 .import` floor of the same file, with Tunet's peak resident memory.
`bash Benchmarks/run --only orders`."""
import os
import random
import statistics

from run import fresh_copy, measure, measure_with_memory, summary

ORDERS = ("farms", "date", "participant", "shuffled")


def two_years(harness):
    """The national data set with placements through 2024 and 2025, and their attendance CSV (cached)."""
    return harness.synthetic("national-2years.sqlite", "national-2024-2025.csv",
                             "the national data set over two years (2024 and 2025)", "--year", "2024", "--years", "2")


def order_files(harness, csv, stem="national-2025", corrections=True):
    """The national file in each order (cached beside it): name -> path."""
    with open(csv, encoding="utf-8") as handle:
        header, lines = handle.readline(), handle.readlines()
    keys = {"date": lambda line: line.split(";", 3)[2], "participant": lambda line: line.split(";", 2)[1]}
    files = {"farms": csv}
    for name in ORDERS[1:]:
        path = harness.path(f"{stem}-by-{name}.csv")
        files[name] = path
        if os.path.exists(path):
            continue
        if name == "shuffled":
            ordered = list(lines)
            random.Random(27).shuffle(ordered)
        else:
            ordered = sorted(lines, key=keys[name])
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(header + "".join(ordered))
    if not corrections:
        return files
    corrected = harness.path("national-2025-corrected.csv")
    if not os.path.exists(corrected):
        with open(corrected, "w", encoding="utf-8") as handle:
            handle.write(header)
            for line in lines:
                fields = line.rstrip("\n").split(";")
                fields[3] = "FM" if fields[3] == "FU" else "FU"
                fields[4] = ""
                handle.write(";".join(fields) + "\n")
    files["corrections"] = corrected
    return files


def floor_seconds(harness, database, csv):
    """The `sqlite3` shell's `.import` of `csv` into an unindexed table beside the national data."""
    target = harness.path("floor.sqlite")
    fresh_copy(database, target)
    script = harness.script("CREATE TABLE raw (organisation TEXT, participant TEXT, date TEXT, status TEXT, hours TEXT);\n"
                            f".separator ;\n.import --csv --skip 1 {csv} raw\n")
    with open(script) as commands:
        return measure(["sqlite3", target], stdin=commands)[0]


def orders_benchmark(harness):
    database, csv, rows = harness.national()
    two_year_database, two_year_csv = two_years(harness)
    runs = [(name, path, database) for name, path in order_files(harness, csv).items()]
    runs += [(f"two years, {name}", path, two_year_database)
             for name, path in order_files(harness, two_year_csv, stem="national-2024-2025", corrections=False).items()]
    year = harness.path("orders-year.sqlite")
    results = {}
    for name, path, database in runs:
        tunet, floor, memory = [], [], []
        for run in range(harness.runs):
            target = harness.path("orders.sqlite")
            if name == "corrections":
                if not os.path.exists(year):
                    fresh_copy(database, year)
                    measure(harness.tunet_command(year, "attendance", "import", csv), env=harness.env)
                harness.up_to_date(year)
                fresh_copy(year, target)
            else:
                fresh_copy(database, target)
            seconds, rss = measure_with_memory(harness.tunet_command(target, "attendance", "import", path), env=harness.env)
            tunet.append(seconds)
            memory.append(rss)
            floor.append(floor_seconds(harness, database, path))
            print(f"  {name} run {run + 1}: tunet {tunet[-1]:.2f} s ({memory[-1]:.0f} MB), sqlite3 .import {floor[-1]:.2f} s", flush=True)
        results[name] = {"tunet": summary(tunet), "sqlite3_floor": summary(floor), "peak_rss_mb": max(memory),
                         "ratio": statistics.median(tunet) / statistics.median(floor)}
    with open(two_year_csv, encoding="utf-8") as handle:
        two_year_rows = sum(1 for _ in handle) - 1
    harness.results["orders"] = {"rows": rows, "two_year_rows": two_year_rows, **results}
    print("| order | Tunet | `sqlite3 .import` | ratio | peak memory |")
    print("| --- | --- | --- | --- | --- |")
    for name, entry in results.items():
        print(f"| {name} | {entry['tunet']['median']:.2f} s ({entry['tunet']['min']:.2f}–{entry['tunet']['max']:.2f}) "
              f"| {entry['sqlite3_floor']['median']:.2f} s | {entry['ratio']:.2f} × | {entry['peak_rss_mb']:.0f} MB |")
