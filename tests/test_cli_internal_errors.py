"""An error mmtracker did not foresee (a fault of its own) on the command line: one line
saying so, exit code 3, and its traceback in the error log of the data folder with nothing
of a patient in it: no message, no note, no argument (issue 12, "Error messages")."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import NoReturn

import pytest
from test_worklist_cli import filled, run

from mmtracker import cli
from mmtracker.error_log import error_log_path

Capture = pytest.CaptureFixture[bytes]
NAME, MRN = "Carter, Cara", "W003"  # a patient of the clinic (tests/test_worklist_cli.py)
# A command whose reading fails where no failure was foreseen.
LEAKING = "mmtracker.storage.loaders.load_record_rows"


@pytest.fixture
def url(tmp_path: Path) -> str:
    return filled(f"sqlite:///{tmp_path / 'clinic.sqlite'}")


def leaking(*_: object) -> NoReturn:
    """Fails as a bug might: its message and note quote the patient."""
    try:
        raise KeyError(MRN)
    except KeyError as exc:
        error = RuntimeError(f"no chart for {NAME} ({MRN})")
        error.add_note(f"while reading {NAME}")
        raise error from exc


def said(log: Path) -> str:
    return (
        "error: internal error (RuntimeError) in `mmtracker export-record`; nothing was saved "
        f"in part; the details are in {log}; please pass that file on to your IT support\n"
    )


def test_one_line_is_said_and_the_log_has_the_frames_but_nothing_of_the_patient(
    capsysbinary: Capture, url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(LEAKING, leaking)
    code, out, err = run(capsysbinary, "export-record", "--mrn", MRN, "--database", url)
    log = error_log_path()
    assert (code, out, err) == (cli.EXIT_INTERNAL, "", said(log))
    written = log.read_text(encoding="utf-8")
    assert written.startswith("--- ")
    assert " mmtracker export-record (mmtracker " in written.splitlines()[0]
    assert f'File "{cli.__file__}", line ' in written
    assert "in _export_record\n" in written
    assert "load_record_rows(engine, [patient_id])" in written  # the source line
    assert f'File "{__file__}", line ' in written  # the frames of the error raised from
    assert "KeyError (its message is left out" in written
    assert "The above exception was the direct cause of the following exception:" in written
    assert "RuntimeError (its message is left out: it may name a patient)" in written
    for quoted in (NAME, "Carter", MRN, url):
        assert quoted not in written


def test_each_error_is_appended(
    capsysbinary: Capture, url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(LEAKING, leaking)
    for _ in range(2):
        code, _, _ = run(capsysbinary, "export-record", "--mrn", MRN, "--database", url)
        assert code == cli.EXIT_INTERNAL
    assert error_log_path().read_text(encoding="utf-8").count("\n--- ") == 1


def test_a_log_that_cannot_be_written_is_said_in_the_same_line(
    capsysbinary: Capture, url: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(LEAKING, leaking)
    nowhere = tmp_path / "no-folder" / "errors.log"
    monkeypatch.setattr("mmtracker.error_log.error_log_path", lambda: nowhere)
    code, out, err = run(capsysbinary, "export-record", "--mrn", MRN, "--database", url)
    assert (code, out) == (cli.EXIT_INTERNAL, "")
    assert err == (
        "error: internal error (RuntimeError) in `mmtracker export-record`; nothing was saved "
        f"in part; the error log could not be written ({nowhere}: No such file or directory)\n"
    )


# Runs the command as `python -m mmtracker` does, one of its functions failing as a bug would.
FAILING = f"""
import runpy
import {LEAKING.rsplit(".", 1)[0]} as module


def leaking(*_):
    raise RuntimeError("no chart for {NAME} ({MRN})")


module.{LEAKING.rsplit(".", 1)[1]} = leaking
runpy.run_module("mmtracker", run_name="__main__", alter_sys=True)
"""


def test_no_traceback_in_a_real_process(url: str, tmp_path: Path) -> None:
    home = tmp_path / "home"
    done = subprocess.run(
        [sys.executable, "-c", FAILING, "export-record", "--mrn", MRN, "--database", url],
        env={**os.environ, "MMTRACKER_HOME": str(home)},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    log = home / "data" / "errors.log"
    assert (done.returncode, done.stdout, done.stderr) == (cli.EXIT_INTERNAL, "", said(log))
    assert "Traceback" not in done.stderr
    written = log.read_text(encoding="utf-8")
    assert "in _export_record\n" in written
    assert NAME not in written
