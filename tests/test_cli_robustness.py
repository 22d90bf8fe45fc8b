"""The command line on the mistakes a new user makes: one clear line, never a traceback.

Bad input (a database address that is none, a file that is not there, an option a
command has no use for) ends with exit code 2 and one line naming the option or file
and what is accepted (README, Commands: 0 success, 1 failure, 2 bad input).
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from test_worklist_cli import DAY, filled, run

from mmtracker import cli
from mmtracker.config import paths, sqlite_url
from mmtracker.logic.codes import Phase
from mmtracker.logic.families import Family, find_family

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "docs" / "examples" / "record-example.json"
Capture = pytest.CaptureFixture[bytes]
EXAMPLES = "sqlite:////path/file.sqlite or postgresql://user@host/dbname"


@pytest.fixture
def url(tmp_path: Path) -> str:
    return filled(f"sqlite:///{tmp_path / 'clinic.sqlite'}")


def refused(capsysbinary: Capture, *argv: str) -> str:
    """Run a command that must be refused as bad input; its one line of standard error."""
    code, out, err = run(capsysbinary, *argv)
    assert (code, out) == (2, ""), err
    assert len(err.splitlines()) == 1, err
    assert err.startswith("error: ")
    return err.rstrip("\n")


# Every command that takes a database (the window too), each with what it needs besides.
DATABASE_COMMANDS = {
    "window": [],
    "worklist": ["worklist"],
    "export-record": ["export-record", "--mrn", "W001"],
    "import-record": ["import-record", str(EXAMPLE)],
    "demo": ["demo", "--patients", "1"],
    "db upgrade": ["db", "upgrade"],
    "db check": ["db", "check"],
    "db reassess": ["db", "reassess"],
    "bench": ["bench", "--patients", "1", "--runs", "1"],
}


# --- 1. a database address that is none -----------------------------------------------------


@pytest.mark.parametrize("command", DATABASE_COMMANDS.values(), ids=DATABASE_COMMANDS.keys())
def test_a_plain_path_as_database_is_refused_naming_the_option(
    capsysbinary: Capture, tmp_path: Path, command: list[str]
) -> None:
    plain = tmp_path / "plain.sqlite"
    err = refused(capsysbinary, *command, "--database", str(plain))
    assert err == (
        f"error: --database: not a database URL: {str(plain)!r}; expected an SQLAlchemy URL "
        f"such as {EXAMPLES} (for the SQLite file {plain}: sqlite:///{plain})"
    )
    assert not plain.exists()


@pytest.mark.parametrize("address", ["foo://bar", "mysql://clinic@host/mm", "SQLite:///x"])
def test_another_kind_of_database_is_refused(capsysbinary: Capture, address: str) -> None:
    err = refused(capsysbinary, "db", "check", "--database", address)
    assert err.startswith(f"error: --database: {address!r} names the database kind ")
    assert "mmtracker uses SQLite or PostgreSQL" in err
    assert EXAMPLES in err


@pytest.mark.parametrize(
    ("address", "says"),
    [
        ("postgresql://clinic@host:port/mm", "not a database URL"),
        ("postgresql+nodriver://clinic@host/mm", "mmtracker does not know"),
    ],
)
def test_an_address_sqlalchemy_cannot_use_is_refused(
    capsysbinary: Capture, address: str, says: str
) -> None:
    err = refused(capsysbinary, "worklist", "--database", address)
    assert err.startswith("error: --database: ")
    assert says in err
    assert repr(address) in err


def test_the_address_from_the_environment_is_named_so(
    capsysbinary: Capture, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MMTRACKER_DATABASE_URL", "/srv/mm.sqlite")
    for command in (["worklist"], ["db", "check"], []):
        err = refused(capsysbinary, *command)
        assert err.startswith("error: MMTRACKER_DATABASE_URL: not a database URL: '/srv/mm.sqlite'")


def test_the_address_from_the_settings_file_is_named_with_its_path(capsysbinary: Capture) -> None:
    settings = paths().settings_file
    settings.write_text('{"database_url": "mm.sqlite"}', encoding="utf-8")
    err = refused(capsysbinary, "export-record", "--mrn", "W001")
    assert err.startswith(f"error: database_url in {settings}: not a database URL: 'mm.sqlite'")
    settings.write_text('{"database_url": 42}', encoding="utf-8")
    err = refused(capsysbinary, "worklist")
    assert err == f"error: database_url in {settings}: expected a text such as {EXAMPLES}, not 42"


def test_no_traceback_in_a_real_process(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "mmtracker", "db", "check", "--database", "/tmp/plain.sqlite"],
        env={**os.environ, "MMTRACKER_HOME": str(tmp_path / "home")},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr.startswith("error: --database: not a database URL: '/tmp/plain.sqlite'")
    assert "Traceback" not in done.stderr


# --- 2. a reading command on an SQLite file that is not there ---------------------------------


@pytest.mark.parametrize(
    "command",
    [["worklist"], ["export-record", "--mrn", "W001"], ["db", "check"], ["db", "reassess"]],
    ids=["worklist", "export-record", "db check", "db reassess"],
)
def test_a_reading_command_refuses_a_missing_file_and_creates_none(
    capsysbinary: Capture, tmp_path: Path, command: list[str]
) -> None:
    typo = tmp_path / "clinc.sqlite"
    err = refused(capsysbinary, *command, "--database", sqlite_url(typo))
    assert err == (
        f"error: no database at {typo}; `mmtracker db upgrade --database {sqlite_url(typo)}` "
        "creates one"
    )
    assert not typo.exists()


def test_a_missing_file_named_by_the_environment_is_refused(
    capsysbinary: Capture, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    typo = tmp_path / "clinc.sqlite"
    monkeypatch.setenv("MMTRACKER_DATABASE_URL", sqlite_url(typo))
    err = refused(capsysbinary, "worklist")
    assert err.startswith(f"error: no database at {typo} (MMTRACKER_DATABASE_URL); ")
    assert not typo.exists()


def test_a_folder_that_is_not_there_is_refused_even_where_a_file_may_be_made(
    capsysbinary: Capture, tmp_path: Path
) -> None:
    missing = tmp_path / "no-such-folder" / "mm.sqlite"
    err = refused(capsysbinary, "db", "upgrade", "--database", sqlite_url(missing))
    assert err == f"error: --database: no folder {missing.parent} for the SQLite file {missing}"


def test_commands_that_write_create_the_file(capsysbinary: Capture, tmp_path: Path) -> None:
    new = tmp_path / "new.sqlite"
    code, out, err = run(capsysbinary, "import-record", str(EXAMPLE), "--database", sqlite_url(new))
    assert code == 0, err
    assert out.startswith("imported ")
    assert new.exists()


def test_the_per_user_clinic_database_is_still_made_on_first_use(capsysbinary: Capture) -> None:
    code, out, err = run(capsysbinary, "worklist")
    assert (code, err) == (0, "")
    assert "holds no patients" in out
    assert paths().database.exists()


# --- 5. policy files: the same answer from every command ----------------------------------------


@pytest.mark.parametrize(
    "command",
    [["worklist"], ["db", "reassess"], ["evaluate", str(EXAMPLE)]],
    ids=["worklist", "db reassess", "evaluate"],
)
def test_a_policy_file_that_is_not_there_is_bad_input_everywhere(
    capsysbinary: Capture, url: str, tmp_path: Path, command: list[str]
) -> None:
    database = [] if command[0] == "evaluate" else ["--database", url]
    missing = tmp_path / "nofile.toml"
    err = refused(capsysbinary, *command, *database, "--policy", str(missing))
    assert err == f"error: policy: {missing}: cannot be read: No such file or directory"


def test_an_unquoted_dotted_key_is_answered_with_the_quoted_form(
    capsysbinary: Capture, tmp_path: Path
) -> None:
    clinic = tmp_path / "clinic.toml"
    clinic.write_text("bta.lapse_days = 35\n[dental]\nnot_a_key = 1\n", encoding="utf-8")
    code, out, err = run(capsysbinary, "evaluate", str(EXAMPLE), "--policy", str(clinic))
    assert (code, out) == (2, "")
    assert err.splitlines() == [
        "error: policy: bta: unknown policy key: without quotes TOML reads bta.lapse_days as "
        "the key 'lapse_days' of a table 'bta'; write \"bta.lapse_days\" = 35",
        "error: policy: dental.not_a_key: unknown policy key",
    ]


def test_a_table_value_is_not_shown_as_python(capsysbinary: Capture, tmp_path: Path) -> None:
    clinic = tmp_path / "clinic.toml"
    clinic.write_text("lead_days = {value = 1000}\n", encoding="utf-8")
    err = refused(capsysbinary, "evaluate", str(EXAMPLE), "--policy", str(clinic))
    assert err == (
        'error: policy: lead_days: must be given a number from 0 to 60 (e.g. "lead_days" = 14), '
        "not a table"
    )
    assert "{" not in err


# --- 6. a settings file that is not JSON ----------------------------------------------------------


def test_a_settings_file_that_is_not_json_is_named(capsysbinary: Capture) -> None:
    settings = paths().settings_file
    settings.write_text('{"database_url": "sqlite:///x.sqlite",}', encoding="utf-8")
    err = refused(capsysbinary, "worklist")
    assert err.startswith(f"error: {settings}: not valid JSON: ")
    settings.write_text('["sqlite:///x.sqlite"]', encoding="utf-8")
    assert refused(capsysbinary, "db", "check") == f"error: {settings}: expected a JSON object"


# --- 7. export-record ---------------------------------------------------------------------------


def test_export_to_a_folder_that_is_not_there_names_out(
    capsysbinary: Capture, url: str, tmp_path: Path
) -> None:
    target = tmp_path / "nonexistent" / "dir" / "x.json"
    err = refused(
        capsysbinary, "export-record", "--database", url, "--mrn", "W001", "--out", str(target)
    )
    assert err == f"error: --out: no folder {target.parent} to write {target} in"


def test_export_to_a_file_that_cannot_be_written_names_out(
    capsysbinary: Capture, url: str, tmp_path: Path
) -> None:
    target = tmp_path / "a-folder"
    target.mkdir()
    err = refused(
        capsysbinary, "export-record", "--database", url, "--mrn", "W001", "--out", str(target)
    )
    assert err.startswith(f"error: --out: {target} cannot be written: ")


def test_an_unknown_mrn_names_the_database_searched_and_hints_at_the_demo(
    capsysbinary: Capture, url: str
) -> None:
    code, out, err = run(capsysbinary, "export-record", "--database", url, "--mrn", "D000002")
    assert (code, out) == (1, "")
    assert err == f"error: no patient has MRN D000002 in {url}\n"
    code, _, err = run(capsysbinary, "demo", "--patients", "3", "--as-of", DAY)
    assert code == 0, err
    code, out, err = run(capsysbinary, "export-record", "--database", url, "--mrn", "D000002")
    assert (code, out) == (1, "")
    assert err == (
        f"error: no patient has MRN D000002 in {url}; the demo database has it: add --demo\n"
    )
    code, _, err = run(capsysbinary, "export-record", "--database", url, "--mrn", "D000099")
    assert err == f"error: no patient has MRN D000099 in {url}\n"  # not in the demo either


# --- 8. --demo where a command has no use for it ----------------------------------------------


@pytest.mark.parametrize(
    "argv",
    [
        ["--demo", "evaluate", str(EXAMPLE)],
        ["evaluate", str(EXAMPLE), "--demo"],
        ["--demo", "bench", "--patients", "1"],
        ["bench", "--patients", "1", "--demo"],
    ],
    ids=["before evaluate", "after evaluate", "before bench", "after bench"],
)
def test_demo_is_refused_where_it_would_be_ignored(capsysbinary: Capture, argv: list[str]) -> None:
    err = refused(capsysbinary, *argv)
    assert err.startswith("error: --demo: ")
    assert not paths().demo_database.exists()


@pytest.mark.parametrize("before", [True, False], ids=["before", "after"])
def test_database_is_refused_for_evaluate(capsysbinary: Capture, url: str, before: bool) -> None:
    argv = ["evaluate", str(EXAMPLE)]
    argv = ["--database", url, *argv] if before else [*argv, "--database", url]
    assert refused(capsysbinary, *argv) == (
        "error: --database: evaluate assesses a record file and uses no database"
    )


@pytest.mark.parametrize("before", [True, False], ids=["before", "after"])
def test_a_sign_in_is_refused_for_evaluate(capsysbinary: Capture, before: bool) -> None:
    argv = ["evaluate", str(EXAMPLE)]
    argv = ["--user", "ada", *argv] if before else [*argv, "--user", "ada"]
    assert refused(capsysbinary, *argv) == (
        "error: --user: evaluate assesses a record file and needs no sign-in"
    )


# --- 9. the empty-database notice in Chinese ----------------------------------------------------


@pytest.mark.parametrize("where", ["before", "after"])
def test_the_empty_database_notice_follows_the_language(
    capsysbinary: Capture, empty_url: str, where: str
) -> None:
    argv = ["worklist", "--database", empty_url]
    argv = ["--lang", "zh_CN", *argv] if where == "before" else [*argv, "--lang", "zh_CN"]
    code, out, err = run(capsysbinary, *argv)
    assert (code, err) == (0, "")
    assert out == (
        f"数据库 {empty_url} 中还没有患者；如需用虚构患者试用 mmtracker，请运行 "
        "`mmtracker --demo worklist`，或用 `mmtracker demo` 向空数据库填入演示患者\n"
    )


# --- 10. families and phases as people write them ---------------------------------------------


@pytest.mark.parametrize(
    "spelled",
    [
        "calcium vitamin d",
        "Calcium/vitamin D",
        "calcium_vitamin_d",
        "CALCIUM-VITAMIN-D",
        " calcium  vitamin d ",
    ],
)
def test_a_family_name_in_any_spelling(spelled: str) -> None:
    assert find_family(spelled) is Family.CALCIUM_VITAMIN_D


def test_item_takes_the_family_name_with_spaces(capsysbinary: Capture, url: str) -> None:
    base = ("worklist", "--database", url, "--as-of", DAY, "--format", "json")
    code, spaced, err = run(capsysbinary, *base, "--item", "calcium vitamin d")
    assert code == 0, err
    _, named, _ = run(capsysbinary, *base, "--item", "calcium_vitamin_d")
    assert json.loads(spaced) == json.loads(named)
    assert find_family("bone") is None  # a part of a name is no family


@pytest.mark.parametrize(
    ("spelled", "phase"),
    [
        ("newly diagnosed", Phase.NDMM),
        ("Newly diagnosed MM (NDMM)", Phase.NDMM),
        ("SMOULDERING myeloma", Phase.SMM),
        ("autologous stem-cell transplant", Phase.ASCT),
        ("maintenance", Phase.MAINTENANCE),
        ("ndmm", Phase.NDMM),
        ("newly", Phase.NDMM),  # the start of one label only
    ],
)
def test_phase_takes_the_label_the_table_shows(spelled: str, phase: Phase) -> None:
    assert cli._phase(spelled) is phase


@pytest.mark.parametrize("spelled", ["mm", "diagnosed", "mgus", ""])
def test_a_phase_that_fits_no_label_is_refused(spelled: str) -> None:
    with pytest.raises(argparse.ArgumentTypeError, match=r"unknown phase .*'newly diagnosed'"):
        cli._phase(spelled)


# --- 11. a display that is set but does not answer ----------------------------------------------


@pytest.fixture
def display_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> pytest.MonkeyPatch:
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path))
    monkeypatch.setattr(cli.sys, "platform", "linux")
    return monkeypatch


def unused_x_display() -> int:
    """A display number with no X server socket on this machine."""
    return next(n for n in range(77, 200) if not Path(f"/tmp/.X11-unix/X{n}").exists())


@pytest.fixture
def tcp_x_server() -> Iterator[str]:
    """A listening TCP socket on 127.0.0.1 at 6000 + n: the display ``127.0.0.1:n``."""
    for port in range(6100, 6400):
        server = socket.socket()
        try:
            server.bind(("127.0.0.1", port))
        except OSError:
            server.close()
            continue
        server.listen()
        try:
            yield f"127.0.0.1:{port - 6000}.0"
        finally:
            server.close()
        return
    pytest.fail("no free port from 6100 to 6399")


def test_an_x_display_that_does_not_answer_is_named(display_env: pytest.MonkeyPatch) -> None:
    display = f":{unused_x_display()}"
    display_env.setenv("DISPLAY", display)
    assert cli.display_problem() == (
        f"mmtracker: no display server answers at DISPLAY={display}; " + cli.HEADLESS
    )


def test_an_x_display_over_tcp_that_answers_is_used(
    display_env: pytest.MonkeyPatch, tcp_x_server: str
) -> None:
    display_env.setenv("DISPLAY", tcp_x_server)
    assert cli.display_problem() is None
    display_env.setenv("QT_QPA_PLATFORM", "xcb")
    assert cli.display_problem() is None


def test_xcb_chosen_without_a_display(display_env: pytest.MonkeyPatch) -> None:
    display_env.setenv("QT_QPA_PLATFORM", "xcb")
    assert cli.display_problem() == (
        "mmtracker: QT_QPA_PLATFORM=xcb needs a display, but DISPLAY is not set; " + cli.HEADLESS
    )


def test_a_wayland_socket_in_the_runtime_folder(
    display_env: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    display_env.setenv("WAYLAND_DISPLAY", "wayland-test")
    assert cli.display_problem() == (
        "mmtracker: no display server answers at WAYLAND_DISPLAY=wayland-test; " + cli.HEADLESS
    )
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(tmp_path / "wayland-test"))
        server.listen()
        assert cli.display_problem() is None


@pytest.mark.parametrize("platform", ["offscreen", "minimal", "vnc", "eglfs"])
def test_platforms_that_need_no_display_are_left_to_qt(
    display_env: pytest.MonkeyPatch, platform: str
) -> None:
    display_env.setenv("QT_QPA_PLATFORM", platform)
    display_env.setenv("DISPLAY", f":{unused_x_display()}")
    assert cli.display_problem() is None


def test_nothing_set_is_the_no_display_line(display_env: pytest.MonkeyPatch) -> None:
    assert cli.display_problem() == cli.NO_DISPLAY


def test_the_window_on_a_display_that_does_not_answer_stops_before_qt(tmp_path: Path) -> None:
    display = f":{unused_x_display()}"
    env = {k: v for k, v in os.environ.items() if k not in ("WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    done = subprocess.run(
        [sys.executable, "-m", "mmtracker", "--demo"],
        env={**env, "DISPLAY": display, "MMTRACKER_HOME": str(tmp_path / "home")},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert (done.returncode, done.stdout) == (1, "")
    assert done.stderr.splitlines() == [
        f"mmtracker: no display server answers at DISPLAY={display}; " + cli.HEADLESS
    ]
    assert "xvfb-run mmtracker" in done.stderr
    assert "QT_QPA_PLATFORM=offscreen" in done.stderr
    assert not (tmp_path / "home" / "data" / "demo.sqlite").exists()
