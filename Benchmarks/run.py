"""Tunet's benchmark harness (see BENCHMARKS.md). Run it through `bash Benchmarks/run`, which builds
the release binary and the C floor first.

Generates the deterministic national data set once (cached in the work folder), then measures each
benchmark several times beside its baselines and prints the median, minimum and maximum, peak
resident memory where it matters, and the ratios against the targets.
"""
import argparse
import json
import os
import platform
import re
import shutil
import socket
import statistics
import subprocess
import sys
import time
import zipfile
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from upload_bodies import variants  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TODAY = "2026-11-23"


def measure(command, env=None, stdin=None):
    """Runs a command to its end: (seconds, stdout)."""
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=stdin, env=env, text=True)
    output, errors = process.communicate()
    seconds = time.perf_counter() - started
    if process.returncode != 0:
        sys.exit(f"failed ({process.returncode}): {' '.join(command)}\n{errors}")
    return seconds, output


def settle():
    """Writes what earlier steps left in the page cache to the disk before a measurement starts, so that
    one benchmark's files (an export's workbook, an import's database) are not written back during the
    next one and billed to it."""
    os.sync()


def measure_with_memory(command, env=None):
    """Like `measure`, and the command's peak resident memory in MB. GNU time reports it: a child forked
    straight from this (large) Python process would inherit its peak in ru_maxrss."""
    report = os.path.join(os.environ.get("TMPDIR", "/tmp"), f"tunet-bench-rss-{os.getpid()}")
    started = time.perf_counter()
    process = subprocess.run(["/usr/bin/time", "-f", "%M", "-o", report, *command], stdout=subprocess.DEVNULL,
                             stderr=subprocess.PIPE, env=env)
    seconds = time.perf_counter() - started
    if process.returncode != 0:
        sys.exit(f"failed: {' '.join(command)}\n{process.stderr.decode()}")
    with open(report) as handle:
        kilobytes = int(handle.read().split()[-1])
    os.remove(report)
    return seconds, kilobytes / 1024


def summary(values):
    return {"median": statistics.median(values), "min": min(values), "max": max(values), "runs": len(values)}


def fresh_copy(source, target):
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(target + suffix):
            os.remove(target + suffix)
    shutil.copyfile(source, target)


