"""A scan of an .xlsb workbook's binary records: each sheet's size and merged cells.

calamine allocates a sheet's whole used rectangle (its BrtWsDim record) at
once and does not report .xlsb merges. The scan reads the records of each
worksheet part through zipfile (checked first by :mod:`spbgui.io.package`),
refuses a sheet whose rectangle or cell count is past the limit before
calamine sees it, and collects the merged ranges (BrtMergeCell) by sheet name.
"""

from __future__ import annotations

import posixpath
import struct
import zipfile
from collections.abc import Callable, Iterator
from typing import IO

from defusedxml import ElementTree as SafeET

from spbgui.io.table.records import TableError

_WS_DIM, _MERGE_CELL, _BUNDLE_SH = 0x94, 0xB0, 0x9C
_CELLS = set(range(0x01, 0x0C))  # BrtCellBlank … BrtFmlaError: one cell each
_MAX_RECORD = 1 << 24


class Damaged(Exception):
    """The records do not parse."""


def _varint(fh: IO[bytes], limit: int) -> int | None:
    value = 0
    for i in range(limit):
        b = fh.read(1)
        if not b:
            if i == 0:
                return None
            raise Damaged
        value |= (b[0] & 0x7F) << (7 * i)
        if not b[0] & 0x80:
            return value
    raise Damaged


def records(fh: IO[bytes]) -> Iterator[tuple[int, bytes]]:
    while True:
        rt = _varint(fh, 2)
        if rt is None:
            return
        size = _varint(fh, 4)
        if size is None or size > _MAX_RECORD:
            raise Damaged
        data = fh.read(size)
        if len(data) != size:
            raise Damaged
        yield rt, data


def _wide(data: bytes, at: int) -> tuple[str, int]:
    (n,) = struct.unpack_from("<I", data, at)
    if n == 0xFFFFFFFF:
        return "", at + 4
    end = at + 4 + 2 * n
    if end > len(data):
        raise Damaged
    return data[at + 4 : end].decode("utf-16-le", "replace"), end


def _sheet_parts(zf: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name → its part, from workbook.bin and its relationships."""
    rels: dict[str, str] = {}
    rels_part = "xl/_rels/workbook.bin.rels"
    if rels_part in zf.namelist():
        for rel in SafeET.fromstring(zf.read(rels_part)):
            target = rel.get("Target", "")
            part = target.lstrip("/") if target.startswith("/") else posixpath.join("xl", target)
            rels[rel.get("Id", "")] = posixpath.normpath(part)
    sheets: dict[str, str] = {}
    with zf.open("xl/workbook.bin") as fh:
        for rt, data in records(fh):
            if rt == _BUNDLE_SH and len(data) >= 12:
                rel_id, at = _wide(data, 8)
                name, _ = _wide(data, at)
                if rel_id in rels:
                    sheets[name] = rels[rel_id]
    return sheets


def scan_xlsb(
    zf: zipfile.ZipFile, max_cells: int, refuse: Callable[[str, int], TableError]
) -> dict[str, list[tuple[int, int, int, int]]]:
    """Merged ranges by sheet name; raises ``refuse(sheet, cells)`` for a sheet too large."""
    merges: dict[str, list[tuple[int, int, int, int]]] = {}
    names = set(zf.namelist())
    for name, part in _sheet_parts(zf).items():
        if part not in names:
            continue
        found: list[tuple[int, int, int, int]] = []
        cells = 0
        with zf.open(part) as fh:
            for rt, data in records(fh):
                if rt in _CELLS:
                    cells += 1
                    if cells > max_cells:
                        raise refuse(name, cells)
                elif rt == _WS_DIM and len(data) >= 16:
                    r1, r2, c1, c2 = struct.unpack_from("<IIII", data)
                    # The grid is read from A1, so the rectangle counts from there.
                    rect = (r2 + 1) * (c2 + 1)
                    if rect > max_cells or c2 >= 16384 or r1 > r2 or c1 > c2:
                        raise refuse(name, rect)
                elif rt == _MERGE_CELL and len(data) >= 16:
                    r1, r2, c1, c2 = struct.unpack_from("<IIII", data)
                    found.append((r1, c1, r2, c2))
        merges[name] = found
    return merges
