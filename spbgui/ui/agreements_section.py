"""The partner's agreements in the details pane: a table edited in place, with its buttons."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from spbgui.domain.dates import parse_agreement_dates, quote_typed
from spbgui.services import details
from spbgui.ui.delegates import DateDelegate
from spbgui.ui.dialogs import AgreementDialog, ConfirmDialog
from spbgui.ui.editor import Editor
from spbgui.ui.fields import after_typing
from spbgui.ui.icons import Icon, icon
from spbgui.ui.table_models import AgreementsModel, select_record


def tool_button(icon_: Icon, tip: str, name: str, parent: QWidget) -> QToolButton:
    button = QToolButton(parent)
    button.setIcon(icon(icon_))
    button.setToolTip(tip)
    button.setAccessibleName(tip)
    button.setObjectName(name)
    button.setAutoRaise(True)
    # Tab goes from table to table; the buttons have their shortcuts and the mouse.
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    return button


class AgreementsSection(QWidget):
    invalidInput = Signal(str)  # the reason a typed value was refused, for the status bar

    def __init__(self, editor: Editor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.partner_id: int | None = None
        self.partner_label = ""
        self.setObjectName("agreementsSection")
        self.model = AgreementsModel(self)
        self.model.editRequested.connect(self._edit)
        self.model.invalidInput.connect(self.invalidInput)
        self.table = QTableView(self)
        self.table.setTabKeyNavigation(False)  # Tab goes on to the next section
        self.table.setObjectName("agreementsTable")
        self.table.setAccessibleName(self.tr("Agreements"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        self.table.setItemDelegateForColumn(
            AgreementsModel.DATES, DateDelegate(parse_agreement_dates, self.table)
        )
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(AgreementsModel.TITLE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(AgreementsModel.DATES, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(AgreementsModel.DATES, 150)
        header.resizeSection(AgreementsModel.NOTE, 120)
        self.table.setMinimumHeight(110)

        title = QLabel(self.tr("<b>Agreements</b>"), self)
        self.add_button = tool_button(
            Icon.ADD_AGREEMENT, self.tr("Add an agreement"), "addAgreementButton", self
        )
        self.delete_button = tool_button(
            Icon.DELETE, self.tr("Delete the selected agreements"), "deleteAgreementButton", self
        )
        self.up_button = tool_button(Icon.UP, self.tr("Move up"), "agreementUpButton", self)
        self.down_button = tool_button(Icon.DOWN, self.tr("Move down"), "agreementDownButton", self)
        self.add_button.clicked.connect(after_typing(self, self.add))
        self.delete_button.clicked.connect(after_typing(self, self.delete_selected))
        self.up_button.clicked.connect(after_typing(self, lambda: self.move_selected(-1)))
        self.down_button.clicked.connect(after_typing(self, lambda: self.move_selected(+1)))
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(title)
        bar.addStretch(1)
        for b in (self.add_button, self.delete_button, self.up_button, self.down_button):
            bar.addWidget(b)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.table)

    def show_partner(self, partner_id: int, label: str) -> None:
        self.partner_id, self.partner_label = partner_id, label
        self.reload()

    def reload(self) -> None:
        if self.partner_id is None:
            return
        rows = details.agreements(db=self.editor.db, partner_id=self.partner_id)
        self.model.set_rows(rows)
        self._fit_rows()

    def _fit_rows(self) -> None:
        """Rows as tall as their wrapped title, up to three lines (the tooltip has the rest)."""
        self.table.resizeRowsToContents()
        tallest = self.table.fontMetrics().lineSpacing() * 3 + 10
        for row in range(self.model.rowCount()):
            if self.table.rowHeight(row) > tallest:
                self.table.setRowHeight(row, tallest)

    def titles(self) -> dict[int, str]:
        return {r.id: r.title for r in self.model.rows()}

    def selected_ids(self) -> list[int]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        if not rows and self.table.currentIndex().isValid():
            rows = [self.table.currentIndex().row()]
        return [self.model.record(r).id for r in rows]

    def focus_agreement(self, agreement_id: int) -> None:
        select_record(self.table, agreement_id, 0)

    # -- edits ----------------------------------------------------------------------------------

    def add(self) -> None:
        if self.partner_id is None:
            return
        fields = AgreementDialog.ask(self.window(), self.partner_label)
        if fields is not None:
            new_id = self.editor.add_agreement(self.partner_id, fields)
            if new_id is not None:
                self.focus_agreement(new_id)

    def _edit(self, agreement_id: int, field: str, value: object) -> None:
        version = self.model.version_of(agreement_id)
        self.editor.update_agreement(agreement_id, field, value, version)

    def delete_selected(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        linked = sum(
            1
            for e in details.events(
                db=self.editor.db, partner_id=self.partner_id or 0, year=self.editor.year
            )
            if e.agreement_id in ids
        )
        text = self.tr("Delete %n agreement(s) of %1?", "", len(ids)).replace(
            "%1", self.partner_label
        )
        more = self.tr("Events linked to them stay, without the link. You can undo this (Ctrl+Z).")
        if linked:
            more = self.tr(
                "%n event(s) of this year are linked to them; they stay, without the link. "
                "You can undo this (Ctrl+Z).",
                "",
                linked,
            )
        if ConfirmDialog.ask(
            self.window(), self.tr("Delete agreements"), text, more, self.tr("Delete")
        ):
            self.editor.delete_agreements(ids)

    def move_selected(self, step: int) -> None:
        ids = self.selected_ids()
        if len(ids) != 1:
            return
        row = self.model.row_for(ids[0]) + step
        if 0 <= row < self.model.rowCount():
            self.editor.move_agreement(ids[0], row)

    def tab_chain(self) -> list[QWidget]:
        return [self.table]

    def pending(self) -> list[str]:
        """Dates typed here and refused, still shown in their cells."""
        return [
            self.tr("dates «%1» of the agreement «%2»: %3")
            .replace("%1", quote_typed(text))
            .replace("%2", self.model.record(row).title[:60])
            .replace("%3", why)
            for row, _col, text, why in self.model.drafts()
        ]

    def focus_pending(self) -> None:
        drafts = self.model.drafts()
        if drafts:
            row, col, _t, _w = drafts[0]
            self.table.setFocus()
            self.table.setCurrentIndex(self.model.index(row, col))

    def discard_pending(self) -> None:
        self.model.discard_drafts()

    def has_focus(self) -> bool:
        return self.table.hasFocus()

    def edit_current(self) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            self.table.edit(index)

    def set_enabled_for(self, partner: bool) -> None:
        writable = partner and not self.editor.db.readonly
        for b in (self.add_button, self.delete_button, self.up_button, self.down_button):
            b.setEnabled(writable)
        # A read-only database opens no cell editor: nothing is typed only to be refused.
        self.model.readonly = not writable
