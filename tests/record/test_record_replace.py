"""``import-record --replace`` keeps the stale-edit check and the audit (issue 12, finding 4);
entry ids are the database's, across patients and kinds (finding 3); a name and birth date
already registered is warned about (finding 5); every refusal names the file."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from record_cli import NOTE, errors, import_record

from mmtracker.cli import main
from mmtracker.storage.engine import make_engine
from mmtracker.storage.loaders import load_record_rows, patient_id_for_mrn
from mmtracker.storage.outcomes import StaleEditError
from mmtracker.storage.services import add_entry, update_entry, update_patient

WriteFile = Callable[..., Path]
Snapshot = Callable[[str], dict[str, list[dict[str, Any]]]]
MRN = "MRN-0042"
WEIGHT_ID = "20000000-0000-4000-8000-000000000001"


def _export(url: str, out: Path) -> dict[str, Any]:
    assert main(["export-record", "--mrn", MRN, "--out", str(out), "--database", url]) == 0
    document: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    return document


def _rows(url: str, mrn: str = MRN) -> Any:
    engine = make_engine(url)
    try:
        patient_id = patient_id_for_mrn(engine, mrn)
        return load_record_rows(engine, [patient_id])[patient_id]
    finally:
        engine.dispose()


@pytest.fixture
def exported(
    clinic_url: str, write_file: WriteFile, full_document: dict[str, Any], tmp_path: Path
) -> dict[str, Any]:
    """The full record imported into the clinic's database, and exported again."""
    assert import_record(write_file(full_document, "first.json"), clinic_url) == 0
    return _export(clinic_url, tmp_path / "exported.json")


def test_a_form_opened_before_a_replace_is_refused(
    clinic_url: str, write_file: WriteFile, exported: dict[str, Any]
) -> None:
    """Finding 4: a replace used to copy version and ids from the file, so a form opened
    before it saved over the replaced record without a word."""
    before = _rows(clinic_url)
    [weight] = before.entries["weights"]
    exported["weights"][0]["weight_kg"] = 66.0
    assert import_record(write_file(exported, "edited.json"), clinic_url, "--replace") == 0

    engine = make_engine(clinic_url)
    try:
        patient_id = before.patient["id"]
        with pytest.raises(StaleEditError):
            update_entry(
                engine,
                "weights",
                weight["id"],
                weight["version"],
                {"weight_kg": 70.0},
                "nurse",
                reason="typo",
            )
        with pytest.raises(StaleEditError):
            add_entry(
                engine,
                patient_id,
                "weights",
                {
                    "id": "99999999-0000-4000-8000-000000000001",
                    "date": "2026-01-05",
                    "weight_kg": 70.0,
                },
                "nurse",
                expected_revision=before.patient["revision"],
            )
        with pytest.raises(StaleEditError):
            update_patient(
                engine, patient_id, before.patient["version"], {"height_cm": 170.0}, "nurse",
                reason="measured again",
            )  # fmt: skip
    finally:
        engine.dispose()
    assert _rows(clinic_url).entries["weights"][0]["weight_kg"] == 66.0


def test_the_audit_keeps_every_value_a_replace_removed_or_changed(
    clinic_url: str, write_file: WriteFile, exported: dict[str, Any]
) -> None:
    """Finding 4: the audit kept counts only, so the replaced values existed nowhere."""
    removed = exported["lab_results"].pop(0)
    exported["weights"][0]["weight_kg"] = 66.0
    exported["patient"]["height_cm"] = 170.0
    assert import_record(write_file(exported, "edited.json"), clinic_url, "--replace") == 0

    trail = _audit(clinic_url)
    replaced = [row for row in trail if row["action"] == "replace"]
    by_row = {row["row_id"]: row for row in replaced}
    assert set(by_row) == {removed["id"], WEIGHT_ID, str(_rows(clinic_url).patient["id"])}
    gone = by_row[removed["id"]]
    assert gone["after"] is None
    assert json.loads(gone["before"])["value"] == removed["value"]
    weight = by_row[WEIGHT_ID]
    assert (
        json.loads(weight["before"])["weight_kg"],
        json.loads(weight["after"])["weight_kg"],
    ) == (
        64.3,
        66.0,
    )
    revision = _rows(clinic_url).patient["revision"]
    assert {row["revision"] for row in replaced} == {revision}
    assert _rows(clinic_url).entries["weights"][0]["version"] == 2  # a changed entry moves on


