"""The statistics across years as tables of figures, for the Excel sheet and the report.

One function builds the blocks both show: events per year by region and by country over
the last years up to the year asked, that year against the one before, what each region
holds, and the year's round anniversaries. The figures come from
:mod:`spbgui.services.stats` and :mod:`spbgui.services.memory`, as the window's and the
CLI's do.
"""

from __future__ import annotations

from spbgui.domain.figures import FigureBlock
from spbgui.domain.terms import date_text
from spbgui.services import memory, stats, years
from spbgui.store.database import Database

SPAN = 5  # years in the tables: the year asked and the four before it (those the table has)


def span_for(*, db: Database, year: int, span: int = SPAN) -> tuple[int, int]:
    """The years to show for ``year``: up to ``span`` years ending with it, not before the
    table's first year."""
    known = years.years(db=db)
    first = max(year - span + 1, known[0]) if known else year
    return min(first, year), year


def _signed(n: int) -> str:
    return f"+{n}" if n > 0 else str(n)


def per_year_block(table: stats.YearTable, title: str, first_header: str) -> FigureBlock:
    return FigureBlock(
        title=title,
        headers=[first_header, *(str(y) for y in table.years), "Всего"],
        rows=[[r.name, *(r.counts[y] for y in table.years), r.total] for r in table.rows],
        total=["Всего", *(table.totals[y] for y in table.years), sum(table.totals.values())],
    )


NOT_KNOWN = "—"  # a figure of a year the database does not have


def comparison_block(cmp: stats.Comparison) -> FigureBlock:
    last, this, diff = cmp.totals
    known = cmp.previous_known
    return FigureBlock(
        title=f"{cmp.year} год в сравнении с {cmp.year - 1} годом",
        headers=["Регион", str(cmp.year - 1), str(cmp.year), "Разница"],
        rows=[
            [r.name, a if known else NOT_KNOWN, b, _signed(d) if known else NOT_KNOWN]
            for r, a, b, d in cmp.rows
        ],
        total=[
            "Всего",
            last if known else NOT_KNOWN,
            this,
            _signed(diff) if known else NOT_KNOWN,
        ],
        note=cmp.note,
    )


def holdings_block(holdings: list[stats.RegionHoldings]) -> FigureBlock:
    return FigureBlock(
        title="Страны, партнёры и соглашения по регионам",
        headers=["Регион", "Стран", "Партнёров", "Соглашений"],
        rows=[[h.name, h.countries, h.partners, h.agreements] for h in holdings],
        total=["Всего", *stats.holdings_total(holdings)],
    )


def anniversaries_block(found: list[memory.Anniversary], year: int) -> FigureBlock:
    return FigureBlock(
        title=f"Юбилейные даты {year} года",
        headers=["Дата", "Лет", "Партнёр", "Страна", "Что"],
        rows=[
            [
                date_text(a.date),
                a.years,
                a.partner,
                a.country,
                ("партнёрство: " if a.kind == "partnership" else "соглашение: ") + a.title,
            ]
            for a in found
        ],
        note="" if found else f"В {year} году юбилейных дат нет.",
    )


def summary_blocks(*, db: Database, year: int, span: int = SPAN) -> list[FigureBlock]:
    """Every table of the «Итоги» sheet and of the report's section, in their order."""
    first, last = span_for(db=db, year=year, span=span)
    years = f"{first}–{last}" if first != last else str(last)  # not «2024–2024»
    regions = stats.events_per_year(db=db, first=first, last=last, level="region")
    countries = stats.events_per_year(db=db, first=first, last=last, level="country")
    return [
        comparison_block(stats.compare_years(db=db, year=year, level="region")),
        per_year_block(regions, f"Мероприятия по регионам, {years}", "Регион"),
        per_year_block(countries, f"Мероприятия по странам, {years}", "Страна"),
        holdings_block(stats.holdings_per_region(db=db)),
        anniversaries_block(memory.anniversaries(db=db, year=year), year),
    ]
