"""An agreement's term and status, and round anniversaries: plain dates, no database.

The committee's titles often say how long an agreement runs: «…на 2021- 2023 гг.»,
«…на 2024-2028 годы», «…до 31.12.2026», «…на 2025 год». :func:`term_from_title` reads
such a title into a :class:`Term` (a first and a last date at their own precision);
staff may correct it. :func:`status` says whether an agreement is in force on a day
(действует, истекло) unless staff set it (продлено, прекращено, …); :func:`ends_within`
tells one that runs out within N months. :func:`anniversary` says whether a first date
reaches a round number of years in a year (a date known only to the year counts by year).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from spbgui.domain.dates import MONTHS_GENITIVE, MONTHS_NOMINATIVE, PartialDate

IN_FORCE = "действует"
EXPIRED = "истекло"
RENEWED = "продлено"
ENDED = "прекращено"
STATUSES = (IN_FORCE, EXPIRED, RENEWED, ENDED)
"""What staff may set; without a set status it follows from the term and the day."""

ANNIVERSARY_STEP = 5  # 5, 10, 15, … years


@dataclass(frozen=True)
class Term:
    """How long an agreement runs: either end may be unknown."""

    start: PartialDate | None = None
    end: PartialDate | None = None

    def text(self) -> str:
        """«на 2021–2023 гг.», «до 31.12.2026», «с 2024 г.»: as the committee writes it."""
        if self.start and self.end and self.start.precision == self.end.precision:
            if self.start.month is None:
                if self.start.year == self.end.year:
                    return f"на {self.start.year} г."
                return f"на {self.start.year}–{self.end.year} гг."
        if self.end is not None:
            prefix = f"с {_shown(self.start)} " if self.start is not None else ""
            return f"{prefix}до {_shown(self.end)}"
        if self.start is not None:
            return f"с {_shown(self.start)}"
        return ""


def _shown(d: PartialDate) -> str:
    if d.day is not None:
        return f"{d.day:02d}.{d.month:02d}.{d.year}"
    if d.month is not None:
        return f"{MONTHS_GENITIVE[d.month - 1]} {d.year} г."
    return f"{d.year} г."


_DASH = r"\s*[-–—]\s*"
_YEARS_RE = re.compile(
    rf"\bна\s+(?:период\s+|срок\s+)?(?:с\s+)?(\d{{4}})(?:\s*г(?:г|од)?\.?)?(?:{_DASH}|\s+по\s+)"
    rf"(\d{{4}})\s*(?:гг?\.?|годы|годов|года|год)?",
    re.IGNORECASE,
)
_ONE_YEAR_RE = re.compile(r"\bна\s+(\d{4})\s*(?:г\.|год\b)", re.IGNORECASE)
_UNTIL_DAY_RE = re.compile(r"\bдо\s+(\d{1,2})\.(\d{1,2})\.(\d{4})")
_UNTIL_YEAR_RE = re.compile(r"\bдо\s+(\d{4})\s*(?:г\.|года|год\b)", re.IGNORECASE)


# Every pattern above starts at «на» or «до»: a title without either states no term
# (one search instead of four for most of a 20,000-row table's titles).
_MAY_STATE_TERM_RE = re.compile(r"\b(?:на|до)\s", re.IGNORECASE)


def term_from_title(title: str) -> Term | None:
    """The term an agreement's title states, or None if it states none."""
    if not _MAY_STATE_TERM_RE.search(title):
        return None
    m = _YEARS_RE.search(title)
    if m:
        first, last = int(m.group(1)), int(m.group(2))
        if 1900 <= first <= last <= 2200:
            return Term(PartialDate(first), PartialDate(last))
    m = _UNTIL_DAY_RE.search(title)
    if m:
        day, month, year = (int(g) for g in m.groups())
        try:
            return Term(None, PartialDate(year, month, day))
        except ValueError:
            return None
    m = _UNTIL_YEAR_RE.search(title) or _ONE_YEAR_RE.search(title)
    if m:
        year = int(m.group(1))
        if 1900 <= year <= 2200:
            single = m.re is _ONE_YEAR_RE
            return Term(PartialDate(year) if single else None, PartialDate(year))
    return None


def last_day(d: PartialDate) -> dt.date:
    """The last day a date at its precision covers: 2023 → 31.12.2023, 06.2017 → 30.06.2017."""
    if d.month is None:
        return dt.date(d.year, 12, 31)
    if d.day is None:
        return dt.date(d.year, d.month, calendar.monthrange(d.year, d.month)[1])
    return dt.date(d.year, d.month, d.day)


def status(term_end: PartialDate | None, set_status: str | None, today: dt.date) -> str | None:
    """The agreement's status on ``today``: the one staff set, else from the term's end.

    None: no status set and no end known (an agreement without a term).
    """
    if set_status:
        return set_status
    if term_end is None:
        return None
    return EXPIRED if last_day(term_end) < today else IN_FORCE


def add_months(day: dt.date, months: int) -> dt.date:
    month0 = day.month - 1 + months
    year, month = day.year + month0 // 12, month0 % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def ends_within(term_end: PartialDate | None, today: dt.date, months: int) -> bool:
    """Whether the term runs out after ``today`` and within ``months`` months of it."""
    if term_end is None:
        return False
    end = last_day(term_end)
    return today <= end <= add_months(today, months)


def age(first: PartialDate, today: dt.date) -> int:
    """Full years since ``first`` on ``today``; a date known to the year or month counts from
    its first day (2004 is 20 years old on 1 January 2024)."""
    years = today.year - first.year
    if (today.month, today.day) < (first.month or 1, first.day or 1):
        years -= 1
    return years


def anniversary(first: PartialDate, year: int, step: int = ANNIVERSARY_STEP) -> int | None:
    """The round number of years ``first`` reaches in ``year`` (5, 10, …), or None."""
    years = year - first.year
    if years > 0 and years % step == 0:
        return years
    return None


def years_word(n: int) -> str:
    """«1 год», «3 года», «20 лет», «21 год», «112 лет»."""
    if n % 10 == 1 and n % 100 != 11:
        return f"{n} год"
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return f"{n} года"
    return f"{n} лет"


def date_text(d: PartialDate) -> str:
    """A first date as a list shows it: «09.12.2005», «июнь 2017 г.», «2006 г.»."""
    if d.day is None and d.month is not None:
        return f"{MONTHS_NOMINATIVE[d.month - 1]} {d.year} г."
    return _shown(d)
