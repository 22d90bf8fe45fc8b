"""The security figures of ``mmtracker bench`` (issue 13), each beside its floor measured in
the same run:

- **the audit chain's cost in a save**: the bench's one-entry save, in fresh processes,
  with the chain and with the chain's work removed, in turn in each process (the
  difference against a budget of 2 ms);
- **``mmtracker audit verify`` over a large audit**: the whole process, on an SQLite file
  of generated audit rows chained by the project's own function (built once and reused),
  beside a bare ``sqlite3`` + ``hashlib`` script that reads the same rows and computes the
  same hashes in the same order (the ratio against 1.5×);
- **a sign-in**: ``users.authenticate`` with the argon2 parameters in force, the first of
  a fresh process (against 0.5 s), beside the argon2 verification alone.
"""

from __future__ import annotations

import datetime as dt
import json
import statistics
import sys
import time
import uuid
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any
from unittest.mock import patch

from mmtracker.bench import ACTOR, SAVED_KIND, Figure, MeasureError, Run, run_process

if TYPE_CHECKING:
    from sqlalchemy import Connection, Engine

AUDIT_ROWS = 1_000_000
"""Audit rows ``audit verify`` is measured over (``--audit-rows``)."""
GENERATOR = 1
"""The version of :func:`generated_rows`: a cached file made by another version is rebuilt."""
MARK = "bench.audit"
"""The key in ``database_info`` that says what the generated file holds."""
WRITE_BATCH = 10_000
CHAIN_BUDGET = 0.002  # seconds the chain may add to a save (issue 13)
VERIFY_FLOOR_RATIO = 1.5  # audit verify against the bare script (issue 13)
SIGN_IN_BUDGET = 0.5  # seconds (issue 13)
SAVES = 15
"""Saves of each kind timed in one process, in pairs (one of each)."""
WARM_UP = 2
"""Pairs of saves not counted: the first compiles the statements and moves the anchor."""
PLACEHOLDER = "0" * 64
"""The ``chain`` the stand-in writes; the rows are re-chained after the timed saves."""
SIGN_IN_USER = "bench.sign-in"
SIGN_IN_PASSWORD = "a made-up password, bench only"  # of the sign-in database's one user

CHAIN_LABEL = f"chained save (median of {SAVES} a process)"
UNCHAINED_LABEL = "floor: the same save, the chain's work taken out"
VERIFY_FLOOR_LABEL = "floor: sqlite3 + hashlib script, whole process"
SIGN_IN_LABEL = "sign-in (authenticate), first of a process"
ARGON2_LABEL = "floor: argon2 verification alone"

FLOOR_SCRIPT = """
import hashlib, json, sqlite3, sys
path, columns = sys.argv[1], sys.argv[2]
conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
cursor = conn.execute(f"SELECT id, chain, {columns} FROM audit ORDER BY id")
sha256 = hashlib.sha256
previous, rows, broken = "", 0, 0
while batch := cursor.fetchmany(20000):
    for row in batch:
        parts = ["-" if v is None else f"{len(text := str(v))}:{text}" for v in row[2:]]
        body = "|".join([previous, *parts])
        computed = sha256(body.encode("utf-8", "surrogatepass")).hexdigest()
        broken += computed != row[1]
        previous = row[1]
        rows += 1
print(json.dumps({"rows": rows, "head": previous, "broken": broken}))
"""
"""A bare script, no mmtracker import: the audit rows read with sqlite3 in the order of their
ids, each hashed after the previous row's ``chain`` as the chain hashes it (fields in the
order given, each with its length before it, None as ``-``) and compared with its
``chain``; it prints the rows, the head and the rows whose hash differs."""


# --- the generated audit ---------------------------------------------------------------------

_ANALYTES = (
    ("creatinine", "umol/L", 60.0, 180.0),
    ("hemoglobin", "g/L", 80.0, 150.0),
    ("calcium", "mmol/L", 2.0, 3.0),
    ("m_protein", "g/L", 0.0, 40.0),
    ("kappa_flc", "mg/L", 3.0, 400.0),
)
_USERS = ("nurse.li", "dr.wang", "nurse.chen", "dr.garcia", "nurse.okafor")
_START = dt.datetime(2020, 1, 6, 8, 0, tzinfo=dt.UTC)


