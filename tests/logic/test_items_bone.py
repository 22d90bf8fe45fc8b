"""BTA state and the items bta.start, bta.next_dose, bta.review, denosumab.bridge, bta.resume
(clinical-rules.md §11, §5, D10, D18, D32, D33, D37).

Expected values are worked out from clinical-rules.md and the shipped policy:
intervals 28 d, bta.start_days 30, bta.review_months 12, lead_days 14,
snooze.max_days 90, denosumab.bridge_months 6, bta.lapse_days 28, bta.hold_days 90.
Dates were counted by hand ("+ N d" adds days, "+ N mo" clamps to the month end, D18).
"""

from __future__ import annotations

import pytest
from bone_builders import (
    DMAB,
    PAM,
    RULES,
    ZA,
    ack,
    creatinine,
    day,
    declined,
    dose,
    history,
    hold,
    item,
    phase,
    policy,
    review,
    schedule,
    state,
    statuses,
    stop,
    treatment_line,
    weight,
)

from mmtracker.logic.care import Status
from mmtracker.logic.codes import (
    BoneAgent,
    BoneTherapyEventKind,
    Phase,
    ReviewDecision,
    TreatmentIntent,
)
from mmtracker.logic.history import Entry

NDMM = phase("2026-01-05")


def test_the_rule_modules_implement_exactly_the_bone_dental_and_supplement_rows_of_11() -> None:
    assert set(RULES) == {
        "bta.start",
        "bta.next_dose",
        "bta.review",
        "dental.before_bta",
        "dental.periodic",
        "renal.before_bisphosphonate",
        "renal.za_dose",
        "calcium.before_denosumab",
        "alert.hypocalcaemia",
        "supplement.ca_vitd",
        "vitd.level",
        "denosumab.bridge",
        "alert.onj_risk",
        "bta.resume",
    } | ({"renal.pamidronate"} & set(RULES))


# --- §11 BTA state ---------------------------------------------------------------------


def test_bta_state_on_from_the_first_dose_and_a_missed_dose_does_not_end_it() -> None:
    record = history(NDMM, dose("2026-02-02"))
    assert not state(record, "2026-02-01").on_bta
    assert state(record, "2026-02-02").on_bta
    assert state(record, "2027-02-02").on_bta


def test_bta_state_a_stop_after_the_last_dose_ends_it() -> None:
    record = history(NDMM, dose("2026-02-02"), dose("2026-03-02"), stop("2026-03-20"))
    assert state(record, "2026-03-19").on_bta
    found = state(record, "2026-03-20")
    assert not found.on_bta
    assert found.stop is not None
    assert str(found.stop.date) == "2026-03-20"


def test_bta_state_d33_a_stop_on_the_day_of_the_last_dose_ends_the_course() -> None:
    record = history(NDMM, dose("2026-02-02"), stop("2026-02-02"))
    found = state(record, "2026-02-10")
    assert not found.on_bta
    assert found.stop is not None


def test_bta_state_d33_a_stop_before_the_last_dose_does_not_end_the_course() -> None:
    record = history(NDMM, dose("2026-02-02"), stop("2026-02-01"), dose("2026-03-02"))
    found = state(record, "2026-03-10")
    assert found.on_bta
    assert found.first_dose is not None
    assert str(found.first_dose.date) == "2026-02-02"


def test_bta_state_d33_a_dose_after_a_same_day_stop_starts_a_new_course() -> None:
    record = history(
        NDMM,
        dose("2026-02-02"),
        stop("2026-02-02"),
        phase("2026-09-01", Phase.RELAPSE),
        dose("2026-09-20"),
    )
    found = state(record, "2026-09-25")
    assert found.on_bta
    assert found.first_dose is not None
    assert str(found.first_dose.date) == "2026-09-20"


def test_bta_state_a_dose_after_a_stop_starts_a_new_course() -> None:
    record = history(
        NDMM,
        dose("2026-02-02"),
        dose("2026-03-02"),
        stop("2027-03-01"),
        phase("2028-05-10", Phase.RELAPSE),
        dose("2028-06-01", DMAB),
    )
    found = state(record, "2028-06-10")
    assert found.on_bta
    assert found.first_dose is not None
    assert str(found.first_dose.date) == "2028-06-01"
    assert found.agent is DMAB


