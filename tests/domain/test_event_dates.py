"""The grammar of event dates (issue 15): every form staff write, at its precision, kept as written.

A table of forms with the ends and precision each must give; the impossible ones with the
message that names the problem; generated forms (any month, any day count, any dash, spaces,
«г.»/«года»/nothing) against ends computed here independently; and any text at all gives a
date or a DateError, never another exception.
"""

from __future__ import annotations

import calendar

import pytest
from hypothesis import given
from hypothesis import strategies as st

from spbgui.domain.dates import (
    DASH_CHARS,
    MONTHS_GENITIVE,
    MONTHS_NOMINATIVE,
    DateError,
    EventDate,
    Precision,
    format_event_date,
)
from spbgui.domain.event_dates import is_plain_form, parse_event_date
from spbgui.domain.events_text import join_events, split_events

DAY, MONTH = Precision.DAY, Precision.MONTH


@pytest.mark.parametrize(
    ("text", "start", "end", "precision"),
    [
        # numeric days, with or without the year, and their ranges
        ("15.03.2025", "2025-03-15", "2025-03-15", DAY),
        ("15.03", "2025-03-15", "2025-03-15", DAY),
        ("09.12.2025", "2025-12-09", "2025-12-09", DAY),
        ("9.12.25", "2025-12-09", "2025-12-09", DAY),
        ("15.03.2025 г.", "2025-03-15", "2025-03-15", DAY),
        ("4-5.06", "2025-06-04", "2025-06-05", DAY),
        ("28.02-02.03", "2025-02-28", "2025-03-02", DAY),
        ("29.01-16.02", "2025-01-29", "2025-02-16", DAY),
        ("10-11.04", "2025-04-10", "2025-04-11", DAY),
        ("28.02.2025 – 02.03.2025", "2025-02-28", "2025-03-02", DAY),
        ("28.02.2025—02.03.2025", "2025-02-28", "2025-03-02", DAY),
        ("28.12.2024 - 05.01.2025", "2024-12-28", "2025-01-05", DAY),
        ("28.12 – 05.01.2025", "2024-12-28", "2025-01-05", DAY),
        ("06.2025", "2025-06", "2025-06", MONTH),
        # word dates with a year
        ("12 мая 2025 г.", "2025-05-12", "2025-05-12", DAY),
        ("12 мая 2025 года", "2025-05-12", "2025-05-12", DAY),
        ("12 мая 2025г.", "2025-05-12", "2025-05-12", DAY),
        ("12 мая 2025", "2025-05-12", "2025-05-12", DAY),
        ("6 декабря 2025 года", "2025-12-06", "2025-12-06", DAY),
        ("4-5 июня 2025 г.", "2025-06-04", "2025-06-05", DAY),
        ("1-3 октября 2025 г.", "2025-10-01", "2025-10-03", DAY),
        ("29 января 2025 г. – 16 февраля 2025 г.", "2025-01-29", "2025-02-16", DAY),
        ("июнь 2025 г.", "2025-06", "2025-06", MONTH),
        ("декабрь 2024 – январь 2025", "2024-12", "2025-01", MONTH),
        # parts of a month: the month
        ("начало апреля", "2025-04", "2025-04", MONTH),
        ("середина июня", "2025-06", "2025-06", MONTH),
        ("конец июля", "2025-07", "2025-07", MONTH),
        ("Конец марта", "2025-03", "2025-03", MONTH),
        ("первая половина августа", "2025-08", "2025-08", MONTH),
        ("вторая половина августа", "2025-08", "2025-08", MONTH),
        ("в конце ноября 2025 г.", "2025-11", "2025-11", MONTH),
        # several days: first to last
        ("2 и 4 июля", "2025-07-02", "2025-07-04", DAY),
        ("5, 7 и 9 июня", "2025-06-05", "2025-06-09", DAY),
        ("1 и 3 октября", "2025-10-01", "2025-10-03", DAY),
        ("5, 7, 9 июня", "2025-06-05", "2025-06-09", DAY),
        ("3 и 1 октября", "2025-10-01", "2025-10-03", DAY),
        # quarters and halves: their months
        ("III квартал", "2025-07", "2025-09", MONTH),
        ("3 квартал", "2025-07", "2025-09", MONTH),
        ("3-й квартал 2025 г.", "2025-07", "2025-09", MONTH),
        ("IV квартал", "2025-10", "2025-12", MONTH),
        ("первый квартал", "2025-01", "2025-03", MONTH),
        ("1 полугодие", "2025-01", "2025-06", MONTH),
        ("I полугодие", "2025-01", "2025-06", MONTH),
        ("2 полугодие", "2025-07", "2025-12", MONTH),
        ("II полугодие 2025 года", "2025-07", "2025-12", MONTH),
        # the forms understood before stay as they are
        ("3-6 июля", "2025-07-03", "2025-07-06", DAY),
        ("29 января – 16 февраля", "2025-01-29", "2025-02-16", DAY),
        ("6 декабря", "2025-12-06", "2025-12-06", DAY),
        ("Июнь", "2025-06", "2025-06", MONTH),
        ("июнь-июль", "2025-06", "2025-07", MONTH),
    ],
)
def test_each_form_at_its_precision_kept_as_written(
    text: str, start: str, end: str, precision: Precision
) -> None:
    d = parse_event_date(text, 2025)
    assert (d.start_iso(), d.end_iso(), d.precision) == (start, end, precision)
    assert format_event_date(d) == text
    assert not d.not_understood
    # the same date where an event starts in a cell, with the text after the dash
    [event] = split_events(f"{text} – визит делегации.", 2025)
    assert (event.date, event.text) == (d, "визит делегации.")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("31.02.2025", "Нет такой даты: 31 февраля 2025 г."),
        ("31.02", "Нет такой даты: 31 февраля."),
        ("32 мая", "Нет такой даты: 32 мая."),
        ("13.13", "Нет такой даты: 13.13 — месяца 13 нет, их в году 12."),
        ("01.13.2025", "Нет такой даты: 01.13.2025 — месяца 13 нет, их в году 12."),
        ("29.02.2025", "Нет такой даты: 29 февраля 2025 г. — 2025 год не високосный."),
        ("30-31.04", "Нет такой даты: 31 апреля."),
        ("2 и 31 июня", "Нет такой даты: 31 июня."),
        ("05.03-01.03", "Конец периода (1 марта) раньше его начала (5 марта)."),
    ],
)
def test_impossible_dates_name_the_problem(text: str, message: str) -> None:
    with pytest.raises(DateError) as error:
        parse_event_date(text, 2025)
    assert str(error.value) == message


