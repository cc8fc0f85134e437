"""The table laid out as staff lay it out gives the same records; a small sheet for each rule."""

from __future__ import annotations

import datetime as dt
import json
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from spbgui.domain.dates import EventDate, PartialDate, format_agreement_dates, format_event_date
from spbgui.io.table.as_json import parsed_to_records
from spbgui.io.table.records import ParsedTable, PartnerKind
from spbgui.io.xlsx.read import read_table

# --- writing the records in a layout ---------------------------------------------------------

HEADERS = {
    "country": "Страна",
    "city": "Город",
    "title": "Основание для сотрудничества",
    "dates": "Год установления связей/ подписания документа",
    "events": "Основные мероприятия в {year} году",
}
DEFAULT_ORDER = ("country", "city", "title", "dates", "events")


@dataclass(frozen=True)
class Layout:
    year: int = 2024
    title_row: bool = True
    merged_country: bool = False
    merged_region: bool = True
    number_column: bool = False
    note_column: bool = False
    html_paragraphs: bool = False  # <p>…</p> as from a web page; else line breaks
    dates_as_text: bool = False
    order: tuple[str, ...] = DEFAULT_ORDER
    sheet_index: int = 0  # the table's sheet; sheets before it hold something else
    header_line_breaks: bool = False


def records_for_year(records: dict[str, Any], year: int) -> dict[str, Any]:
    """The same records with every event moved to ``year`` (the header's year)."""
    out = json.loads(json.dumps(records))
    out["year"] = year
    for agreement in out["agreements"]:
        for event in agreement["events"]:
            for key in ("start", "end"):
                if event[key]:
                    event[key] = f"{year:04d}{event[key][4:]}"
    return out


def _event_line(event: dict[str, Any]) -> str:
    if not event["start"]:
        return event["text"]
    when = EventDate(PartialDate.from_iso(event["start"]), PartialDate.from_iso(event["end"]))
    return f"{format_event_date(when)} – {event['text']}"


def _dates_cell(isos: list[str], as_text: bool) -> object:
    dates = [PartialDate.from_iso(s) for s in isos]
    if not dates:
        return None
    if not as_text and len(dates) == 1:
        d = dates[0]
        if d.day is not None:
            return dt.datetime(d.year, d.month or 1, d.day)
        if d.month is None:
            return d.year
    return format_agreement_dates(dates)


def write_table(path: Path, records: dict[str, Any], layout: Layout = Layout()) -> Path:
    """Write ``records`` (the expected-JSON shape) as a staff spreadsheet in ``layout``."""
    wb = openpyxl.Workbook()
    for i in range(layout.sheet_index):
        other = wb.active if i == 0 else wb.create_sheet()
        other.title = f"Пояснения {i + 1}"
        other["A1"] = "Таблица на следующем листе"
        other["B3"] = "Страна и город — см. лист 2024"
    ws = wb.active if layout.sheet_index == 0 else wb.create_sheet()
    ws.title = str(layout.year)

    columns = (["number"] if layout.number_column else []) + list(layout.order)
    if layout.note_column:
        columns.append("note")
    width = len(columns)
    col_of = {name: i + 1 for i, name in enumerate(columns)}

    row = 1
    if layout.title_row:
        ws.cell(row, 1, "СОТРУДНИЧЕСТВО САНКТ-ПЕТЕРБУРГА С ГОРОДАМИ – ПАРТНЕРАМИ")
        ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
        row = 3
    for name in columns:
        text = {"number": "№ п/п", "note": "Примечание"}.get(name) or HEADERS[name]
        text = text.format(year=layout.year)
        if layout.header_line_breaks:
            text = text.replace(" в ", "\nв ").replace("/ ", "/\n")
        ws.cell(row, col_of[name], text)
    row += 1

    region_of = {c["name"]: c["region"] for c in records["countries"]}
    region = country = None
    country_start = 0
    number = 0

    def close_country(last_row: int) -> None:
        if layout.merged_country and country is not None and last_row > country_start:
            c = col_of["country"]
            ws.merge_cells(start_row=country_start, start_column=c, end_row=last_row, end_column=c)

    for agreement in records["agreements"]:
        if region_of[agreement["country"]] != region:
            close_country(row - 1)
            region, country = region_of[agreement["country"]], None
            ws.cell(row, 1, region.upper())
            if layout.merged_region:
                ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=width)
            row += 1
        if agreement["country"] != country:
            close_country(row - 1)
            country, country_start = agreement["country"], row
            ws.cell(row, col_of["country"], country)
        number += 1
        if layout.number_column:
            ws.cell(row, col_of["number"], number)
        if agreement["partner"]:
            ws.cell(row, col_of["city"], agreement["partner"])
        ws.cell(row, col_of["title"], agreement["title"])
        value = _dates_cell(agreement["dates"], layout.dates_as_text)
        if value is not None:
            cell = ws.cell(row, col_of["dates"], value)
            if isinstance(value, dt.datetime):
                cell.number_format = "DD.MM.YYYY"
        lines = [_event_line(e) for e in agreement["events"]]
        if lines:
            if layout.html_paragraphs:
                text = " ".join(f"<p>{line}</p>" for line in lines)
            else:
                text = "\n".join(lines)
            ws.cell(row, col_of["events"], text)
        if layout.note_column and number % 5 == 0:
            ws.cell(row, col_of["note"], f"Примечание к строке {number}")
        row += 1
    close_country(row - 1)
    wb.save(path)
    return path


