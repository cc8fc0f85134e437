"""Partial dates and event dates: every form staff write, round trips, and refusals."""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from spbgui.domain.dates import (
    MONTHS_GENITIVE,
    MONTHS_NOMINATIVE,
    DateError,
    EventDate,
    PartialDate,
    Precision,
    format_agreement_dates,
    format_event_date,
    month_number,
    parse_agreement_dates,
    parse_event_date,
)


def assert_russian(error: pytest.ExceptionInfo[DateError]) -> str:
    """A clerk reads this message: Russian words, nothing English, no Python internals."""
    message = str(error.value)
    assert re.search(r"[а-яё]{3}", message, re.IGNORECASE), message
    assert not re.search(r"[A-Za-z]", message), message
    return message


def last_day(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


# --- strategies --------------------------------------------------------------------------

years = st.integers(1, 9999)


@st.composite
def partial_dates(draw: st.DrawFn, year: st.SearchStrategy[int] = years) -> PartialDate:
    y = draw(year)
    precision = draw(st.sampled_from(Precision))
    if precision is Precision.YEAR:
        return PartialDate(y)
    m = draw(st.integers(1, 12))
    if precision is Precision.MONTH:
        return PartialDate(y, m)
    return PartialDate(y, m, draw(st.integers(1, last_day(y, m))))


@st.composite
def day_in(draw: st.DrawFn, year: int, month: int, low: int = 1) -> PartialDate:
    return PartialDate(year, month, draw(st.integers(low, last_day(year, month))))


@st.composite
def event_dates(draw: st.DrawFn, year: int) -> EventDate:
    """Every kind of event date: a day, days in a month, days across months, month(s), none."""
    kind = draw(st.sampled_from(["day", "days", "across", "month", "months", "undated"]))
    if kind == "undated":
        return EventDate()
    if kind in ("month", "months"):
        first = draw(st.integers(1, 12 if kind == "month" else 11))
        last = first if kind == "month" else draw(st.integers(first + 1, 12))
        return EventDate(PartialDate(year, first), PartialDate(year, last))
    if kind == "across":
        first = draw(st.integers(1, 11))
        start = draw(day_in(year, first))
        return EventDate(start, draw(day_in(year, draw(st.integers(first + 1, 12)))))
    month = draw(st.integers(1, 12))
    if kind == "day":
        start = draw(day_in(year, month))
        return EventDate(start, start)
    # a range of days within one month: the last day cannot start it
    start = PartialDate(year, month, draw(st.integers(1, last_day(year, month) - 1)))
    return EventDate(start, draw(day_in(year, month, low=start.day + 1)))


@st.composite
def year_and_event_date(draw: st.DrawFn) -> tuple[int, EventDate]:
    year = draw(years)
    return year, draw(event_dates(year))


# --- PartialDate -------------------------------------------------------------------------


@given(partial_dates())
def test_iso_round_trip(d: PartialDate) -> None:
    assert PartialDate.from_iso(d.iso()) == d
    assert (
        d.precision
        is {1: Precision.YEAR, 2: Precision.MONTH, 3: Precision.DAY}[len(d.iso().split("-"))]
    )


@pytest.mark.parametrize(
    ("d", "iso", "precision"),
    [
        (PartialDate(2006), "2006", Precision.YEAR),
        (PartialDate(2017, 6), "2017-06", Precision.MONTH),
        (PartialDate(2015, 12, 16), "2015-12-16", Precision.DAY),
        (PartialDate(988), "0988", Precision.YEAR),
    ],
)
def test_iso_examples(d: PartialDate, iso: str, precision: Precision) -> None:
    assert d.iso() == iso
    assert d.precision is precision
    assert PartialDate.from_iso(iso) == d


@pytest.mark.parametrize("text", ["", "06", "2017-6", "2017-06-1", "2017/06", "2017-13", "июнь"])
def test_from_iso_refuses(text: str) -> None:
    with pytest.raises(DateError) as error:
        PartialDate.from_iso(text)
    assert_russian(error)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((2023, 6, 31), "Нет такой даты: 31 июня."),
        ((2023, 2, 30), "Нет такой даты: 30 февраля."),
        ((2023, 2, 29), "Нет такой даты: 29 февраля 2023 г. — 2023 год не високосный."),
        ((2023, 13), "Месяц 13 не существует."),
        ((2023, 0), "Месяц 0 не существует."),
        ((2023, 6, 0), "Нет такой даты: 0 июня."),
        ((2023, None, 5), "В дате указан день, но не указан месяц."),
        ((0,), "Год 0 вне допустимых пределов: от 1 до 9999."),
        ((10000,), "Год 10000 вне допустимых пределов: от 1 до 9999."),
    ],
)
def test_partial_date_refuses_what_does_not_exist(args: tuple, message: str) -> None:
    with pytest.raises(DateError) as error:
        PartialDate(*args)
    assert assert_russian(error) == message


