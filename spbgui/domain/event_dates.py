"""Event dates as staff write them: the one grammar the window, the import and the clipboard share.

docs/TABLE_RULES.md («Events») lists the forms: days and ranges of days in words («3-6 июля»,
«29 января – 16 февраля», «12 мая 2025 г.») and in numbers («15.03», «4-5.06»,
«28.02.2025 – 02.03.2025»); months («Июнь», «июнь-июль», «06.2025»); parts of a month
(«начало апреля», «вторая половина августа»: the month); several days («2 и 4 июля»,
«5, 7 и 9 июня»: first to last day); quarters and halves («III квартал», «1 полугодие»: their
months); «с 1 по 3 марта», «с июня по август» (a range said in words); «2024-07-12» and
«12/07/2024» (a day as other programs write it); seasons («весна 2024», «летом») and the
whole year («в течение года»): their months. :func:`parse_event_date` reads a date typed
on its own; :data:`EVENT_DATE_PATTERN` finds one where an event starts in a cell, and
:func:`read_event_date` reads what it found. Either way the result keeps the text as
written (:attr:`EventDate.written`), and a date that cannot exist («31.02.2025», «32 мая»,
«13.13») is a :class:`DateError` naming the problem.

Pure Python: no Qt, no database.
"""

from __future__ import annotations

import calendar
import functools
import re

from spbgui.domain.dates import (
    DASH_CHARS,
    INVISIBLE_RE,
    MONTH_PATTERN,
    MONTHS_GENITIVE,
    DateError,
    EventDate,
    PartialDate,
    cyrillic_look_alikes,
    month_number,
    quote_typed,
)
from spbgui.domain.table_year import FIRST_YEAR, LAST_YEAR, is_table_year

__all__ = [
    "EVENT_DATE_PATTERN",
    "EVENT_HINT",
    "is_plain_form",
    "parse_event_date",
    "read_event_date",
]

EVENT_HINT = (
    "Пишите, например: 3-6 июля, 29 января – 16 февраля, 15.03, 12 мая 2025 г., "
    "2 и 4 июля, начало апреля, Июнь, III квартал, 1 полугодие."
)

_D = r"\d{1,2}(?!\d)"  # a day, or a month's number
_Y = r"\d{4}(?!\d)"
_YY = r"(?:\d{4}|\d{2})(?!\d)"  # «15.03.25» as readily as «15.03.2025»
_G = r"(?:\s*(?:г(?:\.|(?!\w))|года?(?!\w)))?"  # «г.», «г», «год», «года» or nothing
_DASH = rf"\s*[{DASH_CHARS}]\s*"
_M = MONTH_PATTERN

