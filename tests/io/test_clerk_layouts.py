"""The 2024 table as clerks re-lay it: each variant imports to the same records, or says why.

Every case starts from the cells of tests/data/cooperation_2024.xlsx (its page
breaks, its «Минск» in the country column, its dates of every type), changes
what a clerk would change, saves the workbook and reads it the way the import
does (:func:`spbgui.io.sources.read_file`). The records must equal
cooperation_2024.expected.json; where the file is really ambiguous, the report
must name the row.
"""

from __future__ import annotations

import copy
import datetime as dt
import shutil
import subprocess
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from spbgui.io.sources import read_file
from spbgui.io.table.as_json import parsed_to_records
from spbgui.io.table.records import ParsedTable

FIXTURE = Path(__file__).resolve().parents[1] / "data" / "cooperation_2024.xlsx"
HEADER = 2  # 0-based row of the fixture's header (a merged title row, an empty row above)
REGIONS = {"ЕВРОПА": "Европа", "АЗИЯ": "Азия", "СНГ": "СНГ", "АФРИКА": "Африка"}
REGIONS["ЛАТИНСКАЯ АМЕРИКА"] = "Латинская Америка"
Merge = tuple[int, int, int, int]  # 0-based r1, c1, r2, c2
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.fixture(scope="module")
def cells() -> list[list[Any]]:
    ws = openpyxl.load_workbook(FIXTURE).active
    rows = [[c.value for c in row] for row in ws.iter_rows()]
    assert rows[HEADER][0] == "Страна" and len(rows[HEADER]) == 5
    return rows


def save(
    path: Path,
    rows: Sequence[Sequence[Any]],
    merges: Sequence[Merge] = (),
    *,
    sheets: Sequence[tuple[str, Sequence[Sequence[Any]], bool]] = (),
    title: str = "2024",
) -> Path:
    """A workbook with ``rows`` on sheet ``title`` after ``sheets`` (name, rows, hidden)."""
    wb = openpyxl.Workbook()
    first = wb.active
    for name, other, hidden in sheets:
        ws = wb.create_sheet(name)
        _fill(ws, other)
        if hidden:
            ws.sheet_state = "hidden"
    ws = wb.create_sheet(title)
    wb.remove(first)
    _fill(ws, rows)
    for r1, c1, r2, c2 in merges:
        ws.merge_cells(start_row=r1 + 1, start_column=c1 + 1, end_row=r2 + 1, end_column=c2 + 1)
    wb.save(path)
    return path


def _fill(ws: Any, rows: Sequence[Sequence[Any]]) -> None:
    for r, row in enumerate(rows, 1):
        for c, value in enumerate(row, 1):
            if value is not None:
                cell = ws.cell(r, c, value)
                if isinstance(value, dt.datetime):
                    cell.number_format = "DD.MM.YYYY"


def read(path: Path) -> tuple[dict[str, Any], ParsedTable]:
    table = read_file(path)
    return parsed_to_records(table), table


def messages(table: ParsedTable) -> list[str]:
    return [f"{w.row}: {w.message}" for w in table.warnings]


def _with_title(rows: list[list[Any]]) -> list[Merge]:
    return [(0, 0, 0, max(len(r) for r in rows) - 1)]


# --- the header -------------------------------------------------------------------------------


def test_a_group_heading_over_two_header_rows(
    cells: list[list[Any]], tmp_path: Path, expected_records: dict[str, Any]
) -> None:
    """«Документ о сотрудничестве» merged over the title and date columns, their own names
    under it, the other header cells merged down over both rows."""
    rows = copy.deepcopy(cells)
    names = rows[HEADER]
    rows[HEADER] = [names[0], names[1], "Документ о сотрудничестве", None, names[4]]
    rows.insert(HEADER + 1, [None, None, names[2], names[3], None])
    merges = [(0, 0, 0, 4), (2, 0, 3, 0), (2, 1, 3, 1), (2, 2, 2, 3), (2, 4, 3, 4)]
    records, table = read(save(tmp_path / "t.xlsx", rows, merges))
    assert records == expected_records
    assert not any("не импортирован" in m for m in messages(table))
    # Both rows again at the top of a later page, merged as above or not merged at all.
    at = 25
    rows[at:at] = copy.deepcopy(rows[HEADER : HEADER + 2])
    again = [(at, 0, at + 1, 0), (at, 1, at + 1, 1), (at, 2, at, 3), (at, 4, at + 1, 4)]
    for name, more in {"merged": again, "plain": []}.items():
        records, table = read(save(tmp_path / f"{name}.xlsx", rows, merges + more))
        assert records == expected_records, name
        said = messages(table)
        for r in (at + 1, at + 2):
            assert f"{r}: повтор строки заголовка (перенос на новую страницу) пропущен" in said
        assert not any("объединена" in m for m in said), name


