"""Cells pasted from Excel, LibreOffice or Word, and events copied out for Excel.

The window hands over what the clipboard holds (its HTML and its plain
text; no Qt here) and gets back what it is:

- whole rows of the committee's table (its header, or five or more columns:
  country, city, basis, date, events) → a :class:`ParsedTable`, read by the
  same table rules as a file, for the import preview;
- anything narrower → events: each line «15 мая – визит…» split into its date
  and text by the domain's :func:`~spbgui.domain.events_text.split_events`,
  or (date, text) pairs as :func:`events_as_text` writes them.

The HTML is preferred: it keeps merged cells and the paragraphs in a cell.
:func:`events_as_text` writes events as tab-separated text that Excel and
LibreOffice paste into cells (a cell with a line break or a quote in quotes).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from spbgui.domain.dates import DateError, EventDate
from spbgui.domain.event_dates import EVENT_DATE_PATTERN, parse_event_date
from spbgui.domain.events_text import EventText, split_events, why_not_understood
from spbgui.io.html import html_grids
from spbgui.io.table.grid import Grid
from spbgui.io.table.header import find_header
from spbgui.io.table.read import Source, read_grids
from spbgui.io.table.records import ImportWarning, ParsedTable, TableError
from spbgui.io.table.rows import NO_REGION
from spbgui.io.table.text import cell_text
from spbgui.io.text.read import text_grid

NAME = "буфер обмена"
_LOOKS_LIKE_DATE = re.compile(EVENT_DATE_PATTERN, re.IGNORECASE)
MAX_CELLS = 200_000
TABLE_WIDTH = 5  # the committee's columns: rows this wide are rows of the table

SOURCE = Source(
    name=NAME,
    in_file="В",
    empty="Буфер обмена пуст.",
    on_part="в части",
    read_from="вставлена «{part}» из буфера обмена; не вставлены: {others}",
)

_HEADER = (
    "Страна",
    "Город",
    "Основание для сотрудничества",
    "Год установления связей/подписания документа",
    "Основные мероприятия в {year} году",
)


@dataclass
class Pasted:
    """What the clipboard held: rows of the table, or events (with notes on what was assumed)."""

    table: ParsedTable | None = None
    events: list[EventText] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def clipboard_grid(html: str | None, text: str | None) -> Grid:
    """The pasted cells as one grid: the HTML's first table, else the text's rows."""
    if html and "<t" in html.lower():
        grids = [g for g in html_grids(html, NAME, MAX_CELLS) if g.rows]
        if grids:
            return grids[0]
    if text and text.strip():
        return text_grid(text.rstrip("\n"), NAME, MAX_CELLS)
    raise TableError(
        "В буфере обмена нет ни текста, ни ячеек таблицы. Скопируйте строки таблицы или "
        "мероприятия в Excel, LibreOffice или Word и вставьте снова."
    )


def read_clipboard(html: str | None, text: str | None, *, year: int) -> Pasted:
    """What the clipboard holds, read for the year shown in the window."""
    grid = clipboard_grid(html, text)
    header, _found = find_header(grid)
    if header is not None:
        table = read_grids([grid], SOURCE, year=None if header.year else year)
        return Pasted(table=table)
    width = max((len(row) for row in grid.rows), default=0)
    if width >= TABLE_WIDTH:
        # Rows copied without the header: the committee's columns in their order.
        head = [h.format(year=year) for h in _HEADER]
        rows = [head, *grid.rows]
        merged = [(r1 + 1, c1, r2 + 1, c2) for r1, c1, r2, c2 in grid.merged]
        table = read_grids([Grid(NAME, rows, merged)], SOURCE, year=year)
        # Row numbers in the notes count the pasted rows from 1 (the header added is row 1).
        notes = [ImportWarning(w.row - 1 if w.row else w.row, w.message) for w in table.warnings]
        if any(region.name == NO_REGION for region in table.regions):
            # Rows copied without their region row: say what the import does with them
            # (services.importer keeps a known country in its region) instead of the
            # file's note that the rows stand above the first region row.
            notes = [n for n in notes if NO_REGION not in n.message]
            notes.insert(
                0,
                ImportWarning(
                    None,
                    "строки вставлены без строки региона: страны, которые уже есть в базе, "
                    f"останутся в своих регионах, новые попадут в регион «{NO_REGION}»",
                ),
            )
        table.warnings = notes
        return Pasted(table=table)
    return _events(grid, year)


def _events(grid: Grid, year: int) -> Pasted:
    pasted = Pasted()
    width = max((len(row) for row in grid.rows), default=0)
    if width <= 1:
        # One column (or lines of text): read as one cell, so that a line in lower case
        # goes on with the one above, as in an events cell of the table.
        text = "\n".join(cell_text(row[0]) for row in grid.rows if row and row[0] is not None)
        pasted.events = _split(text, year, pasted.notes)
        return pasted
    for row in grid.rows:
        cells = ["" if v is None else cell_text(v).strip() for v in row]
        values = [c for c in cells if c]
        if not values:
            continue
        if 2 <= len(cells) <= 3 and not cells[0] and cells[1]:
            # (date, text[, agreement]) with no date: an undated event, as Ctrl+C copies one
            # (its agreement's title is no event of its own).
            event = EventText(date=EventDate(), text=" ".join(cells[1].split()))
            pasted.events.append(event)
            continue
        date = _date(values[0], year) if len(values) >= 2 else None
        if date is not None:
            # (date, text[, agreement]) as events_as_text writes them, or two columns typed so.
            event = EventText(date=date, text=" ".join(values[1].split()))
            pasted.events.append(event)
            _note(event, year, pasted.notes)
        else:
            pasted.events.extend(_split("\n".join(values), year, pasted.notes))
    return pasted


def _date(text: str, year: int) -> EventDate | None:
    """A date cell: its date; one that looks like a date but cannot exist («31.02»), kept as
    written; anything else is no date (the row is text)."""
    try:
        date = parse_event_date(text, year)
    except DateError:
        folded = " ".join(text.split())
        return EventDate.as_written(folded) if _LOOKS_LIKE_DATE.fullmatch(folded) else None
    return date if date.is_dated else None


def _split(text: str, year: int, notes: list[str]) -> list[EventText]:
    """The events of pasted text, by the table's rules; every date kept as written without
    being understood, and every date of another year, is named in the notes."""
    events = split_events(text, year)
    for event in events:
        _note(event, year, notes)
    return events


def _note(event: EventText, year: int, notes: list[str]) -> None:
    date, what = event.date, f"«{event.text}»" if event.text else "без текста"
    if date.not_understood:
        notes.append(
            f"дата «{date.written}» не распознана ({why_not_understood(date, year)}) — "
            f"сохранена как написана, мероприятие пока без даты: {what}"
        )
    elif (other := date.other_year(year)) is not None:
        notes.append(
            f"дата «{date.written}» — {other} год, мероприятие вставлено в {year} год: {what}"
        )


# --- copying out ---------------------------------------------------------------------------


def _tsv_cell(value: str) -> str:
    if any(ch in value for ch in '\t\n\r"'):
        return '"' + value.replace('"', '""') + '"'
    return value


def events_as_text(rows: Sequence[Sequence[str]]) -> str:
    """Rows of cells (date, text, agreement) as tab-separated text that Excel pastes as cells."""
    return "".join("\t".join(_tsv_cell(v) for v in row) + "\r\n" for row in rows)


def events_as_html(rows: Sequence[Sequence[str]]) -> str:
    """The same rows as an HTML table, for Word and for LibreOffice's paste."""
    from html import escape

    body = "".join(
        "<tr>" + "".join(f"<td>{escape(v).replace(chr(10), '<br>')}</td>" for v in row) + "</tr>"
        for row in rows
    )
    return f"<html><body><table>{body}</table></body></html>"
