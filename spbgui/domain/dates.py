"""Partial dates and event date ranges, read and written the way the committee's staff do.

The table never invents a date: «2006» is a year, «июнь 2017 г.» a month, «09.12.2005» a
day, and each is kept at its own precision (:class:`PartialDate`). An event in the events
column has a day, a range of days, a month or a range of months within the table's year
(:class:`EventDate`). This module turns the Russian text of both columns into these values
and back; every refusal is a :class:`DateError` whose message a clerk can act on.

Pure Python: no Qt, no database.
"""

from __future__ import annotations

import calendar
import enum
import functools
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from spbgui.domain.table_year import FIRST_YEAR, LAST_YEAR, is_table_year

__all__ = [
    "DASH_CHARS",
    "INVISIBLE_RE",
    "MONTHS_GENITIVE",
    "MONTHS_NOMINATIVE",
    "MONTH_PATTERN",
    "DateError",
    "EventDate",
    "PartialDate",
    "Precision",
    "cyrillic_look_alikes",
    "format_agreement_dates",
    "format_event_date",
    "month_number",
    "parse_agreement_dates",
    "quote_typed",
]


class DateError(ValueError):
    """A date that cannot be read or does not exist; ``str(e)`` is a message for a clerk."""


class Precision(enum.Enum):
    YEAR = "year"
    MONTH = "month"
    DAY = "day"


MONTHS_NOMINATIVE = (
    "январь", "февраль", "март", "апрель", "май", "июнь",
    "июль", "август", "сентябрь", "октябрь", "ноябрь", "декабрь",
)  # fmt: skip
MONTHS_GENITIVE = (
    "января", "февраля", "марта", "апреля", "мая", "июня",
    "июля", "августа", "сентября", "октября", "ноября", "декабря",
)  # fmt: skip


def _month_forms() -> dict[str, int]:
    """Every case form of every month name («июнь», «июня», «июне», «июнем», ...).

    Staff write «25 октябрь» as readily as «25 октября», so any form is a month.
    """
    soft = ("ь", "я", "е", "ю", "ем", "ём")  # январь, май: soft stems
    hard = ("", "а", "е", "у", "ом")  # март, август
    stems = (
        ("январ", soft), ("феврал", soft), ("март", hard), ("апрел", soft),
        ("ма", ("й", "я", "е", "ю", "ем", "ём")), ("июн", soft), ("июл", soft),
        ("август", hard), ("сентябр", soft), ("октябр", soft), ("ноябр", soft),
        ("декабр", soft),
    )  # fmt: skip
    return {stem + ending: n for n, (stem, endings) in enumerate(stems, 1) for ending in endings}


_MONTH_BY_FORM = _month_forms()


def month_number(word: str) -> int | None:
    """The month a Russian month name in any case form means («июне» -> 6), else None."""
    return _MONTH_BY_FORM.get(word.lower())


# Longest forms first so that «июнем» is not cut to «июне»; (?!\w): a whole word only.
MONTH_PATTERN = "(?:" + "|".join(sorted(_MONTH_BY_FORM, key=len, reverse=True)) + r")(?!\w)"
"""Regex source (use with re.IGNORECASE) of a month name in any case form, a whole word."""
_MONTH = MONTH_PATTERN
# Hyphen, en and em dashes and their look-alikes that Word and web pages put in.
DASH_CHARS = "-‐‑‒–—−"

# Abbreviated months as staff type them in the agreements' column: «дек. 2005», «сент. 2005».
_MONTH_ABBREVIATION = r"(?:янв|февр?|мар|апр|июн|июл|авг|сент?|окт|нояб?|дек)(?:\.|(?!\w))"
_ABBREVIATED_MONTHS = (
    "янв", "фев", "мар", "апр", "май", "июн", "июл", "авг", "сен", "окт", "ноя", "дек",
)  # fmt: skip