def test_header_words_broken_onto_the_next_row(
    cells: list[list[Any]], tmp_path: Path, expected_records: dict[str, Any]
) -> None:
    """The year «в 2024 году» typed in the row under «Основные мероприятия», and so on."""
    rows = copy.deepcopy(cells)
    rows[HEADER] = ["Страна", "Город", "Основание для", "Год установления связей/", "Основные"]
    rows.insert(HEADER + 1, [None, None, "сотрудничества", "подписания документа", "мероприятия"])
    rows.insert(HEADER + 2, [None, None, None, None, "в 2024 году"])
    # Three rows is one too many for the rule (the header is one row or two): not this one.
    with pytest.raises(Exception, match="не указан год"):
        read_file(save(tmp_path / "three.xlsx", rows, _with_title(rows)))
    del rows[HEADER + 2]
    rows[HEADER][4] = "Основные мероприятия"
    rows[HEADER + 1][4] = "в 2024 году"
    records, table = read(save(tmp_path / "t.xlsx", rows, _with_title(rows)))
    assert records == expected_records
    assert not any("не импортирован" in m for m in messages(table))
    # The year alone under the events header, «2024 г.», is the header's too.
    rows[HEADER + 1][4] = "2024 г."
    records, table = read(save(tmp_path / "y.xlsx", rows, _with_title(rows)))
    assert records == expected_records


def test_the_year_in_the_title_when_the_events_header_has_none(
    cells: list[list[Any]], tmp_path: Path, expected_records: dict[str, Any]
) -> None:
    rows = copy.deepcopy(cells)
    rows[0][0] = "Сотрудничество Санкт-Петербурга с городами-партнерами в 2024 году"
    rows[HEADER][4] = "Основные мероприятия"
    records, table = read(save(tmp_path / "t.xlsx", rows, _with_title(rows)))
    assert records == expected_records
    assert any(
        m.startswith(f"{HEADER + 1}: ") and "по названию таблицы" in m for m in messages(table)
    )
    # Two years over the table: which one is meant is not for the import to guess.
    rows[1][0] = "Отчёт за 2023 год"
    with pytest.raises(Exception, match="не указан год"):
        read_file(save(tmp_path / "two.xlsx", rows, _with_title(rows)))


HEADERS = [
    ["Страна", "Город (регион)", "Документ", "Дата подписания", "Мероприятия 2024 года"],
    ["Страна", "Партнёр", "Наименование документа", "Год/дата подписания", "Мероприятия в 2024 г."],
    ["Страна", "Наименование города", "Соглашение", "Год", "Основные мероприятия в 2024 году"],
    ["Страна", "Город-побратим", "Основание", "Дата (год) подписания", "События 2024 года"],
    ["Наименование страны", "Город", "Договор/соглашение", "Годы", "Мероприятия за 2024 год"],
    [
        "Страна",
        "Регион, город",
        "Вид и наименование документа",
        "Год",
        "Проведённые мероприятия 2024",
    ],
    ["Страна", "Населённый пункт", "Название соглашения", "Дата", "Информация о мероприятиях 2024"],
]


@pytest.mark.parametrize("names", HEADERS, ids=[h[2] for h in HEADERS])
def test_header_in_other_words(
    names: list[str],
    cells: list[list[Any]],
    tmp_path: Path,
    expected_records: dict[str, Any],
) -> None:
    rows = copy.deepcopy(cells)
    rows[HEADER] = names
    records, _table = read(save(tmp_path / "t.xlsx", rows, _with_title(rows)))
    assert records == expected_records


