"""What the yearly report says, before anyone decides how it looks on paper.

:func:`build_content` turns the year's :class:`~spbgui.io.table.records.ParsedTable` into rows of
cells of paragraphs: one region row per region, then one row per agreement in the
committee's order with the country and partner cells merged down over their rows, and
a summary. The PDF/print painter (:mod:`spbgui.report.layout`) and the Word writer
(:mod:`spbgui.report.docx`) both draw this one description, so the two files cannot
drift apart. Pure Python: no Qt.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass, field
from typing import Any

from spbgui.domain.dates import format_agreement_dates
from spbgui.domain.events_text import join_events
from spbgui.errors import UserError
from spbgui.io.table.records import (
    ParsedTable,
    TableAgreement,
    TableCountry,
    TablePartner,
    TableRegion,
)
from spbgui.report import wording
from spbgui.report.options import ReportOptions

# Column widths as fractions of the table's width. The events take the most room:
# a busy partner has a page of them, and a narrow column would make that two pages.
MAIN_WIDTHS = (0.12, 0.12, 0.24, 0.13, 0.39)
SUMMARY_WIDTHS = (0.32, 0.136, 0.136, 0.136, 0.272)


class SelectionError(UserError):
    """A region or country asked for that the database does not have."""


@dataclass(frozen=True)
class Para:
    """One paragraph of a cell. ``style``: body, bold, italic, header; ``align``: left,
    center, right."""

    text: str
    style: str = "body"
    align: str = "left"


@dataclass
class Cell:
    paras: list[Para] = field(default_factory=list)
    # Cells of consecutive rows in one column with the same (not None) key are one merged
    # cell: the first holds the text, the others are blank and have no border between.
    span: Hashable | None = None
    # Shown at the top of a page that a merged cell runs onto, so the page says whose
    # rows these are.
    continued: str | None = None

    @property
    def text(self) -> str:
        return "\n".join(p.text for p in self.paras)


@dataclass
class Row:
    cells: list[Cell]
    kind: str = "data"  # data | region (one cell across the table) | total

    @property
    def full_width(self) -> bool:
        return self.kind == "region"


@dataclass
class TableContent:
    widths: Sequence[float]
    header: list[Cell]
    rows: list[Row]


@dataclass
class ChartData:
    title: str
    categories: list[str]  # month names
    series: list[tuple[str, list[int]]]  # region -> events by month
    note: str

    @property
    def total(self) -> int:
        return sum(sum(values) for _name, values in self.series)


@dataclass
class SummaryContent:
    heading: str
    table: TableContent
    chart: ChartData


@dataclass
class ReportContent:
    year: int
    title: str
    subtitle: str
    prepared: str
    selection: str
    footer: str
    table: TableContent
    summary: SummaryContent | None
    # «в сравнении с 2023 годом», «Юбилейные даты 2024 года» (spbgui.report.years_section)
    years: Any = None


def select_table(table: ParsedTable, options: ReportOptions) -> ParsedTable:
    """The part of ``table`` the options ask for; names nobody has are refused."""
    regions, countries = set(options.regions or ()), set(options.countries or ())
    known_regions = [r.name for r in table.regions]
    known_countries = [c.name for r in table.regions for c in r.countries]
    if missing := sorted(regions - set(known_regions)):
        raise SelectionError(
            f"Региона «{missing[0]}» нет в базе. Есть регионы: {', '.join(known_regions)}."
        )
    if missing := sorted(countries - set(known_countries)):
        raise SelectionError(f"Страны «{missing[0]}» нет в базе. Проверьте написание названия.")
    if not regions and not countries:
        return table
    kept = []
    for r in table.regions:
        if r.name in regions:
            kept.append(r)
        elif chosen := [c for c in r.countries if c.name in countries]:
            kept.append(TableRegion(r.name, chosen))
    return ParsedTable(year=table.year, regions=kept, sheet=table.sheet)


def _rows_of_country(c: TableCountry) -> list[tuple[TablePartner, TableAgreement]]:
    """The country's agreements in the committee's order: partners' rows interleave."""
    pairs = [(p, a) for p in c.partners for a in p.agreements]
    return sorted(pairs, key=lambda pa: pa[1].row if pa[1].row is not None else 0)


