"""Full-text search index (FTS5) kept in step by triggers.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    from relcom_desktop.core import search

    search.install(op.get_bind())


def downgrade() -> None:
    bind = op.get_bind()
    names = bind.exec_driver_sql(
        "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'search_fts_%'"
    ).scalars()
    for name in list(names):
        bind.exec_driver_sql(f"DROP TRIGGER {name}")
    bind.exec_driver_sql("DROP TABLE IF EXISTS search_fts")
