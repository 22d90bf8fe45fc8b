"""Paths, the settings file and the database URL: resolved in one place, never at import time.

``MMTRACKER_HOME`` moves every folder (tests, portable installs); otherwise the
per-user folders of platformdirs are used.
"""

from __future__ import annotations

import getpass
import json
import os
import socket
import tomllib
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path

from platformdirs import user_config_path, user_data_path

from mmtracker.logic.policy import Policy, PolicyError, build_policy, read_specs

APP_NAME = "mmtracker"
HOME_ENV = "MMTRACKER_HOME"
DATABASE_ENV = "MMTRACKER_DATABASE_URL"
# The package data: the repository's resources/ folder, installed as this package.
RESOURCES_PACKAGE = "mmtracker.resources"
CLINIC_POLICY_FILE = "policy.toml"


@dataclass(frozen=True, slots=True)
class Paths:
    """Where the application keeps its files."""

    data: Path
    config: Path

    @property
    def database(self) -> Path:
        return self.data / "mmtracker.sqlite"

    @property
    def demo_database(self) -> Path:
        return self.data / "demo.sqlite"

    @property
    def backups(self) -> Path:
        return self.data / "backups"

    @property
    def settings_file(self) -> Path:
        return self.config / "settings.json"


def resource_path(*parts: str) -> Path:
    """A file or folder of the package data (policy, translation catalogues, icons).

    Found through importlib.resources, so the same call serves a checkout installed in
    editable mode (its resources/ folder), an installed wheel and a frozen build.
    """
    found = files(RESOURCES_PACKAGE)
    for part in parts:  # one part at a time: not every Traversable joins several
        found = found.joinpath(part)
    if not isinstance(found, Path):  # a zipped install: Qt needs files on disk
        raise RuntimeError(f"{RESOURCES_PACKAGE} is not installed as files on disk: {found}")
    return found


def paths() -> Paths:
    """The application's folders (created on first use)."""
    home = os.environ.get(HOME_ENV)
    if home:
        found = Paths(Path(home) / "data", Path(home) / "config")
    else:
        found = Paths(user_data_path(APP_NAME), user_config_path(APP_NAME))
    found.data.mkdir(parents=True, exist_ok=True)
    found.config.mkdir(parents=True, exist_ok=True)
    return found


def read_settings(where: Paths) -> dict[str, object]:
    """The settings file as a mapping; empty when there is none."""
    if not where.settings_file.exists():
        return {}
    loaded = json.loads(where.settings_file.read_text(encoding="utf-8"))
    if not isinstance(loaded, dict):
        raise ValueError(f"{where.settings_file}: expected a JSON object")
    return loaded


def sqlite_url(path: Path) -> str:
    """The SQLAlchemy URL of an SQLite file."""
    return f"sqlite:///{path}"


def database_url(flag: str | None, *, demo: bool = False) -> str:
    """The database to use: the flag, then MMTRACKER_DATABASE_URL, then settings, then the default.

    ``demo`` selects the separate demo database, which never mixes with real data.
    """
    where = paths()
    if demo:
        return flag or sqlite_url(where.demo_database)
    if flag:
        return flag
    if os.environ.get(DATABASE_ENV):
        return os.environ[DATABASE_ENV]
    configured = read_settings(where).get("database_url")
    if isinstance(configured, str) and configured:
        return configured
    return sqlite_url(where.database)


def actor() -> str:
    """Who is writing: the operating-system user at this workstation."""
    try:
        user = getpass.getuser()
    except (KeyError, OSError):
        user = "unknown"
    return f"{user}@{socket.gethostname()}"


def load_policy(clinic_file: Path | None = None) -> Policy:
    """The shipped care policy, with a clinic file's overrides.

    The clinic file is the one given, else ``policy.toml`` in the settings folder
    when it exists. Raises PolicyError (a ValueError) naming each refused key and
    its accepted range.
    """
    if clinic_file is None:
        default = paths().config / CLINIC_POLICY_FILE
        clinic_file = default if default.exists() else None
    shipped = tomllib.loads(resource_path("policy", "default.toml").read_text(encoding="utf-8"))
    overrides: dict[str, object] = {}
    if clinic_file is not None:
        try:
            overrides = tomllib.loads(clinic_file.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as exc:
            raise PolicyError([f"{clinic_file}: not a valid TOML file ({exc})"]) from None
    return build_policy(read_specs(shipped), overrides)
