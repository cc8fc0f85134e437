"""A table split into parts, joined back into one grid: Word's and web pages' long tables.

A long table in a Word document or on a web page is often cut in parts: after a
page break (an empty paragraph or «Продолжение таблицы» between them), or one
part per region with the region's name as a heading above each («ЕВРОПА»). The
parts are one table when the header is repeated with the same columns, or when
a part without a header has as many columns as the table with the header above
it. A region heading becomes that region's row, under the header for the first
part. What else stands between two tables (text of its own) keeps them apart.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from spbgui.io.table.grid import Cell, Grid
from spbgui.io.table.header import find_header
from spbgui.io.table.text import is_known_region

CONTINUED = re.compile(r"^\s*(?:продолжение|окончание)(?:\s+таблицы)?\b", re.IGNORECASE)


@dataclass
class Part:
    """One table as read, and the paragraphs between it and the table before it."""

    rows: list[list[Cell]]
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)
    before: list[str] = field(default_factory=list)

    @property
    def width(self) -> int:
        return max((len(row) for row in self.rows), default=0)


@dataclass
class Joined:
    """Parts read as one table: their 1-based numbers among the tables, rows and merges."""

    numbers: list[int]
    rows: list[list[Cell]]
    merged: list[tuple[int, int, int, int]]
    width: int


def region_headings(paragraphs: Sequence[str]) -> list[str] | None:
    """The region names among the paragraphs between two parts, or None if any other text
    stands there (blank lines and «Продолжение таблицы» do not count)."""
    names: list[str] = []
    for text in paragraphs:
        if is_known_region(text):
            names.append(text.strip())
        elif text.strip() and not CONTINUED.match(text):
            return None
    return names


def continues(
    above_rows: list[list[Cell]],
    above_merged: list[tuple[int, int, int, int]],
    above_width: int,
    below_rows: list[list[Cell]],
    below_merged: list[tuple[int, int, int, int]],
    below_width: int,
) -> bool:
    """Whether a table right after ``above`` is its next part (the header repeated, or the
    same number of columns under a table that has the header)."""
    head_above, _ = find_header(Grid("", above_rows[:50], above_merged))
    if head_above is None:
        return False
    head_below, _ = find_header(Grid("", below_rows[:3], below_merged))
    if head_below is not None:
        return head_below.cols == head_above.cols
    return below_width == above_width


def regions_under_header(
    rows: list[list[Cell]], merged: list[tuple[int, int, int, int]], regions: Sequence[str]
) -> list[tuple[int, int, int, int]]:
    """Insert the region headings above a table with the header as region rows under its
    header; returns the merges moved down with the rows."""
    if not regions:
        return merged
    header, _ = find_header(Grid("", rows[:50], merged))
    if header is None:
        return merged
    at = header.last_row + 1
    rows[at:at] = [[name] for name in regions]
    n = len(regions)
    return [(r1 + n, c1, r2 + n, c2) if r1 >= at else (r1, c1, r2, c2) for r1, c1, r2, c2 in merged]


def join_parts(parts: Sequence[Part]) -> list[Joined]:
    """The tables in order, each run of parts of one table joined."""
    out: list[Joined] = []
    for n, part in enumerate(parts, 1):
        regions = region_headings(part.before)
        last = out[-1] if out else None
        if (
            last is not None
            and regions is not None
            and continues(last.rows, last.merged, last.width, part.rows, part.merged, part.width)
        ):
            last.numbers.append(n)
            last.rows.extend([name] for name in regions)
            base = len(last.rows)
            last.rows.extend(part.rows)
            last.merged.extend((r1 + base, c1, r2 + base, c2) for r1, c1, r2, c2 in part.merged)
            last.width = max(last.width, part.width)
            continue
        # A new table: the headings right above it (after the title, say) are its first regions.
        trailing: list[str] = []
        for text in reversed(part.before):
            if not is_known_region(text):
                break
            trailing.insert(0, text.strip())
        merged = regions_under_header(part.rows, list(part.merged), trailing)
        out.append(Joined([n], part.rows, merged, part.width))
    return out
