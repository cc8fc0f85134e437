"""Agreement dates as staff type them, rewritten into the forms the date reader knows.

The 4th column's reader (:meth:`spbgui.domain.dates.PartialDate.from_cell`)
takes the published forms: «09.12.2005», «июнь 2017 г.», «2006», «16 декабря
2015 г.». Staff also type «9.12.05», «09/12/2005», «дек. 2005», «с 2005 г.»,
«от 09.12.2005», and a cell that went through LibreOffice or a CSV file holds
«2005-12-09». Each part of the cell (between commas) is rewritten here to the
published form of the same date at the same precision; what is no date at all
is left as it was, for the reader to refuse and the importer to keep in a note.
"""

from __future__ import annotations

import datetime as dt
import re

_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?=\D|$)")
_SLASHED = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})(?=\D|$)")
_SHORT_YEAR = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{2})(?=[^\d.]|$)")
_SINCE = re.compile(r"^(?:с|со|от|since)\s+(?=\d|[а-яё])", re.IGNORECASE)
_MONTHS = {
    "янв": "января",
    "фев": "февраля",
    "февр": "февраля",
    "мар": "марта",
    "апр": "апреля",
    "июн": "июня",
    "июл": "июля",
    "авг": "августа",
    "сен": "сентября",
    "сент": "сентября",
    "окт": "октября",
    "ноя": "ноября",
    "нояб": "ноября",
    "дек": "декабря",
}
_ABBREVIATED = re.compile(
    r"(?<![а-яё])(" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?(?=\s|$)",
    re.IGNORECASE,
)


def _full_year(yy: str) -> str:
    """«05» → 2005, «67» → 1967: a two-digit year not past this year's is this century's."""
    n = int(yy)
    return str(2000 + n if n <= dt.date.today().year % 100 else 1900 + n)


def _part(text: str) -> str:
    text = _SINCE.sub("", text.strip(), count=1)
    if m := _ISO.match(text):
        return f"{int(m[3]):02d}.{int(m[2]):02d}.{m[1]}{text[m.end() :]}"
    if m := _SLASHED.match(text):
        return f"{int(m[1]):02d}.{int(m[2]):02d}.{m[3]}{text[m.end() :]}"
    if m := _SHORT_YEAR.match(text):
        return f"{int(m[1]):02d}.{int(m[2]):02d}.{_full_year(m[3])}{text[m.end() :]}"
    return _ABBREVIATED.sub(lambda m: _MONTHS[m[1].lower()], text)


# «1995, 2006 гг.»: the plural «годы» after a list of years belongs to all of them.
_YEARS_WORD = re.compile(r"(?<=\d)\s*(?:гг|г\.\s?г)\.?\s*$", re.IGNORECASE)
# «2009 и 2024», «июнь 2017 г. и 2020»: «и» between two dates is a comma.
_AND = re.compile(r"(?<=[\d.])\s+и\s+(?=\d)")
# «2006.0»: a year that went through a program that writes every number with a fraction.
_FLOAT_YEAR = re.compile(r"^(\d{4})\.0+$")


def typed_dates(text: str) -> str:
    """The cell's text with each comma-separated date in a form the date reader takes."""
    text = _AND.sub(", ", _YEARS_WORD.sub("", text))
    return ", ".join(_part(_FLOAT_YEAR.sub(r"\1", part.strip())) for part in text.split(","))