def _lab_row(n: int, patient: int, at: dt.datetime, actor: str) -> dict[str, object]:
    """A lab result's row as the audit keeps it (the columns of ``lab_result``)."""
    analyte, unit, low, high = _ANALYTES[n % len(_ANALYTES)]
    value = round(low + (n * 7919 % 1000) / 1000 * (high - low), 1)
    stamp = str(at)
    return {
        "analyte": analyte,
        "calcium_kind": None,
        "canonical_value": value,
        "created_at": stamp,
        "created_by": actor,
        "date": at.date().isoformat(),
        "id": str(uuid.UUID(int=n * 0x9E3779B97F4A7C15 % 2**128)),
        "isotype": None,
        "light_chain": None,
        "patient_id": patient,
        "qualitative": None,
        "ref_high": None,
        "ref_low": None,
        "time": None,
        "unit": unit,
        "updated_at": stamp,
        "updated_by": actor,
        "value": value,
        "version": 1,
    }


def generated_rows(count: int) -> Iterator[dict[str, Any]]:
    """``count`` audit rows as the services write them, their chain aside: of every 20, 16
    lab results entered (the entry's row after), one corrected (before and after, a reason),
    one deleted (before, a reason), one patient opened (``view``) and one sign-in."""
    from mmtracker.storage.services import audit_row

    for n in range(count):
        at = _START + dt.timedelta(seconds=n * 90, microseconds=n * 7919 % 1_000_000)
        actor = _USERS[n % len(_USERS)]
        patient = n * 7919 % 10_000 + 1
        lab = _lab_row(n, patient, at, actor)
        kind = n % 20
        if kind == 0:
            yield audit_row(
                patient_id=None,
                table="app_user",
                row_id=str(n % 5 + 1),
                action="sign-in",
                actor=actor,
                at=at,
                before=None,
                after={"failed_attempts": 0, "locked_until": None},
            )
        elif kind == 1:
            yield audit_row(
                patient_id=patient,
                table="patient",
                row_id=str(patient),
                action="view",
                actor=actor,
                at=at,
                before=None,
                after=None,
            )
        elif kind == 2:
            after = {**lab, "unit": "mg/dL", "version": 2}
            yield audit_row(
                patient_id=patient,
                table="lab_result",
                row_id=str(lab["id"]),
                action="update",
                actor=actor,
                at=at,
                before=lab,
                after=after,
                revision=n // 20 + 2,
                reason="the unit was typed wrong",
            )
        elif kind == 3:
            yield audit_row(
                patient_id=patient,
                table="lab_result",
                row_id=str(lab["id"]),
                action="delete",
                actor=actor,
                at=at,
                before=lab,
                after=None,
                revision=n // 20 + 2,
                reason="entered twice",
            )
        else:
            yield audit_row(
                patient_id=patient,
                table="lab_result",
                row_id=str(lab["id"]),
                action="insert",
                actor=actor,
                at=at,
                before=None,
                after=lab,
                revision=n // 20 + 1,
            )


def write_audit(engine: Engine, count: int, progress: Callable[[int], None] | None = None) -> str:
    """Append ``count`` generated audit rows, chained by ``audit_chain.chained`` in batches
    (Core executemany); the chain's head."""
    from sqlalchemy import insert

    from mmtracker.storage.audit_chain import chained
    from mmtracker.storage.tables import AUDIT

    rows = generated_rows(count)
    head, written = "", 0
    while written < count:
        with engine.begin() as conn:  # a transaction for every ten batches
            for _ in range(10):
                batch = list(islice(rows, WRITE_BATCH))
                if not batch:
                    break
                done = chained(conn, batch)
                conn.execute(insert(AUDIT), done)
                head, written = done[-1]["chain"], written + len(done)
        if progress is not None:
            progress(written)
    return str(head)


@dataclass(frozen=True, slots=True)
class AuditFile:
    """The generated audit's file: its path and URL, its rows and head, and what was done."""

    path: Path
    url: str
    rows: int
    head: str
    done: str


def _mark(engine: Engine) -> dict[str, Any] | None:
    from sqlalchemy import select

    from mmtracker.storage.anchors import INFO

    with engine.connect() as conn:
        found = conn.execute(select(INFO.c.value).where(INFO.c.key == MARK)).scalar()
    return None if found is None else dict(json.loads(found))


def _held(url: str, rows: int) -> str | None:
    """The head of the file at ``url`` when it holds the generated audit of ``rows`` rows at
    this schema; None otherwise."""
    from mmtracker.storage.engine import make_engine
    from mmtracker.storage.schema import schema_state

    engine = make_engine(url)
    try:
        if not schema_state(engine).up_to_date:
            return None
        mark = _mark(engine)
    finally:
        engine.dispose()
    if mark is None or mark.get("rows") != rows or mark.get("generator") != GENERATOR:
        return None
    return str(mark["head"])


