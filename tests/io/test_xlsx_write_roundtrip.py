"""Generated tables written and read back: the same records, or a warning that says which.

Two properties. For tables of the texts staff write (quotes, «ёлочки», dashes,
formula-like and tag-like text, error values, every date precision, countries
as a whole, interleaved partners) the file reads back as exactly the table,
with no warning. For tables of any text at all (line breaks, ``<p>``, lower
case where a paragraph starts, dates inside texts, «г.» before a city...)
the export never differs silently: either the file reads back the same or
the export says which record will not.
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from spbgui.domain.dates import DateError, EventDate, PartialDate
from spbgui.domain.event_dates import parse_event_date
from spbgui.domain.events_text import EventText
from spbgui.io.table.records import (
    ParsedTable,
    TableAgreement,
    TableCountry,
    TablePartner,
    TableRegion,
)
from spbgui.io.xlsx.read import read_table
from spbgui.io.xlsx_writer.workbook import write_table

YEAR = 2024
KNOWN_REGIONS = ["Европа", "Азия", "СНГ", "Африка", "Латинская Америка", "Северная Америка"]
COUNTRIES = ["Германия", "Белоруссия", "Киргизия", "Китай", "Куба", "ЮАР", "Вьетнам", "Сербия"]

# Words of the table's texts, none of them a month (so no text can look like a date).
WORDS = [
    "визит", "делегации", "Санкт-Петербурга", "«Ёлочки»", '"кавычки"', "—", "–", "-",
    "№ 1", "75-й", "2-го", "(скобки)", "<b>жирный</b>", "a<b", "c>d", "&", "&amp;",
    "=1+2", "+7", "-5", "@user", "#N/A", "_x0041_", "управляющий\x01символ", "…", "!",
    "?", "Ё", "ё", "'апостроф", "100%", "\U0001f600",
]  # fmt: skip
# How an undated item or a name may start: never in lower case (that continues a paragraph).
STARTS = [
    "Визит", "«Ёлочки»", '"Кавычки"', '=HYPERLINK("http://example.com","x")', "+7", "-5",
    "@все", "#N/A", "#DIV/0!", "<pre>", "Ведется", "Прорабатывается", "№ 5", "—", "100%",
]  # fmt: skip


def _text(draw: st.DrawFn, *, start: bool) -> str:
    words = draw(st.lists(st.sampled_from(WORDS), max_size=12))
    first = draw(st.sampled_from(STARTS)) if start else draw(st.sampled_from(WORDS + STARTS))
    return " ".join([first, *words])


# Dates as staff write them (issue 15), of the table's year and another, and impossible ones
# kept as written: each must read back with the same ends and the same words.
WRITTEN = [
    "15.03.2024", "15.03", "4-5.06", "28.02-02.03", "28.02.2024 – 02.03.2024", "09.12.2023",
    "12 мая 2024 г.", "12 мая 2024 года", "4-5 июня 2024 г.", "начало апреля",
    "середина июня", "конец июля", "первая половина августа", "2 и 4 июля", "5, 7 и 9 июня",
    "III квартал", "3 квартал", "1 полугодие", "I полугодие", "3 – 6 июля", "июнь-июль",
    "31.02", "32 мая", "13.13",
]  # fmt: skip


def _written(text: str) -> EventDate:
    try:
        return parse_event_date(text, YEAR)
    except DateError:
        return EventDate.as_written(text)


@st.composite
def event_dates(draw: st.DrawFn) -> EventDate:
    kind = draw(
        st.sampled_from(["day", "days", "months-days", "month", "months", "none", "written"])
    )
    if kind == "written":
        return _written(draw(st.sampled_from(WRITTEN)))
    month = draw(st.integers(1, 11))
    day = draw(st.integers(1, 27))
    if kind == "day":
        return EventDate(PartialDate(YEAR, month, day))
    if kind == "days":
        return EventDate(PartialDate(YEAR, month, day), PartialDate(YEAR, month, day + 1))
    if kind == "months-days":
        return EventDate(PartialDate(YEAR, month, day), PartialDate(YEAR, month + 1, 2))
    if kind == "month":
        return EventDate(PartialDate(YEAR, month))
    if kind == "months":
        return EventDate(PartialDate(YEAR, month), PartialDate(YEAR, month + 1))
    return EventDate()


@st.composite
def events(draw: st.DrawFn) -> EventText:
    date = draw(event_dates())
    return EventText(date, _text(draw, start=not (date.is_dated or date.written)))


agreement_dates = st.lists(
    st.builds(
        PartialDate,
        st.integers(1950, 2024),
        st.one_of(st.none(), st.integers(1, 12)),
    ).flatmap(
        lambda d: (
            st.just(d)
            if d.month is None
            else st.one_of(
                st.just(d),
                st.builds(PartialDate, st.just(d.year), st.just(d.month), st.integers(1, 28)),
            )
        )
    ),
    max_size=3,
)


@st.composite
def tables(draw: st.DrawFn, text: st.SearchStrategy[str] | None = None) -> ParsedTable:
    """A table; names and texts from ``text`` if given, else from the staff vocabulary."""

    def some_text(start: bool) -> str:
        return draw(text) if text is not None else _text(draw, start=start)

    regions = draw(st.lists(st.sampled_from(KNOWN_REGIONS), min_size=1, max_size=3, unique=True))
    names = iter(draw(st.permutations(COUNTRIES)))
    table = ParsedTable(year=YEAR)
    for region_name in regions:
        region = TableRegion(region_name)
        for _ in range(draw(st.integers(0, 2))):
            country = TableCountry(next(names, None) or "Чили")
            partners: list[TablePartner] = []
            seen: set[str | None] = set()
            for _ in range(draw(st.integers(1, 3))):
                whole = draw(st.booleans()) and None not in seen
                name = None if whole else f"Город {len(seen)} {some_text(True)}"
                if name in seen:
                    continue
                seen.add(name)
                partner = TablePartner(name, kind="country" if whole else "city")
                for k in range(draw(st.integers(1, 2))):
                    partner.agreements.append(
                        TableAgreement(
                            title=f"Соглашение {k} {some_text(True)}",
                            dates=draw(agreement_dates),
                            events=draw(st.lists(events(), max_size=4))
                            if text is None
                            else [EventText(draw(event_dates()), draw(text))],
                        )
                    )
                partners.append(partner)
            # Rows in turn, partner by partner: each partner's first row in partner order.
            row = 0
            for k in range(2):
                for partner in partners:
                    if k < len(partner.agreements):
                        partner.agreements[k].row = row
                        row += 1
            country.partners = partners
            region.countries.append(country)
        table.regions.append(region)
    return table


def shape(table: ParsedTable) -> list:
    """What the database keeps of a table: names, order, agreements by row, events."""
    out = []
    for region in table.regions:
        countries = []
        for country in region.countries:
            rows = sorted(
                (a.row or 0, p.name, a.title, a.dates, a.note, a.events)
                for p in country.partners
                for a in p.agreements
                if a.title or a.dates or a.note or a.events
            )
            countries.append(
                (country.name, [p.name for p in country.partners], [r[1:] for r in rows])
            )
        out.append((region.name, countries))
    return out


def _renumber(table: ParsedTable) -> ParsedTable:
    """Rows as 0, 1, 2... within each country, as the export's input numbers them."""
    for region in table.regions:
        for country in region.countries:
            found = sorted(
                (a for p in country.partners for a in p.agreements), key=lambda a: a.row or 0
            )
            for n, a in enumerate(found):
                a.row = n
    return table


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(table=tables())
def test_staff_texts_read_back_unchanged(tmp_path: Path, table: ParsedTable) -> None:
    path = tmp_path / "t.xlsx"
    result = write_table(table, path)
    assert result.warnings == []
    back = _renumber(read_table(path))
    assert back.year == YEAR
    assert shape(back) == shape(table)


# Pieces of any text at all, including what the table format cannot carry unchanged.
PIECES = [*'аБвгДежЁ ёxyz.,!?»"()–—-=+@#<>/\n\t\r&_', "<p>", "</p>", "<br>", "5 мая – ", "г. "]
ANY_TEXT = st.lists(st.sampled_from(PIECES), max_size=12).map("".join)


@settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(table=tables(text=ANY_TEXT))
def test_nothing_reads_back_differently_without_a_warning(
    tmp_path: Path, table: ParsedTable
) -> None:
    path = tmp_path / "t.xlsx"
    result = write_table(table, path)
    if not result.warnings:
        assert shape(_renumber(read_table(path))) == shape(table)
