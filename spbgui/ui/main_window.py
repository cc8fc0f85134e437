"""The main window: wires the parts together and holds no business logic.

Left, the navigation tree (regions → countries → partners) with the search
results under it; right, the details pane of the selected node; above, the
menus and a toolbar with the year selector and the search field; below, the
status bar with the database file and counts. Edits go through the
:class:`Editor` (undo commands over services); everything shown is refreshed
from the change sets it emits.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEventLoop, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QCloseEvent, QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFrame,
    QLabel,
    QMainWindow,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from spbgui.services import databases, details, tree, years
from spbgui.services.changes import ChangeSet, NodeKind, NodeRef
from spbgui.services.databases import Database
from spbgui.ui import lazy, window_state
from spbgui.ui.actions import SPECS, ActionId, Actions, translate
from spbgui.ui.clipboard_actions import ClipboardActions
from spbgui.ui.details_pane import DetailsPane
from spbgui.ui.dialogs import AboutDialog, FirstStartDialog, MessageDialog, PendingDialog
from spbgui.ui.editor import Editor
from spbgui.ui.error_dialog import report_unexpected
from spbgui.ui.fields import finish_typing, undo_typing
from spbgui.ui.file_drops import FileDrops
from spbgui.ui.files import DatabaseFiles
from spbgui.ui.focus import FocusTarget, RecordFocus, RecordKind, YearFocus
from spbgui.ui.handlers import RecordActions
from spbgui.ui.live_refresh import LiveRefresh
from spbgui.ui.menus import (
    AGREEMENTS_MENU,
    EVENTS_MENU,
    build_menus,
    build_toolbar,
    context_menu,
)
from spbgui.ui.navigation import NavigationTree
from spbgui.ui.search_panel import SearchField, SearchPanel
from spbgui.ui.tree_marks import TreeMarks
from spbgui.ui.tree_model import NavigationModel

if TYPE_CHECKING:
    from spbgui.services import history
    from spbgui.services.search import EventHit, SearchResult
    from spbgui.ui.stats_page import StatsWindow
else:
    history = lazy.lazy_module("spbgui.services.history")  # SQLAlchemy: not for the first screen

STATUS_SECONDS = 15  # how long a passing message stays in the status bar
LOAD_ENGINE_AFTER_MS = 100  # after the first paint, long before a person's first action
ENGINE_POLL_MS = 20  # whether SQLAlchemy's import on its thread is done


def _no_arguments(handler: Callable[[], object]) -> Callable[..., None]:
    """A slot for ``QAction.triggered(bool checked)`` that passes nothing on: the ``checked``
    flag must never land in a handler's optional parameter (``import_table(path=False)``)."""

    def slot(*_ignored: object) -> None:
        handler()

    return slot