@pytest.fixture
def make_table(tmp_path: Path) -> Callable[..., Path]:
    def make(records: dict[str, Any], layout: Layout = Layout(), name: str = "t.xlsx") -> Path:
        return write_table(tmp_path / name, records, layout)

    return make


LAYOUTS = {
    "plain": Layout(),
    "merged country cells": Layout(merged_country=True),
    "region rows not merged": Layout(merged_region=False),
    "no title row": Layout(title_row=False),
    "another year": Layout(year=2023),
    "numbering column first": Layout(number_column=True, merged_country=True),
    "note column": Layout(note_column=True),
    "html paragraphs": Layout(html_paragraphs=True),
    "dates as text": Layout(dates_as_text=True),
    "columns in another order": Layout(order=("title", "country", "dates", "city", "events")),
    "events column first": Layout(order=("events", "dates", "title", "city", "country")),
    "header on the second sheet": Layout(sheet_index=1),
    "header with line breaks": Layout(header_line_breaks=True, title_row=False),
    "everything at once": Layout(
        year=2025,
        merged_country=True,
        number_column=True,
        note_column=True,
        dates_as_text=True,
        order=("city", "country", "events", "dates", "title"),
        sheet_index=2,
        header_line_breaks=True,
    ),
}


@pytest.mark.parametrize("engine", ["calamine", "openpyxl"])
@pytest.mark.parametrize("name", list(LAYOUTS))
def test_layout_gives_the_same_records(
    name: str,
    engine: str,
    expected_records: dict[str, Any],
    make_table: Callable[..., Path],
) -> None:
    layout = LAYOUTS[name]
    want = records_for_year(expected_records, layout.year)
    path = make_table(want, layout)
    table = read_table(path, engine=engine)
    got = parsed_to_records(table)
    assert got["year"] == layout.year
    for kind in ("regions", "countries", "partners"):
        assert got[kind] == want[kind], kind
    for i, (g, w) in enumerate(zip(got["agreements"], want["agreements"], strict=True)):
        assert g == w, f"agreements[{i}]"
    assert got["counts"] == want["counts"]
    # A generated table has nothing to guess: no row-level warnings.
    assert [w for w in table.warnings if w.row and w.row > 4] == []


def test_note_column_goes_to_the_agreement(
    expected_records: dict[str, Any], make_table: Callable[..., Path]
) -> None:
    table = read_table(make_table(expected_records, Layout(note_column=True)))
    notes = [
        a.note
        for r in table.regions
        for c in r.countries
        for p in c.partners
        for a in p.agreements
        if a.note
    ]
    assert notes == [f"Примечание к строке {n}" for n in range(5, 42, 5)]


