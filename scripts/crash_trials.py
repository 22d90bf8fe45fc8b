"""Crash trials: kill mmtracker's writers with SIGKILL at random moments, then check the database.

    scripts/crash-trials [--dialect sqlite|postgresql] [--trials 200] [--seed 1]
        [--url POSTGRESQL_URL] [--kinds demo,import,...] [--patients 1000]
        [--record-labs 8000] [--writes 100] [--spread whole|writing|mixed] [--work DIR]
        [--keep]

Not part of the test suite (tests/storage/test_crash_trials.py runs a few fixed trials).

Kinds of writer, each started on a fresh copy of a prepared database:

- ``demo``: ``mmtracker demo --patients N`` into an empty migrated database;
- ``import``: ``mmtracker import-record`` of a large record (a new MRN) into a clinic;
- ``replace``: ``mmtracker import-record --replace`` of a large record over a clinic patient;
- ``services``: a process adding, correcting and deleting entries through
  :mod:`mmtracker.storage.services` (each write re-assessing its patient in its
  transaction, as the window does), printing a line once each commit has returned;
- ``reassess``: ``mmtracker db reassess --all`` over every live patient of a clinic;
- ``migration``: ``mmtracker db upgrade`` of a clinic taken back to an older schema.

Each kind is first run twice unkilled, which measures how long it takes (d) and, looking
every 2 ms, how long write transactions are open in it (SQLite: the WAL write lock in
the ``-shm`` file is held; PostgreSQL: a backend of the database holds a transaction
id). Then each trial SIGKILLs the writer's process group: with ``--spread whole`` after
a delay uniform in [0, d]; with ``writing`` at a moment uniform over its time in write
transactions (the k-th look finding one open, k uniform), which lands mid-write whatever
the machine's load; ``mixed`` (the default) draws either at even odds. Whether a write
transaction was open at the kill is looked up just before it. After the kill:

- SQLite ``PRAGMA integrity_check`` is ok and ``foreign_key_check`` finds nothing
  (PostgreSQL: ``amcheck`` verifies every B-tree index against its table, where the
  extension can be created);
- ``mmtracker db check`` exits 0 (after a killed migration, once ``mmtracker db upgrade``
  has finished it without having to repair anything);
- everything the writer reported committed is there and nothing is half there: a demo
  is all its patients or none, an imported record is all its entries or none, a replaced
  patient is wholly the old record or wholly the new, each service write reported is
  there with its audit row and its patient's revision, a re-assessment leaves whole
  chunks, a migration keeps every row;
- ``mmtracker worklist --format json`` reads the database.

On PostgreSQL without ``--url`` a throwaway cluster is started (``initdb`` and
``pg_ctl`` as the ``postgres`` user when run as root, 127.0.0.1 only, trust
authentication, a temporary folder, PostgreSQL's own durability settings) and removed
at the end. One line per trial, then a summary; exit 1 when any trial failed. A failed
trial's database is kept and named.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import fcntl
import json
import os
import random
import select
import shutil
import signal
import socket
import struct
import subprocess
import sys
import tempfile
import time
import uuid
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from sqlalchemy import Connection

SCRIPT = Path(__file__).resolve()
PG_BIN = Path(os.environ.get("MMTRACKER_PG_BIN", "/usr/lib/postgresql/15/bin"))
ACTOR = "crash-trials"
IMPORT_MRN = "CRASH-0001"
STATE_AGE_DAYS = 7  # the prepared clinic's stored state is this many days old
# SQLite's WAL write lock: byte 120 of the -shm file (22 + 8 lock slots of 4 bytes; slot 0).
WAL_WRITE_LOCK_BYTE = 120
_FLOCK = "hhqqi4x"  # struct flock on Linux: type, whence, start, len, pid
WRITING_SQL = ("INSERT", "UPDATE", "DELETE", "CREATE", "ALTER", "DROP")
POLL = 0.002  # seconds between two looks for an open write transaction


def today() -> dt.date:
    return dt.date.today()


# --- databases ----------------------------------------------------------------------------


class Backend(Protocol):
    """Where the trial databases live: copies of prepared templates, dropped after use."""

    dialect: str

    def create(self, template: str | None) -> str:
        """A new database, a copy of ``template`` (a URL) or empty; its URL."""
        ...

    def drop(self, url: str) -> None: ...

    def writing(self, url: str) -> bool:
        """Whether a write transaction is open on the database now."""
        ...

    def physical_problems(self, url: str) -> list[str]:
        """What the database engine's own checks find wrong in the stored file or indexes."""
        ...

    def close(self) -> None: ...


class SqliteBackend:
    """SQLite files in a folder; a copy is a file copy."""

    dialect = "sqlite"

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        folder.mkdir(parents=True, exist_ok=True)

    @staticmethod
    def path(url: str) -> Path:
        return Path(url.removeprefix("sqlite:///"))

    def create(self, template: str | None) -> str:
        target = self.folder / f"db-{uuid.uuid4().hex[:12]}.sqlite"
        if template is not None:
            shutil.copyfile(self.path(template), target)
        return f"sqlite:///{target}"

    def drop(self, url: str) -> None:
        path = self.path(url)
        for leftover in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
            leftover.unlink(missing_ok=True)

    def writing(self, url: str) -> bool:
        try:
            fd = os.open(f"{self.path(url)}-shm", os.O_RDWR)
        except FileNotFoundError:
            return False
        try:
            query = struct.pack(_FLOCK, fcntl.F_WRLCK, os.SEEK_SET, WAL_WRITE_LOCK_BYTE, 1, 0)
            answer = fcntl.fcntl(fd, fcntl.F_GETLK, query)
            return bool(struct.unpack(_FLOCK, answer)[0] != fcntl.F_UNLCK)
        finally:
            os.close(fd)

    def physical_problems(self, url: str) -> list[str]:
        import sqlite3

        problems: list[str] = []
        conn = sqlite3.connect(self.path(url))
        try:
            result = [row[0] for row in conn.execute("PRAGMA integrity_check")]
            if result != ["ok"]:
                problems.append("PRAGMA integrity_check: " + "; ".join(result[:5]))
            broken = conn.execute("PRAGMA foreign_key_check").fetchall()
            if broken:
                problems.append(f"PRAGMA foreign_key_check: {len(broken)} rows, e.g. {broken[0]}")
        except sqlite3.DatabaseError as exc:
            problems.append(f"SQLite cannot read the file: {exc}")
        finally:
            conn.close()
        return problems

    def close(self) -> None:
        pass


