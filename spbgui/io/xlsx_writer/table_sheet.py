"""The year's table sheet: the committee's table laid out row by row, then written.

docs/TABLE_RULES.md, «Writing the table»: the title, the header, a region row in
capitals merged across, one row per agreement in the table's order (a
country's agreements by ``TableAgreement.row``, since its partners' rows
interleave), the country on its first row merged down over its rows, a blank
city for an agreement with the country as a whole, each event «date – text» on
its own line. Consecutive rows of one partner share a merged city cell, as in
the committee's Word table.

An events cell too long for one row (Excel's 32,767 characters, or taller than
the 409 points a row may have) goes on in the next rows, as the committee's
table does at a page break, and so does a title or note taller than a row: rows
with only those cells filled, which the reader appends to the cell above
(docs/TABLE_RULES.md, «Rows», 5; where to cut is :mod:`~spbgui.io.xlsx_writer.chunks`).
The country's and the partner's merged cells stop above such a row, because a
merged value belongs to every row it spans; the row after it names them again,
as at the top of a printed page.

The layout is plain data (:class:`TablePlan`), so the same rows can be handed
to the reader's own row logic to check that the file reads back as it was
(:mod:`~spbgui.io.xlsx_writer.check`) before anything is written.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from openpyxl.worksheet.cell_range import CellRange

from spbgui.domain.dates import format_agreement_dates
from spbgui.domain.events_text import EventText, join_events
from spbgui.domain.numbers import thousands
from spbgui.io.cell_limit import MAX_CELL_CHARS, excel_length
from spbgui.io.table.records import ParsedTable, TableAgreement, TableCountry, TablePartner
from spbgui.io.xlsx_writer.cells import (
    CellRefused,
    ExportError,
    RowCells,
    cell_text,
)
from spbgui.io.xlsx_writer.chunks import split_events_cell, split_text_cell
from spbgui.io.xlsx_writer.styles import (
    CELL,
    CELL_OPEN,
    CELL_OPEN_BOTTOM,
    CELL_OPEN_TOP,
    HEADER,
    MAX_LINES,
    REGION,
    TITLE,
    lines_needed,
    row_height,
    set_page,
    set_widths,
    styles_for,
)

TABLE_TITLE = "Сотрудничество Санкт-Петербурга с городами-партнёрами"
COUNTRY, CITY, AGREEMENT, DATES, EVENTS, NOTE = range(6)
HEADERS = (
    "Страна",
    "Город",
    "Основание для сотрудничества",
    "Год установления связей/ подписания документа",
    "Основные мероприятия в {year} году",
    "Примечание",
)
WIDTHS = (16.0, 18.0, 42.0, 15.0, 78.0, 24.0)
TITLE_ROW, HEADER_ROW = 1, 2  # 1-based sheet rows
FIRST_DATA_ROW = 3
MAX_SHEET_ROWS = 1_048_576  # Excel's limit


# Characters a message must not carry: they cannot be printed or are invisible.
_UNSHOWABLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def shown(text: str, limit: int = 60) -> str:
    """A name or title as a message quotes it: one line, clipped, nothing unprintable."""
    text = " ".join(_UNSHOWABLE.sub("\ufffd", text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


@dataclass(frozen=True, slots=True)
class Record:
    """What a row or a text belongs to, for messages a clerk can act on."""

    region: str
    country: str | None = None
    partner: str | None = None
    whole: bool = False  # the country as a whole (a partner without a name)
    title: str | None = None

    def describe(self) -> str:
        region = shown(self.region)
        if self.country is None:
            return f"регион «{region}»"
        country = shown(self.country)
        if self.whole:
            who = f"страна «{country}» в целом"
        elif self.partner is not None:
            who = f"партнёр «{shown(self.partner)}» ({country})"
        else:
            who = f"страна «{country}»"
        if self.title is None:
            return who
        title = f"«{shown(self.title)}»" if self.title else "без названия"
        return f"{who}, соглашение {title}"


@dataclass(slots=True)
class PlannedRow:
    kind: str  # title | header | region | country | agreement | continuation
    values: list[str | None]
    record: Record | None = None
    height: float = 0.0
    escaped: dict[int, str] | None = None  # cell XML text where it differs from the value
    goes_on: bool = False  # the row's cells go on in the (continuation) row below


@dataclass
class TablePlan:
    year: int
    columns: int
    widths: list[float]
    rows: list[PlannedRow] = field(default_factory=list)
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)  # 0-based r1 c1 r2 c2
    # 1-based sheet row of each agreement → what was written there.
    agreements: dict[int, tuple[Record, TableAgreement]] = field(default_factory=dict)

    @property
    def next_row(self) -> int:
        return len(self.rows) + 1


def ordered_agreements(country: TableCountry) -> list[tuple[TablePartner, TableAgreement]]:
    """A country's agreements in the table's row order (partners' rows interleave)."""
    found = [(p, a) for p in country.partners for a in p.agreements]
    order = sorted(
        range(len(found)), key=lambda i: (found[i][1].row is None, found[i][1].row or 0, i)
    )
    return [found[i] for i in order]


def plan_table(table: ParsedTable) -> TablePlan:
    """Lay the table out; raises :class:`ExportError` for a text no cell can hold."""
    has_notes = any(
        a.note for r in table.regions for c in r.countries for p in c.partners for a in p.agreements
    )
    columns = 6 if has_notes else 5
    plan = TablePlan(table.year, columns, list(WIDTHS[:columns]))
    _Planner(plan).run(table)
    if len(plan.rows) > MAX_SHEET_ROWS:
        raise ExportError(
            f"Выгрузка невозможна: в таблице {thousands(len(plan.rows))} строк — больше, чем "
            f"помещается на лист Excel ({thousands(MAX_SHEET_ROWS)}). Выгрузите часть регионов "
            "или стран."
        )
    return plan


class _Planner:
    def __init__(self, plan: TablePlan) -> None:
        self.plan = plan
        self.width = plan.columns
        self.events_width = plan.widths[EVENTS]

    def _row(self, kind: str, values: list[str | None], record: Record | None) -> PlannedRow:
        row = PlannedRow(kind, values, record)
        for col, value in enumerate(values):
            if not value:
                continue
            try:
                text = cell_text(value)
            except CellRefused as exc:
                where = record.describe() if record else "заголовок таблицы"
                raise ExportError(f"Выгрузка невозможна: {where}: {exc}.") from None
            if text is not value:
                if row.escaped is None:
                    row.escaped = {}
                row.escaped[col] = text
        if kind in ("agreement", "continuation", "country"):
            lines = max(
                (lines_needed(v, self.plan.widths[c]) for c, v in enumerate(values) if v),
                default=1,
            )
            row.height = row_height(lines)
        self.plan.rows.append(row)
        return row

    def _merge(self, r1: int, c1: int, r2: int, c2: int) -> None:
        """Merge 1-based sheet rows ``r1``..``r2`` over 0-based columns ``c1``..``c2``."""
        if (r1, c1) != (r2, c2):
            self.plan.merges.append((r1 - 1, c1, r2 - 1, c2))

    def run(self, table: ParsedTable) -> None:
        plan, last = self.plan, self.width - 1
        title = self._row("title", [TABLE_TITLE] + [None] * last, None)
        title.height = 36.0
        self._merge(TITLE_ROW, 0, TITLE_ROW, last)
        header = [h.format(year=plan.year) for h in HEADERS[: self.width]]
        head = self._row("header", list(header), None)
        head.height = row_height(
            max(lines_needed(h, w) for h, w in zip(header, plan.widths, strict=True)), bold=True
        )
        for region in table.regions:
            rec = Record(region.name)
            row = self._row("region", [region.name.upper()] + [None] * last, rec)
            row.height = row_height(1, bold=True) + 4
            self._merge(plan.next_row - 1, 0, plan.next_row - 1, last)
            for country in region.countries:
                self._country(region.name, country)

    def _country(self, region: str, country: TableCountry) -> None:
        rows = ordered_agreements(country)
        if not rows:
            self._row(
                "country",
                [country.name] + [None] * (self.width - 1),
                Record(region, country.name),
            )
            return
        # The country's name is merged down over its rows, and the partner's over its own
        # consecutive rows. A continuation row must have neither (a merged value belongs to
        # every row it spans), so there both merges stop, and the row after it names the
        # country and the partner again, as a table does at the top of a new page.
        named_at = self.plan.next_row  # the row that carries the country's name
        city_run: tuple[int, str | None] | None = None  # (first row, partner) of a city merge
        for partner, agreement in rows:
            rec = Record(region, country.name, partner.name, partner.name is None, agreement.title)
            at = self.plan.next_row
            if city_run is not None and city_run[1] != partner.name:
                self._merge(city_run[0], CITY, at - 1, CITY)
                city_run = None
            if city_run is None:
                city_run = (at, partner.name)
            # A cell taller than a row may be goes on in the rows below (see chunks).
            parts = {
                EVENTS: self._events_chunks(agreement.events, rec),
                AGREEMENT: self._text_chunks(agreement.title, AGREEMENT),
            }
            if self.width > NOTE:
                parts[NOTE] = self._text_chunks(agreement.note, NOTE)
            chunks = parts[EVENTS]
            values: list[str | None] = [
                country.name if at == named_at else None,
                partner.name if at == city_run[0] else None,
                parts[AGREEMENT][0] if parts[AGREEMENT] else None,
                format_agreement_dates(agreement.dates) or None,
                chunks[0] if chunks else None,
            ]
            if self.width > NOTE:
                values.append(parts[NOTE][0] if parts[NOTE] else None)
            self._row("agreement", values, rec)
            self.plan.agreements[at] = (rec, agreement)
            rows_taken = max(len(p) for p in parts.values())
            if rows_taken > 1:
                self._merge(named_at, COUNTRY, at, COUNTRY)
                self._merge(city_run[0], CITY, at, CITY)
                city_run = None
                self.plan.rows[-1].goes_on = True
                for n in range(1, rows_taken):
                    cont: list[str | None] = [None] * self.width
                    for col, texts in parts.items():
                        cont[col] = texts[n] if n < len(texts) else None
                    self._row("continuation", cont, rec).goes_on = True
                self.plan.rows[-1].goes_on = False
                self._merge(at + 1, COUNTRY, self.plan.next_row - 1, COUNTRY)  # a blank cell
                named_at = self.plan.next_row
        end = self.plan.next_row - 1
        if city_run is not None:
            self._merge(city_run[0], CITY, end, CITY)
        if named_at <= end:
            self._merge(named_at, COUNTRY, end, COUNTRY)

    # --- a cell over more than one row ---------------------------------------------------------

    def _text_chunks(self, text: str, col: int) -> list[str]:
        """A title or note as one text per row: more than one only when taller than a row
        may be. A text longer than a cell holds is refused whole, as before."""
        if not text:
            return []
        if excel_length(text) > MAX_CELL_CHARS:
            return [text]  # _row refuses it, naming the record
        return split_text_cell(text, self.plan.widths[col])

    def _events_chunks(self, events: list[EventText], rec: Record) -> list[str]:
        if not events:
            return []
        cell = join_events(events)
        if excel_length(cell) <= MAX_CELL_CHARS and lines_needed(cell, self.events_width) <= (
            MAX_LINES
        ):
            return [cell]
        return split_events_cell(events, self.events_width, rec.describe())


# --- writing -------------------------------------------------------------------------------

Tick = Callable[[int], None]


def write_table_sheet(wb: Any, plan: TablePlan, tick: Tick) -> None:
    """Write the planned table as the workbook's first sheet."""
    ws = wb.create_sheet(f"Таблица {plan.year}")
    set_widths(ws, plan.widths)
    set_page(ws, title_rows=f"{HEADER_ROW}:{HEADER_ROW}", freeze=f"A{FIRST_DATA_ROW}")
    ws.print_options.gridLines = False
    styles = styles_for(ws)
    look = {
        "title": styles[TITLE],
        "header": styles[HEADER],
        "region": styles[REGION],
    }
    cell = styles[CELL]
    # Borders of an agreement whose events go on over several rows: open between them.
    joined = {
        (False, True): styles[CELL_OPEN_BOTTOM],
        (True, True): styles[CELL_OPEN],
        (True, False): styles[CELL_OPEN_TOP],
    }
    out = RowCells(ws, plan.columns)
    for n, row in enumerate(plan.rows, 1):
        style = look.get(row.kind, cell)
        if row.kind == "continuation" or row.goes_on:
            style = joined[(row.kind == "continuation", row.goes_on)]
        escaped = row.escaped
        for col, value in enumerate(row.values):
            if value:
                out.text(col, escaped[col] if escaped and col in escaped else value, style)
            else:
                out.blank(col, None if row.kind == "title" else style)
        out.append(row.height or None)
        if n % 500 == 0:
            tick(500)
    tick(len(plan.rows) % 500)
    # Straight into the set: MultiCellRange.add() looks through every range already there.
    ranges = ws.merged_cells.ranges
    for r1, c1, r2, c2 in plan.merges:
        ranges.add(CellRange(min_col=c1 + 1, min_row=r1 + 1, max_col=c2 + 1, max_row=r2 + 1))
    out.close()
