"""The audit trail is a hash chain (issue 13): an audit row edited, inserted or deleted with
raw SQL is named by the check, on SQLite and PostgreSQL; rows cut from the end, or a chain
recomputed over a changed row, are found against the anchor kept outside the database."""

from __future__ import annotations

import datetime as dt
import json
import stat
from pathlib import Path

import pytest
from sqlalchemy import Engine, text

from mmtracker.demo import generate_records
from mmtracker.storage import anchors
from mmtracker.storage.anchors import (
    anchor_now,
    anchor_path,
    database_id,
    keep_anchors,
    read_anchor,
)
from mmtracker.storage.audit_chain import GENESIS, digest, verify_chain
from mmtracker.storage.bulk import write_records
from mmtracker.storage.check import check_database
from mmtracker.storage.services import add_entry, create_patient, delete_entry

ACTOR = "nurse@ward"


def fill(engine: Engine) -> None:
    """Writes of every way: a bulk import, a patient registered, entries added and deleted."""
    write_records(engine, generate_records(3, 4, dt.date(2026, 1, 15)), ACTOR)
    first = create_patient(
        engine, {"mrn": "A-1", "name": "Ana", "sex": "F", "date_of_birth": "1950-01-02"}, ACTOR
    ).patient_id
    for day in ("2025-01-02", "2025-02-02", "2025-03-02"):
        add_entry(engine, first, "weights", {"date": day, "weight_kg": 60.0}, ACTOR)
    weight = add_entry(engine, first, "weights", {"date": "2025-04-02", "weight_kg": 61.0}, ACTOR)
    delete_entry(engine, "weights", weight.row_id, 1, ACTOR, reason="typed twice")


def ids(engine: Engine) -> list[int]:
    with engine.connect() as conn:
        return [int(i) for i in conn.execute(text("SELECT id FROM audit ORDER BY id")).scalars()]


def verify(engine: Engine, anchor_folder: Path | None = None) -> str | None:
    """The first break the chain's check names, against the anchor when kept (None: intact)."""
    with engine.connect() as conn:
        identity = database_id(conn)
        anchor = (
            read_anchor(anchor_path(anchor_folder, identity))
            if anchor_folder is not None and identity is not None
            else None
        )
        return verify_chain(conn, anchor).broken


def raw(engine: Engine, sql: str, **values: object) -> None:
    with engine.begin() as conn:
        conn.execute(text(sql), values)


def test_every_write_chains_onto_the_last(engine: Engine) -> None:
    fill(engine)
    with engine.connect() as conn:
        report = verify_chain(conn)
        rows = conn.execute(text("SELECT id, chain FROM audit ORDER BY id")).all()
    assert report.ok
    assert report.rows == len(rows) == 9  # 3 imported, 1 registered, 4 added, 1 deleted
    assert report.head is not None
    assert (report.head.last_id, report.head.chain) == tuple(rows[-1])
    assert all(len(chain) == 64 for _, chain in rows)
    assert len({chain for _, chain in rows}) == len(rows)


def test_the_hash_covers_each_field_and_the_row_before(engine: Engine) -> None:
    """Computed independently of the writers: SHA-256 over the previous hash and each field,
    length-prefixed (audit_chain.digest), as the documentation describes."""
    fill(engine)
    with engine.connect() as conn:
        first = conn.execute(text("SELECT * FROM audit ORDER BY id LIMIT 1")).mappings().one()
    expected = digest(
        GENESIS,
        [
            first["patient_id"],
            first["table_name"],
            first["row_id"],
            first["action"],
            first["actor"],
            first["at"],
            first["before"],
            first["after"],
            first["reason"],
            first["revision"],
        ],
    )
    assert first["chain"] == expected
    assert digest(GENESIS, ["1", "x"]) != digest(GENESIS, ["1x", ""])  # fields never run together


@pytest.mark.parametrize(
    ("column", "value"),
    [("actor", "dr.chief@ws-01"), ("after", '{"weight_kg": 99}'), ("reason", "other")],
)
def test_an_edited_row_is_named(engine: Engine, column: str, value: str) -> None:
    fill(engine)
    target = ids(engine)[4]
    raw(engine, f"UPDATE audit SET {column} = :value WHERE id = :id", value=value, id=target)
    broken = verify(engine)
    assert broken is not None
    assert broken.startswith(f"audit row {target}: its hash does not follow")


def test_an_edited_time_is_named(engine: Engine) -> None:
    fill(engine)
    target = ids(engine)[2]
    raw(
        engine,
        "UPDATE audit SET at = :at WHERE id = :id",
        at=dt.datetime(2020, 1, 1, tzinfo=dt.UTC),
        id=target,
    )
    assert (verify(engine) or "").startswith(f"audit row {target}:")


def test_a_deleted_row_is_named_by_the_row_after_it(engine: Engine) -> None:
    fill(engine)
    found = ids(engine)
    raw(engine, "DELETE FROM audit WHERE id = :id", id=found[3])
    broken = verify(engine)
    assert broken is not None
    assert broken.startswith(f"audit row {found[4]}: its hash does not follow")
    assert f"the row with id {found[3]} is missing" in broken


def test_an_inserted_row_is_named(engine: Engine) -> None:
    """A row slipped in after the fact, with a hash copied from another row."""
    fill(engine)
    last = ids(engine)[-1]
    raw(
        engine,
        "INSERT INTO audit (id, patient_id, table_name, row_id, action, actor, at, chain) "
        "SELECT :id, patient_id, table_name, row_id, 'delete', 'nobody', at, chain "
        "FROM audit WHERE id = :last",
        id=last + 1,
        last=last,
    )
    assert (verify(engine) or "").startswith(f"audit row {last + 1}: its hash does not follow")


