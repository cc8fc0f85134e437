"""Dates as a clerk types them into the window, beyond the published forms (issue 15, an
adversarial pass): the agreements' column reads what the import reads («12.3.24»,
«12/03/2024», «2024-03-12», line breaks of a pasted cell); a dot that ends the sentence,
Latin look-alike letters and «ё» do not make a date unreadable; a year no table can have is
a typo named as such; and a message never repeats a pasted page in full."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from spbgui.domain.dates import DateError, parse_agreement_dates
from spbgui.domain.event_dates import parse_event_date
from spbgui.domain.events_text import split_events


@pytest.mark.parametrize(
    ("text", "isos"),
    [
        ("12.3.24", ["2024-03-12"]),
        ("12.03.24", ["2024-03-12"]),
        ("09.12.05", ["2005-12-09"]),
        ("9.12.67", ["1967-12-09"]),
        ("12/03/2024", ["2024-03-12"]),
        ("2024-03-12", ["2024-03-12"]),
        ("2024-03-12, 2011", ["2024-03-12", "2011"]),
        ("12.03.2024\n2011", ["2024-03-12", "2011"]),
        ("12.03.2024\r\n2011\t2015", ["2024-03-12", "2011", "2015"]),
        ("дек. 2005", ["2005-12"]),
        ("сент. 2005 г.", ["2005-09"]),
        ("от 09.12.2005", ["2005-12-09"]),
        ("с 2005 г.", ["2005"]),
        ("12 мaрта 2024", ["2024-03-12"]),  # a Latin «a»
        ("12 MAPTA 2024 г.", ["2024-03-12"]),  # the word typed on a Latin keyboard's look-alikes
        ("Mарт 2024", ["2024-03"]),
        ("12 марта 2024 г.", ["2024-03-12"]),
    ],
)
def test_an_agreement_date_typed_as_staff_do_is_read(text: str, isos: list[str]) -> None:
    assert [d.iso() for d in parse_agreement_dates(text)] == isos


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("12 марта", "нет года"),
        ("март", "нет года"),
        ("31 июня", "нет года"),
        ("3-6 июля", "нет года"),
        ("12.03", "нет года"),
        ("2024-13-01", "Месяц 13 не существует."),
        ("2024-02-30", "Нет такой даты: 30 февраля."),
    ],
)
def test_an_agreement_date_refused_says_what_is_missing(text: str, why: str) -> None:
    with pytest.raises(DateError) as error:
        parse_agreement_dates(text)
    assert why in str(error.value), str(error.value)


@pytest.mark.parametrize(
    ("text", "start", "end", "shown"),
    [
        ("12.03.2024.", "2024-03-12", "2024-03-12", "12.03.2024"),
        ("12 марта.", "2024-03-12", "2024-03-12", "12 марта"),
        ("Март.", "2024-03", "2024-03", "Март"),
        ("3-6 июля .", "2024-07-03", "2024-07-06", "3-6 июля"),
        ("12 мая 2024 г.", "2024-05-12", "2024-05-12", "12 мая 2024 г."),  # «г.» keeps its dot
        ("12 мaрта 2024", "2024-03-12", "2024-03-12", "12 марта 2024"),  # a Latin «a»
        ("12 MAPTA", "2024-03-12", "2024-03-12", "12 МАРТА"),
        ("четвёртый квартал", "2024-10", "2024-12", "четвёртый квартал"),
        ("IV квaртал", "2024-10", "2024-12", "IV квартал"),  # Roman numerals stay Latin
        ("I квартал", "2024-01", "2024-03", "I квартал"),
    ],
)
def test_an_event_date_with_a_final_dot_or_look_alike_letters_is_read(
    text: str, start: str, end: str, shown: str
) -> None:
    date = parse_event_date(text, 2024)
    assert (date.start_iso(), date.end_iso()) == (start, end)
    assert date.written in (shown, "")  # shown as typed (empty: the standard form says it)
    # What is stored reads back the same in a table's cell: export → import keeps it.
    [event] = split_events(f"{shown} – визит делегации", 2024)
    assert (event.date.start_iso(), event.date.end_iso(), event.text) == (
        start,
        end,
        "визит делегации",
    )


@pytest.mark.parametrize("text", ["01.01.0001", "31.12.9999", "12.03.2224", "12 марта 1024 г."])
def test_an_event_year_no_table_can_have_is_a_typo(text: str) -> None:
    with pytest.raises(DateError) as error:
        parse_event_date(text, 2024)
    message = str(error.value)
    assert "от 1900 до 2100" in message and "опечат" in message, message


@pytest.mark.parametrize(
    "parse", [lambda t: parse_event_date(t, 2024), parse_agreement_dates], ids=["event", "agr"]
)
def test_a_pasted_page_is_not_repeated_in_full_in_the_message(parse) -> None:
    text = "визит делегации " * 700  # about 11,000 characters, not a date
    with pytest.raises(DateError) as error:
        parse(text)
    message = str(error.value)
    assert len(message) < 400, len(message)
    assert message.startswith("Не удалось понять дату «визит делегации") and "…»" in message


@given(st.text(alphabet="0123456789.-–/ и,марятиюнлвкIVXaeopcxMAPTHKдеклбгод\n\t", max_size=60))
def test_any_typed_text_is_read_or_refused_with_a_message(text: str) -> None:
    for parse in (lambda t: parse_event_date(t, 2024), parse_agreement_dates):
        try:
            parse(text)
        except DateError as exc:
            assert str(exc) and not any("a" <= c <= "z" for c in str(exc).split("«")[0])


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("весна 2024", "2024-03", "2024-05"),
        ("Весной", "2024-03", "2024-05"),
        ("летом 2024 года", "2024-06", "2024-08"),
        ("осенью", "2024-09", "2024-11"),
        ("в течение года", "2024-01", "2024-12"),
        ("В течение всего года", "2024-01", "2024-12"),
        ("в течение 2024 года", "2024-01", "2024-12"),
        ("весь год", "2024-01", "2024-12"),
    ],
)
def test_a_season_or_the_whole_year_is_its_months(text: str, start: str, end: str) -> None:
    """Staff write «весна 2024», «в течение года» as readily as «II квартал»: the months,
    kept as written; and a table's cell reads them back as the start of an event, so that an
    exported event is not glued onto the one above it when the file is imported again."""
    date = parse_event_date(text, 2024)
    assert (date.start_iso(), date.end_iso(), date.written) == (start, end, text)
    events = split_events(f"визит делегации.\n{text} – работа над проектом", 2024)
    assert [(e.date.start_iso(), e.date.end_iso(), e.text) for e in events] == [
        (None, None, "визит делегации."),
        (start, end, "работа над проектом"),
    ]


@pytest.mark.parametrize("text", ["зимой", "по плану", "в течение недели", "летопись"])
def test_what_is_no_season_stays_unread(text: str) -> None:
    with pytest.raises(DateError):
        parse_event_date(text, 2024)


@pytest.mark.parametrize("text", ["0001", "01.01.0001", "31.12.9999", "12 марта 1024 г.", "2224"])
def test_an_agreement_year_outside_the_tables_years_is_a_typo(text: str) -> None:
    with pytest.raises(DateError) as error:
        parse_agreement_dates(text)
    message = str(error.value)
    assert "от 1900 до 2100" in message and "опечат" in message, message


@pytest.mark.parametrize(
    ("text", "remark"),
    [
        ("1995 (продлено в 2020)", "(продлено в 2020)"),
        ("09.12.2005 — подписано в Москве", "подписано в Москве"),
    ],
)
def test_an_agreement_date_with_a_remark_points_to_the_note(text: str, remark: str) -> None:
    with pytest.raises(DateError) as error:
        parse_agreement_dates(text)
    message = str(error.value)
    assert f"«{remark}»" in message and "Примечание" in message, message


@pytest.mark.parametrize(
    "text",
    [
        "12 марта 2024\u200b",  # a zero-width space, as web pages put in
        "\ufeff12.03.2024",  # a byte-order mark at the start of a pasted cell
        "12 ма\u00adрта 2024",  # a soft hyphen inside the word
        "12.03.2024\u200e",  # a left-to-right mark
        "12 марта\u2060 2024",  # a word joiner
    ],
)
def test_invisible_characters_pasted_with_a_date_do_not_hide_it(text: str) -> None:
    """The clerk sees «12 марта 2024» or «12.03.2024»: it must read as what it shows."""
    date = parse_event_date(text, 2024)
    assert (date.start_iso(), date.end_iso()) == ("2024-03-12", "2024-03-12")
    assert not any(c in date.written for c in "\u200b\ufeff\u00ad\u200e\u2060")
    assert [d.iso() for d in parse_agreement_dates(text)] == ["2024-03-12"]


@pytest.mark.parametrize("text", ["2024", "2024 г.", "в 2024 году", "2024 год"])
def test_an_event_date_of_only_a_year_says_what_is_missing(text: str) -> None:
    with pytest.raises(DateError) as error:
        parse_event_date(text, 2024)
    message = str(error.value)
    assert "только год" in message and "в течение года" in message, message
