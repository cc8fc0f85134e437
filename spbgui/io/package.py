"""Checks of a zip package (a Word document, an OpenDocument or .xlsb workbook) before parsing.

The same defence as :mod:`spbgui.io.xlsx.guard` gives an .xlsx, for the other
zip-based formats: the zip directory first (members, encryption, sizes and
compression ratios, against zip bombs), then every XML part streamed through
Python's zipfile (which stops at the declared size and checks the CRC) with
its prolog looked at, so that a DOCTYPE, the door to entity expansion, is
refused before any XML library sees it. A source passes a ``scan`` callback
per part to count what its reader would allocate (cells of a table).
Messages name the kind of file (``what``: «документ Word») and say what to do.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

from spbgui.io.table.records import TableError
from spbgui.io.xlsx.guard import ReadLimits, too_big

_MB = 1024 * 1024
_CHUNK = 1 << 20
_PROLOG_LIMIT = 64 * 1024
_PROLOG = re.compile(r"(?:\s+|<\?.*?\?>|<!--.*?-->)*", re.DOTALL)

Scan = Callable[[bytes], None]  # fed the part chunk by chunk; raises TableError to refuse


def mb(n: int) -> str:
    return f"{n / _MB:.0f} МБ" if n >= _MB else f"{n / 1024:.0f} КБ"


def damaged(name: str, what: str) -> TableError:
    return TableError(
        f"Файл «{name}» повреждён: {what} не удаётся распаковать. "
        "Попросите прислать его заново или пересохраните в той программе, где он сделан."
    )


def hostile(name: str) -> TableError:
    return TableError(
        f"Файл «{name}» не открыт: в нём есть XML-конструкции (DOCTYPE/ENTITY), "
        "которых не бывает в документах Word и таблицах и которые используют для атак."
    )


def check_size(path: Path, limits: ReadLimits) -> int:
    size = path.stat().st_size
    if size == 0:
        raise TableError(f"Файл «{path.name}» пуст (0 байт).")
    if size > limits.max_file_bytes:
        raise too_big(
            path.name,
            f"размер файла {mb(size)}, допускается не более {mb(limits.max_file_bytes)}",
        )
    return size


def check_package(
    path: Path,
    limits: ReadLimits,
    what: str,
    scan_for: Callable[[str], Scan | None] | None = None,
) -> set[str]:
    """Check the zip at ``path`` and return its member names, or raise TableError.

    ``scan_for(member)`` gives the scan callback of an XML part (or None); the
    part is streamed through it after the prolog check.
    """
    name = path.name
    check_size(path, limits)
    try:
        with zipfile.ZipFile(path) as zf:
            return _check_zip(zf, name, limits, what, scan_for or (lambda _member: None))
    except TableError:
        raise
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        zlib.error,
        EOFError,
        ValueError,
        KeyError,
        NotImplementedError,
    ):
        raise damaged(name, what) from None
    except OSError:
        raise TableError(f"Файл «{name}» не удаётся прочитать (ошибка диска или сети).") from None


def _check_zip(
    zf: zipfile.ZipFile,
    name: str,
    limits: ReadLimits,
    what: str,
    scan_for: Callable[[str], Scan | None],
) -> set[str]:
    infos = zf.infolist()
    if len(infos) > limits.max_members:
        raise too_big(name, f"в архиве {len(infos)} частей")
    total = 0
    for info in infos:
        if info.flag_bits & 0x1:
            raise TableError(
                f"Файл «{name}» зашифрован. Снимите пароль в программе, где он сделан, "
                "и сохраните его заново."
            )
        total += info.file_size
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > limits.ratio_floor_bytes and ratio > limits.max_ratio:
            raise too_big(name, f"часть «{info.filename}» сжата в {ratio:.0f} раз")
    if total > limits.max_uncompressed_bytes:
        raise too_big(
            name,
            f"после распаковки {mb(total)}, допускается не более "
            f"{mb(limits.max_uncompressed_bytes)}",
        )
    unpacked = 0
    for info in infos:
        if info.is_dir() or not info.filename.lower().endswith((".xml", ".rels")):
            continue
        scan = scan_for(info.filename)
        done = 0
        with zf.open(info) as fh:
            while chunk := fh.read(_CHUNK):
                if not done:
                    check_prolog(chunk[:_PROLOG_LIMIT], name, what)
                done += len(chunk)
                if unpacked + done > limits.max_uncompressed_bytes:
                    raise too_big(
                        name, f"после распаковки больше {mb(limits.max_uncompressed_bytes)}"
                    )
                if scan is not None:
                    scan(chunk)
        unpacked += done
    return {i.filename for i in infos}


def check_prolog(head: bytes, name: str, what: str) -> None:
    """Refuse a part whose prolog declares a DTD (as the xlsx guard does), or is all prolog."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = head.decode("utf-16", errors="ignore")
    elif head.startswith(b"<\x00"):
        text = head.decode("utf-16-le", errors="ignore")
    elif head.startswith(b"\x00<"):
        text = head.decode("utf-16-be", errors="ignore")
    else:
        text = head.decode("utf-8", errors="ignore").removeprefix("\ufeff")
    prolog = _PROLOG.match(text)  # always matches: the pattern may be empty
    rest = text[prolog.end() :] if prolog else text
    if rest.startswith("<!"):
        raise hostile(name)
    if not rest and len(head) >= _PROLOG_LIMIT:
        raise damaged(name, what)


class TagCounter:
    """Counts occurrences of some start tags in a streamed XML part, refusing past a limit.

    A regex over each chunk (with a tag cut at the chunk's end carried over)
    is far cheaper than parsing, and enough to bound what a parser will build.
    """

    def __init__(self, pattern: bytes, limit: int, refuse: Callable[[int], TableError]) -> None:
        self.pattern = re.compile(pattern)
        self.limit = limit
        self.refuse = refuse
        self.count = 0
        self.carry = b""

    def part(self, _member: str) -> TagCounter:
        """The counter for the next part: one total over all parts, a fresh carry."""
        self.carry = b""
        return self

    def __call__(self, chunk: bytes) -> None:
        buf = self.carry + chunk
        cut = buf.rfind(b"<")
        if cut != -1 and buf.find(b">", cut) == -1:
            self.carry, buf = buf[cut:][:_MB], buf[:cut]
        else:
            self.carry = b""
        self.count += len(self.pattern.findall(buf))
        if self.count > self.limit:
            raise self.refuse(self.count)
