"""Splitting an events cell into events: the 2024 table, the reading rules, and properties."""

from __future__ import annotations

import calendar
import json
import re
from collections import Counter
from pathlib import Path

import openpyxl
import pytest
from hypothesis import given
from hypothesis import strategies as st

from spbgui.domain.dates import (
    MONTHS_GENITIVE,
    MONTHS_NOMINATIVE,
    EventDate,
    PartialDate,
    format_event_date,
    month_number,
)
from spbgui.domain.events_text import (
    EventText,
    join_continuation,
    join_events,
    paragraphs,
    split_events,
    why_not_understood,
)

FIXTURES = Path(__file__).resolve().parents[1] / "data"


# --- the 2024 table ----------------------------------------------------------------------


def read_fixture_rows() -> list[tuple[object, str]]:
    """(dates cell, events cell) of each agreement of the 2024 spreadsheet, in order.

    Region rows (capitals in the first cell only) are skipped; a continuation row (no
    country, no city, no date: the rest of cells that a page break split) has its events
    text appended to the nearest non-empty events cell above, as TABLE_RULES.md rule 5 says.
    """
    sheet = openpyxl.load_workbook(FIXTURES / "cooperation_2024.xlsx", read_only=True).active
    rows = [row[:5] for row in sheet.iter_rows(values_only=True)]
    header = next(i for i, row in enumerate(rows) if row[0] == "Страна")
    assert rows[header][4] == "Основные мероприятия в 2024 году"
    agreements: list[list] = []
    last_with_events: int | None = None
    for country, city, title, dates, events in rows[header + 1 :]:
        if isinstance(country, str) and country.isupper() and not (city or title or dates):
            continue  # a region row
        if country is None and city is None and dates is None:
            if events:
                assert last_with_events is not None
                above = agreements[last_with_events][1]
                agreements[last_with_events][1] = join_continuation(above, events)
            continue
        agreements.append([dates, events or ""])
        if events:
            last_with_events = len(agreements) - 1
    return [(dates, events) for dates, events in agreements]


@pytest.fixture(scope="module")
def table() -> tuple[list[tuple[object, str]], dict]:
    expected = json.loads((FIXTURES / "cooperation_2024.expected.json").read_text("utf-8"))
    return read_fixture_rows(), expected


def test_fixture_events_match_the_expected_import(table) -> None:
    rows, expected = table
    assert expected["year"] == 2024
    assert len(rows) == len(expected["agreements"]) == expected["counts"]["agreements"]
    all_events: list[EventText] = []
    for (_, cell), agreement in zip(rows, expected["agreements"], strict=True):
        events = split_events(cell, expected["year"])
        got = [(e.date.start_iso(), e.date.end_iso(), e.text) for e in events]
        want = [(e["start"], e["end"], e["text"]) for e in agreement["events"]]
        assert got == want, agreement["partner"]
        all_events += events
    assert len(all_events) == expected["counts"]["events"] == 96
    assert sum(e.date.is_dated for e in all_events) == expected["counts"]["dated_events"] == 89


def test_fixture_agreement_dates_match_the_expected_import(table) -> None:
    rows, expected = table
    for (cell, _), agreement in zip(rows, expected["agreements"], strict=True):
        assert [d.iso() for d in PartialDate.from_cell(cell)] == agreement["dates"]


def test_fixture_events_survive_export_and_import(table) -> None:
    rows, _ = table
    for _, cell in rows:
        events = split_events(cell, 2024)
        assert split_events(join_events(events), 2024) == events


# --- paragraphs --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("", []),
        ("  \n \n", []),
        ("<p>Один.</p> <p>Два.</p>", ["Один.", "Два."]),
        ("<P class='x'>Один.</P><p></p><p>Два.", ["Один.", "Два."]),
        ("Один.<br>Два.<br/>Три.<BR />", ["Один.", "Два.", "Три."]),
        ("Один.\r\nДва.\rТри.\n\nЧетыре.", ["Один.", "Два.", "Три.", "Четыре."]),
        ("  Много   \t пробелов\u00a0здесь ", ["Много пробелов здесь"]),
        # a lowercase start continues the paragraph before it (a page or line break cut it)
        ("Визит в Минск</p> <p>для участия.</p>", ["Визит в Минск для участия."]),
        ("Визит в Минск\nдля участия.\n«Форум».", ["Визит в Минск для участия.", "«Форум»."]),
        ("для участия.", ["для участия."]),
        # ... unless it starts with an event date
        ("Визит.\nиюнь – встреча.", ["Визит.", "июнь – встреча."]),
        ("Визит.\nиюнь встреча.", ["Визит. июнь встреча."]),
    ],
)
def test_paragraphs(cell: str, expected: list[str]) -> None:
    assert paragraphs(cell) == expected


