"""A title or a note taller than an Excel row may be, in the exported table.

A row is at most 409 points tall, in Excel and in LibreOffice: the rest of a taller
cell is cut off on screen and on paper. The events cell went on in the next rows
already; a long agreement title (a 3,000-character basis of cooperation pasted from
the agreement itself) or note did not, and was printed cut off in the middle of a
sentence. They go on in the next rows the same way, and read back whole.
"""

from __future__ import annotations

import random
from pathlib import Path

import openpyxl

from spbgui.domain.dates import EventDate, PartialDate
from spbgui.domain.events_text import EventText
from spbgui.io.table.records import (
    ParsedTable,
    TableAgreement,
    TableCountry,
    TablePartner,
    TableRegion,
)
from spbgui.io.xlsx.read import read_table
from spbgui.io.xlsx_writer.styles import MAX_LINES, MAX_ROW_PT, lines_needed
from spbgui.io.xlsx_writer.table_sheet import WIDTHS
from spbgui.io.xlsx_writer.workbook import write_table

WORDS = (
    "сотрудничество в области культуры образования науки туризма молодёжной политики "
    "визит делегации Санкт-Петербурга подписание меморандума о взаимопонимании "
    "научно-технического социально- экономического"
).split()


def _text(first: str, chars: int, seed: int) -> str:
    rng = random.Random(seed)
    words = [first]
    while sum(len(w) + 1 for w in words) < chars:
        words.append(rng.choice(WORDS))
    return " ".join(words) + "."


def _table(title: str, note: str, events: int = 2) -> ParsedTable:
    agreement = TableAgreement(
        title,
        [PartialDate(2006)],
        note,
        [
            EventText(EventDate(PartialDate(2024, 1 + n % 12, 1 + n % 28)), f"Визит № {n}.")
            for n in range(events)
        ],
        row=0,
    )
    other = TableAgreement("Соглашение о дружбе", [PartialDate(2010)], "", [], row=1)
    return ParsedTable(
        year=2024,
        regions=[
            TableRegion(
                "Европа",
                [
                    TableCountry(
                        "Франция",
                        [
                            TablePartner("Лион", agreements=[agreement]),
                            TablePartner("Ницца", agreements=[other]),
                        ],
                    )
                ],
            )
        ],
    )


def _nothing_cut_off(path: Path) -> None:
    ws = openpyxl.load_workbook(path).worksheets[0]
    widths = dict(enumerate(WIDTHS))
    for row in ws.iter_rows(min_row=3):
        height = ws.row_dimensions[row[0].row].height
        assert height is None or height <= MAX_ROW_PT
        for col, cell in enumerate(row):
            if isinstance(cell.value, str):
                need = lines_needed(cell.value, widths[col])
                assert need <= MAX_LINES, f"{cell.coordinate}: {need} lines in a row of {height}"


def test_a_long_title_goes_on_in_the_next_rows_and_reads_back(tmp_path: Path) -> None:
    title = _text("Соглашение", 5000, 1)
    table = _table(title, "")
    path = tmp_path / "t.xlsx"
    assert write_table(table, path).warnings == []
    _nothing_cut_off(path)
    for engine in ("calamine", "openpyxl"):
        lyon, nice = read_table(path, engine=engine).regions[0].countries[0].partners
        assert [a.title for a in lyon.agreements] == [title]
        assert [e.text for e in lyon.agreements[0].events] == ["Визит № 0.", "Визит № 1."]
        assert [a.title for a in nice.agreements] == ["Соглашение о дружбе"]


def test_a_long_note_and_many_events_go_on_together(tmp_path: Path) -> None:
    title = _text("Соглашение", 2500, 2)
    note = _text("Продлено", 4000, 3)
    table = _table(title, note, events=120)
    path = tmp_path / "t.xlsx"
    assert write_table(table, path).warnings == []
    _nothing_cut_off(path)
    back = read_table(path).regions[0].countries[0].partners[0].agreements
    assert [(a.title, a.note) for a in back] == [(title, note)]
    assert back[0].events == table.regions[0].countries[0].partners[0].agreements[0].events
