"""The people who sign in, their roles, and the database's security settings.

A user has a sign-in name (lower case), a display name, a role and an argon2id password
hash (argon2-cffi, with OWASP's minimum parameters for argon2id: 19 MiB of memory, 2
passes, 1 lane; about 0.05 s a sign-in). Roles (docs/security.md):

- *nurse*: records entries, acknowledges and snoozes care items, prints; corrects or
  deletes, with a reason, what she entered herself the same day;
- *physician*: the same, and corrects or deletes any entry, withdraws a transplant plan,
  replaces a record from a file;
- *administrator*: users, the clinic's policy file, the database's settings, restores.

A database without users (a new one, or one from before sign-in) lets everyone do
everything, as the operating system's user, until its first administrator is made; a demo
database never needs one. Once a database has users, a write by anyone who is not one of
its active users is refused. The storage services check the role themselves
(:func:`require`), so a refusal does not depend on the window.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, fields
from enum import StrEnum
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import Connection, Engine, RowMapping, func, insert, inspect, select, update

from mmtracker.logic.parsing import Problem
from mmtracker.storage.models import DatabaseInfoRow, UserRow
from mmtracker.storage.outcomes import ValidationError

USER = UserRow.__table__  # type: ignore[attr-defined]  # SQLModel sets __table__ at class creation
INFO = DatabaseInfoRow.__table__  # type: ignore[attr-defined]  # as above

HASHER = PasswordHasher(time_cost=2, memory_cost=19_456, parallelism=1)
"""OWASP's minimum for argon2id (Password Storage Cheat Sheet): m=19 MiB, t=2, p=1."""
NAME = re.compile(r"^[a-z0-9][a-z0-9._-]{0,63}$")
PASSWORD_MAX = 1024
HIDDEN_HASH = "(hidden)"
"""What the audit keeps of a password hash."""


class Role(StrEnum):
    """What a user may do (see the module's docstring)."""

    NURSE = "nurse"
    PHYSICIAN = "physician"
    ADMINISTRATOR = "administrator"


CLINICAL = frozenset({Role.NURSE, Role.PHYSICIAN})
"""The roles that record care."""


class SignInError(Exception):
    """A sign-in refused: a wrong name or password (one message for both), an account
    locked after failed attempts (until when), or disabled."""


class PermissionDeniedError(Exception):
    """An action the user's role does not allow; the message names the role it needs."""


@dataclass(frozen=True, slots=True)
class User:
    """A signed-in user."""

    name: str
    display_name: str
    role: Role


@dataclass(frozen=True, slots=True)
class SecuritySettings:
    """The database's security settings (kept in ``database_info`` as ``security.<name>``)."""

    idle_minutes: int = 10
    """Minutes without input before the window locks."""
    min_password_length: int = 12
    lockout_failures: int = 5
    """Failed sign-ins in a row that lock an account."""
    lockout_minutes: int = 15


SETTING_RANGES = {
    "idle_minutes": (1, 240),
    "min_password_length": (8, 128),
    "lockout_failures": (1, 100),
    "lockout_minutes": (1, 1440),
}


def security_settings(conn: Connection) -> SecuritySettings:
    """The settings in force (a default for any not set)."""
    stored: dict[str, str] = dict(
        conn.execute(
            select(INFO.c.key, INFO.c.value).where(INFO.c.key.startswith("security."))
        ).all()
    )
    values: dict[str, int] = {}
    for f in fields(SecuritySettings):
        text = stored.get(f"security.{f.name}")
        if text is not None and text.isdigit():
            low, high = SETTING_RANGES[f.name]
            values[f.name] = min(max(int(text), low), high)
    return SecuritySettings(**values)


