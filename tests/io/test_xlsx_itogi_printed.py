"""The «Итоги» sheet of File → Export to Excel… prints as a table a committee would sign.

A database of several years (tests/multiyear.py) is exported as the window exports it
(with the sheet of figures across years); LibreOffice prints the workbook and the
«Итоги» pages are read as a secretary reads them (tests/report/printing.py): the sheet's
title on top, every heading and figure inside its own cell, no text running into the
row below (a cell of two lines in a row of one), no header word broken in two.
The pages are kept in artifacts/printed/export-itogi/.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from spbgui.services.export import export_workbook
from spbgui.store.database import open_database
from tests import multiyear
from tests.report.printing import Page, crossings, keep_pages, overlaps, read_pages, soffice_pdf

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def itogi(fixture_xlsx: Path, tmp_path_factory: pytest.TempPathFactory) -> list[Page]:
    folder = tmp_path_factory.mktemp("itogi")
    db = open_database(folder / "years.sqlite")
    try:
        multiyear.build(db, fixture_xlsx)
        xlsx = folder / "table.xlsx"
        export_workbook(db=db, year=2025, path=xlsx)
    finally:
        db.close()
    pdf = soffice_pdf(xlsx, folder)
    keep_pages(pdf, "export-itogi")
    pages = read_pages(pdf)
    return [p for p in pages if p.find("Итоги 2025 года по всей")]


def test_the_sheet_prints_with_its_title_on_every_page(itogi: list[Page]) -> None:
    assert itogi, "no page of the «Итоги» sheet"
    text = "\n".join(p.text for p in itogi)
    for heading in (
        "2025 год в сравнении с 2024 годом",
        "Мероприятия по странам, 2021–2025",
        "Страны, партнёры и соглашения по регионам",
        "Юбилейные даты 2025 года",
    ):
        assert heading in text.replace("\n", " "), heading
    assert "Соглашений" in text  # a header word whole, not «Соглашени» over «й»


def test_no_text_runs_out_of_its_cell(itogi: list[Page]) -> None:
    assert itogi and all(p.vertical for p in itogi), "no ruled page of the «Итоги» sheet"
    problems = [f"page {p.number}: {x}" for p in itogi for x in crossings(p) + overlaps(p)]
    assert problems == []
