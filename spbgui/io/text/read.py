"""Reading the committee's table from text: the published .txt, a .tsv, a .csv.

The published 2024 table (tests/data/cooperation_2024.txt) is the Word
document's text: one line a row, cells separated by tabs, ``<p>`` paragraphs
inside the events cells, region rows of one cell, blank lines where the pages
broke, and the title between ``**`` bold marks. The lines become one grid
(the file's line N is the grid's row N), and the same table rules as for a
workbook read it (:func:`~spbgui.io.table.read.read_grids`).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from spbgui.io.table.grid import Grid, normalize
from spbgui.io.table.read import Source, read_grids
from spbgui.io.table.records import Growing, ImportWarning, ParsedTable
from spbgui.io.text.decode import read_decoded
from spbgui.io.text.tsv import guess_separator, split_rows
from spbgui.io.xlsx.guard import ReadLimits, too_big

TEXT_SOURCE = Source(
    name="",
    in_file="В файле",
    empty="Файл «{name}» пуст: в нём нет текста.",
    on_part="в тексте",
)


def _cell(text: str) -> object:
    text = text.strip()
    if text.startswith("**"):  # the bold marks of the published text («**СОТРУДНИЧЕСТВО…»)
        text = text[2:]
    if text.endswith("**"):
        text = text[:-2]
    return normalize(text)


def text_grid(text: str, name: str, max_cells: int) -> Grid:
    """The text as one grid, refusing more than ``max_cells`` cells before splitting it."""
    sep = guess_separator(text)
    cells = text.count(sep) + text.count("\n") + 1
    if cells > max_cells:
        n, limit = (f"{v:,}".replace(",", " ") for v in (cells, max_cells))
        raise too_big(name, f"в тексте {n} ячеек, допускается не более {limit}")
    rows = [[_cell(c) for c in row] for row in split_rows(text, sep)]
    for row in rows:
        while row and row[-1] is None:
            row.pop()
    return Grid(name=name, rows=rows)


def read_text(
    path: str | os.PathLike[str],
    *,
    year: int | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    limits: ReadLimits = ReadLimits(),  # noqa: B008 - frozen
    growing: Growing | None = None,
) -> ParsedTable:
    p = Path(path)
    text, stray = read_decoded(p, limits, cancelled)
    grid = text_grid(text, p.name, limits.max_cells)
    source = TEXT_SOURCE.__class__(**{**TEXT_SOURCE.__dict__, "name": p.name})
    table = read_grids(
        [grid], source, year=year, progress=progress, cancelled=cancelled, growing=growing
    )
    if stray:
        table.warnings.insert(
            0,
            ImportWarning(
                None,
                f"в файле {stray} {_bytes(stray)} не в кодировке UTF-8 (как весь остальной текст): "
                "на их месте знак «�» — найдите его в записях и исправьте",
            ),
        )
    return table


def _bytes(n: int) -> str:
    """«байт» or «байта», as the number before it needs."""
    return "байта" if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14 else "байт"