def set_security_setting(
    engine: Engine, name: str, value: int, actor: str, now: dt.datetime | None = None
) -> None:
    """Change one security setting (administrators only); audited."""
    from mmtracker.storage.anchors import after_write
    from mmtracker.storage.services import audit, audit_row, utc_now

    if name not in SETTING_RANGES:
        raise ValidationError([Problem(name, "is no security setting")])
    low, high = SETTING_RANGES[name]
    if not low <= value <= high:
        raise ValidationError(
            [Problem(name, f"{value} is outside the accepted range {low}–{high}")]
        )
    with engine.begin() as conn:
        require(conn, actor, Role.ADMINISTRATOR, "changing the security settings")
        key = f"security.{name}"
        before = conn.execute(select(INFO.c.value).where(INFO.c.key == key)).scalar()
        if before is None:
            conn.execute(insert(INFO).values(key=key, value=str(value)))
        else:
            conn.execute(update(INFO).where(INFO.c.key == key).values(value=str(value)))
        audit(
            conn,
            audit_row(
                patient_id=None,
                table=INFO.name,
                row_id=key,
                action="insert" if before is None else "update",
                actor=actor,
                at=now or utc_now(),
                before=None if before is None else {"value": before},
                after={"value": str(value)},
            ),
        )
    after_write(engine)


@dataclass(frozen=True, slots=True)
class Account:
    """A user as listed for an administrator."""

    name: str
    display_name: str
    role: Role
    active: bool
    locked_until: dt.datetime | None = None
    """Until when failed sign-ins lock the account (None: not locked)."""


def list_users(engine: Engine) -> list[Account]:
    """Every user, by name."""
    with engine.connect() as conn:
        rows = conn.execute(
            select(
                USER.c.name, USER.c.display_name, USER.c.role, USER.c.active, USER.c.locked_until
            ).order_by(USER.c.name)
        ).mappings()
        return [_account(r) for r in rows]


def has_users(conn: Connection) -> bool:
    """Whether the database has any user (then every write needs one). A database from before
    users (no such table, opened without being upgraded) has none; any other error reading
    them (a role not granted the table, say) is raised, never taken for "no users"."""
    if not inspect(conn).has_table(USER.name):
        return False
    return conn.execute(select(func.count()).select_from(USER)).scalar_one() > 0


def role_of(conn: Connection, actor: str) -> Role | None:
    """The role of ``actor``; None on a database without users (anything is allowed).
    Refused: someone who is not an active user of a database that has users."""
    found = conn.execute(
        select(USER.c.role, USER.c.active).where(USER.c.name == actor.casefold())
    ).first()
    if found is None and not has_users(conn):  # asked only of someone who is no user
        return None
    if found is None or not found.active:
        raise PermissionDeniedError(
            f"{actor} is not an active user of this database: sign in as one of its users"
        )
    return Role(found.role)


def require(conn: Connection, actor: str, allowed: Role | frozenset[Role], what: str) -> None:
    """Refuse ``what`` unless ``actor``'s role is ``allowed`` (or the database has no users)."""
    roles = frozenset({allowed}) if isinstance(allowed, Role) else allowed
    role = role_of(conn, actor)
    if role is None or role in roles:
        return
    needed = " or ".join(sorted(r.value for r in roles))
    raise PermissionDeniedError(f"{what} needs the role {needed}; {actor} is {_a(role)}")


def may_change(
    conn: Connection,
    actor: str,
    created_by: str,
    created_at: dt.datetime,
    today: dt.date,
    what: str,
) -> None:
    """Refuse a correction or deletion ``actor`` may not make: a nurse changes only what she
    entered herself on ``today`` (local time); a physician anything."""
    role = role_of(conn, actor)
    if role is None or role is Role.PHYSICIAN:
        return
    if role is Role.NURSE:
        entered_today = created_at.astimezone().date() == today
        if created_by.casefold() == actor.casefold() and entered_today:
            return
        raise PermissionDeniedError(
            f"{what} needs the role physician: a nurse corrects or deletes only what she "
            "entered herself today"
        )
    raise PermissionDeniedError(f"{what} needs the role nurse or physician; {actor} is {_a(role)}")


def _a(role: Role) -> str:
    """``role`` after its article: "a nurse", "an administrator"."""
    return f"{'an' if role.value[0] in 'aeiou' else 'a'} {role.value}"


def _name_problems(folded: str) -> list[Problem]:
    if NAME.match(folded):
        return []
    return [
        Problem(
            "name",
            "1–64 characters: letters a–z, digits, '.', '_' or '-', starting with a letter or "
            "a digit",
        )
    ]


