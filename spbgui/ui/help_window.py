"""Help → User Guide (F1): the short Russian guide shipped with the program.

The guide is HTML in ``resources/help/`` (``guide.html`` and its screenshots), shown
in a :class:`QTextBrowser`; links inside it move within the guide, links to the
outside open in the system's browser. One window: F1 again brings it to the front.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from spbgui.paths import resources_dir
from spbgui.ui.screen_size import fit_to_screen


def guide_path() -> Path:
    return resources_dir() / "help" / "guide.html"


class HelpWindow(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("helpWindow")
        self.setWindowTitle(self.tr("User Guide"))
        self.setWindowFlag(Qt.WindowType.WindowMinMaxButtonsHint, True)
        self.browser = QTextBrowser(self, objectName="helpBrowser")
        self.browser.setOpenExternalLinks(True)
        self.browser.setSearchPaths([str(guide_path().parent)])
        self.browser.setSource(QUrl.fromLocalFile(str(guide_path())))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        fit_to_screen(self, 860, 700)

    @classmethod
    def show_guide(cls, parent: QWidget) -> HelpWindow:
        """Show the guide beside the window (not modal: the clerk reads and works)."""
        existing = parent.findChild(HelpWindow, "helpWindow")
        window = existing if isinstance(existing, HelpWindow) else cls(parent)
        fit_to_screen(window, 860, 700)
        window.show()
        window.raise_()
        window.activateWindow()
        return window