def test_a_date_of_another_year_is_kept_and_says_so() -> None:
    d = parse_event_date("09.12.2024", 2025)
    assert (d.start_iso(), d.written, d.other_year(2025)) == ("2024-12-09", "09.12.2024", 2024)
    assert parse_event_date("09.12.2025", 2025).other_year(2025) is None
    assert parse_event_date("28.12.2024 – 05.01.2025", 2025).other_year(2025) is None


def test_kept_as_written_is_undated_and_marked() -> None:
    d = EventDate.as_written("  весной,\n после выборов ")
    assert (d.is_dated, d.not_understood, d.precision) == (False, True, None)
    assert format_event_date(d) == "весной, после выборов"
    assert not EventDate().not_understood


def test_the_standard_form_needs_no_written_copy() -> None:
    assert parse_event_date("3-6 июля", 2025).written == ""
    assert parse_event_date("3 – 6 июля", 2025).written == "3 – 6 июля"
    assert is_plain_form("26 апреля-29 сентября") and is_plain_form("ИЮНЬ")
    assert not is_plain_form("III квартал") and not is_plain_form("3 июля 2025 г.")


# --- generated forms against ends computed here ----------------------------------------------

YEAR = 2025
DASHES = st.sampled_from(["-", "–", "—", " – ", " - ", " — ", "‑", " −  "])
SUFFIXES = st.sampled_from(["", " г.", " года", "г.", " г", " год"])


@st.composite
def numeric_forms(draw: st.DrawFn) -> tuple[str, str, str]:
    month = draw(st.integers(1, 12))
    last = calendar.monthrange(YEAR, month)[1]
    d1 = draw(st.integers(1, last))
    with_year = draw(st.booleans())
    pad = draw(st.booleans())

    def num(n: int) -> str:
        return f"{n:02d}" if pad else str(n)

    year = f".{YEAR}{draw(SUFFIXES)}" if with_year else ""
    kind = draw(st.sampled_from(["day", "days", "across"]))
    if kind == "day":
        return f"{num(d1)}.{num(month)}{year}", f"{YEAR}-{month:02d}-{d1:02d}", ""
    if kind == "days" and d1 < last:
        d2 = draw(st.integers(d1 + 1, last))
        text = f"{num(d1)}{draw(DASHES)}{num(d2)}.{num(month)}{year}"
        return text, f"{YEAR}-{month:02d}-{d1:02d}", f"{YEAR}-{month:02d}-{d2:02d}"
    m2 = draw(st.integers(month, 12))
    d2 = draw(st.integers(d1 if m2 == month else 1, calendar.monthrange(YEAR, m2)[1]))
    text = f"{num(d1)}.{num(month)}{draw(DASHES)}{num(d2)}.{num(m2)}{year}"
    return text, f"{YEAR}-{month:02d}-{d1:02d}", f"{YEAR}-{m2:02d}-{d2:02d}"


