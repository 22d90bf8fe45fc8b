"""Finding.changes_on, next_known_date and state_valid_until: how long what the rules found holds.

A stored finding may be reused on later days until the state's ``valid_until``: the
earliest of every finding's ``changes_on`` (time alone changes it: a window opens or
closes, a course lapses, a lookback slides past an entry) and the next date the
record reveals an entry or fact the assessment does not know yet.

The worked histories are the vignettes of the item tests plus a few bone-therapy
courses built here; ``changes_on_sweep.sweep`` assesses every day of a window afresh
and checks every day as a start date. The targeted tests pin the exact dates, counted
by hand from the §11 rows and the shipped policy (lead_days 14; ZA and denosumab every
28 d, lapsed from the next due date + 29 d (D37); dental lookback 180 d; ONJ
closes 90 d after the procedure; SMM imaging 5 years; MRD day 100 closes on day 180,
end of induction on due + 90 d; smm.risk inputs within 12 months).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from functools import cache

import bone_builders as bb
import pytest
from builders import day, imaging, phase, policy
from changes_on_sweep import SweepStats, sweep
from items_builders import history, snooze, transplant
from mrd_builders import treatment
from smm_builders import bmpc, m_protein, ratio, smm_history
from test_items_bone import DENOSUMAB_COURSE
from test_items_calcium import VIGNETTE as HYPERCALCAEMIA_VIGNETTE
from test_items_conditioning import VIGNETTE as CONDITIONING_VIGNETTE
from test_items_imaging import BASELINE_VIGNETTE, FOLLOWUP_VIGNETTE, SMM_MRI_VIGNETTE
from test_items_monitoring import ACTIVE_VIGNETTE, SMM_LOW_VIGNETTE
from test_items_mrd import (
    INDUCTION_TO_CR,
    INDUCTION_TO_VGPR,
    MAINTENANCE,
    MAINTENANCE_WITHOUT_MRD,
    RECORDED_CR,
    TRANSPLANT,
)
from test_items_progression import COURSE as PROGRESSION_COURSE
from test_items_smm import HIGH_RISK_VIGNETTE, MDE_VIGNETTE, PANGEA_VIGNETTE, RISK_VIGNETTE
from test_items_workup_transplant import MRD_VIGNETTE, PLAN, STAGING_VIGNETTE

from mmtracker.logic.assessment import evaluate_items, item_findings, state_valid_until
from mmtracker.logic.care import Finding
from mmtracker.logic.codes import (
    BoneAgent,
    ImagingModality,
    InvasiveProcedure,
    PatientStatus,
    Phase,
)
from mmtracker.logic.context import Context
from mmtracker.logic.dates import add_days
from mmtracker.logic.history import (
    ENTRY_KINDS,
    PatientHistory,
    Supplement,
    Transplant,
    TreatmentLine,
    entry_date,
)
from mmtracker.logic.phases import as_known_on, next_known_date

POLICY = policy()
HORIZON_DAYS = 400  # how far past its last date each worked history is swept
ZA, DMAB = bb.ZA, bb.DMAB
PLANNED, DONE = InvasiveProcedure.PLANNED, InvasiveProcedure.DONE

# --- Worked histories --------------------------------------------------------------------

# ZA from 2025-02-01 every 28 d, last dose 2025-03-29: next due 2025-04-26 (creatinine
# window opens 04-12), lapsed from 2025-05-25 (03-29 + 57 d). Tooth extraction planned
# for 2025-06-01 (ONJ alert until 2025-08-30). Supplement 2025-02-01 to 06-30, another
# from 07-15.
ZA_COURSE = bb.history(
    bb.phase("2025-01-10"),
    bb.dental_exam("2024-12-20"),
    bb.creatinine("2025-01-25", 80),
    bb.weight("2025-01-25", 70),
    bb.calcium("2025-01-25", 2.3),
    bb.dose("2025-02-01"),
    bb.supplement("2025-02-01", "2025-06-30"),
    bb.creatinine("2025-02-24", 82),
    bb.dose("2025-03-01"),
    bb.vitamin_d("2025-03-05", 60),
    bb.creatinine("2025-03-25", 84),
    bb.dose("2025-03-29"),
    bb.dental_exam("2025-05-10", PLANNED, "2025-06-01"),
    bb.dental_exam("2025-06-05", DONE, "2025-06-01"),
    bb.supplement("2025-07-15"),
)

# ZA planned by bta.start (NDMM 2025-03-01, due 03-31): creatinine baseline of 2025-02-20
# counts until 2025-03-22 (30 d); the dental exam of 2024-10-01 until 2025-03-30 (180 d).
ZA_PLANNED = bb.history(
    bb.phase("2025-03-01"),
    bb.dental_exam("2024-10-01"),
    bb.creatinine("2025-02-20", 90),
    bb.weight("2025-02-20", 80),
)

# ZA held for a creatinine rise (80 → 130 µmol/L), resumed once back within 10 % (85).
ZA_HOLD = bb.history(
    bb.phase("2025-01-10"),
    bb.creatinine("2025-01-25", 80),
    bb.weight("2025-01-25", 75),
    bb.dose("2025-02-01"),
    bb.creatinine("2025-02-25", 130),
    bb.creatinine("2025-04-01", 85),
    bb.dose("2025-04-05"),
    bb.ack("renal.za_dose", "2025-02-26", "2025-03-10"),
)

# Denosumab 2025-02-01, 03-01, 03-29: the calcium window opens 2025-04-12 (due 04-26 − 14);
# lapsed from 2025-05-25 (due 04-26 + 29 d, D37), the bridge applies from that day.
DENOSUMAB_LAPSE = bb.history(
    bb.phase("2025-01-10"),
    bb.calcium("2025-01-20", 2.3),
    bb.dose("2025-02-01", DMAB, 120),
    bb.calcium("2025-02-25", 2.3),
    bb.dose("2025-03-01", DMAB, 120),
    bb.calcium("2025-03-25", 2.0),
    bb.dose("2025-03-29", DMAB, 120),
)

# ZA 2024-07-01 and 07-29, stopped 2024-09-01; relapse 2025-03-01: a restart is planned
# and its creatinine baseline (2025-02-25) again counts from as_of.
STOP_AND_RESTART = bb.history(
    bb.phase("2024-06-01"),
    bb.creatinine("2024-06-25", 80),
    bb.dose("2024-07-01"),
    bb.dose("2024-07-29"),
    bb.stop("2024-09-01"),
    bb.phase("2025-03-01", Phase.RELAPSE),
    bb.creatinine("2025-02-25", 95),
    bb.weight("2025-02-25", 60),
    bb.dental_exam("2025-03-20"),
)

# Pamidronate on a 84-day schedule, then a review; vitamin D deficient.
PAMIDRONATE = bb.history(
    bb.phase("2025-01-10"),
    bb.schedule("2025-01-20", BoneAgent.PAMIDRONATE, 84),
    bb.dose("2025-02-01", BoneAgent.PAMIDRONATE, 90),
    bb.vitamin_d("2025-03-01", 40),
    bb.dose("2025-04-26", BoneAgent.PAMIDRONATE, 90),
    bb.review("2025-06-01"),
)

# Declined: bta.start not applicable for good.
DECLINED = bb.history(bb.phase("2025-01-10"), bb.declined("2025-01-20"))

# SMM from 2021-02-10 with yearly whole-body imaging: the 5-year follow-up ends on
# 2026-02-11 (2021-02-10 + 60 months + 1 d).
SMM_FIVE_YEARS = history(
    phase("2021-02-10", Phase.SMM),
    imaging("2021-02-20", ImagingModality.WBLDCT, lytic_lesions=0),
    imaging("2021-04-01", ImagingModality.WB_MRI),
    imaging("2025-03-01", ImagingModality.WB_MRI),
)

# SMM from 2025-01-15, never scored (no marrow): the M-protein of 2025-01-20 leaves the
# 12-month window on 2026-01-21, the FLC ratio of 2025-03-01 on 2026-03-02.
SMM_NEVER_SCORED = smm_history(
    phase("2025-01-15", Phase.SMM),
    m_protein("2025-01-20", 15),
    *ratio("2025-03-01", 5),
)

# A marrow but old M-protein and FLC: scored on 2025-01-20, never missing since.
SMM_SCORED = smm_history(
    phase("2025-01-15", Phase.SMM),
    m_protein("2025-01-20", 15),
    *ratio("2025-01-20", 5),
    bmpc("2025-01-20", 12),
)

# Two overlapping snoozes of one item (the later one shorter).
SNOOZES = history(
    phase("2025-01-06", Phase.NDMM),
    snooze("workup.staging", "2025-01-10", "2025-03-01"),
    snooze("workup.staging", "2025-01-20", "2025-02-01"),
)

# Each worked history and its sweep window (None: from 20 days before its first date to
# HORIZON_DAYS after its last).
WORKED: dict[str, tuple[PatientHistory, tuple[str, str] | None]] = {
    "za_course": (ZA_COURSE, None),
    "za_planned": (ZA_PLANNED, None),
    "za_hold": (ZA_HOLD, None),
    "denosumab_lapse": (DENOSUMAB_LAPSE, None),
    "denosumab_stopped": (bb.history(*DENOSUMAB_COURSE, bb.stop("2026-04-15")), None),
    "denosumab_on": (bb.history(*DENOSUMAB_COURSE), None),
    "denosumab_bridged": (
        bb.history(*DENOSUMAB_COURSE, bb.stop("2026-04-15"), bb.dose("2026-06-01")),
        None,
    ),
    "stop_and_restart": (STOP_AND_RESTART, None),
    "pamidronate": (PAMIDRONATE, None),
    "declined": (DECLINED, ("2025-01-01", "2025-06-30")),
    "smm_five_years": (SMM_FIVE_YEARS, ("2025-09-01", "2026-06-30")),
    "smm_never_scored": (SMM_NEVER_SCORED, None),
    "smm_scored": (SMM_SCORED, ("2025-01-01", "2026-06-30")),
    "snoozes": (SNOOZES, ("2025-01-01", "2025-04-30")),
    "imaging_baseline": (BASELINE_VIGNETTE, None),
    "imaging_smm_mri": (SMM_MRI_VIGNETTE, None),
    "imaging_smm_followup": (FOLLOWUP_VIGNETTE, None),
    "monitoring_smm_low": (SMM_LOW_VIGNETTE, None),
    "monitoring_active": (ACTIVE_VIGNETTE, None),
    "smm_risk": (RISK_VIGNETTE, None),
    "smm_mde": (MDE_VIGNETTE, None),
    "smm_high_risk": (HIGH_RISK_VIGNETTE, None),
    "smm_pangea": (PANGEA_VIGNETTE, None),
    "staging": (STAGING_VIGNETTE, None),
    "pre_asct": (history(*PLAN), None),
    "pre_asct_mrd": (MRD_VIGNETTE, None),
    "induction_to_cr": (history(*INDUCTION_TO_CR), None),
    "recorded_cr": (history(*RECORDED_CR), None),
    "induction_to_vgpr": (history(*INDUCTION_TO_VGPR), ("2025-01-01", "2025-12-31")),
    "transplant": (history(*TRANSPLANT), None),
    "maintenance": (history(*MAINTENANCE), ("2024-01-01", "2026-06-30")),
    "maintenance_without_mrd": (history(*MAINTENANCE_WITHOUT_MRD), ("2024-01-15", "2025-06-30")),
    "progression": (history(*PROGRESSION_COURSE), ("2025-01-01", "2025-12-31")),
    "hypercalcaemia_then_died": (HYPERCALCAEMIA_VIGNETTE, ("2025-01-01", "2025-09-30")),
    "conditioning": (CONDITIONING_VIGNETTE, ("2025-09-15", "2026-09-30")),
}


def _dates(h: PatientHistory) -> list[dt.date]:
    """Every date of a history: entry dates, plans, ends and the status date."""
    found: list[dt.date | None] = [h.patient.status_date]
    for kind in ENTRY_KINDS:
        for entry in h.entries(kind):
            found.append(entry_date(entry))
            found += [getattr(entry, name, None) for name in ("end_date", "procedure_date")]
            found += [getattr(entry, name, None) for name in ("planned_date", "until")]
    return [d for d in found if d is not None and d != dt.date.min]


def _window(name: str) -> tuple[dt.date, dt.date]:
    h, window = WORKED[name]
    if window is not None:
        return day(window[0]), day(window[1])
    dates = _dates(h)
    return add_days(min(dates), -20), add_days(max(dates), HORIZON_DAYS)


@cache
def _swept(name: str) -> SweepStats:
    first, last = _window(name)
    return sweep(WORKED[name][0], first, last, POLICY)


@pytest.mark.parametrize("name", list(WORKED))
def test_every_day_of_a_worked_history_is_a_valid_start(name: str) -> None:
    stats = _swept(name)
    assert stats.days > 0
    # valid_until is early only where an entry is revealed that changes no finding.
    assert stats.early_rule == 0


# Every rule whose finding depends on as_of, directly or through a derived fact.
TIME_DRIVEN = {
    "workup.staging",  # D42: closes 12 months after the diagnosis
    "imaging.baseline",  # D42
    "record.phase",  # D24: registration falls back to as_of before any entry
    "labs.monitoring",  # D24: counted from that registration
    "imaging.smm_followup",
    "bta.next_dose",
    "dental.before_bta",
    "renal.before_bisphosphonate",
    "renal.za_dose",
    "calcium.before_denosumab",
    "supplement.ca_vitd",
    "denosumab.bridge",
    "alert.onj_risk",
    "smm.risk",
    "mrd.end_of_induction",
    "mrd.day100",
}


def test_the_worked_histories_see_every_time_driven_rule_change_exactly() -> None:
    total = SweepStats()
    for name in WORKED:
        total.add(_swept(name))
    assert set(total.rule_exact) == TIME_DRIVEN
    assert total.early_rule == 0
    assert total.exact > total.early_reveal


# --- Exact dates -------------------------------------------------------------------------


def _finding(h: PatientHistory, on: dt.date, item_id: str) -> Finding:
    ctx = Context(h, on, POLICY)
    return next(f for rule, f in item_findings(ctx) if rule.id == item_id)


@pytest.mark.parametrize(
    ("h", "on", "item_id", "changes_on"),
    [
        pytest.param(ZA_COURSE, "2025-04-01", "bta.next_dose", "2025-05-25", id="ZA lapses"),
        pytest.param(
            ZA_COURSE,
            "2025-04-01",
            "renal.before_bisphosphonate",
            "2025-04-12",
            id="renal.before_bisphosphonate opens",
        ),
        pytest.param(ZA_COURSE, "2025-06-05", "alert.onj_risk", "2025-08-30", id="ONJ + 90 d"),
        pytest.param(
            ZA_COURSE, "2025-06-30", "supplement.ca_vitd", "2025-07-01", id="supplement ends"
        ),
        pytest.param(
            ZA_PLANNED, "2025-03-01", "renal.za_dose", "2025-03-23", id="ZA baseline window"
        ),
        pytest.param(
            ZA_PLANNED, "2025-03-01", "dental.before_bta", "2025-03-31", id="dental lookback"
        ),
        pytest.param(
            STOP_AND_RESTART, "2025-03-01", "renal.za_dose", "2025-03-28", id="restart baseline"
        ),
        pytest.param(
            DENOSUMAB_LAPSE,
            "2025-04-01",
            "calcium.before_denosumab",
            "2025-04-12",
            id="calcium.before_denosumab opens",
        ),
        pytest.param(
            DENOSUMAB_LAPSE, "2025-04-01", "bta.next_dose", "2025-05-25", id="denosumab lapses"
        ),
        pytest.param(
            DENOSUMAB_LAPSE,
            "2025-04-01",
            "denosumab.bridge",
            "2025-05-25",
            id="bridge on lapse (D37)",
        ),
        pytest.param(
            SMM_FIVE_YEARS, "2025-10-01", "imaging.smm_followup", "2026-02-11", id="SMM 5 years"
        ),
        pytest.param(
            SMM_NEVER_SCORED, "2025-06-01", "smm.risk", "2026-01-21", id="M-protein 12 months"
        ),
        pytest.param(
            SMM_NEVER_SCORED, "2026-01-21", "smm.risk", "2026-03-02", id="FLC ratio 12 months"
        ),
        pytest.param(
            history(*RECORDED_CR),
            "2025-06-01",
            "mrd.end_of_induction",
            "2025-08-30",
            id="end of induction: due + 90 d",
        ),
        pytest.param(
            history(*TRANSPLANT), "2025-09-01", "mrd.day100", "2026-01-28", id="day 100: day 180"
        ),
    ],
)
def test_changes_on_is_the_day_the_finding_changes(
    h: PatientHistory, on: str, item_id: str, changes_on: str
) -> None:
    found = _finding(h, day(on), item_id)
    assert found.changes_on == day(changes_on)
    before = _finding(h, add_days(day(changes_on), -1), item_id)
    after = _finding(h, day(changes_on), item_id)
    assert replace(before, changes_on=None) == replace(found, changes_on=None)
    assert replace(after, changes_on=None) != replace(found, changes_on=None)


@pytest.mark.parametrize(
    ("h", "on", "item_id"),
    [
        pytest.param(ZA_COURSE, "2025-06-01", "bta.next_dose", id="already lapsed"),
        pytest.param(ZA_COURSE, "2025-09-01", "alert.onj_risk", id="ONJ closed"),
        pytest.param(ZA_COURSE, "2025-08-01", "supplement.ca_vitd", id="open supplement"),
        pytest.param(ZA_COURSE, "2025-04-20", "renal.before_bisphosphonate", id="window open"),
        pytest.param(ZA_PLANNED, "2025-03-25", "renal.za_dose", id="baseline gone"),
        pytest.param(ZA_HOLD, "2025-03-01", "renal.za_dose", id="baseline before first dose"),
        pytest.param(SMM_FIVE_YEARS, "2026-03-01", "imaging.smm_followup", id="ended"),
        pytest.param(SMM_SCORED, "2025-06-01", "smm.risk", id="scored"),
        pytest.param(history(*TRANSPLANT), "2026-02-01", "mrd.day100", id="day 100 closed"),
        pytest.param(history(*INDUCTION_TO_CR), "2025-07-20", "mrd.end_of_induction", id="ASCT"),
        pytest.param(history(*MAINTENANCE), "2025-01-01", "mrd.annual", id="annual"),
    ],
)
def test_no_changes_on_where_time_alone_changes_nothing(
    h: PatientHistory, on: str, item_id: str
) -> None:
    assert _finding(h, day(on), item_id).changes_on is None


def test_valid_until_is_the_earliest_changes_on_and_reveal() -> None:
    # 2025-04-01: renal.before_bisphosphonate opens on 04-12, before any later entry (05-10).
    ctx = Context(ZA_COURSE, day("2025-04-01"), POLICY)
    findings = [f for _, f in item_findings(ctx)]
    assert ctx.next_known == day("2025-05-10")
    assert state_valid_until(ctx, findings) == day("2025-04-12")
    # 2025-05-01: the dental exam of 05-10 comes before the lapse (05-25).
    ctx = Context(ZA_COURSE, day("2025-05-01"), POLICY)
    assert state_valid_until(ctx, [f for _, f in item_findings(ctx)]) == day("2025-05-10")


def test_valid_until_is_none_once_nothing_can_change() -> None:
    """After the diagnosis-time items closed (D42, 12 months) nothing changes with time alone."""
    ctx = Context(DECLINED, day("2026-02-01"), POLICY)
    assert state_valid_until(ctx, [f for _, f in item_findings(ctx)]) is None


def test_a_closed_patient_changes_only_with_new_entries() -> None:
    h = HYPERCALCAEMIA_VIGNETTE  # deceased on 2025-06-01
    ctx = Context(h, day("2025-05-31"), POLICY)
    assert state_valid_until(ctx, [f for _, f in item_findings(ctx)]) == day("2025-06-01")
    ctx = Context(h, day("2025-06-01"), POLICY)
    findings = [f for _, f in item_findings(ctx)]
    assert {f.message.id for f in findings} == {"patient.closed"}
    assert state_valid_until(ctx, findings) is None


def test_evaluate_items_resolves_the_item_findings() -> None:
    ctx = Context(ZA_COURSE, day("2025-04-20"), POLICY)
    items = evaluate_items(ctx)
    assert [i.id for i in items] == [rule.id for rule, _ in item_findings(ctx)]
    assert [i.message for i in items] == [f.message for _, f in item_findings(ctx)]


# --- next_known_date ---------------------------------------------------------------------


def _supplement(start: str, end: str | None) -> Supplement:
    return Supplement(id="sup-1", start_date=day(start), end_date=day(end) if end else None)


def _line(start: str, end: str | None) -> TreatmentLine:
    return treatment(start, end)


@pytest.mark.parametrize(
    ("h", "on", "expected"),
    [
        pytest.param(history(), "2025-01-01", None, id="nothing recorded"),
        pytest.param(
            history(phase("2025-03-01", Phase.NDMM)), "2025-01-01", "2025-03-01", id="an entry"
        ),
        pytest.param(
            history(phase("2025-03-01", Phase.NDMM)), "2025-03-01", None, id="entry on as_of"
        ),
        pytest.param(
            history(_supplement("2025-01-01", "2025-06-30")),
            "2025-03-01",
            "2025-06-30",
            id="supplement end",
        ),
        pytest.param(
            history(_supplement("2025-04-01", None)), "2025-03-01", "2025-04-01", id="supplement"
        ),
        pytest.param(
            history(_line("2025-01-06", "2025-05-02")), "2025-03-01", "2025-05-02", id="line end"
        ),
        pytest.param(
            history(transplant(planned="2025-06-30", performed="2025-07-02")),
            "2025-03-01",
            "2025-07-02",
            id="transplant performed",
        ),
        pytest.param(
            history(transplant(planned="2025-06-30")), "2025-03-01", None, id="transplant planned"
        ),
        pytest.param(
            history(status=PatientStatus.DECEASED, status_date=day("2025-06-01")),
            "2025-03-01",
            "2025-06-01",
            id="status date",
        ),
        pytest.param(
            history(snooze("workup.staging", "2025-04-01", "2025-05-01")),
            "2025-03-01",
            "2025-04-01",
            id="acknowledgement",
        ),
        pytest.param(
            history(snooze("workup.staging", "2025-02-01", "2025-05-01")),
            "2025-03-01",
            None,
            id="acknowledged before: its until is no reveal",
        ),
        pytest.param(
            bb.history(bb.dental_exam("2025-02-01", PLANNED, "2025-04-01")),
            "2025-03-01",
            None,
            id="a procedure date is a plan",
        ),
    ],
)
def test_next_known_date(h: PatientHistory, on: str, expected: str | None) -> None:
    assert next_known_date(h, day(on)) == (day(expected) if expected else None)


def test_a_transplant_performed_without_a_plan_is_revealed_on_its_date() -> None:
    h = history(Transplant(id="asct-1", performed_date=day("2025-07-02")))
    assert as_known_on(h, day("2025-07-01")).transplants == ()
    assert next_known_date(h, day("2025-07-01")) == day("2025-07-02")
