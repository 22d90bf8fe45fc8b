"""Issue 7, class 8 (bone-therapy episodes) and the class-10 parts D37, D38 and D43.

Each test is a worked history from the first clinical review, written from the
decision (clinical-rules.md §10b D32, D33, D37, D38, D43 and the §11 rows they
changed) under the shipped policy: bta.start_days 30, intervals 28 d,
bta.lapse_days 28, bta.hold_days 90, denosumab.bridge_months 6,
dental.interval_months 6, dental.treatment_followup_months 2, onj.lookback_months 24,
lead_days 14. Dates were counted by hand (D18).
"""

from __future__ import annotations

from bone_builders import (
    DMAB,
    day,
    declined,
    dental_exam,
    dose,
    history,
    hold,
    item,
    phase,
    schedule,
    statuses,
    stop,
    supplement,
    treatment_line,
)
from builders import imaging

from mmtracker.logic.care import Severity, Status
from mmtracker.logic.codes import (
    DentalOutcome,
    ImagingModality,
    InvasiveProcedure,
    Phase,
    TreatmentIntent,
)

# --- Class 8: bone-therapy episodes ----------------------------------------------------------


def test_class_8_za_given_and_stopped_in_smm_does_not_block_bta_start_at_ndmm() -> None:
    # D32: ZA for osteoporosis in SMM, stopped 2024-06-01, before the NDMM episode of
    # 2025-03-03: bta.start applies, due 2025-03-03 + 30 d = 2025-04-02.
    record = history(
        phase("2024-01-10", Phase.SMM),
        dose("2024-02-01"),
        dose("2024-03-01"),
        stop("2024-06-01"),
        phase("2025-03-03", Phase.NDMM),
        treatment_line("2025-03-05"),
    )
    assert statuses(
        "bta.start", record, "2025-03-18", "2025-03-19", "2025-04-02", "2025-04-03"
    ) == {
        "2025-03-18": "ok",
        "2025-03-19": "due_soon",
        "2025-04-02": "due_soon",
        "2025-04-03": "overdue",
    }
    assert str(item("bta.start", record, "2025-04-03").due) == "2025-04-02"
    # dental.before_bta follows bta.start (§11: "or bta.start applies").
    assert item("dental.before_bta", record, "2025-04-03").status is Status.OVERDUE


def test_class_8_a_decline_at_diagnosis_does_not_block_bta_start_at_relapse() -> None:
    # D32: declined 2024-01-20 in the NDMM episode; relapse 2026-05-04 with new lytic
    # lesions opens a new episode: bta.start due 2026-06-03, its rationale cites the decline.
    record = history(
        phase("2024-01-10", Phase.NDMM),
        treatment_line("2024-01-12"),
        imaging("2024-01-15", ImagingModality.WBLDCT, lytic_lesions=2),
        declined("2024-01-20"),
        imaging("2026-04-28", ImagingModality.WBLDCT, lytic_lesions=6),
        phase("2026-05-04", Phase.RELAPSE),
        treatment_line("2026-05-06", TreatmentIntent.SALVAGE, 2),
    )
    assert item("bta.start", record, "2026-05-03").status is Status.NOT_APPLICABLE
    found = item("bta.start", record, "2026-06-04")
    assert (found.status, str(found.due), found.days_overdue) == (
        Status.OVERDUE,
        "2026-06-03",
        1,
    )
    assert found.message.id == "bta.start.declined_before"
    assert found.message.as_dict()["previous"] == day("2024-01-20")


def test_class_8_a_stop_dated_the_day_of_the_last_dose_ends_the_course() -> None:
    # D33: a stop dated on or after the last dose ends the course: nothing stays due.
    record = history(
        phase("2026-01-05"), dose("2026-02-02"), dose("2026-03-02"), stop("2026-03-02")
    )
    for item_id in ("bta.next_dose", "bta.review", "supplement.ca_vitd", "vitd.level"):
        found = item(item_id, record, "2026-09-01")
        assert (found.status, found.message.id) == (Status.NOT_APPLICABLE, "bta.stopped"), item_id


