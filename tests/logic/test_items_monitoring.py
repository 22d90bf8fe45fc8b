"""labs.monitoring (clinical-rules.md §11 labs.monitoring, §8, §2a, D18).

Dates are worked out by hand from the §11 row and the shipped policy: due = the
latest serum M-protein, urine M-protein or FLC result (else the start of the
current phase) + SMM high 3 mo, intermediate 4 mo, low 4 mo in the first year
after SMM diagnosis then 6 mo, unknown 3 mo; NDMM / ASCT / RELAPSE 30 d;
MAINTENANCE 90 d; due_soon from due − 14 d. Mayo 2018 factors (§2a) are strict
">": BMPC > 20 %, M-protein > 20 g/L, FLC ratio > 20. D24: a live patient with no
phase entry is followed as SMM of unknown risk (3 mo) from the latest result or,
with none, from registration (the creation date, else the first entry, else as_of).
"""

from __future__ import annotations

import pytest
from builders import day, immunofixation, lab, phase, policy
from items_builders import item_on, rule, snooze
from smm_builders import bmpc, hemoglobin, m_protein, ratio, smm_history, urine

from mmtracker.logic.care import Status
from mmtracker.logic.codes import Analyte, PatientStatus, Phase, TreatmentIntent
from mmtracker.logic.history import Entry, LabResult, TreatmentLine
from mmtracker.logic.items import monitoring

LABS = rule(monitoring.RULES, "labs.monitoring")


def low_risk(on: str) -> list[LabResult]:
    """M-protein 15 g/L, FLC ratio 5, BMPC 15 %: no Mayo 2018 factor (low)."""
    return [bmpc(on, 15), m_protein(on, 15), *ratio(on, 5)]


def test_rule_id_and_source_name_the_row() -> None:
    assert [r.id for r in monitoring.RULES] == ["labs.monitoring"]
    assert LABS.source == "§8 (policy, [U])"


# SMM diagnosed 2025-01-15 at low risk. First-year results (before 2026-01-15) are
# followed 4 months later, later results 6 months later.
SMM_LOW_VIGNETTE = smm_history(
    phase("2025-01-15", Phase.SMM),
    *low_risk("2025-01-15"),  # due 2025-05-15, due_soon from 05-01
    snooze("labs.monitoring", "2025-05-18", "2025-05-25"),
    m_protein("2025-05-27", 15),  # due 2025-09-27
    *ratio("2025-05-27", 5),
    m_protein("2025-12-20", 15),  # first year: due 2026-04-20, due_soon from 04-06
    *ratio("2025-12-20", 5),
    m_protein("2026-04-18", 15),  # second year: due 2026-10-18, due_soon from 10-04
    *ratio("2026-04-18", 5),
    phase("2026-11-02", Phase.NDMM),  # due 2026-04-18 + 30 d = 2026-05-18: overdue
)


