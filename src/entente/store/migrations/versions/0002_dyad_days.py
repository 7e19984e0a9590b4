"""Queries that stay fast as the store grows: the dyad-by-day table and events by dyad and day.

``dyad_days`` holds, per directed dyad (source ``a``, target ``b``), day, PLOVER type, quad
class and status, how many events there are (all, and in canonical articles) and their summed
intensity. Ingest keeps it current (entente.store.aggregate); this revision fills it from the
events already stored.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "dyad_days",
        sa.Column("a", sa.String(length=64), nullable=False),
        sa.Column("b", sa.String(length=64), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("type", sa.String(length=32), nullable=False),
        sa.Column("quad_class", sa.String(length=32), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("n", sa.Integer(), nullable=False),
        sa.Column("n_canonical", sa.Integer(), nullable=False),
        sa.Column("intensity_sum", sa.Float(), nullable=False),
        sa.Column("intensity_canonical", sa.Float(), nullable=False),
        sa.PrimaryKeyConstraint("a", "b", "day", "type", "quad_class", "status", name=op.f("pk_dyad_days")),
    )
    window = [
        "day",
        "a",
        "b",
        "quad_class",
        "status",
        "n",
        "n_canonical",
        "intensity_sum",
        "intensity_canonical",
    ]
    op.create_index("ix_dyad_days_window", "dyad_days", window, unique=False)
    op.create_index("ix_dyad_days_b_a_day", "dyad_days", ["b", "a", "day"], unique=False)
    op.create_index("ix_events_source_target_day", "events", ["source", "target", "day"], unique=False)
    op.execute(
        """
        INSERT INTO dyad_days (a, b, day, type, quad_class, status,
                               n, n_canonical, intensity_sum, intensity_canonical)
        SELECT e.source, e.target, e.day, e.type, e.quad_class, e.status,
               COUNT(*),
               SUM(CASE WHEN ar.canonical THEN 1 ELSE 0 END),
               SUM(e.intensity),
               SUM(CASE WHEN ar.canonical THEN e.intensity ELSE 0.0 END)
        FROM events e JOIN articles ar ON ar.id = e.article_id
        WHERE e.target IS NOT NULL AND e.day IS NOT NULL
        GROUP BY e.source, e.target, e.day, e.type, e.quad_class, e.status
        """
    )


def downgrade() -> None:
    op.drop_index("ix_events_source_target_day", table_name="events")
    op.drop_index("ix_dyad_days_b_a_day", table_name="dyad_days")
    op.drop_index("ix_dyad_days_window", table_name="dyad_days")
    op.drop_table("dyad_days")