def test_last_years_events_column_kept_beside_this_years(
    cells: list[list[Any]], tmp_path: Path, expected_records: dict[str, Any]
) -> None:
    """The clerk added the 2024 column and kept 2023's, left of it or right of it: the
    latest year is the table's; the old column's text is reported, not imported."""
    old = "1 мая – мероприятие прошлого года"
    for name, put in {
        "left": lambda row, o: [*row[:4], o, row[4]],
        "right": lambda row, o: [*row[:5], o],
    }.items():
        rows = []
        for r, row in enumerate(cells):
            text = "Основные мероприятия в 2023 году" if r == HEADER else None
            if r > HEADER and any(row[1:]):
                text = old
            rows.append(put(list(row), text))
        records, table = read(save(tmp_path / f"{name}.xlsx", rows, _with_title(rows)))
        assert records == expected_records, name
        said = messages(table)
        assert any("«Основные мероприятия в 2023 году» не входят в таблицу" in m for m in said)
        assert any(m.startswith("5: ") and old in m for m in said), name


# --- regions ----------------------------------------------------------------------------------


@pytest.mark.parametrize("mode", ["every row", "merged down", "first row only"])
def test_a_region_column_instead_of_region_rows(
    mode: str, cells: list[list[Any]], tmp_path: Path, expected_records: dict[str, Any]
) -> None:
    rows: list[list[Any]] = []
    merges: list[Merge] = [(0, 0, 0, 5)]
    region, start = None, 0
    for r, row in enumerate(cells):
        if r < HEADER:
            rows.append([row[0], *row[1:], None])
        elif r == HEADER:
            rows.append(["Регион", *row])
        elif row[0] in REGIONS:
            if mode == "merged down" and region is not None:
                merges.append((start, 0, len(rows) - 1, 0))
            region, start = REGIONS[row[0]], len(rows)
        else:
            shown = region if mode == "every row" or len(rows) == start else None
            rows.append([shown, *row])
    if mode == "merged down":
        merges.append((start, 0, len(rows) - 1, 0))
    records, table = read(save(tmp_path / "t.xlsx", rows, merges))
    assert records == expected_records
    assert not any("Регион" in m or "Без региона" in m for m in messages(table))


def test_a_region_column_of_provinces_is_reported_not_made_regions(
    write_rows: Callable[..., Path], header_row: Callable[..., list[str]], tmp_path: Path
) -> None:
    """«Регион» as a clerk may mean it: the province of the country, not a part of the world."""
    rows = [
        ["Регион", *header_row()],
        [None, "АЗИЯ"],
        ["провинция Сычуань", "Китай", "Чэнду", "Соглашение о партнёрстве", 2017],
    ]
    records, table = read(write_rows(tmp_path / "t.xlsx", rows))
    assert records["regions"] == ["Азия"]
    assert [(p["country"], p["name"]) for p in records["partners"]] == [("Китай", "Чэнду")]
    assert any(w.row == 3 and "«провинция Сычуань»" in w.message for w in table.warnings)


def test_a_region_name_typed_in_another_column(
    cells: list[list[Any]], tmp_path: Path, expected_records: dict[str, Any]
) -> None:
    """«АЗИЯ» typed in the middle of its row to centre it: still a region row, never the
    end of the title above (that was «… сотрудничестве» АЗИЯ)."""
    rows = copy.deepcopy(cells)
    for row in rows[HEADER + 1 :]:
        if row[0] in REGIONS:
            row[2], row[0] = row[0], None
    records, _table = read(save(tmp_path / "t.xlsx", rows, _with_title(rows)))
    assert records == expected_records


# --- cells ------------------------------------------------------------------------------------


def test_invisible_characters_and_other_line_breaks(
    cells: list[list[Any]], tmp_path: Path, expected_records: dict[str, Any]
) -> None:
    """Text pasted from a web page or Word: soft hyphens inside names, zero-width spaces and
    a byte-order mark around them, Unicode line separators and Windows line breaks."""
    rows = copy.deepcopy(cells)
    for row in rows[HEADER + 1 :]:
        for c, value in enumerate(row):
            if not isinstance(value, str):
                continue
            if c in (0, 1) and len(value) > 4:
                value = value[:3] + "\u00ad" + value[3:]
            value = "\ufeff" + value + "\u200b"
            if c == 4:
                value = value.replace("\n", "\u2028", 1).replace("\n", "\r\n")
            row[c] = value
    records, _table = read(save(tmp_path / "t.xlsx", rows, _with_title(rows)))
    assert records == expected_records


