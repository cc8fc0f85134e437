"""Table models of the details pane: a partner's agreements and its events of a year.

Both are edited in place. A cell's new value is not written by the model: it is
asked for by signal (``editRequested``) and done by an undo command, and the
model hears back through the change set. A date that cannot be read is kept as
a *draft* in its cell, drawn as an error with the reason in its tooltip, and
not saved: nothing the user typed is lost, and nothing wrong reaches the
database.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QByteArray,
    QItemSelectionModel,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QIcon
from PySide6.QtWidgets import QTableView

from spbgui.domain.dates import DateError, parse_agreement_dates
from spbgui.domain.event_dates import parse_event_date
from spbgui.services.details import AgreementRow, EventRow
from spbgui.ui.tree_model import EVENTS_MIME

Index = QModelIndex | QPersistentModelIndex
NO_PARENT = QModelIndex()  # the default «parent» of top-level rows (not rebuilt per call)
ID_ROLE = Qt.ItemDataRole.UserRole + 1
ERROR_BACKGROUND = QColor("#fde2e1")
ERROR_FOREGROUND = QColor("#9b1c1c")
NOT_UNDERSTOOD_BACKGROUND = QColor("#fff1c2")  # a date kept as written: saved, to be fixed


class _RecordsModel(QAbstractTableModel):
    """Rows of frozen dataclasses with an ``id``; drafts of cells that could not be saved."""

    editRequested = Signal(int, str, object)  # record id, field, new value
    invalidInput = Signal(str)  # the reason, for the status bar

    COLUMNS: tuple[str, ...] = ()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []
        self._drafts: dict[tuple[int, int], tuple[str, str]] = {}  # (id, column): (text, why)
        self.readonly = False

    def set_rows(self, rows: Sequence[Any]) -> None:
        """Show ``rows``; when the same records come back in the same order, only changed
        cells are repainted (so an editor, the selection and the scroll stay where they are)."""
        rows = list(rows)
        if [r.id for r in rows] == [r.id for r in self._rows]:
            for n, (old, new) in enumerate(zip(self._rows, rows, strict=True)):
                if old != new:
                    self._rows[n] = new
                    # A draft gives way only where the stored value itself changed.
                    for col in range(self.columnCount()):
                        if self._value(old, col) != self._value(new, col):
                            self._drafts.pop((new.id, col), None)
                    last = self.columnCount() - 1
                    self.dataChanged.emit(self.index(n, 0), self.index(n, last))
            return
        self.beginResetModel()
        self._rows = rows
        alive = {r.id for r in rows}
        self._drafts = {k: v for k, v in self._drafts.items() if k[0] in alive}
        self.endResetModel()

    def _value(self, row: Any, column: int) -> object:
        return getattr(row, self.COLUMNS[column])

    def rows(self) -> list[Any]:
        return list(self._rows)

    def row_for(self, record_id: int) -> int:
        for n, r in enumerate(self._rows):
            if r.id == record_id:
                return n
        return -1

    def record(self, row: int) -> Any:
        return self._rows[row]

    def version_of(self, record_id: int) -> int | None:
        """The version of the record as shown: an edit sends it back (no lost update)."""
        row = self.row_for(record_id)
        return self._rows[row].version if row >= 0 else None

    def drafts(self) -> list[tuple[int, int, str, str]]:
        """Values typed here and refused, still shown: (row, column, text, reason)."""
        out = []
        for (record_id, column), (text, why) in self._drafts.items():
            row = self.row_for(record_id)
            if row >= 0:
                out.append((row, column, text, why))
        return sorted(out)

    def discard_drafts(self) -> None:
        """Drop the refused values (the user chose to): the stored ones show again."""
        if self._drafts:
            self.beginResetModel()
            self._drafts = {}
            self.endResetModel()

    def drop_draft(self, index: Index) -> bool:
        """Give up the value refused in one cell: the stored one shows again."""
        if not index.isValid() or self.draft(index) is None:
            return False
        self._clear_draft(index)
        return True

    def draft(self, index: Index) -> tuple[str, str] | None:
        if not index.isValid():
            return None
        return self._drafts.get((self._rows[index.row()].id, index.column()))

    def rowCount(self, parent: Index = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.column_title(section)
        return None

    def column_title(self, section: int) -> str:
        raise NotImplementedError

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if not self.readonly:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def _draft_data(self, index: Index, role: int) -> object:
        """What a cell holding a draft shows, or None to fall through."""
        draft = self.draft(index)
        if draft is None:
            return None
        text, why = draft
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return text
        if role == Qt.ItemDataRole.ToolTipRole:
            return why
        if role == Qt.ItemDataRole.BackgroundRole:
            return ERROR_BACKGROUND
        if role == Qt.ItemDataRole.ForegroundRole:
            return ERROR_FOREGROUND
        if role == Qt.ItemDataRole.DecorationRole:
            return QIcon.fromTheme("dialog-warning")
        return None

    def _set_draft(self, index: Index, text: str, why: str) -> None:
        self._drafts[(self._rows[index.row()].id, index.column())] = (text, why)
        self.dataChanged.emit(index, index)
        self.invalidInput.emit(why)

    def _clear_draft(self, index: Index) -> None:
        if self._drafts.pop((self._rows[index.row()].id, index.column()), None) is not None:
            self.dataChanged.emit(index, index)


class AgreementsModel(_RecordsModel):
    TITLE, DATES, NOTE = range(3)
    COLUMNS = ("title", "dates", "note")  # fields of AgreementRow, in column order

    def column_title(self, section: int) -> str:
        return (self.tr("Basis of cooperation"), self.tr("Dates"), self.tr("Note"))[section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        drafted = self._draft_data(index, role)
        if drafted is not None or self.draft(index) is not None:
            return drafted
        row: AgreementRow = self._rows[index.row()]
        col = index.column()
        if role == ID_ROLE:
            return row.id
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return (row.title, row.dates_text, row.note)[col]
        if role == Qt.ItemDataRole.ToolTipRole and col == self.TITLE:
            return row.title
        if role == Qt.ItemDataRole.ToolTipRole and col == self.DATES:
            return self.tr("Write dates as staff do: 09.12.2005, июнь 2017 г., 2009, 2024")
        return None

    def setData(self, index: Index, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole or self.readonly:
            return False
        row: AgreementRow = self._rows[index.row()]
        text = str(value or "").strip()
        col = index.column()
        if col == self.DATES:
            try:
                dates = tuple(parse_agreement_dates(text))
            except DateError as exc:
                self._set_draft(index, text, str(exc))
                return False
            self._clear_draft(index)
            if dates != row.dates:
                self.editRequested.emit(row.id, "dates", dates)
            return True
        current = row.title if col == self.TITLE else row.note
        if text != current:
            self.editRequested.emit(row.id, self.COLUMNS[col], text)
        return True


class EventsModel(_RecordsModel):
    """A partner's events of one year; read-only when it shows the year before, for reference.

    A typed date is shown and stored as typed. One the grammar cannot read stays a draft and
    is offered to be kept as written (``dateNotUnderstood``); one of another year is offered
    to be moved to that year (``otherYearDate``): the events section asks, not the model.
    """

    dateNotUnderstood = Signal(int, str, str)  # event id, the text typed, why
    otherYearDate = Signal(int, object, int)  # event id, the EventDate typed, its year

    DATE, TEXT, AGREEMENT = range(3)
    COLUMNS = ("date", "text", "agreement_id")  # fields of EventRow, in column order

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.year = 0
        self._agreements: dict[int, str] = {}

    def set_events(self, year: int, rows: Sequence[EventRow], agreements: dict[int, str]) -> None:
        if year != self.year:
            self.beginResetModel()
            self.year, self._rows, self._drafts = year, [], {}
            self.endResetModel()
        self._agreements = dict(agreements)
        self.set_rows(rows)

    def agreement_choices(self) -> list[tuple[int | None, str]]:
        return [(None, self.tr("(none)")), *self._agreements.items()]

    def column_title(self, section: int) -> str:
        return (self.tr("Date"), self.tr("Event"), self.tr("Agreement"))[section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        drafted = self._draft_data(index, role)
        if drafted is not None or self.draft(index) is not None:
            return drafted
        row: EventRow = self._rows[index.row()]
        col = index.column()
        if role == ID_ROLE:
            return row.id
        if col == self.DATE and role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return row.date_text
        if col == self.TEXT and role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return row.text
        if col == self.AGREEMENT:
            if role == Qt.ItemDataRole.EditRole:
                return row.agreement_id
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                return self._agreements.get(row.agreement_id, "") if row.agreement_id else ""
        if role == Qt.ItemDataRole.ToolTipRole and col == self.TEXT:
            return row.text
        if col == self.DATE and row.date.not_understood:
            return self._not_understood_data(role)
        if role == Qt.ItemDataRole.ToolTipRole and col == self.DATE:
            other = row.date.other_year(self.year)
            if other is not None:
                return (
                    self.tr("This date is in %1, not in %2")
                    .replace("%1", str(other))
                    .replace("%2", str(self.year))
                )
            hint = self.tr(
                "Write the date as staff do: 3-6 июля, 15.03, 12 мая 2025 г., "
                "начало апреля, 2 и 4 июля, III квартал"
            )
            # The whole date first: a narrow column may elide it.
            return "\n".join(t for t in (row.date_text, "" if self.readonly else hint) if t)
        return None

    def _not_understood_data(self, role: int) -> object:
        """A date kept as written: marked, and counted as undated until it is fixed."""
        if role == Qt.ItemDataRole.BackgroundRole:
            return NOT_UNDERSTOOD_BACKGROUND
        if role == Qt.ItemDataRole.ForegroundRole:
            return ERROR_FOREGROUND
        if role == Qt.ItemDataRole.DecorationRole:
            return QIcon.fromTheme("dialog-warning")
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr(
                "The date is not understood and is kept as written; the event counts as "
                "undated until the date is corrected"
            )
        return None

    def setData(self, index: Index, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole or self.readonly:
            return False
        row: EventRow = self._rows[index.row()]
        col = index.column()
        if col == self.DATE:
            text = " ".join(str(value or "").split())
            try:
                date = parse_event_date(text, self.year)
            except DateError as exc:
                if row.date.not_understood and text == row.date.written:
                    self._clear_draft(index)  # kept as written already: nothing changed
                    return True
                self._set_draft(index, text, str(exc))
                self.dateNotUnderstood.emit(row.id, text, str(exc))
                return False
            self._clear_draft(index)
            if date == row.date:
                return True
            other = date.other_year(self.year)
            if other is not None:
                # Not saved until the clerk says where the event goes: the typed date stays
                # in its cell (Cancel, a year switched, the window closed: it is not lost).
                why = (
                    self.tr("This date is in %1, not in %2")
                    .replace("%1", str(other))
                    .replace("%2", str(self.year))
                )
                self._set_draft(index, text, why)
                self.otherYearDate.emit(row.id, date, other)
            else:
                self.editRequested.emit(row.id, "date", date)
            return True
        if col == self.TEXT:
            text = str(value or "").strip()
            if text != row.text:
                self.editRequested.emit(row.id, "text", text)
            return True
        agreement_id = None if value in (None, "", 0) else int(value)
        if agreement_id != row.agreement_id:
            self.editRequested.emit(row.id, "agreement_id", agreement_id)
        return True

    # Events are dragged onto a partner of the tree to move them there.
    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and not self.readonly:
            flags |= Qt.ItemFlag.ItemIsDragEnabled
        return flags

    def mimeTypes(self) -> list[str]:
        return [EVENTS_MIME]

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        ids = sorted({self._rows[i.row()].id for i in indexes if i.isValid()})
        data = QMimeData()
        data.setData(EVENTS_MIME, QByteArray(json.dumps(ids).encode()))
        return data


def select_record(table: QTableView, record_id: int, column: int) -> None:
    """Make a record of a table's model the current, selected, visible row."""
    model = table.model()
    assert isinstance(model, _RecordsModel), model
    row = model.row_for(record_id)
    if row >= 0:
        index = model.index(row, column)
        table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        table.scrollTo(index)