def test_other_sheets_are_named_in_the_report(
    expected_records: dict[str, Any], make_table: Callable[..., Path]
) -> None:
    table = read_table(make_table(expected_records, Layout(sheet_index=1)))
    assert table.sheet == "2024"
    assert "Пояснения 1" in table.warnings[0].message


# --- one rule at a time ---------------------------------------------------------------------


ReadRows = Callable[..., ParsedTable]
HeaderRow = Callable[..., list[str]]


@pytest.fixture
def read_rows(tmp_path: Path, write_rows: Callable[..., Path]) -> ReadRows:
    """Write these rows as a one-sheet workbook and read it."""

    def read(rows: list[list[object]], **kw: Any) -> ParsedTable:
        return read_table(write_rows(tmp_path / "r.xlsx", rows, **kw))

    return read


def _agreements(table: ParsedTable) -> list[tuple[str, str | None, Any]]:
    return [
        (c.name, p.name, a)
        for r in table.regions
        for c in r.countries
        for p in c.partners
        for a in p.agreements
    ]


def _messages(table: ParsedTable) -> str:
    return "\n".join(str(w) for w in table.warnings)


def test_unknown_region_is_title_cased(read_rows: ReadRows, header_row: HeaderRow) -> None:
    table = read_rows(
        [
            header_row(),
            ["БЛИЖНИЙ ВОСТОК"],
            ["Израиль", "Хайфа", "Соглашение", 2000, "Июнь – визит."],
            ["АВСТРАЛИЯ И ОКЕАНИЯ"],
            ["Австралия", "Сидней", "Соглашение", 2001, None],
            ["СНГ"],
            ["Армения", "Ереван", "Соглашение", 1997, None],
        ],
    )
    assert [r.name for r in table.regions] == ["Ближний Восток", "Австралия и Океания", "СНГ"]


def test_rows_before_the_first_region_are_kept_and_reported(
    read_rows: ReadRows, header_row: HeaderRow
) -> None:
    table = read_rows(
        [
            header_row(),
            ["Сербия", "Белград", "Соглашение", 2021, None],
            ["ЕВРОПА"],
            ["Венгрия", "Будапешт", "Соглашение", 2015, None],
        ],
    )
    assert [r.name for r in table.regions] == ["Без региона", "Европа"]
    assert "строка 2:" in _messages(table) and "Без региона" in _messages(table)


def test_same_partner_and_country_again_join_the_first(
    read_rows: ReadRows, header_row: HeaderRow
) -> None:
    table = read_rows(
        [
            header_row(),
            ["АЗИЯ"],
            ["Китай", "Пекин", "Первое", 2009, None],
            ["Вьетнам", "Хайфон", "Другое", 2006, None],
            ["Китай", "Пекин", "Второе", "2010", None],
            [None, "Шанхай", "Третье", 2013, None],
        ],
    )
    (asia,) = table.regions
    assert [c.name for c in asia.countries] == ["Китай", "Вьетнам"]
    china = asia.countries[0]
    assert [p.name for p in china.partners] == ["Пекин", "Шанхай"]
    assert [a.title for a in china.partners[0].agreements] == ["Первое", "Второе"]


def test_city_in_the_country_column_and_city_prefix(
    read_rows: ReadRows, header_row: HeaderRow
) -> None:
    table = read_rows(
        [
            header_row(),
            ["СНГ"],
            ["Белоруссия", None, "Межправительственное", "20.06.1995", None],
            ["Минск", None, "С Минском", dt.datetime(2000, 6, 6), None],
            [None, None, "Снова со страной", 2006, None],
            ["Киргизия", "г. Ош", "С Ошем", 2004, None],
        ],
    )
    got = [(country, partner, a.title) for country, partner, a in _agreements(table)]
    assert got == [
        ("Белоруссия", None, "Межправительственное"),
        ("Белоруссия", None, "Снова со страной"),
        ("Белоруссия", "Минск", "С Минском"),
        ("Киргизия", "Ош", "С Ошем"),
    ]
    assert "строка 4: «Минск» в столбце «Страна»" in _messages(table)


