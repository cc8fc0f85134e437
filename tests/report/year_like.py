"""Years like the committee's 2024, made up: the 2024 partners and agreements with the
year's events dealt out afresh, so each seed pages differently.

The events are 2024's own texts (real lengths, real words), shuffled and handed to
the agreements in new numbers, dated in the new year; now and then an event is
doubled or dropped so the totals differ from 2024's too.
"""

from __future__ import annotations

import copy
import random
from pathlib import Path

from spbgui.domain.dates import EventDate, PartialDate
from spbgui.domain.events_text import EventText
from spbgui.io.table.records import ParsedTable
from spbgui.io.xlsx.read import read_table


def year_like(source: Path, year: int, seed: int) -> ParsedTable:
    table = copy.deepcopy(read_table(source))
    rng = random.Random(seed)
    agreements = [
        a for r in table.regions for c in r.countries for p in c.partners for a in p.agreements
    ]
    texts = [e.text for a in agreements for e in a.events]
    extra = rng.randint(-len(texts) // 5, len(texts) // 5)
    pool = texts + rng.sample(texts, extra) if extra > 0 else texts[: len(texts) + extra]
    rng.shuffle(pool)
    for a in agreements:
        a.events = []
    busy = rng.sample(agreements, max(1, len(agreements) // 4))
    for text in pool:
        # Busy partners get busier, as they do: a quarter of the agreements take most events.
        a = rng.choice(busy if rng.random() < 0.6 else agreements)
        month = rng.randint(1, 12)
        when = (
            EventDate(PartialDate(year, month, rng.randint(1, 28)))
            if rng.random() < 0.93
            else EventDate()
        )
        a.events.append(EventText(when, text))
    for a in agreements:
        a.events.sort(
            key=lambda e: (e.date.start is None, e.date.start.month if e.date.start else 0)
        )
    table.year = year
    return table
