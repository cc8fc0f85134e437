"""How much of a date a cell's number format shows: the day, only the month, only the year.

A clerk who types «12.2015» or «дек 2015» into Excel gets a real date, the 1st
of the month, shown by a month-and-year format («дек.15»); a date formatted
«ГГГГ» shows its year alone. The value behind it has a day nobody wrote, and
TABLE_RULES says no date is invented: the table rules get what the sheet
shows, «декабрь 2015» or «2015», instead of the value
(:func:`shown_as_written`). The precision comes from the format code, read
from the workbook's styles (:func:`style_precisions`).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from spbgui.io.table.grid import Grid

MONTH, YEAR = "month", "year"

# Excel's built-in date formats are named by number only (ECMA-376, 18.8.30).
_BUILT_IN = {14: "m/d/yyyy", 15: "d-mmm-yy", 16: "d-mmm", 17: "mmm-yy", 22: "m/d/yyyy h:mm"}
_LITERAL = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]|_.|\*.')


def precision(code: str) -> str | None:
    """MONTH or YEAR for a date format that shows no day (or no day and no month), else None."""
    section = _LITERAL.sub("", code.split(";", 1)[0]).lower()
    if "h" in section or "s" in section:  # a time: its «m» are minutes
        return None
    if "d" in section or ("y" not in section and "m" not in section):
        return None
    return MONTH if "m" in section else YEAR


def style_precisions(num_fmt_ids: Iterable[int], codes: dict[int, str]) -> dict[int, str]:
    """Style index (the cells' ``s``) → MONTH or YEAR, for the styles whose format shows no day.

    ``num_fmt_ids`` are the numFmtId of the cellXfs in order; ``codes`` the
    workbook's own numFmt codes by id.
    """
    out: dict[int, str] = {}
    for index, fmt_id in enumerate(num_fmt_ids):
        code = codes.get(fmt_id) or _BUILT_IN.get(fmt_id)
        if code and (p := precision(code)):
            out[index] = p
    return out


_MONTHS = (
    "январь",
    "февраль",
    "март",
    "апрель",
    "май",
    "июнь",
    "июль",
    "август",
    "сентябрь",
    "октябрь",
    "ноябрь",
    "декабрь",
)


def shown_as_written(grid: Grid, cells: dict[tuple[int, int], str]) -> Grid:
    """The grid with each date of ``cells`` (row, col → precision) as the text the sheet shows."""
    rows = grid.rows
    for (r, c), how in cells.items():
        if r < len(rows) and c < len(rows[r]):
            value = rows[r][c]
            if isinstance(value, dt.date):
                rows[r][c] = (
                    f"{_MONTHS[value.month - 1]} {value.year}" if how == MONTH else str(value.year)
                )
    return grid