def _password_problems(password: str, settings: SecuritySettings) -> list[Problem]:
    if len(password) < settings.min_password_length:
        return [
            Problem(
                "password",
                f"at least {settings.min_password_length} characters, not {len(password)}",
            )
        ]
    if len(password) > PASSWORD_MAX:
        return [Problem("password", f"at most {PASSWORD_MAX} characters")]
    return []


def _public(row: Mapping[str, object]) -> dict[str, object]:
    """A user's row as the audit keeps it: the password hash hidden."""
    return {**row, "password_hash": HIDDEN_HASH}


def create_user(
    engine: Engine,
    name: str,
    display_name: str,
    role: Role,
    password: str,
    actor: str,
    now: dt.datetime | None = None,
) -> User:
    """Make a user (administrators only; the first user of a database must be an
    administrator, made by whoever runs the program); audited, the hash hidden."""
    from mmtracker.storage.anchors import after_write
    from mmtracker.storage.services import audit, audit_row, utc_now

    folded = name.strip().casefold()
    display = display_name.strip()
    now = now or utc_now()
    with engine.begin() as conn:
        first = not has_users(conn)
        if first and role is not Role.ADMINISTRATOR:
            raise ValidationError([Problem("role", "the first user must be an administrator")])
        if not first:
            require(conn, actor, Role.ADMINISTRATOR, "making a user")
        problems = _name_problems(folded)
        problems += _password_problems(password, security_settings(conn))
        if not 1 <= len(display) <= 200:
            problems.append(Problem("display_name", "1–200 characters"))
        taken = conn.execute(select(USER.c.id).where(USER.c.name == folded)).first()
        if taken is not None:
            problems.append(Problem("name", f"{folded} is already a user"))
        if problems:
            raise ValidationError(problems)
        row = {
            "name": folded,
            "display_name": display,
            "role": role.value,
            "password_hash": HASHER.hash(password),
            "failed_attempts": 0,
            "locked_until": None,
            "active": True,
            "version": 1,
            "created_at": now,
            "created_by": actor,
            "updated_at": now,
            "updated_by": actor,
        }
        user_id = conn.execute(insert(USER).values(row).returning(USER.c.id)).scalar_one()
        audit(
            conn,
            audit_row(
                patient_id=None,
                table=USER.name,
                row_id=str(user_id),
                action="insert",
                actor=actor,
                at=now,
                before=None,
                after=_public(row),
            ),
        )
    after_write(engine)
    return User(folded, display, role)


def change_user(
    engine: Engine,
    name: str,
    actor: str,
    *,
    role: Role | None = None,
    active: bool | None = None,
    display_name: str | None = None,
    unlock: bool = False,
    now: dt.datetime | None = None,
) -> Account:
    """Change a user's role, display name or whether the account may sign in, or lift its
    lock-out (administrators only); audited. The last active administrator is neither
    disabled nor given another role, and no administrator disables their own account."""
    from mmtracker.storage.anchors import after_write
    from mmtracker.storage.services import utc_now

    folded = name.strip().casefold()
    now = now or utc_now()
    with engine.begin() as conn:
        require(conn, actor, Role.ADMINISTRATOR, "changing a user")
        row = _user_row(conn, folded)
        values: dict[str, object] = {}
        if role is not None and role.value != row["role"]:
            values["role"] = role.value
        if active is not None and active != bool(row["active"]):
            if not active and folded == actor.casefold():
                raise ValidationError(
                    [Problem("active", "an administrator does not disable their own account")]
                )
            values["active"] = active
        if display_name is not None and display_name.strip() != row["display_name"]:
            display = display_name.strip()
            if not 1 <= len(display) <= 200:
                raise ValidationError([Problem("display_name", "1–200 characters")])
            values["display_name"] = display
        if unlock and (row["locked_until"] is not None or row["failed_attempts"]):
            values.update(failed_attempts=0, locked_until=None)
        if not values:
            return _account(row)
        was_administrator = row["role"] == Role.ADMINISTRATOR.value and row["active"]
        stays = values.get("role", row["role"]) == Role.ADMINISTRATOR.value and values.get(
            "active", True
        )
        _write_user(conn, row, values, actor, now)
        if was_administrator and not stays:  # read after the write: under its lock
            _keep_an_administrator(conn, folded)
        changed = {**row, **values}
    after_write(engine)
    return _account(changed)


