"""A test that needs PostgreSQL skips where no cluster can start, but fails in CI.

The suite is run again in a process of its own, on one PostgreSQL test, with the
PostgreSQL programs looked for in a folder that lacks them (``MMTRACKER_TEST_PG_BIN``).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
ONE_POSTGRES_TEST = "tests/storage/test_check.py::test_report_of_a_sound_database[postgresql]"


def run_without_postgres(tmp_path: Path, ci: str | None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST_", "CI"))}
    env["MMTRACKER_TEST_PG_BIN"] = str(tmp_path)  # no initdb there
    if ci is not None:
        env["CI"] = ci
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-rs", "-p", "no:cacheprovider", ONE_POSTGRES_TEST],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def test_in_ci_a_postgresql_test_fails_when_the_cluster_cannot_start(tmp_path: Path) -> None:
    done = run_without_postgres(tmp_path, "true")
    assert done.returncode == pytest.ExitCode.TESTS_FAILED, done.stdout
    assert "PostgreSQL could not start in CI" in done.stdout
    assert "1 error" in done.stdout  # the cluster fixture fails: an error, not a skip
    assert "skipped" not in done.stdout


def test_elsewhere_a_postgresql_test_skips_when_the_cluster_cannot_start(tmp_path: Path) -> None:
    done = run_without_postgres(tmp_path, None)
    assert done.returncode == pytest.ExitCode.OK, done.stdout
    assert "1 skipped" in done.stdout
    assert "PostgreSQL is not available here" in done.stdout