def test_a_dash_for_none(
    cells: list[list[Any]], tmp_path: Path, expected_records: dict[str, Any]
) -> None:
    """«—» in the city cell of a country's own agreement, «-» for no events, «–» for the
    country of the row above: each an empty cell, never a partner «—» or an event «-»."""
    rows = copy.deepcopy(cells)
    for row in rows[HEADER + 1 :]:
        if row[0] in REGIONS:
            continue
        if row[1] is None and (row[0] is not None or row[3] is not None):
            row[1] = "—"
        if row[4] is None and row[2] is not None:
            row[4] = " - "
        if row[0] is None and row[1] not in (None, "—"):
            row[0] = "–"
    records, _table = read(save(tmp_path / "t.xlsx", rows, _with_title(rows)))
    assert records == expected_records


def test_names_retyped_at_the_top_of_a_page(
    cells: list[list[Any]], tmp_path: Path, expected_records: dict[str, Any]
) -> None:
    """The rest of «Соглашение о» / «сотрудничестве в…» on the next page, the clerk having
    typed «Киргизия», «Бишкек» again over it: one agreement, not a second one in lower case."""
    rows = copy.deepcopy(cells)
    again = [r for r, row in enumerate(rows) if row[1] in ("Бишкек", "Ташкент")]
    for r in again:
        assert rows[r + 1][:2] == [None, None] and rows[r + 1][3] is None
        rows[r + 1][:2] = ["Киргизия" if rows[r][1] == "Бишкек" else "Узбекистан", rows[r][1]]
    records, table = read(save(tmp_path / "t.xlsx", rows, _with_title(rows)))
    assert records == expected_records
    said = messages(table)
    for r in again:
        assert any(m.startswith(f"{r + 2}: строка без даты повторяет") for m in said), r


def test_countries_typed_in_capitals(
    cells: list[list[Any]], tmp_path: Path, expected_records: dict[str, Any]
) -> None:
    """«ВЕНГРИЯ», as some tables set countries apart from cities: a country still, never a
    region row, written as the country list writes it («КНДР» and «ЮАР» stay)."""
    rows = copy.deepcopy(cells)
    for row in rows[HEADER + 1 :]:
        if isinstance(row[0], str) and row[0] not in REGIONS and row[0] != "Минск":
            row[0] = row[0].upper()
    records, _table = read(save(tmp_path / "t.xlsx", rows, _with_title(rows)))
    assert records == expected_records


def test_a_signature_under_the_table_is_reported_not_a_partner(
    cells: list[list[Any]], tmp_path: Path, expected_records: dict[str, Any]
) -> None:
    rows = copy.deepcopy(cells)
    rows += [[None] * 5, ["Начальник отдела", None, None, None, "И. И. Иванов"]]
    rows += [["Исполнитель", "Петрова А. А.", None, None, None]]
    records, table = read(save(tmp_path / "t.xlsx", rows, _with_title(rows)))
    assert records == expected_records
    said = messages(table)
    n = len(rows)
    assert any(m.startswith(f"{n - 1}: строка под таблицей") and "И. И. Иванов" in m for m in said)
    assert any(m.startswith(f"{n}: строка под таблицей") and "Петрова А. А." in m for m in said)


def test_footnote_marks_after_names_and_the_footnotes_under_the_table(
    cells: list[list[Any]], tmp_path: Path, expected_records: dict[str, Any]
) -> None:
    rows = copy.deepcopy(cells)
    for row in rows[HEADER + 1 :]:
        row[0] = "Китай*" if row[0] == "Китай" else row[0]
        row[1] = "Пекин¹" if row[1] == "Пекин" else row[1]
    rows += [[None] * 5, ["* КНР", None, None, None, None], ["¹ столица", None, None, None, None]]
    records, table = read(save(tmp_path / "t.xlsx", rows, _with_title(rows)))
    assert records == expected_records
    said = messages(table)
    assert any("сноски «*» после «Китай»" in m for m in said)
    assert any("сноски «¹» после «Пекин»" in m for m in said)
    assert any(m.startswith(f"{len(rows) - 1}: ") and "* КНР" in m for m in said)


