"""``python -m mmtracker`` runs the command line; ``--version`` names the application and its schema."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from mmtracker import __version__
from mmtracker.storage.schema import head_revision

EXAMPLE = Path(__file__).resolve().parents[1] / "docs" / "examples" / "record-example.json"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mmtracker", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )


def test_version_names_the_application_and_the_schema() -> None:
    done = run("--version")
    assert done.returncode == 0, done.stderr
    assert done.stdout == f"mmtracker {__version__}, database schema {head_revision()}\n"


def test_python_dash_m_evaluates_a_record_as_the_command_does() -> None:
    done = run("evaluate", str(EXAMPLE), "--as-of", "2026-11-30", "--lang", "zh_CN")
    assert done.returncode == 0, done.stderr
    document = json.loads(done.stdout)
    assert document["as_of"] == "2026-11-30"
    assert len(document["items"]) == 36


def test_python_dash_m_reports_bad_input_with_exit_code_2() -> None:
    done = run("evaluate", str(EXAMPLE), "--as-of", "not-a-date")
    assert done.returncode == 2
    assert "as-of" in done.stderr
