"""List and search figures: the app's service call vs the raw sqlite3 query for the same rows."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path
from typing import Any

from common import Figure, best_of

from relcom_desktop.core import child_list, journal, search
from relcom_desktop.core.store.db import DB_FILENAME, Store, open_store

COMMON_WORD = "placement"


def _raw_runner(path: Path, stmt: Any, store: Store) -> Any:
    """Execute exactly the SQL SQLAlchemy would send, through plain sqlite3."""
    compiled = stmt.compile(dialect=store.engine.dialect)
    params = compiled.construct_params()
    values = [
        v.isoformat() if isinstance(v, dt.date) else v
        for v in (params[name] for name in compiled.positiontup)
    ]
    conn = sqlite3.connect(path)
    return lambda: conn.execute(compiled.string, values).fetchall()


def list_figures(folder: Path) -> list[Figure]:
    store = open_store(folder)
    path = folder / DB_FILENAME
    today = dt.date.today()
    try:
        listing = child_list._listing_query(today)
        child_stmt = child_list._order(
            child_list._apply_filter(listing, child_list.ChildFilter(), today),
            child_list.ChildSort.NAME, False,
        ).limit(200)  # fmt: skip
        journal_stmt = (
            journal._journal_query(journal.JournalFilter())
            .order_by(*journal._NEWEST_FIRST)
            .limit(200)
        )
        figures = [
            Figure(
                "children list, first page (200 rows)",
                best_of(lambda: child_list.list_children(store, limit=200, today=today)),
                best_of(_raw_runner(path, child_stmt, store)),
                2.0,
            ),
            Figure(
                "journal view, first page (200 rows)",
                best_of(lambda: journal.list_entries(store, limit=200)),
                best_of(_raw_runner(path, journal_stmt, store)),
                2.0,
            ),
            _search_figure(store, path),
        ]
    finally:
        store.close()
    return figures


def _search_figure(store: Store, path: Path) -> Figure:
    conn = sqlite3.connect(path)
    expr = search.match_expression(COMMON_WORD)
    raw = "SELECT rowid FROM search_fts WHERE search_fts MATCH ? ORDER BY rank LIMIT 50"
    return Figure(
        f'search for a common word ("{COMMON_WORD}", 50 hits)',
        best_of(lambda: search.search(store, COMMON_WORD, limit=50)),
        best_of(lambda: conn.execute(raw, (expr,)).fetchall()),
        2.0,
    )
