"""spbgui-cli report as a clerk or a cron job runs it: a process, its exit code, its files."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from spbgui.store.database import open_database

from .test_cli import assert_refused, cli


@pytest.fixture(scope="module")
def db_file(tmp_path_factory: pytest.TempPathFactory, fixture_xlsx: Path) -> Path:
    path = tmp_path_factory.mktemp("cli-report") / "records.sqlite"
    r = cli("import", str(fixture_xlsx), "--db", str(path))
    assert r.returncode == 0, r.stderr
    return path


def _pages(path: Path) -> list[str]:
    from pypdf import PdfReader

    return [p.extract_text() for p in PdfReader(path).pages]


def test_pdf(db_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "отчёт 2024.pdf"
    r = cli("report", "--db", str(db_file), "--year", "2024", "-o", str(out))
    assert r.returncode == 0, r.stderr
    assert "Traceback" not in r.stderr
    pages = _pages(out)
    assert f"страниц: {len(pages)}" in r.stdout
    assert "Итоги" in pages[-1].replace("\t", " ")


def test_docx_portrait_selection_without_summary(db_file: Path, tmp_path: Path) -> None:
    import docx

    out = tmp_path / "report.docx"
    r = cli(
        "report", "--db", str(db_file), "-o", str(out), "--portrait", "--no-summary",
        "--region", "Африка", "--country", "Куба",
    )  # fmt: skip
    assert r.returncode == 0, r.stderr
    document = docx.Document(str(out))
    assert len(document.tables) == 1
    text = "\n".join(c.text for row in document.tables[0].rows for c in row.cells)
    assert "Йоханнесбург" in text and "Сантьяго-де-Куба" in text and "Пекин" not in text
    section = document.sections[0]
    assert section.page_width < section.page_height


def test_headless_without_a_display_or_platform(db_file: Path, tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in {"QT_QPA_PLATFORM", "DISPLAY"}}
    env.pop("WAYLAND_DISPLAY", None)
    out = tmp_path / "r.pdf"
    r = subprocess.run(
        [sys.executable, "-m", "spbgui.cli", "report", "--db", str(db_file), "-o", str(out)],
        capture_output=True, text=True, timeout=120, env=env,
    )  # fmt: skip
    assert r.returncode == 0, r.stderr
    assert out.stat().st_size > 10_000


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("-o", "{tmp}/r.txt"), "укажите файл .pdf или .docx"),
        (("-o", "{tmp}/нет/r.pdf"), "Папки"),
        (("-o", "{tmp}/r.pdf", "--region", "Антарктида"), "Региона «Антарктида» нет"),
        (("-o", "{tmp}/r.pdf", "--country", "Марс"), "Страны «Марс» нет"),
    ],
)
def test_refusals(db_file: Path, tmp_path: Path, args: tuple[str, ...], words: str) -> None:
    args = tuple(a.replace("{tmp}", str(tmp_path)) for a in args)
    assert_refused(cli("report", "--db", str(db_file), *args), 1, words)
    assert not [p for p in tmp_path.rglob("*") if p.is_file()]


def test_a_missing_database_is_not_created(tmp_path: Path) -> None:
    db = tmp_path / "typo.sqlite"
    assert_refused(cli("report", "--db", str(db), "-o", str(tmp_path / "r.pdf")), 1, "нет")
    assert not db.exists()


def test_an_empty_database_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "empty.sqlite"
    open_database(db).close()  # a new database, made and migrated
    r = cli("report", "--db", str(db), "-o", str(tmp_path / "r.pdf"))
    assert_refused(r, 1, "нет ни одного партнёра")
    assert not (tmp_path / "r.pdf").exists()


def test_output_is_required() -> None:
    assert_refused(cli("report", "--year", "2024"), 2, "неверная команда")
