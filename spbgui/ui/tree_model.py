"""The navigation tree's model: regions → countries → partners, loaded a level at a time.

Children are read from :mod:`spbgui.services.tree` when a node is expanded
(``canFetchMore``/``fetchMore``), so a database of 10,000 partners opens as fast
as one of 37. Column 0 is the name, column 1 the node's events in the selected
year. After an edit the model re-reads only the levels a :class:`ChangeSet`
names and reconciles them row by row (remove, reorder, insert, update), so
expanded nodes and the selection survive. Renames and drops are not done here:
the model asks for them by signal and the undo commands do them.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QFont, QPalette
from PySide6.QtWidgets import QApplication

from spbgui.services import tree
from spbgui.services.changes import ChangeSet, NodeKind, NodeRef
from spbgui.services.databases import Database
from spbgui.ui.icons import node_icon

if TYPE_CHECKING:
    from spbgui.services.search import SearchResult

# The rows a filtered tree shows, by parent (None: the regions), read ahead of time.
FilteredRows = dict[NodeRef | None, list[tree.NodeRow]]

# A node's flags, combined once: the view asks for them hundreds of times per repaint and
# selection, and combining enum flags in Python costs more than the rest of the call.
_FLAGS = (
    Qt.ItemFlag.ItemIsEnabled
    | Qt.ItemFlag.ItemIsSelectable
    | Qt.ItemFlag.ItemIsDragEnabled
    | Qt.ItemFlag.ItemIsDropEnabled
)
_EDITABLE_FLAGS = _FLAGS | Qt.ItemFlag.ItemIsEditable

NODES_MIME = "application/x-spbgui-nodes"
EVENTS_MIME = "application/x-spbgui-events"
REF_ROLE = Qt.ItemDataRole.UserRole + 1

Index = QModelIndex | QPersistentModelIndex
NO_PARENT = QModelIndex()  # the default «parent» of top-level rows (not rebuilt per call)


def filtered_rows(
    db: Database,
    year: int,
    result: SearchResult,
    *,
    countries: bool,
    levels: tree.Levels | None = None,
) -> FilteredRows:
    """What :meth:`NavigationModel.set_filter` and the opening of what was found will read:
    the regions, their countries, and (``countries``) the partners of each country.

    Plain reads, no Qt: the search panel calls this on its worker thread, so that the
    GUI thread only builds the nodes. With ``levels`` (:func:`tree.all_levels` of the
    same year) nothing is read: those rows are filtered as :func:`tree.children` would.
    """

    def children(parent: NodeRef | None) -> list[tree.NodeRow]:
        only = result.only_under(parent)
        if levels is None:
            return tree.children(db=db, parent=parent, year=year, only=only)
        rows = levels.get(parent, [])
        return rows if only is None else [r for r in rows if r.ref.id in only]

    rows: FilteredRows = {None: children(None)}
    for region in rows[None]:
        rows[region.ref] = children(region.ref)
        if countries:
            for country in rows[region.ref]:
                rows[country.ref] = children(country.ref)
    return rows


class _Node:
    __slots__ = ("children", "loaded", "parent", "row", "rowno")

    def __init__(self, row: tree.NodeRow | None, parent: _Node | None, rowno: int = 0) -> None:
        self.row = row
        self.parent = parent
        self.rowno = rowno  # this node's row under its parent, kept up to date
        self.children: list[_Node] = []
        self.loaded = row is not None and row.ref.kind is NodeKind.PARTNER  # leaves

    @property
    def ref(self) -> NodeRef | None:
        return None if self.row is None else self.row.ref


class NavigationModel(QAbstractItemModel):
    renameRequested = Signal(object, str)  # NodeRef, new name
    moveRequested = Signal(object, object, int)  # NodeRef, new parent NodeRef or None, index
    eventsDropped = Signal(list, int)  # event ids, partner id

    def __init__(self, db: Database, year: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._year = year
        self._filter: SearchResult | None = None
        self._ahead: FilteredRows = {}  # rows read ahead for the filter being applied
        self._root = _Node(None, None)
        self._by_ref: dict[NodeRef, _Node] = {}
        # Partner id → its anniversary, dormancy or term mark (spbgui.ui.tree_marks fills it).
        self.marks: dict[int, Any] = {}
        self._load(self._root)

    # -- what the window asks ------------------------------------------------------------------

    @property
    def year(self) -> int:
        return self._year

    def set_database(self, db: Database, year: int) -> None:
        self._db, self._year, self._filter = db, year, None
        self.reload()

    def set_year(self, year: int) -> None:
        self._ahead = {}
        if year != self._year:
            self._year = year
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 1, 1)
            self._sync_loaded(self._root)

    def set_filter(self, result: SearchResult | None, rows: FilteredRows | None = None) -> None:
        """Show only what a search found (None: everything).

        ``rows``: the levels :func:`filtered_rows` read for this result, used instead of
        reading them again as the tree loads and opens (until :meth:`done_filtering`).
        """
        self._filter = result
        self._ahead = dict(rows) if rows is not None and result is not None else {}
        self.reload()

    def path_read_ahead(self, ref: NodeRef) -> list[NodeRef] | None:
        """The nodes above ``ref``, top first, from the rows read ahead for the filter being
        applied (None: not among them; :func:`tree.path` reads it then)."""

        def parent_of(target: NodeRef) -> tuple[bool, NodeRef | None]:
            for parent, rows in self._ahead.items():
                for row in rows:  # (compared by field: a NodeRef's hash costs more)
                    if row.ref.id == target.id and row.ref.kind is target.kind:
                        return True, parent
            return False, None

        found, above = parent_of(ref)
        if not found:
            return None
        path: list[NodeRef] = []
        while above is not None:
            path.insert(0, above)
            node = self._by_ref.get(above)
            if node is not None:  # loaded (its rows taken from those read ahead): go up
                node = node.parent
                while node is not None and node.ref is not None:
                    path.insert(0, node.ref)
                    node = node.parent
                return path
            found, above = parent_of(above)
            if not found:
                return None
        return path

    def done_filtering(self) -> None:
        """What was read ahead is not used after the filtered tree has been opened."""
        self._ahead = {}

    @property
    def filter(self) -> SearchResult | None:
        return self._filter

    def reload(self) -> None:
        self.beginResetModel()
        self._root = _Node(None, None)
        self._by_ref.clear()
        self._load(self._root)
        self.endResetModel()

    def ref(self, index: Index) -> NodeRef | None:
        return self._node(index).ref if index.isValid() else None

    def row_of(self, index: Index) -> tree.NodeRow | None:
        return self._node(index).row if index.isValid() else None

    def index_of(self, ref: NodeRef | None) -> QModelIndex:
        """The index of a loaded node (invalid if it is not loaded or not shown)."""
        node = self._by_ref.get(ref) if ref is not None else None
        return self._index(node) if node is not None else QModelIndex()

    def fetch(self, index: QModelIndex) -> None:
        if self.canFetchMore(index):
            self.fetchMore(index)

    def apply(self, changes: ChangeSet) -> None:
        """Bring the loaded part of the tree up to date with an edit."""
        self._ahead = {}
        if changes.reload:
            self.reload()
            return
        parents: set[NodeRef | None] = set(changes.children)
        for ref in changes.children | changes.nodes:
            # The parent's level holds the node's own row (its name, its count of children).
            node = self._by_ref.get(ref) if ref is not None else None
            if node is not None and node.parent is not None:
                parents.add(node.parent.ref)
        if changes.counts:
            # Counts change up the path of every partner named: re-read each level of it.
            parents.add(None)
            for pid in changes.counts:
                for ref in tree.path(db=self._db, ref=NodeRef.partner(pid))[:-1]:
                    parents.add(ref)
        # Top down, so that a node that moves is removed from one level before it is
        # added to another.
        order = {None: 0, NodeKind.REGION: 1, NodeKind.COUNTRY: 2, NodeKind.PARTNER: 3}
        for ref in sorted(parents, key=lambda r: (order[r.kind if r else None], r is None or r)):
            node = self._root if ref is None else self._by_ref.get(ref)
            if node is not None:
                self._sync(node)

    # -- loading and reconciling ---------------------------------------------------------------

    def _fetch_rows(self, node: _Node) -> list[tree.NodeRow]:
        ahead = self._ahead.pop(node.ref, None)
        if ahead is not None:
            return ahead
        found = self._filter
        only = None if found is None else found.only_under(node.ref)
        return tree.children(db=self._db, parent=node.ref, year=self._year, only=only)

    def _load(self, node: _Node) -> None:
        for n, row in enumerate(self._fetch_rows(node)):
            child = _Node(row, node, n)
            node.children.append(child)
            self._by_ref[row.ref] = child
        node.loaded = True

    def _forget(self, node: _Node) -> None:
        # Only if the ref still names this node: one that moved to a parent reconciled
        # earlier (a region or country listed above its old one) is there already.
        if node.ref is not None and self._by_ref.get(node.ref) is node:
            del self._by_ref[node.ref]
        for child in node.children:
            self._forget(child)

    def _sync_loaded(self, node: _Node) -> None:
        self._sync(node)
        for child in list(node.children):
            if child.loaded and child.children:
                self._sync_loaded(child)

    def _sync(self, node: _Node) -> None:
        """Make ``node``'s loaded children what the database says, row by row."""
        if not node.loaded:
            return
        rows = self._fetch_rows(node)
        parent = self._index(node)
        wanted = {r.ref for r in rows}
        for i in reversed(range(len(node.children))):
            if node.children[i].ref not in wanted:
                self.beginRemoveRows(parent, i, i)
                self._forget(node.children.pop(i))
                self._renumber(node)
                self.endRemoveRows()
        have = {c.ref: c for c in node.children}
        kept = [r.ref for r in rows if r.ref in have]
        if [c.ref for c in node.children] != kept:
            self._reorder(node, parent, [have[r] for r in kept])
        for pos, row in enumerate(rows):
            if pos < len(node.children) and node.children[pos].ref == row.ref:
                child = node.children[pos]
                if child.row != row:
                    child.row = row
                    self.dataChanged.emit(self.index(pos, 0, parent), self.index(pos, 1, parent))
                continue
            self.beginInsertRows(parent, pos, pos)
            child = _Node(row, node, pos)
            node.children.insert(pos, child)
            self._by_ref[row.ref] = child
            self._renumber(node)
            self.endInsertRows()

    def _reorder(self, node: _Node, parent: QModelIndex, children: list[_Node]) -> None:
        # (PySide6 emits these signals only without arguments: a layout change of the model.)
        self.layoutAboutToBeChanged.emit()
        node.children = children
        self._renumber(node)
        for old in self.persistentIndexList():
            moved = old.internalPointer() if old.isValid() else None
            if isinstance(moved, _Node) and moved.parent is node:
                self.changePersistentIndex(old, self.createIndex(moved.rowno, old.column(), moved))
        self.layoutChanged.emit()

    @staticmethod
    def _renumber(node: _Node) -> None:
        for n, child in enumerate(node.children):
            child.rowno = n

    def _node(self, index: Index) -> _Node:
        if not index.isValid():
            return self._root
        node = index.internalPointer()
        assert isinstance(node, _Node)
        return node

    def _index(self, node: _Node, column: int = 0) -> QModelIndex:
        if node is self._root or node.parent is None:
            return QModelIndex()
        return self.createIndex(node.rowno, column, node)

    # -- QAbstractItemModel --------------------------------------------------------------------

    def index(self, row: int, column: int, parent: Index = NO_PARENT) -> QModelIndex:
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        return self.createIndex(row, column, self._node(parent).children[row])

    # The stub overloads parent() (QObject's) and parent(index); a model overrides only the
    # second, as Qt's own models do.
    def parent(self, index: Index) -> QModelIndex:  # type: ignore[override]
        if not index.isValid():
            return QModelIndex()
        node = self._node(index).parent
        return QModelIndex() if node is None else self._index(node)

    def rowCount(self, parent: Index = NO_PARENT) -> int:
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._node(parent).children)

    def columnCount(self, parent: Index = NO_PARENT) -> int:
        return 2

    def hasChildren(self, parent: Index = NO_PARENT) -> bool:
        if parent.isValid() and parent.column() != 0:
            return False
        node = self._node(parent)
        if node.loaded or node.row is None:
            return bool(node.children)
        return node.row.children > 0

    def canFetchMore(self, parent: Index) -> bool:
        if parent.isValid() and parent.column() != 0:
            return False
        node = self._node(parent)
        return not node.loaded and node.row is not None and node.row.children > 0

    def fetchMore(self, parent: Index) -> None:
        node = self._node(parent)
        if node.loaded:
            return
        rows = self._fetch_rows(node)
        if rows:
            self.beginInsertRows(parent, 0, len(rows) - 1)
        for n, row in enumerate(rows):
            child = _Node(row, node, n)
            node.children.append(child)
            self._by_ref[row.ref] = child
        node.loaded = True
        if rows:
            self.endInsertRows()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row = self._node(index).row
        assert row is not None
        col = index.column()
        if role == REF_ROLE:
            return row.ref
        if col == 1:
            if role == Qt.ItemDataRole.DisplayRole:
                return str(row.events) if row.events else ""
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if role == Qt.ItemDataRole.ToolTipRole:
                return self.tr("%n event(s) in %1", "", row.events).replace("%1", str(self._year))
            if role == Qt.ItemDataRole.ForegroundRole:
                return QApplication.palette().brush(
                    QPalette.ColorGroup.Active, QPalette.ColorRole.PlaceholderText
                )
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if row.is_country_as_whole:
                return self.tr("%1 (country as a whole)").replace("%1", row.name)
            return row.name
        if role == Qt.ItemDataRole.EditRole:
            return row.name
        mark = self.marks.get(row.ref.id) if row.ref.kind is NodeKind.PARTNER else None
        if mark is not None and role == Qt.ItemDataRole.DecorationRole:
            return mark.icon
        if mark is not None and role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join(filter(None, (mark.text, row.note)))
        if role == Qt.ItemDataRole.DecorationRole:
            return node_icon(row.ref.kind, row.kind)
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.note or None
        if role == Qt.ItemDataRole.FontRole and row.ref.kind is not NodeKind.PARTNER:
            font = QFont()
            font.setBold(row.ref.kind is NodeKind.REGION)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and row.is_country_as_whole:
            return QBrush(QApplication.palette().color(QPalette.ColorRole.Link))
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr("Region / country / partner") if section == 0 else str(self._year)
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole:
            if section == 1:
                return self.tr("Events in %1").replace("%1", str(self._year))
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        row = self._node(index).row
        assert row is not None
        if index.column() == 0 and not row.is_country_as_whole:
            return _EDITABLE_FLAGS
        return _FLAGS

    def setData(self, index: Index, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole or index.column() != 0:
            return False
        row = self._node(index).row
        assert row is not None
        name = str(value).strip()
        if name and name != row.name:
            # The rename is an undoable command; the model learns the new name from its
            # change set, so it reports nothing changed here.
            self.renameRequested.emit(row.ref, name)
        return False

    # -- drag and drop -------------------------------------------------------------------------

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [NODES_MIME, EVENTS_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        refs = []
        for index in indexes:
            ref = self.ref(index)
            if index.column() == 0 and ref is not None and ref not in refs:
                refs.append(ref)
        data = QMimeData()
        payload = [[r.kind.value, r.id] for r in refs]
        data.setData(NODES_MIME, QByteArray(json.dumps(payload).encode()))
        return data

    def _drop_target(
        self, data: QMimeData, row: int, parent: Index
    ) -> tuple[list[NodeRef], NodeRef | None, int] | None:
        """What a drop of nodes would do: (nodes, new parent, index), or None if refused."""
        if not data.hasFormat(NODES_MIME):
            return None
        refs = [NodeRef(NodeKind(k), i) for k, i in json.loads(bytes(data.data(NODES_MIME).data()))]
        if len(refs) != 1:
            return None
        ref = refs[0]
        target = self._node(parent)
        wanted_parent = {
            NodeKind.REGION: None,
            NodeKind.COUNTRY: NodeKind.REGION,
            NodeKind.PARTNER: NodeKind.COUNTRY,
        }[ref.kind]
        # Dropped onto a node of the same kind: before it, under the same parent.
        if target.ref is not None and target.ref.kind is ref.kind and row < 0:
            row, above = target.rowno, target.parent
            assert above is not None  # a node of a kind has a parent node (the root at least)
            target = above
        kind = target.ref.kind if target.ref is not None else None
        if kind is not wanted_parent:
            return None
        index = len(target.children) if row < 0 else row
        moving = self._by_ref.get(ref)
        if moving is not None and moving.parent is target:
            if moving.rowno < index:
                index -= 1  # the node leaves its old place first
            if index == moving.rowno:
                return None
        return refs, target.ref, index

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        if data.hasFormat(EVENTS_MIME):
            ref = self.ref(parent)
            return ref is not None and ref.kind is NodeKind.PARTNER
        return self._drop_target(data, row, parent) is not None

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        # Returning False keeps the view from removing the dragged rows itself: the
        # move is an undoable command and the model follows its change set.
        if data.hasFormat(EVENTS_MIME):
            ref = self.ref(parent)
            if ref is not None and ref.kind is NodeKind.PARTNER:
                ids = json.loads(bytes(data.data(EVENTS_MIME).data()))
                self.eventsDropped.emit([int(i) for i in ids], ref.id)
            return False
        target = self._drop_target(data, row, parent)
        if target is not None:
            refs, new_parent, index = target
            self.moveRequested.emit(refs[0], new_parent, index)
        return False