_AGREEMENT_DATE = rf"""
    (?:(?:с|со|от)\s+)?                                               # с 2005 г., от 09.12.2005
    (?: (?P<d>\d{{1,2}})\.(?P<dm>\d{{1,2}})\.(?P<dy>\d{{4}}|\d{{2}})  # 09.12.2005, 9.12.05
      | (?P<sd>\d{{1,2}})/(?P<sm>\d{{1,2}})/(?P<sy>\d{{4}}|\d{{2}})   # 09/12/2005
      | (?P<iy>\d{{4}})-(?P<im>\d{{1,2}})-(?P<id>\d{{1,2}})           # 2005-12-09
      | (?P<mm>\d{{1,2}})\.(?P<my>\d{{4}})                           # 06.2017
      | (?:(?P<wd>\d{{1,2}})\s+)?(?P<wm>{MONTH_PATTERN}|{_MONTH_ABBREVIATION})
        \s*(?P<wy>\d{{4}})                                           # 16 декабря 2015, июнь 2017
      | (?P<y>\d{{4}})                                               # 2006
    )
    (?:\s*(?:г\.?|года?))?\.?                                        # г. | года
    """


@functools.cache
def _agreement_date_re() -> re.Pattern[str]:
    """Compiled when a date is first read, not at the window's start-up (issue 17)."""
    return re.compile(_AGREEMENT_DATE, re.IGNORECASE | re.VERBOSE)


# Commas and semicolons; a cell pasted from a spreadsheet has its dates on lines of their own.
_LIST_SEPARATOR_RE = re.compile(r"[,;\n\r\t]")
_SPACES_RE = re.compile(r"\s+")
_ISO_RE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")

# Excel's day 0 of the 1900 date system, as Excel itself counts from day 61 on (it
# believes 1900 was a leap year); every serial we accept is far past that.
_EXCEL_EPOCH = date(1899, 12, 30)
_EXCEL_LAST_SERIAL = (date(9999, 12, 31) - _EXCEL_EPOCH).days

_AGREEMENT_HINT = "Пишите, например: 09.12.2005, июнь 2017 г., 2006."


# Characters that show nothing (zero-width spaces, a byte-order mark, soft hyphens,
# direction marks): a date pasted from a web page or Word brings them along unseen.
INVISIBLE_RE = re.compile("[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]")


def _fold(text: str) -> str:
    """White space folded and invisible characters dropped: the text as it shows."""
    return _SPACES_RE.sub(" ", INVISIBLE_RE.sub("", text)).strip()


# Latin letters that look like Cyrillic ones: «мaрта» typed with a Latin «a», «MAPTA» typed
# in the wrong keyboard layout look right on screen and must read as they look.
_LOOK_ALIKES = str.maketrans("AaBCcEeHKkMOoPpTXxYy", "АаВСсЕеНКкМОоРрТХхУу")
_WORD_RE = re.compile(r"[^\W\d_]+")
_LATIN_RE = re.compile(r"[A-Za-z]")
_CYRILLIC_RE = re.compile(r"[А-Яа-яЁё]")
_ROMAN_RE = re.compile(r"[IVX]+")  # «III квартал»: Roman numerals stay Latin


def cyrillic_look_alikes(text: str) -> str:
    """``text`` with the Latin look-alike letters of its Russian words written in Cyrillic.

    A word with a Cyrillic letter, or one whose every Latin letter has a Cyrillic twin,
    is a Russian word; Roman numerals and foreign words stay as they are.
    """

    def russian(match: re.Match[str]) -> str:
        word = match[0]
        if not _LATIN_RE.search(word) or _ROMAN_RE.fullmatch(word):
            return word
        mapped = word.translate(_LOOK_ALIKES)
        if _CYRILLIC_RE.search(word) or not _LATIN_RE.search(mapped):
            return mapped
        return word

    return _WORD_RE.sub(russian, text)


def quote_typed(text: str, limit: int = 60) -> str:
    """What was typed, short enough for a message: a pasted page is not repeated in full."""
    text = _fold(text)
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _is_int(value: object) -> bool:
    # bool is an int to Python, but True is not a month.
    return isinstance(value, int) and not isinstance(value, bool)


