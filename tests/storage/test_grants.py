"""The workstations' PostgreSQL role (``mmtracker db grant``, issue 13): connected as that
role the application reads, saves and appends to the audit's chain, but cannot change or
empty the audit nor change the schema; granting again is idempotent and catches up with a
new table; names, roles with more rights, SQLite and non-administrators are refused."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from argon2 import PasswordHasher
from sqlalchemy import Engine, text
from sqlalchemy.exc import DBAPIError

from mmtracker import cli
from mmtracker.storage import users
from mmtracker.storage.audit_chain import verify_chain
from mmtracker.storage.engine import StorageError, make_engine
from mmtracker.storage.grants import grant_workstation_role, role_problem
from mmtracker.storage.services import add_entry, create_patient
from mmtracker.storage.users import Role, create_user

ON_POSTGRESQL = pytest.mark.parametrize(
    "backend", [pytest.param("postgresql", marks=pytest.mark.postgres)]
)
PATIENT = {"mrn": "G-1", "name": "Gu", "sex": "F", "date_of_birth": "1950-01-02"}
PASSWORD = "correct horse battery"


@pytest.fixture
def role(engine: Engine) -> Iterator[str]:
    """A role name of this test's own (roles are the cluster's); dropped with its grants."""
    name = f"ws_{uuid.uuid4().hex[:10]}"
    yield name
    with engine.begin() as conn:
        if conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": name}).first():
            conn.execute(text(f'DROP OWNED BY "{name}"'))  # its grants here and on the database
            conn.execute(text(f'DROP ROLE "{name}"'))


@pytest.fixture
def as_role(engine: Engine, role: str) -> Iterator[Engine]:
    """An engine on the same database connected as ``role`` (trust authentication)."""
    grant_workstation_role(engine, role, None)
    url = engine.url.set(username=role).render_as_string(hide_password=False)
    workstation = make_engine(url)
    yield workstation
    workstation.dispose()


def refused(workstation: Engine, statement: str) -> None:
    """Assert that PostgreSQL refuses ``statement`` to the role for want of privilege."""
    with workstation.begin() as conn, pytest.raises(DBAPIError) as caught:
        conn.execute(text(statement))
    assert isinstance(caught.value.orig, psycopg.errors.InsufficientPrivilege), caught.value


def table_grants(engine: Engine, role: str) -> dict[str, set[str]]:
    with engine.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT table_name, privilege_type FROM information_schema.role_table_grants"
                " WHERE grantee = :role"
            ),
            {"role": role},
        ).all()
    found: dict[str, set[str]] = {}
    for table, privilege in rows:
        found.setdefault(table, set()).add(privilege)
    return found


@ON_POSTGRESQL
def test_the_role_reads_and_saves_through_the_services_chaining_the_audit(
    engine: Engine, as_role: Engine
) -> None:
    first = create_patient(engine, PATIENT, "owner").patient_id
    with as_role.connect() as conn:
        assert conn.execute(text("SELECT mrn FROM patient")).scalars().all() == ["G-1"]
        assert conn.execute(text("SELECT current_user")).scalar_one() != "postgres"
    add_entry(as_role, first, "weights", {"date": "2025-01-02", "weight_kg": 60.0}, "nurse@ws")
    second = create_patient(as_role, {**PATIENT, "mrn": "G-2"}, "nurse@ws").patient_id
    with as_role.connect() as conn:
        actors = conn.execute(text("SELECT actor FROM audit ORDER BY id")).scalars().all()
        report = verify_chain(conn)
    assert actors == ["owner", "nurse@ws", "nurse@ws"]
    assert report.ok, report.broken
    assert report.rows == 3
    assert second == first + 1  # the sequence drawn from by the role


@ON_POSTGRESQL
@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE audit SET reason = 'edited'",
        "DELETE FROM audit",
        "TRUNCATE audit",
        "UPDATE alembic_version SET version_num = 'x'",
        "TRUNCATE patient",
        "CREATE TABLE notes (id int)",
        "ALTER TABLE patient ADD COLUMN note text",
        "DROP TABLE audit",
        "CREATE SCHEMA private",
    ],
)
def test_the_role_cannot_change_the_audit_nor_the_schema(
    engine: Engine, as_role: Engine, statement: str
) -> None:
    create_patient(engine, PATIENT, "owner")
    refused(as_role, statement)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*), max(reason) FROM audit")).one() == (1, None)


@ON_POSTGRESQL
def test_granting_again_changes_nothing_and_catches_up(
    engine: Engine, role: str, as_role: Engine
) -> None:
    once = table_grants(engine, role)
    assert once["audit"] == {"SELECT", "INSERT"}
    assert once["alembic_version"] == {"SELECT"}
    assert once["patient"] == {"SELECT", "INSERT", "UPDATE", "DELETE"}
    done = grant_workstation_role(engine, role, None)
    assert done[0] == f"role {role} exists"
    assert table_grants(engine, role) == once
    with engine.begin() as conn:  # an upgrade's new table; a grant made by hand
        conn.execute(text("CREATE TABLE new_things (id int)"))
        conn.execute(text(f'GRANT UPDATE, DELETE ON audit TO "{role}"'))
    try:
        grant_workstation_role(engine, role, None)
        grants = table_grants(engine, role)
        with as_role.begin() as conn:
            conn.execute(text("INSERT INTO new_things VALUES (1)"))
    finally:
        with engine.begin() as conn:
            conn.execute(text("DROP TABLE new_things"))
    assert grants == {**once, "new_things": {"SELECT", "INSERT", "UPDATE", "DELETE"}}


@ON_POSTGRESQL
def test_a_password_is_sent_hashed(engine: Engine, role: str) -> None:
    secret = "it's; DROP ROLE postgres; --"
    done = grant_workstation_role(engine, role, secret)
    assert done == [f"role {role} created (LOGIN)", f"password of {role} set", *done[2:]]
    with engine.connect() as conn:
        stored = conn.execute(
            text("SELECT rolpassword FROM pg_authid WHERE rolname = :r"), {"r": role}
        ).scalar_one()
    assert stored.startswith("SCRAM-SHA-256$4096:")
    assert secret not in stored


@ON_POSTGRESQL
def test_create_in_schema_public_is_taken_from_every_role(engine: Engine, role: str) -> None:
    """As PostgreSQL before 15 granted it, and a database made by one may still have it."""
    with engine.begin() as conn:
        conn.execute(text("GRANT CREATE ON SCHEMA public TO PUBLIC"))
    done = grant_workstation_role(engine, role, None)
    assert "CREATE on schema public revoked from PUBLIC (every role)" in done
    with engine.connect() as conn:
        assert not conn.execute(
            text("SELECT has_schema_privilege(:r, 'public', 'CREATE')"), {"r": role}
        ).scalar_one()


@ON_POSTGRESQL
def test_a_grant_to_every_role_that_would_leak_is_refused(engine: Engine, role: str) -> None:
    with engine.begin() as conn:
        conn.execute(text("GRANT DELETE ON audit TO PUBLIC"))
    try:
        with pytest.raises(StorageError, match="could still update, delete or empty audit"):
            grant_workstation_role(engine, role, None)
    finally:
        with engine.begin() as conn:
            conn.execute(text("REVOKE DELETE ON audit FROM PUBLIC"))
    with engine.connect() as conn:  # nothing done: the role was not even made
        assert (
            conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": role}).first()
            is None
        )


@ON_POSTGRESQL
def test_a_role_with_more_rights_is_refused(engine: Engine, role: str) -> None:
    with engine.begin() as conn:
        conn.execute(text(f'CREATE ROLE "{role}" LOGIN CREATEDB'))
    with pytest.raises(StorageError, match=f"the role {role} has CREATEDB"):
        grant_workstation_role(engine, role, None)
    assert table_grants(engine, role) == {}


@ON_POSTGRESQL
def test_only_the_owner_grants_and_never_to_itself(
    engine: Engine, role: str, as_role: Engine
) -> None:
    with pytest.raises(StorageError, match=f"owner postgres, not as {role}"):
        grant_workstation_role(as_role, "another_ws", None)
    with engine.connect() as conn:
        database = conn.execute(text("SELECT current_database()")).scalar_one()
    with engine.begin() as conn:
        conn.execute(text(f'ALTER DATABASE "{database}" OWNER TO "{role}"'))
    try:
        with pytest.raises(StorageError, match="need a role of their own"):
            grant_workstation_role(engine, role, None)
    finally:
        with engine.begin() as conn:
            conn.execute(text(f'ALTER DATABASE "{database}" OWNER TO postgres'))


@pytest.mark.parametrize(
    "name", ["Nurses", "1ws", "w" * 64, "ws-1", "ws;drop", "", "postgres", "public", "pg_ws"]
)
def test_a_bad_role_name_is_refused(name: str) -> None:
    assert role_problem(name) is not None
    with pytest.raises(ValueError, match="ROLE"):
        grant_workstation_role(make_engine("postgresql://u@127.0.0.1:1/x"), name, None)


def test_a_good_role_name_is_taken() -> None:
    assert role_problem("_ws_" + "w" * 59) is None


def test_sqlite_is_refused(sqlite_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["db", "grant", "workstation", "--database", sqlite_url]) == cli.EXIT_BAD_INPUT
    assert "PostgreSQL" in capsys.readouterr().err
    assert cli.main(["db", "grant", "Workstation", "--database", sqlite_url]) == cli.EXIT_BAD_INPUT
    assert "ROLE 'Workstation'" in capsys.readouterr().err


@ON_POSTGRESQL
def test_the_command_needs_an_administrator(
    engine: Engine,
    role: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setattr(users, "HASHER", PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))
    create_user(engine, "admin", "Ada Admin", Role.ADMINISTRATOR, PASSWORD, "root@ws")
    create_user(engine, "li.na", "Li Na", Role.NURSE, PASSWORD, "admin")
    secrets = tmp_path / "secrets"
    secrets.mkdir(mode=0o700)
    own, roles = secrets / "own", secrets / "role"
    for file in (own, roles):
        file.write_text(PASSWORD + "\n", encoding="utf-8")
        file.chmod(0o600)
    url = engine.url.render_as_string(hide_password=False)
    command = ["--password-file", str(own), "db", "grant", role, "--database", url]

    assert cli.main(["--user", "li.na", *command]) == cli.EXIT_FAILURE
    assert "granting a database role needs the role administrator" in capsys.readouterr().err
    assert table_grants(engine, role) == {}

    assert cli.main(["--user", "admin", *command, "--new-password-file", str(roles)]) == cli.EXIT_OK
    said = capsys.readouterr().out.splitlines()
    assert said[:2] == [f"role {role} created (LOGIN)", f"password of {role} set"]
    assert "SELECT, INSERT on audit (no UPDATE, DELETE or TRUNCATE)" in said
    assert table_grants(engine, role)["audit"] == {"SELECT", "INSERT"}


@ON_POSTGRESQL
def test_a_role_that_cannot_read_the_users_is_not_let_in_without_signing_in(
    engine: Engine, role: str, as_role: Engine, capsys: pytest.CaptureFixture[str]
) -> None:
    """A table added after `db grant` is closed to the role: the sign-in check fails closed
    (the error said), never as "this database has no users"."""
    create_user(engine, "admin", "Ada Admin", Role.ADMINISTRATOR, PASSWORD, "root@ws")
    with engine.begin() as conn:
        conn.execute(text(f'REVOKE ALL ON TABLE app_user FROM "{role}"'))
    url = as_role.url.render_as_string(hide_password=False)
    assert cli.main(["worklist", "--database", url]) != cli.EXIT_OK
    assert "permission denied" in capsys.readouterr().err
