"""The report's section across years and the Excel «Итоги» sheet, on a five-year database:
every figure against the ledger's own count; none of it for one year or part of the table."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import docx
import openpyxl
import pytest

from spbgui.report import ReportOptions, save_docx, save_pdf
from spbgui.report.files import report_content
from spbgui.services import memory
from spbgui.services.export import export_workbook
from spbgui.store.database import open_database
from tests import multiyear
from tests.report.conftest import pdf_pages, squeeze


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory, fixture_xlsx: Path):
    db = open_database(tmp_path_factory.mktemp("report-years") / "years.sqlite")
    ledger = multiyear.build(db, fixture_xlsx)
    yield db, ledger
    db.close()


def _by_region(ledger, year: int) -> Counter[str]:
    return Counter(e[1] for e in ledger.events if e[0] == year)


def _signed(n: int) -> str:
    return f"+{n}" if n > 0 else str(n)


def test_word_report_has_the_comparison_and_the_anniversaries(built, tmp_path: Path) -> None:
    db, ledger = built
    path = tmp_path / "report.docx"
    save_docx(db=db, options=ReportOptions(2025), path=path)
    document = docx.Document(str(path))
    texts = [p.text for p in document.paragraphs]
    assert "Мероприятия 2025 года в сравнении с 2024 годом" in texts
    assert "Юбилейные даты 2025 года" in texts
    tables = {tuple(c.text for c in t.rows[0].cells): t for t in document.tables}
    compare = tables[("Регион", "2024", "2025", "Разница")]
    before, now = _by_region(ledger, 2024), _by_region(ledger, 2025)
    rows = [[c.text for c in r.cells] for r in compare.rows[1:]]
    assert {r[0]: r[1:] for r in rows[:-1]} == {
        region: [str(before[region]), str(now[region]), _signed(now[region] - before[region])]
        for region in {r for r, _, _ in ledger.partners}
    }
    assert rows[-1] == [
        "Всего",
        str(sum(before.values())),
        str(sum(now.values())),
        _signed(sum(now.values()) - sum(before.values())),
    ]
    per_year = tables[("Регион", "2021", "2022", "2023", "2024", "2025", "Всего")]
    for r in per_year.rows[1:-1]:
        region = r.cells[0].text
        assert [c.text for c in r.cells[1:6]] == [
            str(_by_region(ledger, y)[region]) for y in range(2021, 2026)
        ]
    ann = tables[("Дата", "Лет", "Партнёр", "Страна", "Что")]
    expected = memory.anniversaries(db=db, year=2025)
    assert [(r.cells[2].text, r.cells[1].text) for r in ann.rows[1:]] == [
        (a.partner, str(a.years)) for a in expected
    ]


def test_pdf_report_has_the_section_on_its_own_pages(built, tmp_path: Path) -> None:
    db, ledger = built
    path = tmp_path / "report.pdf"
    save_pdf(db=db, options=ReportOptions(2025), path=path)
    pages = [squeeze(p) for p in pdf_pages(path)]
    start = next(i for i, p in enumerate(pages) if "Мероприятия2025годавсравнениис2024годом" in p)
    assert any("Итоги2025года" in p for p in pages[:start])  # after the year's summary
    section = "".join(pages[start:])
    assert "Юбилейныедаты2025года" in section
    before, now = _by_region(ledger, 2024), _by_region(ledger, 2025)
    for region in {r for r, _, _ in ledger.partners}:
        row = (
            squeeze(region)
            + f"{before[region]}{now[region]}{_signed(now[region] - before[region])}"
        )
        assert row in section, region
    assert "Хошимин" in section and "Соглашениеопартнёрстве" in section


def test_no_section_for_part_of_the_table_or_without_an_earlier_year(built, db) -> None:
    big, _ = built
    assert report_content(db=big, options=ReportOptions(2025)).years is not None
    assert report_content(db=big, options=ReportOptions(2025, regions=("СНГ",))).years is None
    assert report_content(db=big, options=ReportOptions(2025, summary=False)).years is None
    assert report_content(db=big, options=ReportOptions(2021)).years is None  # the first year


def test_excel_export_has_the_itogi_sheet_with_numbers(built, tmp_path: Path) -> None:
    db, ledger = built
    path = tmp_path / "table.xlsx"
    export_workbook(db=db, year=2025, path=path)
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["Таблица 2025", "Мероприятия", "Итоги"]
    rows = [tuple(row) for row in wb["Итоги"].iter_rows(values_only=True)]
    start = next(i for i, r in enumerate(rows) if r[0] == "2025 год в сравнении с 2024 годом")
    assert rows[start + 1][:4] == ("Регион", "2024", "2025", "Разница")
    before, now = _by_region(ledger, 2024), _by_region(ledger, 2025)
    for r in rows[start + 2 : start + 7]:
        assert r[1:3] == (before[r[0]], now[r[0]])  # numbers, not text
        assert r[3] == _signed(now[r[0]] - before[r[0]])
    countries = next(i for i, r in enumerate(rows) if r[0] == "Мероприятия по странам, 2021–2025")
    by_country = Counter((e[2], e[0]) for e in ledger.events)
    body = []
    rest = iter(rows[countries + 2 :])
    for r in rest:
        if r[0] == "Всего":
            break
        if str(r[0]).endswith("(продолжение)"):  # over a printed page: heading, headers
            assert next(rest)[:2] == ("Страна", "2021")
            continue
        body.append(r)
    assert {r[0]: list(r[1:6]) for r in body} == {
        c: [by_country[(c, y)] for y in range(2021, 2026)] for c in {p[1] for p in ledger.partners}
    }
    assert any(r[0] == "Юбилейные даты 2025 года" for r in rows)


def test_a_gap_year_is_not_compared_as_zeros(built, tmp_path: Path) -> None:
    """2024 against a 2023 the database lacks (a year never imported between two that
    were): «—» and why, as the statistics window and the Excel sheet say, not «+45»."""
    import sqlite3

    big, _ = built
    path = tmp_path / "gap.sqlite"
    source, conn = sqlite3.connect(big.path), sqlite3.connect(path)
    source.backup(conn)  # with what is still in the write-ahead log
    source.close()
    with conn:
        conn.execute("DELETE FROM event WHERE year = 2023")
        conn.execute("DELETE FROM table_year WHERE year = 2023")
    conn.close()
    db = open_database(path)
    try:
        section = report_content(db=db, options=ReportOptions(2024)).years
    finally:
        db.close()
    assert section is not None  # 2021 and 2022 are earlier: the section stays
    comparison = section.parts[0]
    assert comparison.heading == "Мероприятия 2024 года в сравнении с 2023 годом"
    assert comparison.note == "В базе нет 2023 года: сравнивать не с чем."
    assert comparison.table is not None
    cells = [c.paras[0].text for r in comparison.table.rows for c in r.cells[1:]]
    assert not any(c.startswith("+") for c in cells)
    assert cells[-3:] == ["—", cells[-2], "—"] and cells[-2] != "0"