def test_bta_state_agent_is_that_of_the_latest_dose() -> None:
    record = history(NDMM, dose("2026-02-02", ZA), dose("2026-03-02", DMAB, 120))
    assert state(record, "2026-03-10").agent is DMAB


@pytest.mark.parametrize(
    ("agent", "as_of", "lapsed"),
    [
        pytest.param(ZA, "2026-03-30", False, id="D37 lapsed: next due + 28 d is not more"),
        pytest.param(ZA, "2026-03-31", True, id="D37 lapsed: next due + 29 d"),
        pytest.param(DMAB, "2026-03-30", False, id="D37 lapsed: denosumab + 28 d"),
        pytest.param(DMAB, "2026-03-31", True, id="D37 lapsed: denosumab + 29 d"),
    ],
)
def test_bta_state_d37_lapsed_when_the_next_dose_is_more_than_28_days_overdue(
    agent: BoneAgent, as_of: str, lapsed: bool
) -> None:
    # Dose 2026-02-02, next due 2026-03-02; + 28 d = 2026-03-30, + 29 d = 2026-03-31.
    record = history(NDMM, dose("2026-02-02", agent))
    assert state(record, as_of).lapsed is lapsed


@pytest.mark.parametrize(
    ("as_of", "lapsed"),
    [
        pytest.param("2027-05-24", False, id="D37: 84-d schedule, next due + 28 d"),
        pytest.param("2027-05-25", True, id="D37: 84-d schedule, next due + 29 d"),
    ],
)
def test_bta_state_d37_lapse_counts_from_the_next_due_date_whatever_the_schedule(
    as_of: str, lapsed: bool
) -> None:
    # Every 84 d from 2027-02-01: next due 2027-04-26; lapsed from 2027-04-26 + 29 d.
    record = history(NDMM, dose("2027-01-04"), schedule("2027-01-20", ZA, 84), dose("2027-02-01"))
    found = state(record, as_of)
    assert (found.lapsed, str(found.lapses_on)) == (lapsed, "2027-05-25")


def test_bta_state_a_schedule_entry_sets_the_interval_for_that_agent_only() -> None:
    record = history(NDMM, dose("2027-01-04"), schedule("2027-01-20", ZA, 84), dose("2027-02-01"))
    found = state(record, "2027-02-10")
    assert found.interval_days == 84
    assert str(found.next_due) == "2027-04-26"  # 2027-02-01 + 84 d
    other = history(NDMM, dose("2027-01-04"), schedule("2027-01-20", DMAB, 84))
    assert state(other, "2027-01-25").interval_days == 28


def test_bta_state_off_bta_with_a_decline_entry() -> None:
    record = history(NDMM, declined("2026-01-10"))
    found = state(record, "2026-01-20")
    assert not found.on_bta
    assert found.declined is not None


# --- §11 bta.start ---------------------------------------------------------------------


def test_bta_start_vignette_newly_diagnosed_due_ndmm_plus_30_days() -> None:
    # NDMM 2026-01-05 → due 2026-02-04; due_soon from 2026-01-21 (due − 14 d).
    record = history(NDMM)
    assert statuses(
        "bta.start", record, "2026-01-20", "2026-01-21", "2026-02-04", "2026-02-05"
    ) == {
        "2026-01-20": "ok",
        "2026-01-21": "due_soon",
        "2026-02-04": "due_soon",
        "2026-02-05": "overdue",
    }
    found = item("bta.start", record, "2026-02-10")
    assert str(found.due) == "2026-02-04"
    assert found.days_overdue == 6
    assert found.message.id == "bta.start.due"


def test_bta_start_satisfied_by_the_first_dose() -> None:
    record = history(NDMM, dose("2026-02-10"))
    found = item("bta.start", record, "2026-02-10")
    assert found.status is Status.NOT_APPLICABLE
    assert found.last is not None
    assert str(found.last.date) == "2026-02-10"


@pytest.mark.parametrize(
    "entries",
    [
        pytest.param(
            [phase("2026-01-05", Phase.SMM)], id="§11 bta.start: SMM is not active MM (5 Who)"
        ),
        pytest.param([], id="§11 bta.start: no phase recorded"),
        pytest.param([NDMM, declined("2026-01-10")], id="§11 bta.start: declined entry"),
        pytest.param(
            [NDMM, declined("2026-01-10", BoneTherapyEventKind.CONTRAINDICATED)],
            id="§11 bta.start: contraindicated entry",
        ),
        pytest.param(
            [NDMM, dose("2026-02-02"), stop("2027-03-01")],
            id="§11 bta.start: stopped and no relapse since",
        ),
    ],
)
def test_bta_start_not_applicable(entries: list[Entry]) -> None:
    record = history(*entries)
    assert item("bta.start", record, "2027-06-01").status is Status.NOT_APPLICABLE


