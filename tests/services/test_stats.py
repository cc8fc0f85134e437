"""Statistics across years on a database of five years: every figure against the ledger's count."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import select

from spbgui.services import stats
from spbgui.store.database import Database, open_database
from spbgui.store.models import Country, Event
from tests import multiyear


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory, fixture_xlsx: Path):  # type: ignore[no-untyped-def]
    db = open_database(tmp_path_factory.mktemp("stats") / "years.sqlite")
    ledger = multiyear.build(db, fixture_xlsx)
    yield db, ledger
    db.close()


def _key(level: str, row: stats.StatRow) -> object:
    return (row.parent, row.name) if level == "partner" else row.name


@pytest.mark.parametrize("level", stats.LEVELS)
def test_events_per_year_equal_the_ledgers_count(built, level: str) -> None:  # type: ignore[no-untyped-def]
    db, ledger = built
    table = stats.events_per_year(db=db, first=2021, last=2025, level=level)
    expected = ledger.by(level)
    got = Counter({(_key(level, r), y): n for r in table.rows for y, n in r.counts.items() if n})
    assert got == expected
    assert sum(table.totals.values()) == len(ledger.events)
    assert table.years == [2021, 2022, 2023, 2024, 2025]
    assert len({_key(level, r) for r in table.rows}) == len(table.rows)  # one row each


def test_a_country_under_two_names_is_one_row_shown_as_written_first(built) -> None:  # type: ignore[no-untyped-def]
    db, ledger = built
    table = stats.events_per_year(db=db, first=2021, last=2025, level="country")
    names = [r.name for r in table.rows]
    assert "Белоруссия" in names and "Беларусь" not in names and "Республика Беларусь" not in names
    assert "Южная Африка" not in names and "Кыргызстан" not in names
    with db.read() as s:
        assert len(s.scalars(select(Country.id)).all()) == 26  # no second record either
    belarus = next(r for r in table.rows if r.name == "Белоруссия")
    assert belarus.counts[2023] == sum(
        1 for e in ledger.events if e[0] == 2023 and e[2] == "Белоруссия"
    )


def test_this_year_against_last(built) -> None:  # type: ignore[no-untyped-def]
    db, ledger = built
    cmp = stats.compare_years(db=db, year=2025, level="region")
    by_region = ledger.by("region")
    for row, last, this, diff in cmp.rows:
        assert (last, this) == (by_region[(row.name, 2024)], by_region[(row.name, 2025)])
        assert diff == this - last
    assert cmp.totals == (
        sum(1 for e in ledger.events if e[0] == 2024),
        sum(1 for e in ledger.events if e[0] == 2025),
        sum(1 for e in ledger.events if e[0] == 2025)
        - sum(1 for e in ledger.events if e[0] == 2024),
    )


def test_partners_and_agreements_per_region(built) -> None:  # type: ignore[no-untyped-def]
    db, ledger = built
    partners = Counter(region for region, _, _ in ledger.partners)
    countries = Counter(region for region, _ in {(r, c) for r, c, _ in ledger.partners})
    got = {h.name: h for h in stats.holdings_per_region(db=db)}
    assert {n: h.partners for n, h in got.items()} == dict(partners)
    assert {n: h.countries for n, h in got.items()} == dict(countries)
    # 41 agreements of the 2024 table and the two added in 2025
    assert sum(h.agreements for h in got.values()) == 41 + len(multiyear.NEW_IN_2025)


def test_events_behind_a_cell_are_the_ones_it_counts(built) -> None:  # type: ignore[no-untyped-def]
    db, _ = built
    table = stats.events_per_year(db=db, first=2021, last=2025, level="country")
    for row in table.rows[:8]:
        for year in (2023, 2025):
            behind = stats.events_behind(db=db, level="country", ids=row.ids, years=[year])
            assert len(behind) == row.counts[year]
            assert {e.year for e in behind} <= {year}
    with db.read() as s:
        assert len(s.scalars(select(Event.id)).all()) == sum(
            sum(r.counts.values()) for r in table.rows
        )


@pytest.mark.parametrize(
    ("text", "expected"),
    [("2020-2025", (2020, 2025)), ("2020–2025", (2020, 2025)), (" 2024 ", (2024, 2024))],
)
def test_span_of_years_is_read(text: str, expected: tuple[int, int]) -> None:
    assert stats.parse_years(text) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2025-2020", "позже"),
        ("двадцать", "Не удалось понять"),
        ("2020-2021-2022", "Не удалось понять"),
        ("1-9999", "Слишком много"),
        ("0-5", "вне допустимых"),
        ("", "Не удалось понять"),
    ],
)
def test_bad_span_of_years_is_refused_in_words(text: str, message: str) -> None:
    with pytest.raises(stats.StatsError, match=message):
        stats.parse_years(text)


def test_empty_database_gives_empty_tables(db: Database) -> None:
    table = stats.events_per_year(db=db, first=2020, last=2021, level="partner")
    assert table.rows == [] and table.totals == {2020: 0, 2021: 0}
    assert stats.holdings_per_region(db=db) == []
