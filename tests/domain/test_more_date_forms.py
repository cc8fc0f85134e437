"""Date forms a clerk types every day beyond issue 15's list: a range said in words
(«с 1 по 3 марта»), and a day as other programs write it («2024-07-12», «12/07/2024»).
Each is read at its precision, kept as written, and starts an event in a table's cell."""

from __future__ import annotations

import pytest

from spbgui.domain.dates import DateError
from spbgui.domain.event_dates import parse_event_date
from spbgui.domain.events_text import split_events


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("с 1 по 3 марта", "2024-03-01", "2024-03-03"),
        ("С 28 февраля по 2 марта", "2024-02-28", "2024-03-02"),
        ("с 28 февраля по 2 марта 2025 г.", "2025-02-28", "2025-03-02"),
        ("с 30 декабря 2023 по 2 января 2024", "2023-12-30", "2024-01-02"),
        ("с 1.03 по 3.03", "2024-03-01", "2024-03-03"),
        ("с 28.02.2024 по 02.03.2024", "2024-02-28", "2024-03-02"),
        ("с июня по август", "2024-06", "2024-08"),
        ("с декабря 2023 по февраль 2024", "2023-12", "2024-02"),
        ("2024-07-12", "2024-07-12", "2024-07-12"),
        ("12/07/2024", "2024-07-12", "2024-07-12"),
        ("12/07/24", "2024-07-12", "2024-07-12"),
        ("  с 1  по 3   марта ", "2024-03-01", "2024-03-03"),
    ],
)
def test_the_form_is_read_at_its_precision_and_kept_as_written(
    text: str, start: str, end: str
) -> None:
    date = parse_event_date(text, 2024)
    assert (date.start_iso(), date.end_iso()) == (start, end)
    assert date.written == " ".join(text.split())


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("с 1 по 31 февраля", "Нет такой даты: 31 февраля"),
        ("2024-02-30", "Нет такой даты: 30 февраля 2024 г."),
        ("31/02/2024", "Нет такой даты: 31 февраля 2024 г."),
        ("2024-13-01", "месяца 13 нет"),
    ],
)
def test_an_impossible_one_names_the_problem(text: str, problem: str) -> None:
    with pytest.raises(DateError, match=problem):
        parse_event_date(text, 2024)


def test_in_a_cell_each_starts_an_event() -> None:
    cell = "с 1 по 3 марта – неделя культуры. 2024-07-12 – визит. 12/07/2024 – форум"
    events = split_events(cell, 2024)
    assert [(e.date.written, e.text) for e in events] == [
        ("с 1 по 3 марта", "неделя культуры."),
        ("2024-07-12", "визит."),
        ("12/07/2024", "форум"),
    ]
