"""HTTP attendance uploads from several concurrent clients over loopback: each client is one farm
sending its 2,000-row file again and again with different statuses (every upload changes every row,
the heaviest kind of correction). Prints one JSON line: latencies in milliseconds and throughput.

    python3 Benchmarks/upload_load.py BASE_URL[,BASE_URL…] CLIENTS UPLOADS_PER_CLIENT FIRST_VARIANT TOKEN:FILE ...

With several base URLs (service instances on one database), the clients take them in turn.

FIRST_VARIANT numbers the contents, so that a later run against the same server sends new files.
"""
import http.client
import json
import statistics
import sys
import threading
import time
import urllib.parse

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


def client(base, token, bodies, latencies, failures):
    url = urllib.parse.urlparse(base)
    connection = http.client.HTTPConnection(url.hostname, url.port)
    for number, body in enumerate(bodies):
        started = time.perf_counter()
        try:
            connection.request("POST", f"/v1/attendance?filename=upload-{number}.csv", body=body,
                               headers={"Authorization": f"Bearer {token}", "Content-Type": "text/csv"})
            response = connection.getresponse()
            response.read()
        except OSError as error:
            # A refused or dropped connection is a failure too; the next upload tries a new connection.
            failures.append(type(error).__name__)
            connection.close()
            connection = http.client.HTTPConnection(url.hostname, url.port)
            continue
        latencies.append((time.perf_counter() - started) * 1000)
        if response.status not in (200, 201):
            failures.append(response.status)


def main(base, clients, uploads, first, pairs):
    plans = []
    for pair in pairs[:clients]:
        token, path = pair.split(":", 1)
        plans.append((token, list(variants(path, first, uploads))))
    latencies, failures = [], []
    bases = base.split(",")
    threads = [threading.Thread(target=client, args=(bases[index % len(bases)], token, bodies, latencies, failures))
               for index, (token, bodies) in enumerate(plans)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    ordered = sorted(latencies)
    print(json.dumps({
        "uploads": len(latencies), "failures": len(failures), "seconds": elapsed,
        "uploads_per_second": len(latencies) / elapsed,
        "p50_ms": statistics.median(ordered), "p99_ms": ordered[max(0, int(len(ordered) * 0.99) - 1)],
        "max_ms": ordered[-1],
    }))


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), sys.argv[5:])
