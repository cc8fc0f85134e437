"""How long the Excel export takes, against openpyxl writing the same cells without formatting.

    python benchmarks/bench_export.py [--events 500000] [--repeat 1] [--keep DIR]

Generates a table of ``--events`` events (realistic texts and every date
precision, about eight events per agreement) and imports it into a temporary
database. Then times, best of ``--repeat``:

- openpyxl (write-only mode, the fastest it has) appending the very cell values
  of the export's two sheets, computed beforehand: no styles, merges, row
  heights, print set-up or checks;
- ``write_table``: the export from the table in memory, everything included
  (layout, refusals, the read-back check, formatting, atomic write);
- ``export_workbook``: the service as the window and the CLI call it, which
  also loads the table from the database.

and prints each with its ratio to openpyxl; the export must stay at or below 1.5.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from openpyxl import Workbook

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from spbgui.domain.dates import EventDate, PartialDate, Precision, format_event_date
from spbgui.domain.events_text import EventText
from spbgui.io.table.records import (
    ParsedTable,
    TableAgreement,
    TableCountry,
    TablePartner,
    TableRegion,
)
from spbgui.io.xlsx_writer.events_sheet import HEADERS as LIST_HEADERS
from spbgui.io.xlsx_writer.table_sheet import plan_table
from spbgui.io.xlsx_writer.workbook import write_table
from spbgui.services.export import export_workbook
from spbgui.services.importer import import_table
from spbgui.store.database import open_database

REGIONS = {
    "Европа": ["Сербия", "Венгрия", "Италия", "Франция", "Германия", "Испания", "Греция"],
    "Азия": ["Китай", "Вьетнам", "Индия", "Монголия", "Таиланд", "Турция", "Южная Корея"],
    "СНГ": ["Белоруссия", "Казахстан", "Киргизия", "Армения", "Узбекистан", "Таджикистан"],
    "Африка": ["ЮАР", "Египет", "Танзания", "Марокко"],
    "Латинская Америка": ["Куба", "Аргентина", "Бразилия", "Мексика"],
}
WHAT = (
    "визит делегации {city} в Санкт-Петербург",
    "визит делегации Санкт-Петербурга в {city} для участия в экономическом форуме",
    "состоялся визит делегации министерства культуры для участия в Главном военно-морском параде",
    "в Государственном мемориальном музее обороны и блокады Ленинграда прошёл "
    "международный «круглый стол» «Санкт-Петербург – {city}»",
    "Дни Санкт-Петербурга в {city} (подписан план мероприятий на 2024-2026 годы)",
    "рабочая встреча с представителями органов государственной власти, обсуждение "
    "направлений долгосрочного сотрудничества в сфере образования, здравоохранения и туризма",
)
TITLES = (
    "Соглашение о партнёрстве",
    "Соглашение о партнёрстве между Правительством Санкт-Петербурга и мэрией города {city}",
    "Соглашение о торгово-экономическом, научно-техническом и культурном сотрудничестве",
    "Договор об установлении побратимских связей между Санкт-Петербургом и городом {city}",
)


def _date(rng: random.Random, year: int) -> EventDate:
    month = rng.randint(1, 11)
    day = rng.randint(1, 25)
    form = rng.random()
    if form < 0.4:
        return EventDate(PartialDate(year, month, day), PartialDate(year, month, day + 3))
    if form < 0.8:
        return EventDate(PartialDate(year, month, day))
    if form < 0.9:
        return EventDate(PartialDate(year, month, day), PartialDate(year, month + 1, 2))
    if form < 0.95:
        return EventDate(PartialDate(year, month))
    return EventDate()


def make_table(n_events: int, year: int = 2024, seed: int = 1) -> ParsedTable:
    """A table of exactly ``n_events`` events, spread over many partners and agreements."""
    rng = random.Random(seed)
    table = ParsedTable(year=year)
    left = n_events
    city_no = 0
    while left > 0:
        for region_name, countries in REGIONS.items():
            region = next((r for r in table.regions if r.name == region_name), None)
            if region is None:
                region = TableRegion(region_name)
                table.regions.append(region)
            for country_name in countries:
                country = next((c for c in region.countries if c.name == country_name), None)
                if country is None:
                    country = TableCountry(country_name)
                    region.countries.append(country)
                city_no += 1
                city = f"Город {city_no}"
                partner = TablePartner(city)
                country.partners.append(partner)
                row = sum(len(p.agreements) for p in country.partners)
                for k in range(rng.randint(1, 3)):
                    events = []
                    for _ in range(min(left, rng.randint(4, 12))):
                        what = rng.choice(WHAT).format(city=city)
                        date = _date(rng, year)
                        text = what + "." if date.is_dated else "Ведется работа: " + what + "."
                        events.append(EventText(date, text))
                    left -= len(events)
                    partner.agreements.append(
                        TableAgreement(
                            title=rng.choice(TITLES).format(city=city) + f" № {k + 1}",
                            dates=[PartialDate(rng.randint(1960, 2024), rng.randint(1, 12))],
                            events=events,
                            row=row + k,
                        )
                    )
                    if left <= 0:
                        return table
    return table


def plain_rows(table: ParsedTable) -> tuple[list[list[object]], list[list[object]]]:
    """The values of both sheets, as the export writes them, for the bare openpyxl run."""
    plan = plan_table(table)
    sheet = [list(r.values) for r in plan.rows]
    events: list[list[object]] = [list(LIST_HEADERS)]
    for r in table.regions:
        for c in r.countries:
            for p in c.partners:
                for a in p.agreements:
                    for e in a.events:
                        d = e.date
                        start = d.start
                        end = d.end
                        events.append(
                            [
                                r.name,
                                c.name,
                                p.name,
                                a.title,
                                format_event_date(d) or None,
                                _excel_date(start),
                                _excel_date(end),
                                {Precision.DAY: "день", Precision.MONTH: "месяц"}.get(
                                    d.precision,  # type: ignore[arg-type]
                                    "без даты",
                                ),
                                e.text,
                            ]
                        )
    return sheet, events


def _excel_date(d: PartialDate | None):  # type: ignore[no-untyped-def]
    import datetime as dt

    if d is None or d.month is None:
        return None
    return dt.date(d.year, d.month, d.day or 1)


def openpyxl_plain(path: Path, sheet: list[list[object]], events: list[list[object]]) -> None:
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Таблица")
    for row in sheet:
        ws.append(row)
    ws = wb.create_sheet("Мероприятия")
    for row in events:
        ws.append(row)
    wb.save(path)


def best_of(repeat: int, fn: Callable[[], object]) -> tuple[float, float]:
    """Best wall-clock and best CPU time of ``repeat`` runs.

    CPU time is the fairer ratio on a machine shared with other work; wall time
    is what a user waits (it includes writing the file to the disk).
    """
    walls, cpus = [], []
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        fn()
        cpus.append(time.process_time() - cpu)
        walls.append(time.perf_counter() - wall)
    return min(walls), min(cpus)


def _line(label: str, t: tuple[float, float], base: tuple[float, float] | None) -> str:
    text = f"{label:<38} wall {t[0]:7.2f} s   cpu {t[1]:7.2f} s"
    if base is not None:
        text += f"   ratio wall {t[0] / base[0]:.2f}   cpu {t[1] / base[1]:.2f}"
    return text


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=500_000)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--keep", type=Path, help="keep the files in this folder")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        started = time.perf_counter()
        table = make_table(args.events)
        db = open_database(folder / "bench.sqlite")
        import_table(db=db, table=table)
        print(f"generated and imported {table.counts()} in {time.perf_counter() - started:.1f} s")
        sheet, events = plain_rows(table)

        base = best_of(args.repeat, lambda: openpyxl_plain(folder / "plain.xlsx", sheet, events))
        print(_line("openpyxl, same cells, no formatting:", base, None))
        own = best_of(args.repeat, lambda: write_table(table, folder / "write_table.xlsx"))
        print(_line("write_table (table in memory):", own, base))
        full = best_of(
            args.repeat,
            lambda: export_workbook(db=db, year=table.year, path=folder / "export.xlsx"),
        )
        print(_line("export_workbook (from the database):", full, base))
        db.close()
        limit = 1.5
        ratio = min(full[0] / base[0], full[1] / base[1])
        verdict = "within" if ratio <= limit else "OVER"
        print(f"export_workbook: {verdict} the limit of {limit} × openpyxl")


if __name__ == "__main__":
    main()
