"""record.phase and record.treatment_line (clinical-rules.md §11, D22, D24, D25).

Dates are worked out by hand from the rows and the shipped policy: record.phase is
due at registration + 14 d (``record.phase_days``; registration = the creation date,
else the first entry, else as_of), or for a salvage line with no RELAPSE phase within
30 d at the line start + 30 d (D22); record.treatment_line at the episode start + 30 d
(``record.line_days``) when the episode has no treatment line at all (D25). Status
follows §11: due_soon from due − 14 d (``lead_days``), overdue from due + 1 d.
"""

from __future__ import annotations

import pytest
from builders import context, day, phase, policy
from items_builders import item_on, rule
from mrd_builders import treatment
from smm_builders import hemoglobin, smm_history

from mmtracker.logic.care import Status
from mmtracker.logic.codes import PatientStatus, Phase, TreatmentIntent
from mmtracker.logic.history import Acknowledgement, Entry
from mmtracker.logic.items import record

PHASE = rule(record.RULES, "record.phase")
LINE = rule(record.RULES, "record.treatment_line")
SALVAGE = TreatmentIntent.SALVAGE
MAINTENANCE = TreatmentIntent.MAINTENANCE


def test_rule_ids_and_sources_name_the_rows() -> None:
    assert [(r.id, r.source) for r in record.RULES] == [
        ("record.phase", "D24"),
        ("record.treatment_line", "D25"),
    ]


# --- record.phase: no phase entry (D24) ----------------------------------------------

# Registered 2025-03-01 with a haemoglobin only: the phase entry is due 2025-03-15.
REGISTERED = smm_history(hemoglobin("2025-02-20", 120), registered_on=day("2025-03-01"))


@pytest.mark.parametrize(
    ("on", "expected"),
    [
        pytest.param("2025-03-01", Status.DUE_SOON, id="D24 registration day: due − 14 d"),
        pytest.param("2025-03-15", Status.DUE_SOON, id="D24 registration + 14 d: due day"),
        pytest.param("2025-03-16", Status.OVERDUE, id="D24 registration + 15 d: overdue"),
    ],
)
def test_d24_due_at_registration_plus_14_days(on: str, expected: Status) -> None:
    item = item_on(PHASE, REGISTERED, on)
    assert (item.status, item.due) == (expected, day("2025-03-15"))
    assert item.message.id == "record.phase.no_phase.registered"
    assert item.message.as_dict() == {
        "start": day("2025-03-01"),
        "days": 14,
        "due": day("2025-03-15"),
    }


def test_d24_lead_days_shorter_than_the_phase_days() -> None:
    """With lead_days 7: ok up to due − 8 d, due_soon from due − 7 d."""
    pol = policy(lead_days=7)
    assert item_on(PHASE, REGISTERED, "2025-03-07", pol).status is Status.OK
    assert item_on(PHASE, REGISTERED, "2025-03-08", pol).status is Status.DUE_SOON


def test_d24_phase_days_is_a_policy_value() -> None:
    pol = policy(**{"record.phase_days": 30})
    assert item_on(PHASE, REGISTERED, "2025-03-20", pol).due == day("2025-03-31")


def test_d24_registration_known_only_from_its_date() -> None:
    """Before the creation date the registration is not known: the first entry stands in."""
    item = item_on(PHASE, REGISTERED, "2025-02-25")
    assert item.message.id == "record.phase.no_phase.first_entry"
    assert item.due == day("2025-03-06")  # 2025-02-20 + 14 d


def test_d24_without_registration_or_entries_the_due_date_moves_with_as_of() -> None:
    finding = PHASE.evaluate(context(smm_history(), "2025-03-01"))
    assert finding.message.id == "record.phase.no_phase.as_of"
    assert finding.due == day("2025-03-15")
    assert finding.changes_on == day("2025-03-02")


def test_d24_a_phase_entry_satisfies_it() -> None:
    hist = smm_history(hemoglobin("2025-02-20", 120), phase("2025-03-10", Phase.SMM))
    assert item_on(PHASE, hist, "2025-03-09").status is Status.OVERDUE  # 02-20 + 14 d = 03-06
    item = item_on(PHASE, hist, "2025-03-10")
    assert item.status is Status.NOT_APPLICABLE
    assert item.message.as_dict() == {"phase": "SMM", "date": day("2025-03-10")}
    assert item.last is not None
    assert item.last.kind == "phase_changes"


