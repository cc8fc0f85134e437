"""The index's scope (revision 0014) and a search stopped midway (issue 17, goal 3).

Search on SQLite asks FTS5 for one year's events and for the named records apart; the
answers must be what matching every record's text word by word gives (the rule the
PostgreSQL fallback follows), for any query, any year. A search can be stopped from
another thread, interrupting the statement it is running.
"""

from __future__ import annotations

import random
import sqlite3
import threading
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select, text

from spbgui.domain.dates import parse_event_date
from spbgui.services import edit, order, search
from spbgui.store.database import Database
from spbgui.store.models import Agreement, Country, Event, Partner, Region

YEARS = (2023, 2024)
WORDS = (
    "визит делегации парад парадный юбилей юбилейный ёлка елка город городской "
    "форум Ташкент ташкентский café cafe неделя недели 777 77 7 о-в им. № N12"
).split()


def _text(rnd: random.Random) -> str:
    return " ".join(rnd.choice(WORDS) for _ in range(rnd.randint(1, 4)))


@pytest.fixture
def seeded(sqlite_db: Database) -> Database:
    """Regions, countries, partners, agreements and events of two years, random texts."""
    rnd = random.Random(17)
    db = sqlite_db
    for r in range(2):
        region = edit.add_region(db=db, name=f"Регион {r} {_text(rnd)}").id
        for c in range(3):
            country = edit.add_country(db=db, region_id=region, name=f"Страна {r}{c}").id
            for p in range(3):  # (names unique in a country)
                partner = edit.add_partner(
                    db=db, country_id=country, name=f"{_text(rnd)} {p}", note=_text(rnd)
                ).id
                if rnd.random() < 0.5:
                    edit.add_agreement(db=db, partner_id=partner, title=_text(rnd))
                for _ in range(rnd.randint(0, 6)):
                    year = rnd.choice(YEARS)
                    edit.add_event(
                        db=db,
                        partner_id=partner,
                        year=year,
                        date=parse_event_date("", year),
                        text=_text(rnd),
                    )
    return db


Found = tuple[set[int], set[int], set[int], set[int]]


def _by_every_text(db: Database, query: str, year: int | None) -> Found:
    """The partners, the events, the countries and the regions a search must find by their
    own text, by matching every record's text."""
    phrases = search._phrases(search.words(query))

    def hit(body: str | None) -> bool:
        return bool(phrases) and all(phrases) and search._matches(body, phrases)

    with db.read() as s:
        events = {
            (i, p)
            for i, p, y, t in s.execute(select(Event.id, Event.partner_id, Event.year, Event.text))
            if (year is None or y == year) and hit(t)
        }
        partners = {p for _i, p in events}
        partners |= {
            i
            for i, name, note in s.execute(select(Partner.id, Partner.name, Partner.note))
            if hit(f"{name or ''} {note}")
        }
        partners |= {
            p
            for p, title, note in s.execute(
                select(Agreement.partner_id, Agreement.title, Agreement.note)
            )
            if hit(f"{title} {note}")
        }
        named_countries = {
            i
            for i, name, note in s.execute(select(Country.id, Country.name, Country.note))
            if hit(f"{name} {note}")
        }
        named_regions = {
            i
            for i, name, note in s.execute(select(Region.id, Region.name, Region.note))
            if hit(f"{name} {note}")
        }
    return partners, {i for i, _p in events}, named_countries, named_regions