@pytest.mark.parametrize(
    ("on", "expected", "due"),
    [
        pytest.param(
            "2025-01-14",
            Status.OK,
            "2025-04-14",
            id="D24 labs.monitoring: no phase, nothing recorded yet: as_of + 3 mo",
        ),
        pytest.param("2025-01-15", Status.OK, "2025-05-15", id="§11 labs.monitoring: SMM low yr1"),
        pytest.param("2025-04-30", Status.OK, "2025-05-15", id="§11 labs.monitoring: before lead"),
        pytest.param(
            "2025-05-01", Status.DUE_SOON, "2025-05-15", id="§11 labs.monitoring: due − 14 d"
        ),
        pytest.param(
            "2025-05-15", Status.DUE_SOON, "2025-05-15", id="§11 labs.monitoring: due day"
        ),
        pytest.param("2025-05-16", Status.OVERDUE, "2025-05-15", id="§11 labs.monitoring: overdue"),
        pytest.param("2025-05-18", Status.SNOOZED, "2025-05-15", id="§11 Status: snoozed from ack"),
        pytest.param(
            "2025-05-25", Status.SNOOZED, "2025-05-15", id="§11 Status: snoozed until inclusive"
        ),
        pytest.param(
            "2025-05-26", Status.OVERDUE, "2025-05-15", id="§11 Status: snooze over, overdue"
        ),
        pytest.param("2025-05-27", Status.OK, "2025-09-27", id="§11 labs.monitoring: result"),
        pytest.param(
            "2026-04-05", Status.OK, "2026-04-20", id="§11 labs.monitoring: yr1 result + 4 mo"
        ),
        pytest.param(
            "2026-04-06", Status.DUE_SOON, "2026-04-20", id="§11 labs.monitoring: yr1 due_soon"
        ),
        pytest.param(
            "2026-10-03", Status.OK, "2026-10-18", id="§11 labs.monitoring: yr2 result + 6 mo"
        ),
        pytest.param(
            "2026-10-04", Status.DUE_SOON, "2026-10-18", id="§11 labs.monitoring: yr2 due_soon"
        ),
        pytest.param(
            "2026-10-19", Status.OVERDUE, "2026-10-18", id="§11 labs.monitoring: yr2 overdue"
        ),
        pytest.param(
            "2026-11-02", Status.OVERDUE, "2026-05-18", id="§11 labs.monitoring: NDMM 30 d"
        ),
    ],
)
def test_smm_low_risk_vignette(on: str, expected: Status, due: str | None) -> None:
    item = item_on(LABS, SMM_LOW_VIGNETTE, on)
    assert item.status is expected
    assert item.due == (day(due) if due else None)


def test_smm_low_risk_messages() -> None:
    first = item_on(LABS, SMM_LOW_VIGNETTE, "2025-05-16")
    assert first.message.id == "labs.monitoring.smm_low_first_year.last_result"
    assert first.message.as_dict() == {
        "phase": "SMM",
        "last": day("2025-01-15"),
        "analyte": "flc_lambda",
        "months": 4,
        "diagnosis": day("2025-01-15"),
        "due": day("2025-05-15"),
    }
    assert first.days_overdue == 1
    assert first.last is not None
    assert first.last.date == day("2025-01-15")
    later = item_on(LABS, SMM_LOW_VIGNETTE, "2026-10-19")
    assert later.message.id == "labs.monitoring.smm_low.last_result"
    assert later.message.as_dict()["months"] == 6


@pytest.mark.parametrize(
    ("diagnosis", "result", "due"),
    [
        pytest.param(
            "2025-01-15", "2026-01-14", "2026-05-14", id="§11 labs.monitoring: last day of yr1"
        ),
        pytest.param(
            "2025-01-15", "2026-01-15", "2026-07-15", id="§11 labs.monitoring: yr2 from day 1"
        ),
        pytest.param(
            "2024-02-29", "2025-02-27", "2025-06-27", id="D18 yr1 ends 2025-02-28: 02-27 in yr1"
        ),
        pytest.param(
            "2024-02-29", "2025-02-28", "2025-08-28", id="D18 yr1 ends 2025-02-28: 02-28 in yr2"
        ),
        pytest.param(
            "2025-01-15", "2025-10-31", "2026-02-28", id="D18 low yr1 Oct 31 + 4 mo = Feb 28"
        ),
        pytest.param(
            "2024-06-01", "2025-10-31", "2026-04-30", id="D18 low yr2 Oct 31 + 6 mo = Apr 30"
        ),
    ],
)
def test_low_risk_first_year_boundary(diagnosis: str, result: str, due: str) -> None:
    hist = smm_history(phase(diagnosis, Phase.SMM), *low_risk(result))
    assert item_on(LABS, hist, result).due == day(due)


