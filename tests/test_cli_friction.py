"""The command line as a new user tries it: ``--demo`` on either side of the command, phases in
any case, families of care items, item ids on request, a demo database that says so, an empty
database that says how to see the demo, and no Qt abort on a machine with no display.

Exit codes (README, Commands): 0 success, 1 failure, 2 bad input.
"""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from test_worklist_cli import DAY, EXPECTED, filled, in_order, json_rows, run

from mmtracker.cli import NO_DISPLAY, main
from mmtracker.config import paths, sqlite_url
from mmtracker.logic.families import ITEM_FAMILY
from mmtracker.storage.engine import make_engine
from mmtracker.storage.marks import demo_note, is_demo

Capture = pytest.CaptureFixture[bytes]
DEMO_DAY = "2026-05-01"


@pytest.fixture
def url(tmp_path: Path) -> str:
    return filled(f"sqlite:///{tmp_path / 'clinic.sqlite'}")


@pytest.fixture
def demo_database(capsysbinary: Capture) -> Path:
    """The separate demo database (in this test's user folders) with a few patients."""
    code, out, err = run(
        capsysbinary, "demo", "--patients", "8", "--seed", "3", "--as-of", DEMO_DAY
    )
    assert (code, err) == (0, ""), err
    assert out.startswith("8 demo patients written to ")
    return paths().demo_database


def worklist_json(capsysbinary: Capture, *argv: str) -> list[dict[str, Any]]:
    code, out, err = run(capsysbinary, *argv, "--format", "json")
    assert (code, err) == (0, ""), err
    document = json.loads(out)
    assert isinstance(document, list)
    return document


# --- --demo after the command ----------------------------------------------------------------


def test_demo_after_the_command_is_the_same_as_before_it(
    capsysbinary: Capture, demo_database: Path
) -> None:
    before = worklist_json(capsysbinary, "--demo", "worklist", "--as-of", DEMO_DAY)
    after = worklist_json(capsysbinary, "worklist", "--demo", "--as-of", DEMO_DAY)
    assert before
    assert after == before
    assert {row["mrn"] for row in after} <= {f"D{n:06d}" for n in range(1, 9)}


@pytest.mark.parametrize(
    "command",
    [
        ["export-record", "--mrn", "D000001"],
        ["db", "check"],
        ["db", "reassess", "--as-of", DEMO_DAY],
    ],
    ids=["export-record", "db check", "db reassess"],
)
def test_every_database_command_takes_demo_after_it(
    capsysbinary: Capture, demo_database: Path, command: list[str]
) -> None:
    before = run(capsysbinary, "--demo", *command)
    after = run(capsysbinary, *command, "--demo")
    assert before[0] == 0, before[2]
    assert after[0] == 0, after[2]
    if command[0] == "export-record":
        assert json.loads(after[1]) == json.loads(before[1])
        assert json.loads(after[1])["patient"]["mrn"] == "D000001"


def test_demo_after_import_record_imports_into_the_demo_database(
    capsysbinary: Capture, demo_database: Path, tmp_path: Path
) -> None:
    code, record, _ = run(capsysbinary, "export-record", "--demo", "--mrn", "D000002")
    assert code == 0
    document = json.loads(record)
    document["patient"]["mrn"] = "COPY-2"
    for entries in document.values():
        if isinstance(entries, list):
            for entry in entries:
                if isinstance(entry, dict) and "id" in entry:
                    entry["id"] = entry["id"][:-4] + "cafe"
    path = tmp_path / "copy.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    code, out, err = run(capsysbinary, "import-record", str(path), "--demo")
    assert (code, out) == (0, "imported COPY-2\n"), err
    code, out, _ = run(capsysbinary, "--demo", "export-record", "--mrn", "COPY-2")
    assert code == 0
    assert json.loads(out)["patient"]["mrn"] == "COPY-2"


@pytest.mark.parametrize(
    "argv",
    [
        ["--demo", "--database", "{url}"],
        ["--demo", "worklist", "--database", "{url}"],
        ["worklist", "--demo", "--database", "{url}"],
        ["--database", "{url}", "worklist", "--demo"],
        ["export-record", "--mrn", "W001", "--database", "{url}", "--demo"],
        ["db", "check", "--demo", "--database", "{url}"],
        ["demo", "--demo", "--database", "{url}"],
    ],
    ids=["window", "before", "after", "database first", "export", "db check", "demo"],
)
def test_demo_with_database_is_refused_in_one_line(
    capsysbinary: Capture, url: str, argv: list[str]
) -> None:
    code, out, err = run(capsysbinary, *(a.replace("{url}", url) for a in argv))
    assert (code, out) == (2, "")
    assert len(err.splitlines()) == 1
    assert "--demo" in err
    assert "--database" in err


