"""Issue 7 review classes of the record items, planned transplants and ionised calcium
(clinical-rules.md D24, D25, D39, D44, D45).

Each test is a worked history written from the decision, assessed with every rule as
the clinic's worklist sees it. Before these decisions the patient fell through the
cracks: no phase entry left nearly every item not applicable, an episode without a
treatment line asked for nothing, a transplant never performed kept its pre-ASCT
items overdue for ever, and a high ionised calcium was ignored.
"""

from __future__ import annotations

import datetime as dt

import pytest
from builders import context, day, lab, phase
from items_builders import calcium, transplant
from smm_builders import creatinine, hemoglobin, m_protein, smm_history

from mmtracker.logic.assessment import evaluate_items
from mmtracker.logic.care import CareItem, Severity, Status
from mmtracker.logic.codes import Analyte, CalciumKind, Phase
from mmtracker.logic.history import PatientHistory


def items(hist: PatientHistory, on: str) -> dict[str, CareItem]:
    """Every care item on ``on``, as the assessment resolves them."""
    return {item.id: item for item in evaluate_items(context(hist, on))}


# --- Class 4: invisible patients ------------------------------------------------------

# Registered 2025-03-03 with labs and no phase entry. Hb 92 g/L (§1a A < 100) and
# creatinine 190 µmol/L (§1a R > 177) on 2025-03-03, an M-protein of 28 g/L.
UNPHASED = smm_history(
    hemoglobin("2025-03-03", 92),
    creatinine("2025-03-03", 190),
    m_protein("2025-03-03", 28),
    registered_on=day("2025-03-03"),
)


def test_class_4_a_patient_without_a_phase_entry_reaches_the_worklist() -> None:
    """D24: record.phase due at registration + 14 d; alert.smm_mde urgent on the SLiM-CRAB
    findings; labs.monitoring every 3 mo (SMM of unknown risk) from the last result."""
    on_day_15 = items(UNPHASED, "2025-03-18")
    asked = on_day_15["record.phase"]
    assert (asked.status, asked.due, asked.days_overdue) == (
        Status.OVERDUE,
        day("2025-03-17"),
        1,
    )
    mde = on_day_15["alert.smm_mde"]
    assert (mde.status, mde.severity, mde.since) == (
        Status.ALERT,
        Severity.URGENT,
        day("2025-03-03"),
    )
    assert mde.message.as_dict()["criteria"] == "R, A"
    labs = on_day_15["labs.monitoring"]
    assert (labs.status, labs.due) == (Status.OK, day("2025-06-03"))
    # D24: risk scoring, imaging and the other SMM alerts do not apply without a phase.
    for item_id in ("smm.risk", "imaging.smm_mri", "alert.smm_high_risk"):
        assert on_day_15[item_id].status is Status.NOT_APPLICABLE, item_id


@pytest.mark.parametrize(
    ("on", "expected"),
    [
        pytest.param("2025-03-16", Status.DUE_SOON, id="D24 registration + 13 d"),
        pytest.param("2025-03-17", Status.DUE_SOON, id="D24 registration + 14 d: due"),
        pytest.param("2025-03-18", Status.OVERDUE, id="D24 registration + 15 d: overdue"),
    ],
)
def test_class_4_registration_plus_14_days(on: str, expected: Status) -> None:
    assert items(UNPHASED, on)["record.phase"].status is expected


# NDMM 2025-01-10 and never a treatment line recorded: M-protein 30 g/L at diagnosis,
# 25 g/L on 2025-03-01 (nadir), 40 g/L on 2025-05-01 (+15 g/L, +60 %: IMWG PD).
NO_LINE = smm_history(
    phase("2025-01-10", Phase.NDMM),
    m_protein("2025-01-10", 30),
    m_protein("2025-03-01", 25),
    m_protein("2025-05-01", 40),
)


def test_class_4_active_myeloma_without_a_treatment_line() -> None:
    """D25: record.treatment_line due at the episode start + 30 d, overdue after it;
    progression is still watched from the episode start (D23, D26)."""
    found = items(NO_LINE, "2025-05-02")
    line = found["record.treatment_line"]
    assert (line.status, line.due) == (Status.OVERDUE, day("2025-02-09"))
    assert line.message.as_dict()["phase"] == "NDMM"
    assert found["alert.progression"].status is Status.ALERT


@pytest.mark.parametrize(
    ("on", "expected"),
    [
        pytest.param("2025-02-08", Status.DUE_SOON, id="D25 episode start + 29 d"),
        pytest.param("2025-02-09", Status.DUE_SOON, id="D25 episode start + 30 d: due"),
        pytest.param("2025-02-10", Status.OVERDUE, id="D25 episode start + 31 d: overdue"),
    ],
)
def test_class_4_episode_start_plus_30_days(on: str, expected: Status) -> None:
    assert items(NO_LINE, on)["record.treatment_line"].status is expected


