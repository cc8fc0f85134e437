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


def test_a_drop_refused_for_one_event_moves_none_of_them(window, select_partner, messages) -> None:
    from spbgui.services import removal, tree
    from spbgui.store.database import open_database

    pid = select_partner("Ташкент")
    window.live.stop()  # the colleague's delete is not refreshed in before the drop
    events = window.details.partner.events
    order = [e.id for e in details.events(db=window.db, partner_id=pid, year=2024)]
    data = events.model.mimeData([events.model.index(0, 0), events.model.index(1, 0)])
    colleague = open_database(window.db.path)
    try:
        removal.delete_records(db=colleague, kind="event", ids=[order[1]])
    finally:
        colleague.close()
    country = next(r for r in tree.regions(db=window.db, year=2024) if r.name == "СНГ")
    bishkek = next(
        p
        for c in tree.children(db=window.db, parent=country.ref, year=2024)
        for p in tree.children(db=window.db, parent=c.ref, year=2024)
        if p.name == "Бишкек"
    )
    window.tree.select_ref(window.db, bishkek.ref)
    index = window.model.index_of(bishkek.ref)
    before = [e.id for e in details.events(db=window.db, partner_id=bishkek.ref.id, year=2024)]
    window.model.dropMimeData(data, Qt.DropAction.MoveAction, -1, -1, index)
    assert len(messages) == 1  # said why, in words
    # nothing moved: the first event is still Ташкент's, in its place
    assert [e.id for e in details.events(db=window.db, partner_id=pid, year=2024)] == [
        order[0],
        *order[2:],
    ]
    assert [
        e.id for e in details.events(db=window.db, partner_id=bishkek.ref.id, year=2024)
    ] == before
