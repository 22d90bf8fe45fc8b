"""Any record file is imported whole, or refused with exit 2 and the database unchanged, never
a traceback; a record imported exports back as the file said it (bookkeeping aside) and is
assessed, alone (``evaluate``) and in the worklist, on any day the command line accepts
(issue 12). The files are drawn by ``record_strategies.py``; the commands run in-process
through :func:`mmtracker.cli.main` on an SQLite clinic database that already holds another
patient, a fresh copy for each file.

``MMTRACKER_RECORD_EXAMPLES`` sets how many files the property draws (a long run: 20000).
"""

from __future__ import annotations

import datetime as dt
import difflib
import io
import itertools
import json
import os
import re
import shutil
import sqlite3
import unicodedata
from collections.abc import Iterator
from contextlib import closing, redirect_stderr, redirect_stdout
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, note, settings
from record_strategies import (
    DEFS,
    KIND_DEFS,
    META_KEYS,
    SEED,
    Case,
    broken_rules,
    cases,
    verdict,
)

from mmtracker.cli import main
from mmtracker.logic.worklist_order import Show

EXAMPLES = int(os.environ.get("MMTRACKER_RECORD_EXAMPLES", "60"))
# A problem is one line: the file, the field and what is wrong, a value cut to an excerpt.
LONGEST_PROBLEM = 400
# docs/record-format.md: an acknowledgement of a renamed care item takes the new id.
RENAMED_ITEMS = {"renal.before_za": "renal.before_bisphosphonate"}


@dataclass(frozen=True, slots=True)
class Ran:
    """What a command said: its exit code, standard output and standard error."""

    code: int
    out: str
    err: str


def run(*argv: str) -> Ran:
    """Run the command line in-process; an uncaught exception fails the test."""
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        try:
            code = main(list(argv))
        except SystemExit as exc:  # argparse refuses the command line itself
            code = exc.code if isinstance(exc.code, int) else 2
    return Ran(code, out.getvalue(), err.getvalue())


def said(ran: Ran) -> str:
    """What a command said on standard error, and the end of the error log it names."""
    found = re.search(r"the details are in (\S+);", ran.err)
    log = Path(found[1]) if found else None
    tail = log.read_text(encoding="utf-8")[-3000:] if log and log.exists() else ""
    return f"exit {ran.code}: {ran.err[-3000:]}{tail}"


def dump(path: Path) -> list[str]:
    """Every table's definition and rows (the audit's included), as SQL text."""
    with closing(sqlite3.connect(path)) as conn:
        return list(conn.iterdump())


@dataclass
class Clinic:
    """A migrated clinic database holding one other patient, copied fresh for each file."""

    template: Path
    folder: Path
    numbers: Iterator[int]

    def copy(self) -> Path:
        """A new copy of the clinic database, under a name of its own: a connection left
        open by an earlier command never touches it."""
        path = self.folder / f"clinic-{next(self.numbers)}.sqlite"
        shutil.copyfile(self.template, path)
        return path


@pytest.fixture
def clinic(_migrated_sqlite: Path, tmp_path: Path) -> Clinic:
    seeded = tmp_path / "seeded.sqlite"
    shutil.copyfile(_migrated_sqlite, seeded)
    seed = tmp_path / "seed.json"
    seed.write_text(json.dumps(SEED), encoding="utf-8")
    assert run("--database", f"sqlite:///{seeded}", "import-record", str(seed)).code == 0
    template = tmp_path / "template.sqlite"
    with closing(sqlite3.connect(seeded)) as source, closing(sqlite3.connect(template)) as copy:
        source.backup(copy)  # the rows still in the write-ahead log too
    folder = tmp_path / "examples"
    folder.mkdir()
    return Clinic(template, folder, itertools.count())


# --- what an import must leave --------------------------------------------------------------


def refused_cleanly(ran: Ran, record: Path) -> None:
    """Exit 2 said as problems, one a line, each naming the file, none echoing a long value
    nor holding a control character (a line break or a terminal's escape); a note or a
    warning may come with them."""
    assert ran.code == 2
    assert ran.out == ""
    assert ran.err.endswith("\n"), ran.err[-300:]
    lines = ran.err[:-1].split("\n")
    problems = [line for line in lines if line.startswith("error: ")]
    assert problems, ran.err[-300:]
    for line in lines:
        assert line.startswith(("error: ", "warning: ", "note: ")), line[:300]
        controls = {c for c in line if unicodedata.category(c) == "Cc"}
        assert not controls, line[:300]
    for line in problems:
        assert line.startswith(f"error: {record}: "), line[:300]
        problem = line.removeprefix(f"error: {record}: ")
        assert len(problem) <= LONGEST_PROBLEM, problem[:300]


