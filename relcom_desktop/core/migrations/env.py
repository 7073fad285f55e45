"""Alembic environment: runs on the connection the app hands over (see core/store/migrate.py)."""

from __future__ import annotations

import os

from alembic import context
from sqlalchemy import TypeDecorator, create_engine

from relcom_desktop.core.models import Base

target_metadata = Base.metadata


def include_object(
    obj: object, name: str | None, type_: str, reflected: bool, compare_to: object
) -> bool:
    """Leave full-text search tables (managed by core/search.py) out of autogenerate."""
    return not (type_ == "table" and name is not None and "_fts" in name)


def render_item(type_: str, obj: object, autogen_context: object) -> str | bool:
    """Write enum columns as their plain storage type so migrations never import the models."""
    if type_ == "type" and isinstance(obj, TypeDecorator):
        return f"sa.{obj.impl_instance!r}"
    return False


def _configure(connection: object) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,
        include_object=include_object,
        render_item=render_item,
        compare_type=True,
    )


def run_migrations_online() -> None:
    connection = context.config.attributes.get("connection")
    if connection is not None:
        _configure(connection)
        with context.begin_transaction():
            context.run_migrations()
        return
    # Developer use: `alembic revision --autogenerate` against RELCOM_DB (a file path).
    engine = create_engine(f"sqlite:///{os.environ.get('RELCOM_DB', 'dev.sqlite3')}")
    with engine.begin() as conn:
        _configure(conn)
        context.run_migrations()


run_migrations_online()
