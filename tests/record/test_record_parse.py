"""parse_record and load_record_file: every problem of a file, each named by its JSON path."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from mmtracker.logic.codes import BoneTherapyEventKind
from mmtracker.logic.dates import add_months
from mmtracker.logic.history import Acknowledgement, BoneTherapyEvent
from mmtracker.logic.parsing import Problem
from mmtracker.record import load_record_file, parse_record

TOMORROW = dt.date.today() + dt.timedelta(days=1)


def _problems(document: object) -> list[Problem]:
    record, problems = parse_record(document)
    assert record is None
    return problems


def test_a_valid_record_has_no_problem(full_document: dict[str, Any]) -> None:
    record, problems = parse_record(full_document)
    assert problems == []
    assert record is not None
    assert record.patient.mrn == "MRN-0042"
    assert {kind: len(entries) for kind, entries in record.entries.items()}["lab_results"] == 4


def _set(path: tuple[str | int, ...], value: Any) -> Callable[[dict[str, Any]], None]:
    def change(document: dict[str, Any]) -> None:
        target: Any = document
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value

    return change


def _drop(path: tuple[str | int, ...]) -> Callable[[dict[str, Any]], None]:
    def change(document: dict[str, Any]) -> None:
        target: Any = document
        for key in path[:-1]:
            target = target[key]
        del target[path[-1]]

    return change


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        pytest.param(
            _set(("notes",), "x"), Problem("notes", "is not a known field"), id="unknown top key"
        ),
        pytest.param(
            _set(("lab_results", 1, "colour"), "red"),
            Problem("lab_results[1].colour", "is not a known field"),
            id="unknown entry key",
        ),
        pytest.param(
            _set(("patient", "ward"), "B2"),
            Problem("patient.ward", "is not a known field"),
            id="unknown patient key",
        ),
        pytest.param(
            _set(("lab_results", 0, "unit"), "mg/dl"),
            Problem("lab_results[0].unit", 'must be one of "mmol/L", "mg/dL"; not "mg/dl"'),
            id="unit code of another spelling",
        ),
        pytest.param(
            _set(("lab_results", 1, "unit"), "mmol/L"),
            Problem("lab_results[1].unit", 'must be one of "g/L", "g/dL"; not "mmol/L"'),
            id="unit code of another analyte",
        ),
        pytest.param(
            _set(("lab_results", 1, "analyte"), "igg"),
            Problem(
                "lab_results[1].analyte",
                'must be one of "serum_m_protein", "urine_m_protein", "serum_immunofixation", '
                '"urine_immunofixation", "flc_kappa", "flc_lambda", "bm_plasma_cells", '
                '"hemoglobin", "calcium", "albumin", "creatinine", "beta2_microglobulin", "ldh", '
                '"vitamin_d_25oh"; not "igg"',
            ),
            id="analyte code",
        ),
        pytest.param(
            _drop(("weights", 0, "weight_kg")),
            Problem("weights[0].weight_kg", "is required"),
            id="missing field",
        ),
        pytest.param(_drop(("patient",)), Problem("patient", "is required"), id="missing patient"),
        pytest.param(
            _set(("format_version",), 4),
            Problem("format_version", "must be one of 1, 2, 3; not 4"),
            id="format version",
        ),
        pytest.param(
            _set(("patient", "height_cm"), "162"),
            Problem("patient.height_cm", 'must be a number or null, not "162"'),
            id="number as text",
        ),
        pytest.param(
            _set(("imaging", 0, "fdg_avid"), "yes"),
            Problem("imaging[0].fdg_avid", 'must be true or false or null, not "yes"'),
            id="yes for true",
        ),
        pytest.param(
            _set(("weights", 0, "date"), "03/02/2025"),
            Problem("weights[0].date", 'must be a date YYYY-MM-DD, not "03/02/2025"'),
            id="date format",
        ),
        pytest.param(
            _set(("weights", 0, "date"), "2025-02-30"),
            Problem("weights[0].date", "must be a date YYYY-MM-DD, not '2025-02-30'"),
            id="no such day",
        ),
        pytest.param(
            _set(("weights", 0, "created_at"), "2025-01-10T08:15:00"),
            Problem(
                "weights[0].created_at",
                "must be a date-time with its UTC offset, e.g. 2025-03-01T09:30:00+00:00, "
                'not "2025-01-10T08:15:00"',
            ),
            id="date-time without offset",
        ),
        pytest.param(
            _set(("patient", "revision"), -1),
            Problem("patient.revision", "must be at least 1, not -1"),
            id="negative revision",
        ),
        pytest.param(
            _set(("patient", "revision"), 0),
            Problem("patient.revision", "must be at least 1, not 0"),
            id="revision 0 (finding 3)",
        ),
        pytest.param(
            _set(("weights", 0, "version"), 2**31),
            Problem("weights[0].version", "must be at most 2147483647, not 2147483648"),
            id="version too large for the database",
        ),
        pytest.param(
            _set(("weights", 0, "id"), "weight-1"),
            Problem(
                "weights[0].id",
                'must be a UUID, e.g. 5f0c9a52-3c1e-4d8e-9b7a-2f4e6d8c1a03, not "weight-1"',
            ),
            id="id not a UUID",
        ),
        pytest.param(
            _set(("treatment_lines", 0, "regimen"), "V" * 201),
            Problem("treatment_lines[0].regimen", "must be at most 200 characters long"),
            id="text too long for its column",
        ),
        pytest.param(
            _set(("visits", 0, "ecog"), 1.5),
            Problem("visits[0].ecog", "must be a whole number or null, not 1.5"),
            id="fraction for a whole number",
        ),
        pytest.param(
            _set(("weights", 0, "id"), "10000000-0000-4000-8000-000000000001"),
            Problem(
                "weights[0].id",
                "10000000-0000-4000-8000-000000000001 is already the id of phase_changes[0]",
            ),
            id="id used twice",
        ),
        pytest.param(
            _set(("weights", 0, "weight_kg"), 640),
            Problem("weights[0].weight_kg", "640 is outside the accepted range 20–300 kg"),
            id="weight out of range",
        ),
        pytest.param(
            _set(("lab_results", 0, "value"), 30),
            Problem(
                "lab_results[0].value",
                "30 mg/dL (= 7.485 mmol/L) is outside the accepted range 0.5–6 mmol/L",
            ),
            id="calcium out of range after conversion",
        ),
        pytest.param(
            _set(("lab_results", 2, "unit"), "g/L"),
            Problem("lab_results[2].unit", "must be empty for an immunofixation result"),
            id="unit on an immunofixation",
        ),
        pytest.param(
            _set(("weights", 0, "date"), TOMORROW.isoformat()),
            Problem(
                "weights[0].date",
                f"{TOMORROW.isoformat()} is in the future (today is {dt.date.today()})",
            ),
            id="future date",
        ),
        pytest.param(
            _set(("weights", 0, "date"), "1960-01-01"),
            Problem("weights[0].date", "1960-01-01 is before the date of birth 1961-04-09"),
            id="before birth",
        ),
        pytest.param(
            _set(("phase_changes", 3, "phase"), "NDMM"),
            Problem(
                "phase_changes.phase",
                "MAINTENANCE → NDMM on 2026-02-01 is not allowed; after MAINTENANCE comes RELAPSE",
            ),
            id="phase transition",
        ),
    ],
)
def test_each_problem_is_named_by_its_path(
    full_document: dict[str, Any],
    change: Callable[[dict[str, Any]], None],
    expected: Problem,
) -> None:
    change(full_document)
    assert expected in _problems(full_document)


def test_every_problem_is_reported_at_once_in_file_order(full_document: dict[str, Any]) -> None:
    full_document["lab_results"][0]["unit"] = "mg/dl"  # schema
    full_document["lab_results"][1]["colour"] = "red"  # schema
    full_document["lab_results"][3]["value"] = 500  # sanity: 44200 µmol/L
    full_document["weights"][0]["weight_kg"] = 640  # sanity
    full_document["visits"][0]["date"] = TOMORROW.isoformat()  # sanity
    full_document["visits"][0]["next_visit"] = (TOMORROW + dt.timedelta(days=7)).isoformat()
    full_document["phase_changes"][1]["phase"] = "SMM"  # sequence

    assert [p.path for p in _problems(full_document)] == [
        "phase_changes.phase",
        "phase_changes.phase",
        "weights[0].weight_kg",
        "lab_results[0].unit",
        "lab_results[1].colour",
        "lab_results[3].value",
        "visits[0].date",
    ]


def test_entries_are_judged_only_once_the_patient_is_readable(
    full_document: dict[str, Any],
) -> None:
    full_document["patient"]["sex"] = "female"
    full_document["weights"][0]["weight_kg"] = 640  # reported once the patient is fixed
    assert _problems(full_document) == [
        Problem("patient.sex", 'must be one of "F", "M"; not "female"')
    ]


def test_an_entry_the_schema_refuses_is_not_judged_again(full_document: dict[str, Any]) -> None:
    # Without phase_changes[1] the sequence NDMM → MAINTENANCE → RELAPSE would look fine or
    # wrong by accident; only the real mistake is reported.
    full_document["phase_changes"][1]["phase"] = "transplant"
    assert _problems(full_document) == [
        Problem(
            "phase_changes[1].phase",
            'must be one of "SMM", "NDMM", "ASCT", "MAINTENANCE", "RELAPSE"; not "transplant"',
        )
    ]


def test_a_document_that_is_not_an_object() -> None:
    assert _problems([1, 2]) == [Problem("", "must be an object, not [1, 2]")]


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        pytest.param(
            '{"format_version": 1,\n "patient": {"mrn": "X",}\n}',
            "is not valid JSON: Expecting property name enclosed in double quotes "
            "at line 2, column 25",
            id="trailing comma",
        ),
        pytest.param("", "is not valid JSON: Expecting value at line 1, column 1", id="empty file"),
        pytest.param(
            '{"format_version": 1, "format_version": 1}',
            "the key 'format_version' appears twice in one object",
            id="repeated key",
        ),
        pytest.param(b"\xff\xfe{}", "is not UTF-8 text (byte 0 cannot be decoded)", id="UTF-16"),
    ],
)
def test_unreadable_files_are_problems_not_exceptions(
    tmp_path: Path, content: str | bytes, expected: str
) -> None:
    path = tmp_path / "record.json"
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    assert load_record_file(path) == (None, [Problem("", expected)])


def test_a_missing_file_is_a_problem(tmp_path: Path) -> None:
    assert load_record_file(tmp_path / "absent.json") == (
        None,
        [Problem("", "cannot be read: No such file or directory")],
    )


def test_a_byte_order_mark_is_accepted(tmp_path: Path, full_document: dict[str, Any]) -> None:
    path = tmp_path / "record.json"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(full_document).encode("utf-8"))
    record, problems = load_record_file(path)
    assert problems == []
    assert record is not None


# --- format 2 (D27, D33, D36, D39, D40) -----------------------------------------------------

TODAY = dt.date.today()
TWO_YEARS = add_months(TODAY, 24)  # D36: a plan may lie up to 2 years ahead
HOLD = ("bone_therapy_events", 1)  # the hold of 2026-02-10
REVIEW = ("bone_therapy_events", 0)
WITHDRAWN = ("transplants", 1)  # planned 2026-04-15, withdrawn 2026-02-20
PERFORMED = ("transplants", 0)
ACK = ("acknowledgements", 0)
IN_2_YEARS = (
    f"is more than 2 years ahead; the accepted range is up to {TWO_YEARS} (today is {TODAY})"
)


def _schedule_on(day: dt.date) -> Callable[[dict[str, Any]], None]:
    """The review turned into a denosumab schedule entry dated ``day`` (its planned start)."""

    def change(document: dict[str, Any]) -> None:
        event = document["bone_therapy_events"][0]
        event.update(kind="schedule", agent="denosumab", interval_days=28, decision=None)
        event["date"] = day.isoformat()

    return change


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        pytest.param(
            _set((*HOLD, "resume_date"), "2026-02-10"),
            Problem("bone_therapy_events[1].resume_date", "must be after the hold date 2026-02-10"),
            id="D33 resume on the hold date",
        ),
        pytest.param(
            _set((*REVIEW, "resume_date"), "2026-05-01"),
            Problem("bone_therapy_events[0].resume_date", "is only for a hold"),
            id="D33 resume date on a review",
        ),
        pytest.param(
            _set((*HOLD, "resume_date"), (TWO_YEARS + dt.timedelta(days=1)).isoformat()),
            Problem(
                "bone_therapy_events[1].resume_date",
                f"{TWO_YEARS + dt.timedelta(days=1)} {IN_2_YEARS}",
            ),
            id="D33 resume more than 2 years ahead",
        ),
        pytest.param(
            _schedule_on(TWO_YEARS + dt.timedelta(days=1)),
            Problem(
                "bone_therapy_events[0].date", f"{TWO_YEARS + dt.timedelta(days=1)} {IN_2_YEARS}"
            ),
            id="D36 schedule more than 2 years ahead",
        ),
        pytest.param(
            _set((*HOLD, "date"), TOMORROW.isoformat()),
            Problem(
                "bone_therapy_events[1].date",
                f"{TOMORROW.isoformat()} is in the future (today is {TODAY})",
            ),
            id="D36 only a schedule may be dated ahead",
        ),
        pytest.param(
            _set((*PERFORMED, "withdrawn_date"), "2025-05-01"),
            Problem("transplants[0].withdrawn_date", "a performed transplant cannot be withdrawn"),
            id="D39 withdrawn and performed",
        ),
        pytest.param(
            _set((*WITHDRAWN, "planned_date"), None),
            Problem("transplants[1].withdrawn_date", "needs the planned_date of the plan given up"),
            id="D39 withdrawn without a plan",
        ),
        pytest.param(
            _set((*WITHDRAWN, "withdrawn_date"), TOMORROW.isoformat()),
            Problem(
                "transplants[1].withdrawn_date",
                f"{TOMORROW.isoformat()} is in the future (today is {TODAY})",
            ),
            id="D39 withdrawn in the future",
        ),
        pytest.param(
            _set((*ACK, "finding_severity"), "high"),
            Problem(
                "acknowledgements[0].finding_severity",
                "must be one of 'urgent', 'info' or empty",
            ),
            id="D40 severity code",
        ),
        pytest.param(
            _set((*ACK, "finding_message_id"), None),
            Problem("acknowledgements[0].finding_due", "needs finding_message_id"),
            id="D40 finding without its message",
        ),
        pytest.param(
            _set(("acknowledgements", 1, "finding_cites"), ["not-an-id-" * 4]),
            Problem(
                "acknowledgements[1].finding_cites[0]",
                "must be an entry id of 1–36 characters",
            ),
            id="D40 cited id too long",
        ),
        pytest.param(
            _set(("patient", "registered_on"), "2025-01-10"),
            Problem("patient.registered_on", "is not a known field"),
            id="D24 registration is derived",
        ),
        pytest.param(
            _set((*HOLD, "recorded_on"), "2026-02-10"),
            Problem("bone_therapy_events[1].recorded_on", "is not a known field"),
            id="D36 recording day is derived",
        ),
    ],
)
def test_format_2_problems_name_the_field_and_the_accepted_range(
    full_document: dict[str, Any],
    change: Callable[[dict[str, Any]], None],
    expected: Problem,
) -> None:
    change(full_document)
    assert expected in _problems(full_document)


@pytest.mark.parametrize(
    "day",
    [TODAY, TOMORROW, TWO_YEARS - dt.timedelta(days=1), TWO_YEARS],
    ids=["today", "tomorrow", "2 years less a day", "2 years"],
)
def test_d36_a_schedule_may_be_dated_up_to_2_years_ahead(
    full_document: dict[str, Any], day: dt.date
) -> None:
    _schedule_on(day)(full_document)
    record, problems = parse_record(full_document)
    assert problems == []
    assert record is not None
    (schedule, _) = record.entries["bone_therapy_events"]
    assert isinstance(schedule, BoneTherapyEvent)
    assert (schedule.kind, schedule.date) == (BoneTherapyEventKind.SCHEDULE, day)


def test_d33_a_resume_date_exactly_2_years_ahead_is_accepted(
    full_document: dict[str, Any],
) -> None:
    _set((*HOLD, "resume_date"), TWO_YEARS.isoformat())(full_document)
    record, problems = parse_record(full_document)
    assert problems == []
    assert record is not None


def test_d33_resume_date_the_day_after_the_hold_is_accepted(
    full_document: dict[str, Any],
) -> None:
    _set((*HOLD, "resume_date"), "2026-02-11")(full_document)
    record, problems = parse_record(full_document)
    assert problems == []
    assert record is not None


def test_d39_a_plan_may_be_withdrawn_before_or_after_its_planned_date(
    full_document: dict[str, Any],
) -> None:
    """A plan is mostly given up ahead of its date; recording it late is accepted too."""
    for withdrawn in ("2026-02-20", "2026-04-15", "2026-04-30"):
        _set((*WITHDRAWN, "withdrawn_date"), withdrawn)(full_document)
        record, problems = parse_record(full_document)
        assert problems == [], withdrawn
        assert record is not None


@pytest.mark.parametrize(
    ("kind", "index", "key", "value"),
    [
        ("bone_therapy_events", 1, "kind", "hold"),
        ("clinical_events", 1, "kind", "plasmacytoma"),
    ],
)
def test_a_version_1_file_may_not_use_a_code_of_format_2(
    version_1_document: dict[str, Any], kind: str, index: int, key: str, value: str
) -> None:
    entry = {"id": f"9{index}000000-0000-4000-8000-000000000009", "date": "2026-02-10"}
    entry |= {"kind": value} if kind == "clinical_events" else {"kind": value, "note": ""}
    version_1_document[kind].append(entry)
    at = len(version_1_document[kind]) - 1
    expected = Problem(
        f"{kind}[{at}].{key}",
        f"{value!r} is new in format_version 2; this file says format_version 1",
    )
    assert expected in _problems(version_1_document)


@pytest.mark.parametrize(
    ("kind", "key", "value"),
    [
        ("bone_therapy_events", "resume_date", None),
        ("transplants", "withdrawn_date", None),
        ("acknowledgements", "finding_message_id", "dental.periodic.due"),
        ("acknowledgements", "finding_severity", None),
        ("acknowledgements", "finding_cites", []),
        ("acknowledgements", "finding_due", None),
    ],
)
def test_a_version_1_file_may_not_use_a_key_of_format_2(
    version_1_document: dict[str, Any], kind: str, key: str, value: Any
) -> None:
    version_1_document[kind][0][key] = value
    expected = Problem(
        f"{kind}[0].{key}", "is new in format_version 2; this file says format_version 1"
    )
    assert _problems(version_1_document) == [expected]


@pytest.mark.parametrize("stated", [1, 2])
def test_a_file_before_format_3_may_not_give_a_lab_sample_time(
    request: pytest.FixtureRequest, stated: int
) -> None:
    old = request.getfixturevalue(f"version_{stated}_document")
    old["lab_results"][1]["time"] = "08:30"
    expected = Problem(
        "lab_results[1].time", f"is new in format_version 3; this file says format_version {stated}"
    )
    assert _problems(old) == [expected]


@pytest.mark.parametrize("text", ["24:00", "8:30", "08:30:00", "08h30", "", "12:60"])
def test_a_lab_sample_time_is_a_time_of_day(full_document: dict[str, Any], text: str) -> None:
    full_document["lab_results"][1]["time"] = text
    expected = f"must be a time of day HH:MM (00:00 to 23:59), not {json.dumps(text)}"
    assert _problems(full_document) == [Problem("lab_results[1].time", expected)]


def test_a_version_1_file_still_reads(version_1_document: dict[str, Any]) -> None:
    record, problems = parse_record(version_1_document)
    assert problems == []
    assert record is not None
    for ack in record.entries["acknowledgements"]:
        assert isinstance(ack, Acknowledgement)
        assert (ack.finding_message_id, ack.finding_cites) == (None, ())  # covers as before D40


def test_a_version_1_acknowledgement_of_renal_before_za_carries_over(
    version_1_document: dict[str, Any],
) -> None:
    """§11: renal.before_za is now renal.before_bisphosphonate; acknowledgements carry over."""
    version_1_document["acknowledgements"][0]["item_id"] = "renal.before_za"
    record, problems = parse_record(version_1_document)
    assert problems == []
    assert record is not None
    ack, other = record.entries["acknowledgements"]
    assert isinstance(ack, Acknowledgement)
    assert isinstance(other, Acknowledgement)
    assert (ack.item_id, other.item_id) == ("renal.before_bisphosphonate", "alert.hypercalcaemia")


def test_d24_d36_derived_days_come_from_created_at(full_document: dict[str, Any]) -> None:
    """registered_on and recorded_on are the (UTC) days of created_at; None without one."""
    full_document["patient"]["created_at"] = "2025-01-10T23:30:00-02:00"  # 2025-01-11 UTC
    del full_document["bone_therapy_events"][0]["created_at"]
    record, problems = parse_record(full_document)
    assert problems == []
    assert record is not None
    assert record.patient.registered_on == dt.date(2025, 1, 11)
    review, hold = record.entries["bone_therapy_events"]
    assert isinstance(review, BoneTherapyEvent)
    assert isinstance(hold, BoneTherapyEvent)
    assert review.recorded_on is None
    assert hold.recorded_on == dt.date(2025, 1, 10)