def _composed(value: Any) -> Any:
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    if isinstance(value, list):
        return [_composed(v) for v in value]
    return value


def _expected(definition: str, given: dict[str, Any]) -> dict[str, Any]:
    """An object as the export writes it back: every field, defaults filled in, text composed
    (NFC), numbers of a number field as floats; bookkeeping aside."""
    found: dict[str, Any] = {}
    for key, schema in DEFS[definition]["properties"].items():
        if key in META_KEYS:
            continue
        value = _composed(given[key] if key in given else schema["default"])
        number = "number" in schema.get("type", [])
        found[key] = float(value) if number and type(value) is int else value
    if definition == "Acknowledgement":
        found["item_id"] = RENAMED_ITEMS.get(found["item_id"], found["item_id"])
    return found


def expected_export(document: dict[str, Any]) -> dict[str, Any]:
    """The record the export gives back for an imported file, entries by id."""
    found: dict[str, Any] = {"patient": _expected("Patient", document["patient"])}
    for kind, definition in KIND_DEFS.items():
        entries = [_expected(definition, entry) for entry in document.get(kind, [])]
        found[kind] = sorted(entries, key=lambda entry: entry["id"])
    return found


def exported_content(exported: dict[str, Any]) -> dict[str, Any]:
    """An export less its bookkeeping, entries by id."""
    patient = exported["patient"]
    found: dict[str, Any] = {"patient": {k: v for k, v in patient.items() if k not in META_KEYS}}
    for kind in KIND_DEFS:
        entries = [{k: v for k, v in e.items() if k not in META_KEYS} for e in exported[kind]]
        found[kind] = sorted(entries, key=lambda entry: entry["id"])
    return found


def check_case(case: Case, record: Path, database: Path) -> None:
    """The property for one file (see the module's docstring)."""
    url = f"sqlite:///{database}"
    must = verdict(case.content)
    assert not (case.must_import and must), "a file built valid breaks a rule"
    before = dump(database)
    evaluated = run("evaluate", str(record), "--as-of", case.as_of.isoformat())
    imported = run("--database", url, "import-record", str(record))
    note(f"evaluate: {evaluated.code} {evaluated.err[:2000]}")
    note(f"import-record: {imported.code} {imported.out[:200]} {imported.err[:2000]}")
    assert evaluated.code in (0, 2), said(evaluated)
    assert imported.code in (0, 2), said(imported)
    event(f"import-record exit {imported.code}")
    if imported.code == 2:
        assert not case.must_import, imported.err
        refused_cleanly(imported, record)
        after = dump(database)
        assert after == before, "\n".join(difflib.unified_diff(before, after, lineterm="", n=0))
        if evaluated.code == 2:  # the file's own problems, said alike by both commands
            refused_cleanly(evaluated, record)
            errors = [line for line in evaluated.err.splitlines() if line.startswith("error: ")]
            assert set(errors) <= set(imported.err.splitlines())
        return

    document = json.loads(case.content.decode("utf-8-sig"))
    assert must is None, list(broken_rules(document))
    assert evaluated.code == 0, said(evaluated)
    assert json.loads(evaluated.out)  # the assessment document
    mrn = unicodedata.normalize("NFC", document["patient"]["mrn"])
    assert imported.out == f"imported {mrn}\n"
    exported = run("--database", url, "export-record", f"--mrn={mrn}")
    assert exported.code == 0, said(exported)
    written = json.loads(exported.out)
    assert written["format_version"] == 3
    assert exported_content(written) == expected_export(document)
    listed = run(
        "--database",
        url,
        "worklist",
        f"--as-of={case.worklist_as_of.isoformat()}",
        "--format=json",
        *(f"--status={show.value}" for show in Show),
    )
    assert listed.code == 0, said(listed)
    json.loads(listed.out)


@settings(
    max_examples=EXAMPLES,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,  # the clinic database is copied for each file
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.large_base_example,
        HealthCheck.filter_too_much,
    ],
)
@given(case=cases())
def test_a_record_file_is_imported_whole_or_refused_unchanged(clinic: Clinic, case: Case) -> None:
    record = clinic.folder / "record.json"
    record.write_bytes(case.content)
    database = clinic.copy()
    try:
        check_case(case, record, database)
    finally:
        for path in clinic.folder.glob(f"{database.name}*"):
            path.unlink()


def test_the_clinic_holds_the_other_patient(clinic: Clinic) -> None:
    """The copies the property imports into are not empty: "unchanged" says something."""
    database = clinic.copy()
    exported = run("--database", f"sqlite:///{database}", "export-record", "--mrn=SEED-0001")
    assert exported.code == 0, exported.err
    assert json.loads(exported.out)["weights"][0]["id"] == SEED["weights"][0]["id"]
    assert dt.date.fromisoformat(json.loads(exported.out)["patient"]["date_of_birth"]).year == 1951


