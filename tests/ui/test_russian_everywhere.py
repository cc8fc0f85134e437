"""Every dialog of the window, as the clerk sees it with the program's translations: no word
in Latin letters outside a short allowlist (formats and names the clerk knows as such).

Paths (a database's, a backup folder's) are the clerk's own and are left out of the check.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QTextBrowser,
    QWidget,
)

from spbgui.services.changes import NodeRef
from spbgui.ui.actions import ActionId
from tests.ui import gestures
from tests.ui.gestures import Answers

ALLOWED = {
    "excel", "pdf", "word", "libreoffice", "xlsx", "docx", "odt", "ods", "csv", "txt", "sqlite",
    "db", "postgresql", "spbgui",
    "ctrl", "shift", "alt", "del", "esc", "enter", "tab", "pgup", "pgdown", "sql",
    "backups",  # the folder's name on disk, as the guide tells where to find it
}  # fmt: skip
PATH = re.compile(r"\S*[/\\]\S*|\S+\.(?:sqlite|xlsx|pdf|docx|csv|log)\b")
TAG = re.compile(r"<[^>]+>")
WORD = re.compile(r"[A-Za-z][A-Za-z-]+")


def _texts(widget: QWidget) -> list[str]:
    """What a person reads in ``widget``: titles, labels, buttons, headers, hints, tips."""
    out = [widget.windowTitle()]
    for w in [widget, *widget.findChildren(QWidget)]:
        if not w.isVisibleTo(widget) and w is not widget:
            continue
        if isinstance(w, QLabel):
            out.append(w.text())
        if isinstance(w, QAbstractButton):
            out += [w.text(), w.toolTip()]
        if isinstance(w, QGroupBox):
            out.append(w.title())
        if isinstance(w, QLineEdit):
            out.append(w.placeholderText())
        if isinstance(w, QComboBox):
            out += [w.itemText(i) for i in range(w.count())]
        if isinstance(w, QAbstractItemView) and w.model() is not None:
            m = w.model()
            try:
                count = m.columnCount(QModelIndex())
            except TypeError:  # a list widget's model: one column, no header to read
                count = 0
            out += [str(m.headerData(i, Qt.Orientation.Horizontal) or "") for i in range(count)]
        if isinstance(w, QMessageBox):
            out += [w.text(), w.informativeText()]
        if isinstance(w, QTextBrowser):
            out.append(w.toPlainText())
    if isinstance(widget, QMainWindow):
        for menu in widget.findChildren(QMenu):
            out += [a.text() for a in menu.actions()] + [a.toolTip() for a in menu.actions()]
        out += [a.text() for a in widget.menuBar().actions()]
        out.append(widget.statusBar().currentMessage())
    return [t for t in out if t]


def _latin(widget: QWidget) -> list[str]:
    found = []
    for text in _texts(widget):
        plain = PATH.sub(" ", TAG.sub(" ", text.replace("&", "")))
        for word in WORD.findall(plain):
            if word.lower() not in ALLOWED:
                found.append(f"{word!r} in {text[:80]!r}")
    return found


def _check(widget: QWidget) -> None:
    assert _latin(widget) == [], widget.objectName()


@pytest.fixture
def shown(qtbot, russian):  # type: ignore[no-untyped-def]
    def show(widget: QWidget) -> QWidget:
        qtbot.addWidget(widget)
        widget.show()
        QApplication.processEvents()
        return widget

    return show


def test_the_main_window_and_its_pages(qtbot, sample_db, russian, shown) -> None:  # type: ignore[no-untyped-def]
    from spbgui.services import tree
    from spbgui.ui.main_window import MainWindow

    window = shown(MainWindow(sample_db))
    window.resize(1366, 768)
    _check(window)  # the partner page, menus, toolbar, status bar
    window.tree.select_ref(sample_db, NodeRef.region(1))
    _check(window)  # a region's summary
    first = tree.first_partner(db=sample_db)
    assert first is not None
    window.tree.select_ref(sample_db, first)
    window.close()


def _dialogs(window) -> dict[str, Callable[[], QWidget]]:  # type: ignore[no-untyped-def]
    from spbgui.report import ReportOptions
    from spbgui.ui.backups_dialog import BackupsDialog
    from spbgui.ui.connect_dialog import ConnectDialog
    from spbgui.ui.dialogs import AgreementDialog, MoveDialog, PartnerDialog, YearDialog
    from spbgui.ui.export_dialog import ExportDialog
    from spbgui.ui.help_window import HelpWindow
    from spbgui.ui.history_dialog import HistoryDialog
    from spbgui.ui.import_dialog import ImportDialog
    from spbgui.ui.print_preview import make_print_preview
    from spbgui.ui.report_options import ReportOptionsDialog

    db = window.db
    return {
        "import": lambda: ImportDialog(db, window),
        "export": lambda: ExportDialog(db, 2024, window),
        "history": lambda: HistoryDialog(db, None, window),
        "backups": lambda: BackupsDialog(db, window),
        "connect": lambda: ConnectDialog(window),
        "partner": lambda: PartnerDialog(window, "Венгрия", True),
        "agreement": lambda: AgreementDialog(window, "Ташкент"),
        "move": lambda: MoveDialog(window, "Перенести", [("Азия", [(1, "Узбекистан")])], None),
        "year": lambda: YearDialog(window, 2025, [2024]),
        "help": lambda: HelpWindow(window),
        "preview": lambda: make_print_preview(db, 2024, window),
        "options": lambda: ReportOptionsDialog(db, ReportOptions(year=2024), window),
    }


@pytest.mark.parametrize(
    "name",
    ["import", "export", "history", "backups", "connect", "partner", "agreement", "move",
     "year", "help", "preview", "options"],
)  # fmt: skip
def test_each_dialog(window, shown, name: str) -> None:  # type: ignore[no-untyped-def]
    dialog = shown(_dialogs(window)[name]())
    _check(dialog)
    dialog.close()


@pytest.mark.parametrize(
    ("action_id", "select"),
    [
        (ActionId.DELETE, True),  # the confirmation
        (ActionId.START_YEAR, False),
        (ActionId.ABOUT, False),
        (ActionId.ADD_REGION, False),  # Qt's own input dialog
        (ActionId.OPEN_DATABASE, False),  # Qt's own file dialog
    ],
)
def test_each_question_the_window_asks(  # type: ignore[no-untyped-def]
    qtbot, sample_db, russian, action_id, select
) -> None:
    from spbgui.services import tree
    from spbgui.ui.main_window import MainWindow

    window = MainWindow(sample_db)  # made with the translations in
    qtbot.addWidget(window)
    window.show()
    if select:
        window.tree.select_ref(sample_db, tree.first_partner(db=sample_db))
        window.tree.setFocus()
    found: list[list[str]] = []

    def look(dialog: QWidget) -> None:
        found.append(_latin(dialog))
        gestures.escape(dialog)

    answers = Answers().expect(look)
    gestures.click_menu_entry(qtbot, window, window.actions_[action_id])
    qtbot.waitUntil(lambda: not answers.busy(), timeout=10000)
    answers.stop()
    assert found == [[]]
    window.close()


def test_the_first_start_and_pending_questions(qtbot, db, russian, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from spbgui.ui.dialogs import FirstStartDialog, PendingDialog
    from spbgui.ui.main_window import MainWindow

    monkeypatch.undo()  # the real «not saved» question, not the suite's stand-in
    found: list[list[str]] = []

    def look(dialog: QWidget) -> None:
        found.append(_latin(dialog))
        gestures.escape(dialog)

    window = MainWindow(db)
    qtbot.addWidget(window)
    answers = Answers().expect(look, look)
    assert FirstStartDialog.ask(window, True) == FirstStartDialog.EMPTY
    assert PendingDialog.ask(window, "Вы уходите.", ["дата «32 мая»: нет такого дня"]) is False
    answers.stop()
    assert found == [[], []]
