"""The unlock prologue every command that opens a vault shares (``cli`` and the command
modules beside it): report a missing or damaged vault before asking for anything, read the
passphrase from ``--passphrase-file`` or the terminal, unlock as ``--officer``, and lock
again when the command is done, whatever happens."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from fieldapp.storage.session import Session
    from fieldapp.storage.vault import Vault


class Prompter(Protocol):
    """What ``cli.Prompter`` offers: a passphrase from a file or the terminal."""

    def passphrase(self, file: Path | None, what: str, *, confirm: bool = False) -> str: ...


def login(args: argparse.Namespace, vault: Vault, prompter: Prompter) -> Session:
    """Unlock ``vault`` as ``args.officer`` (the caller locks the session)."""
    vault.key_file()  # a missing or damaged vault is reported before asking for anything
    passphrase = prompter.passphrase(args.passphrase_file, f"Passphrase for {args.officer}")
    return vault.unlock(args.officer, passphrase)


@contextmanager
def unlocked(args: argparse.Namespace, vault: Vault, prompter: Prompter) -> Iterator[Session]:
    """``login``, locked again when the block ends."""
    session = login(args, vault, prompter)
    try:
        yield session
    finally:
        session.lock()
