"""Import the committee's table into the database: one transaction, never a duplicate.

Partners and agreements already in the database are matched (country + partner
name + agreement title) and reused; only what is new is created. A year that
already has events is refused unless the caller asks to replace that year's
events. Before anything changes in an existing database file, a copy goes to
``backups/`` beside it. The whole import lands or nothing does.
"""

from __future__ import annotations

import contextlib
import gc
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from operator import itemgetter
from pathlib import Path
from typing import Any

from sqlalchemy import CursorResult, delete, func, select
from sqlalchemy.orm import Session

from spbgui.domain.countries import country_code
from spbgui.domain.dates import PartialDate
from spbgui.domain.terms import term_from_title
from spbgui.errors import UserError
from spbgui.io.sources import read_file
from spbgui.io.table.records import (
    Grown,
    ImportCancelled,
    ImportWarning,
    ParsedTable,
    PartnerKind,
    TableAgreement,
    TableCountry,
    TableError,
    TablePartner,
    TableRegion,
)
from spbgui.io.table.rows import NO_REGION
from spbgui.services.long_texts import import_warnings
from spbgui.services.years import check_year
from spbgui.store.backup import make_backup
from spbgui.store.changelog import log_change
from spbgui.store.database import Database
from spbgui.store.errors import StoreError
from spbgui.store.fresh_ids import first_free_id
from spbgui.store.models import (
    Agreement,
    AgreementDate,
    Country,
    Event,
    Partner,
    Region,
    max_length,
    term_columns,
)
from spbgui.store.search_index import BulkIndex, bulk_index
from spbgui.store.sequences import advance_sequences, lock_for_ids

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]
BACKUPS_KEPT = 10
# Queued events written at a time: the rows of a big table are not all held at once
# (a 20,000-row table's 100,000 row tuples were a fifth of the import's memory).
FLUSH_EVENTS = 5_000
CANCEL_STEP = 500  # agreements queued between looks at Cancel


class YearHasEvents(UserError):
    """The database already holds events of the table's year and replacing was not asked for."""


class NameTooLong(UserError):
    """A region, country or partner name in the table is longer than the database holds."""


def check_name_lengths(table: ParsedTable, grown: Grown | None = None) -> None:
    """Refuse a table whose region, country or partner name is longer than its column.

    ``grown``: only those of its countries and partners (a table given as it is read).

    A PostgreSQL server refuses such a name with an error no clerk should read, half-way
    through the import; the window refuses it too when typed (services.edit). So long a
    «name» is nearly always another column's text in the wrong place: the clerk mends
    the file, which stays as it was, and imports it again.
    """

    def refuse(what: str, name: str, limit: int, row: int | None) -> None:
        where = f" (строка {row})" if row else ""
        shown = name if len(name) <= 60 else name[:59] + "…"
        raise NameTooLong(
            f"В таблице слишком длинное название {what}{where}: {len(name)} знаков, а можно "
            f"не больше {limit} — «{shown}». Похоже, в этот столбец попал другой текст: "
            "исправьте таблицу и загрузите её снова. База данных не изменена."
        )

    region_max, country_max = _limit(Region.name), _limit(Country.name)
    partner_max = _limit(Partner.name)
    for treg in table.regions:
        if len(treg.name) > region_max:
            refuse("региона", treg.name, region_max, None)
    if grown is None:
        grown = [(r, c, c.partners) for r in table.regions for c in r.countries]
    for _treg, tc, partners in grown:
        if len(tc.name) > country_max:
            first = next((a.row for p in tc.partners for a in p.agreements if a.row), None)
            refuse("страны", tc.name, country_max, first)
        for tp in partners:
            if tp.name is not None and len(tp.name) > partner_max:
                row = next((a.row for a in tp.agreements if a.row), None)
                refuse("партнёра", tp.name, partner_max, row)


def _limit(column: Any) -> int:
    return max_length(column) or 1 << 30


@dataclass
class ImportResult:
    year: int
    counts: dict[str, int]  # what the file holds
    created: dict[str, int]  # what is new in the database (regions, countries, ...)
    replaced_events: int = 0  # events of the year removed first (replace_year)
    warnings: list[ImportWarning] = field(default_factory=list)
    backup: Path | None = None
    dry_run: bool = False

    def as_json(self) -> dict[str, Any]:
        return {
            "year": self.year,
            "counts": self.counts,
            "created": self.created,
            "replaced_events": self.replaced_events,
            "warnings": [str(w) for w in self.warnings],
            "dry_run": self.dry_run,
        }


