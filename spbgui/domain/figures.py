"""A table of figures as plain data: a title, a header, rows, and a row of totals.

The statistics across years travel in this shape from the services to the Excel
sheet «Итоги» and to the yearly report's section, so both show the same tables.
"""

from __future__ import annotations

from dataclasses import dataclass, field

Cell = str | int


@dataclass(frozen=True)
class FigureBlock:
    title: str
    headers: list[str]
    rows: list[list[Cell]] = field(default_factory=list)
    total: list[Cell] | None = None  # drawn bold under the rows
    note: str = ""  # a line under the table («нет юбилейных дат»)
