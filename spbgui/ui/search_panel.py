"""Search as you type: the search field, the tree filter, and the list of matching events.

Typing waits a moment for the next key (so keys sent at once run one query, not
six; the pause is short, :data:`DEBOUNCE_MS`, so that a key is answered within
100 ms), then asks :mod:`spbgui.services.search` on a worker thread, together with
the rows the filtered tree will show (:func:`spbgui.ui.tree_model.filtered_rows`):
a common prefix over half a million events takes tens of milliseconds, and the
window must keep taking keys meanwhile. The tree's levels those rows are filtered
from are read once per year and kept (:class:`LevelsCache`); the worker starts
reading them as soon as the field takes focus or a first key, ahead of the first
search, and forgets them when the records change. Only the answer to what the field
says now is shown; one search runs at a time, a key that changes the text stops
the one under way (:class:`spbgui.services.search.Cancel`), and the next starts
from the field's text when it ends. The result filters the tree and fills the list of
matching events below it. Searches the window starts itself (the year changed,
the records changed, Enter) run at once, on the GUI thread. Edit → Dates Not
Understood shows the same way the events whose dates were kept as written, until
they are fixed (typing a query or Esc leaves it). Activating an event in the list
selects its partner (switching year if needed) and the event itself.
"""

from __future__ import annotations

import contextlib
import threading
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QThreadPool,
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

from spbgui.services import tree
from spbgui.ui.editor import Editor
from spbgui.ui.icons import Icon, icon
from spbgui.ui.lazy import lazy_module
from spbgui.ui.tree_model import FilteredRows, filtered_rows

if TYPE_CHECKING:
    from spbgui.services import search
    from spbgui.services.search import EventHit, SearchResult
else:
    search = lazy_module("spbgui.services.search")

Index = QModelIndex | QPersistentModelIndex
NO_PARENT = QModelIndex()  # the default «parent» of top-level rows (not rebuilt per call)
# The pause in typing that starts a search: keys arriving together (a burst the event
# loop delivers at once) are one search, and the answer (a search of tens of
# milliseconds on the worker) is on screen within 100 ms of the key. A longer pause is
# not needed to spare the worker: a key that changes the text stops the search under
# way. (25 ms made the slowest keys of benchmarks/bench_window.py 118-134 ms, 5 ms 99.)
DEBOUNCE_MS = 5
READ_AHEAD_PRIORITY = -1  # the worker takes a search queued meanwhile first


