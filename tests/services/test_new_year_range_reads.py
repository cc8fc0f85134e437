"""An event across New Year, stored with its date as written (the only way such a range is
allowed), read back by every service that shows or orders events: none fails on it."""

from __future__ import annotations

import datetime as dt

from spbgui.domain.dates import EventDate, PartialDate
from spbgui.domain.event_dates import parse_event_date
from spbgui.services import edit, memory, order, stats

ACROSS = "28.12.2020 – 05.01.2021"


def test_services_read_an_event_across_new_year(db) -> None:
    region = edit.add_region(db=db, name="Азия").id
    country = edit.add_country(db=db, region_id=region, name="Китай").id
    pid = edit.add_partner(db=db, country_id=country, name="Пекин", kind="city").id
    other = edit.add_partner(db=db, country_id=country, name="Шанхай", kind="city").id
    date = parse_event_date(ACROSS, 2020)
    assert date.start.year != date.end.year
    edit.add_event(db=db, partner_id=pid, year=2020, date=date, text="Фестиваль")
    edit.add_event(
        db=db, partner_id=pid, year=2020, date=EventDate(PartialDate(2020, 3, 1)), text="Визит"
    )
    edit.add_event(
        db=db, partner_id=other, year=2024, date=EventDate(PartialDate(2024, 5, 1)), text="Да"
    )

    answers = memory.partner_answers(db=db, partner_id=pid, today=dt.date(2024, 6, 1))
    assert answers.last_event is not None and ACROSS in answers.last_event[1]
    (dormant,) = memory.dormant_partners(db=db, years=3)  # Пекин: nothing since 2020
    assert dormant.partner_id == pid and ACROSS in dormant.last_date
    behind = stats.events_behind(db=db, level="partner", ids=[pid], years=[2020])
    assert ACROSS in {e.date_text for e in behind}
    done = order.sort_events_by_date(db=db, partner_id=pid, year=2020)
    assert len(done.after) == 2
