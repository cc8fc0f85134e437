"""Where the time of ``spbgui-cli import`` goes, part by part, and the least time its parts allow.

    python benchmarks/bench_import_parts.py [--cache DIR] [--runs 5]

Issue 17's goal 1 asks the whole import of a 20,000-row workbook to take no longer
than openpyxl reading every cell, and at most three times python-calamine reading
every cell. ``make bench`` measures the whole processes; this measures the parts the
import cannot do without, each alone, in this process (medians of ``--runs``):

- the hostile-file check (the guard's parse of every XML part);
- calamine's reading of the sheet into plain cells (the import's reading child);
- the table rules (docs/TABLE_RULES.md) on those cells, in Python;
- the SQLite statements of the writing: the rows inserted from JSON, and the
  full-text index of each batch, as the writer sends them, timed around each statement;
- the writer's Python work (matching, positions, rows, JSON): the processor time of
  the writing, both its threads, less the SQLite statements';
- the start of a process with the CLI's modules; the writer's modules (loaded while
  calamine reads).

It then prints two least times, against the two bars:

- on any number of processors: the rules can only start on cells calamine has
  read (calamine reads a sheet whole), and SQLite serves one statement at a time
  on the import's one connection (one transaction), so the start, calamine's
  reading, and the longer of the rules and the SQLite statements follow each other
  (everything else, the writer's Python included, taken to run beside them for free);
- on this machine's processors: all the parts' processor time, shared out evenly.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from bench import ROWS, Run, median_runs  # noqa: E402

from spbgui.io.table.read import Source, read_grids  # noqa: E402
from spbgui.io.xlsx.cells import load_calamine_sheet  # noqa: E402
from spbgui.io.xlsx.guard import ReadLimits, inspect_workbook  # noqa: E402
from spbgui.services import importer  # noqa: E402
from spbgui.store import search_index  # noqa: E402
from spbgui.store.database import open_database  # noqa: E402

PY = sys.executable


def _grids(path: Path) -> list:
    from python_calamine import CalamineWorkbook

    book = CalamineWorkbook.from_path(str(path))
    try:
        return [load_calamine_sheet(book, name, False, ReadLimits()) for name in book.sheet_names]
    finally:
        book.close()


def _source(path: Path) -> Source:
    return Source(name=path.name, parts=["Лист1"])


class _TimedConnection:
    """The writer's connection, each statement timed (processor time of its thread)."""

    def __init__(self, conn: Any, spent: dict[str, float]) -> None:
        self._conn, self._spent = conn, spent

    def exec_driver_sql(self, statement: str, *args: Any) -> Any:
        t = time.thread_time()
        try:
            return self._conn.exec_driver_sql(statement, *args)
        finally:
            key = "index" if statement.startswith("INSERT INTO search_index") else "rows"
            self._spent[key] += time.thread_time() - t

    def __getattr__(self, name: str) -> Any:
        return getattr(self._conn, name)


class _TimedJson:
    def __init__(self, spent: dict[str, float]) -> None:
        self._spent = spent

    def dumps(self, *args: Any, **kwargs: Any) -> str:
        t = time.thread_time()
        try:
            return json.dumps(*args, **kwargs)
        finally:
            self._spent["json"] += time.thread_time() - t


@contextlib.contextmanager
def _sqlite_timed(spent: dict[str, float]) -> Iterator[None]:
    """Time every statement the bulk writer sends (rows from JSON, index batches), and the
    JSON encoding apart: the real writer, through a timed connection."""
    real_write = search_index.BulkIndex._write

    def timed(self: Any, inserts: Any, batch: Any) -> None:
        conn = self._conn
        self._conn = _TimedConnection(conn, spent)
        try:
            real_write(self, inserts, batch)
        finally:
            self._conn = conn

    search_index.BulkIndex._write = timed  # type: ignore[method-assign]
    search_index.json = _TimedJson(spent)  # type: ignore[assignment]
    try:
        yield
    finally:
        search_index.BulkIndex._write = real_write  # type: ignore[method-assign]
        search_index.json = json  # type: ignore[assignment]


