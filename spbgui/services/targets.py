"""Files the program writes for the user (the Excel table, the report): what it must not
replace, and the temporary files of an earlier write that never finished.

A file the user made read-only is a file they meant to keep: renaming a new file over it
would succeed (the folder allows it), so it is refused here in words instead. A write is
made to a temporary file beside the target and renamed at the end; a crash or ``kill -9``
in between leaves that temporary file behind, so the next write to the same target
removes the ones that are clearly abandoned (older than an hour).
"""

from __future__ import annotations

import contextlib
import os
import re
import time
from pathlib import Path

from spbgui.io.file_names import only_extension as only_extension
from spbgui.io.file_names import only_extension_message as only_extension_message
from spbgui.io.file_names import too_long as too_long
from spbgui.io.file_names import too_long_message as too_long_message

STALE_AFTER_S = 3600.0


def is_protected(path: Path) -> bool:
    """An existing file without write permission (for us, or without any write bit)."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return False
    return not (os.access(path, os.W_OK) and mode & 0o222)


def protected_message(path: Path) -> str:
    return (
        f"Файл «{path.name}» защищён от записи, и программа его не заменит. Выберите другое "
        "имя файла или снимите с него защиту (Свойства → «Только чтение»)."
    )


def remove_stale_temporaries(path: Path, pattern: str, *, now: float | None = None) -> int:
    """Remove temporary files beside ``path`` whose names match ``pattern`` (a regex over the
    name) and that nobody touched for an hour; how many were removed."""
    name_re = re.compile(pattern)
    now = time.time() if now is None else now
    removed = 0
    with contextlib.suppress(OSError):
        for p in path.parent.iterdir():
            if not name_re.fullmatch(p.name):
                continue
            with contextlib.suppress(OSError):
                if now - p.stat().st_mtime > STALE_AFTER_S and p.is_file():
                    p.unlink()
                    removed += 1
    return removed


def excel_temporaries(path: Path) -> str:
    """The names the Excel export gives its temporary files (``.~name.XXXX.tmp``)."""
    return rf"\.~{re.escape(path.stem)}\.[^/\\]+\.tmp"


def report_temporaries(path: Path) -> str:
    """The names the report gives its temporary files (``.name-1a2b3c4d.pdf``)."""
    return rf"\.{re.escape(path.stem)}-[0-9a-f]{{8}}{re.escape(path.suffix)}"
