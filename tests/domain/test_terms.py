"""An agreement's term read from its title; status, ages and round anniversaries."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from spbgui.domain.dates import PartialDate
from spbgui.domain.terms import (
    EXPIRED,
    IN_FORCE,
    RENEWED,
    Term,
    age,
    anniversary,
    ends_within,
    status,
    term_from_title,
)

Y = PartialDate


@pytest.mark.parametrize(
    ("title", "term", "text"),
    [
        (
            "«Дорожная карта» … Республикой Сербской на 2021- 2023 гг.",
            Term(Y(2021), Y(2023)),
            "на 2021–2023 гг.",
        ),
        (
            "План мероприятий … областях на 2024-2028 годы.",
            Term(Y(2024), Y(2028)),
            "на 2024–2028 гг.",
        ),
        ("Программа на период 2022 – 2024 годов", Term(Y(2022), Y(2024)), "на 2022–2024 гг."),
        ("План на 2025 год", Term(Y(2025), Y(2025)), "на 2025 г."),
        ("Соглашение действует до 31.12.2026", Term(None, Y(2026, 12, 31)), "до 31.12.2026"),
        ("Меморандум до 2030 г.", Term(None, Y(2030)), "до 2030 г."),
        ("Программа на 2019 – 2021 гг.", Term(Y(2019), Y(2021)), "на 2019–2021 гг."),
    ],
)
def test_term_stated_in_the_title_is_read(title: str, term: Term, text: str) -> None:
    assert term_from_title(title) == term
    assert term.text() == text


@pytest.mark.parametrize(
    "title",
    [
        "Соглашение о партнёрстве",
        "Соглашение о сотрудничестве 2009",
        "Протокол № 2021",
        "Программа на 2023-2021 гг.",  # backwards: not a term
        "до 31.02.2026",  # no such day
        "",
    ],
)
def test_title_without_a_term_gives_none(title: str) -> None:
    assert term_from_title(title) is None


def test_status_follows_the_term_unless_set() -> None:
    end = Y(2023)
    assert status(end, None, dt.date(2023, 12, 31)) == IN_FORCE
    assert status(end, None, dt.date(2024, 1, 1)) == EXPIRED
    assert status(end, RENEWED, dt.date(2030, 1, 1)) == RENEWED
    assert status(None, None, dt.date(2030, 1, 1)) is None
    assert status(Y(2024, 2), None, dt.date(2024, 2, 29)) == IN_FORCE  # the month's last day


def test_ends_within_months() -> None:
    today = dt.date(2025, 6, 1)
    assert ends_within(Y(2025, 11, 30), today, 6)
    assert not ends_within(Y(2025, 12, 31), today, 6)
    assert ends_within(Y(2025), today, 7)
    assert not ends_within(Y(2025, 5, 31), today, 6)  # already over: expired, not «ending»
    assert not ends_within(None, today, 6)


def test_age_and_anniversary() -> None:
    assert age(Y(2004, 6, 2), dt.date(2024, 6, 1)) == 19
    assert age(Y(2004, 6, 2), dt.date(2024, 6, 2)) == 20
    assert age(Y(2004), dt.date(2024, 1, 1)) == 20
    assert anniversary(Y(2005, 12, 9), 2025) == 20
    assert anniversary(Y(1990), 2025) == 35
    assert anniversary(Y(2024), 2025) is None
    assert anniversary(Y(2025), 2025) is None  # signed this year: no anniversary yet
    assert anniversary(Y(2020), 2025, step=10) is None


@given(st.integers(1900, 2100), st.integers(1900, 2100))
def test_range_in_a_title_round_trips_through_its_text(first: int, last: int) -> None:
    term = term_from_title(f"План на {first}-{last} гг.")
    if first <= last:
        assert term == Term(Y(first), Y(last))
        assert term_from_title("План " + term.text()) == term
    else:
        assert term is None
