"""The report's section across years: «Мероприятия 2025 года в сравнении с 2024 годом» and
«Юбилейные даты 2025 года».

After the year's summary, on a page of its own: the year against the one before by
region, events per year by region and by country over the last five years, and the
year's round anniversaries. The tables come from :mod:`spbgui.services.stats_blocks`,
the same as the Excel «Итоги» sheet and the figures of the statistics window and of
``spbgui-cli stats``. A report of part of the table (some regions or countries) has no
such section: its figures would be of the whole database; nor has the report of a
database without events before the year: there is nothing to compare with.

:func:`years_section` says what the section holds; :func:`compose_pdf` and
:func:`write_docx` put it on the PDF's pages and into the Word file.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from spbgui.domain.figures import FigureBlock
from spbgui.report.content import Cell, Para, Row, TableContent
from spbgui.report.options import ReportOptions
from spbgui.services import records
from spbgui.services.stats_blocks import summary_blocks
from spbgui.store.database import Database

if TYPE_CHECKING:
    from spbgui.report.document import ReportPages


@dataclass
class YearsPart:
    heading: str
    table: TableContent | None
    note: str = ""


@dataclass
class YearsSection:
    year: int
    parts: list[YearsPart]


def comparison_heading(year: int) -> str:
    return f"Мероприятия {year} года в сравнении с {year - 1} годом"


def _widths(block: FigureBlock) -> tuple[float, ...]:
    n = len(block.headers)
    if block.headers[-1] == "Что":  # anniversaries: date, years, partner, country, what
        return (0.11, 0.06, 0.17, 0.14, 0.52)
    first = 0.34 if n > 4 else 0.46
    return (first, *([(1 - first) / (n - 1)] * (n - 1)))


def _table(block: FigureBlock) -> TableContent:
    text_cols = {0} if block.headers[-1] != "Что" else {0, 2, 3, 4}
    header = [Cell([Para(h, "header", "center")]) for h in block.headers]

    def row(values: list[Any], kind: str, style: str) -> Row:
        return Row(
            [
                Cell([Para(str(v), style, "left" if i in text_cols else "center")])
                for i, v in enumerate(values)
            ],
            kind=kind,
        )

    rows = [row(r, "data", "body") for r in block.rows]
    if block.total is not None and block.rows:
        rows.append(row(block.total, "total", "bold"))
    return TableContent(_widths(block), header, rows)


def years_section(*, db: Database, options: ReportOptions) -> YearsSection | None:
    """The section for the report of ``options``; None when it has none."""
    if not options.summary or options.is_selection:
        return None
    if not any(y < options.year for y in records.event_years(db=db)):
        return None  # nothing to compare with: a database of one year
    blocks = summary_blocks(db=db, year=options.year)
    comparison, by_region, by_country, _holdings, anniversaries = blocks
    parts = [
        # (a year missing between earlier ones: «—» for it, and the note says why)
        YearsPart(comparison_heading(options.year), _table(comparison), comparison.note),
        YearsPart(by_region.title, _table(by_region)),
        YearsPart(by_country.title, _table(by_country)),
        YearsPart(
            anniversaries.title,
            _table(anniversaries) if anniversaries.rows else None,
            anniversaries.note,
        ),
    ]
    return YearsSection(options.year, parts)


def compose_pdf(pages: ReportPages, section: YearsSection) -> None:
    """Add the section to the PDF's pages, starting on a new page."""
    from spbgui.report.table_layout import TableLayout

    gap = 3 * pages.mm
    pages.pages.append([])
    y = 0.0
    for part in section.parts:
        heading = pages._text([Para(part.heading, "heading", "left")])
        needed = heading.height + gap + (6 * gap if part.table is not None else 0)
        if y and y + needed > pages.body:
            pages.pages.append([])
            y = 0.0
        top = y

        def draw(p: Any, page_top: float, heading: Any = heading, top: float = top) -> None:
            heading.draw(p, 0, page_top + top)

        pages.pages[-1].append(draw)
        y += heading.height + gap
        if part.table is not None:
            layout = TableLayout(part.table, pages.width, pages.device)
            y = pages._place_table(layout, layout.paginate(pages.body - y, pages.body), y)
            y += 2 * gap
        if part.note:
            note = pages._text([Para(part.note, "body", "left")])
            note_top = y

            def draw_note(p: Any, page_top: float, note: Any = note, top: float = note_top) -> None:
                note.draw(p, 0, page_top + top)

            pages.pages[-1].append(draw_note)
            y += note.height + 2 * gap


def write_docx(doc: Any, section: YearsSection, width_mm: float, page_mm: float) -> None:
    """Add the section to the Word document: each part on a page of its own, since the
    tables are laid out page by page from the top of the page they start on."""
    from docx.shared import Pt

    from spbgui.report.docx import LINE, SIZES, _paragraph, _pt_mm, _table

    above = _pt_mm(SIZES["heading"] * LINE + 8)
    for part in section.parts:
        heading = _paragraph(doc, part.heading, SIZES["heading"], "left", bold=True)
        heading.paragraph_format.page_break_before = True
        heading.paragraph_format.space_after = Pt(8)
        heading.paragraph_format.keep_with_next = True
        if part.table is not None:
            _table(doc, part.table, width_mm, page_mm, above)
        if part.note:
            _paragraph(doc, part.note, SIZES["meta"], "left")
