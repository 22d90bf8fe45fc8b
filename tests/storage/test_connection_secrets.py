"""PostgreSQL connection secrets (issue 13): the password never in settings.json, taken
from the system keyring into the connection (never into the URL), ``mmtracker db
password`` keeping and forgetting it; TLS required to another machine unless the settings
make it optional, and libpq given the sslmode."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail
from keyring.errors import KeyringLocked, PasswordDeleteError
from sqlalchemy import Engine, event, text
from sqlalchemy.exc import OperationalError

from mmtracker import cli
from mmtracker.config import SettingError, choose_database, database_url, paths
from mmtracker.storage.engine import make_engine

SECRET = "Tr0ub4dor&3"
REMOTE = "postgresql://ann@db.example.org:5433/clinic"
REMOTE_KEY = "ann@db.example.org:5433/clinic"


class MemoryKeyring(KeyringBackend):
    """A system keyring in memory."""

    priority = 1  # chosen before any other

    def __init__(self) -> None:
        super().__init__()
        self.kept: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.kept.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.kept[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.kept.pop((service, username), None) is None:
            raise PasswordDeleteError(username)


class LockedKeyring(MemoryKeyring):
    """A keyring that cannot be read (a locked Secret Service, say)."""

    def get_password(self, service: str, username: str) -> str | None:
        raise KeyringLocked("the collection is locked")


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    before = keyring.get_keyring()
    kept = MemoryKeyring()
    keyring.set_keyring(kept)
    yield kept
    keyring.set_keyring(before)


@pytest.fixture
def cluster_url(postgres_cluster: Any) -> str:
    """The URL of the test cluster's ``postgres`` database (trust authentication)."""
    return str(postgres_cluster.url("postgres"))


def connect_params(engine: Engine) -> dict[str, Any]:
    """The keyword arguments psycopg connects with, on a real connection."""
    seen: dict[str, Any] = {}

    @event.listens_for(engine, "do_connect")
    def _seen(_dialect: Any, _record: Any, _args: Any, params: dict[str, Any]) -> None:
        seen.update(params)

    with engine.connect() as conn:
        conn.execute(text("SELECT 1"))
    engine.dispose()
    return seen


def settings(**values: object) -> Path:
    where = paths().settings_file
    where.write_text(json.dumps(values), encoding="utf-8")
    return where


def private_file(folder: Path, content: str) -> Path:
    file = folder / "pw"
    file.write_text(content + "\n", encoding="utf-8")
    file.chmod(0o600)
    return file


# --- the password from the keyring ------------------------------------------------------


@pytest.mark.postgres
def test_the_keyring_password_reaches_the_connection_not_the_url(
    memory_keyring: MemoryKeyring, cluster_url: str
) -> None:
    memory_keyring.set_password("mmtracker", f"postgres@{cluster_url.split('@')[1]}", SECRET)
    engine = make_engine(cluster_url)
    assert connect_params(engine)["password"] == SECRET
    assert SECRET not in engine.url.render_as_string(hide_password=False)
    assert engine.url.password is None


@pytest.mark.postgres
@pytest.mark.parametrize("unusable", [fail.Keyring, LockedKeyring])
def test_an_unusable_keyring_is_skipped(unusable: type[KeyringBackend], cluster_url: str) -> None:
    before = keyring.get_keyring()
    keyring.set_keyring(unusable())
    try:
        assert "password" not in connect_params(make_engine(cluster_url))
    finally:
        keyring.set_keyring(before)


@pytest.mark.postgres
def test_a_password_in_the_url_wins_over_the_keyring(
    memory_keyring: MemoryKeyring, cluster_url: str
) -> None:
    memory_keyring.set_password("mmtracker", f"postgres@{cluster_url.split('@')[1]}", SECRET)
    given = cluster_url.replace("postgres@", "postgres:given@")
    assert connect_params(make_engine(given))["password"] == "given"


# --- never in the settings file ---------------------------------------------------------


