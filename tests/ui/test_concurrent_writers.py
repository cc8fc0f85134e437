"""Two writers on one database file, as an office has them: a window open while
``spbgui-cli import`` runs in another process, and a second window on the same file.

Whatever the other writer did, what the clerk typed is never written over someone
else's record without being asked, and nothing typed is lost without a word.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit

from spbgui.services import details, search
from spbgui.services.changes import NodeRef
from spbgui.ui.dialogs import ConflictDialog
from spbgui.ui.table_models import EventsModel
from tests.conftest import DATA
from tests.ui import gestures

CLI = "import sys; from spbgui.cli import main; sys.exit(main())"


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    """spbgui-cli as another process, as a colleague's terminal runs it."""
    return subprocess.run(
        [sys.executable, "-c", CLI, *args], capture_output=True, text=True, timeout=120
    )


def _activate(window) -> None:
    """Bring the window forward, as a click on it does (keys go to the active window)."""
    window.activateWindow()
    for _ in range(100):
        QApplication.processEvents()
        if QApplication.activeWindow() is window:
            return
        QTest.qWait(10)
    raise AssertionError("the window did not become active")


def _select(window, name: str) -> int:
    found = search.search(db=window.db, query=name, year=None).partners
    ids = [p for p in found if details.partner(db=window.db, partner_id=p).name == name]
    assert len(ids) == 1, (name, found)
    assert window.tree.select_ref(window.db, NodeRef.partner(ids[0]))
    return ids[0]


def _type_in_cell(window, table, row: int, column: int, text: str) -> QLineEdit:
    """F2 on a cell, select what is there and type over it; the editor stays open."""
    _activate(window)
    return gestures.type_over_cell(table, row, column, text)


def _corrected_table(tmp_path: Path) -> Path:
    """The 2024 table with its first event struck out, as a colleague corrects it: every
    event after it is stored under the id of the one before (SQLite's ids are max + 1)."""
    text = (DATA / "cooperation_2024.txt").read_text("utf-8")
    struck = "3-6 июля – визит делегации Научно-технологического парка Республики Сербской. "
    assert struck in text
    path = tmp_path / "cooperation_2024_corrected.txt"
    path.write_text(text.replace(struck, "", 1), "utf-8")
    return path


def _stored_texts(window) -> dict[int, str]:
    """Every event's text by id, read by a connection of its own."""
    import sqlite3

    with sqlite3.connect(window.db.path) as c:
        return dict(c.execute("SELECT id, text FROM event"))


def test_typing_over_a_reimported_year_does_not_land_on_another_event(
    qtbot, russian, window, tmp_path, messages, monkeypatch
) -> None:
    """The colleague's import gives its events ids no record had (revision 0015): the id
    the clerk types under holds nothing now. Not saved, and the typing is kept."""
    _select(window, "Ташкент")
    shown = window.details.partner.events.model.record(0)
    cell = _type_in_cell(
        window, window.details.partner.events.table, 0, EventsModel.TEXT, "моя правка"
    )
    # Meanwhile a colleague loads the corrected table over the year from the command line.
    done = _cli(
        "import", "--replace-year", "--db", str(window.db.path), str(_corrected_table(tmp_path))
    )
    assert done.returncode == 0, done.stderr
    imported = _stored_texts(window)
    assert shown.id not in imported  # (SQLite's max + 1 gave it to another event before)

    QTest.keyClick(cell, Qt.Key.Key_Return)
    QApplication.processEvents()
    assert _stored_texts(window) == imported
    assert len(messages) == 1 and "«моя правка»" in messages[0]
    assert QApplication.clipboard().text() == "моя правка"


def test_typing_over_an_event_another_program_put_under_the_same_id_is_asked(
    qtbot, window, messages, monkeypatch
) -> None:
    """Another program (or an older spbgui) replaced the event under the same id, version 1
    again: equal versions do not prove the same record, the event as shown is compared."""
    import sqlite3

    _select(window, "Ташкент")
    shown = window.details.partner.events.model.record(0)
    cell = _type_in_cell(
        window, window.details.partner.events.table, 0, EventsModel.TEXT, "моя правка"
    )
    with sqlite3.connect(window.db.path) as c:
        c.execute("UPDATE event SET text = 'другое мероприятие' WHERE id = ?", (shown.id,))
        c.execute("UPDATE event SET version = 1 WHERE id = ?", (shown.id,))
    replaced = _stored_texts(window)

    asked: list[tuple[dict, dict]] = []

    def keep_theirs(cls, parent, error):
        asked.append((error.theirs, error.yours))
        return False

    monkeypatch.setattr(ConflictDialog, "ask", classmethod(keep_theirs))
    QTest.keyClick(cell, Qt.Key.Key_Return)
    QApplication.processEvents()
    # The record under that id is not the one the clerk was typing in: asked, not overwritten.
    assert _stored_texts(window) == replaced
    assert len(asked) == 1, messages
    assert asked[0][1]["text"] == "моя правка"
    assert asked[0][0]["text"] == "другое мероприятие"


