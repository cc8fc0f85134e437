"""Control characters in a text (NUL among them) come back from an export whole.

An event «нуль \\x00 тут» exported (openpyxl writes `_x0000_`) and imported again came back
as «нуль »: SQLite's JSON functions, which take the import's rows, end a text at a NUL.
The export and the readers keep such characters on purpose (tests/io/test_xlsx_write_safety.py);
the import now writes them too.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from spbgui.services import records
from spbgui.services.export import export_workbook
from spbgui.services.importer import import_workbook
from spbgui.store.database import open_database


@pytest.mark.parametrize("text", ["нуль \x00 тут", "управляющий\x01символ\x1f_x0001_\x00"])
def test_a_text_with_control_characters_comes_back_whole(
    tmp_path: Path, fixture_xlsx: Path, text: str
) -> None:
    source = open_database(tmp_path / "source.sqlite")
    try:
        import_workbook(db=source, path=fixture_xlsx)
        with source.engine.begin() as conn:
            conn.exec_driver_sql(
                "UPDATE event SET text = ? WHERE id = (SELECT min(id) FROM event)", (text,)
            )
        export_workbook(db=source, year=2024, path=tmp_path / "out.xlsx")
    finally:
        source.close()
    again = open_database(tmp_path / "again.sqlite")
    try:
        import_workbook(db=again, path=tmp_path / "out.xlsx")
        dump = records.dump(db=again)
    finally:
        again.close()
    texts = [e["text"] for a in dump["agreements"] for e in a["events"]]
    assert " ".join(text.split()) in texts
