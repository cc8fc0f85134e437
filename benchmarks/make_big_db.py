"""Make a large database to measure the window against: 10,000 partners, 500,000 events.

    python benchmarks/make_big_db.py /tmp/big.sqlite [--partners 10000] [--events 500000]

The schema comes from the program's own migrations (so the search index and its
triggers are there, and kept by them while rows go in); the rows are written
with plain executemany in one transaction, which takes a minute instead of the
hours one service call per row would. A few partners («Большой город N») get
1,000 events each in the last year, the case the window must show in 100 ms.
Same seed, same database.
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from spbgui.store.database import open_database  # noqa: E402

REGIONS = ["Европа", "Азия", "СНГ", "Африка", "Латинская Америка"]
WORDS = (
    "визит делегации официальной правительства мэрии города провинции комитета по внешним связям "
    "Санкт-Петербурга подписание соглашения о сотрудничестве в области культуры образования "
    "здравоохранения туризма спорта науки промышленности торговли встреча с губернатором "
    "фестиваль неделя дни культуры выставка конференция форум международный молодёжный "
    "концерт гастроли театра оркестра музея университета школы обмен студентами "
    "Главный военно-морской парад юбилей побратимства памятник открытие центра ёлка"
).split()
MONTHS = 12
YEARS = (2020, 2021, 2022, 2023, 2024)
BIG_PARTNERS = 5
BIG_EVENTS = 1000


def _text(rng: random.Random) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 24))) + "."


def _dates(rng: random.Random, year: int) -> tuple[str | None, str | None]:
    kind = rng.random()
    month = rng.randint(1, MONTHS)
    if kind < 0.1:
        return None, None
    if kind < 0.25:
        iso = f"{year:04d}-{month:02d}"
        return iso, iso
    day = rng.randint(1, 25)
    end = day + (rng.randint(1, 3) if kind < 0.6 else 0)
    return f"{year:04d}-{month:02d}-{day:02d}", f"{year:04d}-{month:02d}-{end:02d}"


def make(path: Path, partners: int, events: int, seed: int = 2024) -> dict[str, int]:
    if path.exists():
        raise SystemExit(f"{path} exists; remove it first")
    open_database(path).close()  # schema, search index and triggers from the migrations
    rng = random.Random(seed)
    countries = max(1, partners // 50)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA synchronous = OFF")  # a generator, not the editor: speed over safety
    with conn:
        conn.executemany(
            "INSERT INTO region (id, name, position, note) VALUES (?, ?, ?, '')",
            [(i + 1, name, i) for i, name in enumerate(REGIONS)],
        )
        conn.executemany(
            "INSERT INTO country (id, region_id, name, position, note) VALUES (?, ?, ?, ?, '')",
            [(c + 1, c % len(REGIONS) + 1, f"Страна {c + 1}", c) for c in range(countries)],
        )
        conn.executemany(
            "INSERT INTO partner (id, country_id, name, kind, position, note) "
            "VALUES (?, ?, ?, 'city', ?, '')",
            [
                (
                    p + 1,
                    p % countries + 1,
                    f"Город {p + 1}" if p >= BIG_PARTNERS else f"Большой город {p + 1}",
                    p // countries,
                )
                for p in range(partners)
            ],
        )
        agreements = []
        dates = []
        for p in range(1, partners + 1):
            for k in range(1 + (p % 3 == 0)):
                aid = len(agreements) + 1
                agreements.append((aid, p, f"Соглашение о сотрудничестве № {aid}", k))
                dates.append((aid, 0, rng.randint(1960, 2024), rng.randint(1, 12), None))
        conn.executemany(
            "INSERT INTO agreement (id, partner_id, title, note, position) VALUES (?, ?, ?, '', ?)",
            agreements,
        )
        conn.executemany(
            "INSERT INTO agreement_date (agreement_id, position, year, month, day) "
            "VALUES (?, ?, ?, ?, ?)",
            dates,
        )
        first_agreement = {a[1]: a[0] for a in reversed(agreements)}
        rows = []
        positions: dict[tuple[int, int], int] = {}

        def add(partner: int, year: int) -> None:
            start, end = _dates(rng, year)
            key = (partner, year)
            positions[key] = positions.get(key, -1) + 1
            agreement = first_agreement[partner] if rng.random() < 0.7 else None
            rows.append((partner, agreement, year, start, end, _text(rng), positions[key]))

        for p in range(1, BIG_PARTNERS + 1):
            for _ in range(BIG_EVENTS):
                add(p, YEARS[-1])
        while len(rows) < events:
            add(rng.randint(1, partners), rng.choice(YEARS))
        conn.executemany(
            'INSERT INTO event (partner_id, agreement_id, year, start, "end", text, position) '
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
    conn.execute("PRAGMA optimize")
    conn.close()
    return {
        "regions": len(REGIONS),
        "countries": countries,
        "partners": partners,
        "agreements": len(agreements),
        "events": len(rows),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path)
    parser.add_argument("--partners", type=int, default=10_000)
    parser.add_argument("--events", type=int, default=500_000)
    args = parser.parse_args()
    started = time.perf_counter()
    counts = make(args.path, args.partners, args.events)
    size = args.path.stat().st_size / 1e6
    took = time.perf_counter() - started
    print(f"{args.path}: {counts}, {size:.0f} MB, made in {took:.0f} s")


if __name__ == "__main__":
    main()
