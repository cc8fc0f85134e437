"""Shared pieces of the crash-safety tests: a big workbook, counting records with plain sqlite3."""

from __future__ import annotations

import importlib.util
import sqlite3
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def make_big_workbook(path: Path, rows: int = 20_000, year: int = 2023) -> Path:
    spec = importlib.util.spec_from_file_location(
        "make_big_workbook", ROOT / "benchmarks" / "make_big_workbook.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.make_workbook(path, rows=rows, year=year)


def state(path: Path) -> tuple:
    """What the database holds, summarised; and asserts SQLite finds it sound."""
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        counts = tuple(
            conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("region", "country", "partner", "agreement", "agreement_date", "event")
        )
        texts = conn.execute("SELECT count(*), sum(length(text)) FROM event").fetchone()
        return (*counts, *texts)
    finally:
        conn.close()


def cli_args(*args: str) -> list[str]:
    return [sys.executable, "-m", "spbgui.cli", *args]


def cli(*args: str, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    return subprocess.run(cli_args(*args), capture_output=True, text=True, timeout=timeout)