@pytest.mark.parametrize(
    ("results", "basis", "due"),
    [
        pytest.param(
            [bmpc("2025-10-31", 25), m_protein("2025-10-31", 25), *ratio("2025-10-31", 5)],
            "smm_high",
            "2026-01-31",
            id="§11 labs.monitoring: SMM high (2 factors) 3 mo",
        ),
        pytest.param(
            [bmpc("2025-10-31", 25), m_protein("2025-10-31", 15), *ratio("2025-10-31", 5)],
            "smm_intermediate",
            "2026-02-28",
            id="§11 labs.monitoring: SMM intermediate 4 mo, D18 Feb 28",
        ),
        pytest.param(
            [bmpc("2025-10-31", 20), m_protein("2025-10-31", 25), *ratio("2025-10-31", 5)],
            "smm_intermediate",
            "2026-02-28",
            id="§2a BMPC exactly 20% is not a factor: intermediate",
        ),
        pytest.param(
            [bmpc("2025-10-31", 20.01), m_protein("2025-10-31", 25), *ratio("2025-10-31", 5)],
            "smm_high",
            "2026-01-31",
            id="§2a BMPC 20.01% is a factor: high",
        ),
        pytest.param(
            [bmpc("2025-10-31", 15), m_protein("2025-10-31", 20), *ratio("2025-10-31", 20)],
            "smm_low_first_year",
            "2026-02-28",
            id="§2a M-protein 20 g/L and FLC ratio 20 are not factors: low",
        ),
        pytest.param(
            [m_protein("2025-10-31", 15)],
            "smm_unknown",
            "2026-01-31",
            id="§11 labs.monitoring: SMM risk unknown 3 mo",
        ),
    ],
)
def test_smm_interval_follows_mayo_2018(results: list[Entry], basis: str, due: str) -> None:
    hist = smm_history(phase("2025-01-15", Phase.SMM), *results)
    item = item_on(LABS, hist, "2025-11-01")
    assert item.message.id == f"labs.monitoring.{basis}.last_result"
    assert item.due == day(due)


# Active MM: SMM labs on 2025-05-20, NDMM on 2025-06-01, labs on 2025-06-01,
# ASCT 2025-09-01 with labs 2025-09-10, MAINTENANCE from 2025-12-01 with labs then,
# RELAPSE 2026-06-01 without new labs.
ACTIVE_VIGNETTE = smm_history(
    phase("2025-01-15", Phase.SMM),
    m_protein("2025-05-20", 25),
    phase("2025-06-01", Phase.NDMM),
    m_protein("2025-06-03", 24),  # due 2025-07-03, due_soon from 06-19
    phase("2025-09-01", Phase.ASCT),
    m_protein("2025-09-10", 5),  # due 2025-10-10
    phase("2025-12-01", Phase.MAINTENANCE),
    m_protein("2025-12-01", 2),  # due 2026-03-01, due_soon from 02-15
    phase("2026-06-01", Phase.RELAPSE),  # last result 2025-12-01 + 30 d = 2025-12-31
)


@pytest.mark.parametrize(
    ("on", "expected", "due"),
    [
        pytest.param(
            "2025-06-01",
            Status.OK,
            "2025-06-19",
            id="§11 labs.monitoring: NDMM 30 d after the last SMM result",
        ),
        pytest.param("2025-06-18", Status.OK, "2025-07-03", id="§11 labs.monitoring: NDMM ok"),
        pytest.param(
            "2025-06-19", Status.DUE_SOON, "2025-07-03", id="§11 labs.monitoring: NDMM due_soon"
        ),
        pytest.param(
            "2025-07-04", Status.OVERDUE, "2025-07-03", id="§11 labs.monitoring: NDMM overdue"
        ),
        pytest.param(
            "2025-09-01", Status.OVERDUE, "2025-07-03", id="§11 labs.monitoring: ASCT overdue"
        ),
        pytest.param("2025-09-10", Status.OK, "2025-10-10", id="§11 labs.monitoring: ASCT 30 d"),
        pytest.param(
            "2025-12-01", Status.OK, "2026-03-01", id="§11 labs.monitoring: MAINTENANCE 90 d"
        ),
        pytest.param(
            "2026-02-14", Status.OK, "2026-03-01", id="§11 labs.monitoring: MAINTENANCE ok"
        ),
        pytest.param(
            "2026-02-15",
            Status.DUE_SOON,
            "2026-03-01",
            id="§11 labs.monitoring: MAINTENANCE due_soon",
        ),
        pytest.param(
            "2026-03-02",
            Status.OVERDUE,
            "2026-03-01",
            id="§11 labs.monitoring: MAINTENANCE overdue",
        ),
        pytest.param(
            "2026-06-01", Status.OVERDUE, "2025-12-31", id="§11 labs.monitoring: RELAPSE 30 d"
        ),
    ],
)
def test_active_mm_vignette(on: str, expected: Status, due: str) -> None:
    item = item_on(LABS, ACTIVE_VIGNETTE, on)
    assert item.status is expected
    assert item.due == day(due)


