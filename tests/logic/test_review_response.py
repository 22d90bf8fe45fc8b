"""Issue 7 classes 5 and 6: progression missed, and a current response too narrow.

Each test is a worked history written from the decision it names (clinical-rules.md
D22, D23, D26, D27, D28, D41), with the status the decision gives; each failed before
the decisions were implemented.
"""

from __future__ import annotations

from builders import day, imaging, lab, phase
from items_builders import history, item_on, mrd, rule, transplant
from mrd_builders import assessed, serum, treatment

from mmtracker.logic.care import Status
from mmtracker.logic.codes import (
    Analyte,
    ImagingModality,
    MrdResult,
    Phase,
    ResponseCategory,
    TreatmentIntent,
)
from mmtracker.logic.history import LabResult
from mmtracker.logic.items import mrd as mrd_items
from mmtracker.logic.items import progression as progression_items


def urine_m_protein(on: str, mg_per_24h: float) -> LabResult:
    return lab(on, Analyte.URINE_MPROTEIN, mg_per_24h, "mg/24h")


PROGRESSION = rule(progression_items.RULES, "alert.progression")
MRD_ANNUAL = rule(mrd_items.RULES, "mrd.annual")
MRD_LOST = rule(mrd_items.RULES, "alert.mrd_lost")
MAINTENANCE = TreatmentIntent.MAINTENANCE
NEGATIVE, POSITIVE = MrdResult.NEGATIVE, MrdResult.POSITIVE


# --- class 5: progression missed -------------------------------------------------------------


def test_class_5_maintenance_recorded_as_line_2_does_not_hide_a_confirmed_pd() -> None:
    """D22: maintenance recorded as line 2 continues the episode; the nadir stays 2 g/L.

    Serum M-protein 30 g/L at the start, nadir 2 g/L on 2024-06-01; 6 g/L just before
    lenalidomide (line 2, intent maintenance) starts on 2024-09-01; 9 g/L on 12-01
    (+7 g/L, +350% from the nadir: PD) and 10 g/L on 2025-01-05 (met again: confirmed).
    From a line-2 baseline of 6 g/L neither rise (+3, +4 g/L) would be PD.
    """
    hist = history(
        phase("2024-01-10", Phase.NDMM),
        treatment("2024-01-10", "2024-06-30"),
        serum("2024-01-10", 30),
        serum("2024-06-01", 2),
        serum("2024-08-25", 6),
        phase("2024-09-01", Phase.MAINTENANCE),
        treatment("2024-09-01", number=2, intent=MAINTENANCE, regimen="lenalidomide"),
        serum("2024-12-01", 9),
        serum("2025-01-05", 10),
    )
    item = item_on(PROGRESSION, hist, "2025-01-05")
    assert (item.status, item.message.id) == (Status.ALERT, "alert.progression.confirmed")
    assert item.since == day("2024-12-01")


def test_class_5_urine_m_protein_0_to_1500_is_pd_when_not_measurable_at_baseline() -> None:
    """D26: the urine criterion applies whenever urine is measured (IMWG 2016 has no such
    condition): 0 → 1,500 mg/24 h is ≥25% and ≥200 mg/24 h above the nadir of 0."""
    hist = history(
        phase("2024-01-10", Phase.NDMM),
        treatment("2024-01-10"),
        serum("2024-01-10", 40),
        urine_m_protein("2024-01-10", 0),
        serum("2024-04-01", 40),
        urine_m_protein("2024-04-01", 1500),
    )
    item = item_on(PROGRESSION, hist, "2024-04-01")
    assert (item.status, item.message.as_dict()["criterion"]) == (Status.ALERT, "urine_m_protein")


