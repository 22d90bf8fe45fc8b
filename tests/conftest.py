"""Shared fixtures: user folders in tmp_path, real databases (SQLite and PostgreSQL).

**Which tests run on PostgreSQL too.** ``database_url`` (a new empty database) and
``engine`` (a new migrated one) are parametrized over SQLite and PostgreSQL, and are
meant for tests of the database layer only, whose result can depend on the backend:
``tests/storage/**`` (schema and migrations, services, loaders, the stored state and
worklist SQL, concurrent writers, ``db check``), the record import/export round trips
through storage (``tests/record/test_*round_trip.py``), and a command whose own SQL
differs by backend (``mmtracker bench`` vacuums PostgreSQL). Every other test — the
command line, the window, the demo generator, the record files, the bench's other
behaviour — uses a database only as a means and runs on SQLite alone:
``sqlite_url`` (a new empty SQLite file) or ``sqlite_engine`` (a migrated one). Decide
by what the test checks, not by where it lives.

**PostgreSQL in CI.** A test that needs PostgreSQL skips where the cluster cannot be
started (a laptop without PostgreSQL 15) but fails when ``CI=true``
(``tests/test_ci_postgres.py`` holds this to account).

**Parallel runs** (``pytest -n 2``, pytest-xdist): every worker starts its own
throwaway cluster on first use (127.0.0.1 only, trust authentication, data in a
temporary folder, as the ``postgres`` user when run as root) and stops it at its
exit; the main process stops at its own end any cluster a crashed worker left.
Session fixtures are per worker; nothing here writes outside temporary folders.
A new database is a copy: the migrated schema is built once per worker and backend
(SQLite: a file copy; PostgreSQL: ``CREATE DATABASE … TEMPLATE``). On PostgreSQL,
``engine``'s migrated databases are lent and emptied after each test, quicker than a copy. Tests marked
``slow`` are collected first, so that no worker starts a long test last.

**Hypothesis** runs under the profile ``tests/logic/hypothesis_profiles.py`` chooses
(``ci`` when ``CI=true``: derandomized, reproducible).
"""

from __future__ import annotations

import atexit
import contextlib
import os
import shutil
import socket
import subprocess
import tempfile
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from logic import hypothesis_profiles

if TYPE_CHECKING:
    from sqlalchemy import Engine

# The PostgreSQL programs; another folder (one without them, say) only to test this file.
PG_BIN = Path(os.environ.get("MMTRACKER_TEST_PG_BIN", "/usr/lib/postgresql/15/bin"))
IN_CI = os.environ.get("CI", "").lower() == "true"
TEMPLATE = "mmtracker_migrated"  # the PostgreSQL template database, migrated to head
# How a database is copied from its template: file by file is quicker for databases this
# small than PostgreSQL 15's default (through the WAL), and writes less.
COPY = "STRATEGY FILE_COPY"


# A folder in which each running cluster leaves its own folder's name, so that the main
# process stops at its end whatever a crashed xdist worker left running.
REGISTRY = "MMTRACKER_TEST_CLUSTERS"
_OWN_REGISTRY = pytest.StashKey[Path]()


def pytest_configure(config: pytest.Config) -> None:
    hypothesis_profiles.load()
    if not hasattr(config, "workerinput") and REGISTRY not in os.environ:
        registry = Path(tempfile.mkdtemp(prefix="mmtracker-pg-clusters-"))
        os.environ[REGISTRY] = str(registry)  # the workers, started later, inherit it
        config.stash[_OWN_REGISTRY] = registry


def pytest_unconfigure(config: pytest.Config) -> None:
    registry = config.stash.get(_OWN_REGISTRY, None)
    if registry is None:
        return
    for entry in registry.iterdir():
        _stop_cluster(Path(entry.read_text(encoding="utf-8")))
    shutil.rmtree(registry, ignore_errors=True)
    del os.environ[REGISTRY]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Slow tests first (a stable sort: the order is the same in every xdist worker)."""
    items.sort(key=lambda item: item.get_closest_marker("slow") is None)


@pytest.fixture(autouse=True)
def _user_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every user folder lives in tmp_path: no test can touch a real clinic database."""
    home = tmp_path / "mmtracker-home"
    monkeypatch.setenv("MMTRACKER_HOME", str(home))
    monkeypatch.delenv("MMTRACKER_DATABASE_URL", raising=False)
    return home


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _as_postgres(*command: str) -> subprocess.CompletedProcess[str]:
    runner = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    return subprocess.run([*runner, *command], check=True, capture_output=True, text=True)


