"""A guard against slowing down that does not drift with the machine (issue #27): the instructions
Tunet executes, counted by valgrind's callgrind (the same count on a busy machine as on a quiet one),
for a 20,000-row attendance import, the export of those 20,000 rows to xlsx, and 100 uploads through
the service. Each count is held to `Benchmarks/instruction-counts.json`: a count more than the
tolerance above its threshold fails, and so does a change to the thresholds made in a commit that
does not also add its reason to BENCHMARKS.md. `scripts/test` runs it on the debug build it tests.

    python3 Benchmarks/instruction_guard.py [--tunet .build/debug/tunet] [--write]

`--write` measures and writes the counts as the new thresholds (commit them with a line in
BENCHMARKS.md saying why).
"""
import argparse
import http.client
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
THRESHOLDS = os.path.join(ROOT, "Benchmarks", "instruction-counts.json")
ROWS = 20_000
UPLOADS = 100
UPLOAD_ROWS = 200
CODES = ["M", "FM", "FU", "AT"]


def run(command, env, **options):
    process = subprocess.run(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **options)
    if process.returncode != 0:
        sys.exit(f"instruction guard: failed ({process.returncode}): {' '.join(command)}\n{process.stderr[-2000:]}")
    return process.stdout


def instructions(out_file):
    """The total instruction count of a callgrind output file (all threads)."""
    with open(out_file) as handle:
        for line in handle:
            if line.startswith("summary:") or line.startswith("totals:"):
                return int(line.split()[1])
    sys.exit(f"instruction guard: no total in {out_file}")


def callgrind(out_file):
    return ["valgrind", "--tool=callgrind", "--quiet", f"--callgrind-out-file={out_file}"]


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for_service(port, server, seconds=300):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            sys.exit("instruction guard: the service stopped before it answered")
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            connection.request("GET", "/health")
            if connection.getresponse().status == 200:
                return
        except OSError:
            pass
        time.sleep(0.5)
    sys.exit("instruction guard: the service did not answer")


def measure(tunet, work):
    """The three counts, each from its own callgrind run on fresh data."""
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": work, "LANG": "C.UTF-8",
           "TUNET_TODAY": "2026-11-23", "TUNET_ACTOR": "guard", "TUNET_LANG": "nb"}
    path = lambda name: os.path.join(work, name)
    # valgrind cannot read the Swift binary's debug information; the code is the same without it.
    binary = path("tunet")
    run(["objcopy", "--strip-debug", tunet, binary], env)
    shim = path("valgrind_sigsuspend.so")
    run(["cc", "-O2", "-shared", "-fPIC", "-o", shim, os.path.join(ROOT, "Benchmarks", "valgrind_sigsuspend.c")], env)
    env["LD_PRELOAD"] = shim
    base, csv = path("base.sqlite"), path("year.csv")
    run([binary, "synthetic", "--farms", "20", "--placements", "200", "--attendance", csv,
         "--attendance-rows", str(ROWS), "--database", base], env)
    counts = {}

    imported = path("imported.sqlite")
    run(["cp", base, imported], env)
    run(callgrind(path("import.out")) + [binary, "attendance", "import", csv, "--database", imported], env)
    counts["import_20000_rows"] = instructions(path("import.out"))

    run(callgrind(path("export.out")) + [binary, "export", "attendance-rows", "--from", "2025-01-01", "--to", "2025-12-31",
                                         "-o", path("rows.xlsx"), "--database", imported], env)
    counts["export_20000_rows"] = instructions(path("export.out"))

    counts["upload_100"] = upload_count(binary, base, csv, env, path)
    return counts


