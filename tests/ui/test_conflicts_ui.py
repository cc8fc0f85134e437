"""Two people edit one event: the second save shows theirs and yours, and keeps the chosen one."""

from __future__ import annotations

from spbgui.services import details, edit
from spbgui.store.database import open_database
from spbgui.ui.dialogs import ConflictDialog


def test_a_stale_edit_shows_both_and_keeps_the_chosen_one(
    qtbot, window, select_partner, monkeypatch
) -> None:
    pid = select_partner("Ташкент")
    window.live.stop()  # the colleague's change must not be refreshed away before we save
    section = window.details.partner.events
    shown = section.model.record(0)
    colleague = open_database(window.db.path)
    try:
        edit.update_event(db=colleague, event_id=shown.id, text="текст коллеги")
    finally:
        colleague.close()

    asked: list[tuple[dict, dict]] = []

    def keep_theirs(cls, parent, error):
        asked.append((error.theirs, error.yours))
        return False

    monkeypatch.setattr(ConflictDialog, "ask", classmethod(keep_theirs))
    section._edit(shown.id, "text", "мой текст")
    assert asked and asked[0][0]["text"] == "текст коллеги" and asked[0][1]["text"] == "мой текст"
    assert details.event(db=window.db, event_id=shown.id).text == "текст коллеги"
    assert window.editor.stack.count() == 0  # nothing was done, nothing to undo

    # Now the window shows theirs (it refreshed); a colleague changes it once more ...
    colleague = open_database(window.db.path)
    try:
        edit.update_event(db=colleague, event_id=shown.id, text="ещё раз коллега")
    finally:
        colleague.close()
    monkeypatch.setattr(ConflictDialog, "ask", classmethod(lambda cls, p, e: True))
    section._edit(shown.id, "text", "всё-таки мой текст")  # ... and this time we keep ours
    assert details.event(db=window.db, event_id=shown.id).text == "всё-таки мой текст"
    assert window.editor.stack.count() == 1
    assert details.events(db=window.db, partner_id=pid, year=2024)[0].id == shown.id


def test_the_conflict_dialog_lists_both_sides(qtbot) -> None:
    from spbgui.services.conflicts import ConflictError

    error = ConflictError(
        "Мероприятие изменил другой пользователь.",
        table="event",
        record_id=1,
        theirs={"text": "их", "version": 3},
        yours={"text": "моё"},
        expected_version=2,
    )
    dialog = ConflictDialog(None, error)
    qtbot.addWidget(dialog)
    from PySide6.QtWidgets import QTableWidget

    table = dialog.findChild(QTableWidget, "conflictTable")
    assert [table.item(0, c).text() for c in (1, 2)] == ["их", "моё"]
