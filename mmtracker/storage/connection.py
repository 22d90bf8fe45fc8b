"""The PostgreSQL password from the system keyring (``mmtracker db password``).

A PostgreSQL URL without a password gets the one kept in the system keyring (service
``mmtracker``, user name ``user@host:port/dbname``: :func:`keyring_username`) as a
connection argument, never in the URL, so no label or log shows it. A keyring that is
missing or fails is skipped: libpq then reads ``~/.pgpass`` itself. (TLS to another
machine is required where the URL is chosen, :func:`mmtracker.config.choose_database`,
beside the settings that may relax it.)
"""

from __future__ import annotations

import getpass
from typing import TYPE_CHECKING

from mmtracker.storage.engine import StorageError

if TYPE_CHECKING:
    from sqlalchemy.engine import URL

KEYRING_SERVICE = "mmtracker"
PGPASS_HINT = "~/.pgpass (mode 0600, a line host:port:dbname:user:password; libpq reads it)"
DEFAULT_PORT = 5432


class KeyringUnavailable(StorageError):
    """The system keyring cannot keep a password; the message names ~/.pgpass instead."""


def keyring_username(url: URL) -> str:
    """The keyring's user name of the URL's password: ``user@host:port/dbname``, with
    libpq's defaults for what the URL leaves out (this account's name, localhost, 5432,
    the user's name as the database)."""
    user = url.username or getpass.getuser()
    host = url.host or "localhost"
    return f"{user}@{host}:{url.port or DEFAULT_PORT}/{url.database or user}"


def keyring_password(url: URL) -> str | None:
    """The password the system keyring keeps for ``url``; None when it keeps none or there
    is no usable keyring (libpq then tries ~/.pgpass)."""
    import keyring
    from keyring.errors import KeyringError

    try:
        return keyring.get_password(KEYRING_SERVICE, keyring_username(url))
    except KeyringError:  # no backend (NoKeyringError), a locked or broken one
        return None


def store_password(url: URL, password: str) -> None:
    """Keep ``password`` in the system keyring for ``url``'s user, host, port and database.

    Raises KeyringUnavailable when there is no keyring to keep it in.
    """
    import keyring
    from keyring.errors import KeyringError

    try:
        keyring.set_password(KEYRING_SERVICE, keyring_username(url), password)
    except KeyringError as exc:
        raise KeyringUnavailable(_unavailable(exc)) from None


def forget_password(url: URL) -> bool:
    """Take ``url``'s password out of the system keyring; False when none was kept.

    Raises KeyringUnavailable when there is no keyring to ask.
    """
    import keyring
    from keyring.errors import KeyringError, PasswordDeleteError

    try:
        keyring.delete_password(KEYRING_SERVICE, keyring_username(url))
    except PasswordDeleteError:  # a KeyringError too: first
        return False
    except KeyringError as exc:
        raise KeyringUnavailable(_unavailable(exc)) from None
    return True


def _unavailable(exc: Exception) -> str:
    return f"no system keyring can keep the password ({exc}); keep it in {PGPASS_HINT} instead"
