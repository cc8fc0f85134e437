"""``spbgui-cli export`` as a colleague would run it: a file, a summary, or one line of refusal."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest

from tests.test_cli import assert_refused, cli


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory, fixture_xlsx: Path) -> Path:
    db = tmp_path_factory.mktemp("cli-export") / "records.sqlite"
    r = cli("import", str(fixture_xlsx), "--db", str(db))
    assert r.returncode == 0, r.stderr
    return db


def test_export_writes_the_table_and_says_so(database: Path, tmp_path: Path) -> None:
    out = tmp_path / "Сотрудничество 2024.xlsx"
    r = cli("export", "--db", str(database), "--year", "2024", "-o", str(out))
    assert r.returncode == 0, r.stderr
    assert r.stderr == ""
    assert "Таблица 2024 года записана" in r.stdout and "мероприятий: 96" in r.stdout
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["Таблица 2024", "Мероприятия", "Итоги"]


def test_the_year_defaults_to_the_latest(database: Path, tmp_path: Path) -> None:
    r = cli("export", "--db", str(database), "-o", str(tmp_path / "t.xlsx"), "--json")
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    assert data["year"] == 2024 and data["counts"]["events"] == 96 and data["warnings"] == []


def test_regions_and_countries(database: Path, tmp_path: Path) -> None:
    out = tmp_path / "part.xlsx"
    r = cli(
        "export", "--db", str(database), "--year", "2024", "-o", str(out),
        "--country", "Куба", "--country", "Вьетнам", "--json",
    )  # fmt: skip
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["counts"]["countries"] == 2
    r = cli("export", "--db", str(database), "-o", str(out), "--region", "СНГ", "--json")
    assert json.loads(r.stdout)["counts"]["countries"] == 9


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--region", "Антарктида"], "Региона «Антарктида» нет в базе"),
        (["-o", "table.xls"], "должно оканчиваться на .xlsx"),
        (["-o", "no/such/folder/t.xlsx"], "не существует"),
    ],
)
def test_refusals_are_one_russian_line(
    database: Path, tmp_path: Path, args: list[str], words: str
) -> None:
    base = ["export", "--db", str(database), "-o", str(tmp_path / "t.xlsx")]
    if "-o" in args:
        base = ["export", "--db", str(database)]
        args = ["-o", str(tmp_path / args[1])]
    assert_refused(cli(*base, *args), 1, words)


def test_a_missing_database_is_refused_not_created(tmp_path: Path) -> None:
    db = tmp_path / "nope.sqlite"
    assert_refused(
        cli("export", "--db", str(db), "-o", str(tmp_path / "t.xlsx")), 1, "Проверьте путь"
    )
    assert not db.exists()


def test_an_old_file_survives_a_refusal(database: Path, tmp_path: Path) -> None:
    out = tmp_path / "t.xlsx"
    out.write_bytes(b"previous export")
    assert_refused(
        cli("export", "--db", str(database), "-o", str(out), "--country", "Атлантида"),
        1,
        "нет в базе",
    )
    assert out.read_bytes() == b"previous export"


def test_output_is_required(database: Path) -> None:
    r = cli("export", "--db", str(database))
    assert r.returncode == 2 and "Traceback" not in r.stderr
