"""A file that disappears between the choice and the reading is refused in words.

A clerk picks a file in a synced or network folder, and the sync moves it a
moment later. The kind of file was told from its first bytes, and then the
reader of a text file, a Word document or an .ods asked the file system for
it again: the FileNotFoundError reached the window as «Непредвиденная ошибка»
with a log file to send, instead of saying the file is gone.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from spbgui.io import sources
from spbgui.io.table.records import TableError


def _docx(tmp_path: Path) -> Path:
    import docx

    d = docx.Document()
    d.add_table(rows=1, cols=1).cell(0, 0).text = "Страна"
    path = tmp_path / "report.docx"
    d.save(path)
    return path


def _text(tmp_path: Path) -> Path:
    path = tmp_path / "table.txt"
    path.write_text("Страна\tГород\n", encoding="utf-8")
    return path


def _xlsx(tmp_path: Path) -> Path:
    path = tmp_path / "table.xlsx"
    shutil.copyfile(Path(__file__).resolve().parents[1] / "data" / "cooperation_2024.xlsx", path)
    return path


@pytest.mark.parametrize("make", [_text, _docx, _xlsx], ids=["text", "docx", "xlsx"])
def test_a_file_gone_after_its_kind_was_told(tmp_path, monkeypatch, make) -> None:
    path = make(tmp_path)
    sniff = sources.sniff

    def sniff_then_gone(p, *limits):
        kind = sniff(p, *limits)
        p.unlink()  # the sync moved it away
        return kind

    monkeypatch.setattr(sources, "sniff", sniff_then_gone)
    with pytest.raises(TableError) as refused:
        sources.read_file(path)
    message = str(refused.value)
    assert path.name in message and "не найден" in message and "\n" not in message
