"""The whole import of a large table (read, check, write to a new database) against openpyxl.

    python benchmarks/bench_import.py [--rows 20000] [--repeat 3]

Issue 3's bar: a 20,000-row workbook imports in at most twice the time openpyxl
alone takes to read every cell. Prints the best of ``--repeat`` runs (wall and
CPU seconds) of openpyxl reading every cell (read-only and normal mode), of
read_table alone, and of the full import into a new SQLite file (read_table +
import_table, search index included), with the ratios.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_import_read import best_times, openpyxl_normal, openpyxl_read_only
from make_big_workbook import make_workbook

from spbgui.io.xlsx.read import read_table
from spbgui.services.importer import import_table
from spbgui.store.database import open_database


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        xlsx = make_workbook(folder / "big.xlsx", rows=args.rows)
        runs_done = iter(range(10_000))

        def full_import() -> None:
            db = open_database(folder / f"db{next(runs_done)}.sqlite")
            try:
                import_table(db=db, table=read_table(xlsx))
            finally:
                db.close()

        counts = read_table(xlsx).counts()
        best = best_times(
            args.repeat,
            {
                "openpyxl read-only, every cell": lambda: openpyxl_read_only(xlsx),
                "openpyxl normal mode, every cell": lambda: openpyxl_normal(xlsx),
                "read_table": lambda: read_table(xlsx),
                "full import (read + write + index)": full_import,
            },
        )
    print(f"workbook: {args.rows} rows {counts}")
    for name, (wall, cpu) in best.items():
        print(f"{name:40s} wall {wall:6.2f} s   cpu {cpu:6.2f} s")
    full = best["full import (read + write + index)"]
    for base in ("openpyxl read-only, every cell", "openpyxl normal mode, every cell"):
        ratio = full[1] / best[base][1]
        print(f"full import / {base:34s} cpu ratio {ratio:4.2f}  (bar: 2.00)")


if __name__ == "__main__":
    main()
