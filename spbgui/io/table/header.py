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
NUMBER, NOTE, REGION = "number", "note", "region"
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
    # «Регион» alone: the region of the row, where staff keep it in a column of its own
    # instead of region rows. «Регион/город» and «Город (регион)» name the partner.
    (REGION, re.compile(r"^(?:регион|регионы|регион мира|часть света)$")),
    (COUNTRY, re.compile(r"^(?:страна|страны|государство|наименование страны)\b")),
    (
        CITY,
        re.compile(
            r"^(?:город|города|партнер|регион[/,] ?город|субъект|побратим|муниципал|провинци"
            r"|населенн|(?:наименование|название) (?:города|партнера|субъекта))"
        ),
    ),
    (
        TITLE,
        re.compile(
            r"^(?:основани|документ|соглашени|договор"
            r"|(?:вид|наименование|название)\b[^/]{0,20}?(?:документ|соглашени|договор))"
        ),
    ),
    # «Год установления связей/ подписания документа», «Дата подписания», «Год», «Дата (год)
    # подписания», «Год/дата подписания»: a year or a date first.
    (DATES, re.compile(r"^(?:год|годы|дата|даты)\b(?!.*мероприят)")),
    # «Основные мероприятия в 2024 году», «Проведённые мероприятия…», «Информация о
    # мероприятиях…», «События 2024 года»: the word within the first three.
    (EVENTS, re.compile(r"^(?:[а-я]+ ){0,2}(?:мероприяти|событи)")),
    (NUMBER, re.compile(r"^(?:№+|n|no)(?:\s?п/?п)?$|^п/п$")),
    (NOTE, re.compile(r"^примечани")),
)
_EVENTS = dict(_ROLE_PATTERNS)[EVENTS]
_YEAR = re.compile(r"\b(1[89]\d\d|2[01]\d\d)\b")


@dataclass
class Header:
    row: int  # 0-based sheet row of the header
    cols: dict[str, int]  # role → 0-based column
    extra: dict[int, str] = field(default_factory=dict)  # other named columns → their header
    year: int | None = None
    events_title: str = ""
    last_row: int = 0  # the header's last row (more than ``row`` when merged downwards)
    year_from: str = ""  # the title above the table that gave the year, if the header did not
    # Column → the texts of its header cells (each header row's, lower case, spaces folded):
    # a row of these alone is the header again (a two-row header repeated on a new page).
    names: dict[int, frozenset[str]] = field(default_factory=dict)


def _roles_in_row(row: list[object]) -> tuple[dict[str, int], dict[int, str]]:
    return _roles_in_cells([[v] if isinstance(v, str) else [] for v in row])


def _roles_in_cells(cells: list[list[str]]) -> tuple[dict[str, int], dict[int, str]]:
    """Roles of the header's columns; each column's texts are tried in turn (a header over
    two rows gives a column its lower text, both texts joined, and its upper text)."""
    cols: dict[str, int] = {}
    extra: dict[int, str] = {}
    for c, texts in enumerate(cells):
        named = ""
        for value in texts:
            text = _norm(value)
            if not text:
                continue
            named = named or " ".join(value.split())
            role = next(
                (r for r, pattern in _ROLE_PATTERNS if r not in cols and pattern.search(text)),
                None,
            )
            if role is not None:
                cols[role] = c
                break
        else:
            if named:
                extra[c] = named
    return cols, extra


def _joined(top: object, bottom: object) -> str:
    parts = [v for v in (top, bottom) if isinstance(v, str) and v.strip()]
    return " ".join(parts)


_YEAR_ALONE = re.compile(r"^\s*(?:1[89]|2[01])\d\d\s*(?:г\.?|год[ауе]?)?\.?\s*$")


def _header_tail(row: list[object], below: list[object]) -> bool:
    """Whether ``below`` is the rest of the header's texts, broken onto a second row
    («Основание для» / «сотрудничества», «Основные мероприятия» / «в 2024 году»): every
    text in it stands under a header text and goes on in lower case. A data row never
    does: a country, a partner and an agreement's title start with a capital."""
    any_text = False
    for c, value in enumerate(below):
        if value is None:
            continue
        if not isinstance(value, str) or c >= len(row) or not isinstance(row[c], str):
            return False
        first = value.lstrip()[:1]
        if not (first.islower() or first == "(" or _YEAR_ALONE.match(value)):
            return False
        any_text = True
    return any_text


def _two_rows(row: list[object], below: list[object], tail: bool) -> list[list[str]]:
    """Each column's texts to try for a header over ``row`` and ``below``.

    A tail (the header's words broken onto the next row) is read joined. Otherwise the
    upper row is a group heading («Документ о сотрудничестве» over «Основание…» and «Год…»)
    or a cell merged down: the lower text names the column if it can, then both joined,
    then the upper one.
    """
    width = max(len(row), len(below))
    out: list[list[str]] = []
    for c in range(width):
        top = row[c] if c < len(row) else None
        bottom = below[c] if c < len(below) else None
        joined = _joined(top, bottom)
        if tail:
            out.append([joined] if joined else [])
        else:
            texts = [t for t in (bottom, joined, top) if isinstance(t, str) and t.strip()]
            out.append(texts)
    return out