def upload_count(binary, base, csv, env, path):
    """100 uploads, one after another, of one farm's 200-row file with every status changed each time."""
    database = path("service.sqlite")
    run(["cp", base, database], env)
    with open(csv, encoding="utf-8") as handle:
        header, first = handle.readline(), handle.readline()
        farm = first.split(";", 1)[0]
        rows = [first.rstrip("\n").split(";")] + [line.rstrip("\n").split(";") for line in handle if line.startswith(farm + ";")]
    rows = rows[:UPLOAD_ROWS]
    token = json.loads(run([binary, "token", "issue", "--provider", farm, "--json", "--database", database], env))["token"]
    port = free_port()
    # The service's log goes to a file: a pipe nobody reads would stop it once full.
    log = open(path("service.log"), "w")
    server = subprocess.Popen(callgrind(path("upload.out")) + [binary, "serve", "--port", str(port), "--database", database],
                              env=env, stdout=log, stderr=log)
    try:
        wait_for_service(port, server)
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        for upload in range(UPLOADS):
            body = header + "".join(";".join(row[:3] + [CODES[(index + upload) % 4], "5" if (index + upload) % 4 == 0 else ""]) + "\n"
                                    for index, row in enumerate(rows))
            connection.request("POST", f"/v1/attendance?filename=upload-{upload}.csv", body=body.encode(),
                               headers={"Authorization": f"Bearer {token}", "Content-Type": "text/csv"})
            response = connection.getresponse()
            answer = response.read()
            if response.status not in (200, 201):
                sys.exit(f"instruction guard: upload {upload} answered {response.status}: {answer[:500]!r}")
        connection.close()
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=300)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        log.close()
    return instructions(path("upload.out"))


def git(*arguments):
    """git's output in this checkout, or None when git cannot answer (no git, no repository)."""
    try:
        process = subprocess.run(["git", "-C", ROOT, *arguments], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    except OSError:
        return None
    return process.stdout if process.returncode == 0 else None


def thresholds_explained():
    """None when the thresholds' last change came with a change to BENCHMARKS.md, else why not."""
    if (git("rev-parse", "--is-shallow-repository") or "").strip() == "true":
        # In a shallow clone the oldest commit present looks as if it changed every file.
        git("fetch", "--quiet", "--unshallow")
    if (git("rev-parse", "--is-shallow-repository") or "").strip() != "false":
        return ("the commit that last changed Benchmarks/instruction-counts.json cannot be read "
                "(not a complete git clone): clone the whole history to run the guard")
    commit = (git("log", "-1", "--format=%H", "--", THRESHOLDS) or "").strip()
    if not commit:
        return None  # not committed yet: the commit that adds the thresholds must bring BENCHMARKS.md too
    changed = (git("show", "--name-only", "--format=", commit) or "").split()
    if "BENCHMARKS.md" in changed:
        return None
    return f"the thresholds were changed in {commit[:12]} without a line in BENCHMARKS.md saying why"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--tunet", default=os.path.join(ROOT, ".build", "debug", "tunet"))
    parser.add_argument("--write", action="store_true", help="write the measured counts as the new thresholds")
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="tunet-instructions-") as work:
        counts = measure(os.path.abspath(arguments.tunet), work)
    if arguments.write:
        with open(THRESHOLDS) as handle:
            document = json.load(handle)
        document["counts"] = counts
        with open(THRESHOLDS, "w") as handle:
            json.dump(document, handle, indent=2)
            handle.write("\n")
        print(json.dumps(counts, indent=2))
        return
    with open(THRESHOLDS) as handle:
        document = json.load(handle)
    tolerance = document["tolerance_percent"] / 100
    failures = []
    for name, count in counts.items():
        threshold = document["counts"][name]
        change = (count - threshold) / threshold * 100
        print(f"instruction guard: {name}: {count:,} instructions, threshold {threshold:,} ({change:+.1f} %)")
        if count > threshold * (1 + tolerance):
            failures.append(f"{name} grew {change:.1f} % over its threshold (more than {document['tolerance_percent']} %)")
    why_not = thresholds_explained()
    if why_not:
        failures.append(why_not)
    if failures:
        print("instruction guard failed:\n  " + "\n  ".join(failures) +
              "\nIf the growth is meant, measure with --write and commit Benchmarks/instruction-counts.json"
              " together with a line in BENCHMARKS.md saying why.", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
