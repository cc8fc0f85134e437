"""The row reader reads each distinct events paragraph once: the same as splitting whole cells.

RowReader remembers what each paragraph of an events cell gave (its events and
the warnings on their dates) and reuses it in later rows (issue 17: a 20,000-row
table repeats its event lines). Whatever the cells hold — dates of every form,
impossible ones, <p> tags (stray and half-open ones too), line breaks, page-break
lower-case continuations — the events and warnings of every row must be exactly
those of :func:`split_events` run on the whole cell, in the same order.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from spbgui.domain.events_text import EventText, split_events
from spbgui.io.table.grid import Grid
from spbgui.io.table.header import find_header
from spbgui.io.table.records import ImportWarning
from spbgui.io.table.rows import RowReader

HEADER = [
    "Страна",
    "Город",
    "Основание для сотрудничества",
    "Год подписания",
    "Мероприятия в 2024 году",
]

PIECES = [
    "3-6 июля – ",
    "12 мая 2025 г. – ",
    "28.12.2023 – 05.01.2024 – ",
    "31.02 – ",
    "32 мая – ",
    "Июнь – ",
    "начало апреля – ",
    "III квартал – ",
    "2 и 4 июля – ",
    "визит делегации",
    " в Санкт-Петербург",
    "Форум",
    ". ",
    "» ",
    "\n",
    "\r\n",
    "  ",
    "\u00a0",
    "<p>",
    "</p>",
    "<p",
    "x>",
    " class='a'>",
    "<br>",
    "<br",
    " />",
    "научно-",
    "техническом",
]

cells = st.lists(st.sampled_from(PIECES), min_size=1, max_size=12).map("".join)


def _read(events_cells: list[str]) -> RowReader:
    rows: list[list[object]] = [HEADER]
    for i, cell in enumerate(events_cells):
        rows.append(["Сербия", f"Город {i % 3}", "Соглашение", 2001, cell])
    grid = Grid("Лист1", rows)
    header, _found = find_header(grid)
    assert header is not None
    return RowReader(grid, header, 2024, lambda _done: None)


def _whole_cell(
    reader: RowReader, number: int, cell: str | None
) -> tuple[list[EventText], list[ImportWarning]]:
    """What the reader did before it remembered paragraphs: split_events of the whole cell."""
    events: list[EventText] = []
    notes: list[ImportWarning] = []
    for event in split_events(cell, 2024) if cell is not None else []:
        text = event.text
        if "  " in text or text[:1].isspace() or text[-1:].isspace() or "\n" in text:
            event = EventText(date=event.date, text=" ".join(text.split()))
        if event.text or event.date.written:
            note = reader._date_note(event)
            if note:
                notes.append(ImportWarning(number, note))
            events.append(event)
    return events, notes


@settings(max_examples=300, deadline=None)
@given(st.lists(cells, min_size=1, max_size=8))
def test_paragraphs_read_once_give_what_the_whole_cell_gives(events_cells: list[str]) -> None:
    reader = _read(events_cells)
    # The cache is warm from the rows above when a later row is read: read each row
    # twice in turn, then compare with a fresh reader that splits whole cells.
    whole = _read(events_cells)
    for row, same_row in zip(reader.rows, whole.rows, strict=True):
        for _twice in range(2):
            before = len(reader.table.warnings)
            got = reader._events(row)
            notes = reader.table.warnings[before:]
            before = len(whole.table.warnings)
            cell = str(same_row.events) if same_row.events is not None else None
            want, want_notes = _whole_cell(whole, row.number, cell)
            assert got == want
            assert notes == want_notes


def test_a_small_paragraph_memory_gives_the_same_table(fixture_xlsx, monkeypatch) -> None:
    """The reader forgets its remembered paragraphs every PARAGRAPHS_KEPT (memory): the table
    read with room for two is the one read with room for all."""
    from spbgui.io.table import rows
    from spbgui.io.xlsx.read import read_table

    whole = read_table(fixture_xlsx)
    monkeypatch.setattr(rows, "PARAGRAPHS_KEPT", 2)
    assert read_table(fixture_xlsx) == whole
