"""``spbgui-cli import 2021.xlsx 2022.xlsx …`` or ``import FOLDER``: several years in one go.

Every file is read and checked before the database is opened (a refused file stops the
batch, named); each then goes in with its own transaction, oldest year first. The year
of each file comes from its header, so ``--year`` is refused here.
"""

from __future__ import annotations

import argparse
import json
import sys

from spbgui.errors import UserError
from spbgui.services.batch_import import BatchImportError
from spbgui.services.reading import ImportLimits


def run_many(args: argparse.Namespace, limits: ImportLimits) -> int:
    from spbgui.commands.args import COUNT_NAMES as NAMES
    from spbgui.commands.import_table import WARNINGS_SHOWN, more_warnings
    from spbgui.services.batch_import import import_tables, read_tables, workbook_paths

    if args.year is not None:
        raise BatchImportError(
            "--year задаёт год одного файла; при загрузке нескольких файлов год каждого "
            "берётся из его заголовка. Уберите --year или загрузите файлы по одному."
        )
    items = read_tables(workbook_paths(args.file), limits=limits)
    from spbgui.commands.database import close_written, names_new_file, open_to_write

    new_file = names_new_file(args)
    db = open_to_write(args)
    done = False
    try:
        results = import_tables(
            db=db, items=items, replace_year=args.replace_year, dry_run=args.dry_run
        )
        done = True
    finally:
        close_written(db, new_file, kept=done and not args.dry_run)
    if args.json:
        data = [
            {"file": str(item.path), **result.as_json()}
            for item, result in zip(items, results, strict=True)
        ]
        json.dump(data, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return 0
    verb = "В файле" if args.dry_run else "Загружено из файла"
    for item, result in zip(items, results, strict=True):
        counts = ", ".join(f"{NAMES[k]}: {v}" for k, v in result.counts.items())
        print(f"{verb} «{item.path.name}» (мероприятия {result.year} года): {counts}.")
        if not args.dry_run:
            new = ", ".join(f"{NAMES[k]}: {v}" for k, v in result.created.items())
            print(f"  Новое в базе — {new}.")
            if result.replaced_events:
                print(f"  Заменено мероприятий {result.year} года: {result.replaced_events}.")
        if result.warnings:
            print(f"  Замечания ({len(result.warnings)}):")
            for w in result.warnings[:WARNINGS_SHOWN]:
                print(f"    {w}")
            hidden = len(result.warnings) - WARNINGS_SHOWN
            if hidden > 0:
                where = args.warnings or "--warnings ФАЙЛ или --json"
                print(f"    … и {more_warnings(hidden)}; все: {where}")
    if args.warnings is not None:
        try:
            with args.warnings.open("w", encoding="utf-8") as out:
                for item, result in zip(items, results, strict=True):
                    out.writelines(f"{item.path.name}: {w}\n" for w in result.warnings)
        except OSError as exc:
            raise UserError(
                f"Не удалось записать файл замечаний «{args.warnings}»: {exc.strerror}."
            ) from exc
    return 0
