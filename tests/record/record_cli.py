"""The record commands as the tests run them, and their standard error as they read it."""

from __future__ import annotations

from pathlib import Path

import pytest

from mmtracker.cli import main

NOTE = "note: this database has no users yet"


def import_record(path: Path, url: str, *flags: str) -> int:
    """``mmtracker import-record PATH --database URL [flags]``; its exit code."""
    return main(["import-record", str(path), "--database", url, *flags])


def errors(capsys: pytest.CaptureFixture[str]) -> str:
    """Standard error without the note that a database without users runs as the
    operating system's user (said by every command that writes)."""
    return "".join(
        line
        for line in capsys.readouterr().err.splitlines(keepends=True)
        if not line.startswith(NOTE)
    )
