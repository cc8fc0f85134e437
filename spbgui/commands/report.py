"""``spbgui-cli report -o FILE.pdf|FILE.docx``: the yearly report without a window.

The kind of file comes from its extension. Runs headless: with no display and no
``QT_QPA_PLATFORM`` set, Qt is told to draw offscreen. A file name, region or country
that cannot be used is refused before anything is written.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any

from spbgui.commands import args as args_
from spbgui.errors import UserError

KINDS = {".pdf": "PDF", ".docx": "Word"}


class ReportRefused(UserError):
    pass


def register(sub: Any, db_arg: Callable[[argparse.ArgumentParser], None]) -> None:
    p = sub.add_parser("report", help="годовой отчёт в PDF или Word (.docx)")
    db_arg(p)
    p.add_argument(
        "--year",
        type=args_.year,
        metavar="ГОД",
        help="год мероприятий (по умолчанию — последний в базе)",
    )
    p.add_argument(
        "-o", "--output", required=True, metavar="ФАЙЛ", help="куда сохранить: ФАЙЛ.pdf или .docx"
    )
    p.add_argument("--portrait", action="store_true", help="книжная ориентация (обычно альбомная)")
    p.add_argument("--no-summary", action="store_true", help="без итогов и диаграммы в конце")
    p.add_argument(
        "--region", action="append", metavar="РЕГИОН", help="только этот регион (можно несколько)"
    )
    p.add_argument(
        "--country", action="append", metavar="СТРАНА", help="только эта страна (можно несколько)"
    )
    p.set_defaults(func=run)


def _target(output: str) -> Path:
    path = Path(output).expanduser()
    from spbgui.services import targets

    if targets.only_extension(path, tuple(KINDS)):
        raise ReportRefused(targets.only_extension_message(path))
    if path.suffix.lower() not in KINDS:
        raise ReportRefused(
            f"Не понимаю, в каком виде сохранить «{path.name}»: укажите файл .pdf или .docx."
        )
    if targets.too_long(path):
        raise ReportRefused(targets.too_long_message(path))
    if not path.parent.is_dir():
        raise ReportRefused(f"Папки «{path.parent}» нет: отчёт сохранить некуда.")
    if path.is_dir():
        raise ReportRefused(f"«{path}» — это папка; укажите имя файла отчёта.")
    return path


def run(args: argparse.Namespace) -> int:
    path = _target(args.output)
    from spbgui.report.headless import go_headless_without_display

    go_headless_without_display()
    from spbgui.commands.database import open_to_read, table_year
    from spbgui.report import ReportOptions, save_docx, save_pdf

    db = open_to_read(args)
    try:
        year = table_year(db, args.year)
        options = ReportOptions(
            year=year,
            regions=tuple(args.region) if args.region else None,
            countries=tuple(args.country) if args.country else None,
            summary=not args.no_summary,
            landscape=not args.portrait,
        )
        if path.suffix.lower() == ".pdf":
            pages = save_pdf(db=db, options=options, path=path)
            print(f"Отчёт за {year} год сохранён: {path} (страниц: {pages}).")
        else:
            save_docx(db=db, options=options, path=path)
            print(f"Отчёт за {year} год сохранён в формате Word: {path}.")
    finally:
        db.close()
    return 0
