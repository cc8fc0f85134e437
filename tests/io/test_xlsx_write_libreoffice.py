"""The exported 2024 table opens in LibreOffice Calc and prints as the committee's table.

LibreOffice (headless) converts the workbook to PDF: a file it had to repair
or could not read gives no PDF. The PDF's text then shows what the printed
pages hold: the title once, the header on every page, the regions, page
numbers «Стр. N из M» in the footer. Skipped where LibreOffice is not
installed (``apt-get install libreoffice-calc``).
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from spbgui.io.xlsx.read import read_table
from spbgui.io.xlsx_writer.workbook import write_table

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
PDFTOTEXT = shutil.which("pdftotext")

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not (SOFFICE and PDFTOTEXT), reason="LibreOffice or pdftotext missing"),
]


@pytest.fixture(scope="module")
def pages(fixture_xlsx: Path, tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    folder = tmp_path_factory.mktemp("lo")
    xlsx = folder / "table.xlsx"
    write_table(read_table(fixture_xlsx), xlsx)
    profile = (folder / "profile").as_uri()  # a private profile: no clash with a running one
    run = subprocess.run(
        [SOFFICE, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
         "--outdir", str(folder), str(xlsx)],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    pdf = folder / "table.pdf"
    assert pdf.exists(), run.stdout + run.stderr
    text = subprocess.run(
        [PDFTOTEXT, "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    return [p for p in text.split("\f") if p.strip()]


def test_the_table_prints_over_several_pages_with_numbers(pages: list[str]) -> None:
    table = [p for p in pages if "Основные мероприятия в 2024 году" in p]
    assert len(table) >= 3
    for n, page in enumerate(pages, 1):
        # Printed whole, the workbook's pages are counted together: the table, then the list.
        assert f"Стр. {n} из {len(pages)}" in page


def test_the_header_repeats_and_the_title_does_not(pages: list[str]) -> None:
    table = [p for p in pages if "Основные мероприятия в 2024 году" in p]
    assert "Сотрудничество Санкт-Петербурга с городами-партнёрами" in table[0]
    assert all("Сотрудничество Санкт-Петербурга с городами-партнёрами" not in p for p in table[1:])
    assert all("Страна" in p and "Город" in p for p in table)


def test_every_region_and_the_events_list_are_printed(pages: list[str]) -> None:
    text = "\n".join(pages)
    for region in ("ЕВРОПА", "АЗИЯ", "СНГ", "АФРИКА", "ЛАТИНСКАЯ АМЕРИКА"):
        assert region in text
    assert any("Точность" in p and "Мероприятие" in p for p in pages)
    # The longest events cell (Минск, 2006) is printed to its last words.
    assert "пассажирской" in text and "техники для нужд Санкт-Петербурга" in text