def test_a_partner_without_agreement_under_the_table_is_kept(
    write_rows: Callable[..., Path], header_row: Callable[..., list[str]], tmp_path: Path
) -> None:
    """What looks like a signature is a row whose country column holds no country: a city
    without an agreement after an empty row is still the country's partner."""
    rows = [
        header_row(),
        ["АФРИКА"],
        ["ЮАР", "Кейптаун", "Соглашение о партнёрстве", 2001],
        [],
        [None, "Дурбан"],
    ]
    records, table = read(write_rows(tmp_path / "t.xlsx", rows))
    assert [p["name"] for p in records["partners"]] == ["Кейптаун", "Дурбан"]
    assert any(w.row == 5 and "«Дурбан»" in w.message for w in table.warnings)


@pytest.mark.parametrize(
    ("written", "dates"),
    [
        ("1995, 2006 гг.", ["1995", "2006"]),
        ("2009 и 2024", ["2009", "2024"]),
        ("июнь 2017 г. и 2020 г.", ["2017-06", "2020"]),
        ("2006.0", ["2006"]),
        ("—", []),
    ],
)
def test_agreement_dates_as_clerks_type_them(
    written: str,
    dates: list[str],
    write_rows: Callable[..., Path],
    header_row: Callable[..., list[str]],
    tmp_path: Path,
) -> None:
    rows = [header_row(), ["ЕВРОПА"], ["Сербия", "Белград", "Соглашение о партнёрстве", written]]
    records, table = read(write_rows(tmp_path / "t.xlsx", rows))
    (agreement,) = records["agreements"]
    assert agreement["dates"] == dates
    (kept,) = table.regions[0].countries[0].partners[0].agreements
    assert kept.note == ""  # nothing left over as «Дата: …»
    assert table.warnings == []


def test_years_typed_into_cells_formatted_as_dates(
    cells: list[list[Any]], tmp_path: Path, expected_records: dict[str, Any]
) -> None:
    """«2006» typed where the column is formatted as dates: Excel shows «28.06.1905»."""
    rows = copy.deepcopy(cells)
    years = [r for r, row in enumerate(rows) if r > HEADER and isinstance(row[3], int)]
    path = save(tmp_path / "t.xlsx", rows, _with_title(rows))
    wb = openpyxl.load_workbook(path)
    for r in years:
        wb.active.cell(r + 1, 4).number_format = "DD.MM.YYYY"
    wb.save(path)
    records, table = read(path)
    assert records == expected_records
    said = messages(table)
    assert any(m.startswith(f"{years[0] + 1}: в ячейке даты стоит 28.06.1905") for m in said)


def test_several_documents_in_one_title_cell(
    write_rows: Callable[..., Path], header_row: Callable[..., list[str]], tmp_path: Path
) -> None:
    """Two documents on two lines of one cell, their dates on two lines: two agreements, the
    row's events with the first, and the report says so. Dates that do not pair line by
    line leave one agreement and a note to check it."""
    rows = [
        header_row(),
        ["СНГ"],
        [
            "Туркменистан",
            None,
            "Соглашение об экономическом сотрудничестве\nСоглашение с г. Аркадаг",
            "18.02.2004\n2023",
            "25 февраля – выставка",
        ],
        ["Киргизия", None, "Соглашение о сотрудничестве\nМеморандум о дружбе", "2004, 2012"],
    ]
    records, table = read(write_rows(tmp_path / "t.xlsx", rows))
    got = [(a["country"], a["title"], a["dates"], len(a["events"])) for a in records["agreements"]]
    assert got == [
        ("Туркменистан", "Соглашение об экономическом сотрудничестве", ["2004-02-18"], 1),
        ("Туркменистан", "Соглашение с г. Аркадаг", ["2023"], 0),
        ("Киргизия", "Соглашение о сотрудничестве Меморандум о дружбе", ["2004", "2012"], 0),
    ]
    said = messages(table)
    assert any(m.startswith("3: ") and "записаны 2 соглашения" in m for m in said)
    assert any(m.startswith("4: ") and "записаны как одно соглашение" in m for m in said)


