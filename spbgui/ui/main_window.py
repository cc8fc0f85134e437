"""The main window: a first frame; the tree, details pane and actions come with the window issue."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QMainWindow

from spbgui.services import records
from spbgui.store.database import Database


class MainWindow(QMainWindow):
    def __init__(self, db: Database) -> None:
        super().__init__()
        self.db = db
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("St Petersburg's partner cities"))
        c = records.counts(db=db)
        self.setCentralWidget(
            QLabel(self.tr("%n partner(s)", "", c.partners), objectName="summaryLabel")
        )
        self.statusBar().showMessage(db.display_name)
        self.resize(1200, 800)

    def closeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        self.db.close()
        super().closeEvent(event)