def test_rows_cut_from_the_end_are_found_against_the_anchor(engine: Engine, tmp_path: Path) -> None:
    fill(engine)
    anchor_now(engine, tmp_path)
    last = ids(engine)[-1]
    raw(engine, "DELETE FROM audit WHERE id >= :id", id=last - 1)
    assert verify(engine) is None  # the chain alone cannot tell
    assert verify(engine, tmp_path) == (
        f"audit row {last}, the last the anchor recorded, is missing: rows were deleted from "
        "the end of the audit"
    )


def test_a_chain_recomputed_over_an_edit_is_found_against_the_anchor(
    engine: Engine, tmp_path: Path
) -> None:
    """Someone who knows the hash edits a row and recomputes every hash after it: the chain
    holds, but the row the anchor names no longer has the hash it recorded."""
    fill(engine)
    anchor_now(engine, tmp_path)
    found = ids(engine)
    raw(engine, "UPDATE audit SET actor = 'dr.chief' WHERE id = :id", id=found[1])
    with engine.connect() as conn:
        rows = conn.exec_driver_sql(
            "SELECT id, patient_id, table_name, row_id, action, actor, at, before, after, "
            "reason, revision FROM audit ORDER BY id"
        ).all()
    previous = GENESIS
    for row in rows:
        previous = digest(previous, row[1:])
        raw(engine, "UPDATE audit SET chain = :chain WHERE id = :id", chain=previous, id=row[0])
    assert verify(engine) is None
    assert verify(engine, tmp_path) == (
        f"audit row {found[-1]}: its hash is not the one the anchor recorded: the audit up to "
        "it was rewritten"
    )


def test_the_anchor_follows_each_write_and_only_its_owner_reads_it(
    engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(anchors, "ANCHOR_EVERY_S", 0.0)  # each write anchored
    folder = tmp_path / "anchors"
    keep_anchors(engine, folder)
    fill(engine)
    with engine.connect() as conn:
        identity = database_id(conn)
    assert identity is not None
    path = anchor_path(folder, identity)
    anchor = read_anchor(path)
    assert anchor is not None
    assert (anchor.last_id, anchor.rows) == (ids(engine)[-1], len(ids(engine)))
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert json.loads(path.read_text(encoding="utf-8"))["database_id"] == identity


def test_an_anchor_never_moves_onto_a_changed_audit(
    engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(anchors, "ANCHOR_EVERY_S", 0.0)  # each write anchored
    keep_anchors(engine, tmp_path)
    fill(engine)
    with engine.connect() as conn:
        identity = database_id(conn)
    assert identity is not None
    before = read_anchor(anchor_path(tmp_path, identity))
    assert before is not None
    raw(engine, "UPDATE audit SET actor = 'x' WHERE id = :id", id=before.last_id)
    create_patient(
        engine, {"mrn": "A-2", "name": "Bo", "sex": "M", "date_of_birth": "1950-01-02"}, ACTOR
    )  # the write stands; the anchor stays where the audit was whole
    assert read_anchor(anchor_path(tmp_path, identity)) == before
    assert "audit row" in (verify(engine, tmp_path) or "")


def test_a_process_anchors_its_first_write_then_once_a_while(
    engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A save stays quick: the anchor moves at the first write, then at most every
    ANCHOR_EVERY_S seconds, and when the process ends."""
    keep_anchors(engine, tmp_path)
    fill(engine)
    with engine.connect() as conn:
        identity = database_id(conn)
    assert identity is not None
    first = read_anchor(anchor_path(tmp_path, identity))
    assert first is not None
    assert (first.rows, first.last_id) == (3, ids(engine)[2])  # the import's three rows
    assert first.last_id < ids(engine)[-1]
    monkeypatch.setattr(anchors, "ANCHOR_EVERY_S", 0.0)
    anchors.after_write(engine)
    moved = read_anchor(anchor_path(tmp_path, identity))
    assert moved is not None
    assert moved.last_id == ids(engine)[-1]


def test_db_check_names_the_first_broken_row(engine: Engine, tmp_path: Path) -> None:
    fill(engine)
    anchor_now(engine, tmp_path)
    report = check_database(engine, tmp_path)
    assert report.ok
    assert any(
        line.startswith("audit chain: 9 rows intact, against the anchor") for line in report.lines
    )
    target = ids(engine)[5]
    raw(engine, "UPDATE audit SET actor = 'x' WHERE id = :id", id=target)
    report = check_database(engine, tmp_path)
    assert not report.ok
    assert f"FAIL audit chain: audit row {target}: its hash does not follow" in "\n".join(
        report.lines
    )


def test_a_writer_whose_first_write_is_its_audit_row_waits_for_the_chain(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A refused sign-in writes only its audit row: while another writer holds the database,
    it must read the chain's head after that writer commits, not before (else two rows
    chain onto one and the audit reads as tampered with)."""
    import threading
    import time

    from argon2 import PasswordHasher

    from mmtracker.storage import users
    from mmtracker.storage.services import audit, audit_row, utc_now

    fill(engine)
    monkeypatch.setattr(users, "HASHER", PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))
    holding = threading.Event()

    def other_writer() -> None:
        with engine.begin() as conn:
            row = audit_row(patient_id=None, table="patient", row_id="-", action="view",
                            actor=ACTOR, at=utc_now(), before=None, after=None)  # fmt: skip
            audit(conn, row)
            holding.set()
            time.sleep(0.5)  # the refused sign-in below waits meanwhile

    thread = threading.Thread(target=other_writer)
    thread.start()
    assert holding.wait(10)
    with pytest.raises(users.SignInError):
        users.authenticate(engine, "nobody", "wrong")
    thread.join()
    assert verify(engine) is None
