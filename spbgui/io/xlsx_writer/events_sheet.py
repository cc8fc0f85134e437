"""The «Мероприятия» sheet: one event a row, for counting and filtering in Excel.

Staff answer questions such as «how many events in the CIS this year?» with
Excel's filter, so every event gets a row with its region, country, partner
and agreement, its date as written («3-6 июля») and as real Excel dates (start
and end; an event known to the month has the month's first day, shown as
«06.2024», with «месяц» in the precision column so nobody reads a day into it),
and its text. Autofilter on, header frozen.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from spbgui.domain.dates import PartialDate, Precision, format_event_date
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
WIDTHS = [12.0, 16.0, 18.0, 40.0, 18.0, 11.0, 11.0, 9.0, 80.0]
TEXT_COL = 8  # the one wrapped column: its text sets a row's height
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


def write_events_sheet(wb: Any, table: ParsedTable, tick: Callable[[int], None]) -> int:
    """Write the events list; returns the number of events written."""
    total = count_events(table)
    if total + 1 > MAX_SHEET_ROWS:
        raise ExportError(
            f"Выгрузка невозможна: мероприятий {total:,} — больше, чем помещается на лист "
            f"Excel ({MAX_SHEET_ROWS - 1:,}). Выгрузите часть регионов или стран.".replace(",", " ")
        )
    ws = wb.create_sheet(SHEET)
    set_widths(ws, WIDTHS)
    set_page(ws, title_rows="1:1", freeze="A2")
    styles = styles_for(ws)
    head, text, wrap = styles[LIST_HEADER], styles[LIST_TEXT], styles[LIST_WRAP]
    day, month = styles[DAY], styles[MONTH]
    out = RowCells(ws, len(HEADERS))
    text_width = WIDTHS[TEXT_COL]
    for col, name in enumerate(HEADERS):
        out.text(col, name, head)
    out.append(30.0)

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
                    out.text(0, region_text, text)
                    out.text(1, country_text, text)
                    if partner_text:
                        out.text(2, partner_text, text)
                    if title_text:
                        out.text(3, title_text, text)  # one line: the list stays scannable
                    date = event.date
                    if date.written or date.start is not None:
                        out.text(4, format_event_date(date), text)  # as written
                    if date.start is not None:
                        style = day if date.precision is Precision.DAY else month
                        start, end = _as_date(date.start), _as_date(date.end)
                        if start is not None and end is not None:
                            out.date(5, start, style)
                            out.date(6, end, style)
                    precision = NOT_UNDERSTOOD if date.not_understood else PRECISION[date.precision]
                    out.text(7, precision, text)
                    if event.text:
                        out.text(8, event_text, wrap)
                    lines = lines_needed(event.text, text_width)
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
