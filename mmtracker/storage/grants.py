"""The PostgreSQL role of the clinic's workstations (``mmtracker db grant``).

The workstations connect as a role that may do what the application does and no more:
connect to the database, use schema ``public``, read and write every table but the audit,
which it may only read and append to (never update, delete or empty), read the schema
version, and draw from the sequences. It owns nothing and may create nothing in the
database or schema ``public``, so it can neither change nor drop a table. Run again (after
``db upgrade`` above all), :func:`grant_workstation_role` brings the grants up to date:
each table's privileges are revoked and granted anew in one transaction.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from mmtracker.storage.engine import StorageError

if TYPE_CHECKING:
    from sqlalchemy import Connection, Engine

AUDIT_TABLE = "audit"
VERSION_TABLE = "alembic_version"
_ROLE_NAME = re.compile(r"[a-z_][a-z0-9_]{0,62}")
# PostgreSQL's own roles and names that cannot name a role.
RESERVED_ROLES = frozenset(
    {"postgres", "public", "none", "current_role", "current_user", "session_user"}
)
# Role attributes that give more than the workstations need.
_POWERS = {
    "rolsuper": "SUPERUSER",
    "rolcreatedb": "CREATEDB",
    "rolcreaterole": "CREATEROLE",
    "rolreplication": "REPLICATION",
    "rolbypassrls": "BYPASSRLS",
}


def role_problem(role: str) -> str | None:
    """Why ``role`` cannot name the workstations' role; None when it can."""
    if not _ROLE_NAME.fullmatch(role):
        return (
            f"ROLE {role!r}: expected a PostgreSQL role name of 1 to 63 lower-case letters "
            "a-z, digits and _, not starting with a digit"
        )
    if role in RESERVED_ROLES or role.startswith("pg_"):
        return f"ROLE {role!r}: PostgreSQL keeps that name (postgres, public, pg_…) for itself"
    return None


def grant_workstation_role(engine: Engine, role: str, password: str | None) -> list[str]:
    """Make ``role`` (LOGIN, made when missing) the workstations' role of ``engine``'s
    PostgreSQL database, connected as the database's owner; ``password`` set when given.

    Returns what was done, a line each. Raises ValueError for a bad role name or a database
    that is not PostgreSQL, StorageError when the connection is not the owner's or the role
    would hold more than the workstations need.
    """
    problem = role_problem(role)
    if problem is not None:
        raise ValueError(problem)
    if engine.dialect.name != "postgresql":
        raise ValueError("db grant gives a PostgreSQL role its rights; SQLite has no roles")
    with engine.begin() as conn:
        may_create_roles = _owner_connected(conn, role)
        done = _role(conn, role, password, may_create_roles)
        done += _grants(conn, role)
        _verify(conn, role)
    return done


def _run(conn: Connection, statement: str, *names: str, literal: str | None = None) -> None:
    """Run a statement whose ``{}`` are the quoted ``names`` (then ``literal``, quoted)."""
    from psycopg import sql

    parts: list[sql.Composable] = [sql.Identifier(name) for name in names]
    if literal is not None:
        parts.append(sql.Literal(literal))
    driver: Any = conn.connection.driver_connection  # in the transaction of ``conn``
    driver.execute(sql.SQL(statement).format(*parts))


def _owner_connected(conn: Connection, role: str) -> bool:
    """Refuse unless connected as the database's owner (or a superuser), and ``role`` is
    another role; whether the connection may create and alter roles."""
    from sqlalchemy import text

    found = conn.execute(
        text(
            "SELECT current_user, pg_get_userbyid(d.datdba), r.rolsuper, r.rolcreaterole"
            " FROM pg_database d, pg_roles r"
            " WHERE d.datname = current_database() AND r.rolname = current_user"
        )
    ).one()
    user, owner, superuser, createrole = found
    if user != owner and not superuser:
        raise StorageError(
            f"db grant must connect as the database's owner {owner}, not as {user}: "
            "give --database a URL with that user"
        )
    if role in (user, owner):
        raise StorageError(
            f"ROLE {role!r} is the database's owner or the role connected; the workstations "
            "need a role of their own, which owns nothing"
        )
    return bool(superuser or createrole)


