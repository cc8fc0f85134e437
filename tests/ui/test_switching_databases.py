"""Switching to another database from the File menu never drops what the clerk typed.

A name being typed is written to the database it was typed in before the window
shows another one (Open Recent as much as File → Open); values typed and not
saved are asked about before the switch, and «Go Back and Correct» keeps the
window on its database with the typing in place.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from PySide6.QtWidgets import QApplication

from spbgui.services import details, edit
from spbgui.store.database import open_database
from spbgui.ui import settings
from spbgui.ui.actions import ActionId
from spbgui.ui.dialogs import PendingDialog
from tests.conftest import DATA
from tests.ui import gestures
from tests.ui.gestures import Answers

REAL_PENDING_ASK = PendingDialog.__dict__["ask"]  # before the tests' fixture answers it


def _other_database(tmp_path: Path) -> Path:
    other = tmp_path / "Другой отдел" / "партнёры.sqlite"
    other.parent.mkdir()
    db = open_database(other)
    region = edit.add_region(db=db, name="Европа")
    country = edit.add_country(db=db, region_id=region.id, name="Франция")
    edit.add_partner(db=db, country_id=country.id, name="Париж", kind="city")
    db.close()
    return other


def _name_of(path: Path, partner_id: int) -> str:
    db = open_database(path)
    try:
        return details.partner(db=db, partner_id=partner_id).name
    finally:
        db.close()


def test_open_recent_while_typing_a_name_writes_it_first(
    qtbot, window, select_partner, tmp_path
) -> None:
    pid = select_partner("Ташкент")
    here = window.db.path
    other = _other_database(tmp_path)
    settings.RECENT_DATABASES.set([str(other), str(here)])
    page = window.details.partner
    page.name.setFocus()
    page.name.selectAll()
    gestures.type_text(page.name, "Ташкент (хокимият)")

    window.files.fill_recent_menu(window.recent_menu)  # as the submenu does when it opens
    recent = window.recent_menu.actions()[0]
    assert recent.objectName() == "actionRecent1"
    recent.trigger()

    assert window.db.path == other.resolve()
    assert _name_of(here, pid) == "Ташкент (хокимият)"


def test_go_back_when_opening_another_database_keeps_the_typing_and_the_database(
    qtbot, window, select_partner, tmp_path, monkeypatch
) -> None:
    monkeypatch.setattr(PendingDialog, "ask", REAL_PENDING_ASK)
    select_partner("Ташкент")
    here = window.db.path
    other = _other_database(tmp_path)
    events = window.details.partner.events
    events.new_date.setFocus()
    gestures.type_text(events.new_date, "5 мая")
    events.new_text.setFocus()
    gestures.type_text(events.new_text, "визит делегации музеев")

    answers = Answers().expect(
        gestures.choose_file(other), gestures.press_button("pendingBackButton")
    )
    window.actions_[ActionId.OPEN_DATABASE].trigger()
    qtbot.waitUntil(lambda: not answers.busy(), timeout=10000)
    answers.stop()
    QApplication.processEvents()

    assert answers.names[1] == "pendingDialog"
    assert window.db.path == here  # still the database the typing belongs to
    assert window.details.partner.name.text() == "Ташкент"
    assert events.new_date.text() == "5 мая"
    assert events.new_text.text() == "визит делегации музеев"
    events.new_date.clear()  # (the window closing at the end would ask again, for real)
    events.new_text.clear()


def test_discard_when_opening_another_database_opens_it(
    qtbot, window, select_partner, tmp_path, pending_questions
) -> None:
    select_partner("Ташкент")
    other = _other_database(tmp_path)
    events = window.details.partner.events
    events.new_text.setFocus()
    gestures.type_text(events.new_text, "визит делегации музеев")
    settings.RECENT_DATABASES.set([str(other)])
    window.files.fill_recent_menu(window.recent_menu)
    window.recent_menu.actions()[0].trigger()
    assert [leaving for leaving, _ in pending_questions] == ["You are opening another database."]
    assert window.db.path == other.resolve()
    assert window.details.partner.name.text() == "Париж"


def test_opening_a_workbook_as_a_database_points_to_the_import(
    qtbot, window, tmp_path, messages, russian
) -> None:
    table = tmp_path / "Таблица #1 (2024).xlsx"
    shutil.copyfile(DATA / "cooperation_2024.xlsx", table)
    before = table.read_bytes()
    here = window.db.path

    answers = Answers().expect(gestures.choose_file(table))
    window.actions_[ActionId.OPEN_DATABASE].trigger()
    qtbot.waitUntil(lambda: not answers.busy(), timeout=10000)
    answers.stop()

    assert len(messages) == 1 and "не база данных" in messages[0]
    assert "Файл → Импорт таблицы…" in messages[0]  # what to do with it instead
    assert window.db.path == here and table.read_bytes() == before


@pytest.mark.parametrize("locked", ["folder", "file"])
def test_a_database_that_cannot_be_written_says_why_and_what_to_do(
    qtbot, window, tmp_path, locked
) -> None:
    other = _other_database(tmp_path)
    target = other.parent if locked == "folder" else other
    target.chmod(0o555 if locked == "folder" else 0o444)
    try:
        answers = Answers().expect(gestures.choose_file(other))
        window.actions_[ActionId.OPEN_DATABASE].trigger()
        qtbot.waitUntil(lambda: not answers.busy(), timeout=10000)
        answers.stop()
        assert window.db.path == other.resolve() and window.db.readonly
        note = window.file_label.toolTip()  # stays in the status bar, with the file's name
        assert "только для чтения" in note
        if locked == "folder":
            assert str(other.parent) in note and "скопируйте файл" in note
        else:
            assert other.name in note and "снимите с файла защиту от записи" in note
        assert not window.actions_[ActionId.ADD_REGION].isEnabled()
    finally:
        target.chmod(0o755 if locked == "folder" else 0o644)


def test_an_empty_file_of_another_kind_is_not_made_a_database(
    qtbot, window, tmp_path, messages, russian
) -> None:
    empty = tmp_path / "заметки.docx"
    empty.write_bytes(b"")
    here = window.db.path

    answers = Answers().expect(gestures.choose_file(empty))
    window.actions_[ActionId.OPEN_DATABASE].trigger()
    qtbot.waitUntil(lambda: not answers.busy(), timeout=10000)
    answers.stop()

    assert len(messages) == 1 and "заметки.docx" in messages[0]
    assert "Файл → Новая база данных…" in messages[0]
    assert window.db.path == here
    assert empty.read_bytes() == b"" and not list(tmp_path.glob("заметки.docx-*"))


@pytest.mark.parametrize("letters", [123, 140])  # the «-wal» beside it too long; itself too
def test_a_new_database_named_too_long_for_the_disk_is_refused_in_words(
    qtbot, window, tmp_path, messages, letters
) -> None:
    path = tmp_path / ("Партнёры" + "д" * (letters - 8) + ".sqlite")
    here = window.db.path

    answers = Answers().expect(gestures.choose_file(path))
    window.actions_[ActionId.NEW_DATABASE].trigger()
    qtbot.waitUntil(lambda: not answers.busy(), timeout=10000)
    answers.stop()

    assert len(messages) == 1 and "слишком длинное" in messages[0], messages
    assert window.db.path == here
    assert not [p for p in tmp_path.iterdir() if p.name.startswith("Партнёры")]  # nothing made


def test_a_recent_database_deleted_meanwhile_says_what_to_do(
    qtbot, window, tmp_path, messages
) -> None:
    other = _other_database(tmp_path)
    settings.RECENT_DATABASES.set([str(other)])
    shutil.rmtree(other.parent)  # the folder was deleted since
    here = window.db.path

    window.files.fill_recent_menu(window.recent_menu)
    window.recent_menu.actions()[0].trigger()

    assert len(messages) == 1 and str(other) in messages[0]
    assert "Файл → Открыть базу данных…" in messages[0]  # where to look for it instead
    assert window.db.path == here
    assert not other.parent.exists()  # nothing made in its place


def test_a_backup_copy_opened_by_hand_is_read_only_and_kept_as_it_was(
    qtbot, window, tmp_path
) -> None:
    from spbgui.services import backups

    copy = backups.backup_now(db=window.db).path
    before = copy.read_bytes()

    answers = Answers().expect(gestures.choose_file(copy))
    window.actions_[ActionId.OPEN_DATABASE].trigger()
    qtbot.waitUntil(lambda: not answers.busy(), timeout=10000)
    answers.stop()

    # Edits made in a copy would be lost when old copies are cleared away, and it would
    # gather copies of its own: it is looked at, and restored through File → Backups….
    assert window.db.path == copy and window.db.readonly
    assert "Резервные копии" in window.file_label.toolTip()
    assert not window.actions_[ActionId.ADD_REGION].isEnabled()
    window.close()
    assert copy.read_bytes() == before
    assert not (copy.parent / "backups").exists()


def test_open_recent_shows_a_name_with_an_ampersand_as_it_is(qtbot, window, tmp_path) -> None:
    folder = tmp_path / "Отдел R&D"
    folder.mkdir()
    other = folder / "Города & регионы.sqlite"
    open_database(other).close()
    settings.RECENT_DATABASES.set([str(other)])

    window.files.fill_recent_menu(window.recent_menu)
    entry = window.recent_menu.actions()[0]

    # A menu takes a single «&» for the mark of the underlined letter: «&&» shows one «&».
    assert entry.text() == "&1 " + str(other).replace("&", "&&")
    entry.trigger()
    assert window.db.path == other.resolve()


def test_a_damaged_file_with_no_copy_says_what_can_still_be_done(
    qtbot, window, tmp_path, messages, russian
) -> None:
    source = window.db.path.read_bytes()
    damaged = tmp_path / "Флешка" / "partners.sqlite"
    damaged.parent.mkdir()
    damaged.write_bytes(source[: len(source) // 2])  # a copy cut short
    before = damaged.read_bytes()
    here = window.db.path

    answers = Answers().expect(gestures.choose_file(damaged))
    window.actions_[ActionId.OPEN_DATABASE].trigger()
    qtbot.waitUntil(lambda: not answers.busy(), timeout=10000)
    answers.stop()

    assert len(messages) == 1 and "повреждён" in messages[0]
    # Not only «restore the last sound copy» and «no sound copy was found»: what then.
    assert "Файл → Открыть базу данных…" in messages[0]
    assert window.db.path == here and damaged.read_bytes() == before


@pytest.mark.parametrize("typed", ["Партнёры 2024.03", "база v1.2", "Партнёры"])
def test_a_new_database_gets_a_name_the_open_dialog_shows(qtbot, window, tmp_path, typed) -> None:
    answers = Answers().expect(gestures.choose_file(tmp_path / typed))
    window.actions_[ActionId.NEW_DATABASE].trigger()
    qtbot.waitUntil(lambda: not answers.busy(), timeout=10000)
    answers.stop()

    # File → Open lists «*.sqlite *.db»: a database named «….03» would not be among them
    assert window.db.path == (tmp_path / f"{typed}.sqlite").resolve()
    assert window.db.path.exists()