def _audit(url: str) -> list[dict[str, Any]]:
    from sqlalchemy import select

    from mmtracker.storage.tables import AUDIT

    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            return [dict(r) for r in conn.execute(select(AUDIT).order_by(AUDIT.c.id)).mappings()]
    finally:
        engine.dispose()


def _add_weight(url: str) -> None:
    engine = make_engine(url)
    try:
        add_entry(
            engine,
            patient_id_for_mrn(engine, MRN),
            "weights",
            {
                "id": "99999999-0000-4000-8000-000000000002",
                "date": "2026-01-05",
                "weight_kg": 63.0,
            },
            "dr.costa",
        )
    finally:
        engine.dispose()


def test_a_file_older_than_the_database_is_refused(
    clinic_url: str,
    write_file: WriteFile,
    exported: dict[str, Any],
    snapshot: Snapshot,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A weight added after the export would be lost by the replace: refused, naming both
    revisions and the way out."""
    _add_weight(clinic_url)
    path = write_file(exported, "old.json")
    before = snapshot(clinic_url)
    capsys.readouterr()

    assert import_record(path, clinic_url, "--replace") == 2

    err = errors(capsys)
    assert err.startswith(f"error: {path}: patient.revision: the database holds revision 2")
    assert "(revision 1)" in err
    assert "--force --reason TEXT" in err
    assert snapshot(clinic_url) == before


def test_a_file_without_a_revision_counts_as_older(
    clinic_url: str,
    write_file: WriteFile,
    exported: dict[str, Any],
    capsys: pytest.CaptureFixture[str],
) -> None:
    del exported["patient"]["revision"]
    assert import_record(write_file(exported, "hand.json"), clinic_url, "--replace") == 2
    assert "(no revision)" in errors(capsys)


def test_force_with_a_reason_replaces_a_newer_record_and_keeps_the_reason(
    clinic_url: str, write_file: WriteFile, exported: dict[str, Any]
) -> None:
    _add_weight(clinic_url)
    path = write_file(exported, "old.json")
    why = "the clinic's copy from the referring hospital is the reference"

    assert import_record(path, clinic_url, "--replace", "--force", "--reason", why) == 0

    assert [w["id"] for w in _rows(clinic_url).entries["weights"]] == [WEIGHT_ID]
    replaced = [row for row in _audit(clinic_url) if row["action"] == "replace"]
    assert {row["reason"] for row in replaced} == {why}
    [dropped] = [row for row in replaced if row["row_id"].startswith("99999999")]
    assert json.loads(dropped["before"])["weight_kg"] == 63.0


@pytest.mark.parametrize(
    ("flags", "said"),
    [
        (["--replace", "--force"], "error: --force needs --reason TEXT"),
        (["--replace", "--force", "--reason", "  "], "error: --force needs --reason TEXT"),
        (["--force", "--reason", "x"], "error: --force and --reason go with --replace"),
    ],
)
def test_force_is_refused_without_a_reason_or_a_replace(
    clinic_url: str,
    write_file: WriteFile,
    exported: dict[str, Any],
    snapshot: Snapshot,
    capsys: pytest.CaptureFixture[str],
    flags: list[str],
    said: str,
) -> None:
    _add_weight(clinic_url)
    before = snapshot(clinic_url)
    capsys.readouterr()
    assert import_record(write_file(exported, "old.json"), clinic_url, *flags) == 2
    assert errors(capsys).startswith(said)
    assert snapshot(clinic_url) == before


@pytest.mark.parametrize("kind", ["weights", "lab_results"])
@pytest.mark.parametrize("spelled", [str.lower, str.upper], ids=["same case", "other case"])
def test_an_entry_id_of_another_patient_is_refused_naming_its_path(
    clinic_url: str,
    write_file: WriteFile,
    exported: dict[str, Any],
    snapshot: Snapshot,
    capsys: pytest.CaptureFixture[str],
    kind: str,
    spelled: Callable[[str], str],
) -> None:
    """Finding 3: an id another patient's record holds, under the same kind or another,
    in either case, is refused with the entry's path; nothing is written."""
    other = copy.deepcopy(exported)
    other["patient"].update(mrn="H-7", name="Li Wei", date_of_birth="1958-11-30")
    del other["patient"]["revision"]
    for name, entries in other.items():
        if isinstance(entries, list):
            other[name] = []
    weight = {"id": spelled(WEIGHT_ID), "date": "2025-02-01", "weight_kg": 71}
    if kind == "weights":
        other["weights"] = [weight]
    else:
        other["lab_results"] = [
            {**exported["lab_results"][0], "id": spelled(WEIGHT_ID)}  # a weight's id
        ]
    path = write_file(other, "other.json")
    before = snapshot(clinic_url)
    capsys.readouterr()

    assert import_record(path, clinic_url) == 2

    assert errors(capsys) == (
        f"error: {path}: {kind}[0].id: {spelled(WEIGHT_ID)} is already the id of an entry of "
        f"weights of another patient (MRN {MRN}); give this entry a new id\n"
    )
    assert snapshot(clinic_url) == before


def test_a_replace_may_move_an_entry_to_another_kind(
    clinic_url: str, write_file: WriteFile, exported: dict[str, Any]
) -> None:
    """The replaced patient's own ids are no clash, whatever kind they move to."""
    lab = {**exported["lab_results"][0], "id": WEIGHT_ID.upper()}
    exported["weights"] = []
    exported["lab_results"].append(lab)
    assert import_record(write_file(exported, "moved.json"), clinic_url, "--replace") == 0
    rows = _rows(clinic_url)
    assert rows.entries["weights"] == []
    assert WEIGHT_ID.upper() in {row["id"] for row in rows.entries["lab_results"]}


def test_a_name_and_birth_date_already_registered_are_warned_about(
    clinic_url: str,
    write_file: WriteFile,
    exported: dict[str, Any],
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Finding 5: the same person under a new MRN is imported, with a warning naming the
    patient who has that name and birth date."""
    twin = {"format_version": 3, "patient": {**exported["patient"], "mrn": "NEW-1"}}
    twin["patient"]["name"] = "ana  PEREIRA"
    del twin["patient"]["revision"]
    path = write_file(twin, "twin.json")
    capsys.readouterr()

    assert import_record(path, clinic_url) == 0

    captured = capsys.readouterr()
    assert captured.out == "imported NEW-1\n"
    assert [line for line in captured.err.splitlines() if not line.startswith(NOTE)] == [
        f"warning: {path}: ana  PEREIRA, born 1961-04-09, has the name and date of birth of "
        f"the patient of MRN {MRN}: check they are not one person registered twice"
    ]


def test_another_birth_date_is_no_namesake(
    clinic_url: str,
    write_file: WriteFile,
    exported: dict[str, Any],
    capsys: pytest.CaptureFixture[str],
) -> None:
    other = {"format_version": 3, "patient": {**exported["patient"], "mrn": "NEW-2"}}
    other["patient"]["date_of_birth"] = "1961-04-10"
    del other["patient"]["revision"]
    capsys.readouterr()
    assert import_record(write_file(other, "other.json"), clinic_url) == 0
    assert errors(capsys) == ""


def test_a_replace_says_replaced(
    clinic_url: str,
    write_file: WriteFile,
    exported: dict[str, Any],
    capsys: pytest.CaptureFixture[str],
) -> None:
    exported["weights"][0]["weight_kg"] = 66.0
    capsys.readouterr()
    assert import_record(write_file(exported, "edited.json"), clinic_url, "--replace") == 0
    assert capsys.readouterr().out == f"replaced {MRN}\n"
