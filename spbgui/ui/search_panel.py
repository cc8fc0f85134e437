"""Search as you type: the search field, the tree filter, and the list of matching events.

Typing waits a moment for the next key (so a fast typist runs one query, not
six), then asks :mod:`spbgui.services.search`; the result filters the tree and
fills the list of matching events below it. Edit → Dates Not Understood shows
the same way the events whose dates were kept as written, until they are fixed
(typing a query or Esc leaves it). Activating an event in the list
selects its partner (switching year if needed) and the event itself.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from spbgui.services import search
from spbgui.services.search import EventHit, SearchResult
from spbgui.ui.editor import Editor
from spbgui.ui.icons import Icon, icon

Index = QModelIndex | QPersistentModelIndex
NO_PARENT = QModelIndex()  # the default «parent» of top-level rows (not rebuilt per call)
DEBOUNCE_MS = 150


class SearchField(QLineEdit):
    """The search line of the toolbar; Esc clears it, Down goes to the results."""

    escaped = Signal()
    down = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("searchField")
        self.setClearButtonEnabled(True)
        self.addAction(icon(Icon.FIND), QLineEdit.ActionPosition.LeadingPosition)
        self.setPlaceholderText(self.tr("Find (Ctrl+F): city, country, agreement, event…"))
        self.setAccessibleName(self.tr("Search"))
        self.setMinimumWidth(280)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.clear()
            self.escaped.emit()
            return
        if event.key() == Qt.Key.Key_Down:
            self.down.emit()
            return
        super().keyPressEvent(event)


class EventHitsModel(QAbstractTableModel):
    YEAR, DATE, PARTNER, TEXT = range(4)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hits: list[EventHit] = []

    def set_hits(self, hits: tuple[EventHit, ...]) -> None:
        self.beginResetModel()
        self.hits = list(hits)
        self.endResetModel()

    def rowCount(self, parent: Index = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self.hits)

    def columnCount(self, parent: Index = NO_PARENT) -> int:
        return 0 if parent.isValid() else 4

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        hit = self.hits[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (str(hit.year), hit.date_text, hit.partner, hit.text)[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{hit.country}, {hit.partner}\n{hit.date_text} {hit.text}".strip()
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Year"), self.tr("Date"), self.tr("Partner"), self.tr("Event"))[section]
        return None


class SearchPanel(QWidget):
    """The matching events under the tree; hidden while nothing is searched."""

    resultReady = Signal(object)  # SearchResult, or None when the search is cleared
    eventActivated = Signal(object)  # EventHit

    def __init__(self, editor: Editor, field: SearchField, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.field = field
        self.result: SearchResult | None = None
        self.not_understood = False  # listing the dates not understood, not a query
        self.setObjectName("searchPanel")
        self.summary = QLabel(self, objectName="searchSummary", wordWrap=True)
        self.all_years = QCheckBox(self.tr("all years"), self, objectName="searchAllYears")
        self.all_years.setToolTip(
            self.tr("Find events of every year, not only of the selected one")
        )
        self.model = EventHitsModel(self)
        self.view = QTreeView(self, objectName="searchResults")
        self.view.setAccessibleName(self.tr("Matching events"))
        self.view.setModel(self.model)
        self.view.setRootIsDecorated(False)
        self.view.setUniformRowHeights(True)
        self.view.setAlternatingRowColors(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.view.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.resizeSection(EventHitsModel.YEAR, 48)
        header.resizeSection(EventHitsModel.DATE, 110)
        header.resizeSection(EventHitsModel.PARTNER, 120)
        self.view.activated.connect(self._activated)
        self.view.clicked.connect(self._activated)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.summary, 1)
        top.addWidget(self.all_years)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.view)
        self.hide()

        self._timer = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._timer.timeout.connect(self.run)
        field.textChanged.connect(lambda _t: self._timer.start())
        field.returnPressed.connect(self.run_now)
        field.down.connect(self._focus_results)
        field.escaped.connect(self._leave_not_understood)
        self.all_years.toggled.connect(lambda _on: self.run())

    @property
    def active(self) -> bool:
        return self.result is not None

    def run_now(self) -> None:
        if self._timer.isActive():
            self._timer.stop()
            self.run()

    def show_dates_not_understood(self) -> None:
        """The filter «даты не распознаны»: events whose dates were kept as written."""
        self.not_understood = True
        self.field.blockSignals(True)  # clearing the query is not a new search
        self.field.clear()
        self.field.blockSignals(False)
        self.run()

    def _leave_not_understood(self) -> None:
        if self.not_understood:
            self.not_understood = False
            self.run()

    def _run_not_understood(self) -> None:
        year = None if self.all_years.isChecked() else self.editor.year
        result = search.dates_not_understood(db=self.editor.db, year=year)
        self.result = result
        self.model.set_hits(result.events)
        where = self.tr("in every year") if year is None else str(year)
        if result.event_count:
            text = self.tr("Dates not understood: %n event(s)", "", result.event_count)
        else:
            text = self.tr("Every date is understood")
        self.summary.setText(f"{text} ({where})")
        self.show()
        self.resultReady.emit(result)

    def run(self) -> None:
        """Search for the field's text now (also when the year or the records change)."""
        self._timer.stop()
        query = self.field.text().strip()
        if query:
            self.not_understood = False
        elif self.not_understood:
            self._run_not_understood()
            return
        if not query:
            self.result = None
            self.model.set_hits(())
            self.hide()
            self.resultReady.emit(None)
            return
        year = None if self.all_years.isChecked() else self.editor.year
        result = search.search(db=self.editor.db, query=query, year=year)
        if result.too_short:
            self.summary.setText(self.tr("Type at least two letters."))
            self.model.set_hits(())
            self.show()
            return
        self.result = result
        self.model.set_hits(result.events)
        self.summary.setText(self._describe(result))
        self.show()
        self.resultReady.emit(result)

    def _describe(self, result: SearchResult) -> str:
        if result.is_empty:
            return self.tr("Nothing found.")
        where = self.tr("in every year") if self.all_years.isChecked() else str(self.editor.year)
        text = self.tr("%n event(s) found", "", result.event_count) + f" ({where})"
        if result.event_count > len(result.events):
            text += self.tr(", the first %1 shown").replace("%1", str(len(result.events)))
        return text

    def _focus_results(self) -> None:
        if self.model.rowCount():
            self.view.setFocus()
            self.view.setCurrentIndex(self.model.index(0, 0))

    def _activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.eventActivated.emit(self.model.hits[index.row()])