def test_continuation_rows_join_the_cells_above(read_rows: ReadRows, header_row: HeaderRow) -> None:
    table = read_rows(
        [
            header_row(),
            ["СНГ"],
            ["Узбекистан", "Ташкент", "О торгово-экономическом, научно-", 2017, "3 мая – визит по"],
            [None, None, "техническом сотрудничестве", None, "обмену опытом."],
            [None, None, None, None, "<p>5 мая – ответный визит.</p>"],
            [None, None, None, None, "Ведётся работа."],
        ],
    )
    ((_, _, agreement),) = _agreements(table)
    assert agreement.title == "О торгово-экономическом, научно-техническом сотрудничестве"
    texts = [(e.date.start and e.date.start.iso(), e.text) for e in agreement.events]
    assert texts == [
        ("2024-05-03", "визит по обмену опытом."),
        ("2024-05-05", "ответный визит."),
        (None, "Ведётся работа."),
    ]
    for row in (4, 5, 6):
        assert f"строка {row}: строка без страны, города и даты" in _messages(table)


def test_continuation_that_starts_a_new_event_is_not_glued_on(
    read_rows: ReadRows, header_row: HeaderRow
) -> None:
    table = read_rows(
        [
            header_row(),
            ["СНГ"],
            ["Белоруссия", "Минск", "Соглашение", 2000, "12-15 сентября – визит в Минск"],
            [None, None, None, None, "25 октября – Совет делового сотрудничества."],
        ],
    )
    ((_, _, agreement),) = _agreements(table)
    assert [e.text for e in agreement.events] == [
        "визит в Минск",
        "Совет делового сотрудничества.",
    ]


@pytest.mark.parametrize("date", ["15.10", "III квартал", "2 и 4 ноября", "31.02"])
def test_continuation_that_starts_with_any_date_form_is_a_new_event(
    read_rows: ReadRows, header_row: HeaderRow, date: str
) -> None:
    """Issue 15: every written form starts an event after a page break, an impossible date
    too (kept as written), so the open sentence above is not continued by it."""
    table = read_rows(
        [
            header_row(),
            ["СНГ"],
            ["Белоруссия", "Минск", "Соглашение", 2000, "12-15 сентября – визит в Минск"],
            [None, None, None, None, f"{date} – Совет делового сотрудничества."],
        ],
    )
    ((_, _, agreement),) = _agreements(table)
    assert [(e.date.written, e.text) for e in agreement.events] == [
        ("", "визит в Минск"),
        (date, "Совет делового сотрудничества."),
    ]


def test_dates_of_every_cell_type(read_rows: ReadRows, header_row: HeaderRow) -> None:
    table = read_rows(
        [
            header_row(),
            ["ЕВРОПА"],
            ["Сербия", "Белград", "a", dt.datetime(2021, 9, 1), None],
            [None, "Ниш", "b", 2006, None],
            [None, "Нови-Сад", "c", 2006.0, None],
            [None, "Суботица", "d", 38695, None],  # an Excel serial whose date format was lost
            [None, "Крагуевац", "e", "18.02.2004, 2011", None],
            [None, "Кралево", "f", "июнь 2017 г.\n2024", None],
        ],
    )
    dates = [[d.iso() for d in a.dates] for _, _, a in _agreements(table)]
    assert dates == [
        ["2021-09-01"],
        ["2006"],
        ["2006"],
        ["2005-12-09"],
        ["2004-02-18", "2011"],
        ["2017-06", "2024"],
    ]


def test_unreadable_date_is_kept_in_the_note(read_rows: ReadRows, header_row: HeaderRow) -> None:
    table = read_rows(
        [
            header_row(),
            ["ЕВРОПА"],
            ["Сербия", "Белград", "Соглашение", "весной позапрошлого года", None],
        ],
    )
    ((_, _, agreement),) = _agreements(table)
    assert agreement.dates == []
    assert agreement.note == "Дата: весной позапрошлого года"
    assert "строка 3: дата «весной позапрошлого года» не прочитана" in _messages(table)


