"""User-facing error types. ``str(error)`` is a complete plain-English message."""

from __future__ import annotations


class RelcomError(Exception):
    """Base class: the message is shown to the user as is."""


class ValidationError(RelcomError):
    """The user's input breaks a rule (e.g. a placement ending before it starts)."""


class NotFoundError(RelcomError):
    """A record the user asked for does not exist (or is in the Trash)."""


class StoreError(RelcomError):
    """The data file could not be opened or used."""


class DataDirNotWritable(StoreError):
    pass


class NotADatabase(StoreError):
    pass


class NewerSchema(StoreError):
    pass


class StoreLocked(StoreError):
    pass


class WrongPassphrase(StoreError):
    pass


class CorruptStore(StoreError):
    pass


class DiskFull(StoreError):
    pass


class AlreadyOpen(StoreError):
    """Another running copy of RelCom Desktop has the data file open."""


class PassphraseNeeded(StoreError):
    """The data file is encrypted and no passphrase was given."""


class TransferError(RelcomError):
    """An export or import could not be done; nothing was written."""


def not_found(kind: str, record_id: object) -> NotFoundError:
    return NotFoundError(f"There is no {kind} with id {record_id}. It may have been deleted.")
