"""A read-only table of figures for the statistics window: headers, rows, and where each cell leads.

Every table of the statistics window (events per year, this year against last, the
regions' holdings, anniversaries, dormant partners, terms, ages) is rows of shown values.
A cell may carry a *target*: a :class:`NodeRef` or a
:class:`~spbgui.ui.focus.RecordFocus` for the window to go to, or an
:class:`EventsBehind` for a figure whose events the window lists. A last row of
totals is drawn bold.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

Index = QModelIndex | QPersistentModelIndex
TARGET_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class EventsBehind:
    """The events a figure counts: of these regions, countries or partners, in these years."""

    level: str
    ids: tuple[int, ...]
    years: tuple[int, ...]
    label: str


class FiguresModel(QAbstractTableModel):
    def __init__(self, parent: object = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self._headers: list[str] = []
        self._rows: list[list[object]] = []
        self._targets: list[list[object]] = []
        self._total = False
        self._numeric: set[int] = set()

    def set_table(
        self,
        headers: Sequence[str],
        rows: Sequence[Sequence[object]],
        targets: Sequence[Sequence[object]] | None = None,
        *,
        total_row: bool = False,
        numeric: Iterable[int] | None = None,
    ) -> None:
        """Show ``rows`` (one value per header); ``targets`` as many, None where a cell leads
        nowhere. ``numeric`` columns are figures, aligned right (None: all but the first)."""
        self.beginResetModel()
        self._headers = list(headers)
        self._rows = [list(r) for r in rows]
        self._targets = (
            [list(t) for t in targets]
            if targets is not None
            else [[None] * len(headers) for _ in rows]
        )
        self._total = total_row and bool(rows)
        self._numeric = set(numeric) if numeric is not None else set(range(1, len(headers)))
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        value = self._rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return "" if value is None else str(value)
        if role == TARGET_ROLE:
            return self._targets[index.row()][index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in self._numeric:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and self._total and index.row() == len(self._rows) - 1:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self._headers[section] if 0 <= section < len(self._headers) else None
        return str(section + 1)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def cell(self, row: int, column: int) -> str:
        """The shown text of a cell (for tests and copying)."""
        value = self._rows[row][column]
        return "" if value is None else str(value)

    def target(self, row: int, column: int) -> object:
        return self._targets[row][column]
