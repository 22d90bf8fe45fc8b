"""alert.progression (clinical-rules.md §11, §4 PD, D4, D20, D22, D26, D27, D40, D45, D46).

Expected values come from clinical-rules.md: PD is a ≥25% increase from the lowest
value since the episode baseline with an absolute serum rise ≥5 g/L (≥10 g/L when
the nadir was ≥50 g/L, D4); met once it is "unconfirmed — repeat to confirm", met on
two consecutive assessments it is confirmed (D20, D14). The baseline and nadir are
those of the current treatment episode (D22) and start afresh when a new episode
starts, which closes the alert of the episode before (D46).
"""

from __future__ import annotations

from dataclasses import replace

import pytest
from builders import context, day, imaging, phase
from items_builders import history, item_on, rule, snooze
from mrd_builders import assessed, serum, treatment

from mmtracker.logic.care import Severity, Status
from mmtracker.logic.codes import (
    ClinicalEventKind,
    ImagingModality,
    Phase,
    ResponseCategory,
    TreatmentIntent,
)
from mmtracker.logic.history import ClinicalEvent, Entry
from mmtracker.logic.items import progression as progression_items
from mmtracker.logic.messages import MESSAGE_PARAMS

PROGRESSION = rule(progression_items.RULES, "alert.progression")
NA, OK, ALERT, SNOOZED = Status.NOT_APPLICABLE, Status.OK, Status.ALERT, Status.SNOOZED


def test_the_module_implements_the_progression_row_of_11_with_its_source() -> None:
    assert [(r.id, r.source) for r in progression_items.RULES] == [
        ("alert.progression", "§4 PD; D26, D27")
    ]


# D-VRd from 2025-01-06 with serum M-protein 30 g/L at baseline; 10, then the nadir 4 g/L
# on 2025-03-03; 8 g/L (+4 g/L: below the absolute ≥5 g/L) on 04-07; 9 g/L (+5 g/L, +125%)
# on 05-05: PD met once; 12 g/L on 06-02: met again, confirmed. Line 2 (DPd) from
# 2025-06-16 with the RELAPSE phase: a new episode (D22), baseline 12 g/L, nadir reset (D46);
# 10 g/L on 07-14. Whole-body low-dose CT on 2025-01-02: the baseline imaging (D27).
COURSE: list[Entry] = [
    phase("2025-01-06", Phase.NDMM),
    imaging("2025-01-02", ImagingModality.WBLDCT, lytic_lesions=2),
    treatment("2025-01-06"),
    serum("2025-01-06", 30),
    serum("2025-02-03", 10),
    serum("2025-03-03", 4),
    serum("2025-04-07", 8),
    serum("2025-05-05", 9),
    serum("2025-06-02", 12),
    treatment("2025-06-16", number=2, intent=TreatmentIntent.SALVAGE, regimen="DPd"),
    phase("2025-06-16", Phase.RELAPSE, line_number=2),
    serum("2025-07-14", 10),
]


@pytest.mark.parametrize(
    ("on", "expected", "message"),
    [
        pytest.param(
            "2025-01-05", NA, "not_active_mm", id="§11 alert.progression: before active MM"
        ),
        pytest.param("2025-01-06", OK, "none", id="§11 alert.progression: baseline at line start"),
        pytest.param(
            "2025-04-07", OK, "none", id="D4: +4 g/L from the nadir is below the absolute 5 g/L"
        ),
        pytest.param("2025-05-04", OK, "none", id="§11 alert.progression: the day before PD"),
        pytest.param(
            "2025-05-05",
            ALERT,
            "unconfirmed",
            id="D20: PD met once, unconfirmed — repeat to confirm",
        ),
        pytest.param("2025-06-02", ALERT, "confirmed", id="D20: PD met twice running, confirmed"),
        pytest.param(
            "2025-06-15", ALERT, "confirmed", id="§11 alert.progression: until a new line"
        ),
        pytest.param(
            "2025-06-16",
            OK,
            "none",
            id="D46 alert.progression: closes when a new episode starts",
        ),
        pytest.param(
            "2025-07-14", OK, "none", id="D46: the new episode judged from its baseline of 12 g/L"
        ),
    ],
)
def test_progression_vignette(on: str, expected: Status, message: str) -> None:
    item = item_on(PROGRESSION, history(*COURSE), on)
    assert (item.status, item.message.id) == (expected, f"alert.progression.{message}")


