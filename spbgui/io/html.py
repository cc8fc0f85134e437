"""HTML tables to grids: what Excel, LibreOffice and Word put on the clipboard, and .htm files.

Each program copies a selection of cells as an HTML table (besides plain
text), and the HTML keeps what the text loses: merged cells (``colspan``,
``rowspan``) and the paragraphs and line breaks inside a cell (``<p>``,
``<br>``; Excel's ``<br style="mso-data-placement:same-cell">``). White space
in the HTML source is folded as a browser folds it. A table nested in a cell
is that cell's text. Only the standard library's parser is used: nothing is
fetched, no entity beyond HTML's own is expanded.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from spbgui.io.table.grid import Grid, normalize
from spbgui.io.table.parts import Part, join_parts
from spbgui.io.table.read import Source, read_grids
from spbgui.io.table.records import Growing, ParsedTable
from spbgui.io.text.decode import read_text_file
from spbgui.io.xlsx.guard import ReadLimits, too_big

MAX_SPAN = 1000  # columns or rows one cell may span; far more than a real table


@dataclass
class _Table:
    rows: list[list[object]] = field(default_factory=list)
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)
    taken: set[tuple[int, int]] = field(default_factory=set)  # cells covered by a span above
    col: int = 0
    # The page's paragraphs between the table before and this one; a table inside another
    # (not inside a cell: broken HTML) has a mark there, so that it is never joined.
    before: list[str] = field(default_factory=lambda: ["(таблица в таблице)"])


class _Parser(HTMLParser):
    def __init__(self, max_cells: int) -> None:
        super().__init__(convert_charrefs=True)
        self.max_cells = max_cells
        self.cells = 0
        self.tables: list[_Table] = []
        self._stack: list[_Table] = []
        self._cell: list[str] | None = None
        self._span = (1, 1)
        self._nested = 0  # tables inside the current cell
        self._skip = 0  # inside <style>, <script>, <head> <title>
        # The page's text since the last table, paragraph by paragraph: the text before a
        # table (a region's heading, «Продолжение таблицы») tells whether it goes on the last.
        self._text: list[str] = [""]

    # --- cells ---------------------------------------------------------------------------
    def _break(self) -> None:
        if self._cell is not None and self._cell and not self._cell[-1].endswith("\n"):
            self._cell.append("\n")

    def _end_cell(self) -> None:
        if self._cell is None or not self._stack:
            return
        table = self._stack[-1]
        text = "\n".join(" ".join(line.split()) for line in "".join(self._cell).split("\n"))
        value = normalize(text.strip("\n"))
        row = table.rows[-1]
        r = len(table.rows) - 1
        while (r, table.col) in table.taken:
            table.col += 1
        c = table.col
        row.extend([None] * (c + 1 - len(row)))
        row[c] = value
        across, down = self._span
        if across > 1 or down > 1:
            table.merged.append((r, c, r + down - 1, c + across - 1))
            for rr in range(r, r + down):
                for cc in range(c, c + across):
                    if (rr, cc) != (r, c):
                        table.taken.add((rr, cc))
        table.col = c + across
        self.cells += across * down
        if self.cells > self.max_cells:
            raise _TooMany(self.cells)
        self._cell = None

    # --- the parser's callbacks ----------------------------------------------------------
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("style", "script", "title", "head"):
            self._skip += 1
            return
        if self._nested:
            if tag == "table":
                self._nested += 1
            elif tag in ("tr", "p", "div", "li", "br"):
                self._break()
            elif tag in ("td", "th") and self._cell is not None and self._cell:
                self._cell.append(" ")
            return
        if tag == "table":
            if self._cell is not None:
                self._nested = 1
                self._break()
                return
            table = _Table()
            if not self._stack:
                table.before = [t.strip() for t in self._text if t.strip()]
                self._text = [""]
            self._stack.append(table)
            self.tables.append(table)
        elif tag == "tr" and self._stack:
            self._end_cell()
            self._stack[-1].rows.append([])
            self._stack[-1].col = 0
        elif tag in ("td", "th") and self._stack:
            self._end_cell()
            if not self._stack[-1].rows:
                self._stack[-1].rows.append([])
            values = dict(attrs)
            self._span = (_span(values.get("colspan")), _span(values.get("rowspan")))
            self._cell = []
        elif tag in ("br",) or tag in ("p", "div", "li", "h1", "h2", "h3", "h4"):
            self._break()
            if not self._stack:
                self._text.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("style", "script", "title", "head"):
            self._skip = max(self._skip - 1, 0)
            return
        if self._nested:
            if tag == "table":
                self._nested -= 1
                self._break()
            return
        if tag in ("td", "th"):
            self._end_cell()
        elif tag == "table" and self._stack:
            self._end_cell()
            self._stack.pop()
        elif tag in ("p", "div", "li", "h1", "h2", "h3", "h4"):
            self._break()
            if not self._stack:
                self._text.append("")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br":
            self._break()
        else:
            self.handle_starttag(tag, attrs)

    def handle_data(self, data: str) -> None:
        if self._cell is not None and not self._skip:
            self._cell.append(data.replace("\n", " ").replace("\r", " "))
        elif not self._stack and not self._skip:
            self._text[-1] += " ".join(data.split()) + " "


class _TooMany(Exception):
    def __init__(self, cells: int) -> None:
        super().__init__(cells)
        self.cells = cells


def _span(value: str | None) -> int:
    try:
        return min(max(int(value or 1), 1), MAX_SPAN)
    except ValueError:
        return 1


def html_grids(html: str, name: str, max_cells: int) -> list[Grid]:
    """The HTML's tables as grids («таблица 1», «таблица 2»…), outermost tables only; the parts
    of a table cut in several (:mod:`spbgui.io.table.parts`) as one («таблицы 1–5»)."""
    parser = _Parser(max_cells)
    try:
        parser.feed(html)
        parser.close()
    except _TooMany as many:
        found, limit = (f"{v:,}".replace(",", " ") for v in (many.cells, max_cells))
        raise too_big(name, f"в таблице {found} ячеек, допускается не более {limit}") from None
    parts = []
    for table in parser.tables:
        for row in table.rows:
            while row and row[-1] is None:
                row.pop()
        parts.append(Part(table.rows, table.merged, table.before))
    grids = []
    for joined in join_parts(parts):
        first, last = joined.numbers[0], joined.numbers[-1]
        name = f"таблица {first}" if first == last else f"таблицы {first}–{last}"
        grids.append(Grid(name=name, rows=joined.rows, merged=joined.merged))
    return grids


def read_html(
    path: str | os.PathLike[str],
    *,
    year: int | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    limits: ReadLimits = ReadLimits(),  # noqa: B008 - frozen
    growing: Growing | None = None,
) -> ParsedTable:
    """A web page (or Excel's «Веб-страница» save) with the table in it."""
    p = Path(path)
    html = read_text_file(p, limits, cancelled)
    grids = html_grids(html, p.name, limits.max_cells)
    source = Source(
        name=p.name,
        parts=[g.name for g in grids if g.rows],
        in_file="На веб-странице",
        empty="На веб-странице «{name}» нет таблиц.",
        on_part="в части",
        read_from="таблица сотрудничества прочитана из части «{part}»; не импортированы: {others}",
    )
    return read_grids(
        grids, source, year=year, progress=progress, cancelled=cancelled, growing=growing
    )
