"""A file name the file system refuses for its length, or one with no name before its
extension, and the system's other refusals to write a file, and how to say so.

Shared by every writer of files (the Excel export's atomic writing, the report, the
export dialog through services.targets).
"""

from __future__ import annotations

import errno
import os
from pathlib import Path


def too_long(path: Path) -> bool:
    """Whether the file system refuses the path for its length.

    Path.exists() and is_dir() raise on such a path instead of answering: ask first.
    """
    try:
        os.stat(path)
    except OSError as exc:
        return exc.errno == errno.ENAMETOOLONG
    return False


def too_long_message(path: Path) -> str:
    shown = path.name if len(path.name) <= 40 else path.name[:40] + "…"
    return (
        f"Имя файла «{shown}» слишком длинное для диска ({len(path.name)} знаков). "
        "Сократите имя файла или путь к нему."
    )


def only_extension(path: Path, suffixes: tuple[str, ...]) -> bool:
    """Whether the name is an extension alone, «.xlsx»: no name before it (Linux would
    make it a hidden file, and the message «must end with .xlsx» would make no sense)."""
    return path.name.lower() in suffixes


def only_extension_message(path: Path) -> str:
    return (
        f"Укажите имя файла перед «{path.name}»: сейчас имени нет, только расширение "
        f"(например, «Сотрудничество{path.name}»)."
    )


# Why the system would not write a file, in Russian: its own words are English.
_WRITE_REASONS = {
    errno.EINVAL: (
        "в имени файла есть знаки, которых диск не допускает (например, "
        '< > : " / \\ | ? * или точка либо пробел в конце имени). Уберите их из имени'
    ),
    errno.EIO: "ошибка ввода-вывода: диск неисправен или отключился. Проверьте диск или "
    "выберите другую папку",
    errno.ENOTDIR: "на пути к файлу вместо папки лежит файл. Выберите другую папку",
    errno.ENOENT: "папки больше нет (её удалили или отключили диск). Выберите другую папку",
    errno.ELOOP: "ссылки на пути к файлу ведут по кругу. Выберите другую папку",
    errno.EBUSY: "файл занят другой программой. Закройте её и повторите",
    errno.ETXTBSY: "файл занят другой программой. Закройте её и повторите",
    errno.EEXIST: "на месте временного файла уже лежит другой. Повторите ещё раз",
}


def write_reason(exc: OSError) -> str:
    """Why writing a file failed, in Russian; the system's words only for the unforeseen,
    with its code so that an administrator can look it up."""
    reason = _WRITE_REASONS.get(exc.errno or 0)
    if reason is not None:
        return reason
    return f"система отказала в записи (код {exc.errno}: {exc.strerror or exc})"