def test_impossible_event_date_is_kept_as_written_and_reported(
    read_rows: ReadRows, header_row: HeaderRow
) -> None:
    table = read_rows(
        [
            header_row(),
            ["ЕВРОПА"],
            ["Сербия", "Белград", "Соглашение", 2021, "2 июля – визит.\n31 июня – приём."],
        ],
    )
    ((_, _, agreement),) = _agreements(table)
    assert [(e.date.is_dated, e.date.written, e.text) for e in agreement.events] == [
        (True, "", "визит."),
        (False, "31 июня", "приём."),
    ]
    assert (
        "строка 3: дата «31 июня» не распознана (Нет такой даты: 31 июня.) — сохранена как "
        "написана, мероприятие пока без даты: «приём.»"
    ) in _messages(table)


def test_texts_in_unused_columns_are_reported_not_lost(
    read_rows: ReadRows, header_row: HeaderRow
) -> None:
    table = read_rows(
        [
            [*header_row(), None, "Ответственный"],
            ["ЕВРОПА"],
            ["Сербия", "Белград", "Соглашение", 2021, None, "лишний текст", "Иванов"],
            [None, None, None, None, None, None, "Петров"],
            ["Исполнитель: Сидоров"],
        ],
    )
    messages = _messages(table)
    assert "строка 3: текст в столбце F без заголовка не импортирован: «лишний текст»" in messages
    assert "строка 3: текст в столбце G «Ответственный» не импортирован: «Иванов»" in messages
    assert "«Петров»" in messages
    assert "строка 5: строка пропущена: «Исполнитель: Сидоров»" in messages
    assert len(_agreements(table)) == 1


def test_partner_kinds(read_rows: ReadRows, header_row: HeaderRow) -> None:
    names = [
        "Провинция Себу",
        "Ленинградская область",
        "Приморский край",
        "Республика Сербская",
        "штат Керала",
        "Префектура Осака",
        "Муниципальный район Сюхуэй, г. Шанхай",
        "Центральный округ",
        "Хошимин",
    ]
    rows: list[list[object]] = [header_row(), ["АЗИЯ"], ["Китай", None, "x", 2000, None]]
    rows += [[None, name, "x", 2000, None] for name in names]
    table = read_rows(rows)
    kinds = [p.kind for p in table.regions[0].countries[0].partners]
    assert kinds == [
        PartnerKind.COUNTRY,
        PartnerKind.PROVINCE,
        PartnerKind.REGION,
        PartnerKind.REGION,
        PartnerKind.REGION,
        PartnerKind.REGION,
        PartnerKind.REGION,
        PartnerKind.DISTRICT,
        PartnerKind.DISTRICT,
        PartnerKind.CITY,
    ]


def test_white_space_is_folded(read_rows: ReadRows, header_row: HeaderRow) -> None:
    table = read_rows(
        [
            header_row(),
            ["  ЕВРОПА "],
            [
                " Сербия\u00a0",
                " Белград ",
                "Соглашение  о\n партнёрстве",
                2021,
                "2 июля –  визит\tделегации.",
            ],
        ],
    )
    ((country, partner, agreement),) = _agreements(table)
    assert (country, partner, agreement.title) == ("Сербия", "Белград", "Соглашение о партнёрстве")
    assert agreement.events[0].text == "визит делегации."


def test_merged_cells_belong_to_every_row(read_rows: ReadRows, header_row: HeaderRow) -> None:
    table = read_rows(
        [
            header_row(),
            ["ЛАТИНСКАЯ АМЕРИКА"],
            ["Куба", "Гавана", "Первое", 1990, None],
            [None, None, "Второе", 1995, None],
            ["Аргентина", "Мар-дель-Плата", "Третье", 2009, None],
        ],
        merges=["A2:E2", "A3:A4", "B3:B4"],
    )
    got = [(c, p, a.title) for c, p, a in _agreements(table)]
    assert got == [
        ("Куба", "Гавана", "Первое"),
        ("Куба", "Гавана", "Второе"),
        ("Аргентина", "Мар-дель-Плата", "Третье"),
    ]
    assert [r.name for r in table.regions] == ["Латинская Америка"]


