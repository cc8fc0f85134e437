"""The code checks run with the suite: ruff's lint and format, and mypy.

``make test`` (and so CI) fails on a lint error, a file ruff would reformat, or
a type error; each failure shows the tool's own report. mypy's settings (strict
on domain, store and services) are in pyproject.toml ([tool.mypy]); ``make lint``
runs the same three commands.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
LINTED = ["spbgui", "tests", "benchmarks", "packaging", "db"]
FORMATTED = ["spbgui", "tests", "benchmarks", "packaging"]


def _run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(BIN / command[0]), *command[1:]],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )


def test_ruff_finds_nothing() -> None:
    result = _run("ruff", "check", "--no-cache", *LINTED)
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]
    assert "All checks passed!" in result.stdout, result.stdout + result.stderr


def test_ruff_would_reformat_nothing() -> None:
    result = _run("ruff", "format", "--check", "--no-cache", *FORMATTED)
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]
    checked = re.search(r"(\d+) files? already formatted", result.stdout)
    assert checked and int(checked[1]) > 100, result.stdout + result.stderr


def test_mypy_finds_no_type_error() -> None:
    # files = ["spbgui"] in pyproject.toml: the whole package, nothing left out
    result = _run("mypy", "--config-file", "pyproject.toml")
    assert result.returncode == 0, result.stdout[-8000:] + result.stderr[-2000:]
    checked = re.search(r"Success: no issues found in (\d+) source files", result.stdout)
    assert checked and int(checked[1]) > 100, result.stdout + result.stderr