@dataclass(frozen=True, order=True, slots=True)
class PartialDate:
    """A date known to the year, the month or the day; nothing finer is ever invented.

    Values compare and sort by time, a coarser date first: 2006 < июнь 2006 < 1 июня 2006.
    """

    year: int = field(compare=False)
    month: int | None = field(default=None, compare=False)
    day: int | None = field(default=None, compare=False)
    # Equality and order go through this key so that dates of different precision can be
    # sorted together; (year, month, day) with None as 0 would make None < 1 a TypeError.
    _key: tuple[int, int, int] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        year, month, day = self.year, self.month, self.day
        if not _is_int(year) or not all(v is None or _is_int(v) for v in (month, day)):
            raise DateError("Год, месяц и день даты должны быть целыми числами.")
        if not 1 <= year <= 9999:
            raise DateError(f"Год {year} вне допустимых пределов: от 1 до 9999.")
        if month is None:
            if day is not None:
                raise DateError("В дате указан день, но не указан месяц.")
        elif not 1 <= month <= 12:
            raise DateError(f"Месяц {month} не существует.")
        elif day is not None and not 1 <= day <= calendar.monthrange(year, month)[1]:
            if month == 2 and day == 29:
                raise DateError(f"Нет такой даты: 29 февраля {year} г. — {year} год не високосный.")
            raise DateError(f"Нет такой даты: {day} {MONTHS_GENITIVE[month - 1]}.")
        object.__setattr__(self, "_key", (year, month or 0, day or 0))

    @property
    def precision(self) -> Precision:
        if self.day is not None:
            return Precision.DAY
        return Precision.YEAR if self.month is None else Precision.MONTH

    def iso(self) -> str:
        """The date as «2006», «2017-06» or «2015-12-16»: how the database and JSON keep it."""
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
        if self.day is not None:
            text += f"-{self.day:02d}"
        return text

    @classmethod
    def from_iso(cls, s: str) -> PartialDate:
        """The inverse of :meth:`iso`."""
        match = _ISO_RE.fullmatch(s.strip()) if isinstance(s, str) else None
        if match is None:
            raise DateError(
                f"Не удалось понять дату «{quote_typed(str(s))}»: нужен вид ГГГГ, ГГГГ-ММ или "
                "ГГГГ-ММ-ДД."
            )
        year, month, day = match.groups()
        return cls(int(year), int(month) if month else None, int(day) if day else None)

    @classmethod
    def from_cell(cls, value: object) -> list[PartialDate]:
        """The dates of a spreadsheet cell of the agreements' date column.

        A real date is a day; a number like 2006 is a year; a larger number is an Excel
        serial day (a date cell whose format was lost); text is read by
        :func:`parse_agreement_dates`; an empty cell has no dates.
        """
        if value is None:
            return []
        if isinstance(value, datetime):
            value = value.date()
        if isinstance(value, date):
            return [cls(value.year, value.month, value.day)]
        if isinstance(value, str):
            return parse_agreement_dates(value)
        if isinstance(value, int | float) and not isinstance(value, bool):
            return [cls._from_number(value)]
        raise DateError(f"Не удалось понять дату «{value}». {_AGREEMENT_HINT}")

    @classmethod
    def _from_number(cls, value: float) -> PartialDate:
        if math.isfinite(value):
            if value == int(value) and 1000 <= value <= 9999:
                return cls(int(value))
            # A fraction of a serial is the time of day: the day is what counts.
            if 9999 < value <= _EXCEL_LAST_SERIAL:
                day = _EXCEL_EPOCH + timedelta(days=int(value))
                return cls(day.year, day.month, day.day)
        shown = int(value) if math.isfinite(value) and value == int(value) else value
        raise DateError(f"Не удалось понять дату «{shown}». {_AGREEMENT_HINT}")


def _human(d: PartialDate) -> str:
    """A date as words for messages: «6 июля», «июнь»."""
    assert d.month is not None
    if d.day is None:
        return MONTHS_NOMINATIVE[d.month - 1]
    return f"{d.day} {MONTHS_GENITIVE[d.month - 1]}"