class _DryRun(Exception):
    """Raised inside the transaction to roll a dry run back."""


def events_in_year(*, db: Database, year: int) -> int:
    with db.read() as s:
        return s.scalar(select(func.count()).select_from(Event).where(Event.year == year)) or 0


def import_table(
    *,
    db: Database,
    table: ParsedTable,
    replace_year: bool = False,
    add_to_year: bool = False,
    dry_run: bool = False,
    cancelled: Cancelled | None = None,
) -> ImportResult:
    """Write a parsed table into the database in one transaction.

    ``add_to_year`` is for a few rows pasted into the window: their events join the
    year's events already stored (an event the partner already has, same date and
    text, is not added twice) instead of the year being refused or replaced.
    """
    with TableImport(
        db=db,
        replace_year=replace_year,
        add_to_year=add_to_year,
        dry_run=dry_run,
        cancelled=cancelled,
    ) as writing:
        writing.rows_read(table)
        return writing.finish(table)


# Refusals of the import as a whole: the copy of the database made for it goes again.
_REFUSALS = (YearHasEvents, ImportCancelled, NameTooLong, TableError)


class TableImport:
    """One import into ``db``: the rows written as they are given, committed by :meth:`finish`.

    :func:`import_table` gives a whole table at once. ``spbgui-cli import`` gives the
    rows as the table rules read them (:meth:`rows_read` as the reader's ``growing``,
    see :func:`~spbgui.io.table.read.read_grids`): the full-text index of the rows
    written then overlaps the reading of the next ones (issue 17). Either way it is
    one transaction, begun at the first rows, that commits in :meth:`finish` or rolls
    back when the ``with`` block is left without it; a database that already held
    records is copied to ``backups/`` first, and the copy goes again if the import is
    refused. The records written, ids included, are the same whether the table comes
    at once or in parts (see :meth:`_Writer.add`).
    """

    def __init__(
        self,
        *,
        db: Database | Callable[[], Database],
        replace_year: bool = False,
        add_to_year: bool = False,
        dry_run: bool = False,
        cancelled: Cancelled | None = None,
    ) -> None:
        # A database, or what opens it when the first rows come (and not for a table
        # refused before): ``db`` is then the one opened, for the caller to close.
        self.db: Database | None = db if isinstance(db, Database) else None
        self._open_db = db if not isinstance(db, Database) else None
        self.replace_year, self.add_to_year = replace_year, add_to_year
        self.dry_run, self.cancelled = dry_run, cancelled
        self._stack: contextlib.ExitStack | None = None
        self._writer: _Writer | None = None
        self._result: ImportResult | None = None
        self._ended = False

    def __enter__(self) -> TableImport:
        return self

    def __exit__(self, kind: Any, exc: BaseException | None, tb: Any) -> None:
        if not self._ended:
            self._end(exc if exc is not None else ImportCancelled())

    def rows_read(self, table: ParsedTable, grown: Grown | None = None) -> None:
        """Write the rows ``grown`` names (None: the whole ``table``), in the transaction."""
        check_name_lengths(table, grown)
        if self._writer is None:
            self._begin(table)
        assert self._writer is not None
        try:
            self._writer.add(grown)
        except BaseException as exc:
            self._end(exc)
            raise

    def finish(self, table: ParsedTable) -> ImportResult:
        """Commit (a dry run rolls back), and what the import did; ``table`` as read in full."""
        if self._writer is None:  # no rows were given as they were read
            self.rows_read(table)
        writer, result = self._writer, self._result
        assert writer is not None and result is not None and self._stack is not None
        try:
            writer.end()
            # One history entry for the whole import, not one per row (revision 0007).
            log_change(
                writer.s,
                table="import",
                record_id=None,
                action="import",
                after={
                    "year": table.year,
                    "created": result.created,
                    "replaced_events": result.replaced_events,
                },
            )
            # The last look at Cancel, with everything written but not committed: a Cancel
            # pressed while the rows were flushed and indexed still leaves nothing behind.
            if self.cancelled is not None and self.cancelled():
                raise ImportCancelled
            if self.dry_run:
                raise _DryRun
        except _DryRun as exc:
            self._end(exc)
        except BaseException as exc:
            self._end(exc)
            raise
        else:
            self._ended = True
            self._stack.close()  # the commit
        result.counts = table.counts()
        result.warnings[:0] = list(table.warnings) + import_warnings(table)
        return result

    def _begin(self, table: ParsedTable) -> None:
        check_year(table.year)
        if self.db is None:
            assert self._open_db is not None
            self.db = self._open_db()
        db = self.db
        self._result = result = ImportResult(
            year=table.year, counts={}, created={}, dry_run=self.dry_run
        )
        if db.readonly and not self.dry_run:
            raise StoreError(
                "База данных открыта только для чтения: загрузить в неё таблицу нельзя."
            )
        # The copy is made before the write lock is taken (it reads the whole file), but
        # whether the import may go ahead is decided inside the write transaction, under the
        # lock: two imports started together must not both find the year empty. A copy made
        # for an import that is then refused is removed again.
        if not self.dry_run and db.path is not None and db.path.exists() and _has_records(db):
            if self.replace_year or self.add_to_year or not events_in_year(db=db, year=table.year):
                result.backup = make_backup(db.path, "before-import", keep=BACKUPS_KEPT)
        self._stack = stack = contextlib.ExitStack()
        try:
            s = stack.enter_context(db.write())
            stack.enter_context(_gc_paused())
            self._writer = _Writer(s, table, result, self.cancelled)
            # The index's last batch is waited for before the transaction ends, however.
            stack.push(self._writer.indexing)
            self._writer.begin(replace_year=self.replace_year, add_to_year=self.add_to_year)
        except BaseException as exc:
            self._end(exc)
            raise

    def _end(self, exc: BaseException) -> None:
        """Roll back (the transaction ends with ``exc``) and take back a refused import's copy.

        What rolling back raises instead (SQLite's errors in words) comes out of here.
        """
        self._ended = True
        stack, self._stack = self._stack, None
        try:
            if stack is not None:
                stack.__exit__(type(exc), exc, exc.__traceback__)
        finally:
            result = self._result
            if isinstance(exc, _REFUSALS) and result is not None and result.backup is not None:
                with contextlib.suppress(OSError):
                    result.backup.unlink()


