"""Finding the table's header row: which column is which, and the year of the events.

Staff move columns, add «№ п/п» or «Примечание», break a header over two
lines and put title rows above it, so the header is found by its names, not
by its place (docs/TABLE_RULES.md, «Columns»).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spbgui.io.table.grid import Grid

COUNTRY, CITY, TITLE, DATES, EVENTS = "country", "city", "title", "dates", "events"
NUMBER, NOTE = "number", "note"
REQUIRED = (COUNTRY, CITY, TITLE, DATES, EVENTS)

# How the header reads in the messages that say which table was expected.
COLUMN_NAMES = {
    COUNTRY: "«Страна»",
    CITY: "«Город»",
    TITLE: "«Основание для сотрудничества»",
    DATES: "«Год установления связей/подписания документа»",
    EVENTS: "«Основные мероприятия в … году»",
}
EXPECTED_NAMES = ", ".join(COLUMN_NAMES[role] for role in REQUIRED)

SCAN_ROWS = 50  # the header sits under a few title rows, never deeper than this


def _norm(text: str) -> str:
    text = " ".join(text.split()).lower().replace("ё", "е")
    text = re.sub(r"\s*([/-])\s*", r"\1", text)
    return text.strip(" .:*")


_ROLE_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (COUNTRY, re.compile(r"^(?:страна|страны|государство)\b")),
    (CITY, re.compile(r"^(?:город|города|партнер|регион/город|субъект)")),
    (TITLE, re.compile(r"^(?:основани|наименование (?:документа|соглашения))")),
    (DATES, re.compile(r"^(?:год установления|дата (?:подписания|установления)|год подписания)")),
    (EVENTS, re.compile(r"^(?:основные )?мероприятия")),
    (NUMBER, re.compile(r"^(?:№|n|no)(?:\s?п/п)?$|^п/п$")),
    (NOTE, re.compile(r"^примечани")),
)
_YEAR = re.compile(r"\b(1[89]\d\d|2[01]\d\d)\b")


@dataclass
class Header:
    row: int  # 0-based sheet row of the header
    cols: dict[str, int]  # role → 0-based column
    extra: dict[int, str] = field(default_factory=dict)  # other named columns → their header
    year: int | None = None
    events_title: str = ""
    last_row: int = 0  # the header's last row (more than ``row`` when merged downwards)


def _roles_in_row(row: list[object]) -> tuple[dict[str, int], dict[int, str]]:
    cols: dict[str, int] = {}
    extra: dict[int, str] = {}
    for c, value in enumerate(row):
        if not isinstance(value, str):
            continue
        text = _norm(value)
        if not text:
            continue
        for role, pattern in _ROLE_PATTERNS:
            if role not in cols and pattern.search(text):
                cols[role] = c
                break
        else:
            extra[c] = " ".join(value.split())
    return cols, extra


def repeats_header(row: list[object], header: Header) -> bool:
    """Whether a row below the header is the header again (Word repeats it on every page)."""
    country = row[header.cols[COUNTRY]] if header.cols[COUNTRY] < len(row) else None
    if not isinstance(country, str) or country.lstrip()[:5].lower() != "стран":
        return False  # the cheap test first: nearly every row stops here
    cols, _extra = _roles_in_row(row)
    return all(cols.get(role) == header.cols[role] for role in REQUIRED)


def numbers_columns(row: list[object]) -> bool:
    """Whether a row is the header's column numbers: 1, 2, 3… (or «1.», «2.»…)."""
    values = [v for v in row if v is not None]
    if len(values) < 3:
        return False
    numbers = [str(v).strip().rstrip(".") for v in values]
    return numbers == [str(n) for n in range(1, len(numbers) + 1)]


def find_header(grid: Grid) -> tuple[Header | None, set[str]]:
    """The header of this sheet, or None and the required columns its best row had."""
    best: set[str] = set()
    for r, row in enumerate(grid.rows[:SCAN_ROWS]):
        cols, extra = _roles_in_row(row)
        found = {role for role in REQUIRED if role in cols}
        if len(found) < len(REQUIRED):
            if len(found) > len(best):
                best = found
            continue
        events_title = " ".join(str(row[cols[EVENTS]]).split())
        m = _YEAR.search(events_title)
        header = Header(
            row=r,
            cols=cols,
            extra=extra,
            year=int(m.group(1)) if m else None,
            events_title=events_title,
            last_row=r,
        )
        # A header cell merged downwards (a two-row header) covers the rows under it.
        for r1, c1, r2, _c2 in grid.merged:
            if r1 <= r <= r2 and r2 > header.last_row and c1 in cols.values():
                header.last_row = r2
        return header, found
    return None, best