def test_unconfirmed_pd_is_urgent_and_dated_by_the_pd_value() -> None:
    item = item_on(PROGRESSION, history(*COURSE), "2025-05-05")
    assert item.severity is Severity.URGENT
    assert item.message.as_dict() == {
        "criteria": "IMWG 2016",
        "criterion": "serum_m_protein",
        "date": day("2025-05-05"),
    }
    finding = PROGRESSION.evaluate(context(history(*COURSE), "2025-05-05"))
    assert finding.trigger_date == day("2025-05-05")


def test_confirmed_pd_keeps_the_first_pd_date() -> None:
    item = item_on(PROGRESSION, history(*COURSE), "2025-06-02")
    assert item.severity is Severity.URGENT
    assert item.message.as_dict() == {
        "criteria": "IMWG 2016",
        "criterion": "serum_m_protein",
        "date": day("2025-05-05"),
        "confirmed_on": day("2025-06-02"),
    }
    finding = PROGRESSION.evaluate(context(history(*COURSE), "2025-06-02"))
    assert finding.trigger_date == day("2025-05-05")


def test_ok_names_the_start_of_the_current_episode() -> None:
    first = item_on(PROGRESSION, history(*COURSE), "2025-04-07")
    second = item_on(PROGRESSION, history(*COURSE), "2025-07-14")
    assert first.message.as_dict() == {"criteria": "IMWG 2016", "start": day("2025-01-06")}
    assert second.message.as_dict()["start"] == day("2025-06-16")


@pytest.mark.parametrize(
    ("acknowledged", "until", "on", "expected"),
    [
        pytest.param(
            "2025-05-10", "2025-05-31", "2025-05-10", SNOOZED, id="§11 Status: alert snoozed"
        ),
        pytest.param(
            "2025-05-10",
            "2025-05-31",
            "2025-05-31",
            SNOOZED,
            id="§11 Status: snoozed until inclusive",
        ),
        pytest.param(
            "2025-05-10",
            "2025-05-31",
            "2025-06-01",
            ALERT,
            id="§11 Status: the alert shows again after until",
        ),
        pytest.param(
            "2025-04-20", "2025-06-30", "2025-04-20", SNOOZED, id="§11 Status: ok item snoozed"
        ),
        pytest.param(
            "2025-04-20",
            "2025-06-30",
            "2025-05-05",
            ALERT,
            id="§11 Status: urgent PD dated after the acknowledgement is not snoozed",
        ),
    ],
)
def test_snooze(acknowledged: str, until: str, on: str, expected: Status) -> None:
    hist = history(*COURSE, snooze("alert.progression", acknowledged, until))
    assert item_on(PROGRESSION, hist, on).status is expected


def _after_nadir(nadir: float, value: float, baseline: float = 30) -> list[Entry]:
    return [
        phase("2025-01-06", Phase.NDMM),
        treatment("2025-01-06"),
        serum("2025-01-06", baseline),
        serum("2025-03-03", nadir),
        serum("2025-05-05", value),
    ]


@pytest.mark.parametrize(
    ("entries", "expected"),
    [
        pytest.param(_after_nadir(4, 8.9), OK, id="D4: nadir 4 g/L, +4.9 g/L is not PD"),
        pytest.param(_after_nadir(4, 9), ALERT, id="D4: nadir 4 g/L, +5 g/L is PD"),
        pytest.param(
            _after_nadir(50, 59.9, baseline=80),
            OK,
            id="D4: nadir 50 g/L, +9.9 g/L (+19.8%) is not PD",
        ),
        pytest.param(
            _after_nadir(50, 60, baseline=80),
            ALERT,
            id="D4: nadir ≥50 g/L, +10 g/L is PD although +20% < 25%",
        ),
        pytest.param(_after_nadir(20, 25), ALERT, id="§4 PD: nadir 20 g/L, +5 g/L = +25% is PD"),
        pytest.param(
            _after_nadir(24, 29), OK, id="§4 PD: nadir 24 g/L, +5 g/L is only +20.8%, not PD"
        ),
    ],
)
def test_d4_absolute_rise(entries: list[Entry], expected: Status) -> None:
    assert item_on(PROGRESSION, history(*entries), "2025-05-05").status is expected


