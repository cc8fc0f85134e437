"""Control characters in a table's cells (NUL among them) are no part of any text.

An event «нуль \\x00 тут» exported (openpyxl writes `_x0000_`) and imported again came back
as «нуль »: SQLite's JSON functions, which take the import's rows, end a text at a NUL.
The cells lose such characters as they are read; tabs and line breaks stay.
"""

from __future__ import annotations

from pathlib import Path

from spbgui.io.table.grid import normalize
from spbgui.services import records
from spbgui.services.export import export_workbook
from spbgui.services.importer import import_workbook
from spbgui.store.database import open_database


def test_control_characters_leave_the_cells() -> None:
    assert normalize("нуль \x00 тут") == "нуль  тут"
    assert normalize("a\x01b\x08c\x0ed\x1fe\x7ff") == "abcdef"
    assert normalize("x\ty\nz") == "x\ty\nz"
    assert normalize("\x00\x00") is None


def test_an_exported_nul_comes_back_without_cutting_the_text(
    tmp_path: Path, fixture_xlsx: Path
) -> None:
    source = open_database(tmp_path / "source.sqlite")
    try:
        import_workbook(db=source, path=fixture_xlsx)
        with source.engine.begin() as conn:
            conn.exec_driver_sql(
                "UPDATE event SET text = 'нуль ' || char(0) || ' тут' "
                "WHERE id = (SELECT min(id) FROM event)"
            )
        export_workbook(db=source, year=2024, path=tmp_path / "out.xlsx")
    finally:
        source.close()
    again = open_database(tmp_path / "again.sqlite")
    try:
        import_workbook(db=again, path=tmp_path / "out.xlsx")
        dump = records.dump(db=again)
        texts = [e["text"] for a in dump["agreements"] for e in a["events"]]
    finally:
        again.close()
    came_back = [t for t in texts if t.startswith("нуль")]
    assert came_back and came_back[0].endswith("тут") and "\x00" not in came_back[0]
