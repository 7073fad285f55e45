"""The SSDA903 import's fast path for children new to RelCom Desktop (checked, then written in
one batch) stores exactly what the record-by-record path stores, and a child it rejects
leaves nothing behind."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import text

from relcom_desktop.core.interop import ssda903_child, ssda903_import
from relcom_desktop.core.interop.import_run import ImportPreview, RowStatus
from relcom_desktop.core.interop.ssda903_files import read_return
from relcom_desktop.core.interop.ssda903_import import commit_return, import_return
from relcom_desktop.core.providers import UNKNOWN_PROVIDER, delete_setting
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


NEW_URNS = ("SC710001", "SC710002")


def _mixed_import(folder: Path, first: tuple[Path, Path], second: tuple[Path, Path]) -> Any:
    """The clean return, then (with SC333333 in the Trash) ``second``, skipping rejected."""
    store = open_store(folder)
    try:
        import_return(store, *first)
        (trashed,) = _column(store, "SELECT id FROM setting WHERE urn = 'SC333333'")
        delete_setting(store, trashed)
        done = import_return(store, *second, skip_rejected=True)
        with store.write() as session:  # the time it went in the Trash differs between stores
            session.execute(
                text(f"UPDATE setting SET deleted_at = '2026-01-01' WHERE id = {trashed}")
            )
        return done, _stored(store)
    finally:
        store.close()


def test_settings_added_for_new_children_stay_when_a_child_on_record_is_then_refused(
    tmp_path: Path, monkeypatch: Any
) -> None:
    # 3001 (new) brings SC710001; 1003 (on record) is refused: their setting is in the
    # Trash; 3002 (new) uses SC710001 again and brings SC710002.
    header = [["3001", "1", "01/02/2010", "WBRI", "", "", ""], CLEAN_HEADER[2],
              ["3002", "2", "01/02/2011", "WBRI", "", "", ""]]  # fmt: skip
    episodes = [
        ["3001", "01/03/2022", "S", "C2", "N1", "K2", "PR4", "", "", "", "", "", "SC710001"],
        ["1003", "10/10/2022", "S", "V2", "N8", "H5", "PR4", "", "", "", "", "", "SC333333"],
        ["3002", "01/04/2022", "S", "C2", "N1", "K2", "PR4", "01/05/2022", "X1", "", "", "",
         "SC710001"],
        ["3002", "01/05/2022", "P", "C2", "N1", "K2", "PR4", "", "", "", "", "", "SC710002"],
    ]  # fmt: skip
    first = write_return(tmp_path / "first")
    second = write_return(tmp_path / "second", header, episodes)

    batched, batched_rows = _mixed_import(tmp_path / "batched", first, second)
    monkeypatch.setattr(ssda903_child.ChildWork, "_is_new", lambda _self, _session: False)
    one_by_one, one_by_one_rows = _mixed_import(tmp_path / "one_by_one", first, second)

    rejected = [line for line in batched.lines if line.status is RowStatus.REJECTED]
    assert [line.record for line in rejected] == ["Child 1003"]
    assert "in the Trash" in rejected[0].detail
    urns = [value for row in batched_rows["setting"] for value in row if value in NEW_URNS]
    assert sorted(urns) == sorted(NEW_URNS)
    assert batched.count(RowStatus.NEW, "setting") == 2
    assert batched_rows == one_by_one_rows
    assert batched.lines == one_by_one.lines
