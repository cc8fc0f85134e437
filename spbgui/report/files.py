"""The report from the database to a file: PDF through Qt, Word through python-docx.

Both writers put the file down under a temporary name in the target folder and move
it into place only when it is complete, so a failure (a full disk, the old file open
in Word) never leaves half a report where the last good one was.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from collections.abc import Callable, Iterator
from pathlib import Path

from PySide6.QtGui import QPdfWriter

from spbgui.errors import UserError
from spbgui.report.content import ReportContent, build_content
from spbgui.report.document import page_layout, paint_report
from spbgui.report.options import ReportOptions
from spbgui.report.years_section import years_section
from spbgui.services import targets
from spbgui.services.table_data import load_table
from spbgui.store.database import Database


class ReportError(UserError):
    """A report that cannot be made or saved; the message is one line for a clerk."""


def report_content(*, db: Database, options: ReportOptions) -> ReportContent:
    """What the report of ``options`` says, from the database."""
    table = load_table(db=db, year=options.year)
    if not table.regions:
        raise ReportError(
            "В базе нет ни одного партнёра — печатать нечего. Сначала загрузите таблицу."
        )
    content = build_content(table, options)
    content.years = years_section(db=db, options=options)
    return content


def _why(exc: OSError) -> str:
    if isinstance(exc, FileNotFoundError):
        return "такой папки нет"
    if isinstance(exc, IsADirectoryError):
        return "это папка, а не файл"
    if isinstance(exc, PermissionError):
        return "нет прав на запись или файл открыт в другой программе — закройте его"
    return exc.strerror or str(exc)


@contextlib.contextmanager
def _replacing(path: Path) -> Iterator[Path]:
    """A temporary path beside ``path`` that becomes ``path`` if the block succeeds."""
    if targets.is_protected(path):
        raise ReportError(targets.protected_message(path))
    targets.remove_stale_temporaries(path, targets.report_temporaries(path))
    tmp = path.with_name(f".{path.stem}-{secrets.token_hex(4)}{path.suffix}")
    try:
        # Created like any file the user saves (the umask decides), not 0600 as mkstemp.
        tmp.open("xb").close()
    except OSError as exc:
        raise ReportError(f"Не удалось сохранить отчёт в «{path}»: {_why(exc)}.") from exc
    try:
        yield Path(tmp)
        os.replace(tmp, path)
    except OSError as exc:
        raise ReportError(f"Не удалось сохранить отчёт в «{path}»: {_why(exc)}.") from exc
    finally:
        with contextlib.suppress(OSError):
            os.unlink(tmp)


def write_pdf(content: ReportContent, path: Path, *, landscape: bool = True) -> int:
    """Write ``content`` as a PDF; the number of pages."""
    from spbgui.report.chart import ensure_application

    ensure_application()  # fonts, and the chart's scene, need one
    with _replacing(path) as tmp:
        writer = QPdfWriter(str(tmp))
        writer.setPageLayout(page_layout(landscape))
        writer.setResolution(1200)
        writer.setTitle(f"{content.title}, {content.year}")
        writer.setCreator("spbgui")
        try:
            pages = paint_report(writer, content)
        except OSError as exc:
            raise ReportError(f"Не удалось сохранить отчёт в «{path}».") from exc
        del writer  # closes the file before it is moved into place
    return pages


def save_pdf(*, db: Database, options: ReportOptions, path: str | os.PathLike[str]) -> int:
    """The report of ``options`` as a PDF at ``path``; the number of pages."""
    content = report_content(db=db, options=options)
    return write_pdf(content, Path(path), landscape=options.landscape)


def save_docx(*, db: Database, options: ReportOptions, path: str | os.PathLike[str]) -> None:
    """The report of ``options`` as a Word document at ``path``."""
    from spbgui.report.docx import write_docx

    content = report_content(db=db, options=options)
    target = Path(path)
    with _replacing(target) as tmp:
        write_docx(content, tmp, landscape=options.landscape)


SAVERS: dict[str, Callable[..., object]] = {".pdf": save_pdf, ".docx": save_docx}