def test_several_partners_and_documents_in_one_row(
    write_rows: Callable[..., Path], header_row: Callable[..., list[str]], tmp_path: Path
) -> None:
    """Partners one a line in the city cell, paired line by line with the titles and dates;
    a name wrapped over two lines under a single title stays one partner."""
    rows = [
        header_row(),
        ["АЗИЯ"],
        [
            "Вьетнам",
            "Хошимин\nХайфон",
            "Соглашение о партнёрстве с Хошимином\nСоглашение о партнёрстве",
            "09.12.2005\n2006",
            "17-22 мая – Неделя Вьетнама",
        ],
        [
            "Китай",
            "Муниципальный район Сюхуэй,\nг. Шанхай",
            "Соглашение о партнёрстве",
            "24.05.2004",
        ],
    ]
    records, table = read(write_rows(tmp_path / "t.xlsx", rows))
    got = [(a["partner"], a["title"], a["dates"], len(a["events"])) for a in records["agreements"]]
    assert got == [
        ("Хошимин", "Соглашение о партнёрстве с Хошимином", ["2005-12-09"], 1),
        ("Хайфон", "Соглашение о партнёрстве", ["2006"], 0),
        ("Муниципальный район Сюхуэй, г. Шанхай", "Соглашение о партнёрстве", ["2004-05-24"], 0),
    ]
    assert [p["name"] for p in records["partners"]] == [g[0] for g in got]
    assert any(w.row == 3 and "«Хошимин», «Хайфон»" in w.message for w in table.warnings)


# --- sheets -----------------------------------------------------------------------------------


def test_last_years_sheet_first(
    cells: list[list[Any]], tmp_path: Path, expected_records: dict[str, Any]
) -> None:
    """«2023» before «2024»: the first table is read, and the report says which year it is
    and how to read the other; with «2023» hidden, the 2024 table is read."""
    old = copy.deepcopy(cells)
    old[HEADER][4] = "Основные мероприятия в 2023 году"
    path = save(tmp_path / "t.xlsx", cells, _with_title(cells), sheets=[("2023", old, False)])
    records, table = read(path)
    assert records["year"] == 2023
    assert any(
        "за 2023 год на листе «2023»" in m and "«2024»" in m and "скройте" in m
        for m in messages(table)
    )
    path = save(tmp_path / "h.xlsx", cells, _with_title(cells), sheets=[("2023", old, True)])
    records, table = read(path)
    assert records == expected_records
    assert not any("другой год" in m for m in messages(table))


# --- the same layouts saved by LibreOffice ------------------------------------------------------


@pytest.mark.slow
@pytest.mark.skipif(not SOFFICE, reason="LibreOffice missing (apt-get install libreoffice-calc)")
@pytest.mark.parametrize("fmt", ["ods", "xls"])
def test_libreoffice_saves_of_a_clerks_layout(
    fmt: str, cells: list[list[Any]], tmp_path: Path, expected_records: dict[str, Any]
) -> None:
    """A two-row header, a region column merged down and a soft hyphen, through Calc."""
    rows: list[list[Any]] = []
    merges: list[Merge] = [(0, 0, 0, 5)]
    region, start = None, 0
    for r, row in enumerate(cells):
        if r < HEADER:
            rows.append([row[0], *row[1:], None])
        elif r == HEADER:
            rows.append(["Регион", *row[:2], "Документ о сотрудничестве", None, row[4]])
            rows.append([None, None, None, row[2], row[3], None])
        elif row[0] in REGIONS:
            if region is not None:
                merges.append((start, 0, len(rows) - 1, 0))
            region, start = REGIONS[row[0]], len(rows)
        else:
            name = row[0][:3] + "\u00ad" + row[0][3:] if isinstance(row[0], str) else None
            rows.append([region, name, *row[1:]])
    merges.append((start, 0, len(rows) - 1, 0))
    merges += [(2, c, 3, c) for c in (0, 1, 2, 5)] + [(2, 3, 2, 4)]
    src = save(tmp_path / "layout.xlsx", rows, merges)
    profile = (tmp_path / "profile").as_uri()
    run = subprocess.run(
        [SOFFICE, f"-env:UserInstallation={profile}", "--headless", "--convert-to", fmt,
         "--outdir", str(tmp_path / "out"), str(src)],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    out = tmp_path / "out" / f"layout.{fmt}"
    assert out.exists(), run.stdout + run.stderr
    assert read(src)[0] == expected_records
    assert read(out)[0] == expected_records
