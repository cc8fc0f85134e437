"""The report's Word file saved again by LibreOffice Writer (its own .docx XML) still reads back;
saved as .doc or .odt it is refused with what to do. Slow: LibreOffice runs headless
(``apt-get install libreoffice-writer``)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from spbgui.io.sources import read_file
from spbgui.io.table.as_json import parsed_to_records
from spbgui.io.table.records import TableError

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not SOFFICE, reason="LibreOffice missing (apt-get install libreoffice-writer)"
    ),
]


def _convert(src: Path, fmt: str, folder: Path) -> Path:
    profile = (folder / "profile").as_uri()  # a private profile: no clash with a running one
    out = folder / "out"
    run = subprocess.run(
        [SOFFICE, f"-env:UserInstallation={profile}", "--headless", "--convert-to", fmt,
         "--outdir", str(out), str(src)],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    path = out / f"{src.stem}.{fmt.split(':')[0]}"
    assert path.exists(), run.stdout + run.stderr
    return path


def test_libreoffice_resaved_report_reads_back(
    report_docx: Path, tmp_path: Path, expected_2024: dict[str, Any]
) -> None:
    path = _convert(report_docx, "docx:MS Word 2007 XML", tmp_path)
    expected = dict(expected_2024)
    expected["agreements"] = [
        {k: v for k, v in a.items() if k != "raw_events"} for a in expected_2024["agreements"]
    ]
    assert parsed_to_records(read_file(path)) == expected


@pytest.mark.parametrize(
    ("fmt", "says"),
    [
        ("doc:MS Word 97", "Сохраните файл в Word как «Документ Word (*.docx)» и откройте снова"),
        ("odt", "Сохраните его в LibreOffice как «Документ Word (*.docx)»"),
    ],
)
def test_doc_and_odt_are_refused_with_what_to_do(
    report_docx: Path, tmp_path: Path, fmt: str, says: str
) -> None:
    path = _convert(report_docx, fmt, tmp_path)
    with pytest.raises(TableError) as info:
        read_file(path)
    assert says in str(info.value)
