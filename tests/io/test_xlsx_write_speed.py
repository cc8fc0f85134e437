"""The export benchmark's table exports and reads back whole; the 1.5x speed limit, on demand.

The timing test runs only with SPBGUI_TIMING=1 (shared machines make wall
times meaningless; it compares CPU time). ``benchmarks/bench_export.py``
prints the full comparison, with the database load, for 500,000 events.
"""

from __future__ import annotations

import importlib.util
import os
import time
from pathlib import Path
from types import ModuleType

import pytest

from spbgui.io.xlsx.read import read_table
from spbgui.io.xlsx_writer.workbook import write_table

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"


def _bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_export", BENCHMARKS / "bench_export.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_benchmark_table_exports_and_reads_back(tmp_path: Path) -> None:
    bench = _bench()
    table = bench.make_table(3_000)
    assert table.counts()["events"] == 3_000
    result = write_table(table, tmp_path / "bench.xlsx")
    assert result.warnings == [] and result.events == 3_000
    assert read_table(tmp_path / "bench.xlsx").counts() == table.counts()
    # The bare openpyxl run writes the same number of rows on both sheets.
    sheet, events = bench.plain_rows(table)
    assert len(sheet) == result.rows and len(events) == 3_001


@pytest.mark.slow
@pytest.mark.skipif(os.environ.get("SPBGUI_TIMING") != "1", reason="set SPBGUI_TIMING=1")
def test_fifty_thousand_events_within_one_and_a_half_openpyxl(tmp_path: Path) -> None:
    bench = _bench()
    table = bench.make_table(50_000)
    sheet, events = bench.plain_rows(table)

    def cpu(fn) -> float:
        started = time.process_time()
        fn()
        return time.process_time() - started

    bare = cpu(lambda: bench.openpyxl_plain(tmp_path / "plain.xlsx", sheet, events))
    ours = cpu(lambda: write_table(table, tmp_path / "export.xlsx"))
    assert ours <= 1.5 * bare, (ours, bare)
