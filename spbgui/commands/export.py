"""``spbgui-cli export -o FILE.xlsx``: the year's table to Excel, for other departments.

Exit 0 with a summary on stdout (and the warnings, if any); a refusal is one
Russian line on stderr and exit 1 (spbgui.cli turns every UserError into that).
The database is opened as it is: a missing file is refused, never created.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from typing import Any

from spbgui.commands import args as args_


def register(sub: Any, db_arg: Callable[[argparse.ArgumentParser], None]) -> None:
    p = sub.add_parser("export", help="выгрузить таблицу года в файл Excel (.xlsx)")
    db_arg(p)
    p.add_argument(
        "--year", type=args_.year, help="год мероприятий (по умолчанию — последний год таблицы)"
    )
    p.add_argument("-o", "--output", required=True, metavar="ФАЙЛ.xlsx", help="куда записать")
    p.add_argument(
        "--region",
        action="append",
        metavar="НАЗВАНИЕ",
        help="только этот регион (можно указать несколько раз)",
    )
    p.add_argument(
        "--country",
        action="append",
        metavar="НАЗВАНИЕ",
        help="только эта страна (можно указать несколько раз)",
    )
    p.add_argument("--json", action="store_true", help="вывести итог в JSON")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from spbgui.io.xlsx_writer.atomic import check_target
    from spbgui.services.export import export_workbook

    check_target(args.output)  # a bad file name is refused before the database is opened
    from spbgui.commands.database import open_to_read, table_year

    db = open_to_read(args)
    try:
        year = table_year(db, args.year)
        result = export_workbook(
            db=db,
            year=year,
            path=args.output,
            regions=args.region,
            countries=args.country,
        )
    finally:
        db.close()
    if args.json:
        json.dump(result.as_json(), sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return 0
    summary = ", ".join(
        f"{args_.COUNT_NAMES[k]}: {v}" for k, v in result.counts.items() if k in args_.COUNT_NAMES
    )
    print(f"Таблица {result.year} года записана в файл {result.path}: {summary}.")
    if result.warnings:
        print(f"Замечания ({len(result.warnings)}):")
        for w in result.warnings:
            print(f"  {w}")
    return 0
