"""Years that cannot be right, given to ``stats --years`` or ``anniversaries --year``, are
usage errors as for every other command: exit 2, one Russian line, nothing opened."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.safety.helpers import cli_args


@pytest.mark.parametrize(
    "args",
    [
        ["anniversaries", "--year", "abc"],
        ["anniversaries", "--year", "99999"],
        ["anniversaries", "--year=-5"],
        ["stats", "--years", "abc"],
        ["stats", "--years", "2030-2020"],
        ["stats", "--years", "1800-2024"],
        ["stats", "--years", "2020-2025-2030"],
    ],
)
def test_impossible_years_are_usage_errors(tmp_path: Path, args: list[str]) -> None:
    missing = tmp_path / "nowhere.sqlite"  # a usage error is said before the file is looked at
    r = subprocess.run(
        cli_args(*args, "--db", str(missing)), capture_output=True, text=True, timeout=60
    )
    assert r.returncode == 2, r.stderr
    (line,) = r.stderr.strip().splitlines()
    assert "неверная команда" in line and "invalid" not in line, line
    assert not missing.exists()
