"""The window's size, position, splitters and table columns, and where the clerk was in each
database (the selected partner, the open branches), remembered between sessions in QSettings."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray
from PySide6.QtWidgets import QHeaderView, QMainWindow, QSplitter

from spbgui.services.changes import NodeKind, NodeRef
from spbgui.ui import settings

if TYPE_CHECKING:
    from spbgui.ui.main_window import MainWindow


def _splitters(window: MainWindow) -> list[tuple[settings.Option[QByteArray], QSplitter]]:
    return [
        (settings.SPLITTER_MAIN, window.splitter),
        (settings.SPLITTER_LEFT, window.left),
        (settings.SPLITTER_PARTNER, window.details.partner.splitter),
    ]


def _headers(window: MainWindow) -> list[tuple[settings.Option[QByteArray], list[QHeaderView]]]:
    """The partner page's tables' column headers; last year's events, shown for reference,
    are laid out as this year's."""
    partner = window.details.partner
    return [
        (settings.COLUMNS_AGREEMENTS, [partner.agreements.table.horizontalHeader()]),
        (
            settings.COLUMNS_EVENTS,
            [
                partner.events.table.horizontalHeader(),
                partner.events.previous_table.horizontalHeader(),
            ],
        ),
    ]


def default_geometry(window: QMainWindow) -> None:
    """Before any saved geometry: most of the screen, centred (small screens are common)."""
    screen = window.screen().availableGeometry()
    width = min(1400, int(screen.width() * 0.92))
    height = min(900, int(screen.height() * 0.9))
    window.resize(width, height)
    window.move(screen.center().x() - width // 2, screen.center().y() - height // 2)


def restore(window: MainWindow) -> None:
    default_geometry(window)
    restorers = [
        (settings.WINDOW_GEOMETRY, window.restoreGeometry),
        (settings.WINDOW_STATE, window.restoreState),
        *((option, sp.restoreState) for option, sp in _splitters(window)),
    ]
    for option, apply in restorers:
        value = option.get()
        if not value.isEmpty():
            apply(value)
    for option, headers in _headers(window):
        value = option.get()
        if not value.isEmpty():
            for header in headers:
                header.restoreState(value)


def save(window: MainWindow) -> None:
    settings.WINDOW_GEOMETRY.set(window.saveGeometry())
    settings.WINDOW_STATE.set(window.saveState())
    for option, splitter in _splitters(window):
        option.set(splitter.saveState())
    for option, headers in _headers(window):
        option.set(headers[0].saveState())


def _ref_text(ref: NodeRef) -> str:
    return f"{ref.kind.value}:{ref.id}"


# SQLite's ids are positive 64-bit integers: a larger number (a settings file edited by
# hand or damaged) made the first query of the start raise OverflowError.
ID_LIMIT = 2**63


def _ref(text: str) -> NodeRef | None:
    kind, _, number = text.partition(":")
    try:
        ref = NodeRef(NodeKind(kind), int(number))
    except ValueError:
        return None
    return ref if 0 < ref.id < ID_LIMIT else None


def save_place(database: str, selected: NodeRef | None, expanded: Sequence[NodeRef]) -> None:
    settings.PLACE_DATABASE.set(database)
    settings.PLACE_SELECTED.set(_ref_text(selected) if selected is not None else "")
    settings.PLACE_EXPANDED.set([_ref_text(r) for r in expanded])


def place(database: str) -> tuple[NodeRef | None, list[NodeRef]] | None:
    """Where the clerk was when the window last closed on ``database``; None elsewhere."""
    if settings.PLACE_DATABASE.get() != database:
        return None
    selected = _ref(settings.PLACE_SELECTED.get())
    expanded = [r for r in (_ref(v) for v in settings.PLACE_EXPANDED.get()) if r is not None]
    return selected, expanded
