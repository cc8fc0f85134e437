"""``spbgui-cli import FILE``: last year's table into the database, from any file a reader takes.

The reader is chosen by the file's content (:mod:`spbgui.io.sources`): .xlsx, .xls,
.ods, .xlsb, .docx or text.

The workbook is checked and its header found before the database is opened, so a
file that is refused leaves the database file byte-for-byte as it was; its rows are
then written as they are read, in one transaction. The terminal gets
the first warnings and how many more there are (a table of 20,000 rows can
have thousands); ``--json`` or ``--warnings FILE`` give all of them.
"""

from __future__ import annotations

import argparse
import ctypes
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from spbgui.commands import args as args_
from spbgui.errors import UserError
from spbgui.services.reading import Grown, ImportLimits, ParsedTable

if TYPE_CHECKING:  # the database side is loaded while the file is read (see run)
    from spbgui.services.importer import ImportResult, TableImport

WARNINGS_SHOWN = 20  # on the terminal; --json and --warnings FILE give every one
TRIM_EVERY = 8  # reports of rows read (of 500 rows each) between returns of freed memory


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
    p.add_argument("--json", action="store_true", help="вывести итог в JSON (со всеми замечаниями)")
    p.add_argument(
        "--warnings",
        metavar="ФАЙЛ",
        type=Path,
        help=f"записать все замечания в текстовый файл (на экран — первые {WARNINGS_SHOWN})",
    )
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
    # Nothing is left to tidy when it ends: the process ends at once (spbgui.cli.run).
    p.set_defaults(func=run, ends_at_once=True)


def _summary(table: ParsedTable) -> str:
    c = table.counts()
    return ", ".join(f"{args_.COUNT_NAMES[k]}: {v}" for k, v in c.items())


def more_warnings(n: int) -> str:
    """«ещё 1 замечание», «ещё 3 замечания», «ещё 1980 замечаний»."""
    if n % 10 == 1 and n % 100 != 11:
        word = "замечание"
    elif 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        word = "замечания"
    else:
        word = "замечаний"
    return f"ещё {n} {word}"


def _open_warnings_file(path: Path | None) -> TextIO | None:
    """Opened before the import, so that a path it cannot write to stops it before it starts."""
    if path is None:
        return None
    try:
        return path.open("w", encoding="utf-8")
    except OSError as exc:
        raise UserError(
            f"Не удалось создать файл замечаний «{path}»: {exc.strerror}. "
            "Укажите в --warnings файл в папке, куда можно записывать."
        ) from exc


def print_warnings(warnings: Sequence[object], path: Path | None) -> None:
    """The first warnings on the terminal, then how many more and where all of them are."""
    if not warnings:
        return
    print(f"Замечания ({len(warnings)}):")
    for w in warnings[:WARNINGS_SHOWN]:
        print(f"  {w}")
    hidden = len(warnings) - WARNINGS_SHOWN
    if path is not None:
        more = f"… и {more_warnings(hidden)}; " if hidden > 0 else ""
        print(f"  {more}все замечания записаны в файл {path}")
    elif hidden > 0:
        print(f"  … и {more_warnings(hidden)}. Все замечания: --warnings ФАЙЛ или --json.")


def _load_writer() -> None:
    import spbgui.commands.database
    import spbgui.services.importer  # noqa: F401 - SQLAlchemy and the models, for later


class _WrittenAsRead:
    """The import of one file, written as its rows are read (issue 17).

    Called as the reader's ``growing``: the database is opened at the table's first
    rows, once the file has passed its checks, its header is found and the names of
    those rows fit, so a file refused by then leaves no database behind. The writing
    is one transaction (:class:`~spbgui.services.importer.TableImport`), committed by
    :meth:`finish` and rolled back if the ``with`` block is left without it.
    """

    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.writing: TableImport | None = None
        self.told = 0
        # Whether the import makes its database file: it goes again if nothing is written
        # into it (a table refused half-way, a Cancel, a dry run), as if never started.
        self.new_file = False

    def __enter__(self) -> _WrittenAsRead:
        return self

    def __exit__(self, kind: Any, exc: BaseException | None, tb: Any) -> None:
        writing = self.writing
        if writing is None:
            return
        try:
            writing.__exit__(kind, exc, tb)
        finally:
            if writing.db is not None:
                from spbgui.commands.database import close_written

                kept = exc is None and not self.args.dry_run
                close_written(writing.db, self.new_file, kept=kept)

    def __call__(self, table: ParsedTable, grown: Grown) -> None:
        self.told += 1
        if self.told % TRIM_EVERY == 0:
            # The sheet's cells read so far are freed as the table grows: their memory back
            # to the system now and then, so that the writing's does not come on top of it.
            _return_freed_memory()
        self._writing().rows_read(table, grown)

    def finish(self, table: ParsedTable) -> ImportResult:
        _return_freed_memory()  # the last of the sheet's cells, before the index is merged
        return self._writing().finish(table)

    def _writing(self) -> TableImport:
        if self.writing is None:
            from spbgui.commands.database import names_new_file, open_to_write
            from spbgui.services.importer import TableImport

            _return_freed_memory()
            args = self.args
            self.new_file = names_new_file(args)
            self.writing = TableImport(
                db=lambda: open_to_write(args),
                replace_year=args.replace_year,
                dry_run=args.dry_run,
            )
        return self.writing


def _return_freed_memory() -> None:
    """Give the memory the reading freed (the sheet's cells, once read into the table) back
    to the system.

    glibc keeps freed blocks for later, but the writer's small objects come from Python's
    own arenas, not from those blocks: without this the process's peak would hold both.
    Where the C library has no malloc_trim (not glibc), nothing happens.
    """
    try:
        trim = ctypes.CDLL(None).malloc_trim
    except (OSError, AttributeError, TypeError):
        return
    trim(0)


def run(args: argparse.Namespace) -> int:
    from spbgui.io.isolated import meanwhile
    from spbgui.services.reading import read_table_file

    limits = ImportLimits(max_file_mb=args.max_mb, max_cells=args.max_cells)
    if len(args.file) > 1 or Path(args.file[0]).is_dir():
        from spbgui.commands.import_many import run_many

        return run_many(args, limits)
    made_file = args.warnings is not None and not args.warnings.exists()
    warnings_file = _open_warnings_file(args.warnings)
    done = False
    try:
        # The file is checked, and refused if it must be, before the database is opened.
        # While a child process reads it, this one loads the database side (SQLAlchemy
        # and the models, a third of a second) instead of after it: once the children
        # are forked (no thread: this process is forked itself, see spbgui.io.isolated).
        # The rows are then written as the table rules read them.
        with _WrittenAsRead(args) as writing:
            with meanwhile(_load_writer):
                table = read_table_file(
                    args.file[0], year=args.year, limits=limits, growing=writing
                )
            result = writing.finish(table)
        if warnings_file is not None:
            warnings_file.writelines(f"{w}\n" for w in result.warnings)
        done = True
    finally:
        if warnings_file is not None:
            warnings_file.close()
            if not done and made_file:
                args.warnings.unlink(missing_ok=True)  # a refused table leaves nothing behind
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
    print_warnings(result.warnings, args.warnings)
    return 0
