"""``relcom encrypt``: encrypt an unencrypted data file, and its backups, with RELCOM_PASSPHRASE."""

from __future__ import annotations

import argparse

from relcom_desktop.commands import open_data, passphrase


def register(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    cmd = commands.add_parser(
        "encrypt",
        parents=[common],
        help="encrypt an unencrypted data file and its backups (passphrase: RELCOM_PASSPHRASE)",
        description="The file is copied, the copy encrypted and checked row by row, and only "
        "then swapped in; if anything fails the original is untouched. Every backup is then "
        "encrypted the same way, one by one. On a file that is already encrypted, any backup "
        "still unencrypted is encrypted with the file's passphrase.",
    )
    cmd.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from relcom_desktop.core import errors
    from relcom_desktop.core.store import encryption

    secret = passphrase()
    if secret is None:
        raise errors.ValidationError("Set RELCOM_PASSPHRASE to the passphrase to encrypt with.")
    store = open_data(args, existing=True)
    try:
        if store.encrypted:
            done = encryption.encrypt_plain_backups(store)
            message = "The data file is already encrypted."
        else:
            done = encryption.encrypt_store(store, secret, secret)
            message = "The data file is now encrypted."
    finally:
        store.close()
    print(f"{message} {done.summary}".strip())
    if done.exposed:
        names = ", ".join(path.name for path in done.exposed)
        raise errors.StoreError(
            f"These backups could not be encrypted and can still be read without a "
            f"passphrase: {names}. Delete them (or move them somewhere safe)."
        )
    return 0
