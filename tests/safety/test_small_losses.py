"""Small losses a busy office meets: a Word report of text with control characters, a file the
user made read-only, the temporary file of an export killed half-way, a cell of a million
characters, and numbers in messages that ate the real commas."""

from __future__ import annotations

import os
import time
import zipfile
from pathlib import Path

import openpyxl
import pytest

from spbgui.domain.dates import EventDate
from spbgui.domain.numbers import thousands
from spbgui.io.xlsx.read import read_table
from spbgui.services import edit
from spbgui.services.export import ExportError, export_workbook
from spbgui.services.importer import import_table
from spbgui.store.database import Database, open_database
from tests.safety.helpers import cli


@pytest.fixture
def small(db_path: Path) -> Database:
    db = open_database(db_path)
    r = edit.add_region(db=db, name="Азия")
    c = edit.add_country(db=db, region_id=r.id, name="Вьетнам")
    p = edit.add_partner(db=db, country_id=c.id, name="Хошимин")
    edit.add_agreement(db=db, partner_id=p.id, title="Соглашение")
    edit.add_event(
        db=db,
        partner_id=p.id,
        year=2024,
        date=EventDate(None, None),
        text="Визит\x01 делегации\x0b и\x1f концерт",
    )
    yield db
    db.close()


def test_a_word_report_takes_control_characters(small: Database, tmp_path: Path) -> None:
    out = tmp_path / "report.docx"
    r = cli("report", "--db", str(small.path), "--year", "2024", "-o", str(out))
    assert r.returncode == 0, r.stderr
    xml = zipfile.ZipFile(out).read("word/document.xml").decode("utf-8")
    # \x01 and \x1f go; \x0b is Word's own manual line break and stays one.
    assert 'Визит делегации</w:t><w:br/><w:t xml:space="preserve"> и концерт' in xml


@pytest.mark.parametrize("name", ["table.xlsx", "report.pdf", "report.docx"])
def test_a_read_only_file_is_not_replaced(small: Database, tmp_path: Path, name: str) -> None:
    out = tmp_path / name
    out.write_bytes(b"kept as it was")
    out.chmod(0o444)
    try:
        command = "export" if name.endswith(".xlsx") else "report"
        r = cli(command, "--db", str(small.path), "--year", "2024", "-o", str(out))
        assert r.returncode == 1
        assert "защищён от записи" in r.stderr and "Traceback" not in r.stderr
        assert out.read_bytes() == b"kept as it was"
    finally:
        out.chmod(0o644)


def test_temporary_files_of_a_killed_export_are_cleaned_up(small: Database, tmp_path: Path) -> None:
    out = tmp_path / "table.xlsx"
    # What kill -9 leaves: the temporary file the export was writing, never renamed.
    old = tmp_path / ".~table.k1ll3d.tmp"
    old.write_bytes(b"x" * 4096)
    hours_ago = time.time() - 2 * 3600
    os.utime(old, (hours_ago, hours_ago))
    running = tmp_path / ".~table.n0wrun.tmp"  # another export, writing right now
    running.write_bytes(b"y")
    other = tmp_path / ".~other.k1ll3d.tmp"  # another target's: not ours to judge
    other.write_bytes(b"z")
    os.utime(other, (hours_ago, hours_ago))
    export_workbook(db=small, year=2024, path=out)
    assert out.exists() and not old.exists()
    assert running.exists() and other.exists()


def test_a_killed_report_leaves_nothing_behind_for_long(small: Database, tmp_path: Path) -> None:
    out = tmp_path / "report.pdf"
    old = tmp_path / ".report-0123abcd.pdf"
    old.write_bytes(b"%PDF-")
    hours_ago = time.time() - 2 * 3600
    os.utime(old, (hours_ago, hours_ago))
    r = cli("report", "--db", str(small.path), "--year", "2024", "-o", str(out))
    assert r.returncode == 0, r.stderr
    assert out.exists() and not old.exists()


def test_a_million_character_cell_warns_at_import_and_exports(
    tmp_path: Path, fixture_xlsx: Path
) -> None:
    book = openpyxl.load_workbook(fixture_xlsx)
    book.active["E5"] = "3 июля – MARKER"
    plain = tmp_path / "plain.xlsx"
    book.save(plain)
    # openpyxl cuts a cell to Excel's 32,767 characters; a file made by hand need not.
    long_text = "3 июля – " + "очень длинный отчёт о визите, " * 33_334
    assert len(long_text) > 1_000_000
    source = tmp_path / "long.xlsx"
    with zipfile.ZipFile(plain) as zin, zipfile.ZipFile(source, "w", zipfile.ZIP_DEFLATED) as z:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if b"MARKER" in data:
                data = data.replace(b"MARKER", long_text[len("3 июля – ") :].encode())
            z.writestr(item, data)
    db = open_database(tmp_path / "x.sqlite")
    try:
        result = import_table(db=db, table=read_table(source))
        said = [str(w) for w in result.warnings if "сокращён" in str(w)]
        assert len(said) == 1 and "длиной 1 000 " in said[0]
        out = tmp_path / "out.xlsx"
        exported = export_workbook(db=db, year=2024, path=out)
        assert any("сокращённым" in w for w in exported.warnings)
        cells = [c.value for row in openpyxl.load_workbook(out).active.iter_rows() for c in row]
        # Written (over several rows, as long cells are), cut and marked at its end.
        written = "".join(v for v in cells if isinstance(v, str) and "очень длинный" in v)
        assert 30_000 < len(written) < 40_000 and written.endswith("…")
    finally:
        db.close()


def test_numbers_in_messages_keep_the_real_commas(small: Database, tmp_path: Path) -> None:
    with small.write() as s:
        from spbgui.store.models import Event

        s.query(Event).update({Event.text: "а" * 40_000})
    assert thousands(32767) == "32 767" and thousands(1_000_000) == "1 000 000"
    # The export goes through and its warning keeps its own commas.
    result = export_workbook(db=small, year=2024, path=tmp_path / "t.xlsx")
    (warning,) = [w for w in result.warnings if "сокращённым" in w]
    assert "40 000" in warning and "(Вьетнам):" in warning


def test_the_writers_messages_keep_their_commas() -> None:
    from spbgui.io.xlsx_writer.cells import CellRefused, cell_text

    with pytest.raises(CellRefused) as caught:
        cell_text("б" * 40_000)
    assert "знаков, больше" in str(caught.value)  # the comma of the sentence is still there


def test_an_export_error_is_a_user_error() -> None:
    from spbgui.errors import UserError

    assert issubclass(ExportError, UserError)