class PostgresBackend:
    """Databases on a PostgreSQL server; a copy is ``CREATE DATABASE … TEMPLATE``."""

    dialect = "postgresql"

    def __init__(self, url: str) -> None:
        import psycopg
        from sqlalchemy.engine import make_url

        self.server = make_url(url).set(drivername="postgresql+psycopg")
        admin = self.server.set(drivername="postgresql", database="postgres")
        self.admin = psycopg.connect(admin.render_as_string(hide_password=False), autocommit=True)
        self.amcheck: bool | None = None  # whether amcheck can be used (None: not tried yet)

    def _name(self, url: str) -> str:
        return url.rsplit("/", 1)[1]

    def create(self, template: str | None) -> str:
        from psycopg import sql

        name = "crash_" + uuid.uuid4().hex[:12]
        if template is None:
            self.admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        else:
            self.admin.execute(
                sql.SQL("CREATE DATABASE {} TEMPLATE {}").format(
                    sql.Identifier(name), sql.Identifier(self._name(template))
                )
            )
        return self.server.set(database=name).render_as_string(hide_password=False)

    def drop(self, url: str) -> None:
        from psycopg import sql

        self.admin.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(
                sql.Identifier(self._name(url))
            )
        )

    def writing(self, url: str) -> bool:
        row = self.admin.execute(
            "SELECT count(*) FROM pg_stat_activity"
            " WHERE datname = %s AND backend_xid IS NOT NULL AND pid <> pg_backend_pid()",
            (self._name(url),),
        ).fetchone()
        return bool(row and row[0])

    def physical_problems(self, url: str) -> list[str]:
        """amcheck on every B-tree index of the schema, each against its table's rows."""
        import psycopg

        if self.amcheck is False:
            return []
        dsn = self.server.set(drivername="postgresql", database=self._name(url))
        with psycopg.connect(dsn.render_as_string(hide_password=False), autocommit=True) as conn:
            try:
                conn.execute("CREATE EXTENSION IF NOT EXISTS amcheck")
            except psycopg.Error as exc:
                self.amcheck = False
                print(f"note: amcheck cannot be used ({exc}); indexes are not verified")
                return []
            self.amcheck = True
            indexes = conn.execute(
                "SELECT c.relname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid"
                " JOIN pg_am a ON a.oid = c.relam JOIN pg_namespace n ON n.oid = c.relnamespace"
                " WHERE a.amname = 'btree' AND n.nspname = 'public'"
            ).fetchall()
            problems = []
            for (index,) in indexes:
                try:
                    conn.execute("SELECT bt_index_check(%s::regclass, true)", (index,))
                except psycopg.Error as exc:
                    problems.append(f"amcheck {index}: {exc}")
            return problems

    def close(self) -> None:
        self.admin.close()


def _as_postgres(*command: str) -> None:
    runner = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    subprocess.run([*runner, *command], check=True, capture_output=True, text=True)


