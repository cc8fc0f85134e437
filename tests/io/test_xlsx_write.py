"""The exported workbook as staff get it: the committee's layout, print set-up, the events list."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import openpyxl
import pytest

from spbgui.domain.dates import EventDate, PartialDate
from spbgui.domain.events_text import EventText
from spbgui.io.table.records import (
    ParsedTable,
    TableAgreement,
    TableCountry,
    TablePartner,
    TableRegion,
)
from spbgui.io.xlsx.read import read_table
from spbgui.io.xlsx_writer.styles import LINE_PT, MAX_ROW_PT, chars_per_line, lines_needed
from spbgui.io.xlsx_writer.workbook import write_table


@pytest.fixture(scope="module")
def exported(fixture_xlsx: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("export") / "Сотрудничество 2024.xlsx"
    result = write_table(read_table(fixture_xlsx), path)
    assert result.warnings == []
    assert result.events == 96
    return path


@pytest.fixture(scope="module")
def book(exported: Path) -> openpyxl.Workbook:
    return openpyxl.load_workbook(exported)


def _merged(ws) -> set[str]:  # type: ignore[no-untyped-def]
    return {str(r) for r in ws.merged_cells.ranges}


def test_title_header_and_regions(book) -> None:  # type: ignore[no-untyped-def]
    ws = book.worksheets[0]
    assert ws.title == "Таблица 2024"
    assert ws["A1"].value == "Сотрудничество Санкт-Петербурга с городами-партнёрами"
    assert "A1:E1" in _merged(ws)
    assert [c.value for c in ws[2]] == [
        "Страна",
        "Город",
        "Основание для сотрудничества",
        "Год установления связей/ подписания документа",
        "Основные мероприятия в 2024 году",
    ]
    regions = [(c.row, c.value) for c in ws["A"] if c.value in {"ЕВРОПА", "АЗИЯ", "СНГ", "АФРИКА"}]
    assert [v for _r, v in regions] == ["ЕВРОПА", "АЗИЯ", "СНГ", "АФРИКА"]
    for row, _v in regions:  # merged across, bold, nothing else on the row
        assert f"A{row}:E{row}" in _merged(ws)
        assert ws.cell(row, 1).font.b
    assert ws["A3"].value == "ЕВРОПА"


def test_one_row_per_agreement_country_merged_down(book) -> None:  # type: ignore[no-untyped-def]
    ws = book.worksheets[0]
    rows = {c.value: c.row for c in ws["A"] if c.value}
    vietnam = rows["Вьетнам"]
    # Вьетнам: Хошимин, Хайфон, Провинция Дьенбьен, Хайфон и провинция Кханьхоа.
    assert f"A{vietnam}:A{vietnam + 3}" in _merged(ws)
    assert [ws.cell(vietnam + i, 2).value for i in range(4)] == [
        "Хошимин",
        "Хайфон",
        "Провинция Дьенбьен",
        "Хайфон и провинция Кханьхоа",
    ]
    assert ws.cell(vietnam, 4).value == "09.12.2005"
    assert ws.cell(vietnam + 1, 4).value == "2006"
    # The country as a whole: a blank city. Белоруссия's first row is such an agreement.
    belarus = rows["Белоруссия"]
    assert ws.cell(belarus, 2).value is None
    assert ws.cell(belarus, 3).value.startswith("Соглашение между Мэрией Санкт-Петербурга")
    assert ws.cell(belarus, 4).value == "20.06.1995"


def test_events_one_a_line_dates_as_staff_write_them(book) -> None:  # type: ignore[no-untyped-def]
    ws = book.worksheets[0]
    cell = next(c for c in ws["B"] if c.value == "Республика Сербская")
    events = ws.cell(cell.row, 5).value.split("\n")
    assert events == [
        "3-6 июля – визит делегации Научно-технологического парка Республики Сербской.",
        "13-18 мая – визит делегации школы-интерната № 1 им. К.К.Грота для слепых и "
        "слабовидящих детей в Республику Сербскую (подписано соглашение о сотрудничестве).",
    ]
    assert ws.cell(cell.row, 4).value == "июнь 2017 г."
    texts = [c.value for c in ws["E"] if isinstance(c.value, str)]
    assert any("28 августа – 8 сентября – " in t for t in texts)  # a range across months


def test_print_set_up(book) -> None:  # type: ignore[no-untyped-def]
    for ws in book.worksheets:
        setup = ws.page_setup
        assert setup.orientation == "landscape"
        assert setup.paperSize == 9  # A4
        assert setup.fitToWidth == 1 and setup.fitToHeight == 0
        assert ws.sheet_properties.pageSetUpPr.fitToPage
        assert "&P" in ws.oddFooter.center.text and "&N" in ws.oddFooter.center.text
    table, events = book.worksheets
    assert table.oddFooter.center.text == "Стр. &P из &N"
    assert table.print_title_rows == "$2:$2"
    assert table.freeze_panes == "A3"
    assert events.print_title_rows == "$1:$1"
    assert events.freeze_panes == "A2"


def test_cells_wrap_and_rows_are_tall_enough(book) -> None:  # type: ignore[no-untyped-def]
    ws = book.worksheets[0]
    widths = {c: ws.column_dimensions[c].width for c in "ABCDE"}
    assert widths["E"] > widths["C"] > widths["B"] > 10
    for row in ws.iter_rows(min_row=3):
        for cell in row:
            if isinstance(cell.value, str) and cell.row > 2:
                assert cell.alignment.wrap_text
                lines = lines_needed(cell.value, widths[cell.column_letter])
                height = ws.row_dimensions[cell.row].height
                if cell.coordinate not in {r.start_cell.coordinate for r in ws.merged_cells}:
                    assert height is not None and height >= min(lines * 12, MAX_ROW_PT)


def test_events_list(book) -> None:  # type: ignore[no-untyped-def]
    ws = book.worksheets[1]
    assert ws.title == "Мероприятия"
    header = [c.value for c in ws[1]]
    assert header == [
        "Регион",
        "Страна",
        "Партнёр",
        "Соглашение",
        "Дата",
        "Начало",
        "Конец",
        "Точность даты",
        "Мероприятие",
    ]
    rows = [[c.value for c in r] for r in ws.iter_rows(min_row=2)]
    assert len(rows) == 96
    assert ws.auto_filter.ref == "A1:I97"
    first = rows[0]
    assert first[:5] == [
        "Европа",
        "Босния и Герцеговина",
        "Республика Сербская",
        first[3],
        "3-6 июля",
    ]
    assert first[5:8] == [dt.datetime(2024, 7, 3), dt.datetime(2024, 7, 6), "день"]
    assert ws["F2"].number_format == "DD.MM.YYYY"
    month = next(r for r in rows if r[7] == "месяц")
    assert month[5].day == 1 and month[6].day == 1
    month_cell = next(c for c in ws["H"] if c.value == "месяц")
    assert ws.cell(month_cell.row, 6).number_format == "MM.YYYY"
    undated = [r for r in rows if r[7] == "без даты"]
    assert len(undated) == 96 - 89
    assert all(r[4] is None and r[5] is None and r[6] is None and r[8] for r in undated)
    whole = [r for r in rows if r[1] == "Туркменистан"]
    assert whole and all(r[2] is None for r in whole)  # the country as a whole: no partner


def test_the_events_list_prints_as_a_ruled_table_on_a4_landscape(book) -> None:  # type: ignore[no-untyped-def]
    ws = book.worksheets[1]
    # Excel counts widths in the default font's «0»: Times New Roman 11, 7 pixels at
    # 96 dpi, plus 5 pixels of padding a column. A4 landscape inside 0.4-inch margins is
    # 10.89 inches; the sheet is scaled to it, to no less than 85 % of its size.
    assert book._fonts[0].name == "Times New Roman"
    widths = [ws.column_dimensions[chr(65 + c)].width for c in range(9)]
    pixels = sum(7 * w + 5 for w in widths)
    assert (297 / 25.4 - 0.8) * 96 / pixels >= 0.85
    assert ws.page_setup.fitToWidth == 1 and ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.print_title_rows == "$1:$1"
    for row in ws.iter_rows(min_row=1):
        tallest = 1
        for cell in row:
            # Boxed and wrapped, every cell of every row: no text runs into its neighbour.
            assert cell.border.left.style == cell.border.right.style == "thin", cell.coordinate
            assert cell.border.top.style == cell.border.bottom.style == "thin", cell.coordinate
            if isinstance(cell.value, str):
                assert cell.alignment.wrap_text, cell.coordinate
                tallest = max(tallest, lines_needed(cell.value, widths[cell.column - 1]))
        height = ws.row_dimensions[row[0].row].height
        if tallest > 1:
            assert height is not None and height >= min(tallest * LINE_PT, MAX_ROW_PT)


def test_lines_break_between_words() -> None:
    assert chars_per_line(15) == 13
    assert lines_needed("Босния и Герцеговина", 15) == 2
    # 24 letters and spaces would fill two lines of 13; these words make three.
    assert lines_needed("Сербией Хорватия Болгари", 15) == 3
    assert chars_per_line(5) == 3
    assert lines_needed("Дорожная", 5) == 3  # a longer word is broken where it must be
    assert lines_needed("абв где жзи", 5) == 3
    assert lines_needed("а б", 5) == 1
    assert lines_needed("а б\nв", 5) == 2


def test_the_file_holds_no_formula(exported: Path) -> None:
    with zipfile.ZipFile(exported) as zf:
        for name in zf.namelist():
            if name.startswith("xl/worksheets/"):
                assert b"<f>" not in zf.read(name) and b"<f " not in zf.read(name)


def _table(**texts: str) -> ParsedTable:
    """A one-agreement table whose partner, title, note and event text are given."""
    event = EventText(EventDate(PartialDate(2024, 5, 3)), texts.get("event", "визит"))
    return ParsedTable(
        year=2024,
        regions=[
            TableRegion(
                "Европа",
                [
                    TableCountry(
                        "Сербия",
                        [
                            TablePartner(
                                texts.get("partner", "Белград"),
                                agreements=[
                                    TableAgreement(
                                        texts.get("title", "Соглашение"),
                                        [PartialDate(2009)],
                                        texts.get("note", ""),
                                        [event],
                                    )
                                ],
                            )
                        ],
                    )
                ],
            )
        ],
    )


def test_a_partner_without_agreements_keeps_its_row(tmp_path: Path) -> None:
    table = _table()
    table.regions[0].countries[0].partners.append(
        TablePartner("Нови-Сад", agreements=[TableAgreement(title="")])
    )
    table.regions[0].countries.append(TableCountry("Венгрия"))  # a country with nobody yet
    path = tmp_path / "t.xlsx"
    assert write_table(table, path).warnings == []
    back = read_table(path)
    serbia, hungary = back.regions[0].countries
    assert [p.name for p in serbia.partners] == ["Белград", "Нови-Сад"]
    assert hungary.name == "Венгрия" and hungary.partners == []


def test_notes_get_their_own_column(tmp_path: Path) -> None:
    path = tmp_path / "t.xlsx"
    write_table(_table(note="продлено до 2030 года"), path)
    ws = openpyxl.load_workbook(path).worksheets[0]
    assert ws["F2"].value == "Примечание"
    assert ws["F4"].value == "продлено до 2030 года"
    agreement = read_table(path).regions[0].countries[0].partners[0].agreements[0]
    assert agreement.note == "продлено до 2030 года"


def test_a_region_or_filter_with_no_countries(tmp_path: Path) -> None:
    table = ParsedTable(year=2023, regions=[TableRegion("Африка")])
    path = tmp_path / "empty.xlsx"
    result = write_table(table, path)
    assert result.events == 0
    back = read_table(path)
    assert [r.name for r in back.regions] == ["Африка"] and back.year == 2023


def _no_overlaps(ws) -> None:  # type: ignore[no-untyped-def]
    """Excel repairs a workbook whose merged ranges overlap; none may."""
    seen: dict[tuple[int, int], str] = {}
    for merged in ws.merged_cells.ranges:
        for row, col in merged.cells:
            assert (row, col) not in seen, f"{merged} overlaps {seen[(row, col)]}"
            seen[(row, col)] = str(merged)


def test_merged_ranges_never_overlap(book, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _no_overlaps(book.worksheets[0])
    table = _table()
    partner = table.regions[0].countries[0].partners[0]
    long_events = [
        EventText(EventDate(PartialDate(2024, 1 + n % 12, 1)), "встреча " * 60 + "итог.")
        for n in range(120)
    ]
    partner.agreements[0].events = long_events
    partner.agreements.append(TableAgreement("Второе соглашение", events=long_events[:3]))
    table.regions[0].countries[0].partners.append(
        TablePartner(None, "country", [TableAgreement("Договор страны", events=long_events)])
    )
    path = tmp_path / "long.xlsx"
    assert write_table(table, path).warnings == []
    ws = openpyxl.load_workbook(path).worksheets[0]
    _no_overlaps(ws)
    continuation = [r[0].row for r in ws.iter_rows(min_row=4) if r[2].value is None and r[4].value]
    assert continuation
    for merged in ws.merged_cells.ranges:  # a name merged over a continuation row repeats there
        if merged.min_col <= 2 and ws.cell(merged.min_row, merged.min_col).value:
            assert not any(merged.min_row < r <= merged.max_row for r in continuation)
