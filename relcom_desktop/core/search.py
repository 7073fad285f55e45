"""Full-text search over everything the commissioner writes (SQLite FTS5).

One FTS5 table, ``search_fts``, holds a title and a body for each searchable record. SQL
triggers keep it in step on every insert, update and delete, inside the same transaction as
the change itself. Each record's row id is ``record_id * KIND_SLOTS + kind code`` so a trigger
finds its row by primary key. Soft-deleted records leave the index; restoring puts them back.

``install`` (re)creates the table and triggers from ``SOURCES``; a migration calls it, and a
later migration that changes ``SOURCES`` simply calls it again.

Everything SQLite-specific about search lives here (see design.md, "Growing past one laptop").
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, text

from relcom_desktop.core.search_sources import BY_TABLE, SOURCES, Source
from relcom_desktop.core.store.db import Store

KIND_SLOTS = 32
MAX_TERMS = 24
HIT_START, HIT_END = "\x02", "\x03"
# People and places rank above the many records that merely mention them: their titles go
# in the heavily weighted ``name`` column; every other record's title goes in ``title``.
PREFERRED_KINDS = frozenset({"child", "provider", "setting"})


KIND_LABELS = {s.kind: s.label for s in SOURCES}


# ---- installing the index (run from migrations) --------------------------------------------


def _insert_sql(s: Source, row: str) -> str:
    name, title = (s.title, "''") if s.kind in PREFERRED_KINDS else ("''", s.title)
    sql = (
        "INSERT INTO search_fts(rowid, name, title, body, kind, record_id, open_kind, open_id, "
        f"on_date, row_kind, row_id) SELECT R.id * {KIND_SLOTS} + {s.code}, {name}, {title}, "
        f"{s.body}, '{s.kind}', R.id, '{s.open_kind}', {s.open_id}, {s.on_date}, "
        f"'{s.shown_row_kind}', {s.row_id} FROM {s.table} AS R "
        f"WHERE R.id = {row}.id AND ({s.live_sql})"
    )
    return sql


def _trigger_sql(s: Source) -> list[str]:
    delete = f"DELETE FROM search_fts WHERE rowid = old.id * {KIND_SLOTS} + {s.code};"
    name = f"search_fts_{s.kind}"
    return [
        f"CREATE TRIGGER {name}_ai AFTER INSERT ON {s.table} BEGIN {_insert_sql(s, 'new')}; END",
        f"CREATE TRIGGER {name}_au AFTER UPDATE ON {s.table} BEGIN {delete} "
        f"{_insert_sql(s, 'new')}; END",
        f"CREATE TRIGGER {name}_ad AFTER DELETE ON {s.table} BEGIN {delete} END",
    ]


def _cascade_sql() -> list[str]:
    """When a parent is deleted or restored, re-index its children (e.g. a child's links)."""
    by_parent: dict[str, list[Source]] = {}
    for s in SOURCES:
        if s.parent is not None:
            by_parent.setdefault(s.parent[0], []).append(s)
    # A parent that has a parent of its own passes the notice on (child → placement → review).
    return [
        f"CREATE TRIGGER search_fts_{table}_cascade AFTER UPDATE OF {_watched(table)} ON {table} "
        "BEGIN "
        + " ".join(
            f"UPDATE {c.table} SET {c.parent[1]} = {c.parent[1]} WHERE {c.parent[1]} = new.id;"
            for c in children
            if c.parent is not None
        )
        + " END"
        for table, children in by_parent.items()
    ]


def _watched(table: str) -> str:
    parent = BY_TABLE[table].parent
    return "deleted_at" if parent is None else f"deleted_at, {parent[1]}"


def install(conn: Connection) -> None:
    """(Re)create the index table and its triggers, then fill it from the current records."""
    drop_triggers = conn.exec_driver_sql(
        "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'search_fts_%'"
    ).scalars()
    for trigger in list(drop_triggers):
        conn.exec_driver_sql(f"DROP TRIGGER {trigger}")
    conn.exec_driver_sql("DROP TABLE IF EXISTS search_fts")
    conn.exec_driver_sql(
        "CREATE VIRTUAL TABLE search_fts USING fts5(name, title, body, kind UNINDEXED, "
        "record_id UNINDEXED, open_kind UNINDEXED, open_id UNINDEXED, on_date UNINDEXED, "
        "row_kind UNINDEXED, row_id UNINDEXED, "
        "tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3')"
    )
    conn.exec_driver_sql(
        "INSERT INTO search_fts(search_fts, rank) VALUES ('rank', 'bm25(12.0, 4.0, 1.0)')"
    )
    for source in SOURCES:
        for sql in _trigger_sql(source):
            conn.exec_driver_sql(sql)
        conn.exec_driver_sql(_insert_sql(source, "R"))
    for sql in _cascade_sql():
        conn.exec_driver_sql(sql)


def rebuild(store: Store) -> None:
    """Refill the index from scratch (after a bulk import, or if it ever looks wrong)."""
    with store.engine.begin() as conn:
        install(conn)


# ---- searching -----------------------------------------------------------------------------


@dataclass(frozen=True)
class SearchHit:
    kind: str
    record_id: int
    open_kind: str
    open_id: int
    title: str
    snippet: str
    on_date: dt.date | None
    row_kind: str = ""  # the row to select on the opened page (a family link, a Reg 40 …)
    row_id: int = 0

    @property
    def kind_label(self) -> str:
        return KIND_LABELS.get(self.kind, self.kind)

    def segments(self, field: str = "snippet") -> list[tuple[str, bool]]:
        """The text split into (text, highlighted) parts for bold rendering."""
        parts = re.split(f"({HIT_START}.*?{HIT_END})", getattr(self, field))
        return [(p.strip(HIT_START + HIT_END), p.startswith(HIT_START)) for p in parts if p]

    def plain(self, field: str = "snippet", mark: tuple[str, str] = ("", "")) -> str:
        return "".join(f"{mark[0]}{t}{mark[1]}" if hit else t for t, hit in self.segments(field))


def match_expression(query: str) -> str | None:
    """A safe FTS5 query: every word quoted and matched as a prefix; None if no words."""
    words = re.findall(r"\w+", query.replace(HIT_START, " ").replace(HIT_END, " "))
    if not words:
        return None
    # A one-letter prefix would match most of the file; match such words whole.
    return " ".join(f'"{w}"*' if len(w) > 1 else f'"{w}"' for w in words[:MAX_TERMS])


def search(
    store: Store,
    query: str,
    *,
    kinds: tuple[str, ...] = (),
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    limit: int = 50,
) -> list[SearchHit]:
    """Ranked hits for what the user typed; odd input simply finds nothing."""
    expression = match_expression(query)
    if expression is None:
        return []
    sql, params = _search_sql(expression, kinds, date_from, date_to, limit)
    with store.read() as session:
        rows = session.execute(text(sql), params).all()
    return [_hit(row) for row in rows]


def _search_sql(
    expression: str,
    kinds: tuple[str, ...],
    date_from: dt.date | None,
    date_to: dt.date | None,
    limit: int,
) -> tuple[str, dict[str, Any]]:
    where = ["search_fts MATCH :expr"]
    params: dict[str, Any] = {"expr": expression, "limit": limit}
    if kinds:
        names = [f":k{i}" for i in range(len(kinds))]
        where.append(f"kind IN ({', '.join(names)})")
        params.update({f"k{i}": k for i, k in enumerate(kinds)})
    if date_from is not None:
        where.append("on_date >= :date_from")
        params["date_from"] = date_from.isoformat()
    if date_to is not None:
        where.append("on_date <= :date_to")
        params["date_to"] = date_to.isoformat()
    sql = (
        "SELECT kind, record_id, open_kind, open_id, row_kind, row_id, "
        f"highlight(search_fts, 0, '{HIT_START}', '{HIT_END}') "
        f"|| highlight(search_fts, 1, '{HIT_START}', '{HIT_END}'), "
        f"snippet(search_fts, 2, '{HIT_START}', '{HIT_END}', '…', 14), on_date "
        f"FROM search_fts WHERE {' AND '.join(where)} "
        "ORDER BY rank LIMIT :limit"
    )
    return sql, params


def _hit(row: Any) -> SearchHit:
    kind, record_id, open_kind, open_id, row_kind, row_id, title, snippet, on_date = row
    day = dt.date.fromisoformat(str(on_date)[:10]) if on_date else None
    target = (open_kind, int(open_id or 0), row_kind or kind, int(row_id or record_id))
    return SearchHit(
        kind, int(record_id), *target[:2], title or "", snippet or "", day, *target[2:]
    )
