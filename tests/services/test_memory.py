"""Anniversaries, dormant partners, terms that run out, a partner's answers: on five years."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from spbgui.domain.dates import PartialDate
from spbgui.domain.terms import ENDED, EXPIRED, IN_FORCE, RENEWED, Term
from spbgui.services import memory
from spbgui.services.conflicts import ConflictError
from spbgui.services.positions import EditError
from spbgui.services.terms import set_term
from spbgui.store.database import open_database
from tests import multiyear

TODAY = dt.date(2025, 6, 1)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory, fixture_xlsx: Path):  # type: ignore[no-untyped-def]
    db = open_database(tmp_path_factory.mktemp("memory") / "years.sqlite")
    ledger = multiyear.build(db, fixture_xlsx)
    yield db, ledger
    db.close()


def _agreement_dates(expected_2024: dict) -> list[tuple[str, str, str, list[PartialDate]]]:
    """(country, partner label, title, dates) of every agreement, read from the JSON."""
    out = [
        (
            a["country"],
            a["partner"] or a["country"],
            a["title"],
            [PartialDate.from_iso(d) for d in a["dates"]],
        )
        for a in expected_2024["agreements"]
    ]
    out += [(c, p, t, [d]) for c, p, t, d in multiyear.NEW_IN_2025]
    return out


@pytest.mark.parametrize("year", [2024, 2025, 2026])
def test_anniversaries_of_a_year(built, expected_2024: dict, year: int) -> None:  # type: ignore[no-untyped-def]
    db, _ = built
    agreements = _agreement_dates(expected_2024)
    founding: dict[tuple[str, str], PartialDate] = {}
    for country, partner, _, dates in agreements:
        if dates:
            key = (country, partner)
            founding[key] = min([*dates, founding.get(key, dates[0])])
    expected = set()
    for (country, partner), first in founding.items():
        if year - first.year > 0 and (year - first.year) % 5 == 0:
            expected.add(("partnership", country, partner, first.iso(), year - first.year))
    for country, partner, _, dates in agreements:
        if dates and min(dates) != founding[(country, partner)]:
            first = min(dates)
            if year - first.year > 0 and (year - first.year) % 5 == 0:
                expected.add(("agreement", country, partner, first.iso(), year - first.year))
    got = memory.anniversaries(db=db, year=year)
    assert {(a.kind, a.country, a.partner, a.date.iso(), a.years) for a in got} == expected
    assert len(got) == len(expected) and expected  # each once, and the year has some


def test_a_date_known_only_to_the_year_counts_by_the_year(built) -> None:  # type: ignore[no-untyped-def]
    db, _ = built
    got = memory.anniversaries(db=db, year=2020)
    # «1990» (Киргизия as a whole) is 30 years old in 2020, whatever the day
    assert any(a.date == PartialDate(1990) and a.years == 30 for a in got)


@pytest.mark.parametrize("years", [1, 2, 3, 4])
def test_dormant_partners_have_no_events_in_the_last_years(built, years: int) -> None:  # type: ignore[no-untyped-def]
    db, ledger = built
    since = 2025 - years + 1
    active = {(e[2], e[3]) for e in ledger.events if e[0] >= since}
    last = {}
    for year, _, country, partner in ledger.events:
        last[(country, partner)] = max(year, last.get((country, partner), 0))
    expected = {(c, p, last.get((c, p))) for _, c, p in ledger.partners if (c, p) not in active}
    got = memory.dormant_partners(db=db, years=years)
    assert {(d.country, d.partner, d.last_year) for d in got} == expected
    if years == 3:
        quiet = {(c, p) for c, p in multiyear.QUIET_FROM_2022}
        assert quiet <= {(d.country, d.partner) for d in got}
    for d in got:
        assert d.last_date.endswith(f"{d.last_year} г.") if d.last_year else d.last_date == ""


def test_terms_that_run_out_or_ran_out(built) -> None:  # type: ignore[no-untyped-def]
    db, _ = built
    due = {d.agreement.partner: d for d in memory.terms_due(db=db, today=TODAY, months=6)}
    assert set(due) == {"Республика Сербская"}  # «на 2021- 2023 гг.»
    assert due["Республика Сербская"].expired and due["Республика Сербская"].status == EXPIRED
    assert due["Республика Сербская"].agreement.term == Term(PartialDate(2021), PartialDate(2023))
    # «на 2023-2025 гг.» ends on 31.12.2025: seven months from 1 June, not six
    later = {d.agreement.partner: d for d in memory.terms_due(db=db, today=TODAY, months=7)}
    assert set(later) == {"Республика Сербская", "Ташкент"}
    assert not later["Ташкент"].expired and later["Ташкент"].status == IN_FORCE
    # «до 31.12.2026»: in force now, expired in 2027
    yerevan = [a for a in memory.agreements(db=db) if a.partner == "Ереван" and "2026" in a.title]
    assert yerevan[0].status(TODAY) == IN_FORCE
    assert yerevan[0].status(dt.date(2027, 1, 1)) == EXPIRED


def test_renewed_or_ended_agreement_is_no_longer_due_and_the_edit_is_checked(built) -> None:  # type: ignore[no-untyped-def]
    db, _ = built
    serb = next(d.agreement for d in memory.terms_due(db=db, today=TODAY))
    with pytest.raises(EditError, match="раньше"):
        set_term(
            db=db,
            agreement_id=serb.id,
            term=Term(PartialDate(2024), PartialDate(2023)),
            status=None,
        )
    with pytest.raises(EditError, match="Нет такого состояния"):
        set_term(db=db, agreement_id=serb.id, term=serb.term, status="забыто")
    edited = set_term(
        db=db,
        agreement_id=serb.id,
        term=Term(PartialDate(2024), PartialDate(2026, 12, 31)),
        status=RENEWED,
        expected_version=serb.version,
    )
    assert edited.before.status is None and edited.after.status == RENEWED
    assert serb.id not in {d.agreement.id for d in memory.terms_due(db=db, today=TODAY)}
    with pytest.raises(ConflictError):  # the version read before the edit is stale now
        set_term(
            db=db, agreement_id=serb.id, term=serb.term, status=ENDED, expected_version=serb.version
        )
    now = next(a for a in memory.agreements(db=db) if a.id == serb.id)
    assert now.term.end == PartialDate(2026, 12, 31) and now.status(TODAY) == RENEWED
    set_term(db=db, agreement_id=serb.id, term=serb.term, status=None)  # back as it was
    assert serb.id in {d.agreement.id for d in memory.terms_due(db=db, today=TODAY)}


@pytest.mark.parametrize("years", [10, 20, 30])
def test_agreements_older_than(built, expected_2024: dict, years: int) -> None:  # type: ignore[no-untyped-def]
    db, _ = built
    expected = sorted(
        title
        for _, _, title, dates in _agreement_dates(expected_2024)
        if dates
        and dt.date(min(dates).year + years, min(dates).month or 1, min(dates).day or 1) < TODAY
    )
    got = sorted(a.title for a in memory.older_than(db=db, years=years, today=TODAY))
    assert got == expected and got


def test_partner_answers(built) -> None:  # type: ignore[no-untyped-def]
    db, ledger = built
    tashkent = next(a for a in memory.agreements(db=db) if a.partner == "Ташкент").partner_id
    answers = memory.partner_answers(db=db, partner_id=tashkent, today=TODAY)
    per_year: dict[int, int] = {}
    for year, _, _, partner in ledger.events:
        if partner == "Ташкент":
            per_year[year] = per_year.get(year, 0) + 1
    assert answers.per_year == per_year
    assert answers.last_event is not None and answers.last_event[0] == max(per_year)
    ages = {a.title: age for a, age in answers.agreements}
    assert ages["«Дорожная карта» сотрудничества на 2023-2025 гг."] == 2  # since March 2023
    assert all(age is None or age >= 0 for age in ages.values())
