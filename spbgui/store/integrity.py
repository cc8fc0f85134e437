"""Is a SQLite file sound? Asked read-only, before the program writes to it.

``PRAGMA integrity_check`` reads every page; on big files ``quick_check`` (which
skips the index-versus-table cross checks) keeps opening fast.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from spbgui.store.sqlite_file import connect_readonly

QUICK_CHECK_ABOVE = 100 * 1024 * 1024  # bytes


def check_file(path: Path) -> str | None:
    """None if the file is sound, else what SQLite found (first lines, for the log)."""
    pragma = "quick_check" if path.stat().st_size > QUICK_CHECK_ABOVE else "integrity_check"
    try:
        conn = connect_readonly(path)
        try:
            rows = [r[0] for r in conn.execute(f"PRAGMA {pragma}(20)")]
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        return str(exc)
    if rows == ["ok"]:
        return None
    return "; ".join(rows[:5])