def test_d20_pd_not_met_on_the_repeat_withdraws_the_alert() -> None:
    hist = history(*_after_nadir(4, 9), serum("2025-06-02", 5))
    assert item_on(PROGRESSION, hist, "2025-05-05").status is ALERT
    assert item_on(PROGRESSION, hist, "2025-06-02").status is OK


def test_section4_new_lytic_lesion_raises_the_alert() -> None:
    """§4 PD: a new lesion, here on the same whole-body modality as the baseline imaging."""
    hist = history(
        phase("2025-01-06", Phase.NDMM),
        imaging("2025-01-02", ImagingModality.WBLDCT, lytic_lesions=2),
        treatment("2025-01-06"),
        serum("2025-01-06", 30),
        serum("2025-03-03", 4),
        imaging("2025-05-20", ImagingModality.WBLDCT, lytic_lesions=3),
    )
    assert item_on(PROGRESSION, hist, "2025-05-19").status is OK
    item = item_on(PROGRESSION, hist, "2025-05-20")
    assert (item.status, item.message.as_dict()["criterion"]) == (ALERT, "lytic_lesions")


def test_recorded_pd_alone_does_not_raise_the_alert() -> None:
    """§11 alert.progression fires on the IMWG PD criteria computed from the nadir, not on a record."""
    hist = history(*_after_nadir(4, 5), assessed("2025-05-06", ResponseCategory.PD))
    assert item_on(PROGRESSION, hist, "2025-05-06").status is OK


@pytest.mark.parametrize(
    ("entries", "message"),
    [
        pytest.param(
            [phase("2025-01-06", Phase.NDMM), treatment("2025-01-06")],
            "no_baseline",
            id="D26 alert.progression: no serum, urine or FLC value in the episode",
        ),
        pytest.param(
            [phase("2025-01-06", Phase.SMM), treatment("2025-01-06"), serum("2025-01-06", 30)],
            "not_active_mm",
            id="§11 alert.progression: SMM is not active MM",
        ),
    ],
)
def test_not_applicable(entries: list[Entry], message: str) -> None:
    item = item_on(PROGRESSION, history(*entries), "2025-06-01")
    assert (item.status, item.message.id) == (NA, f"alert.progression.{message}")


def test_every_progression_message_is_declared() -> None:
    assert {k: v for k, v in MESSAGE_PARAMS.items() if k.startswith("alert.progression.")} == {
        "alert.progression.not_active_mm": (),
        "alert.progression.no_baseline": ("start",),
        "alert.progression.none": ("criteria", "start"),
        "alert.progression.none.no_baseline_imaging": ("criteria", "start", "until"),
        "alert.progression.unconfirmed": ("criteria", "criterion", "date"),
        "alert.progression.unconfirmed.other_modality": ("criteria", "criterion", "date"),
        "alert.progression.confirmed": ("criteria", "criterion", "date", "confirmed_on"),
        "alert.progression.confirmed.other_modality": (
            "criteria",
            "criterion",
            "date",
            "confirmed_on",
        ),
    }


# --- D22, D23, D26: the episode baseline ----------------------------------------------------


def test_d23_d25_without_a_line_progression_is_watched_from_the_phase_date() -> None:
    """D25: an episode with no treatment line; D23: the phase date is the baseline date."""
    hist = history(
        phase("2025-01-06", Phase.NDMM),
        serum("2025-01-02", 30),
        serum("2025-03-03", 4),
        serum("2025-05-05", 9),
    )
    item = item_on(PROGRESSION, hist, "2025-05-05")
    assert (item.status, item.message.id) == (ALERT, "alert.progression.unconfirmed")


