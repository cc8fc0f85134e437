"""Reading the committee's table from a Word document (.docx) into a :class:`ParsedTable`.

The document is checked first (:mod:`spbgui.io.package`: zip bombs, DTDs,
the number of table cells), then opened with python-docx. Its tables become
grids (:mod:`spbgui.io.docx.cells`); a long table that Word documents often
split in two or more (the parts one after another, nothing but empty
paragraphs or «Продолжение таблицы» between, the same columns or the header
repeated) is read as one grid, its rows numbered on from the first part. A
region's name as a paragraph between the parts («ЕВРОПА», one table per
region) is that region's row of the table. The
title above the table and any text around it are not part of the grid. A
document without tables, whose rows are tab-separated paragraphs (the
published text pasted into Word), is read as text. The same table rules as for
a workbook then read the first grid that has the header
(:func:`~spbgui.io.table.read.read_grids`).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from spbgui.io.docx.cells import TableCells, TooWide, blocks
from spbgui.io.package import TagCounter, check_package, damaged
from spbgui.io.table.grid import Grid
from spbgui.io.table.parts import CONTINUED, continues, regions_under_header
from spbgui.io.table.read import Source, check_cancel, read_grids
from spbgui.io.table.records import Growing, ImportWarning, ParsedTable, TableError
from spbgui.io.table.text import is_known_region
from spbgui.io.text.read import text_grid
from spbgui.io.xlsx.guard import ReadLimits, too_big

if TYPE_CHECKING:
    from docx.oxml.xmlchemy import BaseOxmlElement as Element

WHAT = "документ Word"
_TC = rb"<(?:[A-Za-z_][\w.-]*:)?tc[\s/>]"


def _n(number: int) -> str:
    return f"{number:,}".replace(",", " ")


def _source(name: str, parts: list[str]) -> Source:
    return Source(
        name=name,
        parts=parts,
        in_file="В документе",
        empty="В документе «{name}» нет ни таблицы, ни текста.",
        on_part="в части",
        read_from="таблица сотрудничества прочитана из части «{part}»; не импортированы: {others}",
        hidden="",
    )


def read_docx(
    path: str | os.PathLike[str],
    *,
    year: int | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    limits: ReadLimits = ReadLimits(),  # noqa: B008 - frozen
    growing: Growing | None = None,
) -> ParsedTable:
    p = Path(path)
    check_cancel(cancelled)
    grids, notes = document_grids(p, limits)
    check_cancel(cancelled)
    source = _source(p.name, [g.name for g in grids if g.rows])
    table = read_grids(
        grids, source, year=year, progress=progress, cancelled=cancelled, growing=growing
    )
    table.warnings[:0] = notes.get(table.sheet, [])
    return table


def document_grids(
    p: Path, limits: ReadLimits
) -> tuple[list[Grid], dict[str, list[ImportWarning]]]:
    """The document's tables as grids (a split table as one), and notes on how they were joined."""
    name = p.name

    def refuse(cells: int) -> TableError:
        return too_big(
            name,
            f"в таблицах документа {_n(cells)} ячеек, допускается не более {_n(limits.max_cells)}",
        )

    counter = TagCounter(_TC, limits.max_cells, refuse)
    check_package(p, limits, WHAT, lambda member: counter.part(member))
    try:
        body = _body(p)
    except TableError:
        raise
    except Exception:  # python-docx, lxml or zipfile refusing a damaged or foreign package
        raise damaged(name, WHAT) from None
    try:
        return _group(body, name, limits)
    except TooWide:
        raise too_big(name, "в строке таблицы больше 1000 столбцов") from None


def _body(p: Path) -> Element:
    """The main document's w:body, through python-docx's package reader.

    Not ``docx.Document()``, which refuses a macro-enabled document (.docm) or a
    template (.dotx) though their tables are the same: the main part is taken
    whatever its content type, and parsed by python-docx's parser (no entities).
    """
    from docx.opc.package import OpcPackage
    from docx.oxml import parse_xml
    from docx.oxml.ns import qn

    part = OpcPackage.open(str(p)).main_document_part
    element = getattr(part, "element", None)
    if element is None:
        element = parse_xml(part.blob)
    body: Element | None = element.find(qn("w:body"))
    if body is None:
        raise ValueError("no w:body")
    return body


def _group(
    body: Element, name: str, limits: ReadLimits
) -> tuple[list[Grid], dict[str, list[ImportWarning]]]:
    groups: list[tuple[list[int], TableCells]] = []
    paragraphs: list[str] = []
    between_blank = False
    regions: list[str] = []  # region headings («ЕВРОПА») since the last table
    n_table = 0
    for value in blocks(body):
        if isinstance(value, str):  # a paragraph's text
            paragraphs.append(value)
            if is_known_region(value):
                regions.append(value.strip())
            elif value.strip() and not CONTINUED.match(value):
                between_blank = False
                regions.clear()
            continue
        n_table += 1
        cells = TableCells()
        cells.add_table(value)
        last = groups[-1][1] if groups else None
        if (
            last is not None
            and between_blank
            and continues(last.rows, last.merged, last.width, cells.rows, cells.merged, cells.width)
        ):
            numbers, joined = groups[-1]
            numbers.append(n_table)
            joined.rows.extend([name] for name in regions)  # each heading: its region's row
            base = len(joined.rows)
            joined.rows.extend(cells.rows)
            joined.merged.extend((r1 + base, c1, r2 + base, c2) for r1, c1, r2, c2 in cells.merged)
            joined.width = max(joined.width, cells.width)
        else:
            cells.merged = regions_under_header(cells.rows, cells.merged, regions)
            groups.append(([n_table], cells))
        if sum(len(row) for _n, t in groups for row in t.rows) > limits.max_cells:
            raise too_big(name, "таблицы документа слишком велики")
        between_blank = True
        regions = []
    if not groups:
        # No Word table: the rows may be paragraphs with tabs (the published text pasted in).
        grid = text_grid("\n".join(paragraphs), "текст документа", limits.max_cells)
        return [grid], {}
    grids: list[Grid] = []
    notes: dict[str, list[ImportWarning]] = {}
    for numbers, cells in groups:
        if len(numbers) == 1:
            part = f"таблица {numbers[0]}"
        else:
            part = f"таблицы {numbers[0]}–{numbers[-1]}"
            notes[part] = [
                ImportWarning(
                    None,
                    f"таблицы {numbers[0]}–{numbers[-1]} документа прочитаны как одна (длинная "
                    "таблица, разбитая на части); строки считаются подряд от первой строки "
                    f"таблицы {numbers[0]}",
                )
            ]
        grids.append(Grid(name=part, rows=cells.rows, merged=cells.merged))
    return grids, notes
