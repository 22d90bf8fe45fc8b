"""``mmtracker import-record`` / ``export-record``: exit codes, messages, and nothing written on refusal."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from record_cli import errors, import_record

from mmtracker.cli import main
from mmtracker.storage.engine import make_engine
from mmtracker.storage.loaders import load_record_rows, patient_id_for_mrn

WriteFile = Callable[..., Path]
Snapshot = Callable[[str], dict[str, list[dict[str, Any]]]]

OTHER_PATIENT = {
    "format_version": 1,
    "patient": {"mrn": "H-1", "name": "Li Wei", "sex": "M", "date_of_birth": "1958-11-30"},
    "weights": [
        {"id": "0b6f3c1e-3c1e-4d8e-9b7a-2f4e6d8c1a03", "date": "2025-02-01", "weight_kg": 71}
    ],
}


@pytest.fixture
def seeded(clinic_url: str, write_file: WriteFile) -> str:
    """A clinic database holding one other patient, so that 'unchanged' means something."""
    assert import_record(write_file(OTHER_PATIENT, "other.json"), clinic_url) == 0
    return clinic_url


DATABASE_OWN = frozenset({"version", "updated_at", "updated_by", "revision"})


def _filed(document: dict[str, Any]) -> dict[str, Any]:
    """A record file without the bookkeeping an import sets itself."""
    return {
        key: (
            [{k: v for k, v in e.items() if k not in DATABASE_OWN} for e in value]
            if isinstance(value, list)
            else {k: v for k, v in value.items() if k not in DATABASE_OWN}
            if isinstance(value, dict)
            else value
        )
        for key, value in document.items()
    }


def _stored(url: str, mrn: str) -> Any:
    engine = make_engine(url)
    try:
        patient_id = patient_id_for_mrn(engine, mrn)
        return load_record_rows(engine, [patient_id])[patient_id]
    finally:
        engine.dispose()


def test_import_then_export_gives_the_same_file(
    clinic_url: str,
    write_file: WriteFile,
    full_document: dict[str, Any],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert import_record(write_file(full_document), clinic_url) == 0
    assert capsys.readouterr().out == "imported MRN-0042\n"

    out = tmp_path / "exported.json"
    code = main(["export-record", "--mrn", "MRN-0042", "--out", str(out), "--database", clinic_url])
    assert code == 0
    assert capsys.readouterr().out == f"wrote {out}\n"
    exported = json.loads(out.read_text(encoding="utf-8"))
    # The same file but for the bookkeeping the database keeps itself (docs/record-format.md).
    assert _filed(exported) == _filed(full_document)
    assert exported["patient"]["revision"] == 1


def test_export_of_an_unknown_mrn_fails(
    seeded: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    out = tmp_path / "nobody.json"
    assert main(["export-record", "--mrn", "NOBODY", "--out", str(out), "--database", seeded]) == 1
    assert "no patient has MRN NOBODY" in errors(capsys)
    assert not out.exists()


def _bad_files(today: dt.date) -> list[Any]:
    future = today + dt.timedelta(days=30)

    def unknown_key(d: dict[str, Any]) -> None:
        d["lab_results"][1]["colour"] = "red"

    def wrong_unit(d: dict[str, Any]) -> None:
        d["lab_results"][0]["unit"] = "mg/dl"

    def out_of_range(d: dict[str, Any]) -> None:
        d["lab_results"][3]["value"] = 500  # creatinine mg/dL: 44200 µmol/L

    def future_date(d: dict[str, Any]) -> None:
        d["visits"][0]["date"] = future.isoformat()
        d["visits"][0]["next_visit"] = (future + dt.timedelta(days=28)).isoformat()

    def bad_transition(d: dict[str, Any]) -> None:
        d["phase_changes"][0]["phase"] = "SMM"  # SMM → ASCT skips NDMM

    return [
        pytest.param(unknown_key, ["lab_results[1].colour: is not a known field"], id="unknown"),
        pytest.param(
            wrong_unit,
            ['lab_results[0].unit: must be one of "mmol/L", "mg/dL"; not "mg/dl"'],
            id="unit",
        ),
        pytest.param(
            out_of_range,
            [
                "lab_results[3].value: 500 mg/dL (= 4.42e+04 µmol/L) is outside the accepted "
                "range 10–3000 µmol/L"
            ],
            id="range",
        ),
        pytest.param(
            future_date,
            [f"visits[0].date: {future.isoformat()} is in the future (today is {today})"],
            id="future",
        ),
        pytest.param(
            bad_transition,
            ["phase_changes.phase: SMM → ASCT on 2025-05-20 is not allowed; after SMM comes NDMM"],
            id="transition",
        ),
        pytest.param(
            lambda d: [f(d) for f in (unknown_key, wrong_unit, out_of_range, future_date)],
            [
                "lab_results[0].unit: must be one of",
                "lab_results[1].colour: is not a known field",
                "lab_results[3].value: 500 mg/dL",
                f"visits[0].date: {future.isoformat()} is in the future",
            ],
            id="several at once",
        ),
    ]


@pytest.mark.parametrize(("change", "expected"), _bad_files(dt.date.today()))
def test_a_bad_file_is_refused_whole_with_every_problem(
    seeded: str,
    write_file: WriteFile,
    snapshot: Snapshot,
    full_document: dict[str, Any],
    capsys: pytest.CaptureFixture[str],
    change: Callable[[dict[str, Any]], None],
    expected: list[str],
) -> None:
    before = snapshot(seeded)
    change(full_document)
    path = write_file(full_document)

    assert import_record(path, seeded) == 2
    said = errors(capsys).splitlines()
    assert len(said) == len(expected)
    for line, start in zip(said, expected, strict=True):
        assert line.startswith(f"error: {path}: {start}")
    assert snapshot(seeded) == before


def test_invalid_json_is_refused_with_its_line_and_column(
    seeded: str, write_file: WriteFile, snapshot: Snapshot, capsys: pytest.CaptureFixture[str]
) -> None:
    before = snapshot(seeded)
    path = write_file('{\n  "format_version": 1\n  "patient": {}\n}')

    assert import_record(path, seeded) == 2
    assert errors(capsys) == (
        f"error: {path}: is not valid JSON: Expecting ',' delimiter at line 3, column 3\n"
    )
    assert snapshot(seeded) == before


def test_an_existing_mrn_is_refused_without_replace(
    seeded: str,
    write_file: WriteFile,
    snapshot: Snapshot,
    full_document: dict[str, Any],
    capsys: pytest.CaptureFixture[str],
) -> None:
    full_document["patient"]["mrn"] = "H-1"
    full_document["patient"]["name"] = "Somebody Else"
    before = snapshot(seeded)

    path = write_file(full_document)
    assert import_record(path, seeded) == 2
    assert (
        errors(capsys)
        == f"error: {path}: patient.mrn: H-1 exists already; use --replace to overwrite it\n"
    )
    assert snapshot(seeded) == before


def test_replace_overwrites_the_whole_record(
    seeded: str,
    write_file: WriteFile,
    snapshot: Snapshot,
    full_document: dict[str, Any],
) -> None:
    assert import_record(write_file(full_document), seeded) == 0
    held = _stored(seeded, "H-1")
    [old_weight] = held.entries["weights"]
    full_document["patient"]["mrn"] = "H-1"
    full_document["patient"]["name"] = "Li Wei"
    full_document["patient"]["revision"] = held.patient["revision"]  # exported as it stands
    # The entry ids are those of MRN-0042's record: give this copy its own ids.
    for entries in full_document.values():
        if isinstance(entries, list):
            for entry in entries:
                entry["id"] = entry["id"][:-12] + "9" + entry["id"][-11:]
    full_document["lab_results"] = full_document["lab_results"][:2]
    before = snapshot(seeded)

    assert import_record(write_file(full_document), seeded, "--replace") == 0

    replaced = _stored(seeded, "H-1")
    assert replaced.patient["id"] == held.patient["id"]  # the same patient, its id kept
    assert replaced.patient["date_of_birth"] == dt.date(1961, 4, 9)
    assert replaced.patient["version"] == held.patient["version"] + 1
    assert replaced.patient["revision"] == held.patient["revision"] + 1
    assert [row["id"] for row in replaced.entries["lab_results"]] == [
        "30000000-0000-4000-8000-900000000001",
        "30000000-0000-4000-8000-900000000002",
    ]
    assert old_weight["id"] not in {row["id"] for row in replaced.entries["weights"]}
    assert _stored(seeded, "MRN-0042").patient["name"] == "Ana Pereira"  # untouched
    after = snapshot(seeded)
    assert len(after["patient"]) == len(before["patient"]) == 2
    new_audit = [row for row in after["audit"] if row not in before["audit"]]
    assert {row["action"] for row in new_audit} == {"replace"}
    assert {row["revision"] for row in new_audit} == {replaced.patient["revision"]}
    [patient_row] = [row for row in new_audit if row["table_name"] == "patient"]
    assert json.loads(patient_row["before"])["date_of_birth"] == "1958-11-30"
    assert json.loads(patient_row["after"])["date_of_birth"] == "1961-04-09"
    # The weight the file no longer has: its values are in the audit.
    [removed] = [row for row in new_audit if row["row_id"] == old_weight["id"]]
    assert (removed["table_name"], removed["after"]) == ("weights", None)
    assert json.loads(removed["before"])["weight_kg"] == 71.0
    added = {row["row_id"] for row in new_audit if row["before"] is None}
    entries = sum(len(v) for v in full_document.values() if isinstance(v, list))
    assert len(added) == entries


def test_an_exported_file_replaces_its_own_record_unchanged(
    seeded: str, write_file: WriteFile, full_document: dict[str, Any], tmp_path: Path
) -> None:
    assert import_record(write_file(full_document), seeded) == 0
    before = _stored(seeded, "MRN-0042")
    out = tmp_path / "exported.json"
    assert (
        main(["export-record", "--mrn", "MRN-0042", "--out", str(out), "--database", seeded]) == 0
    )

    assert import_record(out, seeded, "--replace") == 0

    after = _stored(seeded, "MRN-0042")
    assert after.entries == before.entries  # every entry as it was, its version too
    assert {k: v for k, v in after.patient.items() if k not in DATABASE_OWN} == {
        k: v for k, v in before.patient.items() if k not in DATABASE_OWN
    }
    # The patient's version and revision move on: a form opened before is refused.
    assert after.patient["version"] == before.patient["version"] + 1
    assert after.patient["revision"] == before.patient["revision"] + 1