@pytest.mark.parametrize("status", [PatientStatus.DECEASED, PatientStatus.TRANSFERRED])
def test_d24_live_patients_only(status: PatientStatus) -> None:
    hist = smm_history(hemoglobin("2025-02-20", 120), status=status, status_date="2025-03-01")
    item = item_on(PHASE, hist, "2025-03-01")
    assert (item.status, item.message.id) == (Status.NOT_APPLICABLE, "record.phase.not_in_care")


def test_d24_snooze_ends_when_the_due_date_changes() -> None:
    """D40: a scheduled item's snooze covers its due date; a registration known later moves it."""
    acknowledged = Acknowledgement(
        id="ack-record-phase",
        item_id="record.phase",
        acknowledged_on=day("2025-03-07"),
        until=day("2025-04-30"),
        reason="phase to be set at the next visit",
        acknowledged_by="nurse",
        finding_message_id="record.phase.no_phase.first_entry",
        finding_due=day("2025-03-06"),
    )
    hist = smm_history(hemoglobin("2025-02-20", 120), acknowledged, registered_on=day("2025-03-20"))
    assert item_on(PHASE, hist, "2025-03-19").status is Status.SNOOZED
    after = item_on(PHASE, hist, "2025-03-20")
    assert (after.status, after.due) == (Status.DUE_SOON, day("2025-04-03"))


# --- record.phase: salvage line without a RELAPSE phase (D22) --------------------------


@pytest.mark.parametrize(
    ("on", "expected"),
    [
        pytest.param("2025-06-16", Status.OK, id="D22 line start + 15 d: ok"),
        pytest.param("2025-06-17", Status.DUE_SOON, id="D22 line start + 16 d: due soon"),
        pytest.param("2025-07-01", Status.DUE_SOON, id="D22 line start + 30 d: due day"),
        pytest.param("2025-07-02", Status.OVERDUE, id="D22 line start + 31 d: overdue"),
    ],
)
def test_d22_salvage_line_asks_for_the_relapse_entry(on: str, expected: Status) -> None:
    hist = smm_history(
        phase("2024-01-10", Phase.NDMM),
        treatment("2024-01-15", "2024-06-01"),
        phase("2024-09-01", Phase.MAINTENANCE),
        treatment("2025-06-01", number=2, intent=SALVAGE),
    )
    item = item_on(PHASE, hist, on)
    assert (item.status, item.due) == (expected, day("2025-07-01"))
    assert item.message.id == "record.phase.relapse_missing"
    assert item.message.as_dict() == {
        "start": day("2025-06-01"),
        "days": 30,
        "due": day("2025-07-01"),
    }


@pytest.mark.parametrize(
    ("relapse_on", "expected"),
    [
        pytest.param("2025-07-01", Status.NOT_APPLICABLE, id="D22 RELAPSE at line + 30 d joins"),
        pytest.param("2025-05-02", Status.NOT_APPLICABLE, id="D22 RELAPSE 30 d before joins"),
        pytest.param("2025-07-02", Status.OVERDUE, id="D22 RELAPSE at line + 31 d does not"),
    ],
)
def test_d22_relapse_entry_within_30_days_satisfies_it(relapse_on: str, expected: Status) -> None:
    hist = smm_history(
        phase("2024-01-10", Phase.NDMM),
        treatment("2024-01-15", "2024-06-01"),
        treatment("2025-06-01", number=2, intent=SALVAGE),
        phase(relapse_on, Phase.RELAPSE),
    )
    assert item_on(PHASE, hist, "2025-07-10").status is expected


def test_d22_induction_line_without_a_diagnosis_phase_asks_for_it() -> None:
    """Reading where D22 is silent: an induction line that opened an episode alone asks
    for its NDMM entry, as a salvage line asks for its RELAPSE entry."""
    hist = smm_history(phase("2024-01-10", Phase.SMM), treatment("2025-06-01"))
    item = item_on(PHASE, hist, "2025-07-02")
    assert (item.status, item.message.id) == (Status.OVERDUE, "record.phase.ndmm_missing")
    assert item.due == day("2025-07-01")