def _stop_cluster(folder: Path) -> None:
    """Stop the cluster whose data lies in ``folder``, if it runs, and remove the folder."""
    if (folder / "data").exists():
        with contextlib.suppress(subprocess.CalledProcessError, FileNotFoundError):
            _as_postgres(
                str(PG_BIN / "pg_ctl"), "-D", str(folder / "data"), "-m", "immediate", "stop"
            )
    shutil.rmtree(folder, ignore_errors=True)


# Tables, columns, indexes, sequences and the schema version of a database.
_SCHEMA_QUERY = """
SELECT concat_ws(' | ',
  (SELECT string_agg(table_name || '.' || column_name || ' ' || data_type || ' '
                     || is_nullable || ' ' || coalesce(column_default, ''),
                     ', ' ORDER BY table_name, column_name)
     FROM information_schema.columns WHERE table_schema = 'public'),
  (SELECT string_agg(indexdef, ', ' ORDER BY indexname)
     FROM pg_indexes WHERE schemaname = 'public'),
  (SELECT string_agg(sequencename || ' ' || start_value, ', ' ORDER BY sequencename)
     FROM pg_sequences WHERE schemaname = 'public'),
  (SELECT string_agg(version_num, ', ') FROM alembic_version))
"""
# The rows of a database's tables, but the schema version's (a migrated template has none).
_ROWS = """
DO $$
DECLARE t record; found bigint; total bigint := 0;
BEGIN
  FOR t IN SELECT tablename FROM pg_tables
           WHERE schemaname = 'public' AND tablename <> 'alembic_version' LOOP
    EXECUTE format('SELECT count(*) FROM %I', t.tablename) INTO found;
    total := total + found;
  END LOOP;
  IF total > 0 THEN RAISE EXCEPTION 'the migrated template holds % rows', total; END IF;
END $$
"""
# Every table but the schema version emptied, every sequence back at its start: a migrated
# database as new. Row by row (foreign keys not checked), quicker than TRUNCATE for tables
# this small, which makes new files for every table and index.
_EMPTY = """
SET session_replication_role = replica;
DO $$
DECLARE t record;
BEGIN
  FOR t IN SELECT tablename FROM pg_tables
           WHERE schemaname = 'public' AND tablename <> 'alembic_version' LOOP
    EXECUTE format('DELETE FROM %I', t.tablename);
  END LOOP;
  FOR t IN SELECT sequencename, start_value FROM pg_sequences WHERE schemaname = 'public' LOOP
    PERFORM setval(format('%I', t.sequencename), t.start_value, false);
  END LOOP;
END $$;
RESET session_replication_role
"""


def _schema_of(conn: Any) -> str:
    """The schema of the database ``conn`` (a psycopg connection) is connected to."""
    import psycopg

    try:
        row = conn.execute(_SCHEMA_QUERY).fetchone()
    except psycopg.errors.UndefinedTable:  # no alembic_version: downgraded to base
        return ""
    return str(row[0])