@pytest.fixture
def colleague(qtbot, sample_db):
    """A second window on the same file, as a colleague's computer has it open."""
    from spbgui.store.database import open_database
    from spbgui.ui.main_window import MainWindow

    db = open_database(sample_db.path)
    other = MainWindow(db)
    qtbot.addWidget(other)
    other.show()
    qtbot.waitExposed(other)
    yield other
    other.close()
    db.close()


def test_ctrl_z_of_a_delete_after_a_colleague_added_an_event(
    qtbot, window, colleague, messages, monkeypatch
) -> None:
    from spbgui.ui.dialogs import ConfirmDialog

    last = max(_stored_texts(window))  # the newest event: its id is the one handed out next
    owner = details.owner(db=window.db, kind="event", record_id=last)
    _select(window, details.partner(db=window.db, partner_id=owner).name)
    events = window.details.partner.events
    _activate(window)
    events.table.setFocus()
    events.table.selectRow(events.model.row_for(last))
    monkeypatch.setattr(ConfirmDialog, "ask", classmethod(lambda cls, *a, **k: True))
    deleted_text = _stored_texts(window)[last]
    gestures.press(events.table, "Del")
    assert last not in _stored_texts(window)

    # The colleague adds an event to another partner in their window, by its entry row.
    _select(colleague, "Ташкент")
    _activate(colleague)
    theirs = colleague.details.partner.events
    theirs.new_text.setFocus()
    gestures.type_text(theirs.new_text, "событие коллеги")
    QTest.keyClick(theirs.new_text, Qt.Key.Key_Return)
    assert "событие коллеги" in _stored_texts(window).values()

    _activate(window)
    gestures.press(window, "Ctrl+Z")  # the clerk takes the delete back
    QApplication.processEvents()
    stored = _stored_texts(window)
    assert deleted_text in stored.values(), messages
    assert "событие коллеги" in stored.values()
    assert messages == []


def test_typing_in_an_event_of_a_partner_a_colleague_deleted_is_kept(
    qtbot, russian, window, colleague, messages, monkeypatch
) -> None:
    from spbgui.ui.actions import ActionId
    from spbgui.ui.dialogs import ConfirmDialog

    pid = _select(window, "Ташкент")
    _select(colleague, "Ташкент")
    cell = _type_in_cell(
        window, window.details.partner.events.table, 0, EventsModel.TEXT, "визит мэра, уточнённый"
    )
    # The colleague deletes the partner in their window meanwhile (on their own computer:
    # their window is not brought forward here, which would end the clerk's typing).
    monkeypatch.setattr(ConfirmDialog, "ask", classmethod(lambda cls, *a, **k: True))
    colleague.actions_[ActionId.DELETE].trigger()
    assert details.partner(db=window.db, partner_id=pid) is None
    assert QApplication.focusWidget() is cell  # still typing

    QTest.keyClick(cell, Qt.Key.Key_Return)
    QApplication.processEvents()
    # Not saved (the event is gone), but what was typed is not lost: the message shows it,
    # and it is on the clipboard to paste wherever the clerk puts the event again.
    assert len(messages) == 1
    assert "удалили" in messages[0] and "«визит мэра, уточнённый»" in messages[0]
    assert "скопировано в буфер обмена" in messages[0]
    assert QApplication.clipboard().text() == "визит мэра, уточнённый"


def test_a_new_event_being_typed_under_a_partner_a_colleague_deleted_is_kept(
    qtbot, russian, window, colleague, messages, monkeypatch
) -> None:
    from spbgui.ui.actions import ActionId
    from spbgui.ui.dialogs import ConfirmDialog

    pid = _select(window, "Ташкент")
    _select(colleague, "Ташкент")
    _activate(window)
    events = window.details.partner.events
    events.new_date.setFocus()
    gestures.type_text(events.new_date, "5 мая")
    events.new_text.setFocus()
    gestures.type_text(events.new_text, "встреча с консулом, подробности позже")
    window.tree.setFocus()  # the clerk looks something up; the new event is not added yet
    QApplication.clipboard().clear()

    monkeypatch.setattr(ConfirmDialog, "ask", classmethod(lambda cls, *a, **k: True))
    colleague.actions_[ActionId.DELETE].trigger()  # the colleague deletes the partner
    assert details.partner(db=window.db, partner_id=pid) is None
    qtbot.waitUntil(lambda: window.details.ref is None, timeout=5000)  # the window follows

    # The partner is gone with what was typed under it; the typing is not lost unsaid.
    assert len(messages) == 1, messages
    assert "удал" in messages[0] and "встреча с консулом, подробности позже" in messages[0]
    clipboard = QApplication.clipboard().text()
    assert "5 мая" in clipboard and "встреча с консулом, подробности позже" in clipboard