def test_year_from_the_argument_when_the_header_has_none(
    header_row: HeaderRow, write_rows: Callable[..., Path], tmp_path: Path
) -> None:
    table = read_table(
        write_rows(
            tmp_path / "n.xlsx",
            [header_row("этом"), ["ЕВРОПА"], ["Сербия", "Белград", "С", 2021, "2 июля – визит."]],
        ),
        year=2022,
    )
    assert table.year == 2022
    assert _agreements(table)[0][2].events[0].date.start.iso() == "2022-07-02"


def test_page_break_inside_a_merged_country_cell(
    read_rows: ReadRows, header_row: HeaderRow
) -> None:
    table = read_rows(
        [
            header_row(),
            ["СНГ"],
            ["Туркменистан", None, "Соглашение об экономическом, научно-техническом и", 2004, None],
            [None, None, "культурном сотрудничестве", None, None],
            [None, None, "Соглашение о партнёрских связях без даты", None, "Июнь – визит."],
        ],
        merges=["A3:A5"],
    )
    titles = [(p, a.title, [d.iso() for d in a.dates]) for _, p, a in _agreements(table)]
    assert titles == [
        (
            None,
            "Соглашение об экономическом, научно-техническом и культурном сотрудничестве",
            ["2004"],
        ),
        (None, "Соглашение о партнёрских связях без даты", []),
    ]
    assert "строка 4: строка без страны, города и даты" in _messages(table)


# --- any table the layouts can hold reads back the same ---------------------------------------

_REGIONS = ["Европа", "Азия", "СНГ", "Африка", "Латинская Америка", "Ближний Восток"]
_COUNTRIES = [
    "Сербия", "Венгрия", "Китай", "Вьетнам", "Индия", "КНДР", "Белоруссия", "Киргизия",
    "ЮАР", "Куба", "Аргентина", "Южная Корея", "Босния и Герцеговина", "Израиль",
]  # fmt: skip
_PARTNERS = [
    "Будапешт", "Провинция Себу", "Ереван", "Муниципальный район Сюхуэй, г. Шанхай",
    "Алма-Ата", "Мар-дель-Плата", "провинция Исфаган", "Республика Сербская", None,
]  # fmt: skip
_WORDS = ["визит", "делегации", "форум", "Санкт-Петербурга", "выставка", "по", "и", "в"]
_CAPITALS = ["Соглашение", "Договор", "Меморандум", "Ведется", "Прорабатывается"]