def test_bta_start_restart_at_relapse_due_relapse_plus_30_days() -> None:
    # 5 ZA duration: restart at relapse. Relapse 2028-05-10 → due 2028-06-09.
    record = history(
        NDMM,
        dose("2026-02-02"),
        stop("2027-03-01"),
        phase("2028-05-10", Phase.RELAPSE),
        dose("2028-06-20"),
    )
    assert statuses(
        "bta.start", record, "2028-05-11", "2028-05-26", "2028-06-09", "2028-06-10"
    ) == {
        "2028-05-11": "ok",
        "2028-05-26": "due_soon",
        "2028-06-09": "due_soon",
        "2028-06-10": "overdue",
    }
    assert item("bta.start", record, "2028-05-11").message.id == "bta.start.restart"
    assert item("bta.start", record, "2028-06-20").status is Status.NOT_APPLICABLE


def test_bta_start_stopped_on_the_relapse_date_is_not_stopped_before_it() -> None:
    record = history(
        NDMM, dose("2026-02-02"), stop("2028-05-10"), phase("2028-05-10", Phase.RELAPSE)
    )
    assert item("bta.start", record, "2028-05-20").status is Status.NOT_APPLICABLE


def test_bta_start_snoozed_until_the_acknowledged_date_then_overdue() -> None:
    record = history(NDMM, ack("bta.start", "2026-02-06", "2026-02-20"))
    assert statuses("bta.start", record, "2026-02-20", "2026-02-21") == {
        "2026-02-20": "snoozed",
        "2026-02-21": "overdue",
    }


# --- §11 bta.next_dose -----------------------------------------------------------------


def test_bta_next_dose_vignette_last_dose_plus_28_days() -> None:
    # Dose 2026-02-02 → due 2026-03-02; due_soon from 2026-02-16.
    record = history(NDMM, dose("2026-02-02"))
    assert statuses(
        "bta.next_dose", record, "2026-02-15", "2026-02-16", "2026-03-02", "2026-03-03"
    ) == {
        "2026-02-15": "ok",
        "2026-02-16": "due_soon",
        "2026-03-02": "due_soon",
        "2026-03-03": "overdue",
    }
    found = item("bta.next_dose", record, "2026-03-03")
    assert found.days_overdue == 1
    assert found.message.as_dict() == {
        "agent": "zoledronic_acid",
        "last": day("2026-02-02"),
        "interval": 28,
    }


def test_bta_next_dose_d37_lapsed_rationale_from_next_due_plus_29_days() -> None:
    record = history(NDMM, dose("2026-02-02"))
    assert item("bta.next_dose", record, "2026-03-30").message.id == "bta.next_dose.due"
    lapsed = item("bta.next_dose", record, "2026-03-31")
    assert lapsed.message.id == "bta.next_dose.lapsed"
    assert lapsed.message.as_dict() == {
        "agent": "zoledronic_acid",
        "last": day("2026-02-02"),
        "interval": 28,
        "days": 28,
    }
    assert lapsed.status is Status.OVERDUE
    assert lapsed.days_overdue == 29  # due 2026-03-02


def test_bta_next_dose_d37_lapse_days_from_the_policy() -> None:
    record = history(NDMM, dose("2026-02-02"))
    used = policy({"bta.lapse_days": 14})  # lapsed from 2026-03-02 + 15 d = 2026-03-17
    assert item("bta.next_dose", record, "2026-03-16", used).message.id == "bta.next_dose.due"
    assert item("bta.next_dose", record, "2026-03-17", used).message.id == "bta.next_dose.lapsed"


def test_bta_next_dose_after_de_escalation_uses_the_schedule_interval() -> None:
    record = history(NDMM, dose("2027-01-04"), schedule("2027-01-20", ZA, 84), dose("2027-02-01"))
    found = item("bta.next_dose", record, "2027-04-12")
    assert str(found.due) == "2027-04-26"
    assert found.status is Status.DUE_SOON  # 2027-04-26 − 14 d = 2027-04-12
    assert item("bta.next_dose", record, "2027-04-11").status is Status.OK


