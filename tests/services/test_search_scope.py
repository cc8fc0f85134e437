"""The index's scope (revision 0014) and a search stopped midway (issue 17, goal 3).

Search on SQLite asks FTS5 for one year's events and for the named records apart; the
answers must be what matching every record's text word by word gives (the rule the
PostgreSQL fallback follows), for any query, any year. A search can be stopped from
another thread, interrupting the statement it is running.
"""

from __future__ import annotations

import random
import threading
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select, text

from spbgui.domain.dates import parse_event_date
from spbgui.services import edit, search
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

    monkeypatch.setattr(search, "_fts_hits", endless)
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
