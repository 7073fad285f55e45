"""Passphrases: how strong a new one is, encrypting a plain file, and changing the passphrase.

Both encrypting and changing the passphrase write a complete new copy of the data file keyed
with the new passphrase (``sqlcipher_export``), check the copy opens and holds every row, and
only then swap it into place with an atomic rename. If anything fails on the way, the original
file is untouched.

The backups follow in the same operation (:mod:`backup_keys`): encrypting the data file
encrypts every backup, and changing the passphrase re-keys the backups made with the current
one, each file verified and swapped on its own. A restore then needs only the passphrase in
use (backups made with an even older passphrase keep it, and a restore asks for it).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from relcom_desktop.core import errors
from relcom_desktop.core.enums import AuditKind
from relcom_desktop.core.store import audit
from relcom_desktop.core.store.copies import export_keyed_copy, verify_copy
from relcom_desktop.core.store.db import REWRITE_SUFFIX, Store
from relcom_desktop.core.store.files import crash_point, fsync_dir, remove_quietly

if TYPE_CHECKING:
    from relcom_desktop.core.store.backup_keys import BackupKeys, Progress

MIN_LENGTH = 10
MIN_SCORE = 3  # zxcvbn: "safely unguessable" against an offline attack on a slow hash
SCORED_LENGTH = 64  # zxcvbn refuses very long input; beyond this length a passphrase is long
LABELS = ("Very weak", "Weak", "Fair", "Strong", "Very strong")
TIP = "Three or four random words you can picture make a strong passphrase."


@dataclass(frozen=True)
class Strength:
    score: int  # 0 (very weak) to 4 (very strong)
    label: str
    advice: str
    acceptable: bool


def strength(passphrase: str, hints: tuple[str, ...] = ()) -> Strength:
    """How hard ``passphrase`` is to guess; ``hints`` are words to avoid (the user's name...)."""
    if not passphrase:
        return Strength(0, "", TIP, False)
    from zxcvbn import zxcvbn

    result = zxcvbn(passphrase[:SCORED_LENGTH], user_inputs=[h for h in hints if h])
    score = int(result["score"])
    feedback = result["feedback"]
    advice = " ".join(filter(None, [feedback.get("warning", ""), *feedback.get("suggestions", [])]))
    if len(passphrase) < MIN_LENGTH:
        advice = f"Use at least {MIN_LENGTH} characters. {TIP}"
        score = min(score, 1)
    acceptable = score >= MIN_SCORE and len(passphrase) >= MIN_LENGTH
    return Strength(score, LABELS[score], advice or ("" if acceptable else TIP), acceptable)


def check_new_passphrase(new: str, confirm: str, hints: tuple[str, ...] = ()) -> None:
    """Raise ValidationError unless ``new`` is strong enough and typed the same twice."""
    rating = strength(new, hints)
    if not rating.acceptable:
        raise errors.ValidationError(
            f"Please choose a stronger passphrase ({rating.label.lower() or 'empty'}). "
            f"{rating.advice}".strip()
        )
    if new != confirm:
        raise errors.ValidationError("The two passphrases are different. Type it again.")


def encrypt_store(
    store: Store, new: str, confirm: str, *, progress: Progress | None = None
) -> BackupKeys:
    """Encrypt a plain data file in place with ``new`` (copy, verify, swap), then every
    backup beside it; what happened to the backups is returned."""
    if store.encrypted:
        raise errors.ValidationError("This data file is already encrypted.")
    check_new_passphrase(new, confirm)
    _rewrite(store, None, new)
    return _backups_follow(store, None, new, "encrypted", progress)


def change_passphrase(
    store: Store, current: str, new: str, confirm: str, *, progress: Progress | None = None
) -> BackupKeys:
    """Re-key an encrypted data file (the current passphrase, then the new one twice), then
    the backups made with the current passphrase."""
    if not store.encrypted:
        raise errors.ValidationError("This data file has no passphrase yet; encrypt it first.")
    if not store.passphrase_matches(current):
        raise errors.WrongPassphrase("The current passphrase is not right. Nothing was changed.")
    check_new_passphrase(new, confirm)
    if new == current:
        raise errors.ValidationError("The new passphrase is the same as the current one.")
    _rewrite(store, current, new)
    return _backups_follow(store, current, new, "passphrase changed", progress)


def encrypt_plain_backups(store: Store, *, progress: Progress | None = None) -> BackupKeys:
    """Encrypt, with the data file's own passphrase, any backup left unencrypted beside an
    encrypted data file (one made before it was encrypted, or by an interrupted run)."""
    from relcom_desktop.core.store.backup_keys import BackupKeys, plain_backups, rekey_backups

    key = store._passphrase  # the key the store was opened with
    if not store.encrypted or not key:
        raise errors.ValidationError("Encrypt the data file first; its backups follow.")
    if not plain_backups(store.data_dir):
        return BackupKeys()
    done = rekey_backups(store.data_dir, None, key, progress)
    detail = f"{len(done.rekeyed)} unencrypted backups encrypted"
    audit.record(store, AuditKind.PASSPHRASE_CHANGE, "backups", detail=detail)
    return done


def _backups_follow(
    store: Store, old: str | None, new: str, what: str, progress: Progress | None
) -> BackupKeys:
    from relcom_desktop.core.store.backup_keys import rekey_backups

    done = rekey_backups(store.data_dir, old, new, progress)
    detail = f"{what}; {len(done.rekeyed)} backups re-written"
    audit.record(store, AuditKind.PASSPHRASE_CHANGE, "data file", detail=detail)
    return done


def _rewrite(store: Store, old: str | None, new: str) -> None:
    path = store.path
    copy = path.with_name(path.name + REWRITE_SUFFIX)
    remove_quietly(copy)
    store.engine.dispose()  # no pooled connection may keep the old key or the old file
    try:
        counts = export_keyed_copy(path, old, copy, new)
        verify_copy(copy, new, counts)
        crash_point("rekey:copied")
        for extra in (Path(f"{path}-wal"), Path(f"{path}-shm")):
            remove_quietly(extra)  # checkpointed and empty: they belong to the old file
        crash_point("rekey:logs")
        os.replace(copy, path)
        fsync_dir(path.parent)
        crash_point("rekey:replaced")
    except BaseException:
        remove_quietly(copy)
        store.reopen(old)
        raise
    store.reopen(new)
