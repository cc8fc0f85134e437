"""The partner page's answers across years, and the agreement term's editor.

Under the partner's fields: when the partner's last event was (of any year), how many
events each year had, and how old each agreement is, with its term and status. The
button «Term of the agreement…» edits the term and status of the agreement selected in
the agreements table (or the partner's only one) through an undoable command.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from spbgui.domain.dates import (
    DateError,
    PartialDate,
    format_agreement_dates,
    parse_agreement_dates,
)
from spbgui.domain.terms import STATUSES, Term, date_text, years_word
from spbgui.services import memory
from spbgui.ui.commands import EditCommand
from spbgui.ui.editor import Editor
from spbgui.ui.focus import RecordFocus
from spbgui.ui.lazy import lazy_module

if TYPE_CHECKING:
    from spbgui.services import terms
else:
    terms = lazy_module("spbgui.services.terms")


def _date(text: str, what: str) -> PartialDate | None:
    """One date as staff write it («2023», «31.12.2026», «июнь 2025 г.»), or None if empty."""
    text = text.strip()
    if not text:
        return None
    dates = parse_agreement_dates(text)
    if len(dates) != 1:
        raise DateError(f"{what}: нужна одна дата, например 2023 или 31.12.2026.")
    return dates[0]


def _short(title: str, limit: int = 60) -> str:
    """A long title cut at a word, so each agreement keeps to one line under the fields."""
    if len(title) <= limit:
        return title
    return title[:limit].rsplit(" ", 1)[0] + "…"


def _editable(d: PartialDate | None) -> str:
    return format_agreement_dates([d]) if d is not None else ""


class TermDialog(QDialog):
    """The term (from, to) and the status of one agreement."""

    def __init__(self, parent: QWidget | None, title: str, term: Term, status: str | None) -> None:
        super().__init__(parent)
        self.setObjectName("termDialog")
        self.setWindowTitle(self.tr("Term of the agreement"))
        self.start = QLineEdit(_editable(term.start), objectName="termStartEdit")
        self.end = QLineEdit(_editable(term.end), objectName="termEndEdit")
        self.start.setPlaceholderText(self.tr("e.g. 2021"))
        self.end.setPlaceholderText(self.tr("e.g. 2023 or 31.12.2026"))
        self.status = QComboBox(objectName="termStatusCombo")
        self.status.addItem(self.tr("from the term (in force or expired)"), None)
        for value in STATUSES:
            self.status.addItem(value, value)
        self.status.setCurrentIndex(max(0, self.status.findData(status)))
        self.error = QLabel(objectName="termError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c0392b")
        heading = QLabel(title)
        heading.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("&From:"), self.start)
        form.addRow(self.tr("&Until:"), self.end)
        form.addRow(self.tr("&Status:"), self.status)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.value: tuple[Term, str | None] | None = None

    def _accept(self) -> None:
        try:
            start = _date(self.start.text(), "Начало срока")
            end = _date(self.end.text(), "Конец срока")
        except DateError as exc:
            self.error.setText(str(exc))  # what was typed stays in the fields
            return
        if start is not None and end is not None and end < start:
            self.error.setText("Конец срока раньше его начала: проверьте годы.")
            return
        self.value = (Term(start, end), self.status.currentData())
        self.accept()

    @classmethod
    def ask(
        cls, parent: QWidget | None, title: str, term: Term, status: str | None
    ) -> tuple[Term, str | None] | None:
        dialog = cls(parent, title, term, status)
        return dialog.value if dialog.exec() == QDialog.DialogCode.Accepted else None


class PartnerAnswers(QWidget):
    def __init__(
        self,
        editor: Editor,
        selected_agreements: Callable[[], list[int]],
        parent: QWidget | None = None,
        today: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("partnerAnswers")
        self.editor, self._selected, self._today = editor, selected_agreements, today
        self.partner_id: int | None = None
        self.answers: memory.PartnerAnswers | None = None
        self.last_event = QLabel(self, objectName="partnerLastEvent")
        self.per_year = QLabel(self, objectName="partnerPerYear")
        self.ages = QLabel(self, objectName="partnerAgreementAges")
        for label in (self.last_event, self.per_year, self.ages):
            label.setWordWrap(True)
        self.term_button = QPushButton(self.tr("Te&rm of the Agreement…"), self)
        self.term_button.setObjectName("editTermButton")
        self.term_button.setToolTip(self.tr("The term and status of the agreement selected above"))
        self.term_button.clicked.connect(self.edit_term)
        bottom = QHBoxLayout()
        bottom.setContentsMargins(0, 0, 0, 0)
        bottom.addWidget(self.ages, 1)
        bottom.addWidget(self.term_button)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Last event:"), self.last_event)
        form.addRow(self.tr("Events per year:"), self.per_year)
        form.addRow(self.tr("Agreements:"), bottom)

    def show_partner(self, partner_id: int) -> None:
        self.partner_id = partner_id
        today = self._today()
        a = self.answers = memory.partner_answers(
            db=self.editor.db, partner_id=partner_id, today=today
        )
        if a.last_event is None:
            self.last_event.setText(self.tr("none in any year"))
        else:
            year, when, text = a.last_event
            shown = f"{when} {year} г." if when else f"{year} г."
            self.last_event.setText(f"{shown} — {text}")
        self.per_year.setText(
            " · ".join(f"{y}: {n}" for y, n in a.per_year.items()) or self.tr("none")
        )
        lines, full = [], []
        for facts, age in a.agreements:
            parts = [_short(facts.title)]
            if age is not None and age >= 0:
                parts.append(years_word(age))
            elif age is not None and facts.first is not None:
                # A date after today (a renewal planned, or a typo): no age, and said so.
                parts.append(
                    self.tr("dated %1, still to come").replace("%1", date_text(facts.first))
                )
            term = facts.term.text()
            status = facts.status(today)
            if term or status:
                parts.append(", ".join(p for p in (term, status) if p))
            if facts.renewals:  # «2009, 2024»: renewed in 2024
                dates = ", ".join(date_text(d) for d in facts.renewals)
                parts.append(self.tr("renewed %1").replace("%1", dates))
            lines.append(" — ".join(parts))
            full.append(" — ".join([facts.title, *parts[1:]]))
        self.ages.setText("\n".join(lines) or self.tr("none"))
        self.ages.setToolTip("\n".join(full))
        self.term_button.setEnabled(bool(a.agreements) and not self.editor.db.readonly)

    def edit_term(self) -> None:
        """The term button: edit the term of the selected agreement (or the only one)."""
        if self.answers is None or not self.answers.agreements:
            return
        by_id = {f.id: f for f, _ in self.answers.agreements}
        chosen = [i for i in self._selected() if i in by_id]
        if chosen:
            facts = by_id[chosen[0]]
        elif len(by_id) == 1:
            facts = next(iter(by_id.values()))
        else:
            self.editor.failed.emit(
                self.tr("Select the agreement whose term to edit in the agreements table.")
            )
            return
        answer = TermDialog.ask(self, facts.title, facts.term, facts.set_status)
        if answer is None:
            return
        term, status = answer
        update = partial(terms.set_term, db=self.editor.db, agreement_id=facts.id)
        cmd = EditCommand(
            self.editor, self.tr("edit agreement term"), update, RecordFocus.agreement(facts.id)
        )
        cmd.expected_version = facts.version
        self.editor.run(cmd.set_changes(term=term, status=status))