def set_password(
    engine: Engine,
    name: str,
    password: str,
    actor: str,
    *,
    current: str | None = None,
    now: dt.datetime | None = None,
) -> None:
    """Give ``name`` a new password, which also lifts a lock-out; audited, the hash hidden.
    An administrator resets anyone's; a user changes their own with ``current``, their
    present password."""
    from mmtracker.storage.anchors import after_write
    from mmtracker.storage.services import utc_now

    folded = name.strip().casefold()
    now = now or utc_now()
    with engine.begin() as conn:
        own = folded == actor.casefold()
        if own and current is not None:
            role_of(conn, actor)  # an active user
            row = _user_row(conn, folded)
            if not _verify(row["password_hash"], current):
                raise ValidationError([Problem("current password", "is not the right one")])
        else:
            require(conn, actor, Role.ADMINISTRATOR, "resetting a user's password")
            row = _user_row(conn, folded)
        problems = _password_problems(password, security_settings(conn))
        if problems:
            raise ValidationError(problems)
        values = {
            "password_hash": HASHER.hash(password),
            "failed_attempts": 0,
            "locked_until": None,
        }
        _write_user(conn, row, values, actor, now)
    after_write(engine)


def _user_row(conn: Connection, folded: str) -> RowMapping:
    row = conn.execute(select(USER).where(USER.c.name == folded)).mappings().first()
    if row is None:
        raise ValidationError([Problem("name", f"this database has no user {folded}")])
    return row


def _account(row: Mapping[Any, Any]) -> Account:
    locked = row["locked_until"]
    return Account(
        row["name"],
        row["display_name"],
        Role(row["role"]),
        bool(row["active"]),
        None if locked is None or locked <= dt.datetime.now(dt.UTC) else locked,
    )


def _keep_an_administrator(conn: Connection, leaving: str) -> None:
    """Refuse a change that would leave the database without an active administrator."""
    others = conn.execute(
        select(func.count())
        .select_from(USER)
        .where(
            USER.c.role == Role.ADMINISTRATOR.value,
            USER.c.active.is_(True),
            USER.c.name != leaving,
        )
    ).scalar_one()
    if not others:
        raise ValidationError(
            [
                Problem(
                    "role",
                    f"{leaving} is the last active administrator: make another one first",
                )
            ]
        )


def _write_user(
    conn: Connection,
    row: RowMapping,
    values: Mapping[str, object],
    actor: str,
    now: dt.datetime,
) -> None:
    """Store ``values`` on the user ``row``, its version moved on, and audit the change."""
    from mmtracker.storage.services import audit, audit_row

    stamped = {**values, "version": row["version"] + 1, "updated_at": now,
               "updated_by": actor}  # fmt: skip
    conn.execute(update(USER).where(USER.c.id == row["id"]).values(stamped))
    shown = {k: HIDDEN_HASH if k == "password_hash" else v for k, v in values.items()}
    audit(
        conn,
        audit_row(
            patient_id=None,
            table=USER.name,
            row_id=str(row["id"]),
            action="update",
            actor=actor,
            at=now,
            before={k: HIDDEN_HASH if k == "password_hash" else row[k] for k in values},
            after=shown,
        ),
    )


_DUMMY = HASHER.hash("no such user: the same time as a wrong password")