@st.composite
def word_forms(draw: st.DrawFn) -> tuple[str, str, str]:
    month = draw(st.integers(1, 12))
    last = calendar.monthrange(YEAR, month)[1]
    kind = draw(st.sampled_from(["day_year", "days_year", "several", "part", "quarter", "half"]))
    year = draw(st.sampled_from(["", f" {YEAR}"]))
    year = year + (draw(SUFFIXES) if year else "")
    genitive = MONTHS_GENITIVE[month - 1]
    if kind == "day_year":
        d = draw(st.integers(1, last))
        return f"{d} {genitive}{year or f' {YEAR}'}", f"{YEAR}-{month:02d}-{d:02d}", ""
    if kind == "days_year":
        d1 = draw(st.integers(1, last - 1))
        d2 = draw(st.integers(d1 + 1, last))
        text = f"{d1}{draw(DASHES)}{d2} {genitive}{year}"
        return text, f"{YEAR}-{month:02d}-{d1:02d}", f"{YEAR}-{month:02d}-{d2:02d}"
    if kind == "several":
        days = sorted(draw(st.sets(st.integers(1, last), min_size=2, max_size=5)))
        joined = ", ".join(map(str, days[:-1])) + draw(st.sampled_from([" и ", ", "]))
        text = f"{joined}{days[-1]} {genitive}{year}"
        return text, f"{YEAR}-{month:02d}-{days[0]:02d}", f"{YEAR}-{month:02d}-{days[-1]:02d}"
    if kind == "part":
        part = draw(
            st.sampled_from(["начало", "середина", "конец", "первая половина", "вторая половина"])
        )
        return f"{part} {genitive}{year}", f"{YEAR}-{month:02d}", ""
    roman = ["I", "II", "III", "IV"]
    if kind == "quarter":
        n = draw(st.integers(1, 4))
        numeral = draw(st.sampled_from([roman[n - 1], str(n), f"{n}-й"]))
        text = f"{numeral} {draw(st.sampled_from(['квартал', 'КВАРТАЛ']))}{year}"
        return text, f"{YEAR}-{3 * n - 2:02d}", f"{YEAR}-{3 * n:02d}"
    n = draw(st.integers(1, 2))
    numeral = draw(st.sampled_from([roman[n - 1], str(n)]))
    return f"{numeral} полугодие{year}", f"{YEAR}-{6 * n - 5:02d}", f"{YEAR}-{6 * n:02d}"


@given(st.one_of(numeric_forms(), word_forms()))
def test_generated_forms_give_their_ends_and_stay_as_written(case: tuple[str, str, str]) -> None:
    text, start, end = case
    d = parse_event_date(text, YEAR)
    assert (d.start_iso(), d.end_iso()) == (start, end or start)
    assert format_event_date(d) == " ".join(text.split())
    # and where an event starts, after a sentence of the event before
    cell = f"Визит. {text} – форум «Диалог»."
    first, second = split_events(cell, YEAR)
    assert first.text == "Визит." and second.date == d and second.text == "форум «Диалог»."
    # written back and read again: the same date, the same words
    assert split_events(join_events([second]), YEAR) == [second]


DATE_ALPHABET = st.sampled_from(
    list("0123456789.,-– и") + list(DASH_CHARS) + ["г.", "года", " ", "\n", "кв", "IV", "I"]
    + list(MONTHS_GENITIVE) + list(MONTHS_NOMINATIVE)
    + ["начало", "конец", "середина", "половина", "вторая", "квартал", "полугодие", "й"]
)  # fmt: skip


@given(st.one_of(st.text(max_size=40), st.lists(DATE_ALPHABET, max_size=12).map("".join)))
def test_any_text_is_a_date_or_a_clear_error(text: str) -> None:
    try:
        d = parse_event_date(text, YEAR)
    except DateError as exc:
        message = str(exc)
        assert message and message[0].isupper() and message.endswith(".")
        assert not any(w in message for w in ("Traceback", "None", "int(", "Error"))
    else:
        assert isinstance(d, EventDate)
        assert d.is_dated or not " ".join(text.split())
        if d.is_dated:
            assert d.start is not None and d.end is not None and d.start <= d.end
    # a cell of any text splits without raising, and keeps every date as written
    for event in split_events(f"{text} – текст", YEAR):
        assert isinstance(event.date, EventDate)
