"""The «Мероприятия» sheet: one event a row, for counting and filtering in Excel.

Staff answer questions such as «how many events in the CIS this year?» with
Excel's filter, so every event gets a row with its region, country, partner
and agreement, its date as written («3-6 июля») and as real Excel dates (start
and end; an event known to the month has the month's first day, shown as
«06.2024», with «месяц» in the precision column so nobody reads a day into it),
and its text. Autofilter on, header frozen and repeated on every printed page;
every cell boxed and wrapped, so the list prints as a ruled A4 landscape table.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from spbgui.domain.dates import PartialDate, Precision, format_event_date
from spbgui.domain.numbers import thousands
from spbgui.io.table.records import ParsedTable
from spbgui.io.xlsx_writer.cells import (
    EXCEL_FIRST_DATE,
    CellRefused,
    ExportError,
    RowCells,
    cell_text,
)
from spbgui.io.xlsx_writer.styles import (
    DAY,
    LIST_HEADER,
    LIST_TEXT,
    LIST_WRAP,
    MONTH,
    lines_needed,
    row_height,
    set_page,
    set_widths,
    styles_for,
)
from spbgui.io.xlsx_writer.table_sheet import MAX_SHEET_ROWS, Record, ordered_agreements

SHEET = "Мероприятия"
HEADERS = (
    "Регион",
    "Страна",
    "Партнёр",
    "Соглашение",
    "Дата",
    "Начало",
    "Конец",
    "Точность даты",
    "Мероприятие",
)
# Sized for A4 landscape: the widths add up to about what a landscape page holds at
# 90 %, and the page set-up scales the sheet to the page width (set_page), so every
# column is printed on the same page as its row. Every text wraps within its column:
# the tallest cell of a row sets the row's height (rows_height).
WIDTHS = [10.0, 13.0, 14.0, 36.0, 11.0, 10.0, 10.0, 9.0, 45.0]
TEXT_COL = 8
PRECISION = {Precision.DAY: "день", Precision.MONTH: "месяц", None: "без даты"}
NOT_UNDERSTOOD = "не распознана"  # a date kept as written: undated for counting


def count_events(table: ParsedTable) -> int:
    return table.counts()["events"]


def _as_date(d: PartialDate | None) -> dt.date | None:
    """The Excel date of an event's end; None before 1 March 1900, which Excel cannot show."""
    if d is None or d.month is None:
        return None
    day = dt.date(d.year, d.month, d.day or 1)
    return day if day >= EXCEL_FIRST_DATE else None


def _lines(values: tuple[str | None, ...]) -> int:
    """The lines of a row's tallest cell, every text wrapped in its column."""
    return max((lines_needed(v, w) for v, w in zip(values, WIDTHS, strict=True) if v), default=1)


def write_events_sheet(wb: Any, table: ParsedTable, tick: Callable[[int], None]) -> int:
    """Write the events list; returns the number of events written."""
    total = count_events(table)
    if total + 1 > MAX_SHEET_ROWS:
        raise ExportError(
            f"Выгрузка невозможна: мероприятий {thousands(total)} — больше, чем помещается на "
            f"лист Excel ({thousands(MAX_SHEET_ROWS - 1)}). Выгрузите часть регионов или стран."
        )
    ws = wb.create_sheet(SHEET)
    set_widths(ws, WIDTHS)
    set_page(ws, title_rows="1:1", freeze="A2")
    styles = styles_for(ws)
    head, text, wrap = styles[LIST_HEADER], styles[LIST_TEXT], styles[LIST_WRAP]
    day, month = styles[DAY], styles[MONTH]
    out = RowCells(ws, len(HEADERS))
    for col, name in enumerate(HEADERS):
        out.text(col, name, head)
    out.append(row_height(_lines(HEADERS), bold=True))

    done = 0
    for region in table.regions:
        region_text = cell_text(region.name)
        for country in region.countries:
            country_text = cell_text(country.name)
            for partner, agreement in ordered_agreements(country):
                if not agreement.events:
                    continue
                partner_text = cell_text(partner.name) if partner.name else None
                title_text = cell_text(agreement.title) if agreement.title else None
                for event in agreement.events:
                    try:
                        event_text = cell_text(event.text)
                    except CellRefused as exc:
                        rec = Record(
                            region.name,
                            country.name,
                            partner.name,
                            partner.name is None,
                            agreement.title,
                        )
                        raise ExportError(
                            f"Выгрузка невозможна: {rec.describe()}: мероприятие: {exc}."
                        ) from None
                    for col in range(len(HEADERS)):  # empty cells boxed too: a full grid
                        out.blank(col, text)
                    out.text(0, region_text, text)
                    out.text(1, country_text, text)
                    if partner_text:
                        out.text(2, partner_text, text)
                    if title_text:
                        out.text(3, title_text, text)
                    date = event.date
                    when = (
                        format_event_date(date)  # as written
                        if date.written or date.start is not None
                        else None
                    )
                    if when is not None:
                        out.text(4, when, text)
                    if date.start is not None:
                        style = day if date.precision is Precision.DAY else month
                        start, end = _as_date(date.start), _as_date(date.end)
                        if start is not None and end is not None:
                            out.date(5, start, style)
                            out.date(6, end, style)
                    precision = NOT_UNDERSTOOD if date.not_understood else PRECISION[date.precision]
                    out.text(7, precision, text)
                    if event.text:
                        out.text(TEXT_COL, event_text, wrap)
                    shown = (region.name, country.name, partner.name, agreement.title, when)
                    lines = _lines((*shown, None, None, precision, event.text))
                    out.append(row_height(lines) if lines > 1 else None)
                    done += 1
                    if done % 500 == 0:
                        tick(500)
    tick(done % 500)
    ws.auto_filter.ref = f"A1:I{done + 1}"
    # Without a print area a long text in the last column would widen the printed page.
    ws.print_area = f"A1:I{done + 1}"
    out.close()
    return done
