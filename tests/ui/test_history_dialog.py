"""«История изменений»: a record's changes, a deleted partner found and brought back, CSV."""

from __future__ import annotations

from spbgui.services import edit, records, removal
from spbgui.services.changes import NodeRef
from spbgui.ui.actions import ActionId
from spbgui.ui.dialogs import ConfirmDialog
from spbgui.ui.history_dialog import HistoryDialog


def test_a_record_history_and_restoring_a_deleted_partner(
    qtbot, window, select_partner, monkeypatch, tmp_path
) -> None:
    db = window.db
    before = records.dump(db=db)
    pid = select_partner("Ош")
    edit.update_partner(db=db, partner_id=pid, note="побратим с 2004 года")
    dialog = HistoryDialog(db, NodeRef.partner(pid), window)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() >= 1
    assert "побратим" in dialog.table.item(0, 5).text()

    removal.delete_node(db=db, ref=NodeRef.partner(pid))
    assert "Ош" not in {p["name"] for p in records.dump(db=db)["partners"]}
    dialog.everything.setChecked(True)
    rows = [dialog.table.item(r, 4).text() for r in range(dialog.table.rowCount())]
    deleted = next(r for r, c in enumerate(dialog.changes) if c.action == "delete")
    assert rows[deleted] == "deleted"  # the action in words (tests run without a translator)
    dialog.table.selectRow(deleted)
    assert dialog.restoreButton.isEnabled()
    monkeypatch.setattr(ConfirmDialog, "ask", classmethod(lambda cls, *a, **k: True))
    with qtbot.waitSignal(dialog.restored):
        dialog.restoreButton.click()
    after = records.dump(db=db)
    ош = [p for p in after["partners"] if p["name"] == "Ош"]
    assert ош and ош[0]["country"] == "Киргизия" and ош[0]["note"] == "побратим с 2004 года"
    assert after["agreements"] == before["agreements"]
    csv = tmp_path / "history.csv"
    assert dialog.export_to(csv) >= 3
    assert "Ош" in csv.read_text(encoding="utf-8-sig")


def test_the_window_has_the_history_action(window) -> None:
    action = window.actions_[ActionId.HISTORY]
    assert action.objectName() == "actionHistory" and action.property("accessibleName")