@pytest.mark.parametrize(
    "url", [f"postgresql://ann:{SECRET}@db.example.org/clinic", f"{REMOTE}?password={SECRET}"]
)
def test_a_password_in_the_settings_file_is_refused(url: str) -> None:
    where = settings(database_url=url)
    for choose in (choose_database, database_url):
        with pytest.raises(SettingError) as refused:
            choose(None)
        said = str(refused.value)
        assert said.startswith(f"database_url in {where}: the URL holds a password")
        assert "~/.pgpass (mode 0600" in said
        assert "`mmtracker db password`" in said
        assert SECRET not in said


def test_the_flag_and_the_environment_may_carry_a_password(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    url = f"postgresql://ann:{SECRET}@localhost/clinic"
    settings(database_url="postgresql://ann@localhost/clinic")
    assert choose_database(url).url == url
    monkeypatch.setenv("MMTRACKER_DATABASE_URL", url)
    assert choose_database(None).url == url


# --- TLS --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("given", "used"),
    [
        (REMOTE, f"{REMOTE}?sslmode=require"),
        (f"{REMOTE}?connect_timeout=5", f"{REMOTE}?connect_timeout=5&sslmode=require"),
        (f"{REMOTE}?sslmode=verify-full", f"{REMOTE}?sslmode=verify-full"),
        ("postgresql:///clinic?host=10.1.2.3:5433", "postgresql:///clinic?host=10.1.2.3:5433&sslmode=require"),
        ("postgresql://ann@localhost/clinic", "postgresql://ann@localhost/clinic"),
        ("postgresql://ann@127.0.0.1:5433/clinic", "postgresql://ann@127.0.0.1:5433/clinic"),
        ("postgresql://ann@[::1]/clinic?sslmode=disable", "postgresql://ann@[::1]/clinic?sslmode=disable"),
        ("postgresql:///clinic", "postgresql:///clinic"),
        ("postgresql:///clinic?host=/run/postgresql", "postgresql:///clinic?host=/run/postgresql"),
    ],
)  # fmt: skip
def test_another_machine_is_reached_over_tls(given: str, used: str) -> None:
    assert choose_database(given).url == used