def test_bta_next_dose_a_new_course_returns_to_the_policy_interval() -> None:
    record = history(
        NDMM,
        dose("2027-01-04"),
        schedule("2027-01-20", ZA, 84),
        stop("2027-03-01"),
        phase("2028-05-10", Phase.RELAPSE),
        dose("2028-06-01"),
    )
    assert str(item("bta.next_dose", record, "2028-06-05").due) == "2028-06-29"  # + 28 d


@pytest.mark.parametrize(
    ("entries", "message_id"),
    [
        pytest.param([NDMM], "bta.off", id="§11 bta.next_dose: never started"),
        pytest.param(
            [NDMM, dose("2026-02-02"), stop("2026-02-20")],
            "bta.stopped",
            id="§11 bta.next_dose: closes at a stop entry",
        ),
    ],
)
def test_bta_next_dose_not_applicable_off_bta(entries: list[Entry], message_id: str) -> None:
    found = item("bta.next_dose", history(*entries), "2026-03-10")
    assert found.status is Status.NOT_APPLICABLE
    assert found.message.id == message_id


def test_bta_next_dose_snooze_ends_the_day_after_until() -> None:
    record = history(NDMM, dose("2026-02-02"), ack("bta.next_dose", "2026-03-05", "2026-03-20"))
    assert statuses(
        "bta.next_dose", record, "2026-03-04", "2026-03-05", "2026-03-20", "2026-03-21"
    ) == {
        "2026-03-04": "overdue",
        "2026-03-05": "snoozed",
        "2026-03-20": "snoozed",
        "2026-03-21": "overdue",
    }


def test_bta_review_snooze_capped_at_acknowledgement_plus_90_days() -> None:
    # Acknowledged 2026-03-05 until 2026-12-31: capped at 2026-03-05 + 90 d = 2026-06-03.
    record = history(NDMM, dose("2026-02-02"), ack("bta.review", "2026-03-05", "2026-12-31"))
    snoozed = item("bta.review", record, "2026-06-03")
    assert snoozed.status is Status.SNOOZED
    assert str(snoozed.snoozed_until) == "2026-06-03"
    assert snoozed.status_beneath_snooze is Status.OK
    assert item("bta.review", record, "2026-06-04").status is Status.OK


def test_bta_next_dose_d40_d37_the_lapse_ends_a_snooze_of_the_overdue_dose() -> None:
    """D40: the finding acknowledged (dose overdue) changes once lapsed (due 03-02 + 29 d, D37)."""
    record = history(NDMM, dose("2026-02-02"), ack("bta.next_dose", "2026-03-05", "2026-12-31"))
    assert item("bta.next_dose", record, "2026-03-30").status is Status.SNOOZED
    assert item("bta.next_dose", record, "2026-03-31").status is Status.OVERDUE
    assert item("bta.next_dose", record, "2026-06-04").status is Status.OVERDUE


# --- §11 bta.review --------------------------------------------------------------------


def test_bta_review_vignette_first_dose_plus_12_months_then_last_review_plus_12_months() -> None:
    record = history(NDMM, dose("2026-02-02"), review("2027-01-25"))
    assert statuses(
        "bta.review", record, "2026-06-01", "2027-01-18", "2027-01-19", "2027-01-24"
    ) == {
        "2026-06-01": "ok",
        "2027-01-18": "ok",
        "2027-01-19": "due_soon",  # 2027-02-02 − 14 d
        "2027-01-24": "due_soon",
    }
    reviewed = item("bta.review", record, "2027-01-25")
    assert reviewed.status is Status.OK
    assert str(reviewed.due) == "2028-01-25"
    assert item("bta.review", record, "2028-01-26").status is Status.OVERDUE


def test_bta_review_overdue_the_day_after_due() -> None:
    record = history(NDMM, dose("2026-02-02"))
    assert statuses("bta.review", record, "2027-02-02", "2027-02-03") == {
        "2027-02-02": "due_soon",
        "2027-02-03": "overdue",
    }


def test_bta_review_d18_leap_day_first_dose_plus_12_months_is_28_february() -> None:
    record = history(NDMM, dose("2028-02-29", DMAB, 120))
    assert str(item("bta.review", record, "2028-03-01").due) == "2029-02-28"


