"""The committee's table as plain data: what a workbook holds, before it meets the database.

The xlsx reader produces a :class:`ParsedTable`; the import service writes it to
the database; the exporter builds one from the database and writes it out. No
Qt, no SQL here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from spbgui.domain.dates import PartialDate
from spbgui.domain.events_text import EventText
from spbgui.errors import UserError


class PartnerKind:
    """Kinds of partner, stored as their string values."""

    CITY = "city"
    PROVINCE = "province"
    REGION = "region"
    DISTRICT = "district"
    COUNTRY = "country"  # the country as a whole; the partner has no name of its own

    ALL = (CITY, PROVINCE, REGION, DISTRICT, COUNTRY)


@dataclass(slots=True)
class ImportWarning:
    """An assumption the reader made, with the sheet row (1-based) it concerns."""

    row: int | None
    message: str  # plain Russian, for a clerk

    def __str__(self) -> str:
        return f"строка {self.row}: {self.message}" if self.row else self.message


@dataclass(slots=True)
class TableAgreement:
    title: str
    dates: list[PartialDate] = field(default_factory=list)
    note: str = ""
    events: list[EventText] = field(default_factory=list)
    row: int | None = None  # first sheet row of the agreement, for messages

    @property
    def is_blank(self) -> bool:
        """A row with no title, no date and no note: a partner's row, no agreement."""
        return not self.title and not self.dates and not self.note


@dataclass(slots=True)
class TablePartner:
    name: str | None  # None: the agreement is with the country as a whole
    kind: str = PartnerKind.CITY
    agreements: list[TableAgreement] = field(default_factory=list)


@dataclass(slots=True)
class TableCountry:
    name: str
    partners: list[TablePartner] = field(default_factory=list)


@dataclass(slots=True)
class TableRegion:
    name: str
    countries: list[TableCountry] = field(default_factory=list)


@dataclass(slots=True)
class ParsedTable:
    year: int
    regions: list[TableRegion] = field(default_factory=list)
    warnings: list[ImportWarning] = field(default_factory=list)
    sheet: str = ""

    def counts(self) -> dict[str, int]:
        countries = [c for r in self.regions for c in r.countries]
        partners = [p for c in countries for p in c.partners]
        rows = [a for p in partners for a in p.agreements]
        agreements = [a for a in rows if not a.is_blank]  # a blank row is no agreement
        events = [e for a in rows for e in a.events]
        return {
            "regions": len(self.regions),
            "countries": len(countries),
            "partners": len(partners),
            "agreements": len(agreements),
            "events": len(events),
            "dated_events": sum(1 for e in events if e.date.is_dated),
        }


# What the rows read since the last report added to a table being read (see
# read_grids's ``growing``): each country that is new or has new partners or agreements,
# with its region and those of its partners that are new or have new agreements, in
# the table's order. The objects are the table's own: they grow later only by appends.
Grown = list[tuple[TableRegion, TableCountry, list[TablePartner]]]
Growing = Callable[[ParsedTable, Grown], None]


class TableError(UserError):
    """A file the reader refuses; str() is one plain Russian line for a clerk."""


class ImportCancelled(UserError):
    """The user stopped the import (``cancelled()`` returned True); nothing was changed.

    A UserError, so that wherever it surfaces it is shown as its one line, not
    logged as a failure.
    """

    def __init__(self, message: str = "Импорт отменён, база данных не изменена.") -> None:
        super().__init__(message)