# --- splitting: the rules of TABLE_RULES.md «Events» -----------------------------------------


def day(month: int, d: int) -> PartialDate:
    return PartialDate(2024, month, d)


def days(m1: int, d1: int, m2: int, d2: int) -> EventDate:
    return EventDate(day(m1, d1), day(m2, d2))


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("3-6 июля – визит.", [(days(7, 3, 7, 6), "визит.")]),
        ("3 – 6 июля – визит.", [(days(7, 3, 7, 6), "визит.")]),
        ("29 января – 16 февраля – фестиваль.", [(days(1, 29, 2, 16), "фестиваль.")]),
        ("26 апреля-29 сентября – выставка.", [(days(4, 26, 9, 29), "выставка.")]),
        ("28 ноября - 1 декабря – визит.", [(days(11, 28, 12, 1), "визит.")]),
        ("6 декабря - конференция.", [(days(12, 6, 12, 6), "конференция.")]),
        ("6 декабря-конференция.", [(days(12, 6, 12, 6), "конференция.")]),
        ("Июнь – встреча.", [(EventDate(PartialDate(2024, 6)), "встреча.")]),
        ("ИЮНЬ — встреча.", [(EventDate(PartialDate(2024, 6)), "встреча.")]),
        ("25 октябрь – совет.", [(days(10, 25, 10, 25), "совет.")]),
        (
            "июнь-июль – практика.",
            [(EventDate(PartialDate(2024, 6), PartialDate(2024, 7)), "практика.")],
        ),
        # a new event after . ! ? » " ) and a space
        (
            "3 июля – А. 4 июля – Б! 5 июля – В? 6 июля – «Г» 7 июля – «Д» 8 июля – (Е) "
            '9 июля – "Ж" 10 июля – З',
            [
                (days(7, 3, 7, 3), "А."),
                (days(7, 4, 7, 4), "Б!"),
                (days(7, 5, 7, 5), "В?"),
                (days(7, 6, 7, 6), "«Г»"),
                (days(7, 7, 7, 7), "«Д»"),
                (days(7, 8, 7, 8), "(Е)"),
                (days(7, 9, 7, 9), '"Ж"'),
                (days(7, 10, 7, 10), "З"),
            ],
        ),
        # ... and nowhere else
        (
            "3 июля – визит, 4 июля – второй; 5 июля – третий",
            [(days(7, 3, 7, 3), "визит, 4 июля – второй; 5 июля – третий")],
        ),
        # numbers that are not dates
        (
            "1 октября – посвященное 75-й годовщине. 2-го форума. № 1 Ф.В. Моисеенко. "
            "3 спектакля. 2024-2028 годы. В ноября состоялся визит. Май прошёл.",
            [
                (
                    days(10, 1, 10, 1),
                    "посвященное 75-й годовщине. 2-го форума. № 1 Ф.В. Моисеенко. "
                    "3 спектакля. 2024-2028 годы. В ноября состоялся визит. Май прошёл.",
                )
            ],
        ),
        # a date not followed by a dash is text
        ("5 мая прошёл визит.", [(EventDate(), "5 мая прошёл визит.")]),
        # text after an event without such a date stays with it
        (
            "16 мая – визит. Обмен опытом. В результате визита согласовано обучение.",
            [
                (
                    days(5, 16, 5, 16),
                    "визит. Обмен опытом. В результате визита согласовано обучение.",
                )
            ],
        ),
        # a paragraph with no date at its start is an undated item
        (
            "<p>8 августа – встреча.</p> <p>Ведется работа. 9 августа – визит.</p>",
            [
                (days(8, 8, 8, 8), "встреча."),
                (EventDate(), "Ведется работа."),
                (days(8, 9, 8, 9), "визит."),
            ],
        ),
        ("", []),
        ("<p> </p>", []),
    ],
)
def test_split_events(cell: str, expected: list[tuple[EventDate, str]]) -> None:
    """The ends and the text as expected; the date keeps the words it was written in."""
    events = split_events(cell, 2024)
    assert [(e.date.start, e.date.end, e.text) for e in events] == [
        (d.start, d.end, t) for d, t in expected
    ]
    for e in events:
        assert cell.replace("\n", " ").find(format_event_date(e.date)) >= 0