@pytest.mark.parametrize(
    "entries",
    [
        pytest.param([NDMM, dose("2026-02-02", PAM, 90)], id="§11 bta.review: pamidronate"),
        pytest.param([NDMM], id="§11 bta.review: off BTA"),
        pytest.param(
            [NDMM, dose("2026-02-02"), review("2027-01-25", ReviewDecision.STOP)],
            id="§11 bta.review: a review deciding stop closes it",
        ),
        pytest.param(
            [NDMM, dose("2026-02-02"), stop("2027-01-25")], id="§11 bta.review: stop entry"
        ),
    ],
)
def test_bta_review_not_applicable(entries: list[Entry]) -> None:
    record = history(*entries)
    assert item("bta.review", record, "2027-02-10").status is Status.NOT_APPLICABLE


def test_bta_review_snoozed() -> None:
    record = history(NDMM, dose("2026-02-02"), ack("bta.review", "2027-02-05", "2027-03-01"))
    assert statuses("bta.review", record, "2027-03-01", "2027-03-02") == {
        "2027-03-01": "snoozed",
        "2027-03-02": "overdue",
    }


# --- §11 denosumab.bridge (D10) --------------------------------------------------------

DENOSUMAB_COURSE = (
    NDMM,
    dose("2026-02-02", DMAB, 120),
    dose("2026-03-02", DMAB, 120),
    dose("2026-03-30", DMAB, 120),
)


def test_denosumab_bridge_d10_stopped_due_last_dose_plus_6_months() -> None:
    # Last denosumab 2026-03-30 → due 2026-09-30; due_soon from 2026-09-16.
    record = history(*DENOSUMAB_COURSE, stop("2026-04-15"))
    assert statuses(
        "denosumab.bridge",
        record,
        "2026-04-15",
        "2026-09-15",
        "2026-09-16",
        "2026-09-30",
        "2026-10-01",
    ) == {
        "2026-04-15": "ok",
        "2026-09-15": "ok",
        "2026-09-16": "due_soon",
        "2026-09-30": "due_soon",
        "2026-10-01": "overdue",
    }
    assert item("denosumab.bridge", record, "2026-10-01").message.id == "denosumab.bridge.stopped"


def test_denosumab_bridge_d10_satisfied_by_a_bisphosphonate_after_the_last_denosumab() -> None:
    record = history(*DENOSUMAB_COURSE, stop("2026-04-15"), dose("2026-09-01", ZA))
    found = item("denosumab.bridge", record, "2026-10-01")
    assert found.status is Status.OK
    assert found.last is not None
    assert str(found.last.date) == "2026-09-01"


def test_denosumab_bridge_d37_lapsed_more_than_28_days_after_the_next_due_date() -> None:
    # No stop entry; last dose 2026-03-30, next due 2026-04-27, lapsed from + 29 d = 2026-05-26;
    # due the later of 2026-03-30 + 6 mo = 2026-09-30 and 2026-05-26.
    record = history(*DENOSUMAB_COURSE)
    assert statuses("denosumab.bridge", record, "2026-05-25", "2026-05-26", "2026-10-01") == {
        "2026-05-25": "not_applicable",
        "2026-05-26": "ok",
        "2026-10-01": "overdue",
    }
    found = item("denosumab.bridge", record, "2026-05-26")
    assert (found.message.id, str(found.due)) == ("denosumab.bridge.lapsed", "2026-09-30")
    assert found.message.as_dict()["since"] == day("2026-05-26")


def test_denosumab_bridge_d37_de_escalated_denosumab_lapses_28_days_after_its_next_due_date() -> (
    None
):
    # Every 84 d from 2026-02-02: next due 2026-04-27, lapsed from 2026-05-26.
    record = history(NDMM, schedule("2026-01-20", DMAB, 84), dose("2026-02-02", DMAB, 120))
    assert statuses("denosumab.bridge", record, "2026-05-13", "2026-05-25", "2026-05-26") == {
        "2026-05-13": "not_applicable",
        "2026-05-25": "not_applicable",
        "2026-05-26": "ok",
    }
    assert str(item("denosumab.bridge", record, "2026-05-26").due) == "2026-08-02"  # + 6 mo


@pytest.mark.parametrize(
    ("as_of", "expected"),
    [
        pytest.param("2026-09-29", "due_soon", id="D10: last dose + 6 mo - 1 d"),
        pytest.param("2026-09-30", "due_soon", id="D10: last dose + 6 mo"),
        pytest.param("2026-10-01", "overdue", id="D10: last dose + 6 mo + 1 d"),
    ],
)
def test_denosumab_bridge_d10_six_month_boundary(as_of: str, expected: str) -> None:
    record = history(*DENOSUMAB_COURSE, stop("2026-04-15"))
    assert item("denosumab.bridge", record, as_of).status.value == expected


