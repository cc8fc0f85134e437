"""A change made by another program appears in the window by itself, and waits while one types."""

from __future__ import annotations

from spbgui.services import edit
from spbgui.store.database import open_database


def _regions(window) -> list[str]:
    model = window.model
    return [model.index(r, 0).data() for r in range(model.rowCount())]


def test_a_change_by_another_connection_appears_within_two_seconds(qtbot, window) -> None:
    assert window.live.watcher is not None
    other = open_database(window.db.path)  # a second program on the same file
    try:
        edit.add_region(db=other, name="Антарктида")
    finally:
        other.close()
    qtbot.waitUntil(lambda: "Антарктида" in _regions(window), timeout=2500)


def test_the_refresh_waits_while_the_user_types(qtbot, window) -> None:
    field = window.search_field
    from PySide6.QtWidgets import QLineEdit

    typing = QLineEdit(window)
    typing.show()
    typing.setFocus()
    qtbot.waitUntil(typing.hasFocus, timeout=2000)
    other = open_database(window.db.path)
    try:
        edit.add_region(db=other, name="Арктика")
    finally:
        other.close()
    window.live.poll()
    assert window.live.pending and "Арктика" not in _regions(window)
    field.setFocus()  # done typing: the search field does not hold the refresh back
    qtbot.waitUntil(lambda: "Арктика" in _regions(window), timeout=2500)
