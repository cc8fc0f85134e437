"""``spbgui-cli import`` of several workbooks or a folder: each year from its header, all read
before the database is touched, one transaction per file; the figures then equal the ledger's."""

from __future__ import annotations

import json
import shutil
from collections import Counter
from pathlib import Path

import pytest

from spbgui.services import records, stats
from spbgui.services.export import export_workbook
from spbgui.store.database import open_database
from tests import multiyear
from tests.test_cli import assert_refused, cli


@pytest.fixture(scope="module")
def workbooks(tmp_path_factory: pytest.TempPathFactory, fixture_xlsx: Path):
    """The five years exported to one workbook each, from a database built by the ledger."""
    folder = tmp_path_factory.mktemp("years-xlsx")
    db = open_database(tmp_path_factory.mktemp("source") / "source.sqlite")
    ledger = multiyear.build(db, fixture_xlsx)
    for year in multiyear.YEARS:
        export_workbook(db=db, year=year, path=folder / f"Сотрудничество {year}.xlsx")
    db.close()
    return folder, ledger


def test_a_folder_of_five_years_goes_in_and_counts_as_the_ledger(workbooks, tmp_path: Path) -> None:
    folder, ledger = workbooks
    target = tmp_path / "all.sqlite"
    r = cli("import", str(folder), "--db", str(target), "--json")
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    assert [d["year"] for d in data] == list(multiyear.YEARS)  # oldest first
    assert data[0]["created"]["partners"] == len(ledger.partners)
    assert all(d["created"]["partners"] == 0 for d in data[1:])  # matched, not duplicated
    db = open_database(target, create=False)
    try:
        assert records.event_years(db=db) == list(multiyear.YEARS)
        table = stats.events_per_year(db=db, first=2021, last=2025, level="country")
        got = Counter({(r.name, y): n for r in table.rows for y, n in r.counts.items() if n})
        assert got == ledger.by("country")
    finally:
        db.close()


def test_several_files_named_as_text(workbooks, tmp_path: Path) -> None:
    folder, ledger = workbooks
    files = [str(folder / f"Сотрудничество {y}.xlsx") for y in (2024, 2022)]
    r = cli("import", *files, "--db", str(tmp_path / "two.sqlite"))
    assert r.returncode == 0, r.stderr
    lines = [line for line in r.stdout.splitlines() if line.startswith("Загружено из файла")]
    assert [line.split("«")[1].split("»")[0] for line in lines] == [
        "Сотрудничество 2022.xlsx",
        "Сотрудничество 2024.xlsx",
    ]
    per_year = Counter(e[0] for e in ledger.events)
    assert f"мероприятий: {per_year[2022]}" in lines[0]


def test_a_damaged_file_stops_the_batch_before_the_database_changes(
    workbooks, tmp_path: Path
) -> None:
    folder, _ = workbooks
    mixed = tmp_path / "mixed"
    shutil.copytree(folder, mixed)
    (mixed / "сломанный.xlsx").write_bytes(b"PK\x03\x04 not really a workbook" * 10)
    target = tmp_path / "x.sqlite"
    open_database(target).close()
    before = target.read_bytes()
    r = cli("import", str(mixed), "--db", str(target))
    assert_refused(r, 1, "«сломанный.xlsx» не загружен")
    assert target.read_bytes() == before


@pytest.mark.parametrize(
    ("extra", "words"),
    [
        (("--year", "2024"), "--year задаёт год одного файла"),
    ],
)
def test_year_is_refused_for_several_files(workbooks, tmp_path: Path, extra, words) -> None:
    folder, _ = workbooks
    r = cli("import", str(folder), "--db", str(tmp_path / "y.sqlite"), *extra)
    assert_refused(r, 1, words)


def test_two_files_of_one_year_and_a_year_already_there(workbooks, tmp_path: Path) -> None:
    folder, _ = workbooks
    copy = tmp_path / "ещё 2023.xlsx"
    shutil.copyfile(folder / "Сотрудничество 2023.xlsx", copy)
    target = tmp_path / "z.sqlite"
    r = cli("import", str(folder / "Сотрудничество 2023.xlsx"), str(copy), "--db", str(target))
    assert_refused(r, 1, "есть в двух файлах")
    assert (
        cli("import", str(folder / "Сотрудничество 2023.xlsx"), "--db", str(target)).returncode == 0
    )
    r = cli("import", str(folder), "--db", str(target))
    assert_refused(r, 1, "уже есть мероприятия: 2023 год")
    db = open_database(target, create=False)
    try:
        assert records.event_years(db=db) == [2023]  # nothing else went in
    finally:
        db.close()
    r = cli("import", str(folder), "--db", str(target), "--replace-year", "--json")
    assert r.returncode == 0, r.stderr
    assert [d["replaced_events"] > 0 for d in json.loads(r.stdout)] == [
        False,
        False,
        True,
        False,
        False,
    ]


def test_a_folder_without_workbooks_and_a_missing_file(tmp_path: Path) -> None:
    empty = tmp_path / "пусто"
    empty.mkdir()
    (empty / "~$lock.xlsx").write_bytes(b"x")
    assert_refused(cli("import", str(empty), "--db", str(tmp_path / "e.sqlite")), 1, "нет таблиц")
    r = cli("import", str(empty), str(tmp_path / "нет.xlsx"), "--db", str(tmp_path / "e.sqlite"))
    assert_refused(r, 1, "нет таблиц")


def test_a_dry_run_of_a_folder_into_a_new_file_makes_no_database(workbooks, tmp_path: Path) -> None:
    folder, _ledger = workbooks
    target = tmp_path / "db" / "new.sqlite"
    target.parent.mkdir()
    r = cli("import", str(folder), "--db", str(target), "--dry-run")
    assert r.returncode == 0, r.stderr
    assert r.stdout.count("В файле «") == len(multiyear.YEARS)
    assert list(target.parent.iterdir()) == []
