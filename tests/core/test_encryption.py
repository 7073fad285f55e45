"""Encryption at rest: nothing readable on disk, wrong passphrases change nothing, re-keying."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from relcom_desktop.core import errors
from relcom_desktop.core.child_list import count_children
from relcom_desktop.core.store import backup, encryption
from relcom_desktop.core.store.db import DB_FILENAME, FileState, file_state, open_store
from tests.core.factories import a_child

SECRET = "lantern otter quiver maple"
NEW_SECRET = "copper meadow violin fog"
NAME = "Zephyrine Quillfeather"


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _encrypted_with_child(folder: Path) -> Path:
    store = open_store(folder, SECRET)
    a_child(store, "Zephyrine", full_name=NAME, about_me=f"{NAME} likes drawing.")
    store.close()
    return folder / DB_FILENAME


def test_a_new_store_with_a_passphrase_is_encrypted(tmp_path: Path) -> None:
    path = _encrypted_with_child(tmp_path)
    assert file_state(path) is FileState.ENCRYPTED
    store = open_store(tmp_path, SECRET)
    assert store.encrypted and count_children(store) == 1
    store.close()


def test_wrong_passphrase_leaves_the_file_byte_for_byte_unchanged(tmp_path: Path) -> None:
    path = _encrypted_with_child(tmp_path)
    before = _digest(path)
    with pytest.raises(errors.WrongPassphrase) as info:
        open_store(tmp_path, "not the passphrase at all")
    assert "passphrase is not right" in str(info.value)
    assert _digest(path) == before
    assert not Path(f"{path}-wal").exists()


def test_an_encrypted_file_without_a_passphrase_asks_for_one(tmp_path: Path) -> None:
    path = _encrypted_with_child(tmp_path)
    before = _digest(path)
    with pytest.raises(errors.PassphraseNeeded) as info:
        open_store(tmp_path)
    assert "RELCOM_PASSPHRASE" in str(info.value)
    assert _digest(path) == before


def test_no_plaintext_name_in_the_file_its_wal_or_its_backups(tmp_path: Path) -> None:
    store = open_store(tmp_path, SECRET)
    for i in range(30):
        a_child(store, f"Zephyrine {i}", full_name=NAME, la_reference=f"Z{i}")
    wal = Path(f"{store.path}-wal")
    assert wal.exists() and wal.stat().st_size > 0  # written while open
    on_disk = {"file": store.path.read_bytes(), "wal": wal.read_bytes()}
    shm = Path(f"{store.path}-shm")
    if shm.exists():
        on_disk["shm"] = shm.read_bytes()
    on_disk["lock"] = Path(f"{store.path}.lock").read_bytes()
    made = backup.make_backup(store)
    store.close()
    on_disk["backup"] = made.path.read_bytes()
    for where, data in on_disk.items():
        for needle in (NAME, "Zephyrine", "Quillfeather"):
            assert needle.encode() not in data, f"{needle} readable in the {where}"
            assert needle.encode("utf-16-le") not in data, where


def test_change_passphrase_then_open_with_the_new_one(tmp_path: Path) -> None:
    _encrypted_with_child(tmp_path)
    store = open_store(tmp_path, SECRET)
    encryption.change_passphrase(store, SECRET, NEW_SECRET, NEW_SECRET)
    assert count_children(store) == 1  # the open store carries on with the new key
    store.close()
    with pytest.raises(errors.WrongPassphrase):
        open_store(tmp_path, SECRET)
    reopened = open_store(tmp_path, NEW_SECRET)
    assert count_children(reopened) == 1
    reopened.close()
    assert not list(tmp_path.glob("*.rekey"))


def test_change_passphrase_refuses_a_wrong_current_one_and_changes_nothing(
    tmp_path: Path,
) -> None:
    path = _encrypted_with_child(tmp_path)
    store = open_store(tmp_path, SECRET)
    store.engine.dispose()
    with pytest.raises(errors.WrongPassphrase):
        encryption.change_passphrase(store, "wrong guess here", NEW_SECRET, NEW_SECRET)
    with pytest.raises(errors.ValidationError, match="different"):
        encryption.change_passphrase(store, SECRET, NEW_SECRET, NEW_SECRET + "x")
    with pytest.raises(errors.ValidationError, match="stronger"):
        encryption.change_passphrase(store, SECRET, "password1", "password1")
    store.close()
    assert open_store(tmp_path, SECRET).close() is None
    assert file_state(path) is FileState.ENCRYPTED


def test_a_plain_file_is_encrypted_in_place(tmp_path: Path) -> None:
    store = open_store(tmp_path)
    a_child(store, "Zephyrine", full_name=NAME)
    assert not store.encrypted
    encryption.encrypt_store(store, SECRET, SECRET)
    assert store.encrypted and count_children(store) == 1
    store.close()
    assert NAME.encode() not in (tmp_path / DB_FILENAME).read_bytes()
    reopened = open_store(tmp_path, SECRET)
    assert count_children(reopened) == 1
    reopened.close()


def test_a_failed_rewrite_leaves_the_original(tmp_path: Path, monkeypatch) -> None:
    store = open_store(tmp_path)
    a_child(store, "Robin")
    path = store.path

    def broken(*_args: object) -> None:
        raise errors.StoreError("The re-written copy of the data file did not check out")

    monkeypatch.setattr(encryption, "verify_copy", broken)
    with pytest.raises(errors.StoreError):
        encryption.encrypt_store(store, SECRET, SECRET)
    assert not store.encrypted and count_children(store) == 1
    store.close()
    assert file_state(path) is FileState.PLAIN
    assert not list(tmp_path.glob("*.rekey"))


def test_a_passphrase_given_for_a_plain_file_opens_it_plain(tmp_path: Path) -> None:
    open_store(tmp_path).close()
    store = open_store(tmp_path, SECRET)
    assert not store.encrypted
    store.close()


def test_strength_meter_grades_passphrases() -> None:
    assert not encryption.strength("").acceptable
    weak = encryption.strength("password1")
    assert weak.score <= 1 and not weak.acceptable and weak.advice
    short = encryption.strength("Xq7#pL")
    assert not short.acceptable and "10 characters" in short.advice
    strong = encryption.strength(SECRET)
    assert strong.acceptable and strong.label in {"Strong", "Very strong"}
    assert encryption.strength("x" * 500).label  # very long input is still graded
    named = encryption.strength("amelia walker 1990", ("Amelia Walker",))
    assert named.score < encryption.strength("gravel tundra 1990 opal").score
