"""Export the year's table to Excel: the service behind File → Export to Excel… and the CLI.

Reads the table (:func:`~spbgui.services.table_data.load_table`), writes it
(:func:`~spbgui.io.xlsx_writer.workbook.write_table`) and says what it wrote. Nothing in
the database changes. Names in the region/country filter that the database
does not have are refused rather than silently giving a smaller table, and
whatever a re-import of the file would read differently is returned as
warnings naming the records.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from spbgui.io.xlsx_writer.atomic import check_target
from spbgui.io.xlsx_writer.table_sheet import shown
from spbgui.io.xlsx_writer.workbook import ExportCancelled, ExportError, write_table
from spbgui.services import targets
from spbgui.services.long_texts import shorten_for_excel
from spbgui.services.stats_blocks import summary_blocks
from spbgui.services.table_data import load_table
from spbgui.store.database import Database
from spbgui.store.models import Agreement, Country, Event, Partner, Region

__all__ = ["ExportCancelled", "ExportError", "ExportResult", "export_workbook"]

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]


@dataclass
class ExportResult:
    path: Path
    year: int
    counts: dict[str, int]  # what the file holds: regions, countries, ..., events, dated_events
    warnings: list[str] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        return {
            "path": str(self.path),
            "year": self.year,
            "counts": self.counts,
            "warnings": self.warnings,
        }


def _listed(names: Collection[str]) -> str:
    return ", ".join(f"«{n}»" for n in names)


def _check_names(db: Database, regions: set[str] | None, countries: set[str] | None) -> None:
    with db.read() as s:
        if regions:
            known = set(s.scalars(select(Region.name)))
            unknown = sorted(regions - known)
            if unknown:
                word = "Региона" if len(unknown) == 1 else "Регионов"
                raise ExportError(
                    f"{word} {_listed(unknown)} нет в базе. Есть: {_listed(sorted(known))}."
                )
        if countries:
            known = set(s.scalars(select(Country.name)))
            unknown = sorted(countries - known)
            if unknown:
                word = "Страны" if len(unknown) == 1 else "Стран"
                raise ExportError(f"{word} {_listed(unknown)} нет в базе.")


def _loose_events(db: Database, year: int, countries: set[str]) -> list[str]:
    """Events of a partner tied to none of its agreements: the table puts them on its first row."""
    has_agreements = select(Agreement.partner_id).distinct()
    with db.read() as s:
        rows = s.execute(
            select(Country.name, Partner.name, func.count(Event.id))
            .join(Partner, Partner.id == Event.partner_id)
            .join(Country, Country.id == Partner.country_id)
            .where(
                Event.year == year,
                Event.agreement_id.is_(None),
                Event.partner_id.in_(has_agreements),
            )
            # Every column shown or sorted on is grouped: PostgreSQL insists (SQLite does not).
            .group_by(Partner.id, Partner.name, Partner.position, Country.name, Country.position)
            .order_by(Country.position, Partner.position)
        ).all()
    warnings = []
    for country, partner, n in rows:
        if country not in countries:
            continue
        who = (
            f"партнёр «{shown(partner)}» ({shown(country)})"
            if partner
            else f"страна «{shown(country)}» в целом"
        )
        warnings.append(
            f"{who}: у мероприятий {year} года без соглашения (их {n}) в таблице нет своей "
            "строки — они записаны в строку первого соглашения партнёра, и при загрузке файла "
            "будут отнесены к нему. Что сделать: откройте партнёра и в столбце «Соглашение» "
            "выберите для этих мероприятий нужное соглашение, затем выгрузите таблицу снова."
        )
    return warnings


def export_workbook(
    *,
    db: Database,
    year: int,
    path: str | os.PathLike[str],
    regions: Collection[str] | None = None,
    countries: Collection[str] | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> ExportResult:
    """Write the table of ``year`` (only ``regions``/``countries``, if given) to ``path``.

    Both filters together keep the given countries of the given regions.
    Raises :class:`ExportError` (one plain Russian line) when the export cannot
    be done, :class:`ExportCancelled` when ``cancelled()`` said so; either way
    an earlier file at ``path`` is left as it was.
    """
    target = check_target(path)  # a bad name is refused before any work
    if targets.is_protected(target):
        raise ExportError(targets.protected_message(target))
    targets.remove_stale_temporaries(target, targets.excel_temporaries(target))
    region_set = set(regions) if regions is not None else None
    country_set = set(countries) if countries is not None else None
    _check_names(db, region_set, country_set)
    if region_set is None and country_set is None:
        # The whole table: name every region, so that one without countries yet still
        # gets its row (load_table leaves empty regions out unless they are asked for).
        with db.read() as s:
            region_set = set(s.scalars(select(Region.name)))
    table = load_table(db=db, year=year, regions=region_set, countries=country_set)
    if country_set and not any(r.countries for r in table.regions):
        raise ExportError(
            "Нечего выгружать: среди выбранных регионов нет выбранных стран. "
            "Измените выбор регионов или стран."
        )
    if not table.regions:
        raise ExportError("Нечего выгружать: в базе нет ни одного региона и ни одной страны.")
    in_table = {c.name for r in table.regions for c in r.countries}
    warnings = _loose_events(db, year, in_table) + shorten_for_excel(table)
    # The «Итоги» sheet: the statistics across years up to this one, of the whole database.
    summary = (
        f"Итоги {year} года по всей базе: мероприятия по годам, сравнение с {year - 1} годом, "
        "юбилейные даты",
        summary_blocks(db=db, year=year),
    )
    written = write_table(table, path, progress=progress, cancelled=cancelled, summary=summary)
    return ExportResult(
        path=written.path,
        year=year,
        counts=table.counts(),
        warnings=warnings + written.warnings,
    )