def authenticate(
    engine: Engine,
    name: str,
    password: str,
    now: dt.datetime | None = None,
    *,
    record: bool = True,
) -> User:
    """The user ``name`` signed in with ``password``; SignInError otherwise. Failed attempts
    are counted; :attr:`SecuritySettings.lockout_failures` of them in a row lock the account
    for :attr:`SecuritySettings.lockout_minutes`. Each sign-in and each refusal is audited,
    an unknown name's too (the name as typed when it is a sign-in name's shape). Without
    ``record`` (a database this account may only read) nothing is written: the password is
    checked, and a lock-out in force still refuses."""
    from mmtracker.storage.anchors import after_write

    now = now or dt.datetime.now(dt.UTC)
    folded = name.strip().casefold()
    with engine.begin() as conn:
        settings = security_settings(conn)
        row = conn.execute(select(USER).where(USER.c.name == folded)).mappings().first()
        refusal = _refusal(row, folded, settings, now)
        if row is None or refusal is not None:
            if row is None:
                _verify(_DUMMY, password)  # as long as for a user: no hint that the name exists
            if record:
                shown = folded if NAME.match(folded) else "(no sign-in name)"
                reason = "unknown name" if row is None else _short(row)
                _audit_sign_in(conn, None if row is None else row["id"], shown, now, {}, reason)
        else:
            ok = _verify(row["password_hash"], password)
            if record:
                values = _attempt_counted(conn, row, ok, settings, now)
                if ok and HASHER.check_needs_rehash(row["password_hash"]):
                    new_hash = HASHER.hash(password)
                    conn.execute(
                        update(USER).where(USER.c.id == row["id"]).values(password_hash=new_hash)
                    )
                _audit_sign_in(
                    conn, row["id"], folded, now, values, None if ok else "wrong password"
                )
                if not ok and values["locked_until"] is not None:
                    refusal = _locked(folded, settings, f"for {settings.lockout_minutes} minutes")
            if not ok and refusal is None:
                refusal = WRONG
    if record:
        after_write(engine)
    if row is None:
        raise SignInError(WRONG)
    if refusal is not None:
        raise SignInError(refusal)
    return User(folded, str(row["display_name"]), Role(row["role"]))


def _attempt_counted(
    conn: Connection, row: RowMapping, ok: bool, settings: SecuritySettings, now: dt.datetime
) -> dict[str, object]:
    """Count an attempt on the account ``row`` in the database itself (two wrong passwords at
    once are two), locking it at :attr:`SecuritySettings.lockout_failures`; what was set."""
    where = USER.c.id == row["id"]
    if ok:
        values: dict[str, object] = {"failed_attempts": 0, "locked_until": None}
        conn.execute(update(USER).where(where).values(values))
        return values
    failures = conn.execute(
        update(USER)
        .where(where)
        .values(failed_attempts=USER.c.failed_attempts + 1, locked_until=None)
        .returning(USER.c.failed_attempts)
    ).scalar_one()
    if failures < settings.lockout_failures:
        return {"failed_attempts": failures, "locked_until": None}
    values = {
        "failed_attempts": 0,
        "locked_until": now + dt.timedelta(minutes=settings.lockout_minutes),
    }
    conn.execute(update(USER).where(where).values(values))
    return values


WRONG = "the name or the password is wrong"


def _refusal(
    row: RowMapping | None, folded: str, settings: SecuritySettings, now: dt.datetime
) -> str | None:
    """Why the account ``row`` may not sign in before its password is looked at."""
    if row is None:
        return None
    if not row["active"]:
        return f"the account {folded} is disabled: ask an administrator"
    locked = row["locked_until"]
    if locked is not None and locked > now:
        return _locked(folded, settings, f"until {locked.astimezone():%H:%M}")
    return None


def _short(row: RowMapping) -> str:
    """A refusal's reason as the audit keeps it."""
    return "account disabled" if not row["active"] else "account locked"


def _locked(folded: str, settings: SecuritySettings, how_long: str) -> str:
    return (
        f"the account {folded} is locked after {settings.lockout_failures} failed sign-ins "
        f"{how_long}: try again then, or ask an administrator to lift the lock-out"
    )


def _audit_sign_in(
    conn: Connection,
    user_id: int | None,
    actor: str,
    now: dt.datetime,
    values: Mapping[str, object],
    refused: str | None,
) -> None:
    """A sign-in (``refused`` None) or a refusal and why, in the audit."""
    from mmtracker.storage.services import audit, audit_row

    audit(
        conn,
        audit_row(
            patient_id=None,
            table=USER.name,
            row_id="-" if user_id is None else str(user_id),
            action="sign-in" if refused is None else "refused",
            actor=actor,
            at=now,
            before=None,
            after={k: v for k, v in values.items() if k != "password_hash"},
            reason=refused,
        ),
    )


def _verify(stored: str, password: str) -> bool:
    try:
        return HASHER.verify(stored, password)
    except (VerificationError, InvalidHashError):
        return False