@pytest.mark.parametrize("args", [(True,), (2024.0,), (2024, "6"), (2024, 6, 1.0)])
def test_partial_date_wants_integers(args: tuple) -> None:
    with pytest.raises(DateError) as error:
        PartialDate(*args)
    assert_russian(error)


def test_leap_day() -> None:
    assert PartialDate(2024, 2, 29).iso() == "2024-02-29"
    assert PartialDate(2000, 2, 29).iso() == "2000-02-29"
    with pytest.raises(DateError):
        PartialDate(1900, 2, 29)


@given(st.integers(1, 9999), st.integers(1, 12), st.data())
def test_days_past_the_month_are_refused_never_shifted(
    year: int, month: int, data: st.DataObject
) -> None:
    day = data.draw(st.sampled_from([0, *range(last_day(year, month) + 1, 33)]))
    with pytest.raises(DateError) as error:
        PartialDate(year, month, day)
    assert assert_russian(error).startswith("Нет такой даты:")
    with pytest.raises(DateError):
        parse_event_date(f"{day} {MONTHS_GENITIVE[month - 1]}", year)
    with pytest.raises(DateError):
        parse_agreement_dates(f"{day:02d}.{month:02d}.{year:04d}")
    with pytest.raises(DateError):
        parse_agreement_dates(f"{day} {MONTHS_GENITIVE[month - 1]} {year:04d} г.")


@given(st.integers(13, 99))
def test_months_past_december_are_refused(month: int) -> None:
    for text in (f"01.{month}.2020", f"{month}.2020"):
        with pytest.raises(DateError) as error:
            parse_agreement_dates(text)
        assert assert_russian(error) == f"Месяц {month} не существует."


@given(partial_dates(), partial_dates())
def test_order_is_by_time_with_the_coarser_date_first(a: PartialDate, b: PartialDate) -> None:
    def key(d: PartialDate) -> tuple[int, int, int]:
        return (d.year, d.month or 0, d.day or 0)

    assert (a < b) == (key(a) < key(b))
    assert (a == b) == (key(a) == key(b)) == (hash(a) == hash(b) and a.iso() == b.iso())


def test_order_examples() -> None:
    dates = [PartialDate(2006, 1, 1), PartialDate(2007), PartialDate(2006), PartialDate(2006, 1)]
    assert [d.iso() for d in sorted(dates)] == ["2006", "2006-01", "2006-01-01", "2007"]
    assert PartialDate(2006) != PartialDate(2006, 1)
    assert len({PartialDate(2006, 6), PartialDate(2006, 6)}) == 1


# --- spreadsheet cells -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "isos"),
    [
        (None, []),
        (datetime(2005, 12, 9), ["2005-12-09"]),
        (datetime(2005, 12, 9, 13, 30), ["2005-12-09"]),
        (date(2004, 2, 20), ["2004-02-20"]),
        (2006, ["2006"]),
        (2006.0, ["2006"]),
        (38695, ["2005-12-09"]),  # a date cell that lost its format: Excel's serial day
        (38695.0, ["2005-12-09"]),
        (38695.75, ["2005-12-09"]),
        ("2009, 2024", ["2009", "2024"]),
        ("18.02.2004, 2011", ["2004-02-18", "2011"]),
        ("", []),
        ("  ", []),
    ],
)
def test_from_cell(value: object, isos: list[str]) -> None:
    assert [d.iso() for d in PartialDate.from_cell(value)] == isos


@pytest.mark.parametrize(
    "value", [True, 0, 500, 2006.5, -38695, float("nan"), float("inf"), 3e6, object(), "вчера"]
)
def test_from_cell_refuses(value: object) -> None:
    with pytest.raises(DateError) as error:
        PartialDate.from_cell(value)
    assert str(error.value).startswith("Не удалось понять дату")