def test_an_impossible_date_at_an_event_start_is_kept_as_written() -> None:
    """«31 июня – …» still starts an event; its date is kept as written, not understood,
    and why_not_understood names the problem for the import report."""
    first, second = split_events("1 июня – визит. 31 июня – приём.", 2024)
    assert first == EventText(EventDate(PartialDate(2024, 6, 1)), "визит.")
    assert second == EventText(EventDate.as_written("31 июня"), "приём.")
    assert second.date.not_understood and not second.date.is_dated
    assert format_event_date(second.date) == "31 июня"
    assert why_not_understood(second.date, 2024) == "Нет такой даты: 31 июня."
    assert why_not_understood(first.date, 2024) == ""


def test_the_year_is_the_columns() -> None:
    [event] = split_events("29 февраля – визит.", 2024)
    assert event.date.start_iso() == "2024-02-29"
    [event] = split_events("29 февраля – визит.", 2023)
    assert event.date.not_understood
    assert "не високосный" in why_not_understood(event.date, 2023)


def test_join_events() -> None:
    events = [
        EventText(days(7, 3, 7, 6), "визит."),
        EventText(days(1, 29, 2, 16), "фестиваль."),
        EventText(EventDate(PartialDate(2024, 6)), "встреча."),
        EventText(EventDate(), "Ведется работа."),
        EventText(days(10, 10, 10, 10), ""),
    ]
    assert join_events(events) == (
        "3-6 июля – визит.\n29 января – 16 февраля – фестиваль.\nИюнь – встреча.\n"
        "Ведется работа.\n10 октября –"
    )
    assert split_events(join_events(events), 2024) == events
    assert join_events([]) == ""


@pytest.mark.parametrize(
    ("above", "rest", "joined"),
    [
        ("о торговом, научно-", "техническом и", "о торговом, научно-техническом и"),
        ("Соглашение о", "сотрудничестве", "Соглашение о сотрудничестве"),
        ("дефис - ", "тире", "дефис - тире"),
        ("<p>5 мая – встреча по</p>", "продаже товаров", "<p>5 мая – встреча по продаже товаров"),
        ("<p>возможности СПб</p>  ", " ГБУЗ «Госпиталь».", "<p>возможности СПб ГБУЗ «Госпиталь»."),
        ("визит в Минск", "<p>для участия.</p> <p>Б", "визит в Минск <p>для участия.</p> <p>Б"),
        ("<p>А.</p>", "<p>Б.</p>", "<p>А.</p> <p>Б.</p>"),
        ("", "Б.", "Б."),
        ("А.", "  ", "А."),
    ],
)  # fmt: skip
def test_join_continuation(above: str, rest: str, joined: str) -> None:
    assert join_continuation(above, rest) == joined


# --- properties ----------------------------------------------------------------------------

YEARS = st.sampled_from([2023, 2024])  # with and without 29 February

WORDS = [
    "визит", "делегации", "Санкт-Петербурга", "в", "Минск", "для", "участия", "форуме",
    "годовщине", "научно-технического", "сотрудничества", "Бишкек", "и", "Ош",
]  # fmt: skip
# Things that look a little like dates, or like the end of a sentence, and are neither.
TRICKY = [
    "75-й", "№ 1", "№205", "2-го", "957-летию", "«Диалог дружбы»", "(подписано соглашение)",
    "г. Ош", "К.К.Грота", "в октябре 2024 года", "на 2024-2028 годы", "3 спектакля",
    "«Санкт-Петербург – Индия»", "Ф.В. Моисеенко", "В ноября", "до 1 декабря", "с 3 по 6 июля",
    "Россия-Ереван", "научно - технической",
]  # fmt: skip
ENDINGS = [".", "!", "?", " «Диалог культур»", " (г. Шанхай)", ' "Крирк"']
SPACES = [" ", " ", " ", "  ", "\u00a0", " \t "]  # runs of white space fold to one space


