"""The navigation tree view: selection, lazy expansion to a node, drag and drop, context menu."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QLineEdit,
    QMenu,
    QTreeView,
    QWidget,
)

from spbgui.services import tree
from spbgui.services.changes import NodeKind, NodeRef
from spbgui.services.databases import Database
from spbgui.ui.fields import mark_error
from spbgui.ui.tree_model import NavigationModel

if TYPE_CHECKING:
    from spbgui.services.search import SearchResult

EXPAND_ALL_LIMIT = 400  # a filtered tree with more partners than this opens regions only


def opens_countries(result: SearchResult) -> bool:
    """Whether a search opens the countries too, or only the regions (when it found a lot)."""
    return len(result.partners) + len(result.whole_countries) * 10 <= EXPAND_ALL_LIMIT


class NavigationTree(QTreeView):
    currentRefChanged = Signal(object)  # NodeRef or None
    entered = Signal()  # Enter on the current node: the keyboard goes to its page

    def __init__(self, model: NavigationModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("navigationTree")
        self.setAccessibleName(self.tr("Regions, countries and partners"))
        self.setModel(model)
        self.setUniformRowHeights(True)
        self.setAllColumnsShowFocus(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.set_renaming(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setDropIndicatorShown(True)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._context_menu)
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # A fixed width for the counts, wide enough for six digits: ResizeToContents would
        # ask every loaded row for its text on each change, thousands after a search.
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(1, self.fontMetrics().horizontalAdvance("0000000") + 12)
        self._menu_actions: list[QAction | None] = []
        self._connect_selection()
        model.modelReset.connect(self._connect_selection)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Enter on a node goes into its page, as Enter opens a folder in a file manager
        # (F2 renames it, the arrows walk the tree). The name being renamed takes its own.
        plain = not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if (
            event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and plain
            and self.state() != QAbstractItemView.State.EditingState
            and self.currentIndex().isValid()
        ):
            event.accept()
            self.entered.emit()
            return
        super().keyPressEvent(event)

    def set_renaming(self, on: bool) -> None:
        """F2 or a click on the selected name renames it; not in a read-only database."""
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
            if on
            else QAbstractItemView.EditTrigger.NoEditTriggers
        )

    def rename_again(self, ref: NodeRef, typed: str, why: str) -> None:
        """Open the name editor of ``ref`` once more with the name the records refused, so
        that what was typed is corrected, not retyped (Esc leaves the stored name)."""
        index = self.navigation_model().index_of(ref)
        if not index.isValid() or self.state() == QAbstractItemView.State.EditingState:
            return
        self.setCurrentIndex(index)
        if not self.edit(index, QAbstractItemView.EditTrigger.AllEditTriggers, None):
            return
        editor = QApplication.focusWidget()
        if isinstance(editor, QLineEdit) and self.viewport().isAncestorOf(editor):
            editor.setText(typed)
            mark_error(editor, why)

    def navigation_model(self) -> NavigationModel:
        model = self.model()
        assert isinstance(model, NavigationModel)
        return model

    def _connect_selection(self) -> None:
        self.selectionModel().currentChanged.connect(
            self._current_changed, Qt.ConnectionType.UniqueConnection
        )

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.currentRefChanged.emit(self.navigation_model().ref(current))

    def set_context_actions(self, actions: Sequence[QAction | None]) -> None:
        """The context menu's actions (None for a separator)."""
        self._menu_actions = list(actions)

    def _context_menu(self, pos: QPoint) -> None:
        menu = QMenu(self)
        for action in self._menu_actions:
            if action is None:
                menu.addSeparator()
            else:
                menu.addAction(action)
        menu.exec(self.viewport().mapToGlobal(pos))

    def current_ref(self) -> NodeRef | None:
        return self.navigation_model().ref(self.currentIndex())

    def current_row(self) -> tree.NodeRow | None:
        return self.navigation_model().row_of(self.currentIndex())

    def select_ref(self, db: Database, ref: NodeRef | None) -> bool:
        """Select ``ref``, loading and expanding the levels above it; False if it is not shown."""
        model = self.navigation_model()
        if ref is None:
            self.setCurrentIndex(QModelIndex())
            return False
        index = model.index_of(ref)
        if not index.isValid():
            above_ref = model.path_read_ahead(ref)
            if above_ref is None:
                above_ref = tree.path(db=db, ref=ref)[:-1]
            for above in above_ref:
                parent = model.index_of(above)
                if not parent.isValid():
                    return False
                model.fetch(parent)
                self.expand(parent)
            index = model.index_of(ref)
            if not index.isValid():
                return False
        self.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.scrollTo(index)
        return True

    def expanded_refs(self) -> list[NodeRef]:
        model = self.navigation_model()
        out: list[NodeRef] = []

        def walk(parent: QModelIndex) -> None:
            for row in range(model.rowCount(parent)):
                index = model.index(row, 0, parent)
                if self.isExpanded(index):
                    ref = model.ref(index)
                    if ref is not None:
                        out.append(ref)
                    walk(index)

        walk(QModelIndex())
        return out

    def expand_refs(self, refs: Sequence[NodeRef]) -> None:
        model = self.navigation_model()
        for ref in refs:  # parents come before their children in expanded_refs()
            index = model.index_of(ref)
            if index.isValid():
                model.fetch(index)
                self.expand(index)

    def expand_filtered(self) -> None:
        """After a search: open everything found, or the regions only if it is a lot."""
        model = self.navigation_model()
        result = model.filter
        if result is None:
            return
        many = not opens_countries(result)
        for r in range(model.rowCount()):
            region = model.index(r, 0)
            model.fetch(region)
            self.expand(region)
            if many:
                continue
            for c in range(model.rowCount(region)):
                country = model.index(c, 0, region)
                ref = model.ref(country)
                if ref is not None and ref.kind is NodeKind.COUNTRY:
                    model.fetch(country)
                    self.expand(country)

    def first_partner_index(self) -> QModelIndex:
        model = self.navigation_model()
        for r in range(model.rowCount()):
            region = model.index(r, 0)
            for c in range(model.rowCount(region)):
                country = model.index(c, 0, region)
                if model.rowCount(country):
                    return model.index(0, 0, country)
        return QModelIndex()