# --- --phase in any case -----------------------------------------------------------------------


@pytest.mark.parametrize("spelled", ["smm", "Smm", "SMM"])
def test_phase_in_any_case(capsysbinary: Capture, url: str, spelled: str) -> None:
    rows = worklist_json(
        capsysbinary, "worklist", "--database", url, "--as-of", DAY, "--phase", spelled
    )
    assert json_rows(json.dumps(rows)) == EXPECTED


def test_maintenance_in_lower_case_is_accepted(capsysbinary: Capture, url: str) -> None:
    rows = worklist_json(
        capsysbinary, "worklist", "--database", url, "--as-of", DAY, "--phase", "maintenance"
    )
    assert rows == []  # the clinic's live patients are all in SMM


def test_an_unknown_phase_lists_the_accepted_ones(capsysbinary: Capture, url: str) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["worklist", "--database", url, "--phase", "mgus"])
    assert exited.value.code == 2
    err = capsysbinary.readouterr().err.decode()
    assert "'mgus'" in err
    assert "SMM, NDMM, ASCT, MAINTENANCE, RELAPSE" in err


# --- --item: a family, then an id prefix -------------------------------------------------------


def items(rows: list[dict[str, Any]]) -> list[tuple[str, str]]:
    return [(row["name"], row["item"]["id"]) for row in rows]


def test_item_names_a_family_by_id_or_english_name(capsysbinary: Capture, url: str) -> None:
    base = ("worklist", "--database", url, "--as-of", DAY)
    alerts = worklist_json(capsysbinary, *base, "--item", "alerts")
    assert in_order([(n, i, "alert") for n, i in items(alerts)]) == [
        r for r in EXPECTED if r[2] == "alert"
    ]
    assert {row["family"] for row in alerts} == {"alerts"}
    imaging = worklist_json(capsysbinary, *base, "--item", "Imaging")
    assert items(imaging) == [(n, i) for n, i, _ in EXPECTED if i.startswith("imaging.")]
    assert worklist_json(capsysbinary, *base, "--item", "IMAGING") == imaging
    assert worklist_json(capsysbinary, *base, "--item", "bone therapy") == []
    assert worklist_json(capsysbinary, *base, "--item", "bone_therapy") == []


def test_item_falls_back_to_an_id_prefix(capsysbinary: Capture, url: str) -> None:
    base = ("worklist", "--database", url, "--as-of", DAY)
    calcium = worklist_json(capsysbinary, *base, "--item", "alert.hyper")
    assert items(calcium) == [
        ("Davis, Dan", "alert.hypercalcaemia"),
        ("Zimmer, Zoe", "alert.hypercalcaemia"),
    ]
    followup = worklist_json(capsysbinary, *base, "--item", "imaging.smm_f")
    assert {i for _, i in items(followup)} == {"imaging.smm_followup"}


@pytest.mark.parametrize("unknown", ["dentist", "xyz.", "bone"])
def test_an_unknown_item_is_a_usage_error_naming_the_families(
    capsysbinary: Capture, url: str, unknown: str
) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["worklist", "--database", url, "--item", unknown])
    assert exited.value.code == 2
    captured = capsysbinary.readouterr()
    assert captured.out == b""
    err = captured.err.decode()
    assert repr(unknown) in err
    assert "bone_therapy" in err
    assert "calcium_vitamin_d" in err


# --- the family column and --ids ---------------------------------------------------------------


def test_table_shows_the_family_and_on_request_the_item_ids(
    capsysbinary: Capture, url: str
) -> None:
    base = ("worklist", "--database", url, "--as-of", DAY)
    code, plain, _ = run(capsysbinary, *base)
    assert code == 0
    header = plain.splitlines()[0]
    assert header.split()[:4] == ["MRN", "Name", "Phase", "Family"]
    carter = next(line for line in plain.splitlines() if "Carter, Cara" in line)
    assert "  Imaging  " in carter
    assert "imaging.smm_followup" not in plain
    code, with_ids, _ = run(capsysbinary, *base, "--ids")
    assert code == 0
    lines = with_ids.splitlines()
    body = lines[1:-1]
    assert len(body) == len(EXPECTED)
    # The ids stand in their own column, under its header, each line with its patient's item.
    column = lines[0].index("Item id")
    shown = [
        (next(n for n, _, _ in EXPECTED if n in line), line[column:].split()[0]) for line in body
    ]
    assert sorted(shown) == sorted((name, item_id) for name, item_id, _ in EXPECTED)