_HOLDER = """
import sqlite3, sys, time
c = sqlite3.connect(sys.argv[1], isolation_level=None)
c.execute("BEGIN IMMEDIATE")  # as a long import holds the write lock
c.execute("UPDATE region SET note = note")
print("held", flush=True)
time.sleep(float(sys.argv[2]))
c.execute("COMMIT")
"""


def test_a_save_while_an_import_holds_the_file_waits_with_the_window_alive(
    qtbot, russian, window, messages, monkeypatch
) -> None:
    """Another program writes for seconds: the window's save waits for it, saying so in the
    status bar, and the window keeps drawing itself (a window that stops answering for
    seconds is marked «не отвечает» and gets closed by force)."""
    from PySide6.QtCore import QTimer

    from spbgui.ui.dialogs import RetryDialog

    monkeypatch.setattr(
        RetryDialog, "ask", classmethod(lambda cls, *a: pytest.fail("the lock was let go"))
    )
    pid = _select(window, "Ташкент")
    cell = _type_in_cell(
        window, window.details.partner.events.table, 0, EventsModel.TEXT, "визит мэра"
    )
    holder = subprocess.Popen(
        [sys.executable, "-c", _HOLDER, str(window.db.path), "2.5"],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        seen: list[str] = []  # what the status bar said while the save waited
        QTimer.singleShot(800, lambda: seen.append(window.statusBar().currentMessage()))
        QTest.keyClick(cell, Qt.Key.Key_Return)
        QApplication.processEvents()
    finally:
        holder.wait(timeout=30)
    assert holder.returncode == 0
    assert len(seen) == 1 and "занята" in seen[0], seen  # the event loop ran meanwhile
    assert details.events(db=window.db, partner_id=pid, year=2024)[0].text == "визит мэра"
    assert messages == []
    assert QApplication.overrideCursor() is None  # the wait cursor is gone again


def test_a_lock_held_too_long_asks_and_keeps_the_change(
    qtbot, russian, window, messages, monkeypatch
) -> None:
    from spbgui.store import engine
    from spbgui.ui.dialogs import RetryDialog

    monkeypatch.setattr(engine, "BUSY_TIMEOUT_MS", 600)  # the wait before the question
    pid = _select(window, "Ташкент")
    cell = _type_in_cell(
        window, window.details.partner.events.table, 0, EventsModel.TEXT, "визит мэра"
    )
    holder = subprocess.Popen(
        [sys.executable, "-c", _HOLDER, str(window.db.path), "1.5"],
        stdout=subprocess.PIPE,
        text=True,
    )
    asked: list[str] = []

    def try_again_when_done(cls, parent, text):
        asked.append(text)
        assert QApplication.overrideCursor() is None  # no wait cursor over the question
        holder.wait(timeout=30)  # the clerk waits for the import, then presses «Повторить»
        return True

    monkeypatch.setattr(RetryDialog, "ask", classmethod(try_again_when_done))
    try:
        assert holder.stdout.readline().strip() == "held"
        QTest.keyClick(cell, Qt.Key.Key_Return)
        QApplication.processEvents()
    finally:
        holder.wait(timeout=30)
    assert len(asked) == 1 and "занята другой программой" in asked[0]
    assert details.events(db=window.db, partner_id=pid, year=2024)[0].text == "визит мэра"
    assert messages == []


def test_ctrl_z_after_a_colleague_imported_the_year_again_deletes_nothing_of_theirs(
    qtbot, russian, window, tmp_path, messages
) -> None:
    """The clerk adds an event; a colleague loads the year again from the command line,
    from a table with one more event; the clerk's Ctrl+Z must not take away one of the
    imported events (the one now stored under the id the clerk's event had)."""
    _select(window, "Ташкент")
    events = window.details.partner.events
    _activate(window)
    events.new_text.setFocus()
    gestures.type_text(events.new_text, "встреча с консулом")
    QTest.keyClick(events.new_text, Qt.Key.Key_Return)
    assert "встреча с консулом" in _stored_texts(window).values()

    text = (DATA / "cooperation_2024.txt").read_text("utf-8")
    last = "Ведется работа по установке памятника в Ташкенте"
    assert last in text
    table = tmp_path / "cooperation_2024_more.txt"
    more = text.replace(last, "1 декабря – итоговое заседание.</p> <p>" + last, 1)
    table.write_text(more, "utf-8")
    done = _cli("import", "--replace-year", "--db", str(window.db.path), str(table))
    assert done.returncode == 0, done.stderr
    imported = _stored_texts(window)
    qtbot.wait(1200)  # (the window does not refresh yet: the clerk is in the entry line)

    gestures.press(window, "Ctrl+Z")
    QApplication.processEvents()
    assert _stored_texts(window) == imported  # none of the imported events is gone
    assert window.editor.stack.count() == 0
    assert "Таблицу загрузили в другом окне" in window.statusBar().currentMessage()
    assert messages == []
