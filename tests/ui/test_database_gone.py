"""The database file taken away while the window is open (deleted, moved, its folder gone).

SQLite keeps writing into a file deleted under it, and every edit looked saved until
the program closed and the file was gone for good, with all of them. Now an edit
says in words that the file is gone and what to do, and what was typed stays in its
field, so that closing the window asks about it instead of dropping it.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from spbgui.services import details
from spbgui.store.database import open_database
from tests.ui import gestures


def _take_away(path: Path, *, folder: bool = False) -> None:
    """As a colleague, a file manager or a disconnected stick does."""
    if folder:
        shutil.rmtree(path.parent)
        return
    for suffix in ("", "-wal", "-shm"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)


def test_an_edit_after_the_file_was_deleted_is_refused_and_kept_in_its_field(
    window, select_partner, messages, pending_questions
) -> None:
    select_partner("Ташкент")
    _take_away(window.db.path)
    page = window.details.partner
    page.name.setFocus()
    page.name.selectAll()
    gestures.type_text(page.name, "Ташкент (хокимият)")
    QTest.keyClick(page.name, Qt.Key.Key_Return)

    assert len(messages) == 1 and "Файл → Открыть базу данных…" in messages[0], messages
    assert "records.sqlite" in messages[0]
    assert page.name.text() == "Ташкент (хокимият)"  # nothing typed is lost

    window.close()
    assert pending_questions, "the window closed without a word about what was typed"
    assert "Ташкент (хокимият)" in " ".join(pending_questions[0][1])


def test_closing_with_typing_after_the_folder_was_deleted_asks_first(
    window, select_partner, messages, pending_questions
) -> None:
    select_partner("Ташкент")
    page = window.details.partner
    page.name.setFocus()
    page.name.selectAll()
    gestures.type_text(page.name, "Ташкент (хокимият)")
    _take_away(window.db.path, folder=True)

    window.close()  # as the window's close button does: the typing is written first

    assert messages and "Файл → Открыть базу данных…" in messages[0]
    assert pending_questions and "Ташкент (хокимият)" in " ".join(pending_questions[0][1])


def test_a_file_moved_back_into_place_is_written_again(
    window, select_partner, messages, tmp_path
) -> None:
    pid = select_partner("Ташкент")
    path = window.db.path
    aside = tmp_path / "aside"
    aside.mkdir()
    path.rename(aside / path.name)  # moved away (by mistake)…
    page = window.details.partner
    page.name.setFocus()
    page.name.selectAll()
    gestures.type_text(page.name, "Ташкент (хокимият)")
    QTest.keyClick(page.name, Qt.Key.Key_Return)
    assert messages
    (aside / path.name).rename(path)  # …and put back
    QTest.keyClick(page.name, Qt.Key.Key_Return)
    assert len(messages) == 1
    window.close()
    again = open_database(path)
    try:
        assert details.partner(db=again, partner_id=pid).name == "Ташкент (хокимият)"
    finally:
        again.close()