def test_csv_and_json_carry_the_family_id(capsysbinary: Capture, url: str) -> None:
    base = ("worklist", "--database", url, "--as-of", DAY)
    code, out, _ = run(capsysbinary, *base, "--format", "csv", "--ids")
    assert code == 0
    rows = list(csv.reader(io.StringIO(out)))
    header, body = rows[0], rows[1:]
    family, item_id = header.index("Family"), header.index("Item id")
    assert body
    for row in body:
        assert row[family] == ITEM_FAMILY[row[item_id]].value
    for row in worklist_json(capsysbinary, *base):
        assert row["family"] == ITEM_FAMILY[row["item"]["id"]].value


def test_chinese_table_shows_the_family_label(capsysbinary: Capture, url: str) -> None:
    code, out, _ = run(
        capsysbinary, "worklist", "--database", url, "--as-of", DAY, "--lang", "zh_CN", "--ids"
    )
    assert code == 0
    carter = next(line for line in out.splitlines() if "Carter, Cara" in line)
    assert "影像学检查" in carter
    davis = [line for line in out.splitlines() if "Davis, Dan" in line]
    assert all("警示" in line for line in davis)
    header = out.splitlines()[0]
    assert "Family" not in header
    assert "Item id" not in header


# --- the demo command marks its database -------------------------------------------------------


def test_demo_fills_any_empty_database_and_marks_it(capsysbinary: Capture, empty_url: str) -> None:
    code, out, err = run(
        capsysbinary, "demo", "--database", empty_url, "--patients", "3", "--as-of", DEMO_DAY
    )
    assert code == 0, err
    assert out.startswith("3 demo patients written to ")
    engine = make_engine(empty_url)
    assert is_demo(engine)
    assert demo_note(engine) == f"3 demo patients, seed 1, as of {DEMO_DAY}"


def test_demo_refuses_a_database_that_holds_patients(capsysbinary: Capture, url: str) -> None:
    code, out, err = run(capsysbinary, "demo", "--database", url, "--patients", "3")
    assert (code, out) == (2, "")
    assert "already holds 12 patients" in err
    assert not is_demo(make_engine(url))


def test_the_separate_demo_database_is_marked(demo_database: Path) -> None:
    assert is_demo(make_engine(sqlite_url(demo_database)))


def test_a_clinic_database_is_not_marked(url: str) -> None:
    assert not is_demo(make_engine(url))


# --- an empty database -------------------------------------------------------------------------


def test_worklist_on_an_empty_database_says_so_and_how_to_see_the_demo(
    capsysbinary: Capture, empty_url: str
) -> None:
    code, out, err = run(capsysbinary, "worklist", "--database", empty_url)
    assert (code, err) == (0, "")
    assert len(out.splitlines()) == 1
    assert "holds no patients" in out
    assert "mmtracker --demo worklist" in out
    assert "mmtracker demo" in out


def test_worklist_json_on_an_empty_database_stays_json(
    capsysbinary: Capture, empty_url: str
) -> None:
    code, out, err = run(capsysbinary, "worklist", "--database", empty_url, "--format", "json")
    assert (code, json.loads(out)) == (0, [])
    assert len(err.splitlines()) == 1
    assert "mmtracker --demo worklist" in err


def test_worklist_with_nothing_due_on_a_filled_database_says_nothing_more(
    capsysbinary: Capture, url: str
) -> None:
    code, out, err = run(
        capsysbinary, "worklist", "--database", url, "--as-of", DAY, "--phase", "RELAPSE"
    )
    assert (code, err) == (0, "")
    assert out.splitlines()[-1] == "0 items"


# --- no display --------------------------------------------------------------------------------


def without_display(tmp_path: Path) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    env["MMTRACKER_HOME"] = str(tmp_path / "home")
    return env


@pytest.mark.parametrize("argv", [[], ["--demo"]], ids=["clinic", "demo"])
def test_the_window_without_a_display_says_so_in_one_line(tmp_path: Path, argv: list[str]) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "mmtracker", *argv],
        env=without_display(tmp_path),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 1
    assert done.stdout == ""
    assert done.stderr == NO_DISPLAY + "\n"
    assert "xvfb-run" in NO_DISPLAY
    assert "QT_QPA_PLATFORM=offscreen" in NO_DISPLAY
    assert not (tmp_path / "home" / "data" / "demo.sqlite").exists()  # it stopped before anything


def test_commands_need_no_display(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "mmtracker", "worklist"],
        env=without_display(tmp_path),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "holds no patients" in done.stdout
