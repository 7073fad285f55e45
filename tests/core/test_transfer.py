"""JSON export and import: lossless round trip, clear refusals, all or nothing (fuzzed)."""

from __future__ import annotations

import contextlib
import copy
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select, text

from relcom_desktop.core import demo, errors
from relcom_desktop.core.enums import AuditKind
from relcom_desktop.core.interop import rowcodec, transfer
from relcom_desktop.core.store import audit
from relcom_desktop.core.store.db import Store, open_store

FUZZ = settings(
    max_examples=1500,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """A tiny demo caseload (every table has rows), exported once."""
    folder = tmp_path_factory.mktemp("source")
    store = open_store(folder)
    demo.build_demo(store, "tiny", seed=3)
    path = folder / "export.json"
    transfer.export_json(store, path)
    store.close()
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def target(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    store = open_store(tmp_path_factory.mktemp("target"))
    yield store
    store.close()


def _row_total(store: Store) -> int:
    with store.read() as session:
        return sum(
            session.scalar(select(func.count()).select_from(t)) or 0 for t in rowcodec.tables()
        )


def _wipe(store: Store) -> None:
    with store.write() as session:
        session.execute(text("PRAGMA defer_foreign_keys = ON"))
        for table in reversed(rowcodec.tables()):
            session.execute(table.delete())


def _import_or_refuse(store: Store, data: Any) -> None:
    """Import must either succeed or refuse cleanly, leaving nothing behind."""
    try:
        transfer.import_data(store, data)
    except errors.TransferError as err:
        assert str(err) and "Traceback" not in str(err)
        assert _row_total(store) == 0, "a refused import left records behind"
    else:
        _wipe(store)


def test_export_import_export_gives_identical_json(tmp_path: Path) -> None:
    source = open_store(tmp_path / "a")
    demo.build_demo(source, "tiny", seed=5)
    first, second = tmp_path / "first.json", tmp_path / "second.json"
    summary = transfer.export_json(source, first)
    assert summary.rows > 300 and summary.tables == len(rowcodec.tables())
    source.close()
    copy_store = open_store(tmp_path / "b")
    transfer.import_json(copy_store, first)
    transfer.export_json(copy_store, second)
    copy_store.close()
    assert first.read_bytes() == second.read_bytes()
    data = json.loads(first.read_text(encoding="utf-8"))
    assert data["format"] == "relcom-desktop-export" and data["format_version"] == 1
    assert data["schema_revision"] and list(data["tables"]) == [t.name for t in rowcodec.tables()]


def test_export_is_audited_without_personal_content(store: Store, tmp_path: Path) -> None:
    demo.build_demo(store, "tiny", seed=1)
    transfer.export_json(store, tmp_path / "out.json")
    event = audit.recent_events(store)[0]
    assert event.kind is AuditKind.EXPORT and event.detail.startswith("JSON,")


def test_import_refuses_a_data_file_that_has_records(
    store: Store, exported: dict[str, Any]
) -> None:
    demo.build_demo(store, "tiny", seed=1)
    before = _row_total(store)
    with pytest.raises(errors.TransferError, match="already holds records"):
        transfer.import_data(store, exported)
    assert _row_total(store) == before


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.update(format="something-else"), "not a RelCom Desktop export"),
        (lambda d: d.update(format_version=99), "newer version"),
        (lambda d: d.update(schema_revision="zz_future"), "newer version"),
        (lambda d: d["tables"].update(spaceships=[]), "does not know"),
        (lambda d: d["tables"]["child"][0].update(favourite_colour="blue"), "newer version"),
        (lambda d: d["tables"]["child"][0].update(date_of_birth="31/02/2010"), "a date like"),
        (lambda d: d["tables"]["child"][0].update(sex="Z"), "not a code"),
        (lambda d: d["tables"]["child"][0].update(preferred_name=None), "must have a value"),
        (lambda d: d["tables"]["child"].append(d["tables"]["child"][0]), "same identity"),
        (lambda d: d["tables"].update(child=[]), "not in the file"),
    ],
)
def test_bad_exports_are_refused_with_a_reason(
    target: Store, exported: dict[str, Any], change: Any, message: str
) -> None:
    data = copy.deepcopy(exported)
    change(data)
    with pytest.raises(errors.TransferError, match=message):
        transfer.import_data(target, data)
    assert _row_total(target) == 0


def test_an_older_export_without_a_newer_column_still_imports(
    target: Store, exported: dict[str, Any]
) -> None:
    data = copy.deepcopy(exported)
    for row in data["tables"]["child"]:
        del row["retain_until"]
    transfer.import_data(target, data)
    assert _row_total(target) > 300
    _wipe(target)


def test_a_file_that_is_not_json_is_refused(target: Store, tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_bytes(b"\x00\xff not json")
    with pytest.raises(errors.TransferError, match="not valid JSON"):
        transfer.import_json(target, bad)
    with pytest.raises(errors.TransferError, match="There is no file"):
        transfer.import_json(target, tmp_path / "missing.json")
    nan = tmp_path / "nan.json"
    nan.write_text('{"format": NaN}')
    with pytest.raises(errors.TransferError):
        transfer.import_json(target, nan)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=12,
)


@FUZZ
@given(
    st.fixed_dictionaries(
        {
            "format": st.sampled_from([transfer.FORMAT, "x"]),
            "format_version": st.sampled_from([1, 0, 2, "1", True]),
            "tables": st.dictionaries(
                st.sampled_from([t.name for t in rowcodec.tables()] + ["nope"]),
                st.lists(
                    st.dictionaries(st.sampled_from(["id", "name", "child_id"]), json_values),
                    max_size=3,
                )
                | json_values,
                max_size=4,
            ),
        }
    )
    | json_values
)
def test_fuzz_any_json_structure(target: Store, data: Any) -> None:
    _import_or_refuse(target, data)


@settings(FUZZ, max_examples=1000)
@given(st.data())
def test_fuzz_mutated_exports(target: Store, exported: dict[str, Any], data: st.DataObject) -> None:
    mutated = json.loads(json.dumps(exported))
    for _ in range(data.draw(st.integers(1, 3))):
        table = data.draw(st.sampled_from(sorted(t for t, r in mutated["tables"].items() if r)))
        rows = mutated["tables"][table]
        row = data.draw(st.sampled_from(rows))
        action = data.draw(st.sampled_from(["set", "drop-field", "drop-row", "copy-row"]))
        if not row and action in ("set", "drop-field"):
            action = "drop-row"
        if action == "set":
            row[data.draw(st.sampled_from(sorted(row)))] = data.draw(json_values)
        elif action == "drop-field":
            row.pop(data.draw(st.sampled_from(sorted(row))))
        elif action == "drop-row":
            rows.remove(row)
        else:
            rows.append(dict(row))
    _import_or_refuse(target, mutated)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=300) | st.text(max_size=300).map(str.encode))
def test_fuzz_raw_file_bytes(target: Store, tmp_path_factory, raw: bytes) -> None:
    path = tmp_path_factory.mktemp("raw") / "in.json"
    path.write_bytes(raw)
    with contextlib.suppress(errors.TransferError):
        transfer.import_json(target, path)
    assert _row_total(target) == 0