_prefix = st.sampled_from(WORDS).flatmap(
    lambda w: st.integers(1, len(w)).map(lambda n: w[:n].upper() if n % 3 == 0 else w[:n])
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    query=st.lists(_prefix, min_size=1, max_size=3).map(" ".join),
    year=st.sampled_from((*YEARS, None)),
)
def test_search_finds_what_matching_every_text_finds(seeded: Database, query: str, year) -> None:
    _finds_what_matching_every_text_finds(seeded, query, year)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    query=st.lists(_prefix, min_size=1, max_size=3).map(" ".join),
    year=st.sampled_from(YEARS),
)
def test_with_the_year_map_kept_search_finds_the_same(
    seeded: Database, query: str, year: int
) -> None:
    """The year's event → partner map (read ahead, used from OWNERS_FROM matches on) gives
    what the lookups in SQL give: here every search of a year uses it."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(search, "OWNERS_FROM", 0)
        search.read_ahead(db=seeded, year=year)
        _finds_what_matching_every_text_finds(seeded, query, year)


def _finds_what_matching_every_text_finds(seeded: Database, query: str, year) -> None:
    found = search.search(db=seeded, query=query, year=year, limit=1000)
    if found.too_short:
        assert sum(len(w) for w in search.words(query)) < search.MIN_LENGTH
        return
    partners, events, countries, regions = _by_every_text(seeded, query, year)
    assert found.partners == partners
    assert countries <= found.whole_countries <= found.countries
    assert regions == found.whole_regions
    assert found.event_count == len(events)
    assert {h.id for h in found.events} == events
    assert all(year is None or h.year == year for h in found.events)


def test_an_event_moved_to_another_year_is_found_in_that_year(seeded: Database) -> None:
    with seeded.read() as s:
        event_id, partner_id, year = s.execute(
            select(Event.id, Event.partner_id, Event.year).order_by(Event.id).limit(1)
        ).one()
    edit.update_event(db=seeded, event_id=event_id, text="международный конгресс")
    other = YEARS[1] if year == YEARS[0] else YEARS[0]
    assert search.search(db=seeded, query="конгр", year=year).partners == {partner_id}
    edit.update_event(db=seeded, event_id=event_id, year=other)
    assert search.search(db=seeded, query="конгр", year=year).is_empty
    moved = search.search(db=seeded, query="конгр", year=other)
    assert [h.id for h in moved.events] == [event_id]


def test_a_search_cancelled_before_it_starts_does_not_run(seeded: Database) -> None:
    cancel = search.Cancel()
    cancel.cancel()
    with pytest.raises(search.Cancelled):
        search.search(db=seeded, query="визит", year=2024, cancel=cancel)
    # Not cancelled, the same search answers as without a Cancel.
    assert search.search(
        db=seeded, query="визит", year=2024, cancel=search.Cancel()
    ) == search.search(db=seeded, query="визит", year=2024)


def test_cancel_interrupts_the_statement_under_way(seeded: Database, monkeypatch) -> None:
    """Another thread stops a search whose statement would run for many seconds."""
    cancel = search.Cancel()
    running = threading.Event()

    def endless(s, *_args):  # stands for a slow MATCH
        running.set()
        s.execute(
            text(
                "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 1e8) "
                "SELECT count(*) FROM c"
            )
        )
        raise AssertionError("the statement was not interrupted")

    monkeypatch.setattr(search, "_fts_hits", endless)  # every year
    monkeypatch.setattr(search, "_year_event_ids", endless)  # one year
    threading.Thread(target=lambda: running.wait(10) and cancel.cancel()).start()
    started = time.perf_counter()
    with pytest.raises(search.Cancelled):
        search.search(db=seeded, query="визит", year=2024, cancel=cancel)
    assert time.perf_counter() - started < 5
    monkeypatch.undo()
    # The connection goes back to the pool fit for the next search.
    assert search.search(db=seeded, query="визит", year=None).event_count > 0


def test_several_words_answer_alike_on_a_database_opened_read_only(
    seeded: Database, db_path
) -> None:
    """Several words keep the index's matches in a temporary table: a file opened read-only
    (where nothing may be written) answers them as one opened for writing does."""
    from spbgui.store.database import open_database

    queries = ("визит дел", "парад юб", "город 7", "ёлка ташк", "не 77")
    expected = [search.search(db=seeded, query=q, year=2024) for q in queries]
    assert any(not r.is_empty for r in expected)
    readonly = open_database(db_path, readonly=True)
    try:
        assert [search.search(db=readonly, query=q, year=2024) for q in queries] == expected
    finally:
        readonly.close()


def _maps_read(monkeypatch: pytest.MonkeyPatch) -> tuple[list[int], list[int]]:
    """Every search of a year may use a kept map: the years a map was read for, and the
    years of the searches that used one."""
    monkeypatch.setattr(search, "OWNERS_FROM", 0)
    read: list[int] = []
    used: list[int] = []
    made = search._YearOwners
    partners = made.partners

    def counting(*args):
        read.append(args[2])
        return made(*args)

    def using(self, ids):
        used.append(self.year)
        return partners(self, ids)

    monkeypatch.setattr(made, "partners", using)
    monkeypatch.setattr(search, "_YearOwners", counting)
    return read, used


def _first_event(db: Database, year: int) -> tuple[int, int]:
    with db.read() as s:
        return s.execute(
            select(Event.id, Event.partner_id).where(Event.year == year).order_by(Event.id).limit(1)
        ).one()


def test_a_search_never_reads_the_map_itself(
    seeded: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Reading the map is for the worker's reading ahead: a key never waits for it."""
    read, used = _maps_read(monkeypatch)
    search.search(db=seeded, query="визит", year=2024)
    assert read == [] and used == []


