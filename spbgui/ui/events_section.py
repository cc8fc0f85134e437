"""The partner's events of the selected year in the details pane, and last year's for reference.

A new event is written in the entry line above the table (date, text, agreement,
Enter): a date that cannot be read is shown as an error at the date field while
it is typed; on Enter the clerk may keep it as written (the event then counts as
undated until the date is fixed) or go back to it, and the text stays where it was
typed. A date of another year («09.12.2024» in 2025) is offered to be put in that
year. The same two questions come when a date is typed into the table. Existing events are
edited in place in the table; the full text of the current event is edited
below it. Last year's events of the partner are shown read-only underneath, as
staff look at them while writing this year's.

Copying (Ctrl+C, Правка → Копировать) puts the selected events on the clipboard
as tab-separated text (date, text, agreement) that Excel pastes into cells;
pasting events (Ctrl+V) adds them to the partner as one undoable step.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from spbgui.domain.dates import DateError, EventDate
from spbgui.domain.event_dates import parse_event_date
from spbgui.domain.events_text import EventText
from spbgui.services import details
from spbgui.ui.agreements_section import tool_button
from spbgui.ui.date_questions import KeepAsWritten, OtherYear, YearChoice
from spbgui.ui.delegates import AgreementDelegate, DateDelegate
from spbgui.ui.editor import Editor
from spbgui.ui.fields import CommitTextEdit, UndoLineEdit, after_typing, mark_error
from spbgui.ui.icons import Icon
from spbgui.ui.table_models import EventsModel, select_record

WIDEST_DATE = "29 сентября – 30 ноября"


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _events_table(model: EventsModel, name: str, parent: QWidget) -> QTableView:
    table = QTableView(parent)
    table.setObjectName(name)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    table.setWordWrap(False)
    table.setTextElideMode(Qt.TextElideMode.ElideRight)
    table.verticalHeader().hide()
    # Fixed row heights keep a partner with a thousand events as fast to show as one with three.
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    header = table.horizontalHeader()
    header.setSectionResizeMode(EventsModel.TEXT, QHeaderView.ResizeMode.Stretch)
    # Wide enough for the longest date staff write («29 сентября – 30 ноября»); measured,
    # not per row, so a thousand events show as fast as three.
    widest = table.fontMetrics().horizontalAdvance(WIDEST_DATE)
    header.resizeSection(
        EventsModel.DATE,
        widest + 4 * table.style().pixelMetric(table.style().PixelMetric.PM_FocusFrameHMargin) + 16,
    )
    header.resizeSection(EventsModel.AGREEMENT, 200)
    return table


class EventsSection(QWidget):
    invalidInput = Signal(str)  # the reason a typed value was refused, for the status bar

    def __init__(self, editor: Editor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.partner_id: int | None = None
        self.setObjectName("eventsSection")
        self.titles: dict[int, str] = {}

        self.title = QLabel(self)
        self.add_button = tool_button(
            Icon.ADD_EVENT, self.tr("Add an event"), "addEventButton", self
        )
        self.delete_button = tool_button(
            Icon.DELETE, self.tr("Delete the selected events"), "deleteEventButton", self
        )
        self.up_button = tool_button(Icon.UP, self.tr("Move up"), "eventUpButton", self)
        self.down_button = tool_button(Icon.DOWN, self.tr("Move down"), "eventDownButton", self)
        self.sort_button = QPushButton(self.tr("Sort by date"), self, objectName="sortEventsButton")
        self.sort_button.setFlat(True)
        self.sort_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(self.title)
        bar.addStretch(1)
        for b in (self.add_button, self.delete_button, self.up_button, self.down_button):
            bar.addWidget(b)
        bar.addWidget(self.sort_button)
        self.add_button.clicked.connect(after_typing(self, self.focus_new_event))
        self.delete_button.clicked.connect(after_typing(self, self.delete_selected))
        self.up_button.clicked.connect(after_typing(self, lambda: self.move_selected(-1)))
        self.down_button.clicked.connect(after_typing(self, lambda: self.move_selected(+1)))
        self.sort_button.clicked.connect(after_typing(self, self.sort_by_date))

        # The entry line for a new event.
        self.new_date = UndoLineEdit(self, objectName="newEventDate")
        self.new_date.setPlaceholderText(self.tr("date: 3-6 июля"))
        self.new_date.setAccessibleName(self.tr("Date of the new event"))
        self.new_date.setMaximumWidth(190)
        self.new_text = UndoLineEdit(self, objectName="newEventText")
        self.new_text.setPlaceholderText(self.tr("what happened — Enter adds the event"))
        self.new_text.setAccessibleName(self.tr("Text of the new event"))
        self.new_agreement = QComboBox(self, objectName="newEventAgreement")
        self.new_agreement.setAccessibleName(self.tr("Agreement of the new event"))
        self.new_agreement.setMaximumWidth(220)
        self.new_button = QPushButton(self.tr("Add"), self, objectName="newEventButton")
        self.new_error = QLabel(self, objectName="newEventError", wordWrap=True)
        self.new_error.setStyleSheet("color: #9b1c1c")
        self.new_error.hide()
        entry = QHBoxLayout()
        entry.setContentsMargins(0, 0, 0, 0)
        entry.addWidget(self.new_date)
        entry.addWidget(self.new_text, 1)
        entry.addWidget(self.new_agreement)
        entry.addWidget(self.new_button)
        self.new_date.textChanged.connect(self._check_new_date)
        self.new_date.returnPressed.connect(self.new_text.setFocus)
        self.new_text.returnPressed.connect(self.add_new_event)
        self.new_button.clicked.connect(self.add_new_event)

        self.model = EventsModel(self)
        self.model.editRequested.connect(self._edit)
        self.model.invalidInput.connect(self.invalidInput)
        # Asked once the cell's editor has closed, not from inside the model's setData.
        self.model.dateNotUnderstood.connect(
            lambda *a: QTimer.singleShot(0, lambda: self._keep_as_written(*a))
        )
        self.model.otherYearDate.connect(
            lambda *a: QTimer.singleShot(0, lambda: self._other_year(*a))
        )
        self.table = _events_table(self.model, "eventsTable", self)
        self.table.setTabKeyNavigation(False)  # Tab goes on to the next section
        self.table.setAccessibleName(self.tr("Events of the year"))
        self.table.setItemDelegateForColumn(
            EventsModel.DATE,
            DateDelegate(lambda t: parse_event_date(t, self.model.year), self.table),
        )
        self.table.setItemDelegateForColumn(
            EventsModel.AGREEMENT, AgreementDelegate(self.model.agreement_choices, self.table)
        )
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.table.setDragEnabled(True)  # onto a partner of the tree: move the events there
        self.table.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.table.selectionModel().currentRowChanged.connect(self._show_current_text)

        self.text = CommitTextEdit(self)
        self.text.setObjectName("eventTextEdit")
        self.text.setAccessibleName(self.tr("Full text of the selected event"))
        self.text.setPlaceholderText(
            self.tr("The full text of the selected event; it is saved when you leave the field.")
        )
        self.text.committed.connect(self._commit_text)

        upper = QWidget(self)
        upper_layout = QVBoxLayout(upper)
        upper_layout.setContentsMargins(0, 0, 0, 0)
        upper_layout.addLayout(bar)
        upper_layout.addLayout(entry)
        upper_layout.addWidget(self.new_error)
        upper_layout.addWidget(self.table, 1)

        self.previous_model = EventsModel(self)
        self.previous_model.readonly = True
        self.previous = QGroupBox(self, objectName="previousEventsBox")
        prev_layout = QVBoxLayout(self.previous)
        self.previous_table = _events_table(self.previous_model, "previousEventsTable", self)
        self.previous_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.previous_table.setTabKeyNavigation(False)
        prev_layout.addWidget(self.previous_table)

        split = QSplitter(Qt.Orientation.Vertical, self, objectName="eventsSplitter")
        split.addWidget(upper)
        split.addWidget(self.text)
        split.addWidget(self.previous)
        split.setStretchFactor(0, 4)
        split.setStretchFactor(1, 1)
        split.setStretchFactor(2, 2)
        split.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(split)

    # -- showing --------------------------------------------------------------------------------

    def show_partner(self, partner_id: int, titles: dict[int, str]) -> None:
        new = partner_id != self.partner_id
        if new:
            self._clear_entry()
        self.partner_id = partner_id
        self.reload(titles)
        if new:
            self._default_agreement()

    def _default_agreement(self) -> None:
        """A partner with exactly one agreement: a new event belongs to it unless told."""
        choices = self.model.agreement_choices()
        one = choices[1][0] if len(choices) == 2 else None
        self.new_agreement.setCurrentIndex(max(self.new_agreement.findData(one), 0))

    def reload(self, titles: dict[int, str] | None = None) -> None:
        if self.partner_id is None:
            return
        if titles is not None:
            self.titles = titles
        year, db = self.editor.year, self.editor.db
        self.title.setText(self.tr("<b>Events of %1</b>").replace("%1", str(year)))
        self.model.set_events(
            year, details.events(db=db, partner_id=self.partner_id, year=year), self.titles
        )
        before = details.events(db=db, partner_id=self.partner_id, year=year - 1)
        self.previous_model.set_events(year - 1, before, self.titles)
        self.previous.setTitle(
            self.tr("%1: %n event(s), for reference (read-only)", "", len(before)).replace(
                "%1", str(year - 1)
            )
        )
        self.previous.setVisible(bool(before))
        self._fill_agreements()
        self._show_current_text()

    def _fill_agreements(self) -> None:
        current = self.new_agreement.currentData()
        self.new_agreement.clear()
        for agreement_id, title in self.model.agreement_choices():
            short = title if len(title) <= 60 else title[:57] + "…"
            self.new_agreement.addItem(short, agreement_id)
            self.new_agreement.setItemData(
                self.new_agreement.count() - 1, title, Qt.ItemDataRole.ToolTipRole
            )
        self.new_agreement.setCurrentIndex(max(self.new_agreement.findData(current), 0))

    def _show_current_text(self, *_: object) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            self.text.setEnabled(True)
            self.text.set_stored(self.model.record(index.row()).text)
        else:
            self.text.set_stored("")
            self.text.setEnabled(False)

    def focus_event(self, event_id: int) -> None:
        select_record(self.table, event_id, EventsModel.TEXT)

    def focus_new_event(self) -> None:
        self.new_date.setFocus()
        self.new_date.selectAll()

    # -- the entry line -------------------------------------------------------------------------

    def _check_new_date(self) -> str:
        """Say what is wrong with the typed date (or that it is of another year) as it is typed."""
        why = note = ""
        try:
            other = parse_event_date(self.new_date.text(), self.editor.year).other_year(
                self.editor.year
            )
        except DateError as exc:
            why = str(exc)
        else:
            if other is not None:
                note = (
                    self.tr("This date is in %1, not in %2")
                    .replace("%1", str(other))
                    .replace("%2", str(self.editor.year))
                )
        mark_error(self.new_date, why)
        self.new_error.setText(why or note)
        self.new_error.setVisible(bool(why or note))
        if why:
            self.invalidInput.emit(why)
        return why

    def tab_chain(self) -> list[QWidget]:
        """Reading order: the entry line, the year's table, the full text, last year's."""
        return [
            self.new_date,
            self.new_text,
            self.new_agreement,
            self.new_button,
            self.table,
            self.text,
            self.previous_table,
        ]

    # -- values typed and not saved -----------------------------------------------------------

    def pending(self) -> list[str]:
        """What was typed here and is not saved: refused dates, a new event not added yet."""
        out = [
            self.tr("date «%1» of the event «%2»: %3")
            .replace("%1", _short(text))
            .replace("%2", _short(self.model.record(row).text))
            .replace("%3", why)
            for row, _col, text, why in self.model.drafts()
        ]
        if self.new_date.text().strip() or self.new_text.text().strip():
            entry = " ".join(t for t in (self.new_date.text(), self.new_text.text()) if t.strip())
            out.append(self.tr("the new event «%1», not added yet").replace("%1", _short(entry)))
        return out

    def focus_pending(self) -> None:
        drafts = self.model.drafts()
        if drafts:
            row, col, _t, _w = drafts[0]
            self.table.setFocus()
            self.table.setCurrentIndex(self.model.index(row, col))
        elif self._check_new_date():
            self.new_date.setFocus()
        else:
            self.new_text.setFocus()

    def discard_pending(self) -> None:
        self.model.discard_drafts()
        self._clear_entry()
        self._default_agreement()

    def add_new_event(self) -> int | None:
        """Add the event typed in the entry line; a date not understood is kept as written
        only if the clerk says so, and one of another year goes where the clerk says."""
        if self.partner_id is None:
            return None
        typed = " ".join(self.new_date.text().split())
        year = self.editor.year
        try:
            date = parse_event_date(typed, year)
        except DateError as exc:
            if not KeepAsWritten.ask(self, typed, str(exc)):
                self.new_date.setFocus()
                return None
            date = EventDate.as_written(typed)
        other = date.other_year(year)
        if other is not None:
            choice = OtherYear.ask(self, date.written, other, year)
            if choice is YearChoice.CANCEL:
                self.new_date.setFocus()
                return None
            year = other if choice is YearChoice.MOVE else year
        text = self.new_text.text().strip()
        if not text and not date.is_dated and not date.written:
            return None
        new_id = self.editor.add_event(
            self.partner_id, date, text, self.new_agreement.currentData(), year
        )
        if new_id is not None:
            self._clear_entry()
            self._default_agreement()
            self.focus_event(new_id)
            self.new_date.setFocus()
        return new_id

    def _clear_entry(self) -> None:
        # setText, not clear(): clear() is a step of the field's own undo, and Ctrl+Z right
        # after Enter must take the event back, not put its text back into the field.
        self.new_date.setText("")
        self.new_text.setText("")
        mark_error(self.new_date, "")
        self.new_error.hide()

    # -- edits ----------------------------------------------------------------------------------

    def _edit(self, event_id: int, field: str, value: object) -> None:
        self.editor.update_event(
            event_id, field, value, self.model.version_of(event_id), self._shown(event_id)
        )

    def _shown(self, event_id: int) -> dict[str, object] | None:
        """The event as this table shows it: the service refuses to write the edit on
        another event that took its id meanwhile (a year imported again, say)."""
        row = self.model.row_for(event_id)
        if row < 0 or self.partner_id is None:
            return None
        shown = self.model.record(row)
        return {
            "partner_id": self.partner_id,
            "year": shown.year,
            "date": shown.date,
            "text": shown.text,
            "agreement_id": shown.agreement_id,
        }

    def _keep_as_written(self, event_id: int, text: str, why: str) -> None:
        """A date typed into the table was not understood: keep it as written if asked to."""
        if not self._still_typed(event_id):
            return
        if KeepAsWritten.ask(self, text, why):
            self.editor.update_event(
                event_id,
                "date",
                EventDate.as_written(text),
                self.model.version_of(event_id),
                self._shown(event_id),
            )

    def _other_year(self, event_id: int, date: EventDate, year: int) -> None:
        """A date of another year typed into the table: move the event there, keep it, or not."""
        if not self._still_typed(event_id):
            return
        version, shown = self.model.version_of(event_id), self._shown(event_id)
        choice = OtherYear.ask(self, date.written, year, self.model.year)
        if choice is YearChoice.MOVE:
            self.editor.move_event_to_year(event_id, date, year, version)
        elif choice is YearChoice.KEEP:
            self.editor.update_event(event_id, "date", date, version, shown)

    def _still_typed(self, event_id: int) -> bool:
        """Is the date typed into the table, asked about once its editor closed, still in its
        cell? Not if the clerk has since discarded it (leaving the partner, the year or the
        program) or the event is gone."""
        row = self.model.row_for(event_id)
        if row < 0:
            return False
        draft = self.model.draft(self.model.index(row, EventsModel.DATE))
        return draft is not None

    def _commit_text(self, text: str) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            record = self.model.record(index.row())
            self.editor.update_event(
                record.id, "text", text, record.version, self._shown(record.id)
            )

    def selected_ids(self) -> list[int]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        if not rows and self.table.currentIndex().isValid():
            rows = [self.table.currentIndex().row()]
        return [self.model.record(r).id for r in rows]

    def delete_selected(self) -> None:
        # No question asked: an event has nothing under it, and Ctrl+Z brings it back.
        ids = self.selected_ids()
        if ids:
            row = self.model.row_for(ids[0])
            if self.editor.delete_events(ids) and self.model.rowCount():
                self.table.selectRow(min(row, self.model.rowCount() - 1))

    def move_selected(self, step: int) -> None:
        ids = self.selected_ids()
        if len(ids) != 1:
            return
        row = self.model.row_for(ids[0]) + step
        if 0 <= row < self.model.rowCount():
            self.editor.move_event(ids[0], row)

    def sort_by_date(self) -> None:
        if self.partner_id is not None:
            self.editor.sort_events(self.partner_id)

    def has_focus(self) -> bool:
        """The table, one of its cell editors, or the current event's full text: the record
        actions (move up, delete, rename) then act on the events, not on the tree."""
        focus = QApplication.focusWidget()
        return focus is not None and (
            focus is self.table or self.table.isAncestorOf(focus) or focus is self.text
        )

    # -- the clipboard --------------------------------------------------------------------------

    def copied_rows(self) -> list[list[str]]:
        """The selected events (of this year's table or last year's, whichever has the focus)
        as rows of (date, text, agreement), in the table's order."""
        table = self.previous_table if self.previous_table.hasFocus() else self.table
        model = self.previous_model if table is self.previous_table else self.model
        rows = sorted({i.row() for i in table.selectionModel().selectedRows()})
        if not rows and table.currentIndex().isValid():
            rows = [table.currentIndex().row()]
        out = []
        for row in rows:
            record = model.record(row)
            title = model.index(row, EventsModel.AGREEMENT).data() or ""
            out.append([record.date_text, record.text, str(title)])
        return out

    def paste_events(self, events: list[EventText]) -> int:
        """Add pasted events to the partner shown, under the agreement chosen in the entry
        line, as one step of the undo history; returns how many were added."""
        if self.partner_id is None or not events:
            return 0
        stack = self.editor.stack
        stack.beginMacro(self.tr("paste %n event(s)", "", len(events)))
        added: list[int] = []
        try:
            for event in events:
                new_id = self.editor.add_event(
                    self.partner_id, event.date, event.text, self.new_agreement.currentData()
                )
                if new_id is None:
                    break  # refused: the editor said why; what was added stays, Ctrl+Z takes it
                added.append(new_id)
        finally:
            stack.endMacro()
        if added:
            self.table.clearSelection()
            for event_id in added:
                row = self.model.row_for(event_id)
                if row >= 0:
                    self.table.selectionModel().select(
                        self.model.index(row, 0),
                        self.table.selectionModel().SelectionFlag.Select
                        | self.table.selectionModel().SelectionFlag.Rows,
                    )
        return len(added)

    def edit_current(self) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            self.table.edit(index)

    def set_enabled_for(self, partner: bool) -> None:
        writable = partner and not self.editor.db.readonly
        # A read-only database opens no cell editor and no text for typing: nothing is
        # typed only to be refused.
        self.model.readonly = not writable
        self.text.setReadOnly(not writable)
        for w in (
            self.add_button,
            self.delete_button,
            self.up_button,
            self.down_button,
            self.sort_button,
            self.new_date,
            self.new_text,
            self.new_agreement,
            self.new_button,
        ):
            w.setEnabled(writable)
