"""Dates as written, through the whole program (issue 15): stored, exported, printed, imported.

Every form of docs/TABLE_RULES.md «Events» typed into the 2025 table is stored with its ends
and its words; export → import into a new database gives the same ends and the same words;
the report shows the words; a date kept as written without being understood and a date of
another year come back too, and the import report lists them.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from spbgui.domain.dates import EventDate
from spbgui.domain.event_dates import parse_event_date
from spbgui.io.xlsx.read import read_table
from spbgui.report import ReportOptions
from spbgui.report.content import build_content
from spbgui.services import details, edit, records, search
from spbgui.services.export import export_workbook
from spbgui.services.importer import import_table
from spbgui.services.table_data import load_table
from spbgui.store.database import Database, open_database

YEAR = 2025
WRITTEN = [
    "15.03.2025",
    "15.03",
    "4-5.06",
    "28.02-02.03",
    "28.02.2025 – 02.03.2025",
    "09.12.2025",
    "12 мая 2025 г.",
    "12 мая 2025 года",
    "4-5 июня 2025 г.",
    "1-3 октября 2025 г.",
    "начало апреля",
    "середина июня",
    "конец июля",
    "первая половина августа",
    "вторая половина августа",
    "2 и 4 июля",
    "5, 7 и 9 июня",
    "1 и 3 октября",
    "III квартал",
    "3 квартал",
    "1 полугодие",
    "I полугодие",
    "2 полугодие",
    "3-6 июля",
    "26 апреля-29 сентября",
    "Июнь",
    "09.12.2024",  # another year, kept in the 2025 table as the clerk chose
]


def _stored(db: Database, partner_id: int, year: int = YEAR) -> list[tuple]:
    return [
        (e.date.start_iso(), e.date.end_iso(), e.date_text, e.date.not_understood, e.text)
        for e in details.events(db=db, partner_id=partner_id, year=year)
    ]


@pytest.fixture
def typed(db: Database) -> tuple[Database, int]:
    """A partner with one event per written form, and one date kept as written."""
    region = edit.add_region(db=db, name="Европа").id
    country = edit.add_country(db=db, region_id=region, name="Сербия").id
    partner = edit.add_partner(db=db, country_id=country, name="Белград").id
    agreement = edit.add_agreement(db=db, partner_id=partner, title="Соглашение").id
    for n, text in enumerate(WRITTEN):
        date = parse_event_date(text, YEAR)
        edit.add_event(
            db=db,
            partner_id=partner,
            year=YEAR,
            date=date,
            text=f"мероприятие {n}.",
            agreement_id=agreement,
        )
    for text in ("31.02", "По плану"):  # impossible, and no date at all: kept as written
        edit.add_event(
            db=db,
            partner_id=partner,
            year=YEAR,
            date=EventDate.as_written(text),
            text=f"{text}: уточнить.",
            agreement_id=agreement,
        )
    return db, partner


def test_stored_with_their_ends_and_shown_as_written(typed: tuple[Database, int]) -> None:
    db, partner = typed
    stored = _stored(db, partner)
    assert [s[2] for s in stored] == [*WRITTEN, "31.02", "По плану"]
    assert stored[WRITTEN.index("III квартал")][:2] == ("2025-07", "2025-09")
    assert stored[WRITTEN.index("09.12.2024")][:2] == ("2024-12-09", "2024-12-09")
    assert [s[3] for s in stored] == [False] * len(WRITTEN) + [True, True]
    counts = records.counts(db=db, year=YEAR)
    assert (counts.events, counts.dated_events) == (len(WRITTEN) + 2, len(WRITTEN))
    # the JSON dump names the written form where start and end do not say it all
    dumped = {e["text"]: e.get("written") for e in records.dump(db=db)["agreements"][0]["events"]}
    assert dumped[f"мероприятие {WRITTEN.index('III квартал')}."] == "III квартал"
    assert dumped[f"мероприятие {WRITTEN.index('3-6 июля')}."] is None
    assert dumped[f"мероприятие {WRITTEN.index('26 апреля-29 сентября')}."] is None
    assert dumped["31.02: уточнить."] == "31.02"
    # the filter «даты не распознаны»
    found = search.dates_not_understood(db=db, year=YEAR)
    assert [h.date_text for h in found.events] == ["31.02", "По плану"]
    assert found.partners == frozenset({partner})
    assert search.dates_not_understood(db=db, year=YEAR - 1).events == ()


def test_export_then_import_gives_the_same_dates_and_words(
    typed: tuple[Database, int], tmp_path: Path
) -> None:
    db, partner = typed
    path = tmp_path / "2025.xlsx"
    # «По плану» is no date to a reader of the table: the export says that one event will
    # read back otherwise (as an undated text); every written date reads back as it is
    [warning] = export_workbook(db=db, year=YEAR, path=path).warnings
    assert "будет прочитано иначе: мероприятия" in warning
    # the table's events cell and the events sheet write the dates as written
    book = openpyxl.load_workbook(path)
    cells = "\n".join(str(c.value) for row in book.worksheets[0].iter_rows() for c in row)
    for text in WRITTEN:
        assert f"{text} – " in cells
    listed = {str(r[4].value) for r in book.worksheets[1].iter_rows(min_row=2)}
    assert set(WRITTEN) | {"31.02"} <= listed
    # import into a new database
    table = read_table(path)
    copy = open_database(tmp_path / "copy.sqlite")
    try:
        import_table(db=copy, table=table)
        [new_partner] = [p for p in search.search(db=copy, query="Белград", year=None).partners]
        again = _stored(copy, new_partner)
    finally:
        copy.close()
    # «По плану – …» is no date where an event starts: it comes back as an undated text
    assert again[:-1] == _stored(db, partner)[:-1]
    assert again[-1] == (None, None, "", False, "По плану – По плану: уточнить.")
    # the import report lists the date kept as written and the date of another year
    messages = "\n".join(str(w) for w in table.warnings)
    assert "дата «31.02» не распознана (Нет такой даты: 31 февраля.)" in messages
    assert "дата «09.12.2024» — 2024 год, а таблица за 2025 год" in messages


def test_the_report_shows_the_dates_as_written(typed: tuple[Database, int]) -> None:
    db, _partner = typed
    content = build_content(load_table(db=db, year=YEAR), ReportOptions(YEAR))
    text = "\n".join(c.text for r in content.table.rows for c in r.cells)
    for n, written in enumerate(WRITTEN):
        assert f"{written} – мероприятие {n}." in text
    assert "31.02 – 31.02: уточнить." in text
    # the chart counts a date by its start month; the two kept as written are undated
    assert content.summary is not None
    chart = content.summary.chart
    assert chart.total == len(WRITTEN)
    [(_region, months)] = chart.series
    assert months[6] == sum(  # July: the months the written dates start in
        1 for w in WRITTEN if parse_event_date(w, YEAR).start.month == 7
    )
    assert "2" in chart.note