def _role(conn: Connection, role: str, password: str | None, may_create: bool) -> list[str]:
    """Make ``role`` when missing, refuse one that holds more than it needs, set its
    password; what was done."""
    from sqlalchemy import text

    found = (
        conn.execute(
            text(
                "SELECT r.*, (SELECT string_agg(g.rolname, ', ') FROM pg_auth_members m"
                "   JOIN pg_roles g ON g.oid = m.roleid WHERE m.member = r.oid) AS member_of,"
                " (SELECT count(*) FROM pg_class c WHERE c.relowner = r.oid)"
                " + (SELECT count(*) FROM pg_namespace n WHERE n.nspowner = r.oid) AS owns"
                " FROM pg_roles r WHERE r.rolname = :role"
            ),
            {"role": role},
        )
        .mappings()
        .one_or_none()
    )
    altered = found is None or password is not None or not found["rolcanlogin"]
    if altered and not may_create:
        raise StorageError(
            f"making the role {role}, letting it log in or setting its password needs "
            "CREATEROLE: connect as the database's owner with CREATEROLE, or as a superuser"
        )
    if found is None:
        _run(conn, "CREATE ROLE {} LOGIN", role)
        done = [f"role {role} created (LOGIN)"]
    else:
        _refuse_powers(role, found)
        done = [f"role {role} exists"]
        if not found["rolcanlogin"]:
            _run(conn, "ALTER ROLE {} LOGIN", role)
            done = [f"role {role} may now log in (LOGIN)"]
    if password is not None:
        driver: Any = conn.connection.driver_connection
        # Hashed here as the server hashes (SCRAM-SHA-256 by default), as psql's \password
        # does: the statement, which the server may log, never holds the password itself.
        hashed = driver.pgconn.encrypt_password(password.encode(), role.encode())
        _run(conn, "ALTER ROLE {} PASSWORD {}", role, literal=hashed.decode("ascii"))
        done.append(f"password of {role} set")
    return done


def _refuse_powers(role: str, found: Any) -> None:
    """Refuse an existing role that holds more than the workstations need."""
    powers = [name for column, name in _POWERS.items() if found[column]]
    if powers:
        raise StorageError(
            f"the role {role} has {', '.join(powers)}, more than the workstations need: "
            f"take it away (ALTER ROLE {role} NO{powers[0]} …) or choose another name"
        )
    if found["member_of"]:
        raise StorageError(
            f"the role {role} is a member of {found['member_of']} and holds its rights too: "
            f"REVOKE {found['member_of']} FROM {role}, or choose another name"
        )
    if found["owns"]:
        raise StorageError(
            f"the role {role} owns {found['owns']} objects in this database (an owner may "
            "change or drop them): give them to the database's owner (REASSIGN OWNED BY "
            f"{role} TO …) or choose another name"
        )


def _names(conn: Connection, kinds: str) -> list[str]:
    """The names of schema public's relations of the kinds (``pg_class.relkind``) given."""
    from sqlalchemy import text

    return list(
        conn.execute(
            text(
                "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                " WHERE n.nspname = 'public' AND c.relkind = ANY(:kinds) ORDER BY c.relname"
            ),
            {"kinds": list(kinds)},
        ).scalars()
    )


# Whether PUBLIC (every role) may create in the database, or in schema public
# (PostgreSQL 15 no longer grants the latter; a database made by an older one may have it).
_PUBLIC_CREATES = {
    "DATABASE": "SELECT d.datname, EXISTS (SELECT 1 FROM aclexplode(coalesce(d.datacl,"
    " acldefault('d', d.datdba))) a WHERE a.grantee = 0 AND a.privilege_type = 'CREATE')"
    " FROM pg_database d WHERE d.datname = current_database()",
    "SCHEMA": "SELECT n.nspname, EXISTS (SELECT 1 FROM aclexplode(coalesce(n.nspacl,"
    " acldefault('n', n.nspowner))) a WHERE a.grantee = 0 AND a.privilege_type = 'CREATE')"
    " FROM pg_namespace n WHERE n.nspname = 'public'",
}


