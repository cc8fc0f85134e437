"""Where the program's shipped files and the user's files live.

``db/`` and ``resources/`` sit at the top of the source tree; in a wheel (and
in the PyInstaller build) they are shipped inside the package as ``_db`` and
``_resources``. Everything that needs them asks here.
"""

from __future__ import annotations

import errno
import os
import sys
from pathlib import Path

from platformdirs import PlatformDirs

from spbgui.errors import UserError

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


class DataFolderError(UserError):
    """The program's own folder for the user's files cannot be found or made."""


def dirs() -> PlatformDirs:
    return PlatformDirs(APP_NAME, appauthor=False)


def _user_dir(which: str) -> Path:
    """One of the user's folders (``user_data_dir``, ``user_log_dir``), or DataFolderError
    when the system does not say where the user's home is (HOME unset and the account
    unknown to the system: an office PC whose directory server did not answer)."""
    try:
        return Path(getattr(dirs(), which))
    except RuntimeError as exc:  # platformdirs: «could not determine the home directory»
        raise DataFolderError(
            "Не удалось узнать домашнюю папку пользователя (переменная окружения HOME не "
            "задана, и система не знает этой учётной записи), а в ней программа хранит свою "
            "базу данных и настройки. Попросите администратора задать домашнюю папку."
        ) from exc


def default_database() -> Path:
    """The database used when none is named: one file in the user's data folder."""
    return _user_dir("user_data_dir") / "spbgui.sqlite"


def log_dir() -> Path:
    return _user_dir("user_log_dir")


def _may_write(folder: Path) -> bool:
    """As the store's test of a folder: the OS allows it and nobody took the write bits off
    (root may write anywhere; a folder made read-only on purpose is still treated as such)."""
    try:
        return os.access(folder, os.W_OK | os.X_OK) and bool(folder.stat().st_mode & 0o222)
    except OSError:
        return False


def make_folder(folder: Path, *, what: str) -> Path:
    """Make ``folder`` (and the folders above it) or say in Russian why it cannot be made.

    ``what`` names the folder for the user («Папку данных программы»). A missing home folder
    is not made: it is a disk that is not connected (a roaming profile), not a folder to
    create out of nothing.
    """

    def refused(why: str) -> DataFolderError:
        return DataFolderError(f"{what} «{folder}» создать нельзя: {why}")

    home = os.environ.get("HOME", "")
    try:
        if folder.is_dir():
            return folder
        existing = folder  # the nearest of it and the folders above it that is there
        while not os.path.lexists(existing) and existing != existing.parent:
            existing = existing.parent
        if home and Path(home).is_absolute() and not Path(home).exists():
            if folder.is_relative_to(home):
                raise refused(
                    f"домашней папки «{home}» нет (она на диске, который не подключён, "
                    "или удалена)."
                )
        if existing.is_symlink() and not existing.exists():
            raise refused(
                f"«{existing}» — ссылка на «{os.readlink(existing)}», а этой папки нет "
                "(диск, на котором она, не подключён, или её удалили)."
            )
        if not existing.is_dir():
            raise refused(f"«{existing}» — это файл, а не папка.")
        if not _may_write(existing):
            raise refused(f"в папку «{existing}» нельзя записывать.")
        folder.mkdir(parents=True, exist_ok=True)
    except DataFolderError:
        raise
    except OSError as exc:
        raise refused(_os_reason(exc)) from exc
    return folder


_REASONS = {
    errno.EACCES: "нет права записи в папку, где она должна быть.",
    errno.EPERM: "нет права записи в папку, где она должна быть.",
    errno.EROFS: "диск доступен только для чтения.",
    errno.ENOSPC: "на диске не хватает места.",
    errno.EDQUOT: "на диске кончилось место, отведённое пользователю.",
    errno.ENAMETOOLONG: "имя папки слишком длинное для диска.",
    errno.ENOTDIR: "на её пути лежит файл, а не папка.",
    errno.EEXIST: "на её месте лежит файл или ссылка с тем же именем.",
    errno.ELOOP: "ссылки на её пути ведут по кругу.",
    errno.EIO: "ошибка ввода-вывода (диск неисправен или отключился).",
}


def _os_reason(exc: OSError) -> str:
    """Why the system refused, in Russian (its own words are English)."""
    return _REASONS.get(exc.errno or 0, f"{exc.strerror or exc}.")


DATA_FOLDER_HINT = (
    "Попросите администратора исправить это (папку задаёт переменная окружения "
    "XDG_DATA_HOME или домашняя папка)."
)


def made_default_database() -> Path:
    """The default database's path, its folder made; DataFolderError (in Russian, with what
    to do) when that folder cannot be made."""
    path = default_database()
    try:
        make_folder(path.parent, what="Папку данных программы")
    except DataFolderError as exc:
        raise DataFolderError(f"{exc} {DATA_FOLDER_HINT}") from exc
    return path
