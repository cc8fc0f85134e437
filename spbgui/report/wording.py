"""The Russian text of the yearly report: title, column headers, page numbers, summary.

The report is a Russian document that the committee signs and sends up, not a piece
of the program's interface, so its wording lives here as plain constants rather than
going through ``tr()``: the English interface prints the same document. Everything the
PDF, the print preview and the Word file write comes from this one module, so the
three always say the same thing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from spbgui.domain.dates import MONTHS_GENITIVE

TITLE = "Сотрудничество Санкт-Петербурга с городами-партнёрами"

# The committee's own column headers (docs/TABLE_RULES.md, «Columns»).
COLUMNS = (
    "Страна",
    "Город",
    "Основание для сотрудничества",
    "Год установления связей/ подписания документа",
)


def events_column(year: int) -> str:
    """The last header; its year is the year of every event in the column."""
    return f"Основные мероприятия в {year} году"


def subtitle(year: int) -> str:
    return f"Основные мероприятия {year} года"


def prepared(day: dt.date) -> str:
    return f"Дата подготовки: {day.day} {MONTHS_GENITIVE[day.month - 1]} {day.year} г."


def selection(regions: Sequence[str] | None, countries: Sequence[str] | None) -> str:
    """A line under the heading when the report covers only part of the table."""
    parts = []
    if regions:
        parts.append("регионы: " + ", ".join(regions))
    if countries:
        parts.append("страны: " + ", ".join(countries))
    return ("Выборка — " + "; ".join(parts) + ".") if parts else ""


PAGE, OF = "стр.", "из"  # the Word file puts page fields between these


def file_stem(year: int) -> str:
    """The name offered when the report is saved or printed to a file."""
    return f"Сотрудничество с городами-партнёрами {year}"


def page_number(n: int, total: int) -> str:
    return f"{PAGE} {n} {OF} {total}"


def running_title(year: int) -> str:
    """The short title in every page's footer, so a loose page says what it belongs to."""
    return f"{TITLE}, {year} г."


def continued(name: str) -> str:
    """A country or partner name repeated at the top of a page its rows run onto."""
    return f"{name} (продолжение)"


def summary_heading(year: int) -> str:
    return f"Итоги {year} года"


SUMMARY_COLUMNS = ("Регион", "Стран", "Партнёров", "Соглашений")


def summary_events_column(year: int) -> str:
    return f"Мероприятий в {year} году"


TOTAL = "Всего"


def chart_title(year: int) -> str:
    return f"Мероприятия {year} года по месяцам и регионам"


CHART_AXIS = "Мероприятий"

MONTHS_SHORT = (
    "янв", "фев", "мар", "апр", "май", "июн",
    "июл", "авг", "сен", "окт", "ноя", "дек",
)  # fmt: skip


def undated_note(n: int) -> str:
    """Under the chart: events with no date are counted in the table, not in the chart."""
    if not n:
        return "Мероприятие с периодом дат отнесено к месяцу его начала."
    return (
        "Мероприятие с периодом дат отнесено к месяцу его начала; "
        f"мероприятий без даты (в диаграмму не вошли): {n}."
    )


NO_EVENTS = "В этом году мероприятий нет."
