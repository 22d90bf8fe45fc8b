"""Issue classes 1, 3 and 9 of the first clinical review: bisphosphonate renal safety
(D35), denosumab start (D36) and stale pre-dose checks (D34).

Each test is a worked history the review found, with the outcome the decision asks
for. The patient is a man born 1966-01-01 (60 years old in 2026). §9 Cockcroft-Gault
for a man: (140 − age) × weight / (72 × creatinine mg/dL), 1 mg/dL = 88.4 µmol/L; at
60 years and 50 kg, creatinine 250 µmol/L gives CrCl ≈ 19.6 and 327 µmol/L ≈ 15.0.
"""

from __future__ import annotations

import pytest
from bone_builders import (
    DMAB,
    PAM,
    calcium,
    creatinine,
    day,
    dose,
    history,
    item,
    phase,
    weight,
)

from mmtracker.logic.care import Severity, Status
from mmtracker.logic.codes import BoneAgent, BoneTherapyEventKind
from mmtracker.logic.history import BoneTherapyEvent, Entry

NDMM = phase("2026-01-05")


def crcl_man_60(kg: float, umol_l: float) -> float:
    """§9 Cockcroft-Gault for a 60-year-old man."""
    return (140 - 60) * kg / (72 * umol_l / 88.4)


def planned(agent: BoneAgent, start: str, recorded: str) -> BoneTherapyEvent:
    """A schedule entry naming ``agent`` dated at its planned start, recorded earlier (D36)."""
    return BoneTherapyEvent(
        id=f"plan-{agent.value}-{start}",
        date=day(start),
        kind=BoneTherapyEventKind.SCHEDULE,
        agent=agent,
        interval_days=28,
        recorded_on=day(recorded),
    )


# --- class 1: renal safety of bisphosphonates (D35) ----------------------------------------


def test_class_1_a_later_creatinine_of_250_without_a_baseline_stops_za() -> None:
    """D35: no creatinine in the 30 d before the first ZA dose; 250 µmol/L afterwards
    (CrCl ≈ 20 < 30) → "not recommended", and ZA is on renal hold: no next-dose and no
    pre-dose prompt."""
    assert crcl_man_60(50, 250) == pytest.approx(19.6, abs=0.1)
    record = history(
        NDMM,
        weight("2026-01-05", 50),
        creatinine("2025-11-20", 80),  # 74 d before the first dose: no baseline
        dose("2026-02-02"),
        creatinine("2026-02-20", 250),
    )
    za = item("renal.za_dose", record, "2026-02-25")
    assert (za.status, za.severity) == (Status.ALERT, Severity.URGENT)
    assert za.message.id == "renal.za_dose.not_recommended"
    assert item("bta.next_dose", record, "2026-02-25").status is Status.NOT_APPLICABLE
    before = item("renal.before_bisphosphonate", record, "2026-02-25")
    assert before.status is Status.NOT_APPLICABLE


def test_class_1_pamidronate_gets_renal_monitoring() -> None:
    """D35, §11 renal.before_bisphosphonate and renal.pamidronate: a creatinine before each
    pamidronate dose, and the ZA deterioration rule (baseline 80 → 170, +90 ≥ 44) holds it."""
    course = (
        NDMM,
        weight("2026-01-05", 80),
        creatinine("2026-01-28", 80),
        dose("2026-02-02", PAM, 90),
    )
    steady = history(*course)
    assert item("renal.pamidronate", steady, "2026-02-20").status is Status.OK
    assert item("renal.before_bisphosphonate", steady, "2026-02-20").status is Status.DUE_SOON
    held = history(*course, creatinine("2026-02-20", 170))
    found = item("renal.pamidronate", held, "2026-02-25")
    assert (found.status, found.severity) == (Status.ALERT, Severity.URGENT)
    assert found.message.id == "renal.pamidronate.hold"
    assert item("bta.next_dose", held, "2026-02-25").status is Status.NOT_APPLICABLE
    assert item("renal.before_bisphosphonate", held, "2026-02-25").status is (Status.NOT_APPLICABLE)


# --- class 3: denosumab started without a calcium check (D36) ---------------------------


@pytest.mark.parametrize(
    "before",
    [
        pytest.param(
            (dose("2026-02-02"), dose("2026-03-02")), id="D36: switch from ZA to denosumab"
        ),
        pytest.param((), id="D36: denosumab as the first agent"),
    ],
)
def test_class_3_planned_denosumab_at_crcl_15_needs_a_calcium_check_and_the_hypocalcaemia_alert(
    before: tuple[Entry, ...],
) -> None:
    """D36: denosumab planned from 2026-04-15 (recorded 2026-03-20) at CrCl ≈ 15:
    calcium.before_denosumab due at the planned start, alert.hypocalcaemia applies from the
    plan with the weekly-calcium advice; a low calcium alerts."""
    assert crcl_man_60(50, 327) == pytest.approx(15.0, abs=0.1)
    entries = (
        NDMM,
        weight("2026-01-05", 50),
        creatinine("2026-01-28", 80),
        *before,
        creatinine("2026-03-25", 327),
        planned(DMAB, "2026-04-15", "2026-03-20"),
    )
    record = history(*entries)
    check = item("calcium.before_denosumab", record, "2026-04-05")
    assert (check.status, str(check.due)) == (Status.DUE_SOON, "2026-04-15")
    assert check.message.id == "calcium.before_denosumab.first_due"
    assert item("calcium.before_denosumab", record, "2026-04-16").status is Status.OVERDUE
    alert = item("alert.hypocalcaemia", record, "2026-03-26")
    assert alert.status is Status.OK
    assert alert.message.id == "alert.hypocalcaemia.no_result_renal"
    low = history(*entries, calcium("2026-04-10", 2.05))
    found = item("alert.hypocalcaemia", low, "2026-04-10")
    assert (found.status, found.severity) == (Status.ALERT, Severity.URGENT)
    assert found.message.id == "alert.hypocalcaemia.low_renal"
    assert item("calcium.before_denosumab", low, "2026-04-10").status is Status.OK


# --- class 9: stale pre-dose checks (D34) ----------------------------------------------


def test_class_9_a_creatinine_drawn_before_the_original_due_date_does_not_clear_a_late_dose() -> (
    None
):
    """D34: ZA 2026-01-05, next due 2026-02-02; creatinine 2026-01-30 (within 7 d before it).
    Months later, the dose is overdue and that creatinine no longer counts."""
    record = history(
        NDMM,
        weight("2026-01-05", 80),
        creatinine("2026-01-02", 80),
        dose("2026-01-05"),
        creatinine("2026-01-30", 82),
    )
    assert item("renal.before_bisphosphonate", record, "2026-02-01").status is Status.OK
    assert item("renal.before_bisphosphonate", record, "2026-05-01").status is Status.OVERDUE


def test_class_9_a_calcium_drawn_before_the_original_due_date_does_not_clear_a_late_dose() -> None:
    """D34: denosumab 2026-01-05, next due 2026-02-02; calcium 2026-01-30. Overdue months
    later, only a calcium within 7 d before as_of counts."""
    record = history(NDMM, dose("2026-01-05", DMAB, 120), calcium("2026-01-30", 2.30))
    assert item("calcium.before_denosumab", record, "2026-02-01").status is Status.OK
    assert item("calcium.before_denosumab", record, "2026-05-01").status is Status.OVERDUE
    fresh = history(
        NDMM, dose("2026-01-05", DMAB, 120), calcium("2026-01-30", 2.30), calcium("2026-04-28", 2.3)
    )
    assert item("calcium.before_denosumab", fresh, "2026-05-01").status is Status.OK