class PostgresCluster:
    """A throwaway PostgreSQL 15 cluster on 127.0.0.1, trust auth, data in a temp folder."""

    def __init__(self) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="mmtracker-pg-"))
        self.port = 0
        self.data = self.folder / "data"
        self.template: str | None = None
        self._lent: list[str] = []  # migrated databases emptied after use, ready to lend again
        self._schema: str | None = None  # the template's schema, as _schema_of writes it
        registry = os.environ.get(REGISTRY)
        self.entry = Path(registry) / self.folder.name if registry else None
        if self.entry is not None:
            self.entry.write_text(str(self.folder), encoding="utf-8")

    def start(self) -> None:
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
        # Two workers may be handed the same free port: the one that loses tries another.
        for attempt in range(3):
            self.port = _free_port()
            # Nothing here needs to survive a crash: no fsync, no full pages, little WAL.
            options = (
                f"-h 127.0.0.1 -p {self.port} -k {self.folder} -c fsync=off"
                " -c full_page_writes=off -c synchronous_commit=off"
                " -c wal_level=minimal -c max_wal_senders=0"
            )
            try:
                _as_postgres(
                    str(PG_BIN / "pg_ctl"),
                    "-D",
                    str(self.data),
                    "-o",
                    options,
                    "-l",
                    str(self.folder / "log"),
                    "-w",
                    "start",
                )
                return
            except subprocess.CalledProcessError:
                if attempt == 2:
                    raise

    def stop(self) -> None:
        """Stop the server and remove its folder (again: nothing happens)."""
        _stop_cluster(self.folder)
        if self.entry is not None:
            self.entry.unlink(missing_ok=True)

    def url(self, name: str) -> str:
        """The SQLAlchemy URL of one of the cluster's databases."""
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{name}"

    def _dsn(self, name: str) -> str:
        return f"host=127.0.0.1 port={self.port} user=postgres dbname={name}"

    def _execute(self, statement: Any) -> None:
        import psycopg

        with psycopg.connect(self._dsn("postgres"), autocommit=True) as conn:
            conn.execute(statement)

    def create_database(self) -> str:
        """A new empty database; its SQLAlchemy URL."""
        from psycopg import sql

        name = "t_" + uuid.uuid4().hex[:12]
        self._execute(sql.SQL(f"CREATE DATABASE {{}} {COPY}").format(sql.Identifier(name)))
        return self.url(name)

    def drop_database(self, url: str) -> None:
        """Drop one of the cluster's databases, closing what is still connected to it."""
        from psycopg import sql

        name = sql.Identifier(url.rsplit("/", 1)[1])
        self._execute(sql.SQL("DROP DATABASE {} WITH (FORCE)").format(name))

    def lend(self) -> str:
        """The URL of a database migrated to head and holding nothing; :meth:`give_back` it.

        Emptying a database is quicker than copying a new one from the template (a
        checkpoint each), which made most of a storage test's time.
        """
        if self._lent:
            return self._lent.pop()
        url = self.create_database()
        self.migrate(url)
        return url

    def give_back(self, url: str) -> None:
        """Empty a lent database for the next test: every table but the schema version,
        every sequence back at its start. Made anew from the template instead when the
        test changed the schema (a downgrade, a dropped column)."""
        import psycopg

        name = url.rsplit("/", 1)[1]
        with psycopg.connect(self._dsn(name), autocommit=True) as conn:
            # Connections a test left open would hold locks or pile up over the session.
            conn.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                " WHERE datname = current_database() AND pid <> pg_backend_pid()"
            )
            reusable = _schema_of(conn) == self._schema
            if reusable:
                conn.execute(_EMPTY)
        if not reusable:
            self.migrate(url)
        self._lent.append(url)

    def migrate(self, url: str) -> None:
        """Make the empty database at ``url`` a copy of a template migrated to head once."""
        from psycopg import sql

        from mmtracker.storage.engine import make_engine
        from mmtracker.storage.schema import upgrade

        if self.template is None:
            self._execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(TEMPLATE)))
            engine = make_engine(self.url(TEMPLATE))
            upgrade(engine)
            engine.dispose()  # a template is copied only while nobody is connected to it
            import psycopg

            with psycopg.connect(self._dsn(TEMPLATE), autocommit=True) as conn:
                conn.execute(_ROWS)  # emptying a lent database must leave it as new
                self._schema = _schema_of(conn)
            self.template = TEMPLATE
        self.drop_database(url)
        self._execute(
            sql.SQL(f"CREATE DATABASE {{}} TEMPLATE {{}} {COPY}").format(
                sql.Identifier(url.rsplit("/", 1)[1]), sql.Identifier(self.template)
            )
        )