def _phrase(first: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    rest = st.lists(st.sampled_from([*_WORDS, "«Диалог»", "(2024-2026)", "научно-технического"]))
    end = st.sampled_from(["", ".", "!", "»"])
    return st.builds(lambda f, r, e: " ".join([f, *r]) + e, first, rest, end)


@st.composite
def _event(draw: st.DrawFn, year: int) -> dict[str, Any]:
    kind = draw(st.sampled_from(["undated", "day", "month"]))
    if kind == "undated":
        return {"start": None, "end": None, "text": draw(_phrase(st.sampled_from(_CAPITALS)))}
    text = draw(_phrase(st.sampled_from(_WORDS)))
    last = (dt.date(year, 12, 31) - dt.date(year, 1, 1)).days
    a, b = sorted(draw(st.lists(st.integers(0, last), min_size=2, max_size=2)))
    start, end = dt.date(year, 1, 1) + dt.timedelta(a), dt.date(year, 1, 1) + dt.timedelta(b)
    if kind == "month":
        return {"start": start.isoformat()[:7], "end": end.isoformat()[:7], "text": text}
    return {"start": start.isoformat(), "end": end.isoformat(), "text": text}


_PARTIAL = st.one_of(
    st.integers(1960, 2024).map(str),
    st.tuples(st.integers(1960, 2024), st.integers(1, 12)).map(lambda t: f"{t[0]}-{t[1]:02d}"),
    st.dates(dt.date(1960, 1, 1), dt.date(2024, 12, 31)).map(dt.date.isoformat),
)


@st.composite
def _records(draw: st.DrawFn, year: int, dateless: bool) -> dict[str, Any]:
    regions = draw(st.lists(st.sampled_from(_REGIONS), min_size=1, max_size=3, unique=True))
    pool = draw(st.permutations(_COUNTRIES))
    out: dict[str, Any] = {"regions": regions, "countries": [], "partners": [], "agreements": []}
    for region in regions:
        for _ in range(draw(st.integers(1, 2))):
            country = pool.pop()
            out["countries"].append({"name": country, "region": region})
            names = draw(st.lists(st.sampled_from(_PARTNERS), min_size=1, max_size=3, unique=True))
            for name in names:
                out["partners"].append({"country": country, "name": name, "region": region})
                for _ in range(draw(st.integers(1, 2))):
                    out["agreements"].append(
                        {
                            "country": country,
                            "partner": name,
                            "title": draw(_phrase(st.sampled_from(_CAPITALS[:3]))),
                            "dates": draw(
                                st.lists(_PARTIAL, min_size=0 if dateless else 1, max_size=3)
                            ),
                            "events": draw(st.lists(_event(year), max_size=4)),
                        }
                    )
    return out


@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_any_table_reads_back_the_same(data: st.DataObject) -> None:
    year = data.draw(st.sampled_from([2023, 2024]))
    merged = data.draw(st.booleans())
    # A dateless agreement of a country as a whole is told from a page break only
    # inside a merged country cell, as the exporter writes it (TABLE_RULES, rows 5).
    records = data.draw(_records(year, dateless=merged))
    order = tuple(data.draw(st.permutations(DEFAULT_ORDER)))
    layout = Layout(
        year=year,
        merged_country=merged,
        title_row=data.draw(st.booleans()),
        number_column=data.draw(st.booleans()),
        html_paragraphs=data.draw(st.booleans()),
        dates_as_text=data.draw(st.booleans()),
        order=order,
    )
    with tempfile.TemporaryDirectory() as tmp:
        path = write_table(Path(tmp) / "t.xlsx", records, layout)
        table = read_table(path)
    got = parsed_to_records(table)
    for kind in ("regions", "countries", "partners", "agreements"):
        assert got[kind] == records[kind], kind


def test_repeated_header_and_column_numbers_are_skipped(
    read_rows: ReadRows, header_row: HeaderRow
) -> None:
    table = read_rows(
        [
            ["СОТРУДНИЧЕСТВО САНКТ-ПЕТЕРБУРГА С ГОРОДАМИ – ПАРТНЕРАМИ"],
            header_row(),
            [1, 2, 3, 4, 5],
            ["ЕВРОПА"],
            ["Сербия", "Белград", "Соглашение", 2021, "2 июля – визит."],
            header_row(),
            ["Венгрия", "Будапешт", "Соглашение", 2015, "10 октября – визит."],
        ]
    )
    got = [(c, p) for c, p, _a in _agreements(table)]
    assert got == [("Сербия", "Белград"), ("Венгрия", "Будапешт")]
    messages = _messages(table)
    assert "строка 3: строка с номерами столбцов" in messages
    assert "строка 6: повтор строки заголовка" in messages


def test_header_merged_over_two_rows(read_rows: ReadRows, header_row: HeaderRow) -> None:
    table = read_rows(
        [
            header_row(),
            [None, None, None, None, None],
            ["ЕВРОПА"],
            ["Сербия", "Белград", "Соглашение", 2021, "2 июля – визит."],
        ],
        merges=["A1:A2", "B1:B2", "C1:C2", "D1:D2", "E1:E2"],
    )
    assert [(c, p) for c, p, _a in _agreements(table)] == [("Сербия", "Белград")]
    assert [w for w in table.warnings if w.row] == []