@pytest.mark.parametrize(
    ("first_value", "expected"),
    [
        pytest.param("2025-01-10", ALERT, id="D26 baseline: the first value after the start"),
        pytest.param(None, NA, id="D26 no serum, urine or FLC value: not applicable"),
    ],
)
def test_d26_baseline_value_after_the_start(first_value: str | None, expected: Status) -> None:
    entries: list[Entry] = [phase("2025-01-06", Phase.NDMM), treatment("2025-01-06")]
    if first_value is not None:
        entries += [serum(first_value, 30), serum("2025-03-03", 4), serum("2025-05-05", 9)]
    assert item_on(PROGRESSION, history(*entries), "2025-05-05").status is expected


def test_d24_a_line_without_any_phase_is_watched() -> None:
    """Reading toward showing: a patient treated before any phase is recorded (D24, D22)."""
    hist = history(
        treatment("2025-01-06"),
        serum("2025-01-06", 30),
        serum("2025-03-03", 4),
        serum("2025-05-05", 9),
    )
    assert item_on(PROGRESSION, hist, "2025-05-05").status is ALERT


def test_d27_without_baseline_imaging_the_rationale_says_so() -> None:
    hist = history(
        phase("2025-01-06", Phase.NDMM),
        treatment("2025-01-06"),
        serum("2025-01-06", 30),
        imaging("2025-05-20", ImagingModality.WBLDCT, lytic_lesions=3),
    )
    item = item_on(PROGRESSION, hist, "2025-05-20")
    assert (item.status, item.message.id) == (OK, "alert.progression.none.no_baseline_imaging")
    assert item.message.as_dict() == {
        "criteria": "IMWG 2016",
        "start": day("2025-01-06"),
        "until": day("2025-02-05"),
    }


def test_d27_a_plasmacytoma_alone_raises_the_alert_without_a_lab_baseline() -> None:
    """Reading toward showing: PD by a new plasmacytoma needs no M-protein baseline."""
    hist = history(
        phase("2025-01-06", Phase.NDMM),
        treatment("2025-01-06"),
        ClinicalEvent(id="pc", date=day("2025-05-20"), kind=ClinicalEventKind.PLASMACYTOMA),
    )
    item = item_on(PROGRESSION, hist, "2025-05-20")
    assert (item.status, item.message.as_dict()["criterion"]) == (ALERT, "plasmacytoma")


# --- D40, D45: cites and since-date ---------------------------------------------------------


def test_d40_d45_the_alert_cites_the_pd_values_and_is_dated_by_the_first() -> None:
    hist = history(*COURSE)
    unconfirmed = PROGRESSION.evaluate(context(hist, "2025-05-05"))
    confirmed = PROGRESSION.evaluate(context(hist, "2025-06-02"))
    pd_ids = [
        e.id for e in COURSE if getattr(e, "date", None) in (day("2025-05-05"), day("2025-06-02"))
    ]
    assert unconfirmed.cites == (pd_ids[0],)
    assert confirmed.cites == tuple(pd_ids)
    assert (unconfirmed.trigger_date, confirmed.trigger_date) == (day("2025-05-05"),) * 2


def test_d40_a_snooze_of_the_unconfirmed_pd_ends_when_it_is_confirmed() -> None:
    hist = history(*COURSE)
    finding = PROGRESSION.evaluate(context(hist, "2025-05-10"))
    ack = replace(
        snooze("alert.progression", "2025-05-10", "2025-07-31"),
        finding_message_id=finding.message.id,
        finding_severity="urgent",
        finding_cites=finding.cites,
    )
    snoozed = history(*COURSE, ack)
    assert item_on(PROGRESSION, snoozed, "2025-06-01").status is SNOOZED
    assert item_on(PROGRESSION, snoozed, "2025-06-02").status is ALERT
