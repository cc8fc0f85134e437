"""The records of the table: regions, countries, partners, agreements and their dates, events.

Revision ID: 0001
Revises:
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "region",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_region")),
        sa.UniqueConstraint("name", name=op.f("uq_region_name")),
    )
    op.create_table(
        "country",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("region_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["region_id"], ["region.id"], name=op.f("fk_country_region_id_region"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_country")),
        sa.UniqueConstraint("name", name=op.f("uq_country_name")),
    )
    op.create_index(op.f("ix_country_region_id"), "country", ["region_id"], unique=False)
    op.create_table(
        "partner",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("country_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=True),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.CheckConstraint("(kind = 'country') = (name IS NULL)", name=op.f("ck_partner_country_has_no_name")),
        sa.CheckConstraint("kind IN ('city', 'province', 'region', 'district', 'country')", name=op.f("ck_partner_kind")),
        sa.ForeignKeyConstraint(["country_id"], ["country.id"], name=op.f("fk_partner_country_id_country"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_partner")),
        sa.UniqueConstraint("country_id", "name", name=op.f("uq_partner_country_id")),
    )
    op.create_index(op.f("ix_partner_country_id"), "partner", ["country_id"], unique=False)
    op.create_table(
        "agreement",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("partner_id", sa.Integer(), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["partner_id"], ["partner.id"], name=op.f("fk_agreement_partner_id_partner"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agreement")),
    )
    op.create_index(op.f("ix_agreement_partner_id"), "agreement", ["partner_id"], unique=False)
    op.create_table(
        "agreement_date",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("agreement_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("month", sa.Integer(), nullable=True),
        sa.Column("day", sa.Integer(), nullable=True),
        sa.CheckConstraint("day IS NULL OR (month IS NOT NULL AND day BETWEEN 1 AND 31)", name=op.f("ck_agreement_date_day")),
        sa.CheckConstraint("month IS NULL OR month BETWEEN 1 AND 12", name=op.f("ck_agreement_date_month")),
        sa.ForeignKeyConstraint(["agreement_id"], ["agreement.id"], name=op.f("fk_agreement_date_agreement_id_agreement"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agreement_date")),
    )
    op.create_index(op.f("ix_agreement_date_agreement_id"), "agreement_date", ["agreement_id"], unique=False)
    op.create_table(
        "event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("partner_id", sa.Integer(), nullable=False),
        sa.Column("agreement_id", sa.Integer(), nullable=True),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("start", sa.String(length=10), nullable=True),
        sa.Column("end", sa.String(length=10), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.CheckConstraint('(start IS NULL) = ("end" IS NULL)', name=op.f("ck_event_both_ends")),
        sa.CheckConstraint('start IS NULL OR length(start) = length("end")', name=op.f("ck_event_same_precision")),
        sa.ForeignKeyConstraint(["agreement_id"], ["agreement.id"], name=op.f("fk_event_agreement_id_agreement"), ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["partner_id"], ["partner.id"], name=op.f("fk_event_partner_id_partner"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_event")),
    )
    op.create_index(op.f("ix_event_agreement_id"), "event", ["agreement_id"], unique=False)


def downgrade() -> None:
    for table in ("event", "agreement_date", "agreement", "partner", "country", "region"):
        op.drop_table(table)