def test_the_year_map_read_ahead_serves_until_something_is_written(
    seeded: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    read, used = _maps_read(monkeypatch)
    search.read_ahead(db=seeded, year=2024)
    queries = ("виз", "визит", "парад", "го")
    for query in queries:
        search.search(db=seeded, query=query, year=2024)
    assert read == [2024]
    assert used == [2024] * len(queries)  # every search of the year used it
    used.clear()
    search.search(db=seeded, query="парад", year=2023)  # another year: not this map
    assert used == []
    edit.add_region(db=seeded, name="Антарктида")  # any write at all
    search.search(db=seeded, query="парад", year=2024)
    assert used == []  # the map was of the database before the write
    search.read_ahead(db=seeded, year=2024)
    assert read == [2024, 2024]


def test_an_event_moved_to_another_partner_is_counted_there_at_once(
    seeded: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Moved through the program (its writing connection) and by another program: the
    search right after the move, and the one after the map is read ahead again."""
    read, used = _maps_read(monkeypatch)
    event_id, partner_id = _first_event(seeded, 2024)
    edit.update_event(db=seeded, event_id=event_id, text="международный конгресс")

    def found() -> set[int]:
        now = search.search(db=seeded, query="конгр", year=2024).partners
        search.read_ahead(db=seeded, year=2024)
        assert search.search(db=seeded, query="конгр", year=2024).partners == now
        return now

    assert found() == {partner_id}
    with seeded.read() as s:
        others = [p for (p,) in s.execute(select(Partner.id).where(Partner.id != partner_id))]
    order.move_event(db=seeded, event_id=event_id, index=None, partner_id=others[0])
    assert found() == {others[0]}
    # Another program moves it on: its commit is seen too.
    assert seeded.path is not None
    other = sqlite3.connect(seeded.path)
    with other:
        other.execute("UPDATE event SET partner_id = ? WHERE id = ?", (others[1], event_id))
    other.close()
    assert found() == {others[1]}
    assert len(read) == 3 and len(used) == 3  # read anew after each write, and used


def test_a_write_between_the_version_and_the_read_keeps_no_map(
    seeded: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A commit landing while the map is read ahead: no map is kept that could not be
    dated, and the search answers from its own reads."""
    read, used = _maps_read(monkeypatch)
    version = seeded.data_version()
    edit.add_region(db=seeded, name="Антарктида")  # lands after the version was read
    real = search._data_version
    answers = [version]  # the reading's first look at the version: from before the write
    monkeypatch.setattr(search, "_data_version", lambda db: answers.pop() if answers else real(db))
    search.read_ahead(db=seeded, year=2024)
    found = search.search(db=seeded, query="визит", year=2024)
    assert read == [] and used == []
    partners, events, _countries, _regions = _by_every_text(seeded, "визит", 2024)
    assert found.partners == partners and found.event_count == len(events)


def test_the_map_read_ahead_is_the_one_the_first_search_uses(
    seeded: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    read, used = _maps_read(monkeypatch)
    search.read_ahead(db=seeded, year=2024)
    assert read == [2024]
    found = search.search(db=seeded, query="визит", year=2024)
    assert read == [2024] and used == [2024]
    partners, events, _countries, _regions = _by_every_text(seeded, "визит", 2024)
    assert found.partners == partners and found.event_count == len(events)
    search.read_ahead(db=seeded, year=None)  # every year: nothing is kept for it
    assert read == [2024]


def test_a_small_year_keeps_no_map(seeded: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    read, _used = _maps_read(monkeypatch)
    monkeypatch.setattr(search, "OWNERS_FROM", 10_000)
    search.read_ahead(db=seeded, year=2024)
    search.search(db=seeded, query="визит", year=2024)
    assert read == []
