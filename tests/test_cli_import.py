"""``spbgui-cli import`` as a clerk's colleague would run it, including files it must refuse."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.test_cli import assert_refused, cli


def test_import_then_dump_gives_the_expected_records(
    tmp_path: Path, fixture_xlsx: Path, expected_2024: dict
) -> None:
    db = tmp_path / "new.sqlite"
    r = cli("import", str(fixture_xlsx), "--db", str(db))
    assert r.returncode == 0, r.stderr
    assert "Загружено" in r.stdout
    d = cli("dump", "--db", str(db), "--json")
    assert d.returncode == 0, d.stderr
    assert json.loads(d.stdout) == expected_2024


def test_json_counts_and_dry_run(tmp_path: Path, fixture_xlsx: Path, expected_2024: dict) -> None:
    db = tmp_path / "new.sqlite"
    r = cli("import", str(fixture_xlsx), "--db", str(db), "--dry-run", "--json")
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    assert out["counts"] == expected_2024["counts"]
    assert isinstance(out["warnings"], list) and out["warnings"]
    assert not db.exists()  # a dry run into a new file makes none


def test_second_import_needs_replace_year(tmp_path: Path, fixture_xlsx: Path) -> None:
    db = tmp_path / "db.sqlite"
    assert cli("import", str(fixture_xlsx), "--db", str(db)).returncode == 0
    assert_refused(cli("import", str(fixture_xlsx), "--db", str(db)), 1, "--replace-year")
    r = cli("import", str(fixture_xlsx), "--db", str(db), "--replace-year", "--json")
    assert r.returncode == 0, r.stderr
    assert json.loads(cli("info", "--db", str(db)).stdout)["counts"]["events"] == 96
    assert len(list((tmp_path / "backups" / "db.sqlite").glob("before-import-*.sqlite"))) == 1


def _bad_files(tmp: Path, fixture_xlsx: Path) -> dict[str, Path]:
    files: dict[str, Path] = {}
    files["text"] = tmp / "letter.xlsx"
    files["text"].write_text("Это не таблица", encoding="utf-8")
    files["truncated"] = tmp / "truncated.xlsx"
    files["truncated"].write_bytes(fixture_xlsx.read_bytes()[:3000])
    files["empty_zip"] = tmp / "empty.xlsx"
    with zipfile.ZipFile(files["empty_zip"], "w"):
        pass
    files["encrypted"] = tmp / "secret.xlsx"
    files["encrypted"].write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 4000)
    files["missing"] = tmp / "nowhere.xlsx"
    return files


@pytest.mark.parametrize("kind", ["text", "truncated", "empty_zip", "encrypted", "missing"])
def test_bad_files_are_refused_and_the_database_is_untouched(
    tmp_path: Path, fixture_xlsx: Path, kind: str
) -> None:
    db = tmp_path / "db.sqlite"
    assert cli("import", str(fixture_xlsx), "--db", str(db)).returncode == 0
    before = db.read_bytes()
    bad = _bad_files(tmp_path, fixture_xlsx)[kind]
    r = cli("import", str(bad), "--db", str(db))
    assert r.returncode == 1
    assert "Traceback" not in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1, r.stderr
    assert db.read_bytes() == before
    assert not (tmp_path / "backups").exists()


def test_a_workbook_over_the_configured_size_is_refused_before_reading(
    tmp_path: Path, fixture_xlsx: Path
) -> None:
    db = tmp_path / "db.sqlite"
    r = cli("import", str(fixture_xlsx), "--db", str(db), "--max-mb", "0.001")
    assert_refused(r, 1, "допускается не более")
    assert not db.exists()
    r = cli("import", str(fixture_xlsx), "--db", str(db), "--max-cells", "20")
    assert r.returncode == 1 and "Traceback" not in r.stderr
    assert not db.exists()


def test_the_published_text_and_a_renamed_file_import_by_their_content(
    tmp_path: Path, fixture_xlsx: Path, expected_2024: dict
) -> None:
    text = fixture_xlsx.parent / "cooperation_2024.txt"
    for n, source in enumerate((text, fixture_xlsx)):
        renamed = tmp_path / f"таблица{n}.docx"  # the name lies; the content decides
        renamed.write_bytes(source.read_bytes())
        db = tmp_path / f"db{n}.sqlite"
        r = cli("import", str(renamed), "--db", str(db))
        assert r.returncode == 0, r.stderr
        assert json.loads(cli("dump", "--db", str(db), "--json").stdout) == expected_2024


def test_an_old_word_document_is_refused_with_what_to_do(tmp_path: Path) -> None:
    doc = tmp_path / "отчёт.doc"
    doc.write_bytes(
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504 + "WordDocument".encode("utf-16-le")
    )
    r = cli("import", str(doc), "--db", str(tmp_path / "db.sqlite"))
    assert_refused(r, 1, "Сохраните файл в Word как «Документ Word (*.docx)» и откройте снова")
    assert not (tmp_path / "db.sqlite").exists()


def test_the_import_ends_at_once_yet_all_it_printed_arrives(
    tmp_path: Path, fixture_xlsx: Path
) -> None:
    """``spbgui-cli import`` ends its process without Python's tidying (spbgui.cli.run):
    what it printed is flushed first (a pipe's output is buffered unless PYTHONUNBUFFERED
    says otherwise), and a reader that stops early gets no traceback."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
    command = [sys.executable, "-m", "spbgui.cli", "import", str(fixture_xlsx), "--json"]
    r = subprocess.run(
        [*command, "--db", str(tmp_path / "a.sqlite")],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )
    assert r.returncode == 0, r.stderr
    printed = json.loads(r.stdout)
    assert printed["created"]["events"] == 96 and len(printed["warnings"]) == 5
    second = tmp_path / "b.sqlite"
    reader = subprocess.Popen(
        [*command, "--db", str(second)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env
    )
    assert reader.stdout is not None and reader.stderr is not None
    assert reader.stdout.read(5) == b'{\n "y'
    reader.stdout.close()
    assert reader.wait(timeout=120) == 0
    assert b"Traceback" not in reader.stderr.read()
    dumped = json.loads(cli("dump", "--db", str(second), "--json").stdout)
    assert dumped["counts"]["events"] == 96
