"""The window's size, position and splitters, remembered between sessions in QSettings."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QMainWindow, QSplitter


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
