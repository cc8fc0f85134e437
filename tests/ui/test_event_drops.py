"""Events dragged from the table onto the tree: dropped back onto their own partner they
stay where they are (no jump to the end of the list, no empty step in the history)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from spbgui.services import details
from spbgui.services.changes import NodeRef


def test_events_dropped_onto_their_own_partner_stay_in_place(window, select_partner) -> None:
    pid = select_partner("Ташкент")
    events = window.details.partner.events
    order = [e.id for e in details.events(db=window.db, partner_id=pid, year=2024)]
    data = events.model.mimeData([events.model.index(0, 0), events.model.index(1, 0)])
    index = window.model.index_of(NodeRef.partner(pid))
    assert index.isValid()
    steps = window.editor.stack.count()
    window.model.dropMimeData(data, Qt.DropAction.MoveAction, -1, -1, index)
    assert [e.id for e in details.events(db=window.db, partner_id=pid, year=2024)] == order
    assert window.editor.stack.count() == steps
