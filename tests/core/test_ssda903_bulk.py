"""The SSDA903 import's fast path for children new to RelCom Desktop (checked, then written in
one batch) stores exactly what the record-by-record path stores, and a child it rejects
leaves nothing behind."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from relcom_desktop.core.interop import ssda903_child, ssda903_import
from relcom_desktop.core.interop.import_run import ImportPreview, RowStatus
from relcom_desktop.core.interop.ssda903_files import read_return
from relcom_desktop.core.interop.ssda903_import import commit_return, import_return
from relcom_desktop.core.providers import UNKNOWN_PROVIDER
from relcom_desktop.core.store.db import Store, open_store
from tests.core.ssda903_samples import CLEAN_EPISODES, CLEAN_HEADER, write_return

TABLES = ("child", "placement", "legal_status_period", "setting", "provider", "search_fts")
# A child only in the Episodes file, with a legal status change and a move.
ONLY_IN_EPISODES = [
    ["1005", "01/02/2023", "S", "V2", "N1", "U4", "PR1", "01/03/2023", "X1", "", "", "", "SC5"],
    ["1005", "01/03/2023", "L", "C2", "N1", "U4", "PR1", "01/05/2023", "X1", "CHILD", "", "",
     "SC5"],
    ["1005", "01/05/2023", "P", "C2", "N1", "P1", "PR0", "", "", "", "", "", "XXXXXXX"],
]  # fmt: skip


def _stored(store: Store) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of the tables an import writes, as stored (all but the timestamps)."""
    found = {}
    with store.raw() as conn:
        for table in TABLES:
            columns = [
                row[1]
                for row in conn.execute(f"PRAGMA table_info({table})")
                if row[1] not in ("created_at", "updated_at")
            ]
            sql = f"SELECT {', '.join(columns)} FROM {table} ORDER BY rowid"
            found[table] = conn.execute(sql).fetchall()
    return found


def _column(store: Store, sql: str) -> list[Any]:
    with store.raw() as conn:
        return [row[0] for row in conn.execute(sql)]


def _imported(folder: Path, files: tuple[Path, Path]) -> tuple[ImportPreview, dict[str, Any]]:
    store = open_store(folder)
    try:
        return import_return(store, *files), _stored(store)
    finally:
        store.close()


def test_new_children_are_stored_as_the_record_by_record_path_stores_them(
    tmp_path: Path, monkeypatch: Any
) -> None:
    files = write_return(tmp_path / "files", episodes=[*CLEAN_EPISODES, *ONLY_IN_EPISODES])
    batched, batched_rows = _imported(tmp_path / "batched", files)
    # Every child through the services one record at a time, as for a child on record.
    monkeypatch.setattr(ssda903_child.ChildWork, "_is_new", lambda _self, _session: False)
    one_by_one, one_by_one_rows = _imported(tmp_path / "one_by_one", files)

    assert len(batched_rows["child"]) == 5 and len(batched_rows["placement"]) == 10
    assert batched_rows == one_by_one_rows
    assert batched.lines == one_by_one.lines


def test_a_child_rejected_after_settings_were_added_for_them_leaves_nothing(
    store: Store, tmp_path: Path
) -> None:
    # 2001 (read first) brings two new URNs, then is rejected: their one-day placement
    # overlaps the next. 2002 uses one of those URNs too.
    header = [["2001", "1", "01/02/2010", "WBRI", "", "", ""], *CLEAN_HEADER,
              ["2002", "2", "01/02/2011", "WBRI", "", "", ""]]  # fmt: skip
    episodes = [
        ["2001", "01/03/2022", "S", "C2", "N1", "K2", "PR4", "01/03/2022", "X1", "", "", "",
         "SC700001"],
        ["2001", "01/03/2022", "P", "C2", "N1", "K2", "PR4", "", "", "", "", "", "SC700002"],
        *CLEAN_EPISODES,
        ["2002", "01/04/2022", "S", "C2", "N1", "K2", "PR4", "", "", "", "", "", "SC700002"],
    ]  # fmt: skip
    ret = read_return(*write_return(tmp_path, header, episodes))

    done = commit_return(store, ret, skip_rejected=True)

    rejected = [line for line in done.lines if line.status is RowStatus.REJECTED]
    assert [line.record for line in rejected] == ["Child 2001"]
    assert "overlaps" in rejected[0].detail
    refs, urns, providers = (
        _column(store, "SELECT la_reference FROM child"),
        _column(store, "SELECT urn FROM setting"),
        _column(store, "SELECT name FROM provider"),
    )
    assert "2001" not in refs and "2002" in refs
    assert "SC700001" not in urns and urns.count("SC700002") == 1
    assert done.count(RowStatus.NEW, "setting") == len(urns)
    assert providers == [UNKNOWN_PROVIDER]
    again = read_return(*write_return(tmp_path / "again", header[1:], episodes[2:]))
    assert ssda903_import.preview_return(store, again).changes == 0


def test_text_the_same_on_every_row_is_stored_as_given(store: Store, tmp_path: Path) -> None:
    header = [[ref, sex, born, "O'N 'X'", "A1", "", ""]
              for ref, sex, born, *_rest in CLEAN_HEADER]  # fmt: skip

    import_return(store, *write_return(tmp_path, header, CLEAN_EPISODES))

    with store.raw() as conn:
        stored = conn.execute("SELECT ethnicity, upn, typeof(upn) FROM child").fetchall()
    assert stored == [("O'N 'X'", "A1", "text")] * len(header)