@dataclass(frozen=True, slots=True)
class EventDate:
    """When an event took place: a day, a range of days, a month or a range of months.

    Both ends empty: an undated item of the year. ``EventDate(start=d)`` is the single day
    (or month) ``d``. ``written`` is the date as staff wrote it («1 и 3 октября», «начало
    апреля», «III квартал», «09.12.2025»): what the window, the export and the report show,
    while the ends serve sorting, counting and the chart. It is empty when the standard
    form (:func:`format_event_date`) says the same. A written date with no ends is one
    the program did not understand and the clerk kept as written: undated for counting,
    marked so that it can be fixed later (:attr:`not_understood`).
    """

    start: PartialDate | None = None
    end: PartialDate | None = None
    written: str = ""

    def __post_init__(self) -> None:
        start, end = self.start, self.end
        if not isinstance(self.written, str):
            raise DateError("Дата мероприятия, как она написана, должна быть текстом.")
        written = _fold(self.written)
        if written != self.written:
            object.__setattr__(self, "written", written)
        if start is None:
            if end is not None:
                raise DateError("У периода указан конец, но не указано начало.")
            return
        if end is None:
            object.__setattr__(self, "end", start)
            end = start
        if Precision.YEAR in (start.precision, end.precision):
            raise DateError("У мероприятия должен быть указан день или месяц, а не только год.")
        if start.precision is not end.precision:
            raise DateError(
                "Начало и конец периода пишутся одинаково: оба с числом или оба только месяцем."
            )
        if end < start:
            raise DateError(f"Конец периода ({_human(end)}) раньше его начала ({_human(start)}).")
        if start.year != end.year and not written:
            # Only a date written with its years («28.12.2024 – 05.01.2025») may cross one.
            raise DateError("Начало и конец периода должны быть в одном году.")
        if written and written == _standard_form(start, end):
            object.__setattr__(self, "written", "")

    @classmethod
    def as_written(cls, text: str) -> EventDate:
        """A date kept as the clerk wrote it, not understood: undated for counting."""
        return cls(None, None, text)

    @property
    def is_dated(self) -> bool:
        return self.start is not None

    @property
    def not_understood(self) -> bool:
        """Written, but with no ends: kept as written for the clerk to fix later."""
        return self.start is None and bool(self.written)

    @property
    def precision(self) -> Precision | None:
        return None if self.start is None else self.start.precision

    def start_iso(self) -> str | None:
        return None if self.start is None else self.start.iso()

    def end_iso(self) -> str | None:
        return None if self.end is None else self.end.iso()

    def other_year(self, year: int) -> int | None:
        """The year the date is in when it is wholly in another year than ``year``, else None.

        «09.12.2024» in the 2025 table is 2024; a range across New Year is in both, so None.
        """
        if self.start is None or self.end is None:
            return None
        if self.start.year == self.end.year != year:
            return self.start.year
        return None


def _full_year(written: str) -> int:
    """«2005» as it is; «05» → 2005, «67» → 1967: two digits not past this year's are this
    century's (an agreement is signed, not planned a lifetime ahead)."""
    value = int(written)
    if len(written) == 2:
        value += 2000 if value <= date.today().year % 100 else 1900
    return value


def _parse_agreement_date(piece: str) -> PartialDate:
    piece = cyrillic_look_alikes(piece)
    match = _agreement_date_re().fullmatch(piece)
    if match is None:
        raise DateError(_not_understood(piece))
    d = _agreement_date(match.groupdict())
    if not is_table_year(d.year):
        # «0001», «31.12.9999»: no agreement of the committee's tables is dated so.
        raise DateError(
            f"Год {d.year} не подходит: дата соглашения должна быть от {FIRST_YEAR} до "
            f"{LAST_YEAR} года. Проверьте, нет ли опечатки."
        )
    return d


def _agreement_date(g: dict[str, str]) -> PartialDate:
    for d, m, y in (("d", "dm", "dy"), ("sd", "sm", "sy"), ("id", "im", "iy")):
        if g[y]:
            return PartialDate(_full_year(g[y]), int(g[m]), int(g[d]))
    if g["my"]:
        return PartialDate(int(g["my"]), int(g["mm"]))
    if g["wy"]:
        day = int(g["wd"]) if g["wd"] else None
        word = g["wm"].lower().rstrip(".")
        month = _MONTH_BY_FORM.get(word) or _ABBREVIATED_MONTHS.index(word[:3]) + 1
        return PartialDate(int(g["wy"]), month, day)
    return PartialDate(int(g["y"]))