@given(st.dates(min_value=date(1927, 5, 19), max_value=date(9999, 12, 31)))
def test_excel_serials_and_real_dates_are_days(d: date) -> None:
    serial = (d - date(1899, 12, 30)).days
    assert serial > 9999  # never mistaken for a year
    assert PartialDate.from_cell(serial) == [PartialDate(d.year, d.month, d.day)]
    assert PartialDate.from_cell(datetime(d.year, d.month, d.day)) == PartialDate.from_cell(d)
    assert date(1899, 12, 30) + timedelta(days=serial) == d


# --- the agreements' date column -----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "isos"),
    [
        # every form of TABLE_RULES.md «Dates of agreements» and of the 2024 table
        ("09.12.2005", ["2005-12-09"]),
        ("2006", ["2006"]),
        ("16 декабря 2015 г.", ["2015-12-16"]),
        ("июнь 2017 г.", ["2017-06"]),
        ("21 ноября 2014", ["2014-11-21"]),
        ("2009, 2024", ["2009", "2024"]),
        ("18.02.2004, 2011", ["2004-02-18", "2011"]),
        ("сентябрь 2021 г.", ["2021-09"]),
        ("август 2017 г.", ["2017-08"]),
        ("декабрь 2017", ["2017-12"]),
        ("1991, 1999", ["1991", "1999"]),
        # tolerated variants
        ("", []),
        ("Июня 2017 года", ["2017-06"]),
        ("ИЮНЬ 2017Г.", ["2017-06"]),
        ("2006 г.", ["2006"]),
        ("2006 год", ["2006"]),
        ("9.1.2005", ["2005-01-09"]),
        ("06.2017", ["2017-06"]),
        ("2009; 2024", ["2009", "2024"]),
        (" 2009 ,\u00a0 16\u00a0декабря 2015 г., ", ["2009", "2015-12-16"]),
    ],
)
def test_agreement_dates(text: str, isos: list[str]) -> None:
    assert [d.iso() for d in parse_agreement_dates(text)] == isos


@pytest.mark.parametrize(
    "text", ["вчера", "июнь", "6 сентября", "17", "2017-06", "12.2005.1", "2006 и 2007", "Q3 2020"]
)
def test_unreadable_agreement_dates_are_refused(text: str) -> None:
    with pytest.raises(DateError) as error:
        parse_agreement_dates(text)
    message = str(error.value)
    assert message.startswith("Не удалось понять дату «")
    assert message.endswith("Пишите, например: 09.12.2005, июнь 2017 г., 2006.")


def test_format_agreement_dates() -> None:
    dates = [PartialDate(2005, 12, 9), PartialDate(2017, 6), PartialDate(2006)]
    assert format_agreement_dates(dates) == "09.12.2005, июнь 2017 г., 2006"
    assert format_agreement_dates([]) == ""


# Typed agreement dates are of the tables' years (1900-2100): others are typos, refused.
@given(st.lists(partial_dates(st.integers(1900, 2100)), max_size=5))
def test_agreement_dates_round_trip(dates: list[PartialDate]) -> None:
    assert parse_agreement_dates(format_agreement_dates(dates)) == dates


# --- the events' dates -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "start", "end", "standard"),
    [
        # every form of TABLE_RULES.md «Events» and of the 2024 table
        ("3-6 июля", "2024-07-03", "2024-07-06", "3-6 июля"),
        ("3 – 6 июля", "2024-07-03", "2024-07-06", "3-6 июля"),
        ("29 января – 16 февраля", "2024-01-29", "2024-02-16", "29 января – 16 февраля"),
        ("26 апреля-29 сентября", "2024-04-26", "2024-09-29", "26 апреля – 29 сентября"),
        ("28 ноября - 1 декабря", "2024-11-28", "2024-12-01", "28 ноября – 1 декабря"),
        ("26 июня - 4 июля", "2024-06-26", "2024-07-04", "26 июня – 4 июля"),
        ("6 декабря", "2024-12-06", "2024-12-06", "6 декабря"),
        ("10 октября", "2024-10-10", "2024-10-10", "10 октября"),
        ("25 октябрь", "2024-10-25", "2024-10-25", "25 октября"),
        ("Июнь", "2024-06", "2024-06", "Июнь"),
        ("июнь-июль", "2024-06", "2024-07", "Июнь – июль"),
        ("Июнь – июль", "2024-06", "2024-07", "Июнь – июль"),
        # any case form, any dash, odd spacing
        ("13-18 мая", "2024-05-13", "2024-05-18", "13-18 мая"),
        ("1 МАЯ", "2024-05-01", "2024-05-01", "1 мая"),
        ("май", "2024-05", "2024-05", "Май"),
        ("3—6 июля", "2024-07-03", "2024-07-06", "3-6 июля"),
        ("  29\u00a0февраля ", "2024-02-29", "2024-02-29", "29 февраля"),
        ("03-06 июля", "2024-07-03", "2024-07-06", "3-6 июля"),
        ("3 июля – 6 июля", "2024-07-03", "2024-07-06", "3-6 июля"),
    ],
)
def test_event_dates(text: str, start: str, end: str, standard: str) -> None:
    """Each form at its ends; shown as written; the standard form of the ends reads back."""
    d = parse_event_date(text, 2024)
    assert (d.start_iso(), d.end_iso()) == (start, end)
    assert d.is_dated
    assert format_event_date(d) == " ".join(text.split())
    assert format_event_date(EventDate(d.start, d.end)) == standard
    back = parse_event_date(standard, 2024)
    assert (back.start, back.end, back.written) == (d.start, d.end, "")


