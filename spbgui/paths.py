"""Where the program's shipped files and the user's files live.

``db/`` and ``resources/`` sit at the top of the source tree; in a wheel (and
in the PyInstaller build) they are shipped inside the package as ``_db`` and
``_resources``. Everything that needs them asks here.
"""

from __future__ import annotations

import sys
from pathlib import Path

from platformdirs import PlatformDirs

APP_NAME = "spbgui"
_PKG = Path(__file__).resolve().parent


def _shipped(inside: str, top: str) -> Path:
    candidates = [_PKG / inside, _PKG.parent / top]
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        candidates.insert(0, Path(frozen) / "spbgui" / inside)
    for c in candidates:
        if c.is_dir():
            return c
    raise FileNotFoundError(f"{top}/ is missing from the installation (looked in {candidates})")


def migrations_dir() -> Path:
    """The Alembic environment (env.py and versions/)."""
    return _shipped("_db", "db")


def resources_dir() -> Path:
    return _shipped("_resources", "resources")


def dirs() -> PlatformDirs:
    return PlatformDirs(APP_NAME, appauthor=False)


def default_database() -> Path:
    """The database used when none is named: one file in the user's data folder."""
    return Path(dirs().user_data_dir) / "spbgui.sqlite"


def log_dir() -> Path:
    return Path(dirs().user_log_dir)
