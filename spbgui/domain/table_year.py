"""The years a table of events may have: from 1900 to 2100. A five-digit «20244» is a typo."""

from __future__ import annotations

FIRST_YEAR = 1900
LAST_YEAR = 2100


def is_table_year(year: int) -> bool:
    return FIRST_YEAR <= year <= LAST_YEAR
