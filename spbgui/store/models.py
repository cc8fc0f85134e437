"""The records of the committee's table as SQLAlchemy 2.0 typed models.

Region → Country → Partner → Agreement (with its dates), and Event, which
belongs to a partner and optionally to one of its agreements. ``TableYear`` lists
the years of the table that staff started, so a new year exists before its first
event. The search index (an SQLite FTS5 table kept by triggers, revision 0003) is
not a model: :func:`is_model_object` tells schema comparisons to leave it out. Every record
carries a ``version`` that the ORM checks and raises on each update (no lost update
between two people editing the same record). Every level keeps
the table's order in ``position``. Dates are stored at their own precision:
an agreement date as year/month/day columns (month and day may be empty), an
event's start and end as ISO text of the same precision (``2024-07-03`` or
``2024-06``) so they sort and compare as text, with the year always set, and the
date as staff wrote it in ``date_written`` («1 и 3 октября», «III квартал»; empty when
the standard form says the same; alone when the program did not understand it).
"""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

from sqlalchemy import (
    CheckConstraint,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy import event as sa_event
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, validates

from spbgui.domain.countries import country_code
from spbgui.domain.terms import Term, term_from_title
from spbgui.store.fresh_ids import give_fresh_id

# Stable constraint names, so that Alembic batch migrations on SQLite can find them.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    # Every model here is mapped to a Table (DeclarativeBase says only FromClause).
    __table__: ClassVar[Table]


def _version_column() -> Mapped[int]:
    """How many times the record was written (revision 0006): the ORM's ``version_id_col``.

    Every UPDATE says ``WHERE version = <the one read>`` and raises the number, so an
    edit of a record that someone else changed meanwhile fails instead of overwriting
    it. The server default gives rows inserted without the ORM (import, restore) 1.
    """
    return mapped_column(Integer, nullable=False, server_default="1")


class Region(Base):
    __tablename__ = "region"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    note: Mapped[str] = mapped_column(Text, default="")
    version: Mapped[int] = _version_column()
    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012

    countries: Mapped[list[Country]] = relationship(
        back_populates="region",
        order_by="Country.position",
        cascade="all, delete-orphan",
        passive_deletes=True,
    )


class Country(Base):
    __tablename__ = "country"

    id: Mapped[int] = mapped_column(primary_key=True)
    region_id: Mapped[int] = mapped_column(ForeignKey("region.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    note: Mapped[str] = mapped_column(Text, default="")
    version: Mapped[int] = _version_column()
    # The ISO 3166 code read from the name (revision 0011): «Беларусь» and «Белоруссия»
    # are one country across years; None for a name the program does not know.
    code: Mapped[str | None] = mapped_column(String(8), default=None)
    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012

    @validates("name")
    def _code_from_name(self, _key: str, name: str) -> str:
        self.code = country_code(name)
        return name

    region: Mapped[Region] = relationship(back_populates="countries")
    partners: Mapped[list[Partner]] = relationship(
        back_populates="country",
        order_by="Partner.position",
        cascade="all, delete-orphan",
        passive_deletes=True,
    )


class Partner(Base):
    """A city, province, region or district of a country, or the country as a whole.

    The country as a whole has ``kind == "country"`` and no name of its own.
    """

    __tablename__ = "partner"
    __table_args__ = (
        UniqueConstraint("country_id", "name"),
        CheckConstraint(
            "kind IN ('city', 'province', 'region', 'district', 'country')", name="kind"
        ),
        CheckConstraint("(kind = 'country') = (name IS NULL)", name="country_has_no_name"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    country_id: Mapped[int] = mapped_column(
        ForeignKey("country.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str | None] = mapped_column(String(300))
    kind: Mapped[str] = mapped_column(String(20), default="city")
    position: Mapped[int] = mapped_column(Integer, default=0)
    note: Mapped[str] = mapped_column(Text, default="")
    version: Mapped[int] = _version_column()
    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012

    country: Mapped[Country] = relationship(back_populates="partners")
    agreements: Mapped[list[Agreement]] = relationship(
        back_populates="partner",
        order_by="Agreement.position",
        cascade="all, delete-orphan",
        passive_deletes=True,
    )
    events: Mapped[list[Event]] = relationship(
        back_populates="partner",
        order_by="Event.position",
        cascade="all, delete-orphan",
        passive_deletes=True,
    )


class Agreement(Base):
    __tablename__ = "agreement"

    id: Mapped[int] = mapped_column(primary_key=True)
    partner_id: Mapped[int] = mapped_column(
        ForeignKey("partner.id", ondelete="CASCADE"), index=True
    )
    title: Mapped[str] = mapped_column(Text)
    note: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[int] = mapped_column(Integer, default=0)
    version: Mapped[int] = _version_column()
    # The term (revision 0012) as ISO text at its own precision («2021», «2026-12-31»), read
    # from the title when it states one, editable; the status staff set (None: it follows
    # from the term's end and the day, see spbgui.domain.terms).
    term_start: Mapped[str | None] = mapped_column(String(10), default=None)
    term_end: Mapped[str | None] = mapped_column(String(10), default=None)
    status: Mapped[str | None] = mapped_column(String(20), default=None)
    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012

    @validates("title")
    def _term_from_title(self, _key: str, title: str) -> str:
        """A title that states a term gives it, unless staff set another one by hand."""
        was = term_columns(term_from_title(self.title)) if self.title else (None, None)
        if (self.term_start, self.term_end) == was:
            self.term_start, self.term_end = term_columns(term_from_title(title))
        return title

    partner: Mapped[Partner] = relationship(back_populates="agreements")
    dates: Mapped[list[AgreementDate]] = relationship(
        back_populates="agreement",
        order_by="AgreementDate.position",
        cascade="all, delete-orphan",
        passive_deletes=True,
    )
    events: Mapped[list[Event]] = relationship(
        back_populates="agreement", order_by="Event.position"
    )


def term_columns(term: Term | None) -> tuple[str | None, str | None]:
    """A term as the two columns of :class:`Agreement` keep it."""
    if term is None:
        return None, None
    return (
        term.start.iso() if term.start else None,
        term.end.iso() if term.end else None,
    )


class AgreementDate(Base):
    """One date of an agreement at its own precision: a year, a month or a day."""

    __tablename__ = "agreement_date"
    __table_args__ = (
        CheckConstraint("month IS NULL OR month BETWEEN 1 AND 12", name="month"),
        CheckConstraint("day IS NULL OR (month IS NOT NULL AND day BETWEEN 1 AND 31)", name="day"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    agreement_id: Mapped[int] = mapped_column(
        ForeignKey("agreement.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    year: Mapped[int] = mapped_column(Integer)
    month: Mapped[int | None] = mapped_column(Integer)
    day: Mapped[int | None] = mapped_column(Integer)

    agreement: Mapped[Agreement] = relationship(back_populates="dates")


class Event(Base):
    """One of the year's events of a partner: a day, a range, a month, or undated."""

    __tablename__ = "event"
    __table_args__ = (
        CheckConstraint('(start IS NULL) = ("end" IS NULL)', name="both_ends"),
        CheckConstraint('start IS NULL OR length(start) = length("end")', name="same_precision"),
        Index("ix_event_partner_year", "partner_id", "year"),
        # (year, partner_id) rather than (year): counting a year's events per partner, region
        # or country reads the index alone, 10x faster over 500,000 events (revision 0005).
        Index("ix_event_year_partner", "year", "partner_id"),
        # A search resolves each matching event to its partner and year from this index,
        # not from the row with the event's text (revision 0013).
        Index("ix_event_search_key", "id", "year", "partner_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    partner_id: Mapped[int] = mapped_column(ForeignKey("partner.id", ondelete="CASCADE"))
    agreement_id: Mapped[int | None] = mapped_column(
        ForeignKey("agreement.id", ondelete="SET NULL"), index=True
    )
    year: Mapped[int] = mapped_column(Integer)
    start: Mapped[str | None] = mapped_column(String(10))
    end: Mapped[str | None] = mapped_column(String(10))
    # The date as written (revision 0010); NULL: as the standard form writes start and end.
    date_written: Mapped[str | None] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[int] = mapped_column(Integer, default=0)
    version: Mapped[int] = _version_column()
    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012

    partner: Mapped[Partner] = relationship(back_populates="events")
    agreement: Mapped[Agreement | None] = relationship(back_populates="events")


class TableYear(Base):
    """A year of the table that staff started («Начать новый год»), with or without events yet.

    The years of the table are these and every year that has events.
    """

    __tablename__ = "table_year"

    year: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)


class ChangeLog(Base):
    """One change of one record: who, when, what it was and what it became (revision 0007).

    Written by the services in the same transaction as the change (see
    :mod:`spbgui.store.changelog`), so the history never lists a change that did not
    land nor misses one that did. ``before``/``after`` are JSON objects of the record's
    columns; a delete's ``detail`` keeps what went with the record (its children, its
    place among its siblings), enough to restore it. An import writes one entry
    (``table_name`` "import", no record id) with its counts.
    """

    __tablename__ = "change_log"
    __table_args__ = (
        CheckConstraint("action IN ('insert', 'update', 'delete', 'import')", name="action"),
        Index("ix_change_log_record", "table_name", "record_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime)  # UTC
    who: Mapped[str] = mapped_column(String(200))
    table_name: Mapped[str] = mapped_column(String(40))
    record_id: Mapped[int | None] = mapped_column(Integer)
    action: Mapped[str] = mapped_column(String(10))
    before: Mapped[str | None] = mapped_column(Text)
    after: Mapped[str | None] = mapped_column(Text)
    detail: Mapped[str | None] = mapped_column(Text)


class IdFloor(Base):
    """The largest id a table ever gave away and took back (revision 0015, SQLite only).

    SQLite hands a new row ``max(id) + 1``: once the newest record is deleted, the next
    one added takes its id. A window that still showed the deleted record then took the
    newcomer for it (its version starts at 1 again, as the deleted one's did), and an
    undo of the delete found its id taken. Triggers write each deleted id here; new rows
    get an id past it (:mod:`spbgui.store.fresh_ids`). PostgreSQL's sequences never hand
    an id out twice and leave this table empty.
    """

    __tablename__ = "id_floor"

    name: Mapped[str] = mapped_column(String(40), primary_key=True)  # the table
    seq: Mapped[int] = mapped_column(Integer)


SEARCH_INDEX = "search_index"
"""The FTS5 table of revision 0003 (with its shadow tables ``search_index_*``)."""


def is_model_object(name: str | None, type_: str, parent_names: object) -> bool:
    """``include_name`` for Alembic: compare only what the models describe.

    The search index is a virtual table with shadow tables that SQLAlchemy cannot
    describe; a schema comparison that saw them would ask to drop them.
    """
    return not (type_ == "table" and name is not None and name.startswith(SEARCH_INDEX))


def max_length(column: object) -> int | None:
    """How many characters a text column holds (None: no limit)."""
    length = getattr(getattr(column, "type", None), "length", None)
    return int(length) if length else None


# Ids given once are not given again (revision 0015): see spbgui.store.fresh_ids.
for _model in (Region, Country, Partner, Agreement, AgreementDate, Event):
    sa_event.listen(_model, "before_insert", give_fresh_id)