def test_active_and_maintenance_messages() -> None:
    ndmm = item_on(LABS, ACTIVE_VIGNETTE, "2025-07-04")
    assert ndmm.message.id == "labs.monitoring.active.last_result"
    assert ndmm.message.as_dict() == {
        "phase": "NDMM",
        "last": day("2025-06-03"),
        "analyte": "serum_m_protein",
        "days": 30,
        "due": day("2025-07-03"),
    }
    assert ndmm.days_overdue == 1
    upkeep = item_on(LABS, ACTIVE_VIGNETTE, "2026-03-02")
    assert upkeep.message.id == "labs.monitoring.maintenance.last_result"
    assert upkeep.message.as_dict()["days"] == 90


def test_without_any_result_the_phase_start_is_the_anchor() -> None:
    hist = smm_history(phase("2025-03-01", Phase.NDMM))
    item = item_on(LABS, hist, "2025-04-01")
    assert item.status is Status.OVERDUE
    assert item.last is None
    assert item.message.id == "labs.monitoring.active.phase_start"
    assert item.message.as_dict() == {
        "phase": "NDMM",
        "start": day("2025-03-01"),
        "days": 30,
        "due": day("2025-03-31"),
    }


def test_smm_without_any_result_is_due_at_the_unknown_risk_interval() -> None:
    hist = smm_history(phase("2025-01-31", Phase.SMM))
    item = item_on(LABS, hist, "2025-02-01")
    assert item.message.id == "labs.monitoring.smm_unknown.phase_start"
    assert item.due == day("2025-04-30")  # D18: Jan 31 + 3 mo clamps to Apr 30


@pytest.mark.parametrize(
    ("result", "due"),
    [
        pytest.param(
            urine("2025-03-10", 300), "2025-04-09", id="§11 labs.monitoring: urine M-protein"
        ),
        pytest.param(
            lab("2025-03-10", Analyte.FLC_KAPPA, 40, "mg/L"),
            "2025-04-09",
            id="§11 labs.monitoring: serum FLC",
        ),
        pytest.param(
            immunofixation("2025-03-10"),
            "2025-03-31",
            id="§11 labs.monitoring: immunofixation is not an M-protein result",
        ),
        pytest.param(
            hemoglobin("2025-03-10", 110),
            "2025-03-31",
            id="§11 labs.monitoring: other labs do not satisfy it",
        ),
    ],
)
def test_what_satisfies_it(result: LabResult, due: str) -> None:
    hist = smm_history(phase("2025-03-01", Phase.NDMM), result)
    assert item_on(LABS, hist, "2025-03-12").due == day(due)


def test_intervals_are_policy_values() -> None:
    hist = smm_history(phase("2025-12-01", Phase.MAINTENANCE), m_protein("2025-12-01", 2))
    pol = policy(**{"labs.maintenance_days": 60})
    assert item_on(LABS, hist, "2025-12-02", pol).due == day("2026-01-30")


@pytest.mark.parametrize("status", [PatientStatus.DECEASED, PatientStatus.TRANSFERRED])
def test_not_applicable_once_the_patient_left_care(status: PatientStatus) -> None:
    hist = smm_history(phase("2025-03-01", Phase.NDMM), status=status, status_date="2025-04-01")
    assert item_on(LABS, hist, "2025-03-31").status is Status.DUE_SOON
    left = item_on(LABS, hist, "2025-04-01")
    assert left.status is Status.NOT_APPLICABLE
    assert left.message.id == "labs.monitoring.not_in_care"
    assert left.message.as_dict() == {"since": day("2025-04-01")}


