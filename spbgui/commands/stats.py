"""``spbgui-cli stats`` and ``spbgui-cli anniversaries``: the figures across years without a window.

``stats --years 2020-2025`` prints events per year by region and country, the last year
against the one before, and what each region holds; ``anniversaries --year 2025`` the
partnerships and agreements with a round anniversary that year. ``--json`` gives the same
figures as JSON. They come from :mod:`spbgui.services.stats` and
:mod:`spbgui.services.memory`, as the window's statistics page and the report do.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from typing import Any

from spbgui.commands import args as args_
from spbgui.errors import UserError


class StatsRefused(UserError):
    pass


def register(sub: Any, db_arg: Callable[[argparse.ArgumentParser], None]) -> None:
    p = sub.add_parser(
        "stats", help="мероприятия по годам: регионы, страны, сравнение с прошлым годом"
    )
    db_arg(p)
    p.add_argument(
        "--years",
        metavar="ГОДЫ",
        type=args_.years,
        help="годы, например 2020-2025 (по умолчанию — все годы базы)",
    )
    p.add_argument(
        "--level",
        choices=("region", "country", "partner"),
        action="append",
        help="какие таблицы вывести (по умолчанию region и country; можно несколько)",
    )
    p.add_argument("--json", action="store_true", help="вывести JSON")
    p.set_defaults(func=run_stats)

    a = sub.add_parser("anniversaries", help="юбилейные даты года: партнёрства и соглашения")
    db_arg(a)
    a.add_argument("--year", type=args_.year, required=True, metavar="ГОД", help="год юбилеев")
    a.add_argument("--json", action="store_true", help="вывести JSON")
    a.set_defaults(func=run_anniversaries)


def _print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")


def collect(*, db: Any, first: int, last: int, levels: tuple[str, ...]) -> dict[str, Any]:
    """Everything ``stats`` prints, as JSON-ready data."""
    from spbgui.services import stats

    tables = {lv: stats.events_per_year(db=db, first=first, last=last, level=lv) for lv in levels}
    comparison = stats.compare_years(db=db, year=last, level="region")
    return {
        "database": db.display_name,
        "years": [first, last],
        "tables": {lv: t.as_json() for lv, t in tables.items()},
        "comparison": comparison.as_json(),
        "regions": [
            {
                "name": h.name,
                "countries": h.countries,
                "partners": h.partners,
                "agreements": h.agreements,
            }
            for h in stats.holdings_per_region(db=db)
        ],
    }


def _table(header: list[str], rows: list[list[str]]) -> str:
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    lines = []
    for n, r in enumerate([header, *rows]):
        cells = [r[0].ljust(widths[0])] + [
            c.rjust(w) for c, w in zip(r[1:], widths[1:], strict=True)
        ]
        lines.append("  ".join(cells).rstrip())
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


def _signed(n: int | None) -> str:
    if n is None:  # the year before is not in the database
        return "—"
    return f"+{n}" if n > 0 else str(n)


def _figure(n: int | None) -> str:
    return "—" if n is None else str(n)


TITLES = {"region": "по регионам", "country": "по странам", "partner": "по партнёрам"}


def _row_name(level: str, row: dict[str, Any]) -> str:
    """A partner with its country («Хошимин (Вьетнам)»), as the window shows it: two
    cities of one name in two countries are two rows."""
    return f"{row['name']} ({row['parent']})" if level == "partner" else str(row["name"])


def as_text(data: dict[str, Any]) -> str:
    first, last = data["years"]
    span = f"{first}–{last}" if first != last else str(last)  # not «2024–2024»
    out = []
    for level, t in data["tables"].items():
        years = [str(y) for y in t["years"]]
        rows = [
            [_row_name(level, r), *[str(r["counts"][y]) for y in years], str(r["total"])]
            for r in t["rows"]
        ]
        rows.append(
            ["Всего", *[str(t["totals"][y]) for y in years], str(sum(t["totals"].values()))]
        )
        out.append(f"Мероприятия {TITLES[level]}, {span}")
        out.append(_table(["", *years, "Всего"], rows))
        out.append("")
    c = data["comparison"]
    rows = [
        [r["name"], _figure(r["previous"]), str(r["this"]), _signed(r["difference"])]
        for r in c["rows"]
    ]
    tot = c["totals"]
    rows.append(["Всего", _figure(tot["previous"]), str(tot["this"]), _signed(tot["difference"])])
    out.append(f"{c['year']} год в сравнении с {c['previous']} годом")
    out.append(_table(["", str(c["previous"]), str(c["year"]), "Разница"], rows))
    if not c["previous_known"]:
        out.append(f"В базе нет {c['previous']} года: сравнивать не с чем.")
    out.append("")
    out.append("Страны, партнёры и соглашения по регионам")
    out.append(
        _table(
            ["", "Стран", "Партнёров", "Соглашений"],
            [
                [r["name"], str(r["countries"]), str(r["partners"]), str(r["agreements"])]
                for r in data["regions"]
            ],
        )
    )
    return "\n".join(out)


def run_stats(args: argparse.Namespace) -> int:
    from spbgui.services import years

    levels = tuple(dict.fromkeys(args.level)) if args.level else ("region", "country")
    span = args.years  # (first, last), read and checked by the option's type
    from spbgui.commands.database import open_to_read

    db = open_to_read(args)
    try:
        if span is None:
            known = years.years(db=db)
            if not known:
                raise StatsRefused(
                    "В базе нет ни одного года: считать нечего. Импортируйте таблицу."
                )
            span = (known[0], known[-1])
        data = collect(db=db, first=span[0], last=span[1], levels=levels)
    finally:
        db.close()
    if args.json:
        _print_json(data)
    else:
        print(as_text(data))
    return 0


def run_anniversaries(args: argparse.Namespace) -> int:
    from spbgui.commands.database import open_to_read
    from spbgui.services import memory

    db = open_to_read(args)
    try:
        found = memory.anniversaries(db=db, year=args.year)
    finally:
        db.close()
    if args.json:
        _print_json({"year": args.year, "anniversaries": [a.as_json() for a in found]})
        return 0
    if not found:
        print(f"В {args.year} году юбилейных дат нет.")
        return 0
    print(f"Юбилейные даты {args.year} года")
    for a in found:
        print(a.line())
    return 0
