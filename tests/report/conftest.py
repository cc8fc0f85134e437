"""Fixtures of the report tests: one database with the 2024 table, and its reports."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from spbgui.io.xlsx.read import read_table
from spbgui.report import ReportOptions, save_docx, save_pdf
from spbgui.services.importer import import_table
from spbgui.store.database import Database, open_database

_SPACE = re.compile(r"\s+")


def squeeze(text: str) -> str:
    """Text without white space: a PDF's line breaks fall anywhere in a sentence."""
    return _SPACE.sub("", text)


def pdf_pages(path: Path) -> list[str]:
    from pypdf import PdfReader

    return [page.extract_text() or "" for page in PdfReader(path).pages]


def flow_text(pages: list[str], year: int, names: list[str]) -> str:
    """The pages' text, squeezed, without what each page repeats: the footer, the column
    headers and the «(продолжение)» labels. What is left reads on across page breaks, so
    an event split between two pages is found whole."""
    from spbgui.report import wording

    repeated = [squeeze(wording.running_title(year))]
    repeated.append(squeeze("".join([*wording.COLUMNS, wording.events_column(year)])))
    repeated += [squeeze(wording.continued(n)) for n in names]
    out = []
    for n, page in enumerate(pages, 1):
        flat = squeeze(page).replace(squeeze(wording.page_number(n, len(pages))), "")
        for r in repeated:
            flat = flat.replace(r, "")
        out.append(flat)
    return "".join(out)


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