# Each form with its own named groups; the finder below is all of them without the names.
_FORMS = {
    # 15.03 | 15.03.2025 | 4-5.06 | 28.02-02.03 | 28.02.2025 – 02.03.2025
    "numeric": rf"(?:(?P<d1>{_D})(?:\.(?P<m1>{_D})(?:\.(?P<y1>{_YY}){_G})?)?{_DASH})?"
    rf"(?P<d2>{_D})\.(?P<m2>{_D})(?:\.(?P<y2>{_YY}))?{_G}",
    # 06.2025: a month
    "numeric_month": rf"(?P<m>{_D})\.(?P<y>{_Y}){_G}",
    # 2 и 4 июля | 5, 7 и 9 июня 2025 г.
    "several": rf"(?P<days>{_D}(?:(?:\s*,\s*|\s*,?\s+и\s+){_D})+)\s+(?P<m>{_M})"
    rf"(?:\s+(?P<y>{_Y}){_G})?",
    # 6 декабря | 3-6 июля | 29 января – 16 февраля | 12 мая 2025 г. | 4-5 июня 2025 года
    "words": rf"(?:(?P<d1>{_D})(?:\s+(?P<m1>{_M})(?:\s+(?P<y1>{_Y}){_G})?)?{_DASH})?"
    rf"(?P<d2>{_D})\s+(?P<m2>{_M})(?:\s+(?P<y2>{_Y}){_G})?",
    # Июнь | июнь-июль | июнь 2025 г. | декабрь 2024 – январь 2025
    "months": rf"(?P<m1>{_M})(?:\s+(?P<y1>{_Y}){_G})?"
    rf"(?:{_DASH}(?P<m2>{_M})(?:\s+(?P<y2>{_Y}){_G})?)?",
    # начало апреля | середина июня | конец июля | первая половина августа
    "part": r"(?:в\s+)?(?:начал[оеа]|середин[аеуы]|кон(?:ец|це|ца)"
    r"|(?:перв|втор)(?:ая|ой|ую)\s+половин[аеуы]|[12]\s*-?\s*я\s+половин[аеуы])"
    rf"\s+(?P<m>{_M})(?:\s+(?P<y>{_Y}){_G})?",
    # III квартал | 3 квартал | 3-й квартал 2025 г. | первый квартал
    "quarter": r"(?P<n>IV|III|II|I|[1-4]|перв(?:ый|ом)|втор(?:ой|ом)|трет(?:ий|ьем)"
    r"|четв[её]рт(?:ый|ом))(?:\s*-?\s*(?:й|ый|ий|м))?\s+(?:квартал[аеу]?(?!\w)|кв\.)"
    rf"(?:\s+(?P<y>{_Y}){_G})?",
    # 1 полугодие | I полугодие | второе полугодие 2025 г.
    "half": r"(?P<n>II|I|[12]|перв(?:ое|ом)|втор(?:ое|ом))(?:\s*-?\s*(?:е|ое|м))?"
    rf"\s+полугоди(?:е|я|и|ю)(?!\w)(?:\s+(?P<y>{_Y}){_G})?",
    # весна 2024 | весной | летом 2025 года | осенью: the season's months (winter, across
    # New Year, is no one range of the table's year: it stays unread)
    "season": r"(?:(?P<spring>весн(?:а|ой|ою|у|ы|е))|(?P<summer>лет(?:о|ом|а|у|е))"
    rf"|(?P<autumn>осен(?:ь|ью|и)))(?!\w)(?:\s+(?P<y>{_Y}){_G})?",
    # в течение года | в течение всего 2025 года | весь год: January to December
    "whole_year": r"(?:в\s+течение|на\s+протяжении)\s+(?:всего\s+)?"
    rf"(?:(?P<y>{_Y})\s+)?года(?!\w)|(?:весь|круглый)\s+год(?!\w)",
    # с 1 по 3 марта | с 28 февраля по 2 марта 2025 г.: «3-6 июля» said in words
    "from_to_words": rf"с\s+(?P<d1>{_D})(?:\s+(?P<m1>{_M})(?:\s+(?P<y1>{_Y}){_G})?)?"
    rf"\s+по\s+(?P<d2>{_D})\s+(?P<m2>{_M})(?:\s+(?P<y2>{_Y}){_G})?",
    # с 1.03 по 3.03 | с 28.02.2025 по 02.03.2025
    "from_to_numeric": rf"с\s+(?P<d1>{_D})(?:\.(?P<m1>{_D})(?:\.(?P<y1>{_YY}){_G})?)?"
    rf"\s+по\s+(?P<d2>{_D})\.(?P<m2>{_D})(?:\.(?P<y2>{_YY}))?{_G}",
    # с июня по август | с декабря 2024 по февраль 2025
    "from_to_months": rf"с\s+(?P<m1>{_M})(?:\s+(?P<y1>{_Y}){_G})?"
    rf"\s+по\s+(?P<m2>{_M})(?:\s+(?P<y2>{_Y}){_G})?",
    # 2024-07-12: the ISO form, as a date copied out of another program arrives
    "iso": r"(?P<y2>\d{4})-(?P<m2>\d{1,2})-(?P<d2>\d{1,2})(?!\d)",
    # 12/07/2024 | 12/07/24: a day with its year, as a spreadsheet writes it
    "slashed": rf"(?P<d2>{_D})/(?P<m2>{_D})/(?P<y2>{_YY}){_G}",
}


@functools.cache
def _form_res() -> dict[str, re.Pattern[str]]:
    """The forms compiled, when a date is first read: compiling them all is a good part of
    the window's start-up, which reads no typed date (issue 17)."""
    return {name: re.compile(src, re.IGNORECASE) for name, src in _FORMS.items()}


EVENT_DATE_PATTERN = (
    "(?:" + "|".join(re.sub(r"\(\?P<\w+>", "(?:", s) for s in _FORMS.values()) + ")"
)
"""Regex source (use with re.IGNORECASE) of an event date in any form, no groups of its own.

A match's text is read by :func:`read_event_date`.
"""

# The forms the table had before the written form was kept: a date in one of them says
# nothing that its start and end do not (case and dashes aside).
_PLAIN = rf"(?:(?:{_D}(?:\s+{_M})?{_DASH})?{_D}\s+{_M}|{_M}(?:{_DASH}{_M})?)"


