"""Undo and redo never overwrite a colleague's change unasked: Ctrl+Z after someone saved a newer
text asks theirs, mine or cancel, and undoing «add partner» spares the events added under it."""

from __future__ import annotations

import pytest

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QPushButton

from spbgui.domain.dates import EventDate
from spbgui.services import details, edit
from spbgui.services.conflicts import ConflictError
from spbgui.store.database import open_database
from spbgui.ui.actions import ActionId
from spbgui.ui.undo_conflict import CANCEL, MINE, THEIRS, UndoConflictDialog


@pytest.fixture
def edited(window, select_partner):  # type: ignore[no-untyped-def]
    """We changed an event's text; then a colleague saved a newer text over ours, rightly."""
    select_partner("Ташкент")
    window.live.stop()  # keep the window from refreshing the colleague's change in first
    section = window.details.partner.events
    shown = section.model.record(0)
    original = details.event(db=window.db, event_id=shown.id).text
    section._edit(shown.id, "text", "моя правка")
    colleague = open_database(window.db.path)
    try:
        version = details.event(db=colleague, event_id=shown.id).version
        edit.update_event(
            db=colleague, event_id=shown.id, text="правка коллеги", expected_version=version
        )
    finally:
        colleague.close()
    return shown.id, original


def _answer(monkeypatch, choice: str) -> list[ConflictError]:  # type: ignore[no-untyped-def]
    asked: list[ConflictError] = []

    def choose(cls, parent, error):  # type: ignore[no-untyped-def]
        asked.append(error)
        return choice

    monkeypatch.setattr(UndoConflictDialog, "choose", classmethod(choose))
    return asked


def _text(window, event_id: int) -> str:  # type: ignore[no-untyped-def]
    return details.event(db=window.db, event_id=event_id).text


def test_ctrl_z_over_a_colleagues_text_keeps_theirs_when_asked(
    qtbot, window, edited, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    event_id, _original = edited
    asked = _answer(monkeypatch, THEIRS)
    window.actions_[ActionId.UNDO].trigger()
    assert len(asked) == 1
    assert asked[0].theirs["text"] == "правка коллеги" and asked[0].yours["text"] != "моя правка"
    assert _text(window, event_id) == "правка коллеги"
    assert window.editor.stack.count() == 0  # that step left the history


def test_ctrl_z_over_a_colleagues_text_undoes_anyway_when_asked(
    qtbot, window, edited, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    event_id, original = edited
    _answer(monkeypatch, MINE)
    window.actions_[ActionId.UNDO].trigger()
    assert _text(window, event_id) == original
    # Redo expects the version the undo left: nobody changed it since, so no question.
    asked = _answer(monkeypatch, THEIRS)
    window.actions_[ActionId.REDO].trigger()
    assert not asked and _text(window, event_id) == "моя правка"


def test_ctrl_z_over_a_colleagues_text_changes_nothing_on_cancel(
    qtbot, window, edited, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    event_id, _original = edited
    _answer(monkeypatch, CANCEL)
    window.actions_[ActionId.UNDO].trigger()
    qtbot.waitUntil(lambda: window.editor.stack.index() == 1)
    assert _text(window, event_id) == "правка коллеги"
    assert window.editor.stack.count() == 1 and window.actions_[ActionId.UNDO].isEnabled()


def test_undoing_add_partner_spares_a_colleagues_events(
    qtbot, window, select_partner, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    select_partner("Ташкент")
    country_id = details.partner(db=window.db, partner_id=select_partner("Ташкент")).country_id
    pid = window.editor.add_partner(country_id, "Бухара", "city")
    assert pid is not None
    colleague = open_database(window.db.path)
    try:
        ev = edit.add_event(
            db=colleague, partner_id=pid, year=2024, date=EventDate(None, None), text="их визит"
        )
    finally:
        colleague.close()
    asked = _answer(monkeypatch, THEIRS)
    window.actions_[ActionId.UNDO].trigger()
    assert asked and "мероприятия (1)" in str(asked[0])
    assert details.partner(db=window.db, partner_id=pid) is not None
    assert details.event(db=window.db, event_id=ev.id).text == "их визит"


def test_the_undo_conflict_dialog_offers_three_answers(qtbot) -> None:  # type: ignore[no-untyped-def]
    error = ConflictError(
        "Мероприятие (№1) изменили (последнее изменение: «ivanov», 14:03).",
        table="event",
        record_id=1,
        theirs={"text": "их", "version": 3},
        yours={"text": "моё"},
        expected_version=2,
        who="ivanov",
    )
    for name, expected in (
        ("cancelUndoButton", CANCEL),
        ("keepTheirsButton", THEIRS),
        ("keepMineButton", MINE),
    ):

        def click(name: str = name) -> None:
            dialog = next(w for w in qtbot_widgets() if w.objectName() == "undoConflictDialog")
            button = dialog.findChild(QPushButton, name)
            button.click()

        QTimer.singleShot(50, click)
        assert UndoConflictDialog.choose(None, error) == expected


def qtbot_widgets():  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QApplication

    return QApplication.topLevelWidgets()
