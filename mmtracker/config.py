"""Paths, the settings file and the database URL: resolved in one place, never at import time.

``MMTRACKER_HOME`` moves every folder (tests, portable installs); otherwise the
per-user folders of platformdirs are used.
"""

from __future__ import annotations

import dataclasses
import getpass
import json
import os
import re
import socket
import tomllib
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path

from platformdirs import user_config_path, user_data_path

from mmtracker.logic.policy import Policy, PolicyError, PolicySpec, build_policy, read_specs

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
    for folder in (found.data, found.config):
        folder.mkdir(mode=PRIVATE_FOLDER, parents=True, exist_ok=True)
        make_private(folder, PRIVATE_FOLDER)
    return found


PRIVATE_FOLDER = 0o700
PRIVATE_FILE = 0o600
PRIVATE_UMASK = 0o077
"""Every file the program makes is its owner's only: the database and its WAL, backups,
exports, PDFs and logs hold patient data (docs/security.md). On Windows the user's
profile folder, where these live, is the user's own."""


def make_private(path: Path, mode: int = PRIVATE_FILE) -> None:
    """Take group and other users' access off ``path`` (POSIX), when it is ours."""
    if os.name != "posix":
        return
    try:
        if path.stat().st_mode & 0o077:
            path.chmod(mode)
    except OSError:  # another's file, or gone meanwhile: left as it is
        pass


class SettingError(ValueError):
    """A database address, settings file or other value given by the user that cannot be used.

    The message names where the value came from (an option, an environment variable,
    the settings file); the command line answers it with exit code 2 (bad input).
    """


CLINIC_NAME_KEY = "clinic_name"
"""The settings file's key of the clinic's name, printed at the head of its documents."""


def clinic_name() -> str:
    """The clinic's name from the settings ("" when none is set or the file is unreadable)."""
    try:
        return str(read_settings(paths()).get(CLINIC_NAME_KEY, "") or "")
    except SettingError:
        return ""


