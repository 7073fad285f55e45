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

from relcom_desktop.core.db import Store

KIND_SLOTS = 16
MAX_TERMS = 24
HIT_START, HIT_END = "\x02", "\x03"
# People and places rank above the many records that merely mention them: their titles go
# in the heavily weighted ``name`` column; every other record's title goes in ``title``.
PREFERRED_KINDS = frozenset({"child", "provider", "setting"})


@dataclass(frozen=True)
class Source:
    """How one table feeds the index. SQL expressions refer to the row as ``R``."""

    kind: str
    code: int
    table: str
    label: str
    title: str
    body: str
    open_kind: str
    open_id: str = "R.id"
    on_date: str = "NULL"
    live: str = "R.deleted_at IS NULL"
    parent: tuple[str, str] | None = None  # (table, foreign key): hidden when it is deleted

    @property
    def live_sql(self) -> str:
        if self.parent is None:
            return self.live
        table, key = self.parent
        return f"{self.live} AND (SELECT deleted_at FROM {table} WHERE id = R.{key}) IS NULL"


def _join(*columns: str) -> str:
    return " || ' ' || ".join(f"coalesce({c}, '')" for c in columns)


_MEETING_DATE = "(SELECT date(starts_at) FROM meeting WHERE id = R.meeting_id)"
_CHILD_TITLE = (
    "R.preferred_name || CASE WHEN coalesce(R.full_name, '') = '' THEN '' "
    "ELSE ' (' || R.full_name || ')' END"
)
_CHILD_TEXT = _join(
    "R.la_reference", "R.about_me", "R.wishes_and_feelings", "R.what_matters", "R.strengths",
    "R.needs", "R.notes",
)  # fmt: skip

SOURCES: tuple[Source, ...] = (
    Source(
        kind="child", code=1, table="child", label="Children", open_kind="child",
        title=_CHILD_TITLE, body=_CHILD_TEXT,
    ),
    Source(
        kind="family_link", code=2, table="family_link", label="Family and links",
        title="R.name", body=_join("R.relationship", "R.notes"),
        open_kind="child", open_id="R.child_id", on_date="R.last_contact",
        parent=("child", "child_id"),
    ),
    Source(
        kind="check_in", code=3, table="check_in", label="Check-ins",
        title="'Check-in'", body=_join("R.child_view", "R.notes"),
        open_kind="child", open_id="R.child_id", on_date="R.held_on",
        parent=("child", "child_id"),
    ),
    Source(
        kind="provider", code=4, table="provider", label="Providers", open_kind="provider",
        title="R.name", body=_join("R.notes", "R.address"),
    ),
    Source(
        kind="setting", code=5, table="setting", label="Settings", open_kind="setting",
        title="R.name",
        body=_join("R.urn", "R.postcode", "R.local_authority", "R.address", "R.notes"),
        parent=("provider", "provider_id"),
    ),
    Source(
        kind="journal_entry", code=6, table="journal_entry", label="Journal",
        title="R.summary", body="R.body", open_kind="journal_entry", on_date="R.occurred_on",
    ),
    Source(
        kind="meeting", code=7, table="meeting", label="Meetings", open_kind="meeting",
        title="R.title", body=_join("R.notes", "R.location"), on_date="date(R.starts_at)",
    ),
    Source(
        kind="agenda_item", code=8, table="agenda_item", label="Meeting notes",
        title="R.title", body="R.notes", open_kind="meeting", open_id="R.meeting_id",
        on_date=_MEETING_DATE, live="1", parent=("meeting", "meeting_id"),
    ),
    Source(
        kind="decision", code=9, table="decision", label="Decisions",
        title="R.text", body=_join("R.agreed_by", "R.dissent", "R.conditions"),
        open_kind="meeting", open_id="R.meeting_id", on_date=_MEETING_DATE, live="1",
        parent=("meeting", "meeting_id"),
    ),
    Source(
        kind="action", code=10, table="action", label="Actions", open_kind="action",
        title="R.title", body=_join("R.notes", "R.owner"), on_date="R.due_on",
    ),
    Source(
        kind="reflection", code=11, table="reflection", label="Reflections",
        title="'Reflection'", open_kind="reflection", on_date="R.written_on",
        body=_join("R.what_happened", "R.what_learned", "R.do_differently"),
    ),
    Source(
        kind="provider_report", code=12, table="provider_report", label="Reg 44/45 reports",
        title="R.summary", body=_join("R.concerns", "R.follow_up"),
        open_kind="setting", open_id="R.setting_id", on_date="R.received_on",
        parent=("setting", "setting_id"),
    ),
)  # fmt: skip
KIND_LABELS = {s.kind: s.label for s in SOURCES}


# ---- installing the index (run from migrations) --------------------------------------------


def _insert_sql(s: Source, row: str) -> str:
    name, title = (s.title, "''") if s.kind in PREFERRED_KINDS else ("''", s.title)
    sql = (
        "INSERT INTO search_fts(rowid, name, title, body, kind, record_id, open_kind, open_id, "
        f"on_date) SELECT R.id * {KIND_SLOTS} + {s.code}, {name}, {title}, {s.body}, '{s.kind}', "
        "R.id, "
        f"'{s.open_kind}', {s.open_id}, {s.on_date} FROM {s.table} AS R "
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
    return [
        f"CREATE TRIGGER search_fts_{table}_cascade AFTER UPDATE OF deleted_at ON {table} "
        "BEGIN "
        + " ".join(
            f"UPDATE {c.table} SET {c.parent[1]} = {c.parent[1]} WHERE {c.parent[1]} = new.id;"
            for c in children
            if c.parent is not None
        )
        + " END"
        for table, children in by_parent.items()
    ]


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
        "SELECT kind, record_id, open_kind, open_id, "
        f"highlight(search_fts, 0, '{HIT_START}', '{HIT_END}') "
        f"|| highlight(search_fts, 1, '{HIT_START}', '{HIT_END}'), "
        f"snippet(search_fts, 2, '{HIT_START}', '{HIT_END}', '…', 14), on_date "
        f"FROM search_fts WHERE {' AND '.join(where)} "
        "ORDER BY rank LIMIT :limit"
    )
    return sql, params


def _hit(row: Any) -> SearchHit:
    kind, record_id, open_kind, open_id, title, snippet, on_date = row
    day = dt.date.fromisoformat(str(on_date)[:10]) if on_date else None
    return SearchHit(kind, int(record_id), open_kind, int(open_id), title or "", snippet or "", day)
