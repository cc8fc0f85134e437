"""The window's size, position and splitters, and where the clerk was in each database
(the selected partner, the open branches), remembered between sessions in QSettings."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QMainWindow, QSplitter

from spbgui.services.changes import NodeKind, NodeRef

PLACE_KEY = "window/place"  # per database: the selected node and the open branches


def _splitters(window: QMainWindow) -> dict[str, QSplitter]:
    return {
        "window/splitter": window.splitter,  # type: ignore[attr-defined]
        "window/left": window.left,  # type: ignore[attr-defined]
        "window/partner": window.details.partner.splitter,  # type: ignore[attr-defined]
    }


def default_geometry(window: QMainWindow) -> None:
    """Before any saved geometry: most of the screen, centred (small screens are common)."""
    screen = window.screen().availableGeometry()
    width = min(1400, int(screen.width() * 0.92))
    height = min(900, int(screen.height() * 0.9))
    window.resize(width, height)
    window.move(screen.center().x() - width // 2, screen.center().y() - height // 2)


def restore(window: QMainWindow) -> None:
    default_geometry(window)
    s = QSettings()
    restorers = {"window/geometry": window.restoreGeometry, "window/state": window.restoreState}
    restorers.update({key: sp.restoreState for key, sp in _splitters(window).items()})
    for key, apply in restorers.items():
        value = s.value(key)
        if isinstance(value, QByteArray):
            apply(value)


def save(window: QMainWindow) -> None:
    s = QSettings()
    s.setValue("window/geometry", window.saveGeometry())
    s.setValue("window/state", window.saveState())
    for key, splitter in _splitters(window).items():
        s.setValue(key, splitter.saveState())


def _ref_text(ref: NodeRef) -> str:
    return f"{ref.kind.value}:{ref.id}"


def _ref(text: str) -> NodeRef | None:
    kind, _, number = text.partition(":")
    try:
        return NodeRef(NodeKind(kind), int(number))
    except ValueError:
        return None


def save_place(database: str, selected: NodeRef | None, expanded: Sequence[NodeRef]) -> None:
    s = QSettings()
    s.beginGroup(PLACE_KEY)
    s.setValue("database", database)
    s.setValue("selected", _ref_text(selected) if selected is not None else "")
    s.setValue("expanded", [_ref_text(r) for r in expanded])
    s.endGroup()


def place(database: str) -> tuple[NodeRef | None, list[NodeRef]] | None:
    """Where the clerk was when the window last closed on ``database``; None elsewhere."""
    s = QSettings()
    s.beginGroup(PLACE_KEY)
    try:
        if s.value("database") != database:
            return None
        selected = _ref(str(s.value("selected") or ""))
        value = s.value("expanded", [])
        items = [value] if isinstance(value, str) else list(value or [])
        expanded = [r for r in (_ref(str(v)) for v in items if v) if r is not None]
        return selected, expanded
    finally:
        s.endGroup()