def repeats_header(row: list[object], header: Header) -> bool:
    """Whether a row below the header is the header again (Word repeats it on every page)."""
    country = row[header.cols[COUNTRY]] if header.cols[COUNTRY] < len(row) else None
    if not isinstance(country, str) or country.lstrip()[:5].lower() != "стран":
        title = row[header.cols[TITLE]] if header.cols[TITLE] < len(row) else None
        if header.last_row > header.row and isinstance(title, str) and _is_named(title, header):
            return _only_names(row, header)  # the lower row of a two-row header, again
        return False  # the cheap test first: nearly every row stops here
    if header.last_row > header.row and _only_names(row, header):
        return True
    cols, _extra = _roles_in_row(row)
    # The events column by its name alone: where last year's column stands beside this
    # year's, the row's first events column need not be the one the header chose.
    return EVENTS in cols and all(
        cols.get(role) == header.cols[role] for role in REQUIRED if role != EVENTS
    )


def _is_named(text: str, header: Header) -> bool:
    return " ".join(text.split()).lower() in header.names.get(header.cols[TITLE], ())


def _only_names(row: list[object], header: Header) -> bool:
    """Whether every text of the row is its column's header text (two of them at least)."""
    seen = 0
    for c, value in enumerate(row):
        if value is None:
            continue
        if not isinstance(value, str) or " ".join(value.split()).lower() not in header.names.get(
            c, ()
        ):
            return False
        seen += 1
    return seen >= 2


def numbers_columns(row: list[object]) -> bool:
    """Whether a row is the header's column numbers: 1, 2, 3… (or «1.», «2.»…)."""
    values = [v for v in row if v is not None]
    if len(values) < 3:
        return False
    numbers = [str(v).strip().rstrip(".") for v in values]
    return numbers == [str(n) for n in range(1, len(numbers) + 1)]


# «…с городами-партнерами в 2024 году», «Мероприятия за 2024 г.»: the year of a title.
_TITLE_YEAR = re.compile(r"\b(?:в|за)\s+(1[89]\d\d|2[01]\d\d)\s*(?:г\.|год)", re.IGNORECASE)


def _title_year(above: list[list[object]]) -> tuple[int | None, str]:
    """The year a title over the table names («… в 2024 году»), when the events header has
    none; only if the titles name one year and no other."""
    years: set[int] = set()
    said = ""
    for row in above:
        for value in row:
            if isinstance(value, str) and (found := _TITLE_YEAR.findall(value)):
                years.update(int(y) for y in found)
                said = said or " ".join(value.split())
    return (years.pop(), said) if len(years) == 1 else (None, "")


def find_header(grid: Grid) -> tuple[Header | None, set[str]]:
    """The header of this sheet, or None and the required columns its best row had.

    The header is one row, or two: its words broken onto the next row («в 2024 году»
    under «Основные мероприятия»), or a group heading over the names («Документ» over
    «Основание для сотрудничества» and «Год подписания»), cells merged down or not.
    """
    best: set[str] = set()
    rows = grid.rows[:SCAN_ROWS]
    for r, row in enumerate(rows):
        cols, extra = _roles_in_row(row)
        found = {role for role in REQUIRED if role in cols}
        below = rows[r + 1] if r + 1 < len(rows) else None
        last = r
        if below is not None and _header_tail(row, below):
            cols2, extra2 = _roles_in_cells(_two_rows(row, below, tail=True))
            if all(role in cols2 for role in REQUIRED):
                cols, extra, found, last = cols2, extra2, set(REQUIRED), r + 1
        elif below is not None and len(found) < len(REQUIRED) and found:
            cols2, extra2 = _roles_in_cells(_two_rows(row, below, tail=False))
            if all(role in cols2 for role in REQUIRED):
                cols, extra, found, last = cols2, extra2, set(REQUIRED), r + 1
        if len(found) < len(REQUIRED):
            if len(found) > len(best):
                best = found
            continue
        c = cols[EVENTS]
        top = row[c] if c < len(row) else None
        bottom = below[c] if last > r and below is not None and c < len(below) else None
        events_title = " ".join(_joined(top, bottom).split())
        m = _YEAR.search(events_title)
        # Last year's events column kept beside this year's («…в 2023 году», «…в 2024 году»):
        # the latest year's is the table's; the other is an extra column, named in the report.
        for c2, text in list(extra.items()):
            m2 = _YEAR.search(text)
            if m2 and _EVENTS.search(_norm(text)) and (m is None or m2.group(1) > m.group(1)):
                extra[cols[EVENTS]] = events_title
                del extra[c2]
                cols[EVENTS], events_title, m = c2, text, m2
        extra = dict(sorted(extra.items()))
        header = Header(
            row=r,
            cols=cols,
            extra=extra,
            year=int(m.group(1)) if m else None,
            events_title=events_title,
            last_row=last,
        )
        if header.year is None:
            header.year, header.year_from = _title_year(rows[:r])
        # A header cell merged downwards (a two-row header) covers the rows under it.
        for r1, c1, r2, _c2 in grid.merged:
            if r1 <= r <= r2 and r2 > header.last_row and c1 in cols.values():
                header.last_row = r2
        names: dict[int, set[str]] = {}
        for head in rows[r : header.last_row + 1]:
            for c, value in enumerate(head):
                if isinstance(value, str) and value.strip():
                    names.setdefault(c, set()).add(" ".join(value.split()).lower())
        header.names = {c: frozenset(texts) for c, texts in names.items()}
        return header, found
    return None, best