# --- what the property found, kept as examples ---------------------------------------------

TODAY = dt.date.today()
WEIGHT_ID = "0d9c1f7e-5b2a-4c3e-9f10-6a7b8c9d0e1f"
RECORD: dict[str, Any] = {
    "format_version": 3,
    "patient": {"mrn": "REG-1", "name": "Ana Lima", "sex": "F", "date_of_birth": "1960-05-01"},
    "weights": [{"id": WEIGHT_ID, "date": "2025-01-06", "weight_kg": 61.5}],
}


def refused(clinic: Clinic, document: dict[str, Any]) -> list[str]:
    """Import and evaluate a file that must be refused: exit 2 from both, the clinic database
    unchanged, nothing logged as an internal error; the problems said (file name aside)."""
    record = clinic.folder / "record.json"
    record.write_text(json.dumps(document), encoding="utf-8")  # lone surrogates escaped
    database = clinic.copy()
    before = dump(database)
    evaluated = run("evaluate", str(record))
    imported = run("--database", f"sqlite:///{database}", "import-record", str(record))
    assert (evaluated.code, imported.code) == (2, 2), said(imported)
    refused_cleanly(imported, record)
    assert dump(database) == before
    said_again = f"error: {record}: "
    return [
        line.removeprefix(said_again)
        for line in imported.err.splitlines()
        if line.startswith(said_again)
    ]


def with_patient(**given: Any) -> dict[str, Any]:
    return {**RECORD, "patient": {**RECORD["patient"], **given}}


def with_weight(**given: Any) -> dict[str, Any]:
    return {**RECORD, "weights": [{**RECORD["weights"][0], **given}]}


def test_the_record_of_these_examples_is_imported(clinic: Clinic) -> None:
    record = clinic.folder / "record.json"
    record.write_text(json.dumps(RECORD), encoding="utf-8")
    url = f"sqlite:///{clinic.copy()}"
    imported = run("--database", url, "import-record", str(record))
    assert (imported.code, imported.out) == (0, "imported REG-1\n")


@pytest.mark.parametrize(
    ("document", "path", "written"),
    [
        pytest.param(
            with_patient(created_at="0001-01-01T00:00:00+14:00"),
            "patient.created_at",
            "0001-01-01T00:00:00+14:00",
            id="a day before the year 1 in UTC",
        ),
        pytest.param(
            with_weight(updated_at="9999-12-31T23:59:59-14:00"),
            "weights[0].updated_at",
            "9999-12-31T23:59:59-14:00",
            id="a day after the year 9999 in UTC",
        ),
        pytest.param(
            with_patient(created_at="9999-12-31T23:59:59Z"),
            "patient.created_at",
            "9999-12-31T23:59:59+00:00",
            id="the calendar's last day",
        ),
        pytest.param(
            with_weight(created_at="1899-12-31T23:00:00+00:00"),
            "weights[0].created_at",
            "1899-12-31T23:00:00+00:00",
            id="before 1900",
        ),
    ],
)
def test_a_bookkeeping_time_lies_from_1900_to_tomorrow(
    clinic: Clinic, document: dict[str, Any], path: str, written: str
) -> None:
    """Refused, not an OverflowError: a registration day (D24) or the day a plan was recorded
    (D36) comes from ``created_at``."""
    tomorrow = TODAY + dt.timedelta(days=1)
    assert refused(clinic, document) == [
        f"{path}: {written} is outside the accepted range 1900-01-01 to {tomorrow} (UTC)"
    ]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        pytest.param("nurse\ud800@ws-03", "D800", id="a lone surrogate"),
        pytest.param("nurse\x00@ws-03", "0000", id="NUL"),
        pytest.param("nurse\u202e@ws-03", "202E", id="right-to-left override"),
    ],
)
def test_who_wrote_a_row_holds_no_control_or_invisible_character(
    clinic: Clinic, text: str, code: str
) -> None:
    """A lone surrogate in ``created_by`` was a driver's error naming no field (exit 1)."""
    assert refused(clinic, with_weight(created_by=text)) == [
        f"weights[0].created_by: holds the invisible or control character U+{code}"
    ]


def test_an_unknown_key_is_named_quoted_on_one_short_line(clinic: Clinic) -> None:
    """A key with a line break or a terminal's escape, or of 5000 characters, is quoted and
    cut, not written out raw."""
    document = with_patient(**{"a\nb\x1b[31m": 1, "x" * 5000: 2})
    assert refused(clinic, document) == [
        "patient['a\\nb\\x1b[31m']: is not a known field",
        f"patient['{'x' * 38}…]: is not a known field",
    ]