def _median(runs: int, setup: Callable[[], object], part: Callable[[object], object]) -> float:
    """Median processor seconds of ``part(setup())``, the setup not timed."""
    times = []
    for _ in range(runs + 1):  # the first is a warm-up
        prepared = setup()
        gc.collect()
        t = time.process_time()
        part(prepared)
        times.append(time.process_time() - t)
    return statistics.median(times[1:])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path, default=Path("/tmp/spbgui-bench"))
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    args.cache.mkdir(parents=True, exist_ok=True)
    xlsx = args.cache / f"big-{ROWS}.xlsx"
    if not xlsx.exists():
        subprocess.run([PY, HERE / "make_big_workbook.py", "--rows", str(ROWS), xlsx], check=True)
    runs = args.runs
    limits = ReadLimits()

    check = _median(runs, lambda: None, lambda _: inspect_workbook(xlsx, limits))
    cells = _median(runs, lambda: None, lambda _: _grids(xlsx))
    rules = _median(runs, lambda: _grids(xlsx), lambda g: read_grids(g, _source(xlsx)))
    table = read_grids(_grids(xlsx), _source(xlsx))

    writing: list[float] = []  # processor seconds (both threads)
    spent_runs: list[dict[str, float]] = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in range(runs + 1):
            db = open_database(Path(tmp) / f"w{n}.sqlite")
            spent = {"json": 0.0, "rows": 0.0, "index": 0.0}
            gc.collect()
            try:
                with _sqlite_timed(spent):
                    t = time.process_time()
                    importer.import_table(db=db, table=table)
                    writing.append(time.process_time() - t)
            finally:
                db.close()
            spent_runs.append(spent)
    writing = writing[1:]
    spent = {k: statistics.median(s[k] for s in spent_runs[1:]) for k in spent_runs[0]}
    write = statistics.median(writing)
    statements = spent["rows"] + spent["index"]

    cli_only = [PY, "-c", "import spbgui.cli, spbgui.commands.import_table"]
    writer_too = [
        PY,
        "-c",
        "import spbgui.cli, spbgui.commands.import_table, spbgui.services.importer",
    ]
    started = median_runs({"cli": (cli_only, None), "writer": (writer_too, None)}, runs)
    start, writer_modules = started["cli"].cpu, started["writer"].cpu - started["cli"].cpu
    reader = HERE / "procs" / "read_every_cell.py"
    bars: dict[str, Run] = median_runs(
        {
            "openpyxl": ([PY, reader, "openpyxl", xlsx], None),
            "calamine": ([PY, reader, "calamine", xlsx], None),
        },
        runs,
    )

    print(f"\nThe import's parts, {ROWS:,}-row workbook: processor seconds, medians of {runs}")
    print("(a busy machine does not inflate them; the bars are the readers' processor time too):")
    rows = [
        ("process start and the CLI's modules", start),
        ("the writer's modules (SQLAlchemy, the models)", writer_modules),
        ("hostile-file check (the guard)", check),
        ("calamine's reading of the cells", cells),
        ("table rules on those cells (Python)", rules),
        ("SQLite: rows inserted from JSON", spent["rows"]),
        ("SQLite: full-text index of the batches", spent["index"]),
        ("writer's Python (JSON encoding included)", write - statements),
    ]
    for label, seconds in rows:
        print(f"  {label:52s} {seconds:6.2f} s")
    total = sum(s for _label, s in rows)
    any_cpus = start + cells + max(rules, statements)
    here = total / (os.cpu_count() or 1)
    print(f"  {'all of them, one after another':52s} {total:6.2f} s")
    print("\nLeast time the parts allow, against the bars of goal 1:")
    print(f"  {'openpyxl reading every cell (the 1.0× bar)':52s} {bars['openpyxl'].cpu:6.2f} s")
    print(f"  {'3 × python-calamine reading every cell':52s} {3 * bars['calamine'].cpu:6.2f} s")
    print(f"  {'on any number of processors':52s} {any_cpus:6.2f} s")
    shared = f"on this machine ({os.cpu_count()} processors, perfectly shared)"
    print(f"  {shared:52s} {here:6.2f} s")


if __name__ == "__main__":
    main()