class ThrowawayCluster:
    """A PostgreSQL cluster on 127.0.0.1 with trust authentication, in a temporary folder.

    PostgreSQL's durability settings are left as shipped (fsync on, synchronous commits).
    """

    def __init__(self) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="mmtracker-crash-pg-"))
        self.data = self.folder / "data"
        self.port = 0

    def start(self) -> str:
        """Start the cluster; the URL of its ``postgres`` database."""
        if not (PG_BIN / "initdb").exists():
            raise FileNotFoundError(f"{PG_BIN / 'initdb'} is not installed")
        if os.geteuid() == 0:
            shutil.chown(self.folder, "postgres", "postgres")
        _as_postgres(
            str(PG_BIN / "initdb"),
            "-D",
            str(self.data),
            "-U",
            "postgres",
            "--auth=trust",
            "--encoding=UTF8",
            "--locale=C.UTF-8",
        )
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = int(s.getsockname()[1])
        _as_postgres(
            str(PG_BIN / "pg_ctl"),
            "-D",
            str(self.data),
            "-o",
            f"-h 127.0.0.1 -p {self.port} -k {self.folder}",
            "-l",
            str(self.folder / "log"),
            "-w",
            "start",
        )
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/postgres"

    def stop(self) -> None:
        """Stop the server and remove its folder."""
        if self.data.exists():
            with contextlib.suppress(subprocess.CalledProcessError, FileNotFoundError):
                _as_postgres(str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-m", "fast", "stop")
        shutil.rmtree(self.folder, ignore_errors=True)


@contextlib.contextmanager
def reading(url: str) -> Iterator[Connection]:
    """A connection on ``url`` for the checks, closed (and its engine disposed) after."""
    from sqlalchemy import create_engine
    from sqlalchemy.pool import NullPool

    engine = create_engine(url, poolclass=NullPool)
    try:
        with engine.connect() as conn:
            yield conn
    finally:
        engine.dispose()


def _engine(url: str) -> Any:
    from mmtracker.storage.engine import make_engine

    return make_engine(url)


# --- the prepared databases and record files -----------------------------------------------


@dataclass
class Workload:
    """The templates every trial copies, the record files, and the sizes of the writes."""

    backend: Backend
    folder: Path
    patients: int
    record_labs: int
    writes: int
    empty: str = ""
    clinic: str = ""
    import_file: Path = Path()
    replace_file: Path = Path()
    replaced_mrn: str = ""
    revisions: list[str] = field(default_factory=list)
    """The schema revisions before the head, oldest first."""
    in_process: bool = False
    """The checks run mmtracker in this process (quicker, for tests), not in one of its own."""
    _at_revision: dict[str, str] = field(default_factory=dict)
    _demo_counts: dict[str, int] | None = None

    def template_at(self, revision: str) -> str:
        """The clinic taken back to ``revision`` (made on first use)."""
        if revision not in self._at_revision:
            from mmtracker.storage.schema import downgrade

            url = self.backend.create(self.clinic)
            engine = _engine(url)
            downgrade(engine, revision)
            engine.dispose()
            self._at_revision[revision] = url
        return self._at_revision[revision]

    def demo_counts(self) -> dict[str, int]:
        """The rows per table a whole demo of ``patients`` holds (seed 1, as of today)."""
        if self._demo_counts is None:
            from mmtracker.demo import generate_records
            from mmtracker.storage.tables import table_of

            counts: Counter[str] = Counter()
            for record in generate_records(self.patients, 1, today()):
                counts["patient"] += 1
                for kind, entries in record.entries.items():
                    counts[table_of(kind).name] += len(entries)
            self._demo_counts = dict(counts)
        return self._demo_counts

    def close(self) -> None:
        for url in (self.empty, self.clinic, *self._at_revision.values()):
            if url:
                self.backend.drop(url)


def prepare(
    backend: Backend, folder: Path, patients: int, record_labs: int, writes: int
) -> Workload:
    """Make the templates (an empty migrated database, a clinic of ``patients`` demo
    records with stored state a week old) and the record files to import."""
    from mmtracker.config import load_policy
    from mmtracker.demo import generate_records
    from mmtracker.storage import schema
    from mmtracker.storage.bulk import write_records
    from mmtracker.storage.state import reassess_all

    folder.mkdir(parents=True, exist_ok=True)
    work = Workload(backend, folder, patients, record_labs, writes)
    work.revisions = revisions()[:-1]
    work.empty = backend.create(None)
    engine = _engine(work.empty)
    schema.upgrade(engine)
    engine.dispose()
    work.clinic = backend.create(work.empty)
    engine = _engine(work.clinic)
    write_records(engine, generate_records(patients, 1, today()), ACTOR, today=today())
    policy = load_policy()
    reassess_all(engine, today() - dt.timedelta(days=STATE_AGE_DAYS), policy)
    first = _record_document(engine, 1)
    engine.dispose()
    work.replaced_mrn = first["patient"]["mrn"]
    work.import_file = folder / "import.json"
    work.import_file.write_text(json.dumps(_import_document(first, record_labs)), "utf-8")
    work.replace_file = folder / "replace.json"
    work.replace_file.write_text(json.dumps(_replace_document(first, record_labs)), "utf-8")
    return work


def revisions() -> list[str]:
    """The application's schema revisions, oldest first."""
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    from mmtracker.storage.schema import MIGRATIONS

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return [
        r.revision for r in reversed(list(ScriptDirectory.from_config(config).walk_revisions()))
    ]


def _record_document(engine: Any, patient_id: int) -> dict[str, Any]:
    from mmtracker.record import record_document
    from mmtracker.storage.loaders import load_record_rows

    return record_document(load_record_rows(engine, [patient_id])[patient_id])


def _grown_labs(labs: Sequence[dict[str, Any]], keep: int, total: int) -> list[dict[str, Any]]:
    """The first ``keep`` lab results as they are, then copies with new ids up to ``total``."""
    grown = [dict(lab) for lab in labs[:keep]]
    while len(grown) < total:
        grown.append({**labs[len(grown) % len(labs)], "id": str(uuid.uuid4())})
    return grown


def _import_document(source: dict[str, Any], labs: int) -> dict[str, Any]:
    """A new patient's large record: ``source`` under another MRN, every id new."""
    from mmtracker.logic.history import ENTRY_KINDS

    document: dict[str, Any] = json.loads(json.dumps(source))
    document["patient"].update(mrn=IMPORT_MRN, name="Crash Trial")
    for kind in ENTRY_KINDS:
        for entry in document[kind]:
            entry["id"] = str(uuid.uuid4())
    document["lab_results"] = _grown_labs(document["lab_results"], 0, labs)
    return document


def _replace_document(source: dict[str, Any], labs: int) -> dict[str, Any]:
    """The same patient's record corrected: renamed, half its lab results kept, many new."""
    document: dict[str, Any] = json.loads(json.dumps(source))
    document["patient"]["name"] += " (replaced)"
    kept = len(document["lab_results"]) // 2
    document["lab_results"] = _grown_labs(document["lab_results"], kept, labs)
    return document


# --- what a record looks like in the database ----------------------------------------------


@dataclass(frozen=True)
class Shape:
    """A patient's name and the ids of its entries, table by table."""

    name: str
    entries: tuple[tuple[str, frozenset[str]], ...]


def document_shape(path: Path) -> Shape:
    from mmtracker.logic.history import ENTRY_KINDS
    from mmtracker.storage.tables import table_of

    document = json.loads(path.read_text("utf-8"))
    return Shape(
        document["patient"]["name"],
        tuple(
            (table_of(kind).name, frozenset(e["id"] for e in document[kind]))
            for kind in ENTRY_KINDS
        ),
    )


def shapes_of(conn: Connection, mrn: str) -> list[Shape]:
    """Every patient stored under ``mrn`` (one at most, unless something went wrong)."""
    from sqlalchemy import select

    from mmtracker.logic.history import ENTRY_KINDS
    from mmtracker.storage.tables import PATIENT, table_of

    shapes = []
    for patient_id, name in conn.execute(
        select(PATIENT.c.id, PATIENT.c.name).where(PATIENT.c.mrn == mrn)
    ).all():
        entries = []
        for kind in ENTRY_KINDS:
            table = table_of(kind)
            ids = conn.execute(select(table.c.id).where(table.c.patient_id == patient_id))
            entries.append((table.name, frozenset(ids.scalars())))
        shapes.append(Shape(name, tuple(entries)))
    return shapes


def row_counts(conn: Connection) -> dict[str, int]:
    """Rows per table: patients, each entry table, the audit."""
    from sqlalchemy import func, inspect, select, table

    present = set(inspect(conn).get_table_names())
    return {
        name: int(conn.execute(select(func.count()).select_from(table(name))).scalar_one())
        for name in ("patient", "audit", *_entry_tables())
        if name in present
    }


def _entry_tables() -> list[str]:
    from mmtracker.logic.history import ENTRY_KINDS
    from mmtracker.storage.tables import table_of

    return [table_of(kind).name for kind in ENTRY_KINDS]


def stored_rows(conn: Connection) -> dict[str, frozenset[tuple[Any, ...]]]:
    """Patients (id, MRN, revision) and entries (id, version) of every table there is."""
    from sqlalchemy import inspect, text

    present = set(inspect(conn).get_table_names())
    queries = {"patient": "SELECT id, mrn, revision FROM patient"}
    queries |= {name: f"SELECT id, version FROM {name}" for name in _entry_tables()}
    return {
        name: frozenset(tuple(row) for row in conn.execute(text(query)))
        for name, query in queries.items()
        if name in present
    }


def stamp(conn: Connection) -> str | None:
    from sqlalchemy import inspect, text

    if "alembic_version" not in inspect(conn).get_table_names():
        return None
    return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


# --- running a writer and killing it ------------------------------------------------------


@dataclass(frozen=True)
class Kill:
    """When to kill. From outside (SIGKILL to the process group): ``delay`` seconds after
    the start, or the ``in_write``-th time a look (every :data:`POLL` seconds) finds a write
    transaction open. From inside (the writer kills itself): at ``point``, ``commit:N``
    just before its N-th commit, ``statement:N`` just before its N-th writing statement.
    None of them: not killed; the looks then note when write transactions are open."""

    delay: float | None = None
    in_write: int | None = None
    point: str | None = None

    @property
    def unkilled(self) -> bool:
        return self.delay is None and self.in_write is None and self.point is None

    def describe(self, outcome: Outcome, of: Calibrated | None = None) -> str:
        if self.point is not None:
            return f"at {self.point}"
        if self.unkilled:
            return f"unkilled {outcome.seconds:.3f} s"
        if self.in_write is not None:
            looks = f"/{of.write_looks}" if of is not None else ""
            return f"look {self.in_write}{looks} {outcome.seconds:.3f} s"
        return f"at {self.delay:.3f}" + (f"/{of.seconds:.3f} s" if of is not None else " s")


@dataclass
class Outcome:
    """What a writer did: killed or exited, its output, and where the kill landed."""

    killed: bool
    returncode: int
    stdout: str
    stderr: str
    seconds: float
    in_write: bool | None = None
    """A write transaction was open at the kill (None: not looked up or not killed)."""
    write_times: list[float] = field(default_factory=list)
    """Unkilled: the moments (seconds from the start, every few milliseconds) at which a
    write transaction was seen open."""
    polls: int = 0
    """Unkilled: how many times it was looked whether a write transaction was open."""


def child_env(home: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["MMTRACKER_HOME"] = str(home)
    env.pop("MMTRACKER_DATABASE_URL", None)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def _wait(proc: subprocess.Popen[bytes], timeout: float | None) -> bool:
    """Wait for ``proc`` at most ``timeout`` seconds (None: for ever); True when it ended."""
    if proc.returncode is not None:  # reaped already: its pid may be another process's now
        return True
    if timeout is None:
        proc.wait()
        return True
    try:
        fd = os.pidfd_open(proc.pid)
    except (AttributeError, OSError):
        try:
            proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            return False
        return True
    try:
        poller = select.poll()
        poller.register(fd, select.POLLIN)
        ended = bool(poller.poll(max(0, int(timeout * 1000))))
    finally:
        os.close(fd)
    if ended:
        proc.wait()
    return ended


def run_writer(
    command: Sequence[str], home: Path, kill: Kill, writing: Callable[[], bool]
) -> Outcome:
    """Run ``command`` (its output in files, not pipes) and SIGKILL its process group when
    ``kill`` says (looking up just before, with ``writing``, whether a write transaction
    is open). Unkilled, ``writing`` is polled to find when write transactions are open."""
    home.mkdir(parents=True, exist_ok=True)
    out, err = home / "stdout.txt", home / "stderr.txt"
    in_write = None
    write_times: list[float] = []
    polls = 0
    with out.open("wb") as stdout, err.open("wb") as stderr:
        started = time.perf_counter()
        proc = subprocess.Popen(
            command,
            stdout=stdout,
            stderr=stderr,
            cwd=home,
            env=child_env(home),
            start_new_session=True,
        )
        if kill.point is not None:
            proc.wait()
        elif kill.delay is None:  # unkilled, or killed at a look finding a write under way
            while not _wait(proc, POLL):
                moment = time.perf_counter() - started
                polls += 1
                if writing():
                    write_times.append(moment)
                    if len(write_times) == kill.in_write:
                        in_write = True
                        _kill(proc)
                        break
        elif not _wait(proc, kill.delay):
            in_write = writing()
            _kill(proc)
        seconds = time.perf_counter() - started
    killed = proc.returncode == -signal.SIGKILL
    return Outcome(
        killed=killed,
        returncode=proc.returncode,
        stdout=out.read_text("utf-8", errors="replace"),
        stderr=err.read_text("utf-8", errors="replace"),
        seconds=seconds,
        in_write=in_write if killed else None,
        write_times=write_times,
        polls=polls,
    )


def mmtracker_in_process(url: str, home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run ``mmtracker --database URL ARGS`` in this process (quicker: the modules are
    loaded already); an exception escaping it is exit code 1 with its traceback."""
    import io
    import traceback
    from contextlib import redirect_stderr, redirect_stdout

    from mmtracker.cli import main as cli_main

    argv = ["--database", url, *args]
    out, err = io.StringIO(), io.StringIO()
    saved = {name: os.environ.get(name) for name in ("MMTRACKER_HOME", "MMTRACKER_DATABASE_URL")}
    os.environ["MMTRACKER_HOME"] = str(home)
    os.environ.pop("MMTRACKER_DATABASE_URL", None)
    try:
        with redirect_stdout(out), redirect_stderr(err):
            try:
                code = cli_main(argv)
            except SystemExit as exc:
                code = exc.code if isinstance(exc.code, int) else 1
            except Exception:
                traceback.print_exc()
                code = 1
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
    return subprocess.CompletedProcess(argv, code, out.getvalue(), err.getvalue())


def _kill(proc: subprocess.Popen[bytes]) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()


Cli = Callable[..., subprocess.CompletedProcess[str]]
"""Runs ``mmtracker --database URL ARGS`` with its user folders in a home: (url, home, *args)."""


def mmtracker(url: str, home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run ``mmtracker --database URL ARGS`` to its end, in a process of its own."""
    return subprocess.run(
        [sys.executable, "-m", "mmtracker", "--database", url, *args],
        capture_output=True,
        text=True,
        cwd=home,
        env=child_env(home),
        check=False,
    )


def _command(kill: Kill, *args: str) -> list[str]:
    """A writer's command: mmtracker's, or this script's service writer (first ``args``)."""
    if kill.point is not None:
        return [sys.executable, str(SCRIPT), "kill-at", kill.point, *args]
    if args and args[0] == "service-writer":
        return [sys.executable, str(SCRIPT), *args]
    return [sys.executable, "-m", "mmtracker", *args]


# --- the kinds of writer ------------------------------------------------------------------


@dataclass
class Verdict:
    """The kind's own findings: problems, what of the write is there, whether it all is."""

    problems: list[str] = field(default_factory=list)
    note: str = ""
    committed: bool = False


class Kind:
    """One kind of writer: its template, its command, what it must leave."""

    name = ""
    may_be_behind = False  # a kill may leave the schema behind (finished by db upgrade)

    def __init__(self, work: Workload) -> None:
        self.work = work

    def params(self, rng: random.Random) -> dict[str, Any]:
        return {}

    def variants(self) -> list[dict[str, Any]]:
        """The parameters that change how long the write takes, each calibrated apart."""
        return [{}]

    def label(self, params: dict[str, Any]) -> str:
        """The kind, and the variant ``params`` choose, as calibrated."""
        return self.name

    def template(self, params: dict[str, Any]) -> str:
        return self.work.clinic

    def command(self, url: str, kill: Kill, params: dict[str, Any]) -> list[str]:
        raise NotImplementedError

    def before(self, url: str, params: dict[str, Any]) -> Any:
        with reading(url) as conn:
            return row_counts(conn)

    def right_after(self, url: str, params: dict[str, Any]) -> Any:
        """Looked at right after the kill, before any other program opens the database."""
        return None

    def verify(
        self, url: str, params: dict[str, Any], before: Any, after: Any, outcome: Outcome
    ) -> Verdict:
        raise NotImplementedError


class Demo(Kind):
    name = "demo"

    def template(self, params: dict[str, Any]) -> str:
        return self.work.empty

    def command(self, url: str, kill: Kill, params: dict[str, Any]) -> list[str]:
        n, day = str(self.work.patients), today().isoformat()
        return _command(
            kill, "--database", url, "demo", "--patients", n, "--seed", "1", "--as-of", day
        )

    def verify(
        self, url: str, params: dict[str, Any], before: Any, after: Any, outcome: Outcome
    ) -> Verdict:
        from mmtracker.storage.marks import demo_note

        verdict = Verdict()
        with reading(url) as conn:
            counts = row_counts(conn)
        whole = self.work.demo_counts()
        found = {name: counts.get(name, 0) for name in whole}
        reported = f"{self.work.patients} demo patients written" in outcome.stdout
        verdict.committed = found == whole
        if not verdict.committed and any(found.values()):
            verdict.problems.append(f"a part of the demo is stored: {found}, whole: {whole}")
        if reported and not verdict.committed:
            verdict.problems.append("the demo was reported written but is not whole")
        engine = _engine(url)
        try:
            marked = demo_note(engine) is not None
        finally:
            engine.dispose()
        if verdict.committed and not marked:
            verdict.problems.append("demo patients are stored but the database is not marked")
        verdict.note = "whole demo" if verdict.committed else "no demo patient"
        verdict.note += ", reported" if reported else ""
        return verdict


class Import(Kind):
    name = "import"

    def mrn(self) -> str:
        return IMPORT_MRN

    def file(self) -> Path:
        return self.work.import_file

    def command(self, url: str, kill: Kill, params: dict[str, Any]) -> list[str]:
        return _command(kill, "--database", url, "import-record", str(self.file()))

    def before(self, url: str, params: dict[str, Any]) -> Any:
        with reading(url) as conn:
            return row_counts(conn), shapes_of(conn, self.mrn())

    def verify(
        self, url: str, params: dict[str, Any], before: Any, after: Any, outcome: Outcome
    ) -> Verdict:
        """The MRN holds the record before or the one imported, whole; the other patients'
        rows are untouched; the audit grew with the write, and only then."""
        counts_before, shapes_before = before
        mrn, verdict = self.mrn(), Verdict()
        new = document_shape(self.file())
        with reading(url) as conn:
            shapes, counts = shapes_of(conn, mrn), row_counts(conn)
        reported = f"imported {mrn}" in outcome.stdout
        verdict.committed = shapes == [new]
        if shapes not in (shapes_before, [new]):
            verdict.problems.append(
                f"{mrn} is stored as {_describe(shapes)}: neither the record before "
                f"({_describe(shapes_before)}) nor the record imported ({_describe([new])})"
            )
        if reported and not verdict.committed:
            verdict.problems.append(f"imported {mrn} was reported but is not stored whole")
        expected = dict(counts_before)
        if verdict.committed:
            expected["patient"] += 1 - len(shapes_before)
            for shape, sign in [*((old, -1) for old in shapes_before), (new, 1)]:
                for name, ids in shape.entries:
                    expected[name] += sign * len(ids)
        audits, audits_before = counts.pop("audit"), expected.pop("audit")
        if counts != expected:
            verdict.problems.append(f"rows per table {counts}, expected {expected}")
        if (audits > audits_before) != verdict.committed:
            verdict.problems.append(f"audit rows {audits_before} before the write, {audits} after")
        verdict.note = ("record imported" if verdict.committed else "record before") + (
            ", reported" if reported else ""
        )
        return verdict


class Replace(Import):
    name = "replace"

    def mrn(self) -> str:
        return self.work.replaced_mrn

    def file(self) -> Path:
        return self.work.replace_file

    def command(self, url: str, kill: Kill, params: dict[str, Any]) -> list[str]:
        return _command(kill, "--database", url, "import-record", "--replace", str(self.file()))


def _describe(shapes: Sequence[Shape]) -> str:
    if not shapes:
        return "absent"
    return " and ".join(
        f"{s.name!r} with {sum(len(ids) for _, ids in s.entries)} entries" for s in shapes
    )


class Services(Kind):
    name = "services"

    def params(self, rng: random.Random) -> dict[str, Any]:
        return {"seed": rng.randrange(2**31)}

    def command(self, url: str, kill: Kill, params: dict[str, Any]) -> list[str]:
        return _command(
            kill,
            "service-writer",
            "--database",
            url,
            "--writes",
            str(self.work.writes),
            "--seed",
            str(params.get("seed", 1)),
        )

    def before(self, url: str, params: dict[str, Any]) -> Any:
        from sqlalchemy import select

        from mmtracker.storage.tables import PATIENT

        with reading(url) as conn:
            return dict(conn.execute(select(PATIENT.c.id, PATIENT.c.revision)).all())

    def verify(
        self, url: str, params: dict[str, Any], before: Any, after: Any, outcome: Outcome
    ) -> Verdict:
        from sqlalchemy import func, select

        from mmtracker.storage.state import STATE
        from mmtracker.storage.tables import AUDIT, PATIENT, table_of

        log = ServiceLog.parse(outcome.stdout)
        verdict = Verdict()
        applied_pending = False
        with reading(url) as conn:
            for entry_id, (kind, patient_id) in log.entries.items():
                table = table_of(kind)
                row = conn.execute(
                    select(table.c.version, table.c.patient_id).where(table.c.id == entry_id)
                ).first()
                found = None if row is None else int(row.version)
                expected = log.state(entry_id)
                actions = list(
                    conn.execute(
                        select(AUDIT.c.action)
                        .where(AUDIT.c.row_id == entry_id)
                        .order_by(AUDIT.c.id)
                    ).scalars()
                )
                done = [AUDITED[op] for op, _ in log.done.get(entry_id, [])]
                if log.pending is not None and log.pending[2] == entry_id:
                    alternative = log.state(entry_id, with_pending=True)
                    if found == alternative and found != expected:
                        applied_pending = True
                        done.append(AUDITED[log.pending[0]])
                    elif found != expected:
                        verdict.problems.append(
                            f"{kind} {entry_id}: version {found}, expected {expected} "
                            f"(or {alternative} had the write under way been committed)"
                        )
                elif found != expected:
                    verdict.problems.append(
                        f"{kind} {entry_id}: version {found}, expected {expected} (reported)"
                    )
                if actions != done:
                    verdict.problems.append(f"{kind} {entry_id}: audit {actions}, writes {done}")
                if row is not None and row.patient_id != patient_id:
                    verdict.problems.append(f"{kind} {entry_id}: stored for another patient")
            writes = Counter(pid for pid, _ in log.committed)
            if applied_pending and log.pending is not None:
                writes[log.pending[3]] += 1
            for patient_id in {pid for _, pid in log.entries.values()}:
                revision = conn.execute(
                    select(PATIENT.c.revision).where(PATIENT.c.id == patient_id)
                ).scalar_one()
                audited = conn.execute(
                    select(func.max(AUDIT.c.revision)).where(AUDIT.c.patient_id == patient_id)
                ).scalar()
                assessed = conn.execute(
                    select(STATE.c.revision).where(STATE.c.patient_id == patient_id)
                ).scalar()
                if revision != before[patient_id] + writes[patient_id]:
                    verdict.problems.append(
                        f"patient {patient_id}: revision {revision}, expected "
                        f"{before[patient_id]} + {writes[patient_id]} writes"
                    )
                if audited is not None and audited != revision:
                    verdict.problems.append(
                        f"patient {patient_id}: revision {revision}, its audit says {audited}"
                    )
                if writes[patient_id] and assessed != revision:
                    verdict.problems.append(
                        f"patient {patient_id}: revision {revision}, stored state of {assessed}"
                    )
        verdict.committed = bool(log.committed)
        verdict.note = f"{len(log.committed)} writes reported" + (
            ", the one under way stored" if applied_pending else ""
        )
        return verdict


AUDITED = {"add": "insert", "update": "update", "delete": "delete"}  # the audit's actions


@dataclass
class ServiceLog:
    """The service writer's lines: ``try OP KIND ID PATIENT`` before a write, ``done OP
    KIND ID VERSION`` once its commit has returned (version 0: deleted)."""

    entries: dict[str, tuple[str, int]] = field(default_factory=dict)
    done: dict[str, list[tuple[str, int]]] = field(default_factory=dict)
    committed: list[tuple[int, str]] = field(default_factory=list)
    pending: tuple[str, str, str, int] | None = None
    """The write under way at the kill: op, kind, id, patient."""

    @classmethod
    def parse(cls, text: str) -> ServiceLog:
        log = cls()
        for line in text.splitlines():
            words = line.split()
            if len(words) != 5 or words[0] not in ("try", "done"):
                continue  # a line cut by the kill
            if words[0] == "try":
                op, kind, entry_id, patient = words[1], words[2], words[3], int(words[4])
                log.entries.setdefault(entry_id, (kind, patient))
                log.pending = (op, kind, entry_id, patient)
            else:
                op, entry_id, version = words[1], words[3], int(words[4])
                log.done.setdefault(entry_id, []).append((op, version))
                log.committed.append((log.entries[entry_id][1], entry_id))
                log.pending = None
        return log

    def state(self, entry_id: str, with_pending: bool = False) -> int | None:
        """The entry's version after the writes reported (and the one under way): None
        when absent."""
        version: int | None = None
        for op, after in self.done.get(entry_id, []):
            version = None if op == "delete" else after
        if with_pending and self.pending is not None and self.pending[2] == entry_id:
            op = self.pending[0]
            version = None if op == "delete" else 1 if op == "add" else (version or 0) + 1
        return version


class Reassess(Kind):
    name = "reassess"

    def command(self, url: str, kill: Kill, params: dict[str, Any]) -> list[str]:
        return _command(kill, "--database", url, "db", "reassess", "--all")

    def before(self, url: str, params: dict[str, Any]) -> Any:
        with reading(url) as conn:
            return stored_rows(conn), self._state(conn)

    @staticmethod
    def _state(conn: Connection) -> dict[int, tuple[int, dt.date | str]]:
        from sqlalchemy import select

        from mmtracker.storage.state import STATE

        rows = conn.execute(select(STATE.c.patient_id, STATE.c.revision, STATE.c.computed_on))
        return {int(r.patient_id): (int(r.revision), r.computed_on) for r in rows}

    def verify(
        self, url: str, params: dict[str, Any], before: Any, after: Any, outcome: Outcome
    ) -> Verdict:
        from sqlalchemy import select

        from mmtracker.storage.state import CHUNK, ITEMS

        rows_before, state_before = before
        verdict = Verdict()
        with reading(url) as conn:
            rows, state = stored_rows(conn), self._state(conn)
            with_items = set(conn.execute(select(ITEMS.c.patient_id).distinct()).scalars())
        if rows != rows_before:
            verdict.problems.append("the re-assessment changed patients or entries")
        if set(state) != set(state_before):
            lost = sorted(set(state_before) - set(state))[:5]
            verdict.problems.append(f"patients without stored state after the kill: {lost}…")
        revisions = {pid: revision for pid, _, revision in rows["patient"]}
        wrong = [pid for pid, (revision, _) in state.items() if revision != revisions.get(pid)]
        if wrong:
            verdict.problems.append(f"stored state of another revision: patients {wrong[:5]}")
        if with_items - set(state):
            verdict.problems.append("care items stored for patients with no stored state")
        day = today()
        fresh = sum(1 for _, computed in state.values() if str(computed) == day.isoformat())
        if fresh % CHUNK and fresh != len(state):
            verdict.problems.append(f"{fresh} patients re-assessed: not whole chunks of {CHUNK}")
        reported = "patients re-assessed" in outcome.stdout
        verdict.committed = fresh == len(state)
        if reported and not verdict.committed:
            verdict.problems.append(f"reported done, but {fresh} of {len(state)} re-assessed")
        verdict.note = f"{fresh} of {len(state)} re-assessed" + (", reported" if reported else "")
        return verdict


class Migration(Kind):
    name = "migration"
    may_be_behind = True

    def params(self, rng: random.Random) -> dict[str, Any]:
        return {"revision": rng.choice(self.work.revisions)}

    def variants(self) -> list[dict[str, Any]]:
        return [{"revision": revision} for revision in self.work.revisions]

    def label(self, params: dict[str, Any]) -> str:
        return f"{self.name} from {params['revision']}"

    def template(self, params: dict[str, Any]) -> str:
        return self.work.template_at(params.get("revision", self.work.revisions[0]))

    def command(self, url: str, kill: Kill, params: dict[str, Any]) -> list[str]:
        return _command(kill, "--database", url, "db", "upgrade")

    def before(self, url: str, params: dict[str, Any]) -> Any:
        with reading(url) as conn:
            return stored_rows(conn), row_counts(conn)["audit"], stamp(conn)

    def right_after(self, url: str, params: dict[str, Any]) -> Any:
        with reading(url) as conn:
            return stamp(conn)

    def verify(
        self, url: str, params: dict[str, Any], before: Any, after: Any, outcome: Outcome
    ) -> Verdict:
        rows_before, audits_before, old = before
        chain = [*self.work.revisions, _head()]
        verdict = Verdict()
        reached = chain[chain.index(old) :] if old in chain else chain
        if self.work.backend.dialect != "sqlite":
            reached = [old, _head()]  # one transaction for every migration
        if after not in reached:
            verdict.problems.append(f"stamped {after} after the kill; expected one of {reached}")
        reported = "schema upgraded" in outcome.stdout
        if reported and after != _head():
            verdict.problems.append(f"the upgrade was reported done, but the stamp is {after}")
        with reading(url) as conn:
            rows, audits = stored_rows(conn), row_counts(conn)["audit"]
        for name, found in rows_before.items():
            if rows.get(name) != found:
                missing = len(found - rows.get(name, frozenset()))
                verdict.problems.append(f"{name}: {missing} rows lost or changed by the migration")
        if audits != audits_before:
            verdict.problems.append(f"audit rows {audits_before} before, {audits} after")
        verdict.committed = after == _head()
        verdict.note = f"{old} → {after} at the kill" + (", reported" if reported else "")
        return verdict


def _head() -> str:
    from mmtracker.storage.schema import head_revision

    return head_revision()


KINDS: dict[str, type[Kind]] = {
    kind.name: kind for kind in (Demo, Import, Replace, Services, Reassess, Migration)
}


# --- one trial ----------------------------------------------------------------------------


@dataclass
class TrialResult:
    kind: str
    kill: Kill
    outcome: Outcome
    problems: list[str]
    note: str
    committed: bool
    kept: str | None = None  # where a failed trial's database was kept

    @property
    def ok(self) -> bool:
        return not self.problems


def run_trial(
    work: Workload,
    kind_name: str,
    kill: Kill,
    params: dict[str, Any] | None = None,
    keep_failed: bool = True,
) -> TrialResult:
    """Copy the kind's template, run its writer, kill it as ``kill`` says, check the rest."""
    kind = KINDS[kind_name](work)
    params = params if params is not None else {}
    url = work.backend.create(kind.template(params))
    home = Path(tempfile.mkdtemp(prefix=f"{kind_name}-", dir=work.folder))
    before = kind.before(url, params)
    outcome = run_writer(
        kind.command(url, kill, params), home, kill, lambda: work.backend.writing(url)
    )
    after = kind.right_after(url, params)
    problems: list[str] = []
    if not outcome.killed and outcome.returncode != 0:
        problems.append(f"exited {outcome.returncode} unkilled: {_tail(outcome.stderr)}")
    if kill.point is not None and not outcome.killed:
        problems.append(f"the writer never reached {kill.point}")
    problems += work.backend.physical_problems(url)
    cli = mmtracker_in_process if work.in_process else mmtracker
    problems += _db_check(cli, url, home, kind.may_be_behind)
    verdict = kind.verify(url, params, before, after, outcome)
    problems += verdict.problems
    backups = list(home.rglob("*.backup.sqlite"))
    if len(backups) > 2:  # the killed upgrade's and the one that finished it
        problems.append(f"{len(backups)} backups written for one migration")
    read = cli(url, home, "worklist", "--format", "json")
    if read.returncode != 0:
        problems.append(f"worklist exited {read.returncode}: {_tail(read.stderr)}")
    else:
        try:
            json.loads(read.stdout)
        except ValueError:
            problems.append("worklist --format json printed no JSON document")
    kept = None
    if problems and keep_failed:
        kept = url
        (home / "trial.json").write_text(
            json.dumps({"kind": kind_name, "kill": kill.__dict__, "params": params, "url": url})
        )
    else:
        work.backend.drop(url)
        shutil.rmtree(home, ignore_errors=True)
    return TrialResult(kind_name, kill, outcome, problems, verdict.note, verdict.committed, kept)


def _db_check(cli: Cli, url: str, home: Path, may_be_behind: bool) -> list[str]:
    """``mmtracker db check`` must exit 0; a schema left behind by a killed migration must
    first be finished by ``mmtracker db upgrade``, without a repair."""
    check = cli(url, home, "db", "check")
    failed = [line for line in check.stdout.splitlines() if line.startswith("FAIL")]
    problems = []
    if check.returncode != 0 and may_be_behind and all("not current" in f for f in failed):
        upgrade = cli(url, home, "db", "upgrade")
        said = upgrade.stdout + upgrade.stderr
        if upgrade.returncode != 0:
            problems.append(f"db upgrade after the kill exited {upgrade.returncode}: {_tail(said)}")
        if "interrupted migration" in said:
            problems.append(f"db upgrade after the kill had to repair: {_tail(said)}")
        check = cli(url, home, "db", "check")
        failed = [line for line in check.stdout.splitlines() if line.startswith("FAIL")]
    if check.returncode != 0:
        problems.append(
            f"db check exited {check.returncode}: "
            + ("; ".join(failed) or _tail(check.stdout + check.stderr))
        )
    return problems


def _tail(text: str, lines: int = 3) -> str:
    return " | ".join(text.strip().splitlines()[-lines:])[:400]


# --- the service writer (a child process) -------------------------------------------------


def _service_entry(rng: random.Random, day: dt.date) -> tuple[str, dict[str, Any]]:
    date = (day - dt.timedelta(days=rng.randint(0, 200))).isoformat()
    if rng.random() < 0.5:
        return "weights", {"date": date, "weight_kg": round(rng.uniform(45, 110), 1)}
    return "lab_results", {
        "date": date,
        "analyte": "calcium",
        "value": round(rng.uniform(2.0, 3.2), 2),
        "unit": "mmol/L",
        "calcium_kind": "total",
    }


def _service_change(kind: str, rng: random.Random) -> dict[str, Any]:
    if kind == "weights":
        return {"weight_kg": round(rng.uniform(45, 110), 1)}
    return {"value": round(rng.uniform(2.0, 3.2), 2)}


def service_writer(argv: Sequence[str]) -> int:
    """Add, correct and delete entries through the services, one line after each commit."""
    from sqlalchemy import select

    from mmtracker.config import load_policy
    from mmtracker.storage.services import add_entry, delete_entry, update_entry
    from mmtracker.storage.state import updater
    from mmtracker.storage.tables import PATIENT

    parser = argparse.ArgumentParser(prog="crash-trials service-writer")
    parser.add_argument("--database", required=True)
    parser.add_argument("--writes", type=int, default=100)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--patients", type=int, default=20, help="how many patients to write to")
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    day = today()
    engine = _engine(args.database)
    hook = updater(day, load_policy())
    with engine.connect() as conn:
        patients = list(
            conn.execute(
                select(PATIENT.c.id)
                .where(PATIENT.c.status == "active")
                .order_by(PATIENT.c.id)
                .limit(args.patients)
            ).scalars()
        )
    live: dict[str, tuple[str, int, int]] = {}  # id: kind, version, patient

    def say(line: str) -> None:
        sys.stdout.write(line + "\n")
        sys.stdout.flush()

    for _ in range(args.writes):
        choice = rng.random()
        if not live or choice < 0.5:
            kind, data = _service_entry(rng, day)
            patient = rng.choice(patients)
            entry_id = str(uuid.uuid4())
            say(f"try add {kind} {entry_id} {patient}")
            add_entry(engine, patient, kind, {"id": entry_id, **data}, ACTOR, day, hook)
            live[entry_id] = (kind, 1, patient)
            say(f"done add {kind} {entry_id} 1")
        elif choice < 0.8:
            entry_id = rng.choice(sorted(live))
            kind, version, patient = live[entry_id]
            say(f"try update {kind} {entry_id} {patient}")
            update_entry(
                engine,
                kind,
                entry_id,
                version,
                _service_change(kind, rng),
                ACTOR,
                day,
                hook,
                reason="crash trial: corrected",
            )
            live[entry_id] = (kind, version + 1, patient)
            say(f"done update {kind} {entry_id} {version + 1}")
        else:
            entry_id = rng.choice(sorted(live))
            kind, version, patient = live.pop(entry_id)
            say(f"try delete {kind} {entry_id} {patient}")
            delete_entry(
                engine, kind, entry_id, version, ACTOR, hook, reason="crash trial: deleted"
            )
            say(f"done delete {kind} {entry_id} 0")
    engine.dispose()
    return 0


def kill_at(point: str) -> None:
    """Make this process SIGKILL itself at ``point`` (see :class:`Kill`)."""
    from sqlalchemy import Engine, event

    what, _, number = point.partition(":")
    wanted = int(number)
    seen = 0

    def count() -> None:
        nonlocal seen
        seen += 1
        if seen == wanted:
            sys.stdout.flush()
            os.kill(os.getpid(), signal.SIGKILL)

    if what == "commit":
        event.listen(Engine, "commit", lambda conn: count())
    elif what == "statement":

        def before_execute(conn: Any, cursor: Any, statement: str, *_: Any) -> None:
            if statement.lstrip().upper().startswith(WRITING_SQL):
                count()

        event.listen(Engine, "before_cursor_execute", before_execute)
    else:
        raise SystemExit(f"unknown kill point {point!r}: commit:N or statement:N")


# --- the trials ---------------------------------------------------------------------------


@dataclass
class Calibrated:
    """How long a write takes unkilled, how many looks found a write transaction open,
    whether it passed every check."""

    seconds: float
    write_looks: int
    ok: bool

    def kill(self, rng: random.Random, spread: str) -> Kill:
        """A random kill: after a delay uniform over the whole unkilled run (``whole``), at
        a look chosen uniformly among those that find a write transaction open
        (``writing``: uniform over the time spent writing, whatever the machine's load),
        or either at even odds (``mixed``)."""
        if spread == "mixed":
            spread = rng.choice(["whole", "writing"])
        if spread == "writing" and self.write_looks:
            return Kill(in_write=rng.randint(1, self.write_looks))
        return Kill(delay=rng.uniform(0, self.seconds))

    def learn(self, result: TrialResult) -> None:
        """Follow the machine's load: a trial that ran to its end says how long the write
        takes now (and, when it was looked at, how many looks found it writing)."""
        if result.outcome.killed or result.outcome.returncode != 0:
            return
        self.seconds = 0.7 * self.seconds + 0.3 * result.outcome.seconds
        if result.kill.in_write is not None:
            looks = len(result.outcome.write_times)
            self.write_looks = max(1, round(0.7 * self.write_looks + 0.3 * looks))


def calibrate(work: Workload, kinds: Sequence[str], runs: int = 2) -> dict[str, Calibrated]:
    """Run each kind (each variant) unkilled ``runs`` times: how long it takes, and that
    it passes every check; keyed by :meth:`Kind.label`."""
    found: dict[str, Calibrated] = {}
    for name in kinds:
        kind = KINDS[name](work)
        for params in kind.variants():
            label = kind.label(params)
            times, writing, polls, ok = [], 0, 0, True
            for _ in range(runs):
                result = run_trial(work, name, Kill(), params)
                times.append(result.outcome.seconds)
                writing += len(result.outcome.write_times)
                polls += result.outcome.polls
                if not result.ok or not result.committed:
                    ok = False
                    why = "; ".join(result.problems) or "not committed"
                    print(f"calibration of {label} FAILED: {why} (kept: {result.kept})")
            found[label] = Calibrated(sum(times) / len(times), max(1, writing // runs), ok)
            share = writing / max(polls, 1)
            print(
                f"calibrated {label:<20} {found[label].seconds:6.3f} s unkilled, "
                f"about {share:.0%} of it in write transactions",
                flush=True,
            )
    return found


def _line(number: int, result: TrialResult, timing: Calibrated | None = None) -> str:
    where = (
        "finished first"
        if not result.outcome.killed
        else "in a write transaction"
        if result.outcome.in_write
        else "outside writes"
        if result.outcome.in_write is False
        else "killed"
    )
    status = "ok" if result.ok else "FAIL: " + "; ".join(result.problems)
    kept = f" (kept: {result.kept})" if result.kept else ""
    return (
        f"{number:4d} {result.kind:<9} {result.kill.describe(result.outcome, timing):<24} "
        f"{where:<22} "
        f"{result.note:<42} {status}{kept}"
    )


def trials(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="crash-trials", description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--dialect", choices=["sqlite", "postgresql"], default="sqlite")
    parser.add_argument("--trials", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--url",
        help="a PostgreSQL server to make the trial databases on (default: a throwaway one)",
    )
    parser.add_argument("--kinds", default=",".join(KINDS), help="comma-separated")
    parser.add_argument("--patients", type=int, default=1000, help="clinic and demo size")
    parser.add_argument("--record-labs", type=int, default=8000, help="lab results per record file")
    parser.add_argument("--writes", type=int, default=100, help="writes of the service writer")
    parser.add_argument(
        "--spread",
        choices=["whole", "writing", "mixed"],
        default="mixed",
        help="kills at a delay uniform over the whole unkilled run, at a moment uniform over "
        "its time in write transactions, or either at even odds (default)",
    )
    parser.add_argument("--work", type=Path, default=None, help="folder for the databases")
    parser.add_argument("--keep", action="store_true", help="keep the work folder")
    args = parser.parse_args(argv)
    kinds = [k.strip() for k in args.kinds.split(",") if k.strip()]
    unknown = set(kinds) - set(KINDS)
    if unknown:
        parser.error(f"unknown kinds {sorted(unknown)}; known: {', '.join(KINDS)}")
    if args.url and args.dialect != "postgresql":
        parser.error("--url is for --dialect postgresql")
    folder = args.work or Path(tempfile.mkdtemp(prefix="mmtracker-crash-trials-"))
    folder.mkdir(parents=True, exist_ok=True)
    os.environ["MMTRACKER_HOME"] = str(folder / "home")  # never the user's own folders
    os.environ.pop("MMTRACKER_DATABASE_URL", None)
    rng = random.Random(args.seed)
    cluster = None
    started = time.perf_counter()
    failures = 0
    try:
        backend: Backend
        if args.dialect == "sqlite":
            backend = SqliteBackend(folder / "databases")
        else:
            url = args.url
            if url is None:
                cluster = ThrowawayCluster()
                url = cluster.start()
                print(f"PostgreSQL cluster in {cluster.folder} at 127.0.0.1:{cluster.port}")
            backend = PostgresBackend(url)
        print(
            f"preparing {args.dialect}: a clinic of {args.patients} patients, records of "
            f"{args.record_labs} lab results, in {folder}"
        )
        work = prepare(backend, folder, args.patients, args.record_labs, args.writes)
        calibrated = calibrate(work, kinds)
        failures += sum(not c.ok for c in calibrated.values())
        prepared_at = time.perf_counter()
        stats: dict[str, Counter[str]] = {name: Counter() for name in kinds}
        order: list[str] = []
        for number in range(1, args.trials + 1):
            if not order:
                order = list(kinds)
                rng.shuffle(order)
            name = order.pop()
            kind = KINDS[name](work)
            params = kind.params(rng)
            timing = calibrated[kind.label(params)]
            result = run_trial(work, name, timing.kill(rng, args.spread), params)
            print(_line(number, result, timing), flush=True)
            timing.learn(result)
            counts = stats[name]
            counts["trials"] += 1
            counts["killed"] += result.outcome.killed
            counts["in write"] += bool(result.outcome.in_write)
            counts["committed"] += result.committed
            counts["failed"] += not result.ok
            failures += not result.ok
        elapsed = time.perf_counter() - started
        _summary(stats, elapsed, prepared_at - started)
        work.close()
        backend.close()
    finally:
        if cluster is not None and not (failures and args.keep):
            cluster.stop()
        if not failures and not args.keep:
            shutil.rmtree(folder, ignore_errors=True)
    if failures:
        print(f"{failures} failures; the failed trials' databases are kept in {folder}")
    return 1 if failures else 0


def _summary(stats: dict[str, Counter[str]], elapsed: float, preparing: float) -> None:
    columns = ("trials", "killed", "in write", "committed", "failed")
    print()
    print(f"{'kind':<10} " + " ".join(f"{c:>9}" for c in columns))
    total: Counter[str] = Counter()
    for name, counts in stats.items():
        total.update(counts)
        print(f"{name:<10} " + " ".join(f"{counts[c]:>9}" for c in columns))
    print(f"{'total':<10} " + " ".join(f"{total[c]:>9}" for c in columns))
    print(
        f"{elapsed:.0f} s in all ({preparing:.0f} s preparing and calibrating); 'in write': "
        "killed while a write transaction was open; 'committed': the whole write is stored"
    )


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args[:1] == ["service-writer"]:
        return service_writer(args[1:])
    if args[:1] == ["kill-at"] and len(args) >= 3:
        kill_at(args[1])
        if args[2] == "service-writer":
            return service_writer(args[3:])
        from mmtracker.cli import main as cli_main

        return cli_main(args[2:])
    return trials(args)


if __name__ == "__main__":
    sys.exit(main())