@pytest.mark.parametrize("text", ["", "   ", "\n"])
def test_an_empty_event_date_is_an_undated_item(text: str) -> None:
    d = parse_event_date(text, 2024)
    assert d == EventDate()
    assert not d.is_dated
    assert d.precision is None
    assert (d.start_iso(), d.end_iso()) == (None, None)
    assert format_event_date(d) == ""


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("31 июня", "Нет такой даты: 31 июня."),
        ("30-31 июня", "Нет такой даты: 31 июня."),
        ("29 февраля", "Нет такой даты: 29 февраля 2023 г. — 2023 год не високосный."),
        ("0 мая", "Нет такой даты: 0 мая."),
        ("6-3 июля", "Конец периода (3 июля) раньше его начала (6 июля)."),
        ("1 декабря – 28 ноября", "Конец периода (28 ноября) раньше его начала (1 декабря)."),
        ("июль-июнь", "Конец периода (июнь) раньше его начала (июль)."),
    ],
)
def test_impossible_event_dates_are_refused(text: str, message: str) -> None:
    with pytest.raises(DateError) as error:
        parse_event_date(text, 2023)
    assert assert_russian(error) == message


@pytest.mark.parametrize(
    "text", ["завтра", "75-й", "№ 1", "2-го", "3-6", "13", "июля 3", "3 июля –", "5 квартал"]
)
def test_unreadable_event_dates_are_refused(text: str) -> None:
    with pytest.raises(DateError) as error:
        parse_event_date(text, 2024)
    message = str(error.value)
    assert message.startswith("Не удалось понять дату «")
    assert "Пишите, например: 3-6 июля" in message


@given(year_and_event_date())
def test_event_date_round_trip(year_and_date: tuple[int, EventDate]) -> None:
    year, d = year_and_date
    assert parse_event_date(format_event_date(d), year) == d


@given(partial_dates(), partial_dates())
def test_event_date_invariants(a: PartialDate, b: PartialDate) -> None:
    """Any two dates make an event date exactly when they are an ordered range of the
    same year and the same precision, a day or a month."""
    valid = (
        a.precision is b.precision
        and a.precision is not Precision.YEAR
        and a.year == b.year
        and a <= b
    )
    if valid:
        d = EventDate(a, b)
        assert (d.start, d.end, d.precision) == (a, b, a.precision)
    else:
        with pytest.raises(DateError) as error:
            EventDate(a, b)
        assert_russian(error)


def test_event_date_of_one_day_or_month() -> None:
    day = PartialDate(2024, 10, 10)
    assert EventDate(day) == EventDate(day, day)
    assert EventDate(day).precision is Precision.DAY
    assert EventDate(PartialDate(2024, 6)).precision is Precision.MONTH
    with pytest.raises(DateError) as error:
        EventDate(None, day)
    assert_russian(error)
    with pytest.raises(DateError) as error:
        EventDate(PartialDate(2024))
    assert_russian(error)


def test_month_names() -> None:
    assert [month_number(n) for n in MONTHS_NOMINATIVE] == list(range(1, 13))
    assert [month_number(n) for n in MONTHS_GENITIVE] == list(range(1, 13))
    assert [month_number(w) for w in ("Июне", "МАЕМ", "мартом", "августе", "ма", "маи")] == [
        6,
        5,
        3,
        8,
        None,
        None,
    ]