# --- D24: no phase entry ----------------------------------------------------------------


def test_d24_without_phase_counts_from_the_last_result_at_unknown_risk() -> None:
    hist = smm_history(m_protein("2025-01-31", 15))
    item = item_on(LABS, hist, "2025-02-01")
    assert item.message.id == "labs.monitoring.no_phase.last_result"
    assert item.message.as_dict() == {
        "last": day("2025-01-31"),
        "analyte": "serum_m_protein",
        "months": 3,
        "due": day("2025-04-30"),  # D18: Jan 31 + 3 mo clamps to Apr 30
    }
    assert item.last is not None
    assert item.last.date == day("2025-01-31")


@pytest.mark.parametrize(
    ("on", "expected"),
    [
        pytest.param("2025-04-15", Status.OK, id="D24 registration + 3 mo − 15 d: ok"),
        pytest.param("2025-04-16", Status.DUE_SOON, id="D24 registration + 3 mo − 14 d: due soon"),
        pytest.param("2025-04-30", Status.DUE_SOON, id="D24 registration + 3 mo: due day"),
        pytest.param("2025-05-01", Status.OVERDUE, id="D24 registration + 3 mo + 1 d: overdue"),
    ],
)
def test_d24_without_phase_or_result_counts_from_registration(on: str, expected: Status) -> None:
    hist = smm_history(hemoglobin("2025-01-10", 120), registered_on=day("2025-01-31"))
    item = item_on(LABS, hist, on)
    assert (item.status, item.due) == (expected, day("2025-04-30"))
    assert item.message.id == "labs.monitoring.no_phase.registered"
    assert item.message.as_dict()["start"] == day("2025-01-31")


def test_d24_registration_falls_back_to_the_first_entry() -> None:
    hist = smm_history(hemoglobin("2025-01-10", 120), hemoglobin("2025-02-10", 118))
    item = item_on(LABS, hist, "2025-03-01")
    assert item.message.id == "labs.monitoring.no_phase.first_entry"
    assert item.due == day("2025-04-10")


def test_d24_registration_falls_back_to_as_of_and_moves_with_it() -> None:
    """Nothing dated yet: registration is as_of, so the due date is as_of + 3 mo each day."""
    hist = smm_history()
    for on, due in (("2025-03-01", "2025-06-01"), ("2025-03-02", "2025-06-02")):
        item = item_on(LABS, hist, on)
        assert item.message.id == "labs.monitoring.no_phase.as_of"
        assert item.due == day(due)


def test_d24_a_phase_entry_ends_the_unknown_risk_reading() -> None:
    hist = smm_history(m_protein("2025-01-10", 15), phase("2025-02-01", Phase.NDMM))
    assert item_on(LABS, hist, "2025-01-31").message.id == "labs.monitoring.no_phase.last_result"
    assert item_on(LABS, hist, "2025-02-01").message.id == "labs.monitoring.active.last_result"


def test_d22_a_salvage_line_without_a_relapse_entry_is_monitored_as_active_therapy() -> None:
    """D22: the salvage line opens an episode (record.phase asks for RELAPSE); until then the
    patient is on active therapy, so 30 d, not the 90 d of the maintenance phase in force."""
    salvage = TreatmentLine(
        id="line-salvage",
        line_number=2,
        regimen="DPd",
        intent=TreatmentIntent.SALVAGE,
        start_date=day("2026-06-03"),
    )
    hist = smm_history(
        phase("2025-01-06", Phase.NDMM),
        phase("2025-09-01", Phase.MAINTENANCE),
        m_protein("2026-06-01", 12),
        salvage,
    )
    before = item_on(LABS, hist, "2026-06-02")
    assert before.message.id == "labs.monitoring.maintenance.last_result"
    after = item_on(LABS, hist, "2026-07-02")
    assert after.message.id == "labs.monitoring.active.last_result"
    assert after.due == day("2026-07-01")
    assert after.status is Status.OVERDUE