def prepare_audit(folder: Path, rows: int) -> AuditFile:
    """The SQLite file of ``rows`` generated audit rows in ``folder`` (the data folder),
    reused when it holds them, else (re)built and anchored there as a workstation would."""
    from sqlalchemy import insert

    from mmtracker.config import sqlite_url
    from mmtracker.storage.anchors import INFO, anchor_now
    from mmtracker.workflows import open_engine

    path = folder / f"bench-audit-{rows}.sqlite"
    url = sqlite_url(path)
    if path.exists():
        head = _held(url, rows)
        if head is not None:
            return AuditFile(path, url, rows, head, "reused")
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
    _say(f"writing {rows:,} chained audit rows to {path} …")
    started = time.perf_counter()
    engine = open_engine(url)
    try:
        head = write_audit(engine, rows, lambda n: _say(f"  {n:,} rows"))
        anchor = anchor_now(engine, folder)  # the project's own check of the whole chain
        if anchor is None or anchor.chain != head or anchor.rows != rows:
            raise MeasureError(f"the generated audit does not verify: {anchor}")
        mark = json.dumps({"rows": rows, "generator": GENERATOR, "head": head})
        with engine.begin() as conn:
            conn.execute(insert(INFO).values(key=MARK, value=mark))
    finally:
        engine.dispose()
    _say(f"audit written and verified in {time.perf_counter() - started:.1f} s")
    return AuditFile(path, url, rows, head, "built")


def bare_verify(path: Path, env: Mapping[str, str]) -> tuple[Run, dict[str, Any]]:
    """The bare script over the file at ``path``, as a fresh process: its run and what it
    found (rows, head, rows whose hash differs)."""
    from mmtracker.storage.audit_chain import FIELDS

    argv = [sys.executable, "-c", FLOOR_SCRIPT, str(path), ", ".join(FIELDS)]
    run, out = run_process(argv, dict(env))
    return run, dict(json.loads(out))


# --- the save with and without the chain, in its own process --------------------------------


def _rechain(engine: Engine, after: int) -> None:
    """Recompute the ``chain`` of the audit rows after id ``after`` (the stand-in's
    placeholders and what chained onto them)."""
    from sqlalchemy import text, update

    from mmtracker.storage.audit_chain import FIELDS, GENESIS, digest
    from mmtracker.storage.tables import AUDIT

    with engine.begin() as conn:
        before = conn.execute(text("SELECT chain FROM audit WHERE id = :id"), {"id": after})
        found = before.scalar()
        previous = GENESIS if found is None else str(found)
        rows = conn.exec_driver_sql(
            f"SELECT id, chain, {', '.join(FIELDS)} FROM audit WHERE id > {int(after)} ORDER BY id"
        ).all()
        for row in rows:
            expected = digest(previous, tuple(row[2:]))
            if row[1] != expected:
                conn.execute(update(AUDIT).where(AUDIT.c.id == row[0]).values(chain=expected))
            previous = expected


def _last_audit_id(engine: Engine) -> int:
    from sqlalchemy import func, select

    from mmtracker.storage.tables import AUDIT

    with engine.connect() as conn:
        return int(conn.execute(select(func.coalesce(func.max(AUDIT.c.id), 0))).scalar_one())