def test_denosumab_bridge_d33_a_stop_on_the_day_of_the_last_dose_opens_it() -> None:
    record = history(*DENOSUMAB_COURSE, stop("2026-03-30"))
    found = item("denosumab.bridge", record, "2026-04-01")
    assert (found.status, str(found.due)) == (Status.OK, "2026-09-30")
    assert found.message.id == "denosumab.bridge.stopped"


def test_denosumab_bridge_d37_stopped_after_a_lapse_keeps_the_lapse_date() -> None:
    # Every 182 d: last 2026-01-05, next due 2026-07-06, lapsed 2026-08-04; stopped 2026-09-01.
    record = history(
        NDMM,
        schedule("2025-12-20", DMAB, 182),
        dose("2026-01-05", DMAB, 120),
        stop("2026-09-01"),
    )
    assert str(item("denosumab.bridge", record, "2026-09-01").due) == "2026-08-04"


def test_denosumab_bridge_d33_a_hold_never_resumed_opens_it_from_resume_plus_29_days() -> None:
    # Held 2026-04-10 without a resume date: resume 2026-04-10 + 90 d = 2026-07-09, lapsed
    # from 2026-07-09 + 29 d = 2026-08-07 (not from the next due date 2026-04-27 + 29 d).
    record = history(*DENOSUMAB_COURSE, hold("2026-04-10"))
    assert statuses("denosumab.bridge", record, "2026-05-26", "2026-08-06", "2026-08-07") == {
        "2026-05-26": "not_applicable",
        "2026-08-06": "not_applicable",
        "2026-08-07": "ok",
    }
    assert str(item("denosumab.bridge", record, "2026-08-07").due) == "2026-09-30"


@pytest.mark.parametrize(
    "entries",
    [
        pytest.param([NDMM, dose("2026-02-02")], id="D10: never on denosumab"),
        pytest.param(list(DENOSUMAB_COURSE), id="D10: on denosumab, not lapsed"),
    ],
)
def test_denosumab_bridge_not_applicable(entries: list[Entry]) -> None:
    record = history(*entries)
    assert item("denosumab.bridge", record, "2026-04-20").status is Status.NOT_APPLICABLE


def test_denosumab_bridge_snoozed() -> None:
    record = history(
        *DENOSUMAB_COURSE, stop("2026-04-15"), ack("denosumab.bridge", "2026-10-02", "2026-10-31")
    )
    assert statuses("denosumab.bridge", record, "2026-10-31", "2026-11-01") == {
        "2026-10-31": "snoozed",
        "2026-11-01": "overdue",
    }


# --- D32 bta.start in episodes ---------------------------------------------------------------


def test_bta_start_d32_due_from_the_episode_start_not_the_phase_date() -> None:
    # D22: induction line 2026-01-02, NDMM entered 2026-01-20: one episode from 2026-01-02,
    # so bta.start is due 2026-02-01.
    record = history(treatment_line("2026-01-02"), phase("2026-01-20"))
    assert str(item("bta.start", record, "2026-01-25").due) == "2026-02-01"


def test_bta_start_d32_a_salvage_line_without_a_relapse_phase_opens_an_episode() -> None:
    record = history(
        NDMM,
        dose("2026-02-02"),
        stop("2027-01-10"),
        phase("2027-02-01", Phase.MAINTENANCE),
        treatment_line("2028-03-01", TreatmentIntent.SALVAGE, 2),
    )
    found = item("bta.start", record, "2028-03-05")
    assert (found.status, str(found.due)) == (Status.OK, "2028-03-31")
    assert found.message.id == "bta.start.restart"


def test_bta_start_d32_a_decline_covers_its_own_episode() -> None:
    record = history(
        NDMM, declined("2026-01-10"), phase("2027-06-01", Phase.RELAPSE), declined("2027-06-05")
    )
    found = item("bta.start", record, "2027-06-10")
    assert (found.status, found.message.id) == (Status.NOT_APPLICABLE, "bta.start.declined")


