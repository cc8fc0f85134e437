"""A database of several years for the statistics tests, and a ledger to count against.

The 2024 table (tests/data/cooperation_2024.xlsx) is imported as it is; the years
around it are generated from its partners and agreements with seeded random events,
some countries written under another of their names («Беларусь» for «Белоруссия»), a
few partners kept without events (dormant) and a few agreements with a term in the
title. The :class:`Ledger` notes every event as it is generated or read, so a test can
count by itself and compare with what the program counts.
"""

from __future__ import annotations

import copy
import random
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from spbgui.domain.dates import EventDate, PartialDate
from spbgui.domain.events_text import EventText
from spbgui.io.table.records import ParsedTable, TableAgreement, TablePartner
from spbgui.io.xlsx.read import read_table
from spbgui.services.importer import import_table
from spbgui.store.database import Database

YEARS = (2021, 2022, 2023, 2024, 2025)
# Another name of the same country in some years: the rows must still be one country.
RENAMED = {
    2022: {"Киргизия": "Кыргызстан"},
    2023: {"Белоруссия": "Беларусь", "КНДР": "Северная Корея"},
    2025: {"ЮАР": "Южная Африка", "Белоруссия": "Республика Беларусь"},
}
# Partners that get no generated events from 2022 on (with none in the 2024 table either,
# they are dormant for three years as of 2025).
QUIET_FROM_2022 = {("Казахстан", "Алма-Ата"), ("Киргизия", "Ош"), ("ЮАР", "Кейптаун")}
# A term stated in the title, and a date: added to the 2025 table.
NEW_IN_2025 = [
    (
        "Узбекистан",
        "Ташкент",
        "«Дорожная карта» сотрудничества на 2023-2025 гг.",
        PartialDate(2023, 3),
    ),
    ("Армения", "Ереван", "Программа обменов до 31.12.2026", PartialDate(2020, 5, 15)),
]


@dataclass
class Ledger:
    """Every event of the database: (year, region, country as in 2024, partner label)."""

    events: list[tuple[int, str, str, str]] = field(default_factory=list)
    partners: set[tuple[str, str, str]] = field(default_factory=set)  # region, country, label

    def note(self, table: ParsedTable, canonical: dict[str, str]) -> None:
        for region in table.regions:
            for country in region.countries:
                cname = canonical.get(country.name, country.name)
                for partner in country.partners:
                    label = partner.name if partner.name is not None else cname
                    self.partners.add((region.name, cname, label))
                    for agreement in partner.agreements:
                        for _ in agreement.events:
                            self.events.append((table.year, region.name, cname, label))

    def by(self, level: str) -> Counter[tuple[object, ...]]:
        """Events per (key, year): region name; country name; (country, partner) labels."""
        index = {
            "region": lambda e: e[1],
            "country": lambda e: e[2],
            "partner": lambda e: (e[2], e[3]),
        }
        return Counter((index[level](e), e[0]) for e in self.events)


def _generated(base: ParsedTable, year: int, rng: random.Random) -> ParsedTable:
    table = copy.deepcopy(base)
    table.year, table.warnings = year, []
    renames = RENAMED.get(year, {})
    for region in table.regions:
        for country in region.countries:
            original = country.name
            for partner in country.partners:
                quiet = year >= 2022 and (original, partner.name) in QUIET_FROM_2022
                for agreement in partner.agreements:
                    agreement.events = [] if quiet else _events(year, rng)
            country.name = renames.get(original, original)
    if year == 2025:
        for cname, pname, title, date in NEW_IN_2025:
            country = next(c for r in table.regions for c in r.countries if c.name == cname)
            partner = next(p for p in country.partners if p.name == pname)
            partner.agreements.append(
                TableAgreement(title=title, dates=[date], events=_events(year, rng))
            )
    return table


def _events(year: int, rng: random.Random) -> list[EventText]:
    out = []
    for i in range(rng.choice((0, 0, 1, 1, 2, 3))):
        kind = rng.random()
        month = rng.randint(1, 12)
        if kind < 0.6:
            date = EventDate(PartialDate(year, month, rng.randint(1, 28)))
        elif kind < 0.85:
            date = EventDate(PartialDate(year, month))
        else:
            date = EventDate()
        out.append(EventText(date=date, text=f"Мероприятие {i + 1} {year} г."))
    return out


def build(db: Database, xlsx: Path, seed: int = 18) -> Ledger:
    """Import the 2024 table and the generated years into ``db``; the ledger of what went in."""
    rng = random.Random(seed)
    base = read_table(xlsx)
    for region in base.regions:  # the real table's quiet partners stay quiet in 2024 too
        for country in region.countries:
            for partner in country.partners:
                if (country.name, partner.name) in QUIET_FROM_2022:
                    assert not any(a.events for a in partner.agreements), partner.name
    ledger = Ledger()
    for year in YEARS:
        table = base if year == 2024 else _generated(base, year, rng)
        canonical = {new: old for old, new in RENAMED.get(year, {}).items()}
        ledger.note(table, canonical)
        import_table(db=db, table=table)
    return ledger


def partner_of(table: ParsedTable, country: str, name: str | None) -> TablePartner:
    return next(
        p
        for r in table.regions
        for c in r.countries
        if c.name == country
        for p in c.partners
        if p.name == name
    )
