"""Issue 17's speed goals, measured side by side in one run: what `make bench` prints.

    python benchmarks/bench.py [--runs 5] [--only import,startup,window] [--cache DIR]
        [--source DIR]

Import and start-up are timed as whole processes, the way ``/usr/bin/time``
does: wall-clock time around the process, CPU time and peak memory (RSS) from
``wait4``, of the process and of every process it started (the import's reader
runs in a child of a fork server that its parent never waits for: the bench
adopts it, so its CPU time counts and its memory is compared too). Each command
runs ``--runs`` times after one warm-up run, the commands taking turns so that
a busy machine slows them alike; the medians and their ratios are printed beside
the goal.

- Goal 1, import: ``spbgui-cli import`` of a 20,000-row workbook into a new
  database, against openpyxl (normal mode) and python-calamine reading every
  cell of the same file (benchmarks/procs/read_every_cell.py).
- Goal 2, start-up: ``spbgui`` until its window is shown and the event loop
  runs (SPBGUI_QUIT_AFTER_SHOW), with an empty database and with the 2024
  table, against a bare PySide6 window with a tree and a table
  (benchmarks/procs/bare_window.py).
- Goal 3, the window at 10,000 partners / 500,000 events: benchmarks/bench_window.py
  on the database benchmarks/make_big_db.py makes (`make bench-db`, once; it is
  kept in the cache folder).

The generated workbook and database are kept in ``--cache`` (default
/tmp/spbgui-bench), so a second run does not make them again. ``--source`` runs
another checkout's ``spbgui`` package with the same yardsticks (for the figures
before a change: ``git archive main | tar -x -C /tmp/before``).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HERE = Path(__file__).resolve().parent
PY = sys.executable
BIN = Path(PY).parent
ROWS = 20_000
BIG_DB = "big-10000p-500000e.sqlite"


@dataclass(frozen=True)
class Run:
    wall: float  # seconds
    cpu: float  # seconds, user + system, the children it waited for included
    rss: float  # MiB, the peak


def _become_subreaper() -> None:
    """Adopt the command's orphaned descendants (Linux), to count them as /usr/bin/time can't.

    The import reads the workbook in a child of multiprocessing's fork server, a
    process that outlives its parent by a moment and is never waited for by it: the
    plain ``wait4`` of the command would leave its CPU time and memory out.
    """
    if sys.platform != "linux":
        return
    import ctypes

    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(36, 1, 0, 0, 0)  # PR_SET_CHILD_SUBREAPER


def run_process(cmd: Sequence[str | Path], env: dict[str, str] | None = None) -> Run:
    """Run one command to its end and measure it, its descendants included.

    Wall time around the command; CPU time and peak RSS from ``wait4`` of the
    command and of every descendant it left behind (adopted, see
    :func:`_become_subreaper`): CPU summed, memory the largest of the processes.
    """
    started = time.perf_counter()
    proc = subprocess.Popen(
        [str(c) for c in cmd],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=env or dict(os.environ),
    )
    err = proc.stderr.read() if proc.stderr else b""
    _pid, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - started
    proc.returncode = os.waitstatus_to_exitcode(status)
    cpu, rss = usage.ru_utime + usage.ru_stime, usage.ru_maxrss
    deadline = time.perf_counter() + 10
    while time.perf_counter() < deadline:  # the orphans, as they end
        try:
            pid, _status, orphan = os.wait4(-1, os.WNOHANG)
        except ChildProcessError:
            break
        if pid == 0:
            time.sleep(0.01)
            continue
        cpu += orphan.ru_utime + orphan.ru_stime
        rss = max(rss, orphan.ru_maxrss)
    if proc.returncode != 0:
        raise SystemExit(
            f"{' '.join(map(str, cmd))} failed ({proc.returncode}):\n{err.decode(errors='replace')}"
        )
    return Run(wall, cpu, rss / 1024)


def median_runs(
    commands: dict[str, tuple[list[str | Path], dict[str, str] | None]],
    runs: int,
    before_each: dict[str, object] | None = None,
) -> dict[str, Run]:
    """The medians (wall, CPU, RSS each on its own) of ``runs`` turns of every command."""
    samples: dict[str, list[Run]] = {name: [] for name in commands}
    for turn in range(runs + 1):
        for name, (cmd, env) in commands.items():
            prepare = (before_each or {}).get(name)
            if callable(prepare):
                prepare()
            result = run_process(cmd, env)
            if turn:  # the first turn warms the disk cache and the daily backup
                samples[name].append(result)
    return {
        name: Run(
            statistics.median(r.wall for r in got),
            statistics.median(r.cpu for r in got),
            statistics.median(r.rss for r in got),
        )
        for name, got in samples.items()
    }


def print_runs(results: dict[str, Run]) -> None:
    print(f"  {'':46} {'wall':>8} {'cpu':>8} {'peak RSS':>10}")
    for name, r in results.items():
        print(f"  {name:46} {r.wall:7.2f}s {r.cpu:7.2f}s {r.rss:6.0f} MiB")


def print_ratio(label: str, a: Run, b: Run, goal: str, limit: float, rss_limit: float = 0) -> None:
    """The ratios of ``a`` to ``b``, and whether wall and CPU time are within ``limit``.

    Both verdicts are printed: on a machine shared with other work the wall time
    waits for the CPU too, and the CPU time is the steadier of the two.
    """
    wall, cpu, rss = a.wall / b.wall, a.cpu / b.cpu, a.rss / b.rss

    def verdict(ratio: float, bar: float) -> str:
        return "met" if ratio <= bar else "NOT MET"

    text = f"wall {verdict(wall, limit)}, cpu {verdict(cpu, limit)}"
    if rss_limit:
        text += f", memory ≤ {rss_limit}×: {verdict(rss, rss_limit)}"
    print(f"  {label:46} {wall:7.2f}× {cpu:7.2f}× {rss:8.2f}×   goal {goal}: {text}")


def bench_import(cache: Path, work: Path, runs: int) -> None:
    xlsx = cache / f"big-{ROWS}.xlsx"
    if not xlsx.exists():
        print(f"making {xlsx} …", flush=True)
        subprocess.run(
            [PY, HERE / "make_big_workbook.py", "--rows", str(ROWS), xlsx],
            check=True,
            stdout=subprocess.DEVNULL,
        )
    reader = HERE / "procs" / "read_every_cell.py"
    db = work / "import.sqlite"

    def fresh_db() -> None:
        for leftover in work.glob("import.sqlite*"):
            leftover.unlink()
        shutil.rmtree(work / "backups", ignore_errors=True)

    results = median_runs(
        {
            "openpyxl, normal mode, every cell": ([PY, reader, "openpyxl", xlsx], None),
            "python-calamine, every cell": ([PY, reader, "calamine", xlsx], None),
            "spbgui-cli import (new database)": (
                [BIN / "spbgui-cli", "import", xlsx, "--db", db],
                None,
            ),
        },
        runs,
        before_each={"spbgui-cli import (new database)": fresh_db},
    )
    print(f"\nGoal 1 — import of a {ROWS:,}-row workbook ({xlsx.stat().st_size / 1e6:.1f} MB),")
    print(f"whole processes, medians of {runs}:")
    print_runs(results)
    ours = results["spbgui-cli import (new database)"]
    openpyxl = results["openpyxl, normal mode, every cell"]
    calamine = results["python-calamine, every cell"]
    print_ratio("import / openpyxl", ours, openpyxl, "time ≤ 1.0×", 1.0, rss_limit=1.5)
    print_ratio("import / calamine", ours, calamine, "time ≤ 3.0×", 3.0)
    print_load()


def bench_startup(work: Path, runs: int) -> None:
    config = work / "config"
    env = dict(os.environ, XDG_CONFIG_HOME=str(config), SPBGUI_QUIT_AFTER_SHOW="1")
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    # Bytecode cached as an installed program has it (pip compiles what it installs): with
    # PYTHONDONTWRITEBYTECODE set, every run would compile the program's own modules again,
    # which no user's start-up does. The cache goes to the work folder, not the sources.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(work / "pycache")
    empty = work / "empty.sqlite"
    year = work / "2024.sqlite"
    cli = BIN / "spbgui-cli"
    # (spbgui-cli makes no database of its own: `info` refuses a missing file.)
    make_empty = (
        "import sys; from spbgui.store.database import open_database as o; o(sys.argv[1]).close()"
    )
    subprocess.run([PY, "-c", make_empty, empty], check=True, stdout=subprocess.DEVNULL)
    subprocess.run(
        [cli, "import", ROOT / "tests" / "data" / "cooperation_2024.xlsx", "--db", year],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    results = median_runs(
        {
            "bare PySide6 window (tree + table)": ([PY, HERE / "procs" / "bare_window.py"], env),
            "spbgui, empty database": ([BIN / "spbgui", "--db", empty], env),
            "spbgui, the 2024 table": ([BIN / "spbgui", "--db", year], env),
        },
        runs,
    )
    print(f"\nGoal 2 — start-up until the window is shown, whole processes, medians of {runs}:")
    print_runs(results)
    bare = results["bare PySide6 window (tree + table)"]
    empty_run = results["spbgui, empty database"]
    full = results["spbgui, the 2024 table"]
    print_ratio("empty database / bare window", empty_run, bare, "≤ 2×", 2.0)
    print_ratio("2024 table / bare window", full, bare, "≤ 3×", 3.0)
    print_load()


def print_load() -> None:
    if hasattr(os, "getloadavg"):
        print(f"  (load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs)")


def bench_window(cache: Path) -> None:
    db = cache / BIG_DB
    print("\nGoal 3 — the window at 10,000 partners / 500,000 events (medians, ms):", flush=True)
    if not db.exists():
        print(f"  skipped: no {db}; make it once with `make bench-db` (some minutes)")
        return
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    proc = subprocess.run(
        [PY, HERE / "bench_window.py", "--goals", db],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    for line in proc.stdout.splitlines():
        if "propagateSizeHints" not in line:  # the offscreen platform's chatter
            print(line)
    if proc.returncode:
        raise SystemExit(f"bench_window.py failed ({proc.returncode})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--only", default="import,startup,window")
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "spbgui-bench")
    parser.add_argument("--source", type=Path, help="the spbgui checkout to measure")
    args = parser.parse_args()
    _become_subreaper()
    args.cache.mkdir(parents=True, exist_ok=True)
    if args.source:
        # The children import spbgui from there (PYTHONPATH comes before the editable install).
        source = str(args.source.resolve())
        os.environ["PYTHONPATH"] = source
        os.environ["SPBGUI_SOURCE"] = source
        print(f"spbgui from {source}")
    only = set(args.only.split(","))
    with tempfile.TemporaryDirectory(prefix="spbgui-bench-") as tmp:
        work = Path(tmp)
        if "import" in only:
            bench_import(args.cache, work, args.runs)
        if "startup" in only:
            bench_startup(work, args.runs)
        if "window" in only:
            bench_window(args.cache)


if __name__ == "__main__":
    main()
