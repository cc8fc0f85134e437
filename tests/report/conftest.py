"""Fixtures of the report tests: one database with the 2024 table, and its reports."""

from __future__ import annotations

import re
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from spbgui.io.xlsx.read import read_table
from spbgui.report import ReportOptions, save_docx, save_pdf
from spbgui.report.content import ReportContent
from spbgui.services.importer import import_table
from spbgui.store.database import Database, open_database

_SPACE = re.compile(r"\s+")


def squeeze(text: str) -> str:
    """Text without white space: a PDF's line breaks fall anywhere in a sentence."""
    return _SPACE.sub("", text)


def pdf_pages(path: Path) -> list[str]:
    from pypdf import PdfReader

    return [page.extract_text() or "" for page in PdfReader(path).pages]


def _column_edges(content: ReportContent, landscape: bool) -> list[float]:
    """The table's column edges on the PDF page, in points, from the report's own layout."""
    from PySide6.QtGui import QPdfWriter

    from spbgui.report.chart import ensure_application
    from spbgui.report.document import MARGINS, page_layout
    from spbgui.report.table_layout import TableLayout

    ensure_application()
    with tempfile.TemporaryDirectory() as folder:  # nothing is written there
        writer = QPdfWriter(str(Path(folder) / "unused.pdf"))
        writer.setResolution(1200)
        writer.setPageLayout(page_layout(landscape))
        layout = TableLayout(content.table, float(writer.width()), writer)
        left = MARGINS.left() * 72 / 25.4
        return [left + x * 72 / 1200 for x in layout.x]


def flow_text(
    path: Path, year: int, names: list[str], content: ReportContent, landscape: bool = True
) -> str:
    """The table's text column by column, each column read on across the pages, without
    white space and without what each page repeats: the footer, the column headers and
    the «(продолжение)» labels. A cell split between two pages reads whole."""
    from pypdf import PdfReader

    from spbgui.report import wording

    edges = _column_edges(content, landscape)
    columns: list[list[str]] = [[] for _ in edges[:-1]]
    for page in PdfReader(path).pages:
        if squeeze(wording.summary_heading(year)) in squeeze(page.extract_text() or ""):
            continue
        found: list[tuple[float, float, str]] = []

        def visit(text, cm, tm, font, size, found=found) -> None:  # type: ignore[no-untyped-def]
            if text.strip():
                found.append((cm[4] + tm[4] * cm[0], cm[5] + tm[5] * cm[3], text))

        page.extract_text(visitor_text=visit)
        for x, _y, text in sorted(found, key=lambda f: (-round(f[1], 1), f[0])):
            col = max((i for i, e in enumerate(edges[:-1]) if x >= e - 1), default=0)
            columns[col].append(text)
    repeated = [squeeze(wording.running_title(year))]
    repeated += [squeeze(h) for h in [*wording.COLUMNS, wording.events_column(year)]]
    repeated += [squeeze(wording.continued(n)) for n in names]
    out = []
    for parts in columns:
        flat = _PAGE_NUMBER.sub("", squeeze("".join(parts)))
        for r in sorted(repeated, key=len, reverse=True):
            flat = flat.replace(r, "")
        out.append(flat)
    return "|".join(out)


_PAGE_NUMBER = re.compile(r"стр\.\d+из\d+")


@pytest.fixture(scope="session")
def db_2024(tmp_path_factory: pytest.TempPathFactory, fixture_xlsx: Path) -> Iterator[Database]:
    db = open_database(tmp_path_factory.mktemp("report-db") / "records.sqlite")
    import_table(db=db, table=read_table(fixture_xlsx))
    yield db
    db.close()


@pytest.fixture(scope="session")
def report_pdf(db_2024: Database, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("report") / "report.pdf"
    save_pdf(db=db_2024, options=ReportOptions(year=2024), path=path)
    return path


@pytest.fixture(scope="session")
def report_docx(db_2024: Database, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("report") / "report.docx"
    save_docx(db=db_2024, options=ReportOptions(year=2024), path=path)
    return path


def pytest_terminal_summary(terminalreporter) -> None:  # type: ignore[no-untyped-def]
    """Say where the printed pages of the slow tests are, for a person to look at."""
    from tests.report.printing import kept

    for folder in dict.fromkeys(kept):
        terminalreporter.write_line(f"printed pages: {folder}")
