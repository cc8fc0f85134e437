"""``spbgui-cli import FILE``: last year's table into the database, from any file a reader takes.

The reader is chosen by the file's content (:mod:`spbgui.io.sources`): .xlsx, .xls,
.ods, .xlsb, .docx or text.

The workbook is read and checked before the database is opened, so a file that
is refused leaves the database file byte-for-byte as it was.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from spbgui.commands import args as args_
from spbgui.services.reading import ImportLimits, ParsedTable


def register(sub: Any, db_arg: Callable[[argparse.ArgumentParser], None]) -> None:
    p = sub.add_parser(
        "import",
        help="загрузить таблицу из файла (.xlsx, .xls, .ods, .xlsb, .docx, .txt); "
        "несколько файлов или папку — сразу",
    )
    p.add_argument(
        "file",
        metavar="ФАЙЛ",
        nargs="+",
        help="файл таблицы; несколько файлов или папка — каждый год из своего заголовка",
    )
    db_arg(p)
    p.add_argument("--year", type=args_.year, help="год мероприятий (если в заголовке его нет)")
    p.add_argument("--dry-run", action="store_true", help="только показать, что будет загружено")
    p.add_argument(
        "--replace-year",
        action="store_true",
        help="заменить уже загруженные мероприятия этого года",
    )
    p.add_argument("--json", action="store_true", help="вывести итог в JSON")
    limits = ImportLimits()
    p.add_argument(
        "--max-mb",
        type=args_.positive_number,
        default=limits.max_file_mb,
        help="наибольший размер файла, МБ (больший отклоняется, не читаясь)",
    )
    p.add_argument(
        "--max-cells",
        type=args_.positive_int,
        default=limits.max_cells,
        help="наибольшее число ячеек на листе",
    )
    p.set_defaults(func=run)


def _summary(table: ParsedTable) -> str:
    c = table.counts()
    return ", ".join(f"{args_.COUNT_NAMES[k]}: {v}" for k, v in c.items())


def run(args: argparse.Namespace) -> int:
    from spbgui.services.importer import import_table
    from spbgui.services.reading import read_table_file

    limits = ImportLimits(max_file_mb=args.max_mb, max_cells=args.max_cells)
    if len(args.file) > 1 or Path(args.file[0]).is_dir():
        from spbgui.commands.import_many import run_many

        return run_many(args, limits)
    # The file is read and refused, if it must be, before the database is opened.
    table = read_table_file(args.file[0], year=args.year, limits=limits)
    from spbgui.commands.database import open_to_write

    db = open_to_write(args)
    try:
        result = import_table(
            db=db, table=table, replace_year=args.replace_year, dry_run=args.dry_run
        )
    finally:
        db.close()
    if args.json:
        json.dump(result.as_json(), sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return 0
    verb = "В файле" if args.dry_run else "Загружено из файла"
    print(f"{verb} (мероприятия {result.year} года): {_summary(table)}.")
    if not args.dry_run:
        new = ", ".join(f"{args_.COUNT_NAMES[k]}: {v}" for k, v in result.created.items())
        print(f"Новое в базе — {new}.")
        if result.replaced_events:
            print(f"Заменено мероприятий {result.year} года: {result.replaced_events}.")
        if result.backup:
            print(f"Копия базы до загрузки: {result.backup}")
    if result.warnings:
        print(f"Замечания ({len(result.warnings)}):")
        for w in result.warnings:
            print(f"  {w}")
    return 0