def test_bta_start_d32_a_decline_before_the_episode_start_does_not_cover_it() -> None:
    # Declined in SMM, before NDMM: bta.start applies at NDMM and cites the decline.
    record = history(phase("2025-06-01", Phase.SMM), declined("2025-07-01"), NDMM)
    found = item("bta.start", record, "2026-01-10")
    assert (found.status, str(found.due)) == (Status.OK, "2026-02-04")
    assert found.message.id == "bta.start.declined_before"
    assert found.message.as_dict()["previous"] == day("2025-07-01")


@pytest.mark.parametrize(
    ("lifted_by", "expected"),
    [
        pytest.param(None, Status.NOT_APPLICABLE, id="D32: contraindicated stands across episodes"),
        pytest.param("schedule", Status.OVERDUE, id="D32: lifted by a later schedule entry"),
    ],
)
def test_bta_start_d32_a_contraindication_lasts_until_a_later_schedule_or_dose(
    lifted_by: str | None, expected: Status
) -> None:
    entries: list[Entry] = [
        NDMM,
        declined("2026-01-10", BoneTherapyEventKind.CONTRAINDICATED),
        phase("2027-06-01", Phase.RELAPSE),
    ]
    if lifted_by == "schedule":
        entries.append(schedule("2027-06-10", DMAB, 28))
    assert item("bta.start", history(*entries), "2027-07-15").status is expected


def test_bta_start_d32_a_dose_after_a_contraindication_lifts_it() -> None:
    record = history(
        NDMM,
        declined("2026-01-10", BoneTherapyEventKind.CONTRAINDICATED),
        dose("2026-06-01", DMAB, 120),
        stop("2026-12-01"),
        phase("2027-06-01", Phase.RELAPSE),
    )
    found = item("bta.start", record, "2027-06-02")
    assert (found.status, found.message.id) == (Status.OK, "bta.start.restart")


def test_bta_start_d32_a_review_deciding_stop_counts_as_a_stop() -> None:
    record = history(
        NDMM,
        dose("2026-02-02"),
        review("2027-02-01", ReviewDecision.STOP),
        phase("2028-05-10", Phase.RELAPSE),
    )
    assert str(item("bta.start", record, "2028-05-11").due) == "2028-06-09"


def test_bta_start_d32_a_course_given_before_active_mm_does_not_count_even_unstopped() -> None:
    # Reading: ZA in SMM, never stopped (last dose 2025-10-01): not counted at NDMM, so
    # bta.start is due 2026-02-04 and a dose after the NDMM start satisfies it.
    entries = (phase("2025-06-01", Phase.SMM), dose("2025-09-01"), dose("2025-10-01"), NDMM)
    found = item("bta.start", history(*entries), "2026-02-05")
    assert (found.status, str(found.due)) == (Status.OVERDUE, "2026-02-04")
    assert found.message.id == "bta.start.before_active"
    treated = history(*entries, dose("2026-02-10"))
    assert item("bta.start", treated, "2026-02-10").status is Status.NOT_APPLICABLE


# --- D33 hold and bta.resume ------------------------------------------------------------------

HELD = (NDMM, dose("2026-02-02"), dose("2026-03-02"))


@pytest.mark.parametrize(
    ("as_of", "expected"),
    [
        pytest.param("2026-06-23", "ok", id="D33 bta.resume: resume date - 15 d"),
        pytest.param("2026-06-24", "due_soon", id="D33 bta.resume: resume date - 14 d"),
        pytest.param("2026-07-08", "due_soon", id="D33 bta.resume: on the resume date"),
        pytest.param("2026-07-09", "overdue", id="D33 bta.resume: resume date + 1 d"),
    ],
)
def test_bta_resume_d33_due_at_the_hold_s_resume_date(as_of: str, expected: str) -> None:
    record = history(*HELD, hold("2026-03-20", "2026-07-08"))
    found = item("bta.resume", record, as_of)
    assert (found.status.value, str(found.due)) == (expected, "2026-07-08")


@pytest.mark.parametrize(
    ("as_of", "expected"),
    [
        pytest.param("2026-06-18", "due_soon", id="D33: hold + 90 d - 0 d is due"),
        pytest.param("2026-06-19", "overdue", id="D33: hold + 91 d is overdue"),
    ],
)
def test_bta_resume_d33_default_resume_date_is_hold_plus_90_days(as_of: str, expected: str) -> None:
    # Hold 2026-03-20 + 90 d = 2026-06-18.
    record = history(*HELD, hold("2026-03-20"))
    found = item("bta.resume", record, as_of)
    assert (found.status.value, str(found.due)) == (expected, "2026-06-18")
    assert found.message.id == "bta.resume.default"


