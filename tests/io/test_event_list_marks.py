"""Events a clerk numbered or bulleted in the cell: «1. 15 марта – визит», «- 17 марта – форум».

A number before the date made an undated event «1.» of its own and left the
date to start the next; a bullet («-», «•») hid the date altogether, so the
event came in undated with the bullet and the date in its text. A list mark
in front of a dated event is a list mark; text that merely starts with a
number («1. Подписано соглашение…») is kept as it is.
"""

from __future__ import annotations

import pytest

from spbgui.io.sources import read_file

MARKS = ["1. ", "1) ", "- ", "– ", "• ", "· "]


@pytest.mark.parametrize("mark", MARKS)
def test_a_marked_list_of_events(tmp_path, write_rows, header_row, mark) -> None:
    second = mark.replace("1", "2")
    cell = f"{mark}15 марта – визит делегации\n{second}17-18 апреля – форум"
    path = write_rows(
        tmp_path / "list.xlsx",
        [
            header_row(2025),
            ["ЕВРОПА"],
            ["Венгрия", "Будапешт", "Соглашение", "2015", cell],
        ],
    )
    (agreement,) = read_file(path).regions[0].countries[0].partners[0].agreements
    got = [(e.date.start.iso() if e.date.start else None, e.text) for e in agreement.events]
    assert got == [("2025-03-15", "визит делегации"), ("2025-04-17", "форум")]


def test_a_number_before_plain_text_stays(tmp_path, write_rows, header_row) -> None:
    cell = "1. Подписано соглашение о побратимстве\n2) Ведется работа по установке памятника"
    path = write_rows(
        tmp_path / "text.xlsx",
        [header_row(2025), ["ЕВРОПА"], ["Венгрия", "Будапешт", "Соглашение", "2015", cell]],
    )
    (agreement,) = read_file(path).regions[0].countries[0].partners[0].agreements
    assert [e.text for e in agreement.events] == [
        "1. Подписано соглашение о побратимстве",
        "2) Ведется работа по установке памятника",
    ]
