"""The repository stands on its own: nothing in it reaches outside the clone.

CI runs the suite in a clone placed where nothing is beside it (``.ci/run``);
this test catches a new reference before it gets that far.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# The workplace's folder beside the clone, spelt in pieces so that this file is no hit itself.
_BESIDE = "sha" + "red"
OUTSIDE = re.compile(
    rf"\.\./{_BESIDE}|parents\[\d\]\.parent|ROOT\.parent|\"{_BESIDE}\" /|/ \"{_BESIDE}\""
)


def tracked_files() -> list[Path]:
    out = subprocess.run(
        ["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    return [ROOT / line for line in out.splitlines() if line.endswith((".py", ".md", ".toml"))]


def test_no_file_reaches_outside_the_clone() -> None:
    offenders = [
        f"{path.relative_to(ROOT)}:{n}"
        for path in tracked_files()
        if path.exists()
        for n, line in enumerate(path.read_text("utf-8").splitlines(), 1)
        if OUTSIDE.search(line)
    ]
    assert offenders == []


def test_the_test_data_is_in_the_repository() -> None:
    data = ROOT / "tests" / "data"
    for name in ("cooperation_2024.xlsx", "cooperation_2024.expected.json", "cooperation_2024.txt"):
        assert (data / name).stat().st_size > 1000, name
    assert (ROOT / "docs" / "TABLE_RULES.md").exists()
