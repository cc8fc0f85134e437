"""Editing an agreement's term and status («на 2021–2023 гг.», «до 31.12.2026»; продлено).

The term is read from the title when the title states it (spbgui.domain.terms); staff
correct it here. One transaction, the version the caller saw is checked (no lost
update), the change goes to the history like every other edit.
"""

from __future__ import annotations

from dataclasses import dataclass

from spbgui.domain.dates import PartialDate
from spbgui.domain.terms import STATUSES, Term
from spbgui.services.changes import ChangeSet
from spbgui.services.conflicts import check_version, written_version
from spbgui.services.positions import EditError, require
from spbgui.store.database import Database
from spbgui.store.models import Agreement, term_columns


@dataclass(frozen=True)
class TermFields:
    term: Term
    status: str | None  # None: it follows from the term's end


@dataclass(frozen=True)
class TermEdited:
    before: TermFields
    after: TermFields
    changes: ChangeSet
    version: int | None = None  # the agreement's version once written: what an undo expects


def _fields(a: Agreement) -> TermFields:
    return TermFields(
        Term(
            PartialDate.from_iso(a.term_start) if a.term_start else None,
            PartialDate.from_iso(a.term_end) if a.term_end else None,
        ),
        a.status,
    )


def set_term(
    *,
    db: Database,
    agreement_id: int,
    term: Term,
    status: str | None,
    expected_version: int | None = None,
) -> TermEdited:
    """Give an agreement its term and status (None: the status follows from the term)."""
    if status is not None and status not in STATUSES:
        raise EditError(f"Нет такого состояния соглашения «{status}»: можно {', '.join(STATUSES)}.")
    if term.start is not None and term.end is not None and term.end < term.start:
        raise EditError(
            f"Срок соглашения кончается ({term.end.iso()}) раньше, чем начинается "
            f"({term.start.iso()}): проверьте годы."
        )
    start, end = term_columns(term)
    with db.write() as s:
        yours = {"term_start": start, "term_end": end, "status": status}
        a = require(
            check_version(s, Agreement, agreement_id, expected_version, yours),
            f"соглашение №{agreement_id}",
        )
        before = _fields(a)
        a.term_start, a.term_end, a.status = start, end, status
        changes = ChangeSet(agreements={a.partner_id})
        return TermEdited(before, TermFields(term, status), changes, written_version(s, a))
