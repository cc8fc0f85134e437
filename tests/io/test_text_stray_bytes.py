"""A UTF-8 text file with a few bytes that are not UTF-8 is still read as UTF-8.

A table saved as UTF-8 text after a line was pasted in from an old Windows
document holds a stray Windows-1251 byte or two. The whole file was then taken
for Windows-1251: every Russian word came out as «РЎС‚СЂР°РЅР°», no header was
found, and the clerk, who sees the table in Notepad, was told the file holds
no table. The file is read as UTF-8; the stray bytes become «�» and the report
says how many there are.
"""

from __future__ import annotations

from pathlib import Path

from spbgui.io.sources import read_file
from spbgui.io.table.as_json import parsed_to_records


def _published(fixture_dir: Path) -> bytes:
    return (fixture_dir / "cooperation_2024.txt").read_bytes()


def test_stray_bytes_in_utf8_text(tmp_path, fixture_xlsx) -> None:
    good = _published(fixture_xlsx.parent)
    clean = read_file(_write(tmp_path / "clean.txt", good))
    at = good.index("Будапешт".encode())
    damaged = good[:at] + "«".encode("cp1251") + good[at:]
    table = read_file(_write(tmp_path / "stray.txt", damaged))
    got, want = parsed_to_records(table), parsed_to_records(clean)
    assert got["countries"] == want["countries"]
    assert got["counts"] == want["counts"]
    assert any("UTF-8" in str(w) and "1" in str(w) for w in table.warnings)
    assert not any("UTF-8" in str(w) for w in clean.warnings)


def test_windows_1251_text_is_still_windows_1251(tmp_path, fixture_xlsx) -> None:
    text = _published(fixture_xlsx.parent).decode("utf-8")
    data = text.encode("cp1251", errors="replace")
    table = read_file(_write(tmp_path / "cp1251.txt", data))
    assert table.counts()["countries"] == 26
    assert not any("UTF-8" in str(w) for w in table.warnings)


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path