@pytest.fixture(scope="session")
def postgres_cluster() -> Iterator[PostgresCluster]:
    """The session's PostgreSQL cluster; skips on a laptop without PostgreSQL, fails in CI."""
    cluster = PostgresCluster()
    atexit.register(cluster.stop)  # also when the session ends without its teardown
    try:
        if not (PG_BIN / "initdb").exists():
            raise FileNotFoundError(f"{PG_BIN / 'initdb'} is not installed")
        cluster.start()
    except (OSError, subprocess.CalledProcessError) as exc:
        cluster.stop()
        detail = getattr(exc, "stderr", "") or str(exc)
        if IN_CI:
            pytest.fail(f"PostgreSQL could not start in CI: {detail}")
        pytest.skip(f"PostgreSQL is not available here: {detail}")  # allowed only off CI
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", cluster.port)) == 0:
                break
        time.sleep(0.1)
    yield cluster
    cluster.stop()


@pytest.fixture(scope="session")
def _migrated_sqlite(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An SQLite file holding the schema at head, migrated once per session (and worker)."""
    from mmtracker.storage.engine import make_engine
    from mmtracker.storage.schema import upgrade

    path = tmp_path_factory.mktemp("migrated") / "migrated.sqlite"
    engine = make_engine(f"sqlite:///{path}")
    upgrade(engine)
    engine.dispose()  # the last connection checkpoints the WAL into the file
    return path


def copy_migrated_sqlite(template: Path, url: str) -> None:
    """Make the new SQLite database at ``url`` (no file yet) a copy of the migrated one."""
    path = Path(url.removeprefix("sqlite:///"))
    assert not path.exists(), path
    shutil.copyfile(template, path)


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def backend(request: pytest.FixtureRequest) -> str:
    """The database backend of a test that runs on both: "sqlite" or "postgresql"."""
    return str(request.param)


@pytest.fixture
def database_url(backend: str, request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """The URL of a new empty database, once on SQLite and once on PostgreSQL."""
    if backend == "sqlite":
        yield f"sqlite:///{tmp_path / 'test.sqlite'}"
        return
    cluster: PostgresCluster = request.getfixturevalue("postgres_cluster")
    url = cluster.create_database()
    yield url
    cluster.drop_database(url)  # hundreds of databases would fill the disk and slow its end


def migrated_engine(backend: str, request: pytest.FixtureRequest, path: Path) -> Iterator[Engine]:
    """A migrated engine on a database holding nothing (SQLite: a new file at ``path``)."""
    from mmtracker.storage.engine import make_engine

    if backend == "sqlite":
        url = f"sqlite:///{path}"
        copy_migrated_sqlite(request.getfixturevalue("_migrated_sqlite"), url)
        eng = make_engine(url)
        yield eng
        eng.dispose()
        return
    cluster: PostgresCluster = request.getfixturevalue("postgres_cluster")
    url = cluster.lend()
    eng = make_engine(url)
    yield eng
    eng.dispose()
    cluster.give_back(url)


@pytest.fixture
def engine(backend: str, request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    """A migrated engine on a database holding nothing, on both backends."""
    yield from migrated_engine(backend, request, tmp_path / "test.sqlite")


@pytest.fixture
def other_engine(
    engine: Engine, backend: str, request: pytest.FixtureRequest, tmp_path: Path
) -> Iterator[Engine]:
    """A second migrated database holding nothing, on the same backend as ``engine``."""
    yield from migrated_engine(backend, request, tmp_path / "other.sqlite")


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    """The URL of a new empty SQLite database (for tests that do not check the SQL)."""
    return f"sqlite:///{tmp_path / 'test.sqlite'}"


@pytest.fixture
def empty_url(_migrated_sqlite: Path, tmp_path: Path) -> str:
    """The URL of a new migrated SQLite database holding no patients."""
    url = f"sqlite:///{tmp_path / 'empty.sqlite'}"
    copy_migrated_sqlite(_migrated_sqlite, url)
    return url


@pytest.fixture
def sqlite_engine(_migrated_sqlite: Path, tmp_path: Path) -> Iterator[Engine]:
    """A migrated engine on a new SQLite database (for tests that do not check the SQL)."""
    from mmtracker.storage.engine import make_engine

    url = f"sqlite:///{tmp_path / 'test.sqlite'}"
    copy_migrated_sqlite(_migrated_sqlite, url)
    eng = make_engine(url)
    yield eng
    eng.dispose()
