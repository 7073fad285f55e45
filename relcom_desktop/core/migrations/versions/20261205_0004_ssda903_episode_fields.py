"""Placements keep two fields of the SSDA903 episode they came from: the reason the first
episode began (RNE) and the placement postcode (PL_POST), so an exported return gives back
the episodes an imported one held.

Revision ID: 0004_ssda903
Revises: 0003_search_everything
Create Date: 2026-12-05
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004_ssda903"
down_revision: str | None = "0003_search_everything"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("placement") as batch:
        batch.add_column(sa.Column("reason_new", sa.String(40), nullable=True))
        batch.add_column(sa.Column("postcode", sa.String(12), nullable=False, server_default=""))


def downgrade() -> None:
    # SQLite drops a column in place (3.35+); a batch copy of the table would lose the search
    # triggers that other tables' triggers refer to.
    op.execute("ALTER TABLE placement DROP COLUMN postcode")
    op.execute("ALTER TABLE placement DROP COLUMN reason_new")
