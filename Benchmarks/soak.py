"""A soak test of one `tunet serve` (BENCHMARKS.md, "Soak"): for a given time, farms upload corrected
attendance files, a project leader downloads reports and the work team runs commands beside the
service against the same database, while the service's resident memory is sampled. It reports the
memory over time and whether it stayed flat: the median of the last quarter within 10 % of the median
of the second quarter (the first quarter is the warm-up, while caches and SQLite's page cache fill).

    python3 Benchmarks/soak.py --tunet .build/release/tunet --minutes 60 --work .build-bench/soak

Prints a table of the samples and one JSON line; exits 1 if memory grew or a request failed.
"""
import argparse
import http.client
import json
import os
import shutil
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from upload_bodies import variants  # noqa: E402  (the same corrected files the upload benchmark sends)
from run import free_port, resident_megabytes, wait_for  # noqa: E402

TODAY = "2026-11-23"
REPORTS = ["attendance-rows?from=2025-05-01&to=2025-05-31", "agreements", "invoice-basis?month=2025-05", "placements"]


class Soak:
    def __init__(self, tunet, work, minutes, farms):
        self.tunet, self.work, self.seconds, self.farms = tunet, work, minutes * 60, farms
        self.database = os.path.join(work, "soak.sqlite")
        self.env = dict(os.environ, TUNET_TODAY=TODAY, TUNET_LANG="nb")
        self.counts = {"uploads": 0, "reports": 0, "commands": 0}
        self.failures = []
        self.lock = threading.Lock()
        self.stop = threading.Event()

    def command(self, *arguments):
        return subprocess.run([self.tunet, *arguments, "--database", self.database], env=self.env,
                              capture_output=True, text=True)

    def prepare(self):
        shutil.rmtree(self.work, ignore_errors=True)
        os.makedirs(self.work)
        csv = os.path.join(self.work, "year.csv")
        made = self.command("synthetic", "--farms", str(self.farms), "--placements", str(self.farms * 25), "--attendance", csv)
        if made.returncode != 0:
            sys.exit(made.stderr)
        by_farm = {}
        with open(csv, encoding="utf-8") as handle:
            header = next(handle)
            for line in handle:
                by_farm.setdefault(line.split(";", 1)[0], []).append(line)
        self.uploaders = []
        for farm, lines in sorted(by_farm.items()):
            path = os.path.join(self.work, f"upload-{farm}.csv")
            with open(path, "w", encoding="utf-8") as handle:
                handle.write(header + "".join(lines[:2000]))
            token = json.loads(self.command("token", "issue", "--provider", farm, "--json").stdout)["token"]
            self.uploaders.append((token, path))
        self.leader = json.loads(self.command("token", "issue", "--role", "leader", "--json").stdout)["token"]

    def note(self, kind, status=None):
        with self.lock:
            self.counts[kind] += 1
            if status is not None:
                self.failures.append(status)

    def upload(self, token, path):
        url = urllib.parse.urlparse(self.base)
        variant = 0
        while not self.stop.is_set():
            # 110 variants differ from one another; after them a farm sends files it sent before too.
            body = next(variants(path, variant % 220, 1))
            connection = http.client.HTTPConnection(url.hostname, url.port, timeout=120)
            connection.request("POST", f"/v1/attendance?filename=soak-{variant}.csv", body=body,
                               headers={"Authorization": f"Bearer {token}", "Content-Type": "text/csv"})
            response = connection.getresponse()
            response.read()
            connection.close()
            self.note("uploads", None if response.status in (200, 201) else f"upload {response.status}")
            variant += 1

    def reports(self):
        url = urllib.parse.urlparse(self.base)
        number = 0
        while not self.stop.is_set():
            connection = http.client.HTTPConnection(url.hostname, url.port, timeout=300)
            connection.request("GET", f"/v1/reports/{REPORTS[number % len(REPORTS)]}", headers={"Authorization": f"Bearer {self.leader}"})
            response = connection.getresponse()
            response.read()
            connection.close()
            self.note("reports", None if response.status == 200 else f"report {response.status}")
            number += 1
            self.stop.wait(2)

    def commands(self):
        number = 0
        lines = [["provider", "list", "--json"], ["attendance", "status", "--month", "2025-05"], ["attendance", "submissions"],
                 ["audit", "--limit", "20"]]
        while not self.stop.is_set():
            result = self.command(*lines[number % len(lines)])
            self.note("commands", None if result.returncode == 0 else f"command {lines[number % len(lines)][0]} {result.returncode}")
            number += 1
            self.stop.wait(5)

    def run(self, sample_every):
        port = free_port()
        self.base = f"http://127.0.0.1:{port}"
        server = subprocess.Popen([self.tunet, "serve", "--port", str(port), "--database", self.database], env=self.env,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        samples = []
        try:
            wait_for(f"{self.base}/health")
            workers = [threading.Thread(target=self.upload, args=pair) for pair in self.uploaders]
            workers += [threading.Thread(target=self.reports), threading.Thread(target=self.commands)]
            for worker in workers:
                worker.start()
            started = time.monotonic()
            while time.monotonic() - started < self.seconds:
                samples.append((time.monotonic() - started, resident_megabytes(server.pid)))
                time.sleep(sample_every)
            samples.append((time.monotonic() - started, resident_megabytes(server.pid)))
            self.stop.set()
            for worker in workers:
                worker.join()
        finally:
            self.stop.set()
            server.terminate()
            server.wait()
        return samples


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--tunet", default=os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), ".build/release/tunet"))
    parser.add_argument("--work", default=os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), ".build-bench/soak"))
    parser.add_argument("--minutes", type=float, default=60)
    parser.add_argument("--farms", type=int, default=4, help="farms uploading at once")
    parser.add_argument("--sample-every", type=float, default=10, help="seconds between memory samples")
    arguments = parser.parse_args()

    soak = Soak(os.path.abspath(arguments.tunet), os.path.abspath(arguments.work), arguments.minutes, arguments.farms)
    soak.prepare()
    samples = soak.run(arguments.sample_every)
    quarter = max(1, len(samples) // 4)
    second = statistics.median(megabytes for _, megabytes in samples[quarter:2 * quarter])
    last = statistics.median(megabytes for _, megabytes in samples[-quarter:])
    growth = (last - second) / second
    print("| minute | resident MB |")
    print("| --- | --- |")
    step = max(1, len(samples) // 20)
    for seconds, megabytes in samples[::step] + ([samples[-1]] if (len(samples) - 1) % step else []):
        print(f"| {seconds / 60:.1f} | {megabytes:.1f} |")
    result = {"minutes": arguments.minutes, **soak.counts, "failures": len(soak.failures), "failure_kinds": sorted(set(soak.failures)),
              "second_quarter_median_mb": round(second, 1), "last_quarter_median_mb": round(last, 1),
              "peak_mb": round(max(megabytes for _, megabytes in samples), 1), "growth": round(growth, 3),
              "flat_within_10_percent": abs(growth) <= 0.10}
    print(json.dumps(result))
    sys.exit(0 if result["flat_within_10_percent"] and not soak.failures else 1)


if __name__ == "__main__":
    main()
