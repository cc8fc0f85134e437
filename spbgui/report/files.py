"""The report from the database to a file: PDF through Qt, Word through python-docx.

Both writers make the whole file in memory first (Qt's PDF writer says nothing when
the disk fills under it: it would leave a cut-off PDF and report success), then put it
down under a temporary name in the target folder with Python's own writes, which do
raise, and move it into place only when it is complete and on the disk. A failure (a
full disk, the old file open in Word) never leaves half a report where the last good
one was.
"""

from __future__ import annotations

import contextlib
import errno
import io
import os
import secrets
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice
from PySide6.QtGui import QPdfWriter

from spbgui.errors import UserError
from spbgui.io.file_names import write_reason
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
    if not any(c.partners for r in table.regions for c in r.countries):
        raise ReportError(
            "В базе нет ни одного партнёра — печатать нечего. Сначала загрузите таблицу."
        )
    content = build_content(table, options)
    if all(row.kind == "region" for row in content.table.rows):
        raise ReportError(
            "В выбранных регионах и странах нет ни одного партнёра — печатать нечего. "
            "Выберите другие регионы или страны."
        )
    content.years = years_section(db=db, options=options)
    return content


def _why(exc: OSError) -> str:
    if exc.errno == errno.ENAMETOOLONG:
        return "имя файла слишком длинное для диска, сократите его или путь к нему"
    if exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        return (
            "на диске не хватает места. Освободите место или выберите другую папку; "
            "прежний файл с этим именем не изменён"
        )
    if isinstance(exc, FileNotFoundError):
        return "такой папки нет"
    if isinstance(exc, IsADirectoryError):
        return "это папка, а не файл"
    if isinstance(exc, PermissionError):
        return "нет прав на запись или файл открыт в другой программе — закройте его"
    if exc.errno == errno.EROFS:
        return "папка доступна только для чтения, выберите другую"
    return write_reason(exc)


def _put(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file beside it, all or nothing."""
    if targets.only_extension(path, (".pdf", ".docx")):
        raise ReportError(targets.only_extension_message(path))
    if targets.too_long(path):
        raise ReportError(targets.too_long_message(path))
    if targets.is_protected(path):
        raise ReportError(targets.protected_message(path))
    targets.remove_stale_temporaries(path, targets.report_temporaries(path))
    tmp = path.with_name(f".{path.stem}-{secrets.token_hex(4)}{path.suffix}")
    created = False
    try:
        # Created like any file the user saves (the umask decides), not 0600 as mkstemp.
        with tmp.open("xb") as fh:
            created = True
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        if not created and isinstance(exc, PermissionError):
            # No new file may be made there at all: the folder, not an open file.
            raise ReportError(
                f"Нет прав на запись в папку «{path.parent}». Выберите другую папку."
            ) from exc
        raise ReportError(f"Не удалось сохранить отчёт в «{path}»: {_why(exc)}.") from exc
    finally:
        with contextlib.suppress(OSError):
            os.unlink(tmp)


def pdf_bytes(content: ReportContent, *, landscape: bool = True) -> tuple[bytes, int]:
    """``content`` as a PDF in memory; its bytes and its number of pages."""
    from spbgui.report.chart import ensure_application

    ensure_application()  # fonts, and the chart's scene, need one
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setPageLayout(page_layout(landscape))
    writer.setResolution(1200)
    writer.setTitle(f"{content.title}, {content.year}")
    writer.setCreator("spbgui")
    try:
        pages = paint_report(writer, content)
    except OSError as exc:
        raise ReportError("Не удалось составить отчёт в формате PDF.") from exc
    del writer  # ends the PDF: its last objects and trailer go into the buffer
    buffer.close()
    return bytes(buffer.data().data()), pages


def write_pdf(content: ReportContent, path: Path, *, landscape: bool = True) -> int:
    """Write ``content`` as a PDF; the number of pages."""
    data, pages = pdf_bytes(content, landscape=landscape)
    _put(path, data)
    return pages


def save_pdf(*, db: Database, options: ReportOptions, path: str | os.PathLike[str]) -> int:
    """The report of ``options`` as a PDF at ``path``; the number of pages."""
    content = report_content(db=db, options=options)
    return write_pdf(content, Path(path), landscape=options.landscape)


def save_docx(*, db: Database, options: ReportOptions, path: str | os.PathLike[str]) -> None:
    """The report of ``options`` as a Word document at ``path``."""
    from spbgui.report.docx import write_docx

    content = report_content(db=db, options=options)
    # In memory first: python-docx leaves its zip archive open when a write fails.
    data = io.BytesIO()
    write_docx(content, data, landscape=options.landscape)
    _put(Path(path), data.getvalue())


SAVERS: dict[str, Callable[..., object]] = {".pdf": save_pdf, ".docx": save_docx}