_FOUR_DIGITS_RE = re.compile(r"\d{4}")


def _not_understood(piece: str) -> str:
    """Why an agreement's date cannot be read: an event's date with no year says so."""
    if _FOUR_DIGITS_RE.search(piece) is None:
        from spbgui.domain.event_dates import parse_event_date  # here: it imports this module

        try:
            parse_event_date(piece, 2000)  # a leap year: «29 февраля» is a date too
        except DateError as exc:
            no_year = str(exc).startswith("Нет такой даты")
        else:
            no_year = True
        if no_year:
            return (
                f"Не удалось понять дату «{quote_typed(piece)}»: в ней нет года, а у даты "
                f"соглашения он есть всегда. {_AGREEMENT_HINT}"
            )
    remark = _remark(piece)
    if remark:
        return (
            f"Не удалось понять дату «{quote_typed(piece)}». Пояснение «{quote_typed(remark)}» "
            "запишите в столбец «Примечание», а здесь оставьте только даты."
        )
    return f"Не удалось понять дату «{quote_typed(piece)}». {_AGREEMENT_HINT}"


def _remark(piece: str) -> str:
    """The words after a date that reads («1995 (продлено в 2020)»: «(продлено в 2020)»)."""
    match = _agreement_date_re().match(piece)
    if match is None or not match.group().strip():
        return ""
    rest = piece[match.end() :].strip().lstrip(DASH_CHARS + ":").strip()
    return rest if _REMARK_WORD_RE.search(rest) else ""  # «2006 и 2007», «2017-06»: no remark


_REMARK_WORD_RE = re.compile(r"[^\W\d_]{3,}")


def parse_agreement_dates(text: str) -> list[PartialDate]:
    """Read the agreements' date column: dates separated by commas, semicolons or lines.

    «09.12.2005», «2006», «16 декабря 2015 г.», «июнь 2017 г.», «18.02.2004, 2011»; as staff
    also type them, «9.12.05», «09/12/2005», «2005-12-09», «дек. 2005», «с 2005 г.».
    Empty text has no dates.
    """
    return [_parse_agreement_date(p) for p in map(_fold, _LIST_SEPARATOR_RE.split(text)) if p]


def format_agreement_dates(dates: Sequence[PartialDate]) -> str:
    """Write dates as staff do: «09.12.2005», «июнь 2017 г.», «2006», joined by «, »."""
    parts = []
    for d in dates:
        if d.month is None:
            parts.append(f"{d.year:04d}")
        elif d.day is None:
            parts.append(f"{MONTHS_NOMINATIVE[d.month - 1]} {d.year:04d} г.")
        else:
            parts.append(f"{d.day:02d}.{d.month:02d}.{d.year:04d}")
    return ", ".join(parts)


def format_event_date(d: EventDate) -> str:
    """An event's date as it was written, else as staff write it: «3-6 июля», «Июнь»."""
    if d.written:
        return d.written
    if d.start is None or d.end is None:
        return ""
    return _standard_form(d.start, d.end)


def _standard_form(start: PartialDate, end: PartialDate) -> str:
    """The standard form of a date range: «3-6 июля», «29 января – 16 февраля», «Июнь»."""
    assert start.month is not None and end.month is not None
    if start.day is None:
        first = MONTHS_NOMINATIVE[start.month - 1].capitalize()
        return first if start == end else f"{first} – {MONTHS_NOMINATIVE[end.month - 1]}"
    if start == end:
        return _human(start)
    if start.month == end.month:
        return f"{start.day}-{end.day} {MONTHS_GENITIVE[end.month - 1]}"
    return f"{_human(start)} – {_human(end)}"


def __getattr__(name: str) -> object:
    """``parse_event_date`` and ``EVENT_DATE_PATTERN`` live in :mod:`spbgui.domain.event_dates`
    (the grammar of event dates); imports from here keep working."""
    if name in ("parse_event_date", "EVENT_DATE_PATTERN"):
        from spbgui.domain import event_dates  # here, not above: it imports this module

        return getattr(event_dates, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
