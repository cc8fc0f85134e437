"""What the window knows about each editable field of a record, in one table.

A field's label (as the window shows it: the conflict dialog and the history of
changes use it too), the text of its undo command, and how its stored value is
shown to a person. A new field is one new entry in :data:`FIELDS`; a field
missing from it still gets a readable label (its name) instead of a KeyError.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from spbgui.domain.dates import (
    EventDate,
    PartialDate,
    format_agreement_dates,
    format_event_date,
)
from spbgui.ui.translate import QT_TRANSLATE_NOOP

CONTEXT = "Fields"

Lookup = Mapping[int, str]
"""Titles of agreements by id, for a field that refers to one."""


def _plain(value: object, _titles: Lookup) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, (list, tuple)):
        return ", ".join(_plain(v, _titles) for v in value) or "—"
    return str(value)


def _kind(value: object, _titles: Lookup) -> str:
    from spbgui.ui.dialogs import kind_label

    return kind_label(str(value)) if value else "—"


def _agreement(value: object, titles: Lookup) -> str:
    if value in (None, "", 0):
        return QCoreApplication.translate("Fields", "(none)")
    title = titles.get(int(value))
    return (
        title
        if title
        else QCoreApplication.translate("Fields", "agreement No. %1").replace("%1", str(value))
    )


def _event_date(value: object, _titles: Lookup) -> str:
    if isinstance(value, EventDate):
        return format_event_date(value) or QCoreApplication.translate("Fields", "no date")
    return _plain(value, _titles)


def _agreement_dates(value: object, _titles: Lookup) -> str:
    if isinstance(value, (list, tuple)) and all(isinstance(v, PartialDate) for v in value):
        return format_agreement_dates(value) or "—"
    return _plain(value, _titles)


@dataclass(frozen=True)
class FieldSpec:
    label: str  # marked with QT_TRANSLATE_NOOP in the Fields context
    undo: str  # the undo command's text, «edit event date»
    show: Callable[[object, Lookup], str] = _plain

    def title(self) -> str:
        return _translate(self.label)

    def undo_text(self) -> str:
        return _translate(self.undo)

    def value_text(self, value: object, titles: Lookup | None = None) -> str:
        return self.show(value, titles or {})


FIELDS: dict[tuple[str, str], FieldSpec] = {
    ("node", "name"): FieldSpec(
        QT_TRANSLATE_NOOP("Fields", "Name"), QT_TRANSLATE_NOOP("Fields", "edit name")
    ),
    ("node", "kind"): FieldSpec(
        QT_TRANSLATE_NOOP("Fields", "Kind"), QT_TRANSLATE_NOOP("Fields", "edit kind"), _kind
    ),
    ("node", "note"): FieldSpec(
        QT_TRANSLATE_NOOP("Fields", "Note"), QT_TRANSLATE_NOOP("Fields", "edit note")
    ),
    ("agreement", "title"): FieldSpec(
        QT_TRANSLATE_NOOP("Fields", "Basis of cooperation"),
        QT_TRANSLATE_NOOP("Fields", "edit agreement title"),
    ),
    ("agreement", "dates"): FieldSpec(
        QT_TRANSLATE_NOOP("Fields", "Dates"),
        QT_TRANSLATE_NOOP("Fields", "edit agreement dates"),
        _agreement_dates,
    ),
    ("agreement", "note"): FieldSpec(
        QT_TRANSLATE_NOOP("Fields", "Note"), QT_TRANSLATE_NOOP("Fields", "edit agreement note")
    ),
    ("event", "date"): FieldSpec(
        QT_TRANSLATE_NOOP("Fields", "Date"),
        QT_TRANSLATE_NOOP("Fields", "edit event date"),
        _event_date,
    ),
    ("event", "text"): FieldSpec(
        QT_TRANSLATE_NOOP("Fields", "Event"), QT_TRANSLATE_NOOP("Fields", "edit event text")
    ),
    ("event", "start"): FieldSpec(
        QT_TRANSLATE_NOOP("Fields", "Start"), QT_TRANSLATE_NOOP("Fields", "edit event date")
    ),
    ("event", "end"): FieldSpec(
        QT_TRANSLATE_NOOP("Fields", "End"), QT_TRANSLATE_NOOP("Fields", "edit event date")
    ),
    ("event", "date_written"): FieldSpec(
        QT_TRANSLATE_NOOP("Fields", "Date as written"),
        QT_TRANSLATE_NOOP("Fields", "edit event date"),
    ),
    ("event", "year"): FieldSpec(
        QT_TRANSLATE_NOOP("Fields", "Year"), QT_TRANSLATE_NOOP("Fields", "move event to a year")
    ),
    ("event", "agreement_id"): FieldSpec(
        QT_TRANSLATE_NOOP("Fields", "Agreement"),
        QT_TRANSLATE_NOOP("Fields", "link event to agreement"),
        _agreement,
    ),
}
NODE_TABLES = ("region", "country", "partner")


def _translate(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def spec(table: str, field: str) -> FieldSpec:
    """The field of a record of ``table`` (region, country, partner, agreement, event)."""
    key = ("node" if table in NODE_TABLES else table, field)
    found = FIELDS.get(key)
    if found is not None:
        return found
    return FieldSpec(field, QT_TRANSLATE_NOOP("Fields", "edit %1"))


def undo_text(table: str, field: str) -> str:
    s = spec(table, field)
    return s.undo_text().replace("%1", s.title())


def stored_changes(
    table: str, before: Mapping[str, object], after: Mapping[str, object]
) -> list[tuple[FieldSpec, object, object]]:
    """A history entry's changed columns as the window's fields, (field, before, after):
    an event's start and end become its date; the rest map one to one."""
    from spbgui.services.details import event_date

    changed = [k for k, v in after.items() if k != "version" and before.get(k) != v]
    out: list[tuple[FieldSpec, object, object]] = []
    if table == "event" and {"start", "end"} & set(changed):
        # With the date as written: a range across New Year exists only so.
        old = event_date(
            _iso(before.get("start")), _iso(before.get("end")), _iso(before.get("date_written"))
        )
        new = event_date(
            _iso(after.get("start")), _iso(after.get("end")), _iso(after.get("date_written"))
        )
        out.append((spec("event", "date"), old, new))
        changed = [k for k in changed if k not in ("start", "end")]
    out += [(spec(table, k), before.get(k), after.get(k)) for k in changed]
    return out


def _iso(value: object) -> str | None:
    return str(value) if value else None