def test_class_5_new_lytic_lesions_on_a_different_modality_are_compared() -> None:
    """D27: baseline low-dose CT with 2 lytic lesions; a later PET-CT shows 5: PD, and the
    rationale says the modality differs (confirm the lesions are new)."""
    hist = history(
        phase("2024-01-10", Phase.NDMM),
        imaging("2024-01-05", ImagingModality.WBLDCT, lytic_lesions=2),
        treatment("2024-01-10"),
        serum("2024-01-10", 30),
        imaging("2024-07-01", ImagingModality.PET_CT, lytic_lesions=5, fdg_avid=True),
    )
    item = item_on(PROGRESSION, hist, "2024-07-01")
    assert (item.status, item.message.id) == (
        Status.ALERT,
        "alert.progression.unconfirmed.other_modality",
    )


def test_class_5_a_baseline_scan_a_few_days_after_the_line_start_is_compared() -> None:
    """D27: the baseline imaging is the latest on or before the episode start + 30 d:
    a low-dose CT 5 days after the start (1 lesion), another 6 months later (3 lesions)."""
    hist = history(
        phase("2024-01-10", Phase.NDMM),
        treatment("2024-01-10"),
        serum("2024-01-10", 30),
        imaging("2024-01-15", ImagingModality.WBLDCT, lytic_lesions=1),
        imaging("2024-07-15", ImagingModality.WBLDCT, lytic_lesions=3),
    )
    item = item_on(PROGRESSION, hist, "2024-07-15")
    assert (item.status, item.message.as_dict()["criterion"]) == (Status.ALERT, "lytic_lesions")


def test_class_5_loss_of_mrd_negativity_raises_alert_mrd_lost() -> None:
    """D28: MRD negative in the episode, then the latest MRD test positive: urgent."""
    hist = history(
        phase("2023-06-01", Phase.NDMM),
        treatment("2023-06-01", "2023-10-01"),
        phase("2024-03-01", Phase.MAINTENANCE),
        treatment("2024-03-01", number=2, intent=MAINTENANCE, regimen="lenalidomide"),
        mrd("2024-02-20", NEGATIVE),
        mrd("2025-02-20", POSITIVE),
    )
    assert item_on(MRD_LOST, hist, "2025-02-19").status is Status.OK
    item = item_on(MRD_LOST, hist, "2025-02-20")
    assert (item.status, item.message.id) == (Status.ALERT, "alert.mrd_lost.mrd_positive")
    assert item.since == day("2025-02-20")


# --- class 6: current response too narrow ----------------------------------------------------


def test_class_6_cr_recorded_before_a_maintenance_line_gives_mrd_annual() -> None:
    """D23: a CR recorded on 2024-02-20, before lenalidomide maintenance (line 2) starts on
    2024-03-01, counts in the same episode; no MRD test yet: due 2024-03-01 + 12 mo."""
    hist = history(
        phase("2023-06-01", Phase.NDMM),
        treatment("2023-06-01", "2023-10-01"),
        transplant(planned="2023-11-15", performed="2023-11-15"),
        phase("2023-11-15", Phase.ASCT),
        assessed("2024-02-20", ResponseCategory.CR),
        phase("2024-03-01", Phase.MAINTENANCE),
        treatment("2024-03-01", number=2, intent=MAINTENANCE, regimen="lenalidomide"),
    )
    item = item_on(MRD_ANNUAL, hist, "2024-06-01")
    assert (item.status, item.due) == (Status.OK, day("2025-03-01"))


def test_class_6_continuous_therapy_in_cr_on_a_line_over_12_months_gets_the_mrd_prompt() -> None:
    """D41: NDMM on D-Rd since 2024-01-10 (no end), CR recorded 2024-09-01: from the day
    after the line has run 12 months mrd.annual applies, due line start + 12 mo."""
    hist = history(
        phase("2024-01-10", Phase.NDMM),
        treatment("2024-01-10", regimen="D-Rd"),
        assessed("2024-09-01", ResponseCategory.CR),
    )
    item = item_on(MRD_ANNUAL, hist, "2025-02-01")
    assert (item.status, item.due) == (Status.OVERDUE, day("2025-01-10"))
