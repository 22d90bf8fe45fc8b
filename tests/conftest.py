"""Shared fixtures: user folders in tmp_path, real databases (SQLite and PostgreSQL)."""

from __future__ import annotations

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
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from sqlalchemy import Engine

PG_BIN = Path("/usr/lib/postgresql/15/bin")
IN_CI = os.environ.get("CI", "").lower() == "true"


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


class PostgresCluster:
    """A throwaway PostgreSQL 15 cluster on 127.0.0.1, trust auth, data in a temp folder."""

    def __init__(self) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="mmtracker-pg-"))
        self.port = _free_port()
        self.data = self.folder / "data"

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
        options = f"-h 127.0.0.1 -p {self.port} -k {self.folder} -c fsync=off"
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

    def stop(self) -> None:
        with contextlib.suppress(subprocess.CalledProcessError, FileNotFoundError):
            _as_postgres(str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "stop")
        shutil.rmtree(self.folder, ignore_errors=True)

    def create_database(self) -> str:
        """A new empty database; its SQLAlchemy URL."""
        name = "t_" + uuid.uuid4().hex[:12]
        _as_postgres(
            str(PG_BIN / "createdb"),
            "-h",
            "127.0.0.1",
            "-p",
            str(self.port),
            "-U",
            "postgres",
            name,
        )
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{name}"


@pytest.fixture(scope="session")
def postgres_cluster() -> Iterator[PostgresCluster]:
    """The session's PostgreSQL cluster; skips on a laptop without PostgreSQL, fails in CI."""
    cluster = PostgresCluster()
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


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """The URL of a new empty database, once on SQLite and once on PostgreSQL."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'test.sqlite'}"
    cluster: PostgresCluster = request.getfixturevalue("postgres_cluster")
    return cluster.create_database()


@pytest.fixture
def engine(database_url: str) -> Iterator[Engine]:
    """A migrated engine on a new database (both backends)."""
    from mmtracker.storage.engine import make_engine
    from mmtracker.storage.schema import upgrade

    eng = make_engine(database_url)
    upgrade(eng)
    yield eng
    eng.dispose()
