"""Search everything the user writes: plans, reviews, check-in evidence, placements, Quality
Standards evidence, contacts, monitoring visits, setting documents, Reg 40 notifications,
meeting attendees and self-assessments; results carry the row to select when opened.

Reinstalls the index and its triggers from ``search.SOURCES`` and fills it from the records
already in the file.

Revision ID: 0003_search_everything
Revises: 0002
Create Date: 2026-12-05
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0003_search_everything"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    from relcom_desktop.core import search

    search.install(op.get_bind())


def downgrade() -> None:
    # The 0002 index is a subset of this one; keeping the wider index is harmless, but put
    # back exactly what 0002 made would need its old sources, so the index is rebuilt as is.
    from relcom_desktop.core import search

    search.install(op.get_bind())
