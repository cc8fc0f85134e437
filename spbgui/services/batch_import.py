"""Several years at once: import a number of tables (or a folder of them) in one go.

Each workbook's year comes from its header («Основные мероприятия в 2021 году»). All the
files are read and checked before the database is touched: a file that cannot be read,
two files of one year, or a year the database already has (unless replacing was asked
for) refuse the whole batch with the file named. Then each file goes in with its own
transaction (:func:`~spbgui.services.importer.import_table`), oldest year first, so
partners and agreements are created by the first year that has them and matched by the
later ones; a failure part-way leaves the years before it imported and says which.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from spbgui.errors import UserError
from spbgui.io.table.records import ImportCancelled, ParsedTable
from spbgui.services.importer import ImportResult, events_in_year, import_table
from spbgui.services.reading import ImportLimits, read_table_file
from spbgui.store.database import Database

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]
SPREADSHEETS = (".xlsx", ".xls", ".xlsb", ".ods")  # what a folder stands for
MAX_FILES = 200  # one per year of the committee's history is a few dozen


class BatchImportError(UserError):
    """A batch that cannot be imported; names the file and says what to do."""


@dataclass(frozen=True)
class FileTable:
    path: Path
    table: ParsedTable


def workbook_paths(paths: Iterable[str | os.PathLike[str]]) -> list[Path]:
    """The files named, a folder standing for the spreadsheets in it (.xlsx, .xls, .xlsb,
    .ods; Excel's «~$» lock files and hidden files left out), each once, in the order given."""
    out: list[Path] = []
    for given in paths:
        path = Path(given).expanduser()
        if path.is_dir():
            found = sorted(
                p
                for p in path.iterdir()
                if p.suffix.lower() in SPREADSHEETS
                and p.is_file()
                and not p.name.startswith(("~$", "."))
            )
            if not found:
                raise BatchImportError(f"В папке «{path}» нет таблиц (.xlsx, .xls, .xlsb, .ods).")
            out += found
        elif not path.exists():
            raise BatchImportError(f"Файла «{path}» нет. Проверьте путь.")
        else:
            out.append(path)
    unique = list(dict.fromkeys(p.resolve() for p in out))
    if len(unique) > MAX_FILES:
        raise BatchImportError(
            f"Файлов слишком много ({len(unique)}): за один раз можно не больше {MAX_FILES}."
        )
    return unique


def read_tables(
    paths: Iterable[Path],
    *,
    limits: ImportLimits | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> list[FileTable]:
    """Read every workbook; the first that is refused stops the batch, named."""
    paths = list(paths)
    out = []
    for n, path in enumerate(paths):
        if cancelled is not None and cancelled():
            raise ImportCancelled
        try:
            table = read_table_file(path, limits=limits or ImportLimits(), cancelled=cancelled)
        except ImportCancelled:
            raise
        except UserError as exc:
            raise BatchImportError(
                f"Файл «{path.name}» не загружен: {exc} Остальные файлы тоже не загружены — "
                "уберите этот файл из списка или исправьте его."
            ) from exc
        out.append(FileTable(path, table))
        if progress is not None:
            progress(n + 1, len(paths))
    return sorted(out, key=lambda ft: ft.table.year)


def check_batch(*, db: Database, items: list[FileTable], replace_year: bool) -> None:
    """Refuse two files of one year, and years the database has unless replacing."""
    seen: dict[int, Path] = {}
    for item in items:
        year = item.table.year
        if year in seen:
            raise BatchImportError(
                f"Мероприятия {year} года есть в двух файлах: «{seen[year].name}» и "
                f"«{item.path.name}». Оставьте в списке один из них."
            )
        seen[year] = item.path
    if not replace_year:
        taken = [(y, n) for y in sorted(seen) if (n := events_in_year(db=db, year=y))]
        if taken:
            listed = ", ".join(f"{y} год ({n})" for y, n in taken)
            raise BatchImportError(
                f"В базе уже есть мероприятия: {listed}. Чтобы заменить их мероприятиями из "
                "файлов, выберите замену (в командной строке: --replace-year)."
            )


def years_with_events(*, db: Database, items: list[FileTable]) -> dict[int, int]:
    """Year → events the database already has, for the years of the files."""
    return {
        item.table.year: n for item in items if (n := events_in_year(db=db, year=item.table.year))
    }


def import_tables(
    *,
    db: Database,
    items: list[FileTable],
    replace_year: bool = False,
    dry_run: bool = False,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> list[ImportResult]:
    """Import the files, one transaction each, oldest year first."""
    check_batch(db=db, items=items, replace_year=replace_year)
    results: list[ImportResult] = []
    for n, item in enumerate(sorted(items, key=lambda ft: ft.table.year)):
        if cancelled is not None and cancelled():
            raise _stopped(results, "Загрузка остановлена")
        try:
            result = import_table(
                db=db,
                table=item.table,
                replace_year=replace_year,
                dry_run=dry_run,
                cancelled=cancelled,
            )
        except ImportCancelled:
            raise _stopped(results, "Загрузка остановлена") from None
        except UserError as exc:
            raise _stopped(results, f"Файл «{item.path.name}» не загружен: {exc}") from exc
        results.append(result)
        if progress is not None:
            progress(n + 1, len(items))
    return results


def _stopped(done: list[ImportResult], why: str) -> BatchImportError:
    if done:
        years = ", ".join(str(r.year) for r in done)
        return BatchImportError(f"{why}. Уже загружены годы: {years}; остальные — нет.")
    return BatchImportError(f"{why}. База не изменена.")
