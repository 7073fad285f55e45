"""``relcom encrypt``: encrypt an unencrypted data file in place with RELCOM_PASSPHRASE."""

from __future__ import annotations

import argparse

from relcom_desktop.commands import data_dir, passphrase


def register(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    cmd = commands.add_parser(
        "encrypt",
        parents=[common],
        help="encrypt an unencrypted data file in place (passphrase from RELCOM_PASSPHRASE)",
        description="The file is copied, the copy encrypted and checked row by row, and only "
        "then swapped in; if anything fails the original is untouched. Make a backup first.",
    )
    cmd.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from relcom_desktop.core import encryption, errors
    from relcom_desktop.core.db import open_store

    secret = passphrase()
    if secret is None:
        raise errors.ValidationError("Set RELCOM_PASSPHRASE to the passphrase to encrypt with.")
    store = open_store(data_dir(args))
    try:
        encryption.encrypt_store(store, secret, secret)
    finally:
        store.close()
    print("The data file is now encrypted.")
    return 0
