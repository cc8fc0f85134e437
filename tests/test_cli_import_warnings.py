"""``spbgui-cli import`` of a table with many warnings: the first 20 on screen, all on request."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest

from tests.test_cli import assert_refused, cli

EXTRA = 30  # page-break continuations appended to the fixture, one warning each


@pytest.fixture
def noisy_xlsx(tmp_path: Path, fixture_xlsx: Path) -> Path:
    wb = openpyxl.load_workbook(fixture_xlsx)
    ws = wb.active
    for i in range(EXTRA):
        ws.append([None, None, None, None, f"продолжение текста № {i}."])
    path = tmp_path / "noisy.xlsx"
    wb.save(path)
    return path


def _all_warnings(xlsx: Path, db: Path) -> list[str]:
    r = cli("import", str(xlsx), "--db", str(db), "--dry-run", "--json")
    assert r.returncode == 0, r.stderr
    return json.loads(r.stdout)["warnings"]


def test_the_terminal_gets_the_first_twenty_and_how_many_more(
    tmp_path: Path, noisy_xlsx: Path
) -> None:
    warnings = _all_warnings(noisy_xlsx, tmp_path / "dry.sqlite")
    assert len(warnings) > 20 + 10
    r = cli("import", str(noisy_xlsx), "--db", str(tmp_path / "db.sqlite"))
    assert r.returncode == 0, r.stderr
    shown = [line.strip() for line in r.stdout.splitlines() if line.startswith("  строка")]
    assert shown == warnings[:20]
    assert f"Замечания ({len(warnings)}):" in r.stdout
    more = len(warnings) - 20
    assert f"… и ещё {more} замечани" in r.stdout
    assert "--warnings ФАЙЛ или --json" in r.stdout


def test_warnings_file_holds_every_warning(tmp_path: Path, noisy_xlsx: Path) -> None:
    warnings = _all_warnings(noisy_xlsx, tmp_path / "dry.sqlite")
    out = tmp_path / "замечания.txt"
    r = cli("import", str(noisy_xlsx), "--db", str(tmp_path / "db.sqlite"), "--warnings", str(out))
    assert r.returncode == 0, r.stderr
    assert out.read_text(encoding="utf-8").splitlines() == warnings
    assert f"все замечания записаны в файл {out}" in r.stdout
    assert sum(line.startswith("  строка") for line in r.stdout.splitlines()) == 20


def test_a_few_warnings_are_all_shown(tmp_path: Path, fixture_xlsx: Path) -> None:
    warnings = _all_warnings(fixture_xlsx, tmp_path / "dry.sqlite")
    assert 0 < len(warnings) <= 20
    r = cli("import", str(fixture_xlsx), "--db", str(tmp_path / "db.sqlite"))
    assert r.returncode == 0, r.stderr
    shown = [line.strip() for line in r.stdout.splitlines() if line.startswith("  строка")]
    assert shown == warnings
    assert "ещё" not in r.stdout


def test_a_warnings_file_it_cannot_write_stops_the_import_before_it_starts(
    tmp_path: Path, noisy_xlsx: Path
) -> None:
    db = tmp_path / "db.sqlite"
    r = cli("import", str(noisy_xlsx), "--db", str(db), "--warnings", str(tmp_path / "no/x.txt"))
    assert_refused(r, 1, "файл замечаний")
    assert not db.exists()


def test_a_refused_table_leaves_no_warnings_file(tmp_path: Path) -> None:
    bad = tmp_path / "letter.xlsx"
    bad.write_text("Это не таблица", encoding="utf-8")
    out = tmp_path / "w.txt"
    r = cli("import", str(bad), "--db", str(tmp_path / "db.sqlite"), "--warnings", str(out))
    assert r.returncode == 1
    assert not out.exists()
