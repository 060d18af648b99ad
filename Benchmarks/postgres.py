"""The shared PostgreSQL store beside SQLite (BENCHMARKS.md, "PostgreSQL"): run through
`bash Benchmarks/run --only postgres`. Starts a throwaway PostgreSQL server of its own (Debian's
packages; as the `postgres` user when run as root) on a free loopback port, with the server's default
durability, and removes it afterwards.

- import: the national year's attendance file into a copy of the national data set, against `psql
  \\copy` of the same file into an unindexed table of the same server (the floor; target ≤ 1.5 ×).
- export: the year's attendance rows as xlsx from PostgreSQL, against the same C floor as SQLite's.
- upload: 8 clients through two `tunet serve` instances on one database (target p99 ≤ 50 ms), and
  the same load through one instance on SQLite, in the same run.
"""
import glob
import json
import os
import shutil
import subprocess
import sys
import tempfile

from run import Harness, free_port, measure, measure_with_memory, summary, wait_for, ROOT


class Server:
    """A throwaway cluster: initdb, pg_ctl start, a login `tunet` trusted on loopback."""

    def __init__(self):
        found = shutil.which("initdb")
        versions = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda path: int(path.split("/")[4]))
        initdb = os.path.realpath(found) if found else (versions[-1] if versions else None)
        if not initdb:
            sys.exit("PostgreSQL is not installed: apt install postgresql")
        self.bin = os.path.dirname(initdb)
        self.folder = tempfile.mkdtemp(prefix="tunet-bench-pg-")
        self.port = free_port()
        self.as_user = []
        if os.geteuid() == 0:
            shutil.chown(self.folder, "postgres", "postgres")
            self.as_user = ["setpriv", "--reuid=postgres", "--regid=postgres", "--init-groups"]
        self.run("initdb", "-D", f"{self.folder}/data", "-U", "tunet", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8")
        self.run("pg_ctl", "-D", f"{self.folder}/data", "-l", f"{self.folder}/log", "-w", "-o",
                 f"-c listen_addresses=127.0.0.1 -p {self.port} -k {self.folder} -c max_connections=100", "start")

    def run(self, program, *arguments, stdin=None):
        return subprocess.run([*self.as_user, os.path.join(self.bin, program), *arguments], check=True, stdin=stdin,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True).stdout

    def url(self, database):
        return f"postgres://tunet@127.0.0.1:{self.port}/{database}"

    def psql(self, database, *commands):
        arguments = ["-h", "127.0.0.1", "-p", str(self.port), "-U", "tunet", "-d", database, "-X", "-q", "-v", "ON_ERROR_STOP=1"]
        return [os.path.join(self.bin, "psql"), *arguments, *[part for command in commands for part in ("-c", command)]]

    def create(self, database, template=None):
        self.run("createdb", "-h", "127.0.0.1", "-p", str(self.port), "-U", "tunet", *(["-T", template] if template else []), database)

    def stop(self):
        self.run("pg_ctl", "-D", f"{self.folder}/data", "-m", "fast", "-w", "stop")
        shutil.rmtree(self.folder, ignore_errors=True)


def postgres_benchmark(harness):
    server = Server()
    try:
        database, csv, rows = harness.national()
        server.create("national")
        measure(harness.tunet_command(server.url("national"), "copy", "--from", database, "--to", server.url("national")), env=harness.env)
        tunet, floor = [], []
        for run in range(harness.runs):
            name = f"imported_{run}"
            server.create(name, template="national")
            seconds, output = measure(harness.tunet_command(server.url(name), "attendance", "import", csv), env=harness.env)
            tunet.append(seconds)
            floor_name = f"floor_{run}"
            server.create(floor_name, template="national")
            subprocess.run(server.psql(floor_name, "CREATE TABLE raw (organisation text, participant text, date text, status text, hours text)"),
                           check=True, env=harness.env)
            floor.append(measure(server.psql(floor_name, f"\\copy raw FROM '{csv}' WITH (FORMAT csv, DELIMITER ';', HEADER true)"),
                                 env=harness.env)[0])
            print(f"  PostgreSQL import run {run + 1}: tunet {tunet[-1]:.2f} s, psql \\copy {floor[-1]:.2f} s", flush=True)
        imported = server.url(f"imported_{harness.runs - 1}")
        harness.results["postgres_import"] = {"rows": rows, "tunet": summary(tunet), "psql_copy_floor": summary(floor)}

        export, memory = [], []
        sqlite_file = harness.path("imported.sqlite")
        c_floor = []
        for run in range(harness.runs):
            seconds, rss = measure_with_memory(harness.tunet_command(imported, "export", "attendance-rows", "--from", "2025-01-01",
                                                                     "--to", "2025-12-31", "-o", harness.path("pg-export.xlsx"), "--force"),
                                               env=harness.env)
            export.append(seconds)
            memory.append(rss)
            if os.path.exists(sqlite_file):
                c_floor.append(measure_with_memory([harness.floor, sqlite_file, harness.path("floor-export.xlsx"), "2025-01-01", "2025-12-31"])[0])
            print(f"  PostgreSQL export run {run + 1}: tunet {export[-1]:.2f} s ({memory[-1]:.0f} MB)"
                  + (f", C floor {c_floor[-1]:.2f} s" if c_floor else ""), flush=True)
        harness.results["postgres_export"] = {"tunet": summary(export), "peak_rss_mb": max(memory),
                                              "c_floor": summary(c_floor) if c_floor else None}

        harness.results["postgres_upload"] = upload(harness, server)
    finally:
        server.stop()


def upload(harness, server, clients=8, uploads=25):
    """The upload benchmark's load through two instances on PostgreSQL, then through one on SQLite."""
    csv = harness.path("upload-year.csv")
    sqlite_database = harness.path("upload-pg-side.sqlite")
    for name in (csv, sqlite_database):
        if os.path.exists(name):
            os.remove(name)
    measure(harness.tunet_command(sqlite_database, "synthetic", "--farms", str(clients), "--placements", str(clients * 25),
                                  "--attendance", csv), env=harness.env)
    server.create("upload")
    measure(harness.tunet_command(server.url("upload"), "copy", "--from", sqlite_database, "--to", server.url("upload")), env=harness.env)
    by_farm = {}
    with open(csv, encoding="utf-8") as handle:
        header = next(handle)
        for line in handle:
            by_farm.setdefault(line.split(";", 1)[0], []).append(line)
    files = {}
    for farm, lines in sorted(by_farm.items()):
        files[farm] = harness.path(f"upload-{farm}.csv")
        with open(files[farm], "w", encoding="utf-8") as handle:
            handle.write(header + "".join(lines[:2000]))
    results = {}
    for store, database, instances in (("postgres_two_instances", server.url("upload"), 2), ("sqlite_one_instance", sqlite_database, 1)):
        pairs = []
        for farm, path in files.items():
            token = json.loads(measure(harness.tunet_command(database, "token", "issue", "--provider", farm, "--json"), env=harness.env)[1])["token"]
            pairs.append(f"{token}:{path}")
        ports = [free_port() for _ in range(instances)]
        servers = [subprocess.Popen(harness.tunet_command(database, "serve", "--port", str(port)), env=harness.env,
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL) for port in ports]
        try:
            for port in ports:
                wait_for(f"http://127.0.0.1:{port}/health")
            runs = []
            for run in range(harness.runs):
                output = measure([harness.load, ",".join(str(port) for port in ports), str(clients), str(uploads),
                                  str(run * uploads), *pairs])[1]
                runs.append(json.loads(output))
                print(f"  upload {store} run {run + 1}: p50 {runs[-1]['p50_ms']:.1f} ms, p99 {runs[-1]['p99_ms']:.1f} ms, "
                      f"{runs[-1]['uploads_per_second']:.1f} uploads/s, {runs[-1]['failures']} failures", flush=True)
        finally:
            for process in servers:
                process.terminate()
                process.wait()
        results[store] = {"p50_ms": summary([r["p50_ms"] for r in runs]), "p99_ms": summary([r["p99_ms"] for r in runs]),
                          "uploads_per_second": summary([r["uploads_per_second"] for r in runs]),
                          "failures": sum(r["failures"] for r in runs)}
    return results