# --- Class 10: a transplant planned and never performed (D39) ---------------------------

# NDMM 2025-01-02; ASCT planned for 2025-06-30, never performed nor withdrawn.
PLANNED_ONLY = smm_history(
    phase("2025-01-02", Phase.NDMM),
    m_protein("2025-01-02", 30),
    transplant(planned="2025-06-30"),
)


@pytest.mark.parametrize(
    ("on", "pre_asct", "outcome"),
    [
        pytest.param("2025-07-29", Status.OVERDUE, Status.DUE_SOON, id="D39 planned + 29 d"),
        pytest.param("2025-07-30", Status.NOT_APPLICABLE, Status.DUE_SOON, id="D39 planned + 30 d"),
        pytest.param("2025-07-31", Status.NOT_APPLICABLE, Status.OVERDUE, id="D39 planned + 31 d"),
        pytest.param("2026-07-31", Status.NOT_APPLICABLE, Status.OVERDUE, id="D39 a year on"),
    ],
)
def test_class_10_transplant_planned_and_never_performed(
    on: str, pre_asct: Status, outcome: Status
) -> None:
    """D39: pre-ASCT PET-CT and MRD close at the planned date + 30 d; asct.outcome is due
    then and overdue after it, instead of pre-ASCT items overdue for ever."""
    found = items(PLANNED_ONLY, on)
    assert found["imaging.pre_asct_pet"].status is pre_asct
    assert found["mrd.pre_asct"].status is pre_asct
    assert (found["asct.outcome"].status, found["asct.outcome"].due) == (
        outcome,
        day("2025-07-30"),
    )


def test_class_10_a_withdrawn_plan_settles_everything() -> None:
    hist = smm_history(
        phase("2025-01-02", Phase.NDMM), transplant(planned="2025-06-30", withdrawn="2025-08-15")
    )
    found = items(hist, "2025-08-15")
    for item_id in ("imaging.pre_asct_pet", "mrd.pre_asct", "asct.outcome"):
        assert found[item_id].status is Status.NOT_APPLICABLE, item_id


# --- Class 10: a high ionised calcium (D44) ------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        pytest.param(1.31, Status.OK, id="D44 1.31 mmol/L"),
        pytest.param(1.32, Status.OK, id="D44 exactly 1.32: not above"),
        pytest.param(1.33, Status.ALERT, id="D44 1.33: above"),
    ],
)
def test_class_10_a_high_ionised_calcium_is_not_ignored(value: float, expected: Status) -> None:
    """D44: ionised calcium above 1.32 mmol/L (no lab ULN) raises alert.hypercalcaemia as
    info "ionised calcium high — check serum calcium", since its date (D45)."""
    hist = smm_history(
        phase("2025-01-10", Phase.NDMM),
        calcium("2025-02-01", 2.40),  # an older normal total calcium
        calcium("2025-03-01", value, kind=CalciumKind.IONISED),
    )
    alert = items(hist, "2025-03-05")["alert.hypercalcaemia"]
    assert alert.status is expected
    if expected is Status.ALERT:
        assert (alert.severity, alert.since, alert.due) == (
            Severity.INFO,
            day("2025-03-01"),
            None,
        )
        assert alert.message.id == "alert.hypercalcaemia.ionised_above_default_uln"


def test_class_10_the_urgent_total_calcium_shows_over_the_ionised_one() -> None:
    """D44: when a total and an ionised finding both hold, the urgent total one shows; a
    newer normal calcium of either kind then closes it."""
    hist = smm_history(
        phase("2025-01-10", Phase.NDMM),
        calcium("2025-03-01", 1.45, kind=CalciumKind.IONISED),
        calcium("2025-03-02", 2.70),
        lab("2025-03-02", Analyte.ALBUMIN, 30, "g/L"),  # D12: corrected 2.90
        calcium("2025-03-09", 1.25, kind=CalciumKind.IONISED),
    )
    both = items(hist, "2025-03-05")["alert.hypercalcaemia"]
    assert (both.severity, both.since) == (Severity.URGENT, day("2025-03-02"))
    assert items(hist, "2025-03-09")["alert.hypercalcaemia"].status is Status.OK


def test_d45_alerts_have_no_due_date() -> None:
    """D45: an alert carries its since-date, not a due date."""
    alerts = [i for i in items(UNPHASED, "2025-04-01").values() if i.status is Status.ALERT]
    assert "alert.smm_mde" in {i.id for i in alerts}
    for item in alerts:
        assert item.due is None, item.id
        assert isinstance(item.since, dt.date), item.id