def saves(patient: int, as_of: dt.date, count: int) -> dict[str, list[float]]:
    """The bench's one-entry save (``bench._save``) in pairs, with the chain and with the
    chain's work taken out, each entry deleted again: the seconds of each save of the
    ``count`` pairs after :data:`WARM_UP` (in the order of the pairs), and those the
    chained saves spent in the chain's function."""
    import mmtracker.logic.assessment  # noqa: F401  # loaded by the application before any save
    from mmtracker.config import database_url, load_policy
    from mmtracker.storage import services, state
    from mmtracker.storage.audit_chain import chained, stored_time
    from mmtracker.workflows import open_engine

    engine = open_engine(database_url(None))
    policy = load_policy(None)
    entry = {"date": as_of.isoformat(), "analyte": "creatinine", "value": 88.0, "unit": "umol/L"}
    hook = state.updater(as_of, policy)
    in_chain: list[float] = []

    def timed(conn: Connection, rows: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
        started = time.perf_counter()
        done = chained(conn, rows)
        in_chain.append(time.perf_counter() - started)
        return done

    def stand_in(_conn: Connection, rows: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
        """``chained`` without the head lookup and the SHA-256: the same rows, their time in
        UTC, a placeholder chain."""
        return [{**row, "at": stored_time(row["at"]), "chain": PLACEHOLDER} for row in rows]

    def save(kind: str) -> float:
        """One save timed, ``services.audit`` chaining its row meanwhile with the timed chain
        or the stand-in; its entry deleted again, not timed."""
        with patch.object(services, "chained", timed if kind == "chained" else stand_in):
            started = time.perf_counter()
            change = services.add_entry(
                engine, patient, SAVED_KIND, entry, ACTOR, today=as_of, on_change=hook
            )
            seconds = time.perf_counter() - started
            services.delete_entry(
                engine, SAVED_KIND, change.row_id, 1, ACTOR, on_change=hook, reason="bench"
            )
        return seconds

    found: dict[str, list[float]] = {"chained": [], "unchained": [], "in_chain": []}
    after = _last_audit_id(engine)
    try:
        for pair in range(WARM_UP + count):
            # in turn, one order then the other, so that a drift within the process cancels
            for kind in ("chained", "unchained")[:: 1 if pair % 2 == 0 else -1]:
                seconds = save(kind)
                if pair < WARM_UP:
                    continue
                found[kind].append(seconds)
                if kind == "chained":
                    found["in_chain"].append(in_chain[-2])  # the add's, not the delete's
    finally:
        _rechain(engine, after)
        engine.dispose()
    return found


# --- the sign-in, in its own process -----------------------------------------------------------


def argon2_parameters(stored: str) -> str:
    """The argon2 parameters of a stored hash, as the report names them."""
    from argon2 import extract_parameters

    found = extract_parameters(stored)
    return (
        f"argon2{found.type.name.lower()} v{found.version}, m={found.memory_cost} KiB "
        f"({found.memory_cost / 1024:g} MiB), t={found.time_cost}, p={found.parallelism}"
    )


def sign_in(name: str, password: str) -> dict[str, Any]:
    """The first ``authenticate`` of a fresh process, then the argon2 verification of the same
    hash alone: their seconds and the hash's parameters."""
    from sqlalchemy import select

    from mmtracker.config import database_url
    from mmtracker.storage.users import HASHER, USER, authenticate
    from mmtracker.workflows import open_engine

    engine = open_engine(database_url(None))
    started = time.perf_counter()
    authenticate(engine, name, password)
    seconds = time.perf_counter() - started
    with engine.connect() as conn:
        stored = str(conn.execute(select(USER.c.password_hash).where(USER.c.name == name)).scalar())
    started = time.perf_counter()
    HASHER.verify(stored, password)
    alone = time.perf_counter() - started
    engine.dispose()
    return {"seconds": seconds, "argon2": alone, "parameters": argon2_parameters(stored)}


# --- the figures ----------------------------------------------------------------------------


USAGE = (
    "usage: python -m mmtracker.bench_security save PATIENT_ID YYYY-MM-DD PAIRS\n"
    "       python -m mmtracker.bench_security sign-in NAME PASSWORD"
)


def _child(argv: Sequence[str]) -> int:
    """Measure in this process what ``argv`` names and write it as JSON."""
    if len(argv) == 4 and argv[0] == "save":
        found: dict[str, Any] = {
            **saves(int(argv[1]), dt.date.fromisoformat(argv[2]), int(argv[3]))
        }
    elif len(argv) == 3 and argv[0] == "sign-in":
        found = sign_in(argv[1], argv[2])
    else:
        sys.stderr.write(USAGE + "\n")
        return 2
    sys.stdout.write(json.dumps(found) + "\n")
    return 0


def _own(argv: Sequence[str], env: dict[str, str]) -> tuple[Run, dict[str, Any]]:
    run, out = run_process([sys.executable, "-m", "mmtracker.bench_security", *argv], env)
    return run, dict(json.loads(out))


def _say(text: str) -> None:
    sys.stderr.write(text + "\n")
    sys.stderr.flush()


def chain_figures(
    env: dict[str, str], runs: int, day: str, patient: int
) -> tuple[list[Figure], str]:
    """The save with the chain and without its work, ``runs`` fresh processes each doing both
    in turn; the figures (each a process's median) and the report's line."""
    chained: list[float] = []
    unchained: list[float] = []
    paired: list[float] = []
    own: list[float] = []
    peaks: list[int | None] = []
    for number in range(1, runs + 1):
        _say(f"the audit chain in a save: process {number} of {runs}")
        run, found = _own(["save", str(patient), day, str(SAVES)], env)
        chained.append(statistics.median(found["chained"]))
        unchained.append(statistics.median(found["unchained"]))
        paired += [a - b for a, b in zip(found["chained"], found["unchained"], strict=True)]
        own.extend(found["in_chain"])
        peaks.append(run.peak_bytes)
    floor = Figure(UNCHAINED_LABEL, unchained, [None] * runs)
    figure = Figure(
        CHAIN_LABEL,
        chained,
        peaks,
        beyond=floor.label,
        beyond_budget=CHAIN_BUDGET,
        beyond_name="floor",
    )
    line = (
        f"audit chain   the save above, in {SAVES} pairs a process, one save with the chain "
        f"and one without, in turn (after {WARM_UP} pairs not counted); without: "
        "services.audit's `chained` replaced in that process by a stand-in that skips the "
        "chain's head lookup (on PostgreSQL under its advisory lock) and the row's SHA-256, "
        "keeps the row and its UTC time and writes a placeholder chain, re-chained after the "
        f"saves; each pair's difference: median {statistics.median(paired) * 1000:+.2f} ms; "
        f"in `chained` itself: median {statistics.median(own) * 1000:.2f} ms a save"
    )
    return [figure, floor], line


def verify_figures(env: dict[str, str], runs: int, audit: AuditFile) -> tuple[list[Figure], str]:
    """``mmtracker audit verify`` over the generated audit beside the bare script, in turn in
    fresh processes; the figures and the report's line. The script's head must be the head
    the project's chain gave, and the command must find every row intact."""
    argv = [sys.executable, "-m", "mmtracker.cli", "audit", "verify", "--database", audit.url]
    intact = f"audit chain: {audit.rows} rows intact"
    verify: list[Run] = []
    floor: list[Run] = []
    for number in range(1, runs + 1):
        _say(f"audit verify over {audit.rows:,} rows and its floor: run {number} of {runs}")
        run, found = bare_verify(audit.path, env)
        if (found["rows"], found["head"], found["broken"]) != (audit.rows, audit.head, 0):
            raise MeasureError(f"the bare script disagrees with the chain: {found}")
        floor.append(run)
        run, out = run_process(argv, env)
        if intact not in out:
            raise MeasureError(f"audit verify did not find the chain intact: {out.strip()}")
        verify.append(run)
    bare = Figure(VERIFY_FLOOR_LABEL, [r.wall for r in floor], [r.peak_bytes for r in floor])
    figure = Figure(
        f"audit verify, whole process ({audit.rows:,} rows)",
        [r.wall for r in verify],
        [r.peak_bytes for r in verify],
        floor=bare.label,
        floor_ratio=VERIFY_FLOOR_RATIO,
    )
    size = audit.path.stat().st_size
    line = (
        f"audit verify  {audit.path} ({audit.done}): {audit.rows:,} generated audit rows "
        f"({size / 2**20:,.0f} MiB, SQLite) chained by the project's own function; the floor "
        "reads them with sqlite3, hashes them with hashlib in the same order and gets the "
        f"same head ({audit.head[:12]}…)"
    )
    return [figure, bare], line


def sign_in_figures(folder: Path, env: dict[str, str], runs: int) -> tuple[list[Figure], str]:
    """A sign-in, the first of each of ``runs`` fresh processes, to a database of its own in
    ``folder`` (made anew, with one user: the bench's demo stays without users); the
    figures and the report's line."""
    from mmtracker.config import sqlite_url
    from mmtracker.storage.users import Role, create_user
    from mmtracker.workflows import open_engine

    path = folder / "bench-sign-in.sqlite"
    for stale in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        stale.unlink(missing_ok=True)
    url = sqlite_url(path)
    engine = open_engine(url)
    create_user(engine, SIGN_IN_USER, "Bench sign-in", Role.ADMINISTRATOR, SIGN_IN_PASSWORD, ACTOR)
    engine.dispose()
    own_env = {**env, "MMTRACKER_DATABASE_URL": url}
    found: list[dict[str, Any]] = []
    peaks: list[int | None] = []
    for number in range(1, runs + 1):
        _say(f"sign-in: run {number} of {runs}")
        run, measured = _own(["sign-in", SIGN_IN_USER, SIGN_IN_PASSWORD], own_env)
        found.append(measured)
        peaks.append(run.peak_bytes)
    floor = Figure(ARGON2_LABEL, [f["argon2"] for f in found], [None] * runs)
    figure = Figure(
        SIGN_IN_LABEL, [f["seconds"] for f in found], peaks, SIGN_IN_BUDGET, floor=floor.label
    )
    line = (
        f"sign-in       argon2 parameters in force: {found[0]['parameters']} "
        f"(argon2-cffi {_version('argon2-cffi')}); in {path}, a database of its own"
    )
    return [figure, floor], line


def _version(package: str) -> str:
    from importlib.metadata import version

    return version(package)


if __name__ == "__main__":
    sys.exit(_child(sys.argv[1:]))
