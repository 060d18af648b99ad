"""The progress bar's cost (issue #29): the national import and export run with standard error on a
pseudo-terminal (the bar drawn) and on a pipe (nothing drawn), alternately, so that both see the same
machine. `bash Benchmarks/run --only progress`."""
import os
import pty
import select
import statistics
import subprocess
import time

from run import fresh_copy, summary


def timed_at_terminal(command, env):
    """Runs `command` with its standard error on a pseudo-terminal: (seconds, bytes drawn)."""
    terminal, side = os.openpty()
    started = time.perf_counter()
    process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=side, env=env)
    os.close(side)
    drawn = 0
    while True:
        ready = select.select([terminal], [], [], 1)[0]
        if not ready:
            if process.poll() is not None:
                break
            continue
        try:
            chunk = os.read(terminal, 65536)
        except OSError:
            break
        if not chunk:
            break
        drawn += len(chunk)
    process.wait()
    seconds = time.perf_counter() - started
    os.close(terminal)
    if process.returncode != 0:
        raise SystemExit(f"failed ({process.returncode}): {' '.join(command)}")
    return seconds, drawn


def timed_in_pipe(command, env):
    started = time.perf_counter()
    process = subprocess.run(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    seconds = time.perf_counter() - started
    if process.returncode != 0:
        raise SystemExit(f"failed ({process.returncode}): {' '.join(command)}\n{process.stderr.decode()}")
    if process.stderr:
        raise SystemExit(f"drew into a pipe: {process.stderr[:200]!r}")
    return seconds


def progress_benchmark(harness):
    database, csv, rows = harness.national()
    env = dict(harness.env, TERM="xterm")
    imported = harness.path("progress.sqlite")
    results = {}
    for name, command in (("import", lambda: harness.tunet_command(imported, "attendance", "import", csv)),
                          ("export", lambda: harness.tunet_command(imported, "export", "attendance-rows", "--from", "2025-01-01",
                                                                   "--to", "2025-12-31", "-o", harness.path("progress.xlsx"), "--force"))):
        drawn_times, piped_times, drawn_bytes = [], [], []
        for run in range(harness.runs):
            if name == "import":
                fresh_copy(database, imported)
            seconds, drawn = timed_at_terminal(command(), env)
            if drawn == 0:
                raise SystemExit(f"{name}: no bar was drawn at the terminal; the comparison would measure nothing")
            drawn_times.append(seconds)
            drawn_bytes.append(drawn)
            if name == "import":
                fresh_copy(database, imported)
            piped_times.append(timed_in_pipe(command(), env))
            print(f"  {name} run {run + 1}: bar drawn {drawn_times[-1]:.2f} s ({drawn} bytes), no bar {piped_times[-1]:.2f} s", flush=True)
        results[name] = {"bar": summary(drawn_times), "no_bar": summary(piped_times), "bytes_drawn": statistics.median(drawn_bytes),
                         "ratio": statistics.median(drawn_times) / statistics.median(piped_times)}
    harness.results["progress"] = {"rows": rows, **results}
    lines = ["| work | bar drawn, median (min–max) | no bar, median (min–max) | ratio |", "| --- | --- | --- | --- |"]
    for name in ("import", "export"):
        entry = results[name]
        span = lambda e: f"{e['median']:.2f} s ({e['min']:.2f}–{e['max']:.2f})"
        lines.append(f"| {name} {rows:,} rows | {span(entry['bar'])} | {span(entry['no_bar'])} | {entry['ratio']:.3f} |")
    print("\n".join(lines))