def _agreement_cells(a: TableAgreement) -> list[Cell]:
    basis = [Para(a.title)] if a.title else []
    if a.note:
        basis.append(Para(a.note, style="italic"))
    dates = format_agreement_dates(a.dates)
    # join_events writes each event as «date – text», the way the export does.
    events = [Para(join_events([e])) for e in a.events]
    return [Cell(basis), Cell([Para(dates, align="center")] if dates else []), Cell(events)]


def main_table(table: ParsedTable) -> TableContent:
    header = [Cell([Para(h, style="header", align="center")]) for h in wording.COLUMNS]
    header.append(Cell([Para(wording.events_column(table.year), "header", "center")]))
    rows: list[Row] = []
    for r in table.regions:
        if not any(c.partners for c in r.countries):
            continue  # a region with nobody in it yet: no heading over an empty stretch
        rows.append(Row([Cell([Para(r.name.upper(), "bold", "center")])], kind="region"))
        for c in r.countries:
            country = Cell([Para(c.name, "bold")], continued=wording.continued(c.name))
            last_partner: TablePartner | None = None
            for n, (p, a) in enumerate(_rows_of_country(c)):
                country_cell = country if n == 0 else Cell()
                country_cell.span = ("country", id(c))
                # A partner's cell merges over its consecutive rows only: another
                # partner's row in between (Минск among Белоруссия's) starts a new cell.
                if p is last_partner:
                    partner = Cell(span=rows[-1].cells[1].span)
                else:
                    partner = Cell(
                        [Para(p.name)] if p.name else [],
                        span=("partner", id(p), n),
                        continued=wording.continued(p.name) if p.name else None,
                    )
                last_partner = p
                rows.append(Row([country_cell, partner, *_agreement_cells(a)]))
    return TableContent(MAIN_WIDTHS, header, rows)


def _counts(regions: Sequence[TableRegion]) -> list[int]:
    countries = [c for r in regions for c in r.countries]
    partners = [p for c in countries for p in c.partners]
    # load_table gives a partner without agreements an empty row; it is no agreement.
    agreements = [a for p in partners for a in p.agreements if a.title or a.dates]
    events = [e for p in partners for a in p.agreements for e in a.events]
    return [len(countries), len(partners), len(agreements), len(events)]


def _number_row(name: str, values: Sequence[int], kind: str, style: str) -> Row:
    cells = [Cell([Para(name, style)])]
    cells += [Cell([Para(str(v), style, "center")]) for v in values]
    return Row(cells, kind=kind)


def summary(table: ParsedTable) -> SummaryContent:
    year = table.year
    heads = [*wording.SUMMARY_COLUMNS, wording.summary_events_column(year)]
    header = [Cell([Para(h, "header", "center")]) for h in heads]
    rows = [_number_row(r.name, _counts([r]), "data", "body") for r in table.regions]
    rows.append(_number_row(wording.TOTAL, _counts(table.regions), "total", "bold"))
    series, undated = [], 0
    for r in table.regions:
        months = [0] * 12
        for c in r.countries:
            for p in c.partners:
                for a in p.agreements:
                    for e in a.events:
                        if e.date.start is None or e.date.start.month is None:
                            undated += 1
                        else:  # a period counts in the month it starts
                            months[e.date.start.month - 1] += 1
        series.append((r.name, months))
    chart = ChartData(
        wording.chart_title(year), list(wording.MONTHS_SHORT), series, wording.undated_note(undated)
    )
    return SummaryContent(
        wording.summary_heading(year), TableContent(SUMMARY_WIDTHS, header, rows), chart
    )


def build_content(table: ParsedTable, options: ReportOptions) -> ReportContent:
    """The report of ``table`` (already the options' year) as the options ask."""
    chosen = select_table(table, options)
    return ReportContent(
        year=table.year,
        title=wording.TITLE,
        subtitle=wording.subtitle(table.year),
        prepared=wording.prepared(options.prepared),
        selection=wording.selection(options.regions, options.countries),
        footer=wording.running_title(table.year),
        table=main_table(chosen),
        summary=summary(chosen) if options.summary else None,
    )