@functools.cache
def _plain_re() -> re.Pattern[str]:
    return re.compile(_PLAIN, re.IGNORECASE)


_SPACES_RE = re.compile(r"\s+")
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
_ORDINAL_STEMS = (("перв", 1), ("втор", 2), ("трет", 3), ("четв", 4))


def _fold(text: str) -> str:
    return _SPACES_RE.sub(" ", INVISIBLE_RE.sub("", text)).strip()


def is_plain_form(text: str) -> bool:
    """True for «3-6 июля», «Июнь»: forms whose start and end say all they say."""
    return _plain_re().fullmatch(_fold(text)) is not None


def parse_event_date(text: str, year: int) -> EventDate:
    """Read an event's date as typed, in the table of ``year``; the text is kept as written.

    Empty text is an undated item. A year written in the date is kept, even another one
    than ``year`` (the caller says so: :meth:`EventDate.other_year`). An impossible date
    is refused with what is wrong, never shifted; a text that is no date is refused with
    examples of what is.
    """
    folded = cyrillic_look_alikes(_fold(text))
    if not folded:
        return EventDate()
    try:
        return read_event_date(folded, year)
    except DateError:
        # «Март.», «12.03.2024.»: a dot that ends the sentence is not part of the date
        # (and a table's cell could not read it back before its dash).
        bare = folded.rstrip(". ")
        if _only_a_year_re().fullmatch(bare):
            raise DateError(
                f"В дате «{bare}» только год: у мероприятия укажите месяц или день "
                "(например, «март 2025» или «12 мая»), а для всего года пишите «в течение года»."
            ) from None
        if bare == folded or not bare:
            raise
    return read_event_date(bare, year)


@functools.cache
def _only_a_year_re() -> re.Pattern[str]:
    return re.compile(rf"(?:в\s+)?{_Y}(?:\s*(?:г\.?|год[ау]?))?", re.IGNORECASE)


@functools.lru_cache(maxsize=8192)
def read_event_date(text: str, year: int) -> EventDate:
    """The date ``text`` (white space folded, a match of :data:`EVENT_DATE_PATTERN`) means.

    Cached: a 20,000-row import meets the same few hundred dates over and over.
    """
    for name, form in _form_res().items():
        match = form.fullmatch(text)
        if match is not None:
            start, end = _READERS[name](match.groupdict(), year, text)
            return EventDate(start, end, text)
    raise DateError(f"Не удалось понять дату «{quote_typed(text)}». {EVENT_HINT}")


# --- the readers of each form ---------------------------------------------------------------

Ends = tuple[PartialDate, PartialDate]
Groups = dict[str, str | None]


def _year(written: str | None, table_year: int) -> int:
    """A written year; two digits are the nearest such year to the table's («25» -> 2025)."""
    if written is None:
        return table_year
    value = int(written)
    if len(written) == 2:
        value += table_year - table_year % 100
        if value > table_year + 50:
            value -= 100
        elif value < table_year - 50:
            value += 100
    if not is_table_year(value):
        # «01.01.0001», «12.03.2224»: no table has such a year; moving the event there
        # would start one.
        raise DateError(
            f"Год {value} не подходит: год таблицы должен быть от {FIRST_YEAR} до {LAST_YEAR}. "
            "Проверьте, нет ли опечатки."
        )
    return value


def _years(
    y1: str | None,
    y2: str | None,
    first: tuple[int, int],
    last: tuple[int, int],
    table_year: int,
) -> tuple[int, int]:
    """The years of a range's ends: a year written at one end serves the other, and a range
    that runs past December («28.12 – 05.01.2025») starts in the year before."""
    if y1 is None and y2 is None:
        return table_year, table_year
    if y1 is not None and y2 is not None:
        return _year(y1, table_year), _year(y2, table_year)
    if y2 is not None:
        end = _year(y2, table_year)
        return (end if first <= last else end - 1), end
    start = _year(y1, table_year)
    return start, (start if first <= last else start + 1)


def _month(number: str, text: str) -> int:
    month = int(number)
    if not 1 <= month <= 12:
        raise DateError(f"Нет такой даты: {quote_typed(text)} — месяца {month} нет, их в году 12.")
    return month


def _day(year: int, month: int, day: int, year_written: bool) -> PartialDate:
    """A day that exists, else a message that names the day that does not."""
    if not 1 <= day <= calendar.monthrange(year, month)[1]:
        if month == 2 and day == 29:
            raise DateError(f"Нет такой даты: 29 февраля {year} г. — {year} год не високосный.")
        when = f"{day} {MONTHS_GENITIVE[month - 1]}" + (f" {year} г." if year_written else ".")
        raise DateError(f"Нет такой даты: {when}")
    return PartialDate(year, month, day)