def test_class_8_a_hold_for_an_extraction_keeps_onj_and_dental_items_raises_bta_resume() -> None:
    # D33: ZA every 28 d, last dose 2026-03-02; extraction planned for 2026-04-10; held
    # 2026-03-20 until 2026-07-10. The next dose (due 2026-03-30) is suspended; bta.resume is
    # due 2026-07-10; the ONJ alert and dental follow-up go on.
    record = history(
        phase("2026-01-05"),
        dental_exam("2026-01-20"),
        dose("2026-02-02"),
        dose("2026-03-02"),
        dental_exam("2026-03-15", InvasiveProcedure.PLANNED, "2026-04-10"),
        hold("2026-03-20", "2026-07-10"),
    )
    on = "2026-04-15"
    onj = item("alert.onj_risk", record, on)
    assert (onj.status, onj.severity) == (Status.ALERT, Severity.INFO)
    assert item("dental.periodic", record, on).status is Status.OK  # 2026-03-15 + 6 mo
    resume = item("bta.resume", record, on)
    assert (resume.status, str(resume.due)) == (Status.OK, "2026-07-10")
    assert item("bta.next_dose", record, on).status is Status.NOT_APPLICABLE
    assert item("bta.resume", record, "2026-07-11").status is Status.OVERDUE


# --- Class 10: timing and fatigue (D37, D38, D43) -------------------------------------------


def test_class_10_d37_denosumab_every_26_weeks_bridge_not_first_shown_184_days_overdue() -> None:
    # Denosumab every 182 d; last dose 2026-01-05, next due 2026-07-06, lapsed from
    # 2026-07-06 + 29 d = 2026-08-04. Bridge due the later of 2026-01-05 + 6 mo
    # (2026-07-05) and the lapse date: 2026-08-04, first shown that day as due, not overdue.
    record = history(
        phase("2025-06-02"),
        schedule("2025-06-20", DMAB, 182),
        dose("2025-07-07", DMAB, 120),
        dose("2026-01-05", DMAB, 120),
    )
    assert item("denosumab.bridge", record, "2026-08-03").status is Status.NOT_APPLICABLE
    first = item("denosumab.bridge", record, "2026-08-04")
    assert (first.status, str(first.due), first.days_overdue) == (
        Status.DUE_SOON,
        "2026-08-04",
        None,
    )
    assert item("denosumab.bridge", record, "2026-08-05").days_overdue == 1


def test_class_10_d38_a_dental_exam_finding_treatment_needed_does_not_clear_bone_therapy() -> None:
    # D38: the only exam before the first dose found treatment needed, so the check before
    # bone therapy stays overdue from the first dose; on BTA that exam makes the next one due
    # 2 months later (2026-01-20 + 2 mo = 2026-03-20).
    record = history(
        phase("2026-01-05"),
        dental_exam("2026-01-20", outcome=DentalOutcome.TREATMENT_NEEDED),
        dose("2026-02-02"),
    )
    before = item("dental.before_bta", record, "2026-02-03")
    assert (before.status, str(before.due)) == (Status.OVERDUE, "2026-02-02")
    periodic = item("dental.periodic", record, "2026-02-03")
    assert (periodic.status, str(periodic.due)) == (Status.OK, "2026-03-20")


def test_class_10_d43_a_stopped_supplement_counts_overdue_from_the_day_after_it_ended() -> None:
    # D43: first dose 2025-02-03; supplement ended 2025-09-30, due 2025-10-01; on 2025-10-11
    # 10 days overdue (not 250 days from the first dose).
    record = history(
        phase("2025-01-06"),
        dose("2025-02-03"),
        supplement("2025-02-03", "2025-09-30"),
    )
    found = item("supplement.ca_vitd", record, "2025-10-11")
    assert (found.status, str(found.due), found.days_overdue) == (Status.OVERDUE, "2025-10-01", 10)