def import_workbook(
    *,
    db: Database,
    path: str | os.PathLike[str],
    year: int | None = None,
    replace_year: bool = False,
    dry_run: bool = False,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> ImportResult:
    """Read a table file of any kind :mod:`spbgui.io.sources` knows (refusing bad files before
    the database is touched) and import it."""
    table = read_file(path, year=year, progress=progress, cancelled=cancelled)
    return import_table(
        db=db, table=table, replace_year=replace_year, dry_run=dry_run, cancelled=cancelled
    )


# The columns the writer gives each table, in the order of its row tuples.
_COLUMNS: dict[Any, tuple[str, ...]] = {
    Region: ("id", "name", "position", "note"),
    Country: ("id", "region_id", "name", "position", "note", "code"),
    Partner: ("id", "country_id", "name", "kind", "position", "note"),
    Agreement: ("id", "partner_id", "title", "note", "position", "term_start", "term_end"),
    AgreementDate: ("id", "agreement_id", "position", "year", "month", "day"),
    Event: (
        "id",
        "partner_id",
        "agreement_id",
        "year",
        "start",
        "end",
        "date_written",
        "text",
        "position",
    ),
}


def _insert_many(
    conn: Any,
    table: Any,
    columns: tuple[str, ...],
    rows: list[tuple[Any, ...]],
    bulk: BulkIndex | None = None,
) -> None:
    """One executemany of plain tuples, straight to the driver (SQLite or PostgreSQL); or,
    where ``bulk`` takes rows, one statement of them all run on its thread."""
    if bulk is not None and bulk.takes_rows:
        bulk.insert(table.name, columns, rows)
        return
    quote = conn.dialect.identifier_preparer.quote
    mark = "?" if conn.dialect.paramstyle == "qmark" else "%s"
    conn.exec_driver_sql(
        f"INSERT INTO {quote(table.name)} ({', '.join(quote(c) for c in columns)}) "
        f"VALUES ({', '.join([mark] * len(columns))})",
        rows,
    )


def _unshared(text: str) -> str:
    """A copy of ``text`` to bind to SQLite.

    The driver keeps the UTF-8 form it makes of a non-ASCII string inside the string
    object for as long as it lives: bound straight from the parsed table, whose strings
    live until the import ends, that doubled a 20,000-row table's texts (8 MB). A copy's
    UTF-8 goes with its batch of rows.
    """
    return text.encode("utf-8", "surrogatepass").decode("utf-8", "surrogatepass")


@contextlib.contextmanager
def _gc_paused() -> Iterator[None]:
    """No cyclic garbage collection while the rows are built and written.

    The writer makes a tuple per row (a hundred thousand for a 20,000-row table) and
    no reference cycles; each burst of allocations made the collector walk the whole
    table read before it.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _has_records(db: Database) -> bool:
    with db.read() as s:
        return s.scalar(select(func.count()).select_from(Region)) != 0


class _Writer:
    """Matches the table against what is stored and inserts the rest in bulk."""

    def __init__(
        self, s: Session, table: ParsedTable, result: ImportResult, cancelled: Cancelled | None
    ) -> None:
        self.s, self.table, self.result, self.cancelled = s, table, result, cancelled
        self.created = {"regions": 0, "countries": 0, "partners": 0, "agreements": 0, "events": 0}
        # Rows to insert, per table, with ids given here: the write transaction holds
        # SQLite's lock from BEGIN IMMEDIATE, so nobody else can take these ids meanwhile,
        # and one executemany per table is what makes a 20,000-row import quick.
        # Plain tuples in the order of ``self.columns`` (a dict per row took twice the
        # memory, and SQLAlchemy's insert() built a parameter set from each).
        self.rows: dict[Any, list[tuple[Any, ...]]] = {
            m: [] for m in (Region, Country, Partner, Agreement, AgreementDate, Event)
        }
        self.next_id: dict[Any, int] = {}
        self.positions: dict[tuple[Any, ...], int] = {}
        self.skipped_events = 0
        self.written: set[str] = set()  # tables rows went into
        self.n_events = 0  # events written
        self.isos: dict[PartialDate, str] = {}  # each distinct date's ISO form, made once
        self.index: BulkIndex | None = None  # the search index's bulk filling, while it lasts
        self._text: Callable[[str], str] = _unshared
        self.indexing = contextlib.ExitStack()  # holds it: left when the writing ends, however
        # What was written of each table object, by id() (the table may come in parts):
        # the database ids of its regions (None: no region), countries and partners; how
        # many of a region's countries, a country's partners, a partner's agreements were.
        self.region_done: dict[int, int | None] = {}
        self.country_done: dict[int, int] = {}
        self.partner_done: dict[int, int] = {}
        self.countries_met: dict[int, int] = {}
        self.partners_met: dict[int, int] = {}
        self.agreements_done: dict[int, int] = {}

    def _check_cancel(self) -> None:
        if self.cancelled is not None and self.cancelled():
            raise ImportCancelled

    def _next_position(self, key: tuple[Any, ...]) -> int:
        """The next free position under a parent, counted here from the tops :meth:`_load`
        read (the rows of this import are only inserted at the end)."""
        position = self.positions.get(key, -1) + 1
        self.positions[key] = position
        return position

    def _load(self) -> None:
        s, year = self.s, self.table.year
        self.regions = {name: rid for rid, name in s.execute(select(Region.id, Region.name))}
        self.countries: dict[str, tuple[int, int]] = {}
        self.codes: dict[str, tuple[int, int]] = {}  # «Беларусь» finds «Белоруссия» (issue 18)
        for cid, name, rid, code in s.execute(
            select(Country.id, Country.name, Country.region_id, Country.code).order_by(Country.id)
        ):
            self.countries[name] = (cid, rid)
            if code:
                self.codes.setdefault(code, (cid, rid))
        self.partners = {
            (cid, name): pid
            for pid, cid, name in s.execute(select(Partner.id, Partner.country_id, Partner.name))
        }
        self.agreements = {
            (pid, title): aid
            for aid, pid, title in s.execute(
                select(Agreement.id, Agreement.partner_id, Agreement.title)
            )
        }
        # An agreement's dates, to add each once (a tuple: 1–2 dates each, a set was 4 MB).
        self.dates: dict[int, tuple[tuple[int, int | None, int | None], ...]] = {}
        for aid, y, m, d in s.execute(
            select(
                AgreementDate.agreement_id,
                AgreementDate.year,
                AgreementDate.month,
                AgreementDate.day,
            )
        ):
            if (y, m, d) not in self.dates.get(aid, ()):
                self.dates[aid] = (*self.dates.get(aid, ()), (y, m, d))
        # The highest position under every parent, four grouped queries in all (not one
        # query per new country or partner): keys as _next_position counts them.
        top_region = s.scalar(select(func.max(Region.position)))
        if top_region is not None:
            self.positions[("region",)] = top_region
        for key, query in (
            (
                "country",
                select(Country.region_id, func.max(Country.position)).group_by(Country.region_id),
            ),
            (
                "partner",
                select(Partner.country_id, func.max(Partner.position)).group_by(Partner.country_id),
            ),
            (
                # Agreements count per country (see _agreement).
                "agreement",
                select(Partner.country_id, func.max(Agreement.position))
                .join(Partner, Partner.id == Agreement.partner_id)
                .group_by(Partner.country_id),
            ),
        ):
            for parent, top in s.execute(query):
                if top is not None:
                    self.positions[(key, parent)] = top
        self.event_pos: dict[int, int] = {
            pid: top + 1
            for pid, top in s.execute(
                select(Event.partner_id, func.max(Event.position))
                .where(Event.year == year)
                .group_by(Event.partner_id)
            )
        }

    def begin(self, *, replace_year: bool, add_to_year: bool = False) -> None:
        """Check the year under the write lock, read what is stored, start the bulk index."""
        # PostgreSQL: ids given here need the tables to ourselves (SQLite's lock does it there).
        lock_for_ids(self.s, (m.__tablename__ for m in self.rows))
        year = self.table.year
        existing = self.s.scalar(select(func.count()).select_from(Event).where(Event.year == year))
        if existing and not (replace_year or add_to_year):
            raise YearHasEvents(
                f"В базе уже есть мероприятия {year} года ({existing}). Чтобы заменить их "
                "мероприятиями из файла, выберите замену (в командной строке: --replace-year)."
            )
        if replace_year:
            gone = self.s.execute(delete(Event).where(Event.year == self.table.year))
            assert isinstance(gone, CursorResult)  # what a DELETE gives back: its row count
            self.result.replaced_events = gone.rowcount or 0
        self._load()
        # Events already stored, to add pasted rows' events once only (add_to_year).
        self.stored_events: set[tuple[int, str | None, str | None, str]] = set()
        if add_to_year and not replace_year:
            self.stored_events = {
                (pid, start, end, text)
                for pid, start, end, text in self.s.execute(
                    select(Event.partner_id, Event.start, Event.end, Event.text).where(
                        Event.year == self.table.year
                    )
                )
            }
        self.conn = self.s.connection()
        # Each table's new rows get ids from its first free one; the full-text index takes
        # each batch of them once it is written (bulk_index).
        for model in self.rows:
            self.next_id[model] = self._first_id(model)
        self.first_ids = {m.__tablename__: self.next_id[m] for m in self.rows}
        self.index = self.indexing.enter_context(bulk_index(self.conn, self.first_ids))
        # A text as a row to write holds it: a copy where the driver binds it (_unshared),
        # itself where the rows go as one JSON text (BulkIndex.insert).
        if self.index is not None and self.index.takes_rows:
            self._text = str

    def add(self, grown: Grown | None) -> None:
        """Queue (and write, every FLUSH_EVENTS events) the agreements ``grown`` names that
        were not written yet (None: the whole table), in the order of their rows.

        Regions, countries and partners are made when first needed, each with those before
        it in the table that are not made yet (so their positions follow the table), and
        the rest at the end: the ids come out the same however the table is cut in parts.
        """
        table = self.table
        if grown is None:
            grown = [(r, c, c.partners) for r in table.regions for c in r.countries]
        rows: list[tuple[int, int, TableRegion, TableCountry, TablePartner, TableAgreement]] = []
        for treg, tc, partners in grown:
            for tp in partners:
                first = self.agreements_done.get(id(tp), 0)
                rows += [
                    (ta.row or 0, len(rows) + i, treg, tc, tp, ta)
                    for i, ta in enumerate(tp.agreements[first:])
                ]
                self.agreements_done[id(tp)] = len(tp.agreements)
        self._check_cancel()
        rows.sort(key=itemgetter(0, 1))  # rows without a number: in the table's order
        last: TableRegion | None = None
        for n, (_row, _i, treg, tc, tp, ta) in enumerate(rows):
            if treg is not last or n % CANCEL_STEP == 0:  # at each region, and as often
                self._check_cancel()
                last = treg
            cid, pid = self._partner_id(treg, tc, tp)
            self._agreement(cid, pid, ta)
            if len(self.rows[Event]) >= FLUSH_EVENTS:
                self._flush()

    def end(self) -> None:
        """Make what no agreement needed (a region, country or partner with no agreement),
        write what is queued, finish the index, and say what was made."""
        self._check_cancel()
        for treg in self.table.regions:
            self._region_of(treg)
            for tc in treg.countries:
                for tp in tc.partners:
                    self._partner_id(treg, tc, tp)
                if not tc.partners:
                    self._country_of(treg, tc)
        self._flush()
        self.indexing.close()
        self.index = None
        # The tables written, by name, in the models' order.
        advance_sequences(self.conn, [t for t in self.first_ids if t in self.written])
        self.created["events"] = self.n_events
        self.result.created = dict(self.created)
        if self.skipped_events:
            self.result.warnings.append(
                ImportWarning(
                    None,
                    f"мероприятий, которые уже есть в базе у тех же партнёров: "
                    f"{self.skipped_events} — повторно не добавлены",
                )
            )

    def _flush(self) -> None:
        """Write the rows queued so far, one executemany per table, parents before children
        (a child's parent was queued before it: in this batch or an earlier one).

        Their index entries are made on a thread while the next batch is queued
        (:class:`~spbgui.store.search_index.BulkIndex`); the batch before is waited for
        first: the connection serves one statement at a time."""
        if self.index is not None:
            self.index.wait()
        for model, rows in self.rows.items():
            if rows:
                _insert_many(self.conn, model.__table__, _COLUMNS[model], rows, self.index)
                self.written.add(model.__tablename__)
                if model is Event:
                    self.n_events += len(rows)
                # A new list for the next batch: this one is the writing's now, or its
                # memory goes back at once.
                self.rows[model] = []
        if self.index is not None:
            self.index.written({m.__tablename__: n for m, n in self.next_id.items()})

    def _first_id(self, model: Any) -> int:
        """The id the next queued row of ``model`` gets."""
        new_id = self.next_id.get(model)
        if new_id is None:
            # Past the ids of records deleted too (revision 0015): a replaced year's events
            # do not give theirs to the imported ones, which a stale window could then edit.
            new_id = first_free_id(self.s.connection(), model.__tablename__)
        return new_id

    def _insert(self, model: Any, *values: Any) -> int:
        """Queue a row (the values in the order of ``_COLUMNS[model]`` after the id)."""
        new_id = self._first_id(model)
        self.next_id[model] = new_id + 1
        self.rows[model].append((new_id, *values))
        return new_id

    def _region_id(self, name: str) -> int:
        rid = self.regions.get(name)
        if rid is None:
            position = self._next_position(("region",))
            rid = self._insert(Region, name, position, "")
            self.regions[name] = rid
            self.created["regions"] += 1
        return rid

    def _region_of(self, treg: TableRegion) -> int | None:
        """The region's id, made with the regions above it not made yet; None for the rows
        with no region row above them (their countries stay where the database has them,
        and only a country new to it makes the region «Без региона»)."""
        regions = self.table.regions
        while id(treg) not in self.region_done:
            r = regions[len(self.region_done)]
            self.region_done[id(r)] = None if r.name == NO_REGION else self._region_id(r.name)
        return self.region_done[id(treg)]

    def _country_of(self, treg: TableRegion, tc: TableCountry) -> int:
        """The country's id, made (or found) with the countries above it in its region."""
        cid = self.country_done.get(id(tc))
        if cid is None:
            rid = self._region_of(treg)
            met = self.countries_met.get(id(treg), 0)
            for c in treg.countries[met:]:
                met += 1
                self.country_done[id(c)] = self._country_id(c, rid)
                if c is tc:
                    break
            self.countries_met[id(treg)] = met
            cid = self.country_done[id(tc)]
        return cid

    def _partner_id(self, treg: TableRegion, tc: TableCountry, tp: TablePartner) -> tuple[int, int]:
        """The country's and the partner's ids, the partner made (or found) with the partners
        above it in its country."""
        cid = self._country_of(treg, tc)
        pid = self.partner_done.get(id(tp))
        if pid is None:
            met = self.partners_met.get(id(tc), 0)
            for p in tc.partners[met:]:
                met += 1
                self.partner_done[id(p)] = self._partner(cid, p)
                if p is tp:
                    break
            self.partners_met[id(tc)] = met
            pid = self.partner_done[id(tp)]
        return cid, pid

    def _partner(self, cid: int, tp: TablePartner) -> int:
        """The partner's id: found in the database (or made by this import), or made now."""
        pid = self.partners.get((cid, tp.name))
        if pid is None:
            kind = PartnerKind.COUNTRY if tp.name is None else tp.kind
            position = self._next_position(("partner", cid))
            pid = self._insert(Partner, cid, tp.name, kind, position, "")
            self.partners[(cid, tp.name)] = pid
            self.created["partners"] += 1
        return pid

    def _country_id(self, tc: TableCountry, rid: int | None) -> int:
        """The country's id: found in the database (or made by this import), or made now."""
        code = country_code(tc.name)
        found = self.countries.get(tc.name) or (self.codes.get(code) if code else None)
        if found is None:
            if rid is None:
                rid = self._region_id(NO_REGION)
            position = self._next_position(("country", rid))
            cid = self._insert(Country, rid, tc.name, position, "", code)
            self.countries[tc.name] = (cid, rid)
            if code:
                self.codes.setdefault(code, (cid, rid))
            self.created["countries"] += 1
        else:
            cid = found[0]
            if rid is not None and found[1] != rid:
                self.result.warnings.append(
                    ImportWarning(
                        None,
                        f"страна «{tc.name}» уже есть в базе в другом регионе; "
                        "она оставлена там, где была.",
                    )
                )
        return cid

    def _dates(self, aid: int, ta: TableAgreement) -> None:
        have = self.dates.get(aid, ())
        added: list[tuple[int, int | None, int | None]] = []
        for d in ta.dates:
            key = (d.year, d.month, d.day)
            if key not in have and key not in added:
                self._insert(AgreementDate, aid, len(have) + len(added), d.year, d.month, d.day)
                added.append(key)
        if added:
            self.dates[aid] = (*have, *added)

    def _agreement(self, cid: int, pid: int, ta: TableAgreement) -> None:
        """Store one agreement row (a new agreement, or new dates and events of a known one)."""
        aid = self.agreements.get((pid, ta.title))
        if ta.is_blank:
            # A row of a partner with no agreement (the export writes one): its events only.
            aid = None
        elif aid is None:
            # Agreements keep the table's row order within their country (the rows of several
            # partners of one country interleave), so their positions count per country.
            position = self._next_position(("agreement", cid))
            term_start, term_end = term_columns(term_from_title(ta.title))
            aid = self._insert(
                Agreement,
                pid,
                self._text(ta.title),
                self._text(ta.note),
                position,
                term_start,
                term_end,
            )
            self.agreements[(pid, ta.title)] = aid
            self.created["agreements"] += 1
        if aid is not None:  # (a blank row has no dates)
            self._dates(aid, ta)
        if not ta.events:
            return
        # The hot loop of a big import (one pass per event): ids and positions counted
        # here, each distinct date turned into its ISO form once.
        pos = self.event_pos.get(pid, 0)
        new_id = self._first_id(Event)
        rows, year, stored, isos = self.rows[Event], self.table.year, self.stored_events, self.isos
        copy = self._text
        for ev in ta.events:
            date = ev.date
            start = end = None
            if date.start is not None:
                start = isos.get(date.start) or isos.setdefault(date.start, date.start.iso())
            if date.end is not None:
                end = isos.get(date.end) or isos.setdefault(date.end, date.end.iso())
            if stored and (pid, start, end, ev.text) in stored:
                self.skipped_events += 1
                continue
            text = copy(ev.text)
            rows.append((new_id, pid, aid, year, start, end, date.written or None, text, pos))
            new_id += 1
            pos += 1
        self.next_id[Event] = new_id
        self.event_pos[pid] = pos