def test_a_value_said_back_shows_what_does_not_print_escaped(clinic: Clinic) -> None:
    """U+0085 (a line break to some terminals) and U+202E are echoed as escapes."""
    assert refused(clinic, with_weight(updated_at="\x85\u202e")) == [
        "weights[0].updated_at: must be a date-time with its UTC offset, e.g. "
        '2025-03-01T09:30:00+00:00, not "\\u0085\\u202e"'
    ]


def test_an_id_with_a_line_break_after_it_is_no_uuid(clinic: Clinic) -> None:
    """Python's ``$`` matches before a final line break; the schema's (ECMA 262) does not: the
    id was stored with its line break, 37 characters, a look-alike of the id without."""
    (problem,) = refused(clinic, with_weight(id=WEIGHT_ID + "\n"))
    assert problem.startswith("weights[0].id: must be a UUID")


def test_text_longer_than_its_column_once_composed_is_refused(clinic: Clinic) -> None:
    """The schema counts characters as written: 40 × U+0958 fit a response's 40-character
    criteria, but composed (NFC) they are 80, which PostgreSQL refused (exit 1)."""
    response = {
        "id": "3c4d5e6f-7081-4a92-8b3c-4d5e6f708192",
        "date": "2025-01-06",
        "category": "PR",
        "criteria": "\u0958" * 40,
    }
    assert refused(clinic, {**RECORD, "responses": [response]}) == [
        "responses[0].criteria: is longer than 40 characters"
    ]


@pytest.mark.parametrize("kind", [{}, [], {"a": {"a": 1}}], ids=["{}", "[]", "nested"])
def test_an_old_file_whose_event_kind_is_no_text_is_refused(clinic: Clinic, kind: Any) -> None:
    """A format-1 file is searched for the codes format 2 added (``hold``): an object or a
    list as the code was a TypeError (unhashable), exit 3."""
    event = {"id": "4d5e6f70-8192-4a3b-8c4d-5e6f708192a3", "date": "2025-01-06", "kind": kind}
    document = {**RECORD, "format_version": 1, "bone_therapy_events": [event]}
    (problem,) = refused(clinic, document)
    assert problem.startswith("bone_therapy_events[0].kind: must be one of ")


def test_an_mrd_sensitivity_finer_than_any_assay_is_refused(clinic: Clinic) -> None:
    """5e-324 was accepted, then ``evaluate`` and the worklist failed writing it
    (ZeroDivisionError: 10**-324 is 0.0); no assay reaches 1 in 10⁹."""
    test = {
        "id": "1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f",
        "date": "2025-01-06",
        "method": "NGS",
        "sensitivity": 5e-324,
        "result": "negative",
    }
    assert refused(clinic, {**RECORD, "mrd_tests": [test]}) == [
        "mrd_tests[0].sensitivity: 4.94066e-324 is outside the accepted range 1e-09 to below 1"
    ]


def test_the_tiniest_number_is_written_in_an_assessment(tmp_path: Path) -> None:
    """Marrow plasma cells of 5e-324 % pass the record's checks (0–100 %), and the assessment
    writes the value back: 10**-324 is 0.0, once a ZeroDivisionError (exit 3)."""
    lab = {
        "id": "1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f",
        "date": "2025-01-06",
        "analyte": "bm_plasma_cells",
        "value": 5e-324,
        "unit": "%",
    }
    record = tmp_path / "record.json"
    record.write_text(json.dumps({**RECORD, "lab_results": [lab]}), encoding="utf-8")
    evaluated = run("evaluate", str(record), "--as-of", "2025-02-01")
    assert evaluated.code == 0, said(evaluated)
    assert json.loads(evaluated.out)["as_of"] == "2025-02-01"


def test_a_plan_recorded_tomorrow_is_named_by_its_created_at(clinic: Clinic) -> None:
    """The day a bone-therapy plan was recorded (D36) is the day of its ``created_at``: a
    problem of that day names the key of the file, not the derived ``recorded_on``."""
    tomorrow = TODAY + dt.timedelta(days=1)
    plan = {
        "id": "2b3c4d5e-6f70-4a81-9b2c-3d4e5f607182",
        "date": (TODAY + dt.timedelta(days=30)).isoformat(),
        "kind": "schedule",
        "agent": "zoledronic_acid",
        "interval_days": 28,
        "created_at": f"{tomorrow}T12:00:00+00:00",
    }
    assert refused(clinic, {**RECORD, "bone_therapy_events": [plan]}) == [
        f"bone_therapy_events[0].created_at: {tomorrow} is in the future (today is {TODAY})"
    ]