@pytest.mark.parametrize("weak", ["disable", "allow", "prefer"])
def test_a_weaker_sslmode_to_another_machine_is_refused(
    weak: str, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"{REMOTE}?sslmode={weak}"
    with pytest.raises(SettingError) as refused:
        choose_database(url)
    said = str(refused.value)
    assert said.startswith(f"--database: sslmode={weak} would let the connection to the ")
    assert "sslmode accepts require, verify-ca or verify-full" in said
    assert f'"database_tls": "optional" in {paths().settings_file}' in said
    settings(database_url=url)
    assert cli.main(["db", "check"]) == cli.EXIT_BAD_INPUT
    assert (
        f"error: database_url in {paths().settings_file}: sslmode={weak}" in capsys.readouterr().err
    )


def test_the_settings_may_make_tls_optional() -> None:
    settings(database_tls="optional")
    for url in (f"{REMOTE}?sslmode=disable", REMOTE):
        assert choose_database(url).url == url
    settings(database_tls="never")
    with pytest.raises(
        SettingError, match=r"database_tls in .*: expected 'required' or 'optional'"
    ):
        choose_database(REMOTE)


@pytest.mark.postgres
def test_libpq_is_given_the_sslmode(postgres_cluster: Any) -> None:
    """The test cluster has no TLS: a connection that requires it fails, whether the URL
    says so or the rule added it (a remote host name, reached at 127.0.0.1 by hostaddr)."""
    port = postgres_cluster.port
    for given in (
        f"postgresql://postgres@127.0.0.1:{port}/postgres?sslmode=require",
        f"postgresql://postgres@db.example.org:{port}/postgres?hostaddr=127.0.0.1",
    ):
        engine = make_engine(choose_database(given).url)
        with pytest.raises(OperationalError, match="server does not support SSL"):
            engine.connect()
        engine.dispose()
    unchecked = f"postgresql://postgres@db.example.org:{port}/postgres?hostaddr=127.0.0.1"
    assert "sslmode" not in connect_params(make_engine(unchecked))  # connects without TLS


# --- mmtracker db password --------------------------------------------------------------


@pytest.mark.postgres
def test_db_password_keeps_the_password_for_the_connection(
    memory_keyring: MemoryKeyring,
    cluster_url: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    file = private_file(tmp_path, SECRET)
    command = ["db", "password", "--database", cluster_url]
    assert cli.main([*command, "--new-password-file", str(file)]) == cli.EXIT_OK
    key = f"postgres@{cluster_url.split('@')[1]}"
    assert capsys.readouterr().out == f"password of {key} kept in the system keyring\n"
    assert memory_keyring.kept == {("mmtracker", key): SECRET}
    assert connect_params(make_engine(cluster_url))["password"] == SECRET

    assert cli.main([*command, "--forget"]) == cli.EXIT_OK
    assert capsys.readouterr().out == f"password of {key} taken out of the keyring\n"
    assert memory_keyring.kept == {}
    assert cli.main([*command, "--forget"]) == cli.EXIT_OK
    assert capsys.readouterr().out == f"password of {key} was not in the keyring\n"


def test_db_password_asks_twice_at_a_terminal(
    memory_keyring: MemoryKeyring, monkeypatch: pytest.MonkeyPatch
) -> None:
    typed = iter([SECRET, SECRET, SECRET, "typo"])
    monkeypatch.setattr("getpass.getpass", lambda _prompt: next(typed))
    monkeypatch.setattr(sys, "stdin", type("Tty", (), {"isatty": lambda _self: True})())
    assert cli.main(["db", "password", "--database", REMOTE]) == cli.EXIT_OK
    assert memory_keyring.kept == {("mmtracker", REMOTE_KEY): SECRET}
    memory_keyring.kept.clear()
    assert cli.main(["db", "password", "--database", REMOTE]) == cli.EXIT_BAD_INPUT
    assert memory_keyring.kept == {}


@pytest.mark.parametrize(
    ("database", "said"),
    [
        ("sqlite:///{tmp}/clinic.sqlite", "keeps the password of a PostgreSQL database"),
        (f"postgresql://ann:{SECRET}@db.example.org/clinic", "the database URL holds a password"),
    ],
)
def test_db_password_refuses_a_url_without_a_password_to_keep(
    database: str,
    said: str,
    memory_keyring: MemoryKeyring,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    file = private_file(tmp_path, SECRET)
    url = database.format(tmp=tmp_path)
    assert cli.main(["db", "password", "--database", url, "--new-password-file", str(file)]) == 2
    assert said in capsys.readouterr().err
    assert memory_keyring.kept == {}


def test_db_password_without_a_keyring_names_pgpass(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        file = private_file(tmp_path, SECRET)
        command = ["db", "password", "--database", REMOTE, "--new-password-file", str(file)]
        assert cli.main(command) == cli.EXIT_FAILURE
    finally:
        keyring.set_keyring(before)
    err = capsys.readouterr().err
    assert err.startswith("error: no system keyring can keep the password")
    assert "keep it in ~/.pgpass (mode 0600" in err


def test_pg_dump_is_given_the_keyring_password_in_a_private_passfile(
    memory_keyring: MemoryKeyring, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """libpq reads no keyring: ``db backup`` hands pg_dump the password in a passfile of its
    own (0600, its separators escaped), gone once pg_dump ends. A stand-in pg_dump records
    what it was given."""
    from mmtracker.storage.backups import pg_dump_backup

    seen = tmp_path / "seen"
    program = tmp_path / "bin" / "pg_dump"
    program.parent.mkdir()
    program.write_text(
        "#!/bin/sh\n"
        f'stat -c %a "$PGPASSFILE" > {seen}; cat "$PGPASSFILE" >> {seen}\n'
        f'echo "$PGPASSFILE" >> {seen}\n'
    )
    program.chmod(0o700)
    monkeypatch.setenv("PATH", f"{program.parent}:/usr/bin:/bin")
    memory_keyring.set_password("mmtracker", REMOTE_KEY, "a:b\\c")
    pg_dump_backup(REMOTE + "?sslmode=require", tmp_path / "backups")
    mode, line, passfile = seen.read_text().splitlines()
    assert (mode, line) == ("600", "*:*:*:*:a\\:b\\\\c")
    assert not Path(passfile).exists()