def test_no_phase_and_a_phaseless_line_show_the_earlier_due_date() -> None:
    hist = smm_history(treatment("2025-01-05"), registered_on=day("2025-03-01"))
    item = item_on(PHASE, hist, "2025-03-02")
    assert (item.message.id, item.due) == ("record.phase.ndmm_missing", day("2025-02-04"))


# --- record.treatment_line (D25) ------------------------------------------------------


@pytest.mark.parametrize(
    ("on", "expected"),
    [
        pytest.param("2025-03-16", Status.OK, id="D25 episode start + 15 d: ok"),
        pytest.param("2025-03-17", Status.DUE_SOON, id="D25 episode start + 16 d: due soon"),
        pytest.param("2025-03-31", Status.DUE_SOON, id="D25 episode start + 30 d: due day"),
        pytest.param("2025-04-01", Status.OVERDUE, id="D25 episode start + 31 d: overdue"),
    ],
)
def test_d25_episode_without_a_line_is_due_at_start_plus_30_days(on: str, expected: Status) -> None:
    item = item_on(LINE, smm_history(phase("2025-03-01", Phase.NDMM)), on)
    assert (item.status, item.due) == (expected, day("2025-03-31"))
    assert item.message.id == "record.treatment_line.missing"
    assert item.message.as_dict() == {
        "phase": "NDMM",
        "start": day("2025-03-01"),
        "days": 30,
        "due": day("2025-03-31"),
    }


def test_d25_line_days_is_a_policy_value() -> None:
    pol = policy(**{"record.line_days": 60})
    item = item_on(LINE, smm_history(phase("2025-03-01", Phase.NDMM)), "2025-03-02", pol)
    assert item.due == day("2025-04-30")


def test_d25_a_line_in_the_episode_satisfies_it() -> None:
    hist = smm_history(phase("2025-03-01", Phase.NDMM), treatment("2025-04-10"))
    assert item_on(LINE, hist, "2025-04-09").status is Status.OVERDUE
    item = item_on(LINE, hist, "2025-04-10")
    assert item.status is Status.NOT_APPLICABLE
    assert item.message.as_dict() == {"start": day("2025-03-01"), "line_start": day("2025-04-10")}
    assert item.last is not None
    assert item.last.kind == "treatment_lines"


def test_d25_gaps_between_lines_do_not_trigger_it() -> None:
    """Induction ended, transplant, observation: the episode still has its line."""
    hist = smm_history(
        phase("2025-03-01", Phase.NDMM),
        treatment("2025-03-05", "2025-07-01"),
        phase("2025-09-01", Phase.ASCT),
    )
    assert item_on(LINE, hist, "2026-03-01").status is Status.NOT_APPLICABLE


def test_d25_a_relapse_opens_a_new_episode_without_a_line() -> None:
    hist = smm_history(
        phase("2024-03-01", Phase.NDMM),
        treatment("2024-03-05", "2024-09-01"),
        treatment("2024-10-01", intent=MAINTENANCE),
        phase("2025-06-01", Phase.RELAPSE),
    )
    item = item_on(LINE, hist, "2025-07-02")
    assert (item.status, item.due) == (Status.OVERDUE, day("2025-07-01"))
    assert item.message.as_dict()["phase"] == "RELAPSE"


def test_d25_transferred_in_episode_without_a_line() -> None:
    """D22: a first active phase of MAINTENANCE (care transferred in) opens an episode."""
    item = item_on(LINE, smm_history(phase("2025-03-01", Phase.MAINTENANCE)), "2025-04-01")
    assert (item.status, item.due) == (Status.OVERDUE, day("2025-03-31"))
    assert item.message.as_dict()["phase"] == "MAINTENANCE"


@pytest.mark.parametrize(
    "entries",
    [
        pytest.param([], id="D25 no phase at all: no episode"),
        pytest.param([phase("2025-03-01", Phase.SMM)], id="D25 SMM is not an episode"),
    ],
)
def test_d25_no_episode(entries: list[Entry]) -> None:
    item = item_on(LINE, smm_history(*entries), "2025-06-01")
    assert (item.status, item.message.id) == (
        Status.NOT_APPLICABLE,
        "record.treatment_line.no_episode",
    )
