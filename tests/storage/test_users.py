"""Users, sign-in and roles (issue 13), checked by the storage services themselves: each
role's allowed and refused actions, a forged operating-system user refused, wrong passwords
locking the account out, argon2id hashes never in the audit."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from sqlalchemy import Engine, func, select, text

from mmtracker.storage import users
from mmtracker.storage.bulk import write_records
from mmtracker.storage.outcomes import Replacing, ValidationError
from mmtracker.storage.services import add_entry, create_patient, delete_entry, update_entry
from mmtracker.storage.tables import AUDIT
from mmtracker.storage.users import (
    PermissionDeniedError,
    Role,
    SignInError,
    authenticate,
    change_user,
    create_user,
    security_settings,
    set_password,
    set_security_setting,
)

PASSWORD = "correct horse battery"
PRODUCTION = users.HASHER  # before the tests' cheaper one replaces it
TODAY = dt.date.today()


@pytest.fixture(autouse=True)
def _cheap_hashes(monkeypatch: pytest.MonkeyPatch) -> None:
    """Hashes made cheaply in tests (a hash carries its parameters: verifying follows them)."""
    monkeypatch.setattr(users, "HASHER", PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))


@pytest.fixture
def clinic(engine: Engine) -> Engine:
    """A database with an administrator, a nurse, a physician and one patient."""
    create_user(engine, "Admin", "Ada Admin", Role.ADMINISTRATOR, PASSWORD, "root@ws")
    create_user(engine, "li.na", "Li Na", Role.NURSE, PASSWORD, "admin")
    create_user(engine, "dr.wu", "Dr Wu", Role.PHYSICIAN, PASSWORD, "admin")
    create_patient(
        engine, {"mrn": "R-1", "name": "Rui", "sex": "F", "date_of_birth": "1950-01-02"}, "li.na"
    )
    return engine


def weight(engine: Engine, actor: str, day: str = "2025-01-02") -> str:
    return add_entry(engine, 1, "weights", {"date": day, "weight_kg": 60.0}, actor).row_id


def test_the_first_user_is_an_administrator(engine: Engine) -> None:
    with pytest.raises(ValidationError, match="the first user must be an administrator"):
        create_user(engine, "li.na", "Li Na", Role.NURSE, PASSWORD, "root@ws")
    made = create_user(engine, "Ada", "Ada Admin", Role.ADMINISTRATOR, PASSWORD, "root@ws")
    assert made == users.User("ada", "Ada Admin", Role.ADMINISTRATOR)


def test_only_an_administrator_makes_users(clinic: Engine) -> None:
    with pytest.raises(PermissionDeniedError, match="making a user needs the role administrator"):
        create_user(clinic, "x", "X", Role.NURSE, PASSWORD, "dr.wu")
    with pytest.raises(ValidationError, match=r"li\.na is already a user"):
        create_user(clinic, "LI.NA", "Li Na", Role.NURSE, PASSWORD, "admin")
    with pytest.raises(ValidationError, match="at least 12 characters, not 5"):
        create_user(clinic, "short", "S", Role.NURSE, "abcde", "admin")


def test_sign_in_with_the_right_password_is_audited_without_the_hash(clinic: Engine) -> None:
    assert authenticate(clinic, "LI.NA ", PASSWORD) == users.User("li.na", "Li Na", Role.NURSE)
    with clinic.connect() as conn:
        rows = conn.execute(
            select(AUDIT.c.action, AUDIT.c.actor, AUDIT.c.after).where(
                AUDIT.c.table_name == "app_user"
            )
        ).all()
        stored = conn.execute(text("SELECT password_hash FROM app_user WHERE name = 'li.na'"))
        hashed = stored.scalar_one()
    assert hashed.startswith("$argon2id$")
    assert ("sign-in", "li.na") in {(a, who) for a, who, _ in rows}
    assert all(hashed not in (after or "") for _, _, after in rows)
    assert all(json.loads(after).get("password_hash") in (None, "(hidden)") for *_, after in rows)


def test_the_production_hash_has_at_least_owasps_parameters() -> None:
    """OWASP Password Storage Cheat Sheet, argon2id minimum: m=19 MiB, t=2, p=1."""
    assert PRODUCTION.type.name == "ID"
    assert PRODUCTION.memory_cost >= 19_456
    assert PRODUCTION.time_cost >= 2
    assert PRODUCTION.parallelism >= 1


def test_a_wrong_password_and_an_unknown_name_say_the_same(clinic: Engine) -> None:
    for name, password in (("li.na", "wrong password"), ("nobody", PASSWORD)):
        with pytest.raises(SignInError, match=r"^the name or the password is wrong$"):
            authenticate(clinic, name, password)


def test_five_wrong_passwords_lock_the_account_for_15_minutes(clinic: Engine) -> None:
    now = dt.datetime(2026, 12, 3, 9, 0, tzinfo=dt.UTC)
    for attempt in range(4):
        with pytest.raises(SignInError, match="wrong"):
            authenticate(clinic, "li.na", f"guess {attempt}", now)
    with pytest.raises(SignInError, match="locked after 5 failed sign-ins for 15 minutes"):
        authenticate(clinic, "li.na", "guess 5", now)
    later = now + dt.timedelta(minutes=14, seconds=59)
    with pytest.raises(SignInError, match="is locked after 5 failed sign-ins until"):
        authenticate(clinic, "li.na", PASSWORD, later)  # even the right password
    assert (
        authenticate(clinic, "li.na", PASSWORD, now + dt.timedelta(minutes=15)).role is Role.NURSE
    )


def test_a_right_password_resets_the_count(clinic: Engine) -> None:
    now = dt.datetime(2026, 12, 3, 9, 0, tzinfo=dt.UTC)
    for _ in range(4):
        with pytest.raises(SignInError):
            authenticate(clinic, "li.na", "nope", now)
    authenticate(clinic, "li.na", PASSWORD, now)
    for _ in range(4):
        with pytest.raises(SignInError, match="wrong"):
            authenticate(clinic, "li.na", "nope", now)


def test_a_forged_operating_system_user_changes_nothing(clinic: Engine) -> None:
    """USER=dr.chief used to write an audit row as dr.chief: now no write is made by anyone
    who is not a user of the database."""
    with pytest.raises(PermissionDeniedError, match=r"dr\.chief@ws-01 is not an active user"):
        weight(clinic, "dr.chief@ws-01")
    with clinic.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM weight")).scalar() == 0
        actors = set(conn.execute(select(AUDIT.c.actor)).scalars())
    assert "dr.chief@ws-01" not in actors


def test_a_nurse_records_and_corrects_what_she_entered_today(clinic: Engine) -> None:
    entry = weight(clinic, "li.na")
    update_entry(clinic, "weights", entry, 1, {"weight_kg": 61.0}, "li.na", reason="typo")
    delete_entry(clinic, "weights", entry, 2, "li.na", reason="wrong patient")


def test_a_nurse_may_not_correct_yesterdays_entry_or_anothers(clinic: Engine) -> None:
    own = weight(clinic, "li.na")
    with pytest.raises(PermissionDeniedError, match="correcting needs the role physician"):
        update_entry(
            clinic,
            "weights",
            own,
            1,
            {"weight_kg": 61.0},
            "li.na",
            TODAY + dt.timedelta(days=1),
            reason="typo",
        )
    theirs = weight(clinic, "dr.wu", "2025-02-02")
    with pytest.raises(PermissionDeniedError, match="deleting needs the role physician"):
        delete_entry(clinic, "weights", theirs, 1, "li.na", reason="duplicate")
    with clinic.begin() as conn:
        conn.execute(
            text("UPDATE weight SET created_at = :day WHERE id = :id"),
            {"day": dt.datetime.now(dt.UTC) - dt.timedelta(days=2), "id": own},
        )
    with pytest.raises(PermissionDeniedError, match="deleting needs the role physician"):
        delete_entry(clinic, "weights", own, 1, "li.na", reason="typo")


def test_a_physician_corrects_or_deletes_any_entry(clinic: Engine) -> None:
    entry = weight(clinic, "li.na")
    update_entry(
        clinic,
        "weights",
        entry,
        1,
        {"weight_kg": 61.0},
        "dr.wu",
        TODAY + dt.timedelta(days=3),
        reason="scale recalibrated",
    )
    delete_entry(clinic, "weights", entry, 2, "dr.wu", reason="duplicate")


def test_only_a_physician_withdraws_a_transplant_plan(clinic: Engine) -> None:
    plan = {"planned_date": "2026-01-10"}
    entry = add_entry(clinic, 1, "transplants", plan, "li.na").row_id
    with pytest.raises(PermissionDeniedError, match="withdrawing a transplant plan needs the role"):
        update_entry(
            clinic, "transplants", entry, 1, {"withdrawn_date": "2025-12-01"}, "li.na",
            reason="patient declined",
        )  # fmt: skip
    update_entry(
        clinic, "transplants", entry, 1, {"withdrawn_date": "2025-12-01"}, "dr.wu",
        reason="patient declined",
    )  # fmt: skip


def test_an_administrator_records_no_care(clinic: Engine) -> None:
    with pytest.raises(PermissionDeniedError, match="needs the role nurse or physician"):
        weight(clinic, "admin")


def test_a_replace_from_a_file_needs_a_physician(clinic: Engine) -> None:
    from mmtracker.demo import generate_records

    records = generate_records(1, 3, dt.date(2026, 1, 15))
    write_records(clinic, records, "li.na")  # a nurse imports
    with pytest.raises(PermissionDeniedError, match="replacing a patient's record needs"):
        write_records(clinic, records, "li.na", replace=Replacing("x", force=True))
    write_records(clinic, records, "dr.wu", replace=Replacing("x", force=True))


def test_a_database_without_users_lets_anyone_write(engine: Engine) -> None:
    create_patient(
        engine, {"mrn": "R-2", "name": "Rui", "sex": "F", "date_of_birth": "1950-01-02"}, "me@ws"
    )
    weight(engine, "me@ws")


def test_security_settings_are_the_administrators(clinic: Engine) -> None:
    with clinic.connect() as conn:
        assert security_settings(conn) == users.SecuritySettings(10, 12, 5, 15)
    with pytest.raises(PermissionDeniedError, match="needs the role administrator"):
        set_security_setting(clinic, "lockout_failures", 3, "dr.wu")
    with pytest.raises(ValidationError, match="0 is outside the accepted range 1–240"):
        set_security_setting(clinic, "idle_minutes", 0, "admin")
    set_security_setting(clinic, "lockout_failures", 3, "admin")
    now = dt.datetime(2026, 12, 3, 9, 0, tzinfo=dt.UTC)
    for _ in range(2):
        with pytest.raises(SignInError, match="wrong"):
            authenticate(clinic, "dr.wu", "nope", now)
    with pytest.raises(SignInError, match="locked after 3 failed sign-ins"):
        authenticate(clinic, "dr.wu", "nope", now)


def _audited_user_changes(engine: Engine) -> list[tuple[str, dict[str, object], str]]:
    with engine.connect() as conn:
        rows = conn.execute(
            select(AUDIT.c.actor, AUDIT.c.after, AUDIT.c.before)
            .where(AUDIT.c.table_name == "app_user", AUDIT.c.action == "update")
            .order_by(AUDIT.c.id)
        ).all()
    return [(r.actor, json.loads(r.after), r.before) for r in rows]


def test_an_administrator_disables_and_enables_an_account(clinic: Engine) -> None:
    with pytest.raises(PermissionDeniedError, match="changing a user needs the role administrator"):
        change_user(clinic, "li.na", "dr.wu", active=False)
    account = change_user(clinic, "LI.NA", "admin", active=False)
    assert account == users.Account("li.na", "Li Na", Role.NURSE, False)
    with pytest.raises(SignInError, match="disabled"):
        authenticate(clinic, "li.na", PASSWORD)
    with pytest.raises(PermissionDeniedError, match="not an active user"):
        weight(clinic, "li.na")  # a session signed in before keeps no right to write
    change_user(clinic, "li.na", "admin", active=True)
    assert authenticate(clinic, "li.na", PASSWORD).name == "li.na"
    assert [(actor, after) for actor, after, _ in _audited_user_changes(clinic)] == [
        ("admin", {"active": False}),
        ("admin", {"active": True}),
    ]


def test_a_role_change_takes_effect_at_the_next_write(clinic: Engine) -> None:
    entry = weight(clinic, "dr.wu", "2024-01-02")
    change_user(clinic, "li.na", "admin", role=Role.PHYSICIAN, display_name=" Dr Li Na ")
    assert [a for a in users.list_users(clinic) if a.name == "li.na"] == [
        users.Account("li.na", "Dr Li Na", Role.PHYSICIAN, True)
    ]
    delete_entry(clinic, "weights", entry, 1, "li.na", reason="entered twice")
    with pytest.raises(ValidationError, match="display_name"):
        change_user(clinic, "li.na", "admin", display_name="  ")


def test_the_last_active_administrator_stays_one(clinic: Engine) -> None:
    with pytest.raises(ValidationError, match="admin is the last active administrator"):
        change_user(clinic, "admin", "admin", role=Role.PHYSICIAN)
    with pytest.raises(ValidationError, match="does not disable their own account"):
        change_user(clinic, "admin", "admin", active=False)
    create_user(clinic, "second", "Second Admin", Role.ADMINISTRATOR, PASSWORD, "admin")
    change_user(clinic, "admin", "second", active=False)  # another remains: allowed
    with pytest.raises(ValidationError, match="second is the last active administrator"):
        change_user(clinic, "second", "second", role=Role.NURSE)  # admin is disabled
    change_user(clinic, "admin", "second", active=True)
    change_user(clinic, "second", "second", role=Role.NURSE)
    with pytest.raises(ValidationError, match="this database has no user nobody"):
        change_user(clinic, "nobody", "admin", unlock=True)


def test_a_password_reset_lifts_the_lock_out_and_hides_the_hash(clinic: Engine) -> None:
    now = dt.datetime.now(dt.UTC)
    for _ in range(5):
        with pytest.raises(SignInError):
            authenticate(clinic, "li.na", "nope", now)
    assert [a.locked_until for a in users.list_users(clinic) if a.name == "li.na"] == [
        now + dt.timedelta(minutes=15)
    ]
    with pytest.raises(PermissionDeniedError, match="resetting a user's password needs"):
        set_password(clinic, "li.na", "a new long password", "dr.wu")
    with pytest.raises(ValidationError, match="at least 12 characters, not 3"):
        set_password(clinic, "li.na", "new", "admin")
    set_password(clinic, "li.na", "a new long password", "admin")
    assert authenticate(clinic, "li.na", "a new long password").name == "li.na"
    actor, after, before = _audited_user_changes(clinic)[-1]
    assert (actor, after["password_hash"], after["failed_attempts"]) == ("admin", "(hidden)", 0)
    assert "argon2" not in before


def test_a_user_changes_their_own_password_with_the_present_one(clinic: Engine) -> None:
    with pytest.raises(ValidationError, match="current password: is not the right one"):
        set_password(clinic, "dr.wu", "a new long password", "dr.wu", current="wrong")
    set_password(clinic, "dr.wu", "a new long password", "dr.wu", current=PASSWORD)
    with pytest.raises(SignInError):
        authenticate(clinic, "dr.wu", PASSWORD)
    assert authenticate(clinic, "dr.wu", "a new long password").role is Role.PHYSICIAN
    with pytest.raises(PermissionDeniedError, match="needs the role administrator"):
        set_password(clinic, "li.na", "a new long password", "dr.wu", current=PASSWORD)
    change_user(clinic, "li.na", "admin", active=False)
    with pytest.raises(PermissionDeniedError, match=r"li\.na is not an active user"):
        set_password(clinic, "li.na", "a new long password", "li.na", current=PASSWORD)


def test_an_administrator_lifts_a_lock_out(clinic: Engine) -> None:
    for _ in range(5):
        with pytest.raises(SignInError):
            authenticate(clinic, "dr.wu", "nope")
    with pytest.raises(SignInError, match="locked"):
        authenticate(clinic, "dr.wu", PASSWORD)
    change_user(clinic, "dr.wu", "admin", unlock=True)
    assert authenticate(clinic, "dr.wu", PASSWORD).name == "dr.wu"


def test_every_refused_sign_in_is_audited_with_its_reason(clinic: Engine) -> None:
    """Guessing at made-up names leaves a trace too; a name of no sign-in shape is not
    written as it was typed."""
    now = dt.datetime(2026, 12, 3, 9, 0, tzinfo=dt.UTC)
    for name in ("nobody", "li.na", "Robert'); DROP TABLE--"):
        with pytest.raises(SignInError, match=r"^the name or the password is wrong$"):
            authenticate(clinic, name, "wrong", now)
    change_user(clinic, "dr.wu", "admin", active=False)
    with pytest.raises(SignInError, match="disabled"):
        authenticate(clinic, "dr.wu", PASSWORD, now)
    for _ in range(4):
        with pytest.raises(SignInError):
            authenticate(clinic, "li.na", "wrong", now)
    with pytest.raises(SignInError, match="ask an administrator to lift the lock-out"):
        authenticate(clinic, "li.na", PASSWORD, now)
    with clinic.connect() as conn:
        rows = conn.execute(
            select(AUDIT.c.actor, AUDIT.c.row_id, AUDIT.c.reason)
            .where(AUDIT.c.action == "refused")
            .order_by(AUDIT.c.id)
        ).all()
    assert [tuple(r) for r in rows] == [
        ("nobody", "-", "unknown name"),
        ("li.na", rows[1].row_id, "wrong password"),
        ("(no sign-in name)", "-", "unknown name"),
        ("dr.wu", rows[3].row_id, "account disabled"),
        *[("li.na", rows[1].row_id, "wrong password")] * 4,
        ("li.na", rows[1].row_id, "account locked"),
    ]


def test_a_refusal_names_the_role_with_its_article(clinic: Engine) -> None:
    with pytest.raises(PermissionDeniedError, match=r"; admin is an administrator$"):
        weight(clinic, "admin")


def test_an_accounts_trail_says_who_made_and_changed_it_and_each_sign_in(clinic: Engine) -> None:
    from mmtracker.storage.audit_trail import account_trail

    authenticate(clinic, "li.na", PASSWORD)
    with pytest.raises(SignInError):
        authenticate(clinic, "li.na", "wrong")
    change_user(clinic, "li.na", "admin", role=Role.PHYSICIAN)
    with pytest.raises(SignInError):
        authenticate(clinic, "nobody", "wrong")
    trail = account_trail(clinic, "LI.NA")
    assert [(e.action, e.actor, e.reason) for e in trail] == [
        ("update", "admin", None),
        ("refused", "li.na", "wrong password"),
        ("sign-in", "li.na", None),
        ("insert", "admin", None),
    ]
    assert ("role", "nurse", "physician") in trail[0].changes
    assert [(e.action, e.reason) for e in account_trail(clinic, "nobody")] == [
        ("refused", "unknown name")
    ]


def test_a_read_only_database_signs_in_without_writing(tmp_path: Path) -> None:
    """A database this account may only read (mode=ro): the password is checked, nothing
    is recorded (a write would fail), and a wrong one is refused all the same."""
    from mmtracker.storage.engine import make_engine
    from mmtracker.storage.schema import upgrade

    path = tmp_path / "clinic.sqlite"
    writer = make_engine(f"sqlite:///{path}")
    upgrade(writer)
    create_user(writer, "ada", "Ada Admin", Role.ADMINISTRATOR, PASSWORD, "root@ws")
    with writer.connect() as conn:
        rows = conn.execute(select(func.count()).select_from(AUDIT)).scalar_one()
    writer.dispose()
    reader = make_engine(f"sqlite:///file:{path}?mode=ro&uri=true")
    try:
        assert authenticate(reader, "ada", PASSWORD, record=False).name == "ada"
        with pytest.raises(SignInError, match="wrong"):
            authenticate(reader, "ada", "wrong", record=False)
        with reader.connect() as conn:
            assert conn.execute(select(func.count()).select_from(AUDIT)).scalar_one() == rows
    finally:
        reader.dispose()


def test_wrong_passwords_at_once_are_each_counted(clinic: Engine) -> None:
    """The count is kept by the database (failed_attempts + 1), not read then written."""
    from concurrent.futures import ThreadPoolExecutor

    def guess(_n: int) -> None:
        with pytest.raises(SignInError):
            authenticate(clinic, "li.na", "wrong")

    with ThreadPoolExecutor(4) as pool:
        list(pool.map(guess, range(4)))
    with clinic.connect() as conn:
        count = conn.execute(text("SELECT failed_attempts FROM app_user WHERE name = 'li.na'"))
        assert count.scalar_one() == 4