def test_bta_resume_d33_hold_days_from_the_policy() -> None:
    record = history(*HELD, hold("2026-03-20"))
    used = policy({"bta.hold_days": 30})
    assert str(item("bta.resume", record, "2026-03-21", used).due) == "2026-04-19"


def test_bta_resume_d33_satisfied_by_the_next_dose_or_closed_by_a_stop() -> None:
    resumed = history(*HELD, hold("2026-03-20", "2026-07-08"), dose("2026-07-01"))
    found = item("bta.resume", resumed, "2026-07-02")
    assert (found.status, found.message.id) == (Status.NOT_APPLICABLE, "bta.resume.resumed")
    assert found.last is not None
    assert str(found.last.date) == "2026-07-01"
    stopped = history(*HELD, hold("2026-03-20", "2026-07-08"), stop("2026-07-01"))
    found = item("bta.resume", stopped, "2026-07-02")
    assert (found.status, found.message.id) == (Status.NOT_APPLICABLE, "bta.stopped")


def test_bta_resume_not_applicable_without_a_hold() -> None:
    assert item("bta.resume", history(*HELD), "2026-03-10").status is Status.NOT_APPLICABLE
    assert item("bta.resume", history(NDMM), "2026-03-10").status is Status.NOT_APPLICABLE


def test_bta_resume_d33_a_hold_dated_before_the_last_dose_is_over() -> None:
    record = history(NDMM, dose("2026-02-02"), hold("2026-02-10"), dose("2026-03-02"))
    assert item("bta.resume", record, "2026-03-10").status is Status.NOT_APPLICABLE
    assert item("bta.next_dose", record, "2026-03-10").status is Status.OK


def test_bta_next_dose_d33_suspended_while_held_and_back_after_the_next_dose() -> None:
    record = history(*HELD, hold("2026-03-20", "2026-07-08"), dose("2026-07-06"))
    held = item("bta.next_dose", record, "2026-04-15")
    assert (held.status, held.message.id) == (Status.NOT_APPLICABLE, "bta.held")
    assert held.message.as_dict() == {"since": day("2026-03-20"), "until": day("2026-07-08")}
    after = item("bta.next_dose", record, "2026-07-06")
    assert (after.status, str(after.due)) == (Status.OK, "2026-08-03")


@pytest.mark.parametrize(
    ("as_of", "lapsed"),
    [
        pytest.param("2026-05-20", False, id="D33: nothing lapses before the resume date"),
        pytest.param("2026-08-05", False, id="D33: resume date + 28 d"),
        pytest.param("2026-08-06", True, id="D33: resume date + 29 d"),
    ],
)
def test_bta_state_d33_while_held_the_lapse_counts_from_the_resume_date(
    as_of: str, lapsed: bool
) -> None:
    # Next due 2026-03-30 would lapse from 2026-04-28; held to 2026-07-08: from 2026-08-06.
    record = history(*HELD, hold("2026-03-20", "2026-07-08"))
    found = state(record, as_of)
    assert found.held
    assert found.lapsed is lapsed
    if lapsed:
        assert item("bta.resume", record, as_of).message.id == "bta.resume.lapsed"


def test_bta_state_d33_held_items_go_on_review_supplement_vitamin_d() -> None:
    record = history(*HELD, hold("2026-03-20", "2026-07-08"))
    assert item("bta.review", record, "2026-04-01").status is Status.OK
    assert item("supplement.ca_vitd", record, "2026-04-01").status is Status.OVERDUE
    assert item("vitd.level", record, "2026-04-01").status is Status.OVERDUE


def test_bta_resume_d33_d35_suspended_while_za_is_on_renal_hold() -> None:
    """D35: on renal hold no prompt to give ZA, bta.resume included; renal.za_dose says hold."""
    record = history(
        *HELD,
        weight("2026-01-20", 80.0),
        creatinine("2026-01-28", 80.0),
        hold("2026-03-20", "2026-07-08"),
        creatinine("2026-07-01", 150.0),
    )
    found = item("bta.resume", record, "2026-07-20")
    assert found.status is Status.NOT_APPLICABLE
    assert item("renal.za_dose", record, "2026-07-20").status is Status.ALERT
