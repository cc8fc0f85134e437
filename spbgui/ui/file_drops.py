"""Files dropped on the window from a file manager or an e-mail: imported, or opened.

A clerk drags last year's spreadsheet (or several years, or their folder) onto the
window and gets the import dialog on it, as File → Import… would give after choosing
it; a database file dropped alone opens in place of this one, as File → Open… would,
asking first about anything typed and not saved. A table is refused where the
database cannot take it (read-only): the pointer shows no drop there.

The drop is handled on the window itself, to which Qt hands a drag the widget under the
pointer does not take (the tree takes only its own partners and events).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QMimeData, QObject, QTimer
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QWidget

from spbgui.ui.files import DATABASE_SUFFIXES, DatabaseFiles


def dropped_paths(mime: QMimeData) -> list[Path]:
    """The local files a drag carries; none if it carries anything else (a web link, text)."""
    if not mime.hasUrls():
        return []
    paths = [url.toLocalFile() for url in mime.urls()]
    if not paths or not all(paths):
        return []
    return [Path(p) for p in paths]


class FileDrops(QObject):
    """Takes drops of files on ``window`` for ``files`` (see the module's text)."""

    def __init__(
        self, window: QWidget, files: DatabaseFiles, can_import: Callable[[], bool]
    ) -> None:
        super().__init__(window)
        self.window, self.files, self.can_import = window, files, can_import
        window.setAcceptDrops(True)
        window.installEventFilter(self)

    def takes(self, paths: list[Path]) -> bool:
        if not paths:
            return False
        if len(paths) == 1 and paths[0].suffix.lower() in DATABASE_SUFFIXES:
            return True
        return self.can_import()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is not self.window:
            return False
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
            assert isinstance(event, QDragEnterEvent | QDragMoveEvent)
            if self.takes(dropped_paths(event.mimeData())):
                event.acceptProposedAction()
            else:
                event.ignore()
            return True
        if kind == QEvent.Type.Drop:
            assert isinstance(event, QDropEvent)
            paths = dropped_paths(event.mimeData())
            if not self.takes(paths):
                event.ignore()
                return True
            event.acceptProposedAction()
            # After the drop has ended: the file manager is not kept waiting while the
            # import dialog (a modal one) is open.
            QTimer.singleShot(0, lambda: self.files.dropped(paths))
            return True
        return False
