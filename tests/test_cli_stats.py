"""``spbgui-cli stats`` and ``anniversaries`` as a user runs them, on a five-year database."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from spbgui.services import memory
from spbgui.store.database import open_database
from tests import multiyear
from tests.test_cli import assert_refused, cli


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory, fixture_xlsx: Path):
    path = tmp_path_factory.mktemp("cli-stats") / "years.sqlite"
    db = open_database(path)
    ledger = multiyear.build(db, fixture_xlsx)
    db.close()
    return path, ledger


def test_stats_json_equals_the_ledgers_count(built) -> None:
    path, ledger = built
    r = cli(
        "stats",
        "--db",
        str(path),
        "--years",
        "2021-2025",
        "--json",
        "--level",
        "region",
        "--level",
        "country",
        "--level",
        "partner",
    )
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    assert data["years"] == [2021, 2025]
    for level in ("region", "country", "partner"):
        got = Counter()
        for row in data["tables"][level]["rows"]:
            key = (row["parent"], row["name"]) if level == "partner" else row["name"]
            for year, n in row["counts"].items():
                if n:
                    got[(key, int(year))] = n
        assert got == ledger.by(level), level
    per_year = Counter(e[0] for e in ledger.events)
    c = data["comparison"]
    assert (c["previous"], c["year"]) == (2024, 2025)
    assert c["totals"] == {
        "previous": per_year[2024],
        "this": per_year[2025],
        "difference": per_year[2025] - per_year[2024],
    }
    assert sum(r["partners"] for r in data["regions"]) == len(ledger.partners)


def test_stats_as_text_for_a_person(built) -> None:
    path, ledger = built
    r = cli("stats", "--db", str(path), "--years", "2023–2025")
    assert r.returncode == 0, r.stderr
    assert "Мероприятия по регионам, 2023–2025" in r.stdout
    assert "Мероприятия по странам, 2023–2025" in r.stdout
    assert "2025 год в сравнении с 2024 годом" in r.stdout
    total_2025 = sum(1 for e in ledger.events if e[0] == 2025)
    total_line = next(
        line for line in r.stdout.splitlines() if line.startswith("Всего")
    )  # the regions' table comes first
    per_year = Counter(e[0] for e in ledger.events)
    assert total_line.split() == [
        "Всего",
        str(per_year[2023]),
        str(per_year[2024]),
        str(total_2025),
        str(per_year[2023] + per_year[2024] + total_2025),
    ]
    assert "Белоруссия" in r.stdout and "Беларусь " not in r.stdout


def test_anniversaries_json_and_text(built) -> None:
    path, _ = built
    r = cli("anniversaries", "--db", str(path), "--year", "2025", "--json")
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    db = open_database(path, create=False)
    try:
        expected = memory.anniversaries(db=db, year=2025)
    finally:
        db.close()
    assert data["anniversaries"] == [a.as_json() for a in expected] and expected
    text = cli("anniversaries", "--db", str(path), "--year", "2025")
    assert text.returncode == 0
    assert text.stdout.splitlines()[0] == "Юбилейные даты 2025 года"
    assert len(text.stdout.splitlines()) == 1 + len(expected)
    assert "09.12.2005 — 20 лет: Хошимин (Вьетнам)" in text.stdout


@pytest.mark.parametrize(
    ("args", "code", "words"),
    [
        # (years that cannot be right are usage errors, as --year is for every command)
        (("stats", "--years", "2025-2020"), 2, "позже последнего"),
        (("stats", "--years", "вчера"), 2, "Не удалось понять годы"),
        (("anniversaries", "--year", "0"), 2, "не подходит"),
        (("anniversaries",), 2, "--year"),
    ],
)
def test_bad_arguments_are_refused_in_one_line(
    built, args: tuple[str, ...], code: int, words: str
) -> None:
    path, _ = built
    assert_refused(cli(*args, "--db", str(path)), code, words)


def test_missing_or_empty_database(tmp_path: Path) -> None:
    missing = tmp_path / "нет.sqlite"
    assert_refused(cli("stats", "--db", str(missing)), 1, "Файла базы данных")
    assert not missing.exists()
    empty = tmp_path / "empty.sqlite"
    open_database(empty).close()
    assert_refused(cli("stats", "--db", str(empty)), 1, "нет ни одного года")
    r = cli("anniversaries", "--db", str(empty), "--year", "2025")
    assert r.returncode == 0 and "юбилейных дат нет" in r.stdout


def test_one_year_is_named_once_and_partners_with_their_country(built) -> None:
    """«2024», not «2024–2024», as the Excel sheet and the report name it; a partner's
    row says its country, as the window's does (two cities may share a name)."""
    path, _ = built
    r = cli(
        "stats", "--db", str(path), "--years", "2024", "--level", "region", "--level", "partner"
    )
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()
    assert "Мероприятия по регионам, 2024" in lines
    assert "Мероприятия по партнёрам, 2024" in lines
    assert "2024–2024" not in r.stdout
    assert any(line.startswith("Хошимин (Вьетнам) ") for line in lines)
    # (impossible years are usage errors, exit 2, as --year is for every other command)
    assert_refused(cli("anniversaries", "--db", str(path), "--year", "0"), 2, "год 0 не подходит")
    assert_refused(cli("stats", "--db", str(path), "--years", "0-2024"), 2, "Годы 0–2024 вне")