def _word_month(word: str | None) -> int:
    assert word is not None
    month = month_number(word)
    assert month is not None
    return month


def _present(g: Groups, name: str) -> str:
    """A group the pattern always fills when it matches."""
    value = g[name]
    assert value is not None, name
    return value


def _days(g: Groups, year: int, m1: int | None, m2: int) -> Ends:
    """A day or a range of days: «d1 [m1 [y1]] – d2 m2 [y2]», months already read."""
    d2 = int(_present(g, "d2"))
    if g["d1"] is None:
        y = _year(g["y2"], year)
        day = _day(y, m2, d2, g["y2"] is not None)
        return day, day
    d1 = int(g["d1"])
    m1 = m2 if m1 is None else m1
    y1, y2 = _years(g["y1"], g["y2"], (m1, d1), (m2, d2), year)
    start = _day(y1, m1, d1, g["y1"] is not None or g["y2"] is not None)
    end = _day(y2, m2, d2, g["y2"] is not None or g["y1"] is not None)
    return start, end


def _numeric(g: Groups, year: int, text: str) -> Ends:
    m2 = _month(_present(g, "m2"), text)
    m1 = _month(g["m1"], text) if g["m1"] else None
    return _days(g, year, m1, m2)


def _numeric_month(g: Groups, year: int, text: str) -> Ends:
    month = PartialDate(_year(g["y"], year), _month(_present(g, "m"), text))
    return month, month


def _several(g: Groups, year: int, text: str) -> Ends:
    y = _year(g["y"], year)
    month = _word_month(g["m"])
    days = [_day(y, month, int(d), g["y"] is not None) for d in re.findall(r"\d+", g["days"] or "")]
    return min(days), max(days)


def _words(g: Groups, year: int, text: str) -> Ends:
    m1 = _word_month(g["m1"]) if g["m1"] else None
    return _days(g, year, m1, _word_month(g["m2"]))


def _months(g: Groups, year: int, text: str) -> Ends:
    m1 = _word_month(g["m1"])
    m2 = _word_month(g["m2"]) if g["m2"] else m1
    if g["m2"] is None:
        month = PartialDate(_year(g["y1"], year), m1)
        return month, month
    y1, y2 = _years(g["y1"], g["y2"], (m1, 0), (m2, 0), year)
    return PartialDate(y1, m1), PartialDate(y2, m2)


def _part(g: Groups, year: int, text: str) -> Ends:
    month = PartialDate(_year(g["y"], year), _word_month(g["m"]))
    return month, month


def _ordinal(word: str) -> int:
    word = word.lower()
    if word in _ROMAN:
        return _ROMAN[word]
    if word.isdigit():
        return int(word)
    return next(n for stem, n in _ORDINAL_STEMS if word.startswith(stem))


def _quarter(g: Groups, year: int, text: str) -> Ends:
    n, y = _ordinal(g["n"] or ""), _year(g["y"], year)
    return PartialDate(y, 3 * n - 2), PartialDate(y, 3 * n)


def _half(g: Groups, year: int, text: str) -> Ends:
    n, y = _ordinal(g["n"] or ""), _year(g["y"], year)
    return PartialDate(y, 6 * n - 5), PartialDate(y, 6 * n)


def _season(g: Groups, year: int, text: str) -> Ends:
    y = _year(g["y"], year)
    first = 3 if g["spring"] else 6 if g["summer"] else 9
    return PartialDate(y, first), PartialDate(y, first + 2)


def _whole_year(g: Groups, year: int, text: str) -> Ends:
    y = _year(g["y"], year)
    return PartialDate(y, 1), PartialDate(y, 12)


def _one_numeric(g: Groups, year: int, text: str) -> Ends:
    """«2024-07-12», «12/07/2024»: one day, its year written."""
    return _numeric({"d1": None, "m1": None, "y1": None, **g}, year, text)


_READERS = {
    "numeric": _numeric,
    "numeric_month": _numeric_month,
    "several": _several,
    "words": _words,
    "months": _months,
    "part": _part,
    "quarter": _quarter,
    "half": _half,
    "season": _season,
    "whole_year": _whole_year,
    "from_to_words": _words,
    "from_to_numeric": _numeric,
    "from_to_months": _months,
    "iso": _one_numeric,
    "slashed": _one_numeric,
}