class MainWindow(QMainWindow):
    # What the window has just shown again after a change, whatever made it: an edit or its
    # undo, an import, another user's change. What is worked out from the whole database
    # (the tree's marks, the statistics window) follows this, not the editor's own signal,
    # which an import or another user's change never passes through.
    recordsChanged = Signal(object)  # ChangeSet

    stats_window: StatsWindow  # made by the first View → Statistics (stats_page)

    def __init__(self, db: Database) -> None:
        super().__init__()
        self.db = db
        self.setObjectName("mainWindow")
        self.actions_ = Actions(self)
        self.editor = Editor(db, years.current(db=db), self)
        self.model = NavigationModel(db, self.editor.year, self)
        self.tree = NavigationTree(self.model, self)
        self.search_field = SearchField(self)
        self.search = SearchPanel(self.editor, self.search_field, self)
        self.details = DetailsPane(self.editor, self)
        self.records = RecordActions(self, self.editor, self.tree, self.details)
        self.files = DatabaseFiles(self)
        self.clipboard = ClipboardActions(self)
        self.files.db = db
        self.files.may_switch = self._may_switch_database
        self.drops = FileDrops(
            self, self.files, lambda: self.actions_[ActionId.IMPORT_TABLE].isEnabled()
        )
        self.live = LiveRefresh(self)
        self.year_selector = QComboBox(self, objectName="yearSelector")
        self.year_selector.setAccessibleName(self.tr("Year of the table"))
        self.year_selector.setToolTip(self.tr("The year whose events are shown and written"))

        self.left = QSplitter(Qt.Orientation.Vertical, self, objectName="leftSplitter")
        self.left.addWidget(self.tree)
        self.left.addWidget(self.search)
        self.left.setStretchFactor(0, 3)
        self.left.setStretchFactor(1, 2)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self, objectName="mainSplitter")
        self.splitter.addWidget(self.left)
        # The partner's page needs more height than a 1366×768 laptop leaves the window (more
        # still with last year's events under it): below that it scrolls, instead of the
        # window growing past the bottom of the screen, its status bar out of sight.
        self.details_area = QScrollArea(self, objectName="detailsArea")
        self.details_area.setWidget(self.details)
        self.details_area.setWidgetResizable(True)
        self.details_area.setFrameShape(QFrame.Shape.NoFrame)
        self.splitter.addWidget(self.details_area)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 5)
        self.splitter.setSizes([420, 1000])
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.splitter)
        self.setCentralWidget(central)

        self.recent_menu = build_menus(self, self.actions_)
        self.recent_menu.aboutToShow.connect(lambda: self.files.fill_recent_menu(self.recent_menu))
        build_toolbar(self, self.actions_, self.year_selector, self.search_field)
        self.file_label = QLabel(self, objectName="statusFile")
        self.counts_label = QLabel(self, objectName="statusCounts")
        self.open_folder = QPushButton(self.tr("Open Folder"), self, objectName="openFolderButton")
        self.open_folder.setFlat(True)
        self.open_folder.hide()
        self.open_folder.clicked.connect(self._open_written_folder)
        self._written: Path | None = None
        self._following_edit = False  # the tree is being brought up to date with an edit
        self._by_others = False  # a change made in another window or program is being shown
        self._lock_waiting = False  # a save waits for another program's lock
        self._import_before_undo: int | None = None  # the newest import when undo began
        self.statusBar().addWidget(self.file_label, 1)
        self.statusBar().addPermanentWidget(self.open_folder)
        self.statusBar().addPermanentWidget(self.counts_label)
        self._status_timer = QTimer(self, singleShot=True, interval=50)
        self._status_timer.timeout.connect(self._update_status)
        self._engine_timer = QTimer(self, singleShot=True, interval=LOAD_ENGINE_AFTER_MS)
        self._engine_timer.timeout.connect(self._load_engine)

        # Anniversaries, dormant partners and terms that run out, marked on the tree's partners.
        self.tree_marks = TreeMarks(
            self.model, self.tree, lambda: self.db, lambda: self.editor.year
        )
        self._connect()
        self.tree.set_context_actions(
            [
                self.actions_[i] if i else None
                for i in (
                    ActionId.ADD_REGION,
                    ActionId.ADD_COUNTRY,
                    ActionId.ADD_PARTNER,
                    None,
                    ActionId.RENAME,
                    ActionId.DELETE,
                    None,
                    ActionId.MOVE_TO,
                    ActionId.MOVE_UP,
                    ActionId.MOVE_DOWN,
                )
            ]
        )
        partner = self.details.partner
        context_menu(partner.agreements.table, self.actions_, AGREEMENTS_MENU)
        context_menu(partner.events.table, self.actions_, EVENTS_MENU)
        context_menu(partner.events.previous_table, self.actions_, (ActionId.COPY,))
        self._tab_order()
        self._database_shown()
        window_state.restore(self)
        self._restore_place()
        # The keys go to the tree when the window opens (else to the first widget of the
        # focus chain: a button of the details, on which Space opens a dialog).
        self.tree.setFocus()
        self.load_engine_soon()

    def _tab_order(self) -> None:
        """Tab and Shift+Tab visit the sections in reading order: the year and the search
        above, the tree and the found events on the left, the details on the right."""
        chain = [
            self.year_selector,
            self.search_field,
            self.tree,
            self.search.all_years,
            self.search.view,
            *self.details.tab_chain(),
        ]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    # -- wiring --------------------------------------------------------------------------------

    def _connect(self) -> None:
        a, ed, rec = self.actions_, self.editor, self.records
        handlers: dict[ActionId, Callable[[], object]] = {
            ActionId.NEW_DATABASE: self.files.new_database,
            ActionId.OPEN_DATABASE: self.files.open_database,
            ActionId.IMPORT_TABLE: self.files.import_table,
            ActionId.HELP: self.show_help,
            ActionId.EXPORT_TABLE: lambda: self.files.export_table(self.editor.year),
            ActionId.PRINT_REPORT: lambda: self.files.print_report(self.editor.year),
            ActionId.BACKUPS: self.files.show_backups,
            ActionId.CONNECT_SERVER: self.files.connect_server,
            ActionId.HISTORY: self.show_history,
            ActionId.QUIT: self.close,
            ActionId.UNDO: self.undo,
            ActionId.REDO: self.redo,
            ActionId.COPY: self.clipboard.copy,
            ActionId.PASTE: self.clipboard.paste,
            ActionId.RENAME: rec.rename,
            ActionId.DELETE: rec.delete,
            ActionId.FIND: self.focus_search,
            ActionId.DATES_NOT_UNDERSTOOD: self.search.show_dates_not_understood,
            ActionId.ADD_REGION: rec.add_region,
            ActionId.ADD_COUNTRY: rec.add_country,
            ActionId.ADD_PARTNER: rec.add_partner,
            ActionId.ADD_AGREEMENT: rec.add_agreement,
            ActionId.ADD_EVENT: rec.add_event,
            ActionId.MOVE_TO: rec.move_to,
            ActionId.MOVE_UP: lambda: rec.move(-1),
            ActionId.MOVE_DOWN: lambda: rec.move(+1),
            ActionId.SORT_EVENTS: rec.sort_events,
            ActionId.REFRESH: lambda: self._changed(ChangeSet.everything()),
            ActionId.START_YEAR: self._start_new_year,
            ActionId.PREVIOUS_YEAR: lambda: self._step_year(-1),
            ActionId.NEXT_YEAR: lambda: self._step_year(+1),
            ActionId.ABOUT: self.about,
            ActionId.STATISTICS: self.show_statistics,
        }
        missing = set(ActionId) - handlers.keys()
        assert not missing, f"actions without a handler: {missing}"
        # The clipboard and Find act on the focused field themselves; Undo and Redo on its
        # typing. Every other action first writes what is being typed: a shortcut or a
        # toolbar button leaves the focus in the field, which never hears editing is over.
        as_they_are = {ActionId.UNDO, ActionId.REDO, ActionId.COPY, ActionId.PASTE, ActionId.FIND}
        for action_id, handler in handlers.items():
            if action_id not in as_they_are:
                handler = self._after_typing(handler)
            a[action_id].triggered.connect(_no_arguments(handler))
        # Del in the search field or a line editor deletes text, not records.
        a[ActionId.DELETE].setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        for widget in (self.tree, self.details):
            widget.addAction(a[ActionId.DELETE])
        self.addAction(a[ActionId.FIND])

        stack = ed.stack
        stack.canUndoChanged.connect(a[ActionId.UNDO].setEnabled)
        stack.canRedoChanged.connect(a[ActionId.REDO].setEnabled)
        # Bound methods, not lambdas: the connection then ends with the window.
        stack.undoTextChanged.connect(self._undo_text_changed)
        stack.redoTextChanged.connect(self._redo_text_changed)
        self._undo_text(ActionId.UNDO, "")
        self._undo_text(ActionId.REDO, "")

        ed.changed.connect(self._changed)
        self.recordsChanged.connect(self.tree_marks.refresh_later)
        ed.yearChanged.connect(self.tree_marks.refresh_later)
        ed.focusRequested.connect(self.focus)
        ed.failed.connect(lambda m: MessageDialog.warn(self, self.tr("Cannot do that"), m))
        ed.crashed.connect(lambda e: report_unexpected(e, self))
        ed.yearChanged.connect(self._year_changed)
        self.details.invalidInput.connect(self._refused)
        self.files.written.connect(self.file_written)
        self.tree.currentRefChanged.connect(self._selected)
        self.tree.entered.connect(self.details.focus_first)
        self.details.nodeActivated.connect(lambda ref: self.tree.select_ref(self.db, ref))
        self.model.renameRequested.connect(self._rename)
        self.model.moveRequested.connect(rec.move_dropped)
        self.model.eventsDropped.connect(rec.events_dropped)
        self.year_selector.activated.connect(
            lambda i: self._go_to_year(int(self.year_selector.itemData(i)))
        )
        self.search.resultReady.connect(self._filter)
        self.search.eventActivated.connect(self._event_activated)
        self.search_field.escaped.connect(self.tree.setFocus)
        self.files.opened.connect(self.set_database)
        self.live.changed_elsewhere.connect(self._changed_elsewhere)
        self.editor.stack.indexChanged.connect(self._undo_history_changed)
        self.files.imported.connect(self._imported)

    def _after_typing(self, handler: Callable[[], object]) -> Callable[[], None]:
        def run() -> None:
            finish_typing(self)
            handler()

        return run

    def undo(self) -> None:
        """Edit → Undo: the typing in the focused field if it has some (as Ctrl+Z there
        does), else the last change of the records."""
        if not undo_typing(self):
            finish_typing(self)
            if not self._undo_stopped_by_import():
                self.editor.stack.undo()

    def redo(self) -> None:
        if not undo_typing(self, redo=True):
            finish_typing(self)
            if not self._undo_stopped_by_import():
                self.editor.stack.redo()

    def _rename(self, ref: NodeRef, name: str) -> None:
        """A name typed in the tree (F2): written over the version the window shows; one the
        records refuse (a duplicate) comes back in the editor, once its message is read."""
        refused: list[str] = []
        self.editor.failed.connect(refused.append)
        try:
            done = self.editor.rename(ref, name, self.details.version_of(ref))
        finally:
            self.editor.failed.disconnect(refused.append)
        if not done and refused:
            QTimer.singleShot(0, lambda: self.tree.rename_again(ref, name, refused[0]))

    def _undo_text_changed(self, text: str) -> None:
        self._undo_text(ActionId.UNDO, text)

    def _redo_text_changed(self, text: str) -> None:
        self._undo_text(ActionId.REDO, text)

    def _undo_text(self, which: ActionId, text: str) -> None:
        """«Undo: add event» in the Edit menu, from the command's text; plain «Undo» if none."""
        action = self.actions_[which]
        stack = self.editor.stack
        if which is ActionId.UNDO:
            label = self.tr("&Undo %1").replace("%1", text) if text else None
            action.setEnabled(stack.canUndo())
        else:
            label = self.tr("&Redo %1").replace("%1", text) if text else None
            action.setEnabled(stack.canRedo())
        action.setText(label or translate(SPECS[which].text))

    # -- the database --------------------------------------------------------------------------

    def _may_switch_database(self) -> bool:
        """Before another database is shown (File → Open, New, Open Recent, Connect): what
        is being typed is written to this one (Open Recent's entries are not actions of the
        window, and a menu never takes the focus from the field), and values typed and not
        saved are asked about while this database is still the one shown."""
        finish_typing(self)
        return self.settle_pending(self.tr("You are opening another database."))

    def set_database(self, db: Database) -> None:
        """Show another database (File → Open, New, Recent); the old one is closed."""
        old, self.db = self.db, db
        self.files.db = db
        self.search_field.clear()
        self.editor.set_database(db, years.current(db=db))
        self.model.set_database(db, self.editor.year)
        if old is not db:
            self.tree_marks.stop(clear=True)  # a run still reading the old database ends first
            old.close()
        self._database_shown()
        self.load_engine_soon()

    def load_engine_soon(self) -> None:
        """Load SQLAlchemy (and the services that write) once the window has been painted.

        The first screen is read without it (services through store.first_screen);
        the first edit, search or export must not wait a third of a second for it.
        SQLAlchemy is imported on a thread of its own from then: the window is not stood
        still for it (nor is its first paint slowed by a thread started before it).
        """
        self._engine_timer.start(LOAD_ENGINE_AFTER_MS)

    def _load_engine(self) -> None:
        databases.preload_engine_modules()  # (once per program)
        if not databases.engine_modules_loaded():
            self._engine_timer.start(ENGINE_POLL_MS)  # still importing: look again shortly
            return
        databases.load_engine(db=self.db)
        lazy.load_pending()  # the services that write, and the search
        self.tree_marks.refresh()  # its first run: the marks need the whole database

    def _database_shown(self) -> None:
        self.live.watch(self.db)
        self.db.wait_for_locks_with(self._waiting_for_lock)
        name = self.db.path.name if self.db.path else self.db.display_name
        self.setWindowTitle(self.tr("%1 — St Petersburg's partner cities").replace("%1", name))
        self.file_label.setText(self.db.display_name)
        self.file_label.setToolTip(self.db.display_name)
        writable = not self.db.readonly
        for action_id in (
            ActionId.ADD_REGION,
            ActionId.ADD_COUNTRY,
            ActionId.ADD_PARTNER,
            ActionId.ADD_AGREEMENT,
            ActionId.ADD_EVENT,
            ActionId.RENAME,
            ActionId.DELETE,
            ActionId.MOVE_TO,
            ActionId.MOVE_UP,
            ActionId.MOVE_DOWN,
            ActionId.SORT_EVENTS,
            ActionId.START_YEAR,
            ActionId.PASTE,
        ):
            self.actions_[action_id].setEnabled(writable)
        self.actions_[ActionId.IMPORT_TABLE].setEnabled(writable)
        self.actions_[ActionId.BACKUPS].setEnabled(self.db.path is not None)  # files only
        self.tree.setDragEnabled(writable)
        self.tree.set_renaming(writable)
        self._fill_years()
        self._update_status()
        if not self.tree.select_ref(self.db, tree.first_partner(db=self.db)):
            self.details.show_node(None)
        if self.db.notes:  # read-only, a network share: stays in sight, not a passing message
            notes = " ".join(self.db.notes)
            self.file_label.setText("⚠ " + self.db.display_name)
            self.file_label.setToolTip(notes)
            self.statusBar().showMessage(notes)

    def offer_first_start(self) -> None:
        """On an empty database: offer to import a spreadsheet or open the 2024 sample."""
        if not databases.is_empty(db=self.db) or self.db.readonly:
            return
        choice = FirstStartDialog.ask(self, True)
        if choice == FirstStartDialog.IMPORT:
            self.files.import_table()
        elif choice == FirstStartDialog.SAMPLE:
            self.files.open_sample()

    def _imported(self, changes: ChangeSet) -> None:
        self.editor.stack.clear()  # undo does not reach across an import
        self.editor.set_year(years.current(db=self.db))
        self._changed(changes)
        if self.tree.current_ref() is None:
            self.tree.select_ref(self.db, tree.first_partner(db=self.db))

    # -- following changes ---------------------------------------------------------------------

    def _changed(self, changes: ChangeSet) -> None:
        self.search.forget_tree()
        current = self.tree.current_ref()
        expanded = self.tree.expanded_refs() if changes.reload else []
        # Rows removed under the selection move it for a moment (a partner moved to another
        # country leaves its old row): that is not the clerk leaving the node shown, and
        # must not ask about its typing. The node is selected again where it now is.
        self._following_edit = True
        try:
            self.model.apply(changes)
            if changes.reload:
                self.tree.expand_refs(expanded)
            if current is not None and self.tree.current_ref() != current:
                self.tree.select_ref(self.db, current)
        finally:
            self._following_edit = False
        if self.tree.current_ref() != self.details.ref:
            self._selected(self.tree.current_ref())  # the node shown is gone
        self.details.refresh(changes)
        if changes.years:
            self._fill_years()
        if self.search.active and (
            changes.events or changes.nodes or changes.children or changes.reload
        ):
            self.search.run()
        self._status_timer.start()
        self.recordsChanged.emit(changes)

    def _waiting_for_lock(self, done: bool) -> None:
        """A save waits for another program's write lock (a long import, a database
        browser): the window says so and keeps itself drawn, taking no input meanwhile
        (the edit being saved is still under way), and no refresh that would reload the
        tables under it."""
        if done:
            if self._lock_waiting:
                self._lock_waiting = False
                QApplication.restoreOverrideCursor()
                self.statusBar().clearMessage()
                self.live.timer.start()
            return
        if not self._lock_waiting:
            self._lock_waiting = True
            self.live.timer.stop()
            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            self.statusBar().showMessage(
                self.tr(
                    "The database is busy: another program (an import, another window) is "
                    "writing to it. Your change will be saved as soon as it finishes…"
                )
            )
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)

    def _undo_history_changed(self, _index: int) -> None:
        """Note which import the undo history was begun after (_undo_stopped_by_import)."""
        try:
            count = self.editor.stack.count()
        except RuntimeError:  # the window is being destroyed: the stack empties itself
            return
        if count == 0:
            self._import_before_undo = None
        elif self._import_before_undo is None:
            self._import_before_undo = history.last_import(db=self.db)

    def _undo_stopped_by_import(self) -> bool:
        """Has anyone imported the table since the undo history began? Then undo stops
        there (the history is cleared, with a word), as after this window's own import:
        the import replaced the year's events, and the ids the history holds may now be
        other records (Ctrl+Z of «add event» deleted an imported event, silently). Asked
        before each undo and redo (the window may not have refreshed yet: it waits while
        the clerk types) and on each refresh."""
        if self._import_before_undo is None or (
            history.last_import(db=self.db) == self._import_before_undo
        ):
            return False
        self.editor.stack.clear()
        self.statusBar().showMessage(
            self.tr(
                "The table was imported in another window or program: what you did before "
                "that can no longer be undone."
            ),
            STATUS_SECONDS * 1000,
        )
        return True

    def _changed_elsewhere(self) -> None:
        """Another window or program changed the records: show what is stored now."""
        self._undo_stopped_by_import()
        self._by_others = True
        try:
            self._changed(ChangeSet.everything())
        finally:
            self._by_others = False

    def _keep_typing_of_removed(self) -> None:
        """The node shown was deleted by someone else, with what was typed on it and not
        saved: nobody asked this clerk. The typing goes to the clipboard, and they are told."""
        typed = self.details.typed()
        if not typed:
            return
        QGuiApplication.clipboard().setText("\n".join(typed))
        MessageDialog.warn(
            self,
            self.tr("Deleted by someone else"),
            self.tr(
                "The record you were typing on was deleted in another window or program. "
                "What you typed and had not saved is on the clipboard: %1. Paste it "
                "(Ctrl+V) where it belongs."
            ).replace("%1", "; ".join(f"«{t}»" for t in typed)),
        )

    def focus(self, target: FocusTarget | None) -> None:
        """Show what an edit or its undo touched: a node, an event, an agreement, a year."""
        if isinstance(target, NodeRef):
            if (
                not self.tree.select_ref(self.db, target)
                and self.search.active
                and tree.path(db=self.db, ref=target)
            ):
                # Added (or put back) outside what the search shows: the search gives way,
                # so that the record is in sight and selected, not thought lost.
                self.search_field.clear()
                self.search.run()
                self.tree.select_ref(self.db, target)
        elif isinstance(target, YearFocus):
            self._fill_years()
            if self._may_leave_year(target.year):
                self.editor.set_year(target.year)
        elif isinstance(target, RecordFocus):
            self._focus_record(target)

    def _focus_record(self, target: RecordFocus) -> None:
        partner_id = details.owner(db=self.db, kind=target.kind.value, record_id=target.id)
        if partner_id is None:
            return
        if target.kind is RecordKind.EVENT:
            event = details.event(db=self.db, event_id=target.id)
            if event is not None and event.year != self.editor.year:
                if not self._may_leave_year(event.year):
                    return  # the change is done; the view stays with what was typed
                self.editor.set_year(event.year)
        if self.details.ref != NodeRef.partner(partner_id):
            self.tree.select_ref(self.db, NodeRef.partner(partner_id))
        self.details.focus_record(target)

    # -- values typed and refused: never lost without a word -----------------------------------

    def _refused(self, why: str) -> None:
        self.statusBar().showMessage(
            self.tr("Not saved: %1").replace("%1", why), STATUS_SECONDS * 1000
        )

    def settle_pending(self, leaving: str) -> bool:
        """Before the shown partner goes away: values typed and refused on it are not lost
        without a word. True to go on (nothing pending, or the user discards it)."""
        pending = self.details.pending()
        if not pending:
            return True
        if PendingDialog.ask(self, leaving, pending):
            self.details.discard_pending()
            return True
        self.details.focus_pending()
        return False

    def _selected(self, ref: NodeRef | None) -> None:
        if self._following_edit:
            return  # _changed settles the selection once the tree is up to date
        shown = self.details.ref
        if shown is not None and ref != shown and not tree.path(db=self.db, ref=shown):
            # Deleted, after a confirmation that said what goes with it: its typing too;
            # deleted by someone else, nobody asked: the typing is kept for the clerk.
            if self._by_others:
                self._keep_typing_of_removed()
            self.details.discard_pending()
        if ref != self.details.ref and not self.settle_pending(
            self.tr("You are leaving this partner.")
        ):
            if self.details.ref is not None:
                self.tree.select_ref(self.db, self.details.ref)
            return
        if ref is None or ref != self.details.ref:
            # (The tree re-selects the node shown after a search filtered it: the details
            # stay as they are, a partner's thousand events are not read again.)
            self.details.show_node(ref)
        kind = ref.kind if ref is not None else None
        writable = not self.db.readonly
        a = self.actions_
        a[ActionId.ADD_COUNTRY].setEnabled(writable and kind is not None)
        a[ActionId.ADD_PARTNER].setEnabled(
            writable and kind in (NodeKind.COUNTRY, NodeKind.PARTNER)
        )
        for action_id in (ActionId.ADD_AGREEMENT, ActionId.ADD_EVENT, ActionId.SORT_EVENTS):
            a[action_id].setEnabled(writable and kind is NodeKind.PARTNER)
        a[ActionId.MOVE_TO].setEnabled(writable and kind in (NodeKind.COUNTRY, NodeKind.PARTNER))

    # -- years ---------------------------------------------------------------------------------

    def _fill_years(self) -> None:
        choices = years.choices(db=self.db)
        if self.editor.year not in choices:
            choices = sorted({*choices, self.editor.year})
        self.year_selector.blockSignals(True)
        self.year_selector.clear()
        for year in choices:
            self.year_selector.addItem(str(year), year)
        self.year_selector.setCurrentIndex(self.year_selector.findData(self.editor.year))
        self.year_selector.blockSignals(False)

    def _step_year(self, step: int) -> None:
        index = self.year_selector.currentIndex() + step
        if 0 <= index < self.year_selector.count():
            self._go_to_year(int(self.year_selector.itemData(index)))

    def _go_to_year(self, year: int) -> None:
        if year != self.editor.year and not self.settle_pending(
            self.tr("You are switching to another year.")
        ):
            self.year_selector.setCurrentIndex(self.year_selector.findData(self.editor.year))
            return
        self.editor.set_year(year)

    def _may_leave_year(self, year: int) -> bool:
        """An undo or redo about to show another year: values typed and refused here are
        asked about first, as a switch of the year by hand does."""
        return year == self.editor.year or self.settle_pending(
            self.tr("You are switching to another year.")
        )

    def _start_new_year(self) -> None:
        if self.settle_pending(self.tr("You are starting a new year.")):
            self.records.start_new_year()

    def _year_changed(self, year: int) -> None:
        if self.year_selector.findData(year) < 0:
            self._fill_years()
        self.year_selector.setCurrentIndex(self.year_selector.findData(year))
        self.model.set_year(year)
        self.details.year_changed()
        if self.search.active:
            self.search.run()
        self._update_status()

    # -- search --------------------------------------------------------------------------------

    def focus_search(self) -> None:
        self.search_field.setFocus()
        self.search_field.selectAll()

    def _filter(self, result: SearchResult | None) -> None:
        current = self.tree.current_ref()
        self.model.set_filter(result, self.search.tree_rows)
        if result is not None:
            self.tree.expand_filtered()
        if current is not None and not self.tree.select_ref(self.db, current) and result:
            first = self.tree.first_partner_index()
            if first.isValid():
                self.tree.setCurrentIndex(first)
        self.model.done_filtering()  # (the selection kept may open a country read ahead)

    def _event_activated(self, hit: EventHit) -> None:
        if hit.year != self.editor.year:
            self.search.all_years.setChecked(True)  # keep the list while the year changes
            self.editor.set_year(hit.year)
        self.tree.select_ref(self.db, NodeRef.partner(hit.partner_id))
        self.details.focus_record(RecordFocus.event(hit.id))

    # -- the rest ------------------------------------------------------------------------------

    def _update_status(self) -> None:
        t = databases.totals(db=self.db, year=self.editor.year)
        self.counts_label.setText(
            self.tr("Partners: %1 · agreements: %2 · events of %3: %4")
            .replace("%1", str(t.partners))
            .replace("%2", str(t.agreements))
            .replace("%3", str(self.editor.year))
            .replace("%4", str(t.events))
        )

    def show_statistics(self) -> None:
        """View → Statistics; its charts (QtCharts) are loaded when it is first asked for."""
        from spbgui.ui.stats_page import show_statistics

        show_statistics(self)

    def show_history(self) -> None:
        """Edit → History of Changes…: the selected node's, or every record's."""
        from spbgui.ui.history_dialog import HistoryDialog

        dialog = HistoryDialog(self.db, self.tree.current_ref(), self)
        dialog.restored.connect(self.editor.changed.emit)
        dialog.saved.connect(self.file_written)
        dialog.exec()

    def about(self) -> None:
        AboutDialog.show_about(self, self.db.display_name)

    def show_help(self) -> None:
        """Help → User Guide (F1): the guide shipped with the program."""
        from spbgui.ui.help_window import HelpWindow

        HelpWindow.show_guide(self)

    # -- files written ------------------------------------------------------------------------

    def file_written(self, path: Path) -> None:
        """Every file written (Excel, PDF, Word, CSV): say where, offer to open its folder."""
        self._written = Path(path)
        self.statusBar().showMessage(
            self.tr("Saved: %1").replace("%1", str(path)), STATUS_SECONDS * 4000
        )
        self.open_folder.setToolTip(str(Path(path).parent))
        self.open_folder.show()

    def _open_written_folder(self) -> None:
        if self._written is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self._written.parent)))

    # -- where the clerk left off --------------------------------------------------------------

    def _restore_place(self) -> None:
        place = window_state.place(self.db.display_name)
        if place is None:
            return
        selected, expanded = place
        self.tree.expand_refs(expanded)
        if selected is not None:
            self.tree.select_ref(self.db, selected)

    def closeEvent(self, event: QCloseEvent) -> None:
        # Commit a field still being edited (its focus-out would come too late).
        focused = self.focusWidget()
        if focused is not None:
            focused.clearFocus()
        if not self.settle_pending(self.tr("You are closing the program.")):
            event.ignore()
            return
        window_state.save(self)
        window_state.save_place(
            self.db.display_name, self.tree.current_ref(), self.tree.expanded_refs()
        )
        self.live.stop()
        self.search.stop()
        self.tree_marks.stop()
        self._status_timer.stop()  # nothing may reach for the database once it is closed
        self._engine_timer.stop()
        self.db.close()
        super().closeEvent(event)