class LevelsCache:
    """Every level of the tree of one database and year (:func:`tree.all_levels`), read on
    the worker and shared with the GUI thread, which forgets it when the records change."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._generation = 0  # of the records; forget() starts a new one
        self._kept: tuple[object, int, tree.Levels] | None = None

    def forget(self) -> None:
        with self._lock:
            self._generation += 1
            self._kept = None

    def get(self, db: Any, year: int) -> tree.Levels:
        """The levels of ``db`` in ``year``, read now unless they are kept (worker thread)."""
        with self._lock:
            kept, generation = self._kept, self._generation
        if kept is not None and kept[0] is db and kept[1] == year:
            return kept[2]
        levels = tree.all_levels(db=db, year=year)
        with self._lock:
            if generation == self._generation:  # not forgotten while they were read
                self._kept = (db, year, levels)
        return levels

    def has(self, db: Any, year: int) -> bool:
        with self._lock:
            kept = self._kept
        return kept is not None and kept[0] is db and kept[1] == year


class _Delivery(QObject):
    """Carries a worker's answer to the GUI thread (a queued signal)."""

    done = Signal(int, object)  # the search's number, (result, rows) or the exception
    levels_read = Signal()  # the levels read ahead are kept (or could not be read)


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

        # The rows of the filtered tree, read with the result: MainWindow hands them on.
        self.tree_rows: FilteredRows | None = None
        self._shown: str | None = ""  # the query whose answer is on screen ("" : none)
        self._number = 0  # of the latest search asked for; older answers are dropped
        self._running: int | None = None  # the number of the search on the worker
        self._cancel: search.Cancel | None = None  # stops that search when typing goes on
        self._running_query = ""  # what that search looks for
        # Every level of the tree for the year searched, read ahead of the first search and
        # filtered by every search; forgotten when the records change (forget_tree).
        self._levels = LevelsCache()
        self._reading_levels = False  # a read of the levels is on the worker
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._delivery = _Delivery(self)
        self._delivery.done.connect(self._delivered)
        self._delivery.levels_read.connect(self._levels_read)

        self._timer = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._timer.timeout.connect(self._start)
        field.textChanged.connect(self._typed)
        field.installEventFilter(self)
        field.returnPressed.connect(self.run_now)
        field.down.connect(self._focus_results)
        field.escaped.connect(self._leave_not_understood)
        self.all_years.toggled.connect(lambda _on: self.run())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.field and event.type() == QEvent.Type.FocusIn:
            self._read_levels_ahead()  # a search is likely to follow
        return super().eventFilter(watched, event)

    def _typed(self, text: str) -> None:
        self._timer.start()
        self._read_levels_ahead()
        cancel = self._cancel
        if cancel is not None and self._running is not None and text.strip() != self._running_query:
            # The search under way answers a text no longer there: stop it, so that the
            # next one (after the pause) does not wait for it.
            self._number += 1
            cancel.cancel()

    def _read_levels_ahead(self) -> None:
        """Read the tree's levels (and what the search keeps) on the worker now, unless kept
        or being read, so that the first search after opening or after an edit does not
        wait for them."""
        db, year = self.editor.db, self.editor.year
        if self._reading_levels or self._levels.has(db, year):
            return
        self._reading_levels = True
        levels, done = self._levels, self._delivery.levels_read
        read_ahead = search.read_ahead  # (the module loaded here, on the window's thread)

        def work() -> None:
            # On an error the search reads them again, and that error reaches the user.
            with contextlib.suppress(Exception):
                levels.get(db, year)
            done.emit()

        def map_work() -> None:
            # What a search of a big year uses if it is there (searches do without it).
            with contextlib.suppress(Exception):
                read_ahead(db=db, year=year)

        self._pool.start(work)
        self._pool.start(map_work, READ_AHEAD_PRIORITY)  # after any search typed meanwhile

    def _levels_read(self) -> None:
        self._reading_levels = False

    @property
    def active(self) -> bool:
        """A search is shown, or one is on its way."""
        return self.result is not None or self._running is not None or self._timer.isActive()

    def answered(self, text: str) -> bool:
        """Whether what is shown is the answer to ``text`` and nothing more is on its way."""
        busy = self._timer.isActive() or self._running is not None
        return not busy and self._shown == text.strip()

    def run_now(self) -> None:
        """Enter: the answer now, without waiting for the pause in typing."""
        if self._timer.isActive() or not self.answered(self.field.text()):
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
        self._shown = ""
        self.result = result
        self.tree_rows = None
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
        self._number += 1  # an answer still on its way is out of date
        query = self.field.text().strip()
        if query:
            self.not_understood = False
        elif self.not_understood:
            self._run_not_understood()
            return
        if not query:
            self._show(query, None, None)
            return
        result = search.search(db=self.editor.db, query=query, year=self._search_year())
        self._show(query, result, None)

    def forget_tree(self) -> None:
        """The records changed: the levels read for earlier searches are out of date."""
        self._levels.forget()
        if self._running is not None:
            self._number += 1  # an answer built on them is dropped, and asked again

    def stop(self) -> None:
        """The window closes: no answer may reach for the database after this."""
        self._timer.stop()
        self._number += 1
        self._pool.waitForDone()

    def _search_year(self) -> int | None:
        return None if self.all_years.isChecked() else self.editor.year

    def _start(self) -> None:
        """The pause in typing: search on the worker (or clear at once: nothing to search)."""
        query = self.field.text().strip()
        if not query:
            self.run()
            return
        self.not_understood = False  # a query leaves the list of dates not understood
        self._number += 1
        if search.too_short(query):
            # One letter: said at once, not after a search or a reading ahead on the worker.
            if self._cancel is not None:
                self._cancel.cancel()
            self._show(query, search.SearchResult(query, too_short=True), None)
            return
        if self._running is not None:
            return  # the search under way starts the next one when it ends
        number = self._number
        db, year, tree_year = self.editor.db, self._search_year(), self.editor.year
        deliver = self._delivery.done
        cache = self._levels
        cancel = self._cancel = search.Cancel()
        self._running_query = query

        def work() -> None:
            try:
                result = search.search(db=db, query=query, year=year, cancel=cancel)
                rows = None
                if not result.too_short:
                    # Every country's partners too (filtered in memory from the levels):
                    # the selection kept through the search opens its country without
                    # reading the database on the GUI thread.
                    rows = filtered_rows(
                        db, tree_year, result, countries=True, levels=cache.get(db, tree_year)
                    )
                deliver.emit(number, (query, db, tree_year, result, rows))
            except Exception as exc:  # shown by the run on the GUI thread below
                deliver.emit(number, exc)

        self._running = number
        self._pool.start(work)

    def _delivered(self, number: int, answer: Any) -> None:
        self._running = None
        self._cancel = None
        if number != self._number:
            if not self._timer.isActive() and not self.answered(self.field.text()):
                self._start()  # the field changed meanwhile: its text now
            return
        if isinstance(answer, Exception):
            self.run()  # again where an error reaches the user the usual way
            return
        query, db, tree_year, result, rows = answer
        if db is not self.editor.db or tree_year != self.editor.year:
            self.run()
            return
        self._show(query, result, rows)

    def _show(self, query: str, result: SearchResult | None, rows: FilteredRows | None) -> None:
        self._shown = query
        if result is None:
            self.result = None
            self.tree_rows = None
            self.model.set_hits(())
            self.hide()
            self.resultReady.emit(None)
            return
        if result.too_short:
            self.summary.setText(self.tr("Type at least two letters."))
            self.model.set_hits(())
            self.show()
            return
        self.result = result
        self.tree_rows = rows
        self.model.set_hits(result.events)
        self.summary.setText(self._describe(result))
        self.show()
        self.resultReady.emit(result)
        self.tree_rows = None  # used once, by the filter this signal applied

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