@st.composite
def sentence(draw: st.DrawFn, *, ended: bool, first_upper: bool | None = None) -> str:
    words = draw(st.lists(st.sampled_from(WORDS + TRICKY), min_size=1, max_size=6))
    text = " ".join(words)
    upper = draw(st.booleans()) if first_upper is None else first_upper
    if upper and text[0].islower():
        text = text[0].upper() + text[1:]
    if not upper and not text[0].islower():
        text = "для " + text
    return text + (draw(st.sampled_from(ENDINGS)) if ended else draw(st.sampled_from(["", "."])))


@st.composite
def body(draw: st.DrawFn, *, ended: bool, first_upper: bool | None = None) -> str:
    """One to three sentences; ``ended``: the last one ends as an event may end before the
    next one in the paragraph starts."""
    n = draw(st.integers(1, 3))
    parts = [
        draw(sentence(ended=True, first_upper=first_upper if i == 0 else None))
        for i in range(n - 1)
    ]
    parts.append(draw(sentence(ended=ended, first_upper=first_upper if n == 1 else None)))
    return " ".join(parts)


def month_word(draw: st.DrawFn, month: int, *, genitive: bool) -> str:
    names = MONTHS_GENITIVE if genitive else MONTHS_NOMINATIVE
    word = names[month - 1]
    return draw(st.sampled_from([word, word.capitalize(), word.upper()]))


@st.composite
def written_date(draw: st.DrawFn, d: EventDate) -> str:
    """A dated event's date the way a clerk might type it (any case, any dash, spacing)."""
    assert d.start is not None and d.end is not None
    dash = draw(st.sampled_from(["-", "–", "—", " – ", " - ", " — "]))
    s, e = d.start, d.end
    assert s.month is not None and e.month is not None
    if s.day is None:
        first = month_word(draw, s.month, genitive=False)
        return first if s == e else f"{first}{dash}{month_word(draw, e.month, genitive=False)}"
    # «25 октябрь» happens: a nominative month after a day is read too
    genitive = draw(st.sampled_from([True, True, True, False]))
    end = f"{e.day} {month_word(draw, e.month, genitive=genitive)}"
    if s == e:
        return end
    if s.month == e.month:
        return f"{s.day}{dash}{end}"
    return f"{s.day} {month_word(draw, s.month, genitive=genitive)}{dash}{end}"


@st.composite
def event_dates(draw: st.DrawFn, year: int) -> EventDate:
    """A dated event's date: a day, days in a month, days across months, month(s)."""
    kind = draw(st.sampled_from(["day", "days", "across", "month", "months"]))
    first = draw(st.integers(1, 12 if kind in ("day", "days", "month") else 11))
    last = first if kind in ("day", "days", "month") else draw(st.integers(first + 1, 12))
    if kind in ("month", "months"):
        return EventDate(PartialDate(year, first), PartialDate(year, last))
    length = calendar.monthrange(year, first)[1]
    start = draw(st.integers(1, length - (kind == "days")))
    if kind == "day":
        return EventDate(PartialDate(year, first, start))
    low = start + 1 if kind == "days" else 1
    end = draw(st.integers(low, calendar.monthrange(year, last)[1]))
    return EventDate(PartialDate(year, first, start), PartialDate(year, last, end))


EVENT_DASHES = [" – ", " - ", " — ", " –", "– ", "-"]


@st.composite
def cells(draw: st.DrawFn) -> tuple[str, int, list[EventText]]:
    """A realistic events cell and the events a careful reader finds in it.

    Paragraphs of dated events (an undated item may open a paragraph), sentences with
    numbers, quotes and brackets, a lowercase paragraph that continues the one above, all
    laid out as lines, Windows lines, ``<p>`` paragraphs or ``<br>`` breaks.
    """
    year = draw(YEARS)
    paras: list[str] = []
    expected: list[EventText] = []
    for _ in range(draw(st.integers(1, 4))):
        undated_first = draw(st.booleans())
        count = undated_first + draw(st.integers(0 if undated_first else 1, 3))
        pieces = []
        for i in range(count):
            ended = i < count - 1  # the next event needs . ! ? » " ) before it
            if i == 0 and undated_first:
                text = draw(body(ended=ended, first_upper=True))
                expected.append(EventText(EventDate(), text))
                pieces.append(text)
            else:
                when = draw(event_dates(year))
                text = draw(body(ended=ended))
                written = draw(written_date(when))
                expected.append(EventText(EventDate(when.start, when.end, written), text))
                dash = draw(st.sampled_from(EVENT_DASHES))
                pieces.append(f"{written}{dash}{text}")
        paras.append("".join(p + draw(st.sampled_from(SPACES)) for p in pieces).rstrip())
        if draw(st.integers(0, 3)) == 0:  # the rest of the paragraph after a break
            rest = draw(sentence(ended=draw(st.booleans()), first_upper=False))
            paras.append(rest)
            last = expected[-1]
            expected[-1] = EventText(last.date, f"{last.text} {rest}")
    layout = draw(st.sampled_from(["lines", "windows", "html", "br"]))
    cell = {
        "lines": lambda: "\n".join(paras),
        "windows": lambda: "\r\n".join(paras) + "\r\n",
        "html": lambda: " ".join(f"<p>{p}</p>" for p in paras),
        "br": lambda: "<br>".join(paras),
    }[layout]()
    return cell, year, expected