def _grants(conn: Connection, role: str) -> list[str]:
    """Grant ``role`` what the application needs, revoking first what it held; what was done."""
    from sqlalchemy import text

    tables = _names(conn, "rp")
    missing = {AUDIT_TABLE, VERSION_TABLE} - set(tables)
    if missing:
        raise StorageError(
            f"the database has no {' or '.join(sorted(missing))} table: run `mmtracker db "
            "upgrade` first"
        )
    done = []
    for kind, query in _PUBLIC_CREATES.items():
        name, public_creates = conn.execute(text(query)).one()
        if public_creates:
            _run(conn, f"REVOKE CREATE ON {kind} {{}} FROM PUBLIC", name)
            done.append(f"CREATE on {kind.lower()} {name} revoked from PUBLIC (every role)")
        _run(conn, f"REVOKE CREATE ON {kind} {{}} FROM {{}}", name, role)
    database = conn.execute(text("SELECT current_database()")).scalar_one()
    _run(conn, "GRANT CONNECT ON DATABASE {} TO {}", database, role)
    _run(conn, "GRANT USAGE ON SCHEMA public TO {}", role)
    done.append(f"CONNECT on database {database}, USAGE on schema public")
    written = [t for t in tables if t not in (AUDIT_TABLE, VERSION_TABLE)]
    for table in tables:
        _run(conn, "REVOKE ALL ON TABLE {} FROM {}", table, role)
    for table in written:
        _run(conn, "GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE {} TO {}", table, role)
    _run(conn, "GRANT SELECT, INSERT ON TABLE {} TO {}", AUDIT_TABLE, role)
    _run(conn, "GRANT SELECT ON TABLE {} TO {}", VERSION_TABLE, role)
    done += [
        f"SELECT, INSERT, UPDATE, DELETE on {len(written)} tables: {', '.join(written)}",
        f"SELECT, INSERT on {AUDIT_TABLE} (no UPDATE, DELETE or TRUNCATE)",
        f"SELECT on {VERSION_TABLE}",
    ]
    sequences = _names(conn, "S")
    for sequence in sequences:
        _run(conn, "REVOKE ALL ON SEQUENCE {} FROM {}", sequence, role)
        _run(conn, "GRANT USAGE, SELECT ON SEQUENCE {} TO {}", sequence, role)
    if sequences:
        done.append(f"USAGE, SELECT on {len(sequences)} sequences")
    return done


def _verify(conn: Connection, role: str) -> None:
    """Refuse (rolling every grant back) when ``role`` may still do what it must not,
    through grants to PUBLIC or to roles it belongs to that this command does not revoke."""
    from sqlalchemy import text

    checks = {
        "create in the database": "has_database_privilege(:role, current_database(), 'CREATE')",
        "create in schema public": "has_schema_privilege(:role, 'public', 'CREATE')",
        f"update, delete or empty {AUDIT_TABLE}": (
            f"has_table_privilege(:role, '{AUDIT_TABLE}', 'UPDATE, DELETE, TRUNCATE')"
        ),
        f"change {VERSION_TABLE}": (
            f"has_table_privilege(:role, '{VERSION_TABLE}', 'INSERT, UPDATE, DELETE, TRUNCATE')"
        ),
    }
    found = conn.execute(text(f"SELECT {', '.join(checks.values())}"), {"role": role}).one()
    allowed = [what for what, may in zip(checks, found, strict=True) if may]
    if allowed:
        raise StorageError(
            f"the role {role} could still {' and '.join(allowed)}, through a grant to PUBLIC "
            "that db grant cannot revoke: revoke it as its grantor, then run db grant again"
        )