class Harness:
    def __init__(self, arguments):
        self.runs = arguments.runs
        self.work = os.path.abspath(arguments.work)
        self.tunet = os.path.join(ROOT, ".build/release/tunet")
        self.floor = os.path.join(self.work, "xlsx_floor")
        self.load = os.path.join(self.work, "upload_load")
        self.env = dict(os.environ, TUNET_TODAY=TODAY, TUNET_ACTOR="benchmark")
        self.env.pop("TUNET_DATABASE", None)
        self.results = {}
        os.makedirs(self.work, exist_ok=True)

    def path(self, name):
        return os.path.join(self.work, name)

    def tunet_command(self, database, *arguments):
        return [self.tunet, *arguments, "--database", database]

    def synthetic(self, database, csv, description, *options):
        """`tunet synthetic` into `database` and its attendance into `csv`, unless both are there already."""
        database, csv = self.path(database), self.path(csv)
        if not (os.path.exists(database) and os.path.exists(csv)):
            for name in (database, csv):
                if os.path.exists(name):
                    os.remove(name)
            print(f"Generating {description}...", flush=True)
            seconds, output = measure(self.tunet_command(database, "synthetic", *options, "--attendance", csv, "--json"), env=self.env)
            print(f"  done in {seconds:.0f} s: {output.strip()}", flush=True)
        self.up_to_date(database)
        return database, csv

    def up_to_date(self, database):
        """A kept database brought to this Tunet's schema before anything is timed on copies of it: a kept
        year of attendance from an older Tunet would otherwise be rebuilt inside the first timed import."""
        measure(self.tunet_command(database, "provider", "list", "--json"), env=self.env)

    def national(self):
        """The national data set without attendance, and the year's attendance CSV (cached)."""
        database, csv = self.synthetic("national.sqlite", "national-2025.csv",
                                       "the national data set (1,100 farms, 10,000 placements, a year of attendance)")
        with open(csv, encoding="utf-8") as handle:
            rows = sum(1 for _ in handle) - 1
        return database, csv, rows

    def import_benchmark(self):
        database, csv, rows = self.national()
        tunet, floor, peer = [], [], []
        imported = self.path("imported.sqlite")
        for run in range(self.runs):
            fresh_copy(database, imported)
            tunet.append(measure(self.tunet_command(imported, "attendance", "import", csv), env=self.env)[0])
            target = self.path("floor.sqlite")
            fresh_copy(database, target)
            script = self.script("CREATE TABLE raw (organisation TEXT, participant TEXT, date TEXT, status TEXT, hours TEXT);\n"
                                 f".separator ;\n.import --csv --skip 1 {csv} raw\n")
            with open(script) as commands:
                floor.append(measure(["sqlite3", target], stdin=commands)[0])
            peer_target = self.path("peer.sqlite")
            fresh_copy(database, peer_target)
            peer.append(measure([sys.executable, os.path.join(ROOT, "Benchmarks/peer_import.py"), peer_target, csv])[0])
            print(f"  import run {run + 1}: tunet {tunet[-1]:.2f} s, sqlite3 .import {floor[-1]:.2f} s, python {peer[-1]:.2f} s", flush=True)
        self.results["import"] = {"rows": rows, "tunet": summary(tunet), "sqlite3_floor": summary(floor), "python_peer": summary(peer)}
        return imported

    def script(self, text):
        path = self.path("import.sql")
        with open(path, "w") as handle:
            handle.write(text)
        return path

    def floor_writes_tunets_cells(self, imported):
        """The floors and the peer must write the cells Tunet writes: May's rows of each, header included,
        compared with Tunet's row by row (style numbers aside, which follow the order formats are first used)."""
        tunet_out, floor_out = self.path("cells-check-tunet.xlsx"), self.path("cells-check-floor.xlsx")
        peer_out = self.path("cells-check-peer.xlsx")
        measure(self.tunet_command(imported, "export", "attendance-rows", "--from", "2025-05-01", "--to", "2025-05-31",
                                   "-o", tunet_out, "--force"), env=self.env)
        measure([self.floor, imported, floor_out, "2025-05-01", "2025-05-31", "cells"])
        measure([sys.executable, os.path.join(ROOT, "Benchmarks/peer_export.py"), imported, peer_out, "2025-05-01", "2025-05-31"])

        def rows(path, sheet):
            xml = zipfile.ZipFile(path).read(f"xl/worksheets/{sheet}").decode()
            data = xml[xml.index("<sheetData>"):xml.index("</sheetData>")]
            return [re.sub(r' s="\d+"', "", row) for row in re.findall(r"<row [^>]*>.*?</row>", data)]

        tunet = rows(tunet_out, "sheet2.xml")
        for name, path in (("the C floor", floor_out), ("the Python peer", peer_out)):
            other = rows(path, "sheet1.xml")
            differing = sum(1 for a, b in zip(tunet, other) if a != b) + abs(len(tunet) - len(other))
            if differing:
                sys.exit(f"{name} does not write Tunet's cells: {differing} of {len(tunet)} rows differ")
        print(f"  the C floor and the Python peer write Tunet's cells: May's {len(tunet) - 1:,} rows and the header alike",
              flush=True)

    def export_benchmark(self, imported):
        self.floor_writes_tunets_cells(imported)
        tunet, floor, peer, cells = [], [], [], []
        memory = {"tunet": [], "c_floor": [], "python_peer": []}
        for run in range(self.runs):
            out = self.path("tunet-export.xlsx")
            seconds, rss = measure_with_memory(self.tunet_command(imported, "export", "attendance-rows", "--from", "2025-01-01",
                                                                  "--to", "2025-12-31", "-o", out, "--force"), env=self.env)
            tunet.append(seconds)
            memory["tunet"].append(rss)
            seconds, rss = measure_with_memory([self.floor, imported, self.path("floor-export.xlsx"), "2025-01-01", "2025-12-31"])
            floor.append(seconds)
            memory["c_floor"].append(rss)
            # The second floor: the same cells written from memory, the database read before the clock starts.
            output = measure([self.floor, imported, self.path("cells-export.xlsx"), "2025-01-01", "2025-12-31", "cells"])[1]
            cells.append(float(output.split("write ")[1].split()[0]))
            seconds, rss = measure_with_memory([sys.executable, os.path.join(ROOT, "Benchmarks/peer_export.py"), imported,
                                                self.path("peer-export.xlsx"), "2025-01-01", "2025-12-31"])
            peer.append(seconds)
            memory["python_peer"].append(rss)
            print(f"  export run {run + 1}: tunet {tunet[-1]:.2f} s ({memory['tunet'][-1]:.0f} MB), C {floor[-1]:.2f} s, "
                  f"C cells only {cells[-1]:.2f} s "
                  f"({memory['c_floor'][-1]:.0f} MB), python {peer[-1]:.2f} s ({memory['python_peer'][-1]:.0f} MB)", flush=True)
        self.results["export"] = {"tunet": summary(tunet), "c_floor": summary(floor), "c_cells_floor": summary(cells),
                                  "python_peer": summary(peer),
                                  "peak_rss_mb": {name: max(values) for name, values in memory.items()}}

    def invoice_benchmark(self, imported):
        times = []
        for run in range(self.runs):
            times.append(measure(self.tunet_command(imported, "export", "invoice-basis", "--from", "2025-05-01",
                                                    "-o", self.path("invoice-basis.xlsx"), "--force"), env=self.env)[0])
        self.results["invoice_basis_month"] = summary(times)
        print(f"  invoice basis for May 2025, every farm: median {statistics.median(times):.3f} s", flush=True)

    def startup_benchmark(self, imported):
        times = []
        for run in range(max(20, self.runs)):
            times.append(measure(self.tunet_command(imported, "provider", "list", "--json"), env=self.env)[0])
        self.results["startup_provider_list"] = summary(times)
        print(f"  tunet provider list --json (1,100 farms): median {statistics.median(times) * 1000:.1f} ms", flush=True)

    def upload_benchmark(self, clients=8, uploads=25):
        database = self.path(f"upload-{clients}.sqlite")
        csv = self.path(f"upload-year-{clients}.csv")
        for name in (database, csv):
            if os.path.exists(name):
                os.remove(name)
        measure(self.tunet_command(database, "synthetic", "--farms", str(clients), "--placements", str(clients * 25),
                                   "--attendance", csv), env=self.env)
        by_farm = {}
        with open(csv, encoding="utf-8") as handle:
            header = next(handle)
            for line in handle:
                by_farm.setdefault(line.split(";", 1)[0], []).append(line)
        pairs = []
        for farm, lines in sorted(by_farm.items()):
            path = self.path(f"upload-{farm}.csv")
            with open(path, "w", encoding="utf-8") as handle:
                handle.write(header + "".join(lines[:2000]))
            token = json.loads(measure(self.tunet_command(database, "token", "issue", "--provider", farm, "--json"), env=self.env)[1])["token"]
            pairs.append(f"{token}:{path}")
        self.check_load_bodies(pairs[0].split(":", 1)[1])
        port = free_port()
        settle()
        server = subprocess.Popen(self.tunet_command(database, "serve", "--port", str(port)), env=self.env,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        memory = {}
        try:
            wait_for(f"http://127.0.0.1:{port}/health")
            time.sleep(1)
            memory["resting_mb"] = resident_megabytes(server.pid)
            sampler = MemorySampler(server.pid)
            runs = []
            for run in range(self.runs):
                output = measure([self.load, str(port), str(clients), str(uploads), str(run * uploads), *pairs])[1]
                runs.append(json.loads(output))
                print(f"  upload run {run + 1} ({clients} clients): p50 {runs[-1]['p50_ms']:.1f} ms, p99 {runs[-1]['p99_ms']:.1f} ms, "
                      f"{runs[-1]['uploads_per_second']:.1f} uploads/s, {runs[-1]['failures']} failures", flush=True)
            memory["peak_mb"] = sampler.stop()
            time.sleep(5)
            memory["after_mb"] = resident_megabytes(server.pid)
            print(f"  the service's memory: {memory['resting_mb']:.0f} MB at rest, {memory['peak_mb']:.0f} MB at most, "
                  f"{memory['after_mb']:.0f} MB five seconds after", flush=True)
        finally:
            server.terminate()
            server.wait()
        self.results["upload" if clients == 8 else f"upload_{clients}"] = {"memory": memory,
            "clients": clients, "rows_per_file": 2000, "uploads_per_run": clients * uploads,
            "p50_ms": summary([run["p50_ms"] for run in runs]), "p99_ms": summary([run["p99_ms"] for run in runs]),
            "uploads_per_second": summary([run["uploads_per_second"] for run in runs]),
            "failures": sum(run["failures"] for run in runs),
        }

    def check_load_bodies(self, path):
        """The C load generator sends upload_bodies.py's files, byte for byte."""
        for variant in (0, 1, 37):
            sent = subprocess.run([self.load, "--body", path, str(variant)], capture_output=True, check=True).stdout
            if sent != next(variants(path, variant, 1)):
                sys.exit(f"upload_load.c's body {variant} for {path} is not upload_bodies.py's")

    def report(self):
        r = self.results
        lines = [f"Machine: {platform.platform()}, {os.cpu_count()} cores, Python {platform.python_version()}",
                 f"Runs per benchmark: {self.runs} (start-up: {r['startup_provider_list']['runs']})", ""]
        lines.append("| benchmark | Tunet median (min–max) | baseline median | ratio | target | met |")
        lines.append("| --- | --- | --- | --- | --- | --- |")

        def span(entry, scale=1, unit="s", digits=2):
            return f"{entry['median'] * scale:.{digits}f} {unit} ({entry['min'] * scale:.{digits}f}–{entry['max'] * scale:.{digits}f})"

        i = r["import"]
        floor_ratio = i["tunet"]["median"] / i["sqlite3_floor"]["median"]
        peer_ratio = i["python_peer"]["median"] / i["tunet"]["median"]
        lines.append(f"| import {i['rows']:,} rows | {span(i['tunet'])} | sqlite3 .import {span(i['sqlite3_floor'])} | "
                     f"{floor_ratio:.2f} × the floor | ≤ 1.0 × | {'yes' if floor_ratio <= 1.0 else 'no'} |")
        lines.append(f"| | | Python csv+sqlite3 {span(i['python_peer'])} | {peer_ratio:.2f} × faster than the peer | ≥ 3 × | "
                     f"{'yes' if peer_ratio >= 3 else 'no'} |")
        e = r["export"]
        floor_ratio = e["tunet"]["median"] / e["c_floor"]["median"]
        peer_ratio = e["python_peer"]["median"] / e["tunet"]["median"]
        memory = e["peak_rss_mb"]
        lines.append(f"| export 1,000,000 × 10 xlsx | {span(e['tunet'])} | C libxlsxwriter {span(e['c_floor'])} | "
                     f"{floor_ratio:.2f} × the floor | ≤ 1.3 × | {'yes' if floor_ratio <= 1.3 else 'no'} |")
        cells_ratio = e["tunet"]["median"] / e["c_cells_floor"]["median"]
        lines.append(f"| | | C libxlsxwriter, the cells alone (no database) {span(e['c_cells_floor'])} | {cells_ratio:.2f} × that floor | "
                     f"≤ 1.05 × | {'yes' if cells_ratio <= 1.05 else 'no'} |")
        lines.append(f"| | | Python XlsxWriter {span(e['python_peer'])} | {peer_ratio:.2f} × faster than the peer | ≥ 5 × | "
                     f"{'yes' if peer_ratio >= 5 else 'no'} |")
        lines.append(f"| export peak memory | {memory['tunet']:.0f} MB | C {memory['c_floor']:.0f} MB, Python {memory['python_peer']:.0f} MB | | "
                     f"≤ 64 MB | {'yes' if memory['tunet'] <= 64 else 'no'} |")
        v = r["invoice_basis_month"]
        lines.append(f"| invoice basis, every farm, one month | {span(v, digits=3)} | | | ≤ 0.25 s | {'yes' if v['median'] <= 0.25 else 'no'} |")
        s = r["startup_provider_list"]
        lines.append(f"| `tunet provider list --json`, 1,100 farms | {span(s, 1000, 'ms', 1)} | | | ≤ 25 ms | "
                     f"{'yes' if s['median'] <= 0.025 else 'no'} |")
        u = r["upload"]
        lines.append(f"| HTTP upload, {u['rows_per_file']:,}-row files, {u['clients']} clients | p50 {u['p50_ms']['median']:.1f} ms, "
                     f"p99 {u['p99_ms']['median']:.1f} ms ({u['p99_ms']['min']:.1f}–{u['p99_ms']['max']:.1f}); "
                     f"{u['uploads_per_second']['median']:.1f} uploads/s; {u['failures']} failures | | | p99 ≤ 25 ms | "
                     f"{'yes' if u['p99_ms']['median'] <= 25 else 'no'} |")
        u = r.get("upload_64")
        if u:
            lines.append(f"| HTTP upload, {u['clients']} clients | p50 {u['p50_ms']['median']:.1f} ms, "
                         f"p99 {u['p99_ms']['median']:.1f} ms ({u['p99_ms']['min']:.1f}–{u['p99_ms']['max']:.1f}); "
                         f"{u['uploads_per_second']['median']:.1f} uploads/s; {u['failures']} failures | | | no failure, p99 ≤ 150 ms | "
                         f"{'yes' if u['failures'] == 0 and u['p99_ms']['median'] <= 150 else 'no'} |")
        for name in ("upload", "upload_64"):
            if name in r:
                m = r[name]["memory"]
                lines.append(f"| the service's memory, {r[name]['clients']} clients | {m['resting_mb']:.0f} MB at rest, {m['peak_mb']:.0f} MB at most, "
                             f"{m['after_mb']:.0f} MB after | | | bounded, back near rest | |")
        text = "\n".join(lines)
        print("\n" + text)
        with open(self.path("results.md"), "w") as handle:
            handle.write(text + "\n")
        with open(self.path("results.json"), "w") as handle:
            json.dump(self.results, handle, indent=1)
        print(f"\nWritten to {self.path('results.md')} and results.json")


def resident_megabytes(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


class MemorySampler:
    """The largest resident size of a process, sampled ten times a second until stopped."""

    def __init__(self, pid):
        import threading
        self.pid, self.peak, self.running = pid, 0.0, True
        self.thread = threading.Thread(target=self.sample, daemon=True)
        self.thread.start()

    def sample(self):
        while self.running:
            self.peak = max(self.peak, resident_megabytes(self.pid))
            time.sleep(0.1)

    def stop(self):
        self.running = False
        self.thread.join()
        return self.peak


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(url, seconds=30):
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=1):
                return
        except OSError:
            time.sleep(0.1)
    sys.exit(f"the service did not answer at {url}")


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3, help="runs of each benchmark (start-up runs at least 20 times)")
    parser.add_argument("--work", default=os.path.join(ROOT, ".build-bench"), help="folder for data and outputs")
    parser.add_argument("--only", choices=["import", "export", "invoice", "startup", "upload", "postgres", "progress", "orders"], action="append",
                        help="run only these (import is run first when a later one needs its database)")
    arguments = parser.parse_args()
    harness = Harness(arguments)
    only = set(arguments.only or ["import", "export", "invoice", "startup", "upload"])
    imported = None
    if "import" in only or (only & {"export", "invoice", "startup"} and not os.path.exists(harness.path("imported.sqlite"))):
        imported = harness.import_benchmark()
    elif only & {"export", "invoice", "startup"}:
        imported = harness.path("imported.sqlite")   # left by an earlier import benchmark
    if "export" in only:
        settle()
        harness.export_benchmark(imported)
    if "invoice" in only:
        settle()
        harness.invoice_benchmark(imported)
    if "startup" in only:
        settle()
        harness.startup_benchmark(imported)
    if "upload" in only:
        harness.upload_benchmark()
        harness.upload_benchmark(clients=64)
    if "postgres" in only:
        from postgres import postgres_benchmark
        postgres_benchmark(harness)
    if "progress" in only:
        from progress import progress_benchmark
        progress_benchmark(harness)
    if "orders" in only:
        from orders import orders_benchmark
        orders_benchmark(harness)
    if only == {"import", "export", "invoice", "startup", "upload"}:
        harness.report()
    else:
        print(json.dumps(harness.results, indent=1))


if __name__ == "__main__":
    main()