_TAG_RE = re.compile(r"</?p\b[^>]*>|<br\s*/?>", re.IGNORECASE)


def words(text: str) -> Counter[str]:
    """The words of a text as a multiset, with tags dropped and dates' words made
    comparable however they were typed: «03» is «3», «ИЮЛЯ», «июль», «июле» are month 7."""
    result: Counter[str] = Counter()
    for word in re.findall(r"\w+", _TAG_RE.sub(" ", text).lower()):
        month = month_number(word)
        result[str(int(word)) if word.isdecimal() else f"<месяц {month}>" if month else word] += 1
    return result


def words_of_events(events: list[EventText]) -> Counter[str]:
    return words(" ".join(f"{format_event_date(e.date)} {e.text}" for e in events))


@given(cells())
def test_split_events_reads_realistic_cells(case: tuple[str, int, list[EventText]]) -> None:
    cell, year, expected = case
    assert split_events(cell, year) == expected


@given(cells())
def test_no_word_of_a_realistic_cell_is_lost_or_duplicated(case) -> None:
    cell, year, _ = case
    events = split_events(cell, year)
    assert words_of_events(events) == words(cell)
    assert all(e.text and e.text == " ".join(e.text.split()) for e in events)


@st.composite
def dated_starts(draw: st.DrawFn) -> str:
    when = draw(event_dates(2024))
    dash, word = draw(st.sampled_from(EVENT_DASHES)), draw(st.sampled_from(WORDS))
    return f"{draw(written_date(when))}{dash}{word}"


SOUP = [
    *WORDS, *TRICKY, ".", "!", "?", "»", "«", ")", "(", '"', ",", "–", "-", "<p>", "</p>", "<br>",
    "\n", "\r\n", "Ведется работа", "Май прошёл", "для участия",
]  # fmt: skip


@given(
    st.lists(st.one_of(st.sampled_from(SOUP), dated_starts()), max_size=40),
    st.lists(st.sampled_from(["", " ", " ", "  ", "\n", "\u00a0"]), min_size=40, max_size=40),
)
def test_no_word_of_any_mix_is_lost_or_duplicated(tokens: list[str], seps: list[str]) -> None:
    """Whatever order the pieces come in, split_events only moves words between events,
    and the words it takes away are exactly those of the dates it read."""
    cell = "".join(t + s for t, s in zip(tokens, seps, strict=False))
    events = split_events(cell, 2024)
    assert words_of_events(events) == words(cell)
    assert not any("<" in e.text or "\n" in e.text for e in events)


@st.composite
def event_lists(draw: st.DrawFn) -> tuple[int, list[EventText]]:
    year = draw(YEARS)
    events = []
    for _ in range(draw(st.integers(0, 6))):
        if draw(st.integers(0, 3)) == 0:
            # an undated item that starts with a lowercase letter would continue the one above
            events.append(EventText(EventDate(), draw(body(ended=True, first_upper=True))))
        else:
            when = draw(event_dates(year))
            events.append(EventText(when, draw(body(ended=draw(st.booleans())))))
    return year, events


@given(event_lists())
def test_join_then_split_gives_the_events_back(case: tuple[int, list[EventText]]) -> None:
    year, events = case
    cell = join_events(events)
    assert split_events(cell, year) == events
    assert cell.count("\n") == max(len(events) - 1, 0)