def read_settings(where: Paths) -> dict[str, object]:
    """The settings file as a mapping; empty when there is none."""
    if not where.settings_file.exists():
        return {}
    try:
        loaded = json.loads(where.settings_file.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise SettingError(f"{where.settings_file}: not valid JSON: {exc}") from None
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
        raise SettingError(f"{where.settings_file}: cannot be read: {reason}") from None
    if not isinstance(loaded, dict):
        raise SettingError(f"{where.settings_file}: expected a JSON object")
    return loaded


def write_setting(key: str, value: object) -> None:
    """Set one key of the settings file (made when there is none), the others kept.

    Written to a file beside it, then moved over it: a settings file is never half written.
    """
    where = paths()
    settings = read_settings(where)
    if value is None or value == "":
        settings.pop(key, None)
    else:
        settings[key] = value
    where.settings_file.parent.mkdir(parents=True, exist_ok=True)
    partial = where.settings_file.with_suffix(".partial")
    partial.write_text(json.dumps(settings, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    partial.replace(where.settings_file)


def sqlite_url(path: Path) -> str:
    """The SQLAlchemy URL of an SQLite file."""
    return f"sqlite:///{path}"


@dataclass(frozen=True, slots=True)
class DatabaseChoice:
    """The database URL in use and where it was chosen."""

    url: str
    origin: str
    """The option, environment variable or settings file that named it, for messages."""
    default: bool
    """The per-user clinic or demo database, which may be created on first use."""


# The backends mmtracker runs on, and the shape of a URL naming one: ``sqlite://``,
# ``postgresql+psycopg://``. Checked without SQLAlchemy (the window checks before Qt starts).
BACKENDS = ("sqlite", "postgresql")
_URL_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9]*)(\+[A-Za-z0-9_]+)?://")
URL_EXAMPLES = "sqlite:////path/file.sqlite or postgresql://user@host/dbname"


DATABASE_TLS_KEY = "database_tls"
"""The settings file's key that lets a PostgreSQL URL to another machine connect without
TLS: ``"optional"`` (default ``"required"``; :func:`choose_database`)."""
DATABASE_TLS_VALUES = ("required", "optional")
SECURE_SSLMODES = ("require", "verify-ca", "verify-full")
LOCAL_HOSTS = frozenset({"", "localhost", "127.0.0.1", "::1"})  # "": libpq's Unix socket
_PSYCOPG_URL = re.compile(r"^postgresql(\+psycopg)?://")


def choose_database(flag: str | None, *, demo: bool = False) -> DatabaseChoice:
    """The database to use: the flag, then MMTRACKER_DATABASE_URL, then settings, then the default.

    ``demo`` selects the separate demo database, which never mixes with real data.
    A PostgreSQL server on another machine is reached over TLS only: its URL gets
    ``sslmode=require`` when it names no ``sslmode``, and one weaker than ``require`` is
    refused, unless the settings file's ``database_tls`` is ``"optional"``.
    Raises SettingError for a settings file that cannot be read, a ``database_url`` in it
    that holds a password, or a URL or ``database_tls`` refused by the TLS rule.
    """
    where = paths()
    choice = _chosen(flag, demo, where)
    if not _PSYCOPG_URL.match(choice.url):  # another driver is refused (url_problem)
        return choice
    remote, sslmode = _remote_host(choice.url), _sslmode(choice.url)
    if remote is None or sslmode in SECURE_SSLMODES or not _tls_required(where):
        return choice
    if sslmode is None:
        joint = "&" if "?" in choice.url else "?"
        return dataclasses.replace(choice, url=f"{choice.url}{joint}sslmode=require")
    raise SettingError(
        f"{choice.origin}: sslmode={sslmode} would let the connection to the PostgreSQL "
        f"server {remote} go unencrypted; sslmode accepts {', '.join(SECURE_SSLMODES[:-1])} "
        f"or {SECURE_SSLMODES[-1]} (left out, require is added), unless "
        f'"{DATABASE_TLS_KEY}": "optional" in {where.settings_file} allows it'
    )


def _tls_required(where: Paths) -> bool:
    """Whether the settings file requires TLS to a PostgreSQL server on another machine."""
    value = read_settings(where).get(DATABASE_TLS_KEY, DATABASE_TLS_VALUES[0])
    if value not in DATABASE_TLS_VALUES:
        raise SettingError(
            f"{DATABASE_TLS_KEY} in {where.settings_file}: expected "
            f"{' or '.join(map(repr, DATABASE_TLS_VALUES))}, not {value!r}"
        )
    return value == "required"


def _query(url: str) -> dict[str, list[str]]:
    from urllib.parse import parse_qs, urlsplit

    return parse_qs(urlsplit(url).query)


def _remote_host(url: str) -> str | None:
    """The first host of a PostgreSQL URL that is not this machine (its own, or one in
    ``host`` or ``hostaddr`` of its query, libpq's lists too); None when all are local (a
    Unix socket's folder too) or the URL cannot be read (then
    :func:`mmtracker.storage.engine.url_problem` says why)."""
    from urllib.parse import urlsplit

    try:
        parts = urlsplit(url)
        _port = parts.port  # ValueError for a port that is no number
    except ValueError:
        return None
    hosts = [parts.hostname or ""]
    query = _query(url)
    for value in query.get("host", []) + query.get("hostaddr", []):
        for host in value.split(","):
            if host.startswith("["):  # [IPv6]:port
                host = host[1 : host.find("]")]
            elif host.count(":") == 1:  # host:port
                host = host.split(":")[0]
            hosts.append(host)
    return next((h for h in hosts if h.lower() not in LOCAL_HOSTS and not h.startswith("/")), None)


def _sslmode(url: str) -> str | None:
    """The ``sslmode`` a URL gives libpq (its last, as libpq takes it); None when none."""
    found = _query(url).get("sslmode")
    return found[-1] if found else None


def holds_password(url: str) -> bool:
    """Whether ``url`` carries a password (``user:password@`` or ``?password=``)."""
    from urllib.parse import parse_qs, urlsplit

    try:
        parts = urlsplit(url)
        return bool(parts.password) or "password" in parse_qs(parts.query)
    except ValueError:  # no URL at all: its shape is refused later, naming where it came from
        return False


def _chosen(flag: str | None, demo: bool, where: Paths) -> DatabaseChoice:
    """The database's URL and where it came from (:func:`choose_database`)."""
    if flag:
        return DatabaseChoice(flag, "--database", default=False)
    if demo:
        return DatabaseChoice(sqlite_url(where.demo_database), "--demo", default=True)
    if os.environ.get(DATABASE_ENV):
        return DatabaseChoice(os.environ[DATABASE_ENV], DATABASE_ENV, default=False)
    configured = read_settings(where).get("database_url")
    origin = f"database_url in {where.settings_file}"
    if configured is not None and not isinstance(configured, str):
        raise SettingError(f"{origin}: expected a text such as {URL_EXAMPLES}, not {configured!r}")
    if configured and holds_password(configured):
        raise SettingError(
            f"{origin}: the URL holds a password, which the settings file must not keep: "
            "take it out of the URL and keep it in ~/.pgpass (mode 0600; libpq reads it "
            "itself) or in the system keyring (`mmtracker db password`)"
        )
    if configured:
        return DatabaseChoice(configured, origin, default=False)
    return DatabaseChoice(sqlite_url(where.database), "the default database", default=True)


def url_shape_problem(url: str) -> str | None:
    """Why ``url`` is no database URL mmtracker can use, judged by its shape alone; else None."""
    scheme = _URL_SCHEME.match(url)
    if scheme is None:
        problem = f"not a database URL: {url!r}; expected an SQLAlchemy URL such as {URL_EXAMPLES}"
        path = Path(url).expanduser()
        if path.is_file() or path.suffix in (".sqlite", ".sqlite3", ".db"):
            problem += f" (for the SQLite file {url}: {sqlite_url(path.resolve())})"
        return problem
    if scheme.group(1) not in BACKENDS:
        return (
            f"{url!r} names the database kind {scheme.group(1)!r}; mmtracker uses SQLite or "
            f"PostgreSQL, e.g. {URL_EXAMPLES}"
        )
    return None


def database_url(flag: str | None, *, demo: bool = False) -> str:
    """The URL of the database to use (:func:`choose_database`), its shape checked.

    Raises SettingError, naming where the URL came from, for a text that is no database
    URL or names another kind of database (:func:`url_shape_problem`); the command line
    checks further (:func:`mmtracker.workflows.checked_database_url`).
    """
    choice = choose_database(flag, demo=demo)
    problem = url_shape_problem(choice.url)
    if problem:
        raise SettingError(f"{choice.origin}: {problem}")
    return choice.url


_signed_in: str | None = None


def sign_in_as(name: str | None) -> None:
    """Make ``name`` (a user of the database, signed in) the actor of every write from now
    on; None: the operating system's user again."""
    global _signed_in
    _signed_in = name


def actor() -> str:
    """Who is writing: the user signed in, else the operating-system user at this
    workstation (a database without users, or a demo)."""
    if _signed_in is not None:
        return _signed_in
    try:
        user = getpass.getuser()
    except (KeyError, OSError):
        user = "unknown"
    return f"{user}@{socket.gethostname()}"


def clinic_policy_file() -> Path | None:
    """The clinic's policy file in the settings folder, when there is one."""
    found = paths().config / CLINIC_POLICY_FILE
    return found if found.exists() else None


def policy_specs() -> dict[str, PolicySpec]:
    """Every value the shipped policy declares: default, accepted range, source."""
    shipped = tomllib.loads(resource_path("policy", "default.toml").read_text(encoding="utf-8"))
    return read_specs(shipped)


def load_policy(clinic_file: Path | None = None) -> Policy:
    """The shipped care policy, with a clinic file's overrides.

    The clinic file is the one given, else ``policy.toml`` in the settings folder
    when it exists. Raises PolicyError (a ValueError) naming each refused key and
    its accepted range, or the clinic file that cannot be read.
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
        except (OSError, UnicodeDecodeError) as exc:
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
            raise PolicyError([f"{clinic_file}: cannot be read: {reason}"]) from None
    return build_policy(read_specs(shipped), overrides)
