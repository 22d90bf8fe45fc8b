"""renal.before_bisphosphonate and renal.za_dose (clinical-rules.md §11, §5 ZA renal checks, deterioration, dose table; §9; D13).

Expected values come from clinical-rules.md:
- deterioration: a rise ≥ 44 µmol/L above a baseline < 124 µmol/L, ≥ 88 µmol/L above a
  baseline ≥ 124; the hold lasts until a creatinine within 10% of baseline;
- baseline: the latest creatinine on or before the first ZA dose, within 30 d;
- §5 dose table by CrCl: > 60 → 4.0 mg; 50–60 → 3.5; 40–49 → 3.3; 30–39 → 3.0; < 30 not recommended;
- §9 Cockcroft-Gault for a man: (140 − age) × weight / (72 × creatinine mg/dL), 1 mg/dL = 88.4 µmol/L.
The patient is a man born 1966-01-01 (60 years old in 2026) weighing 80 kg.
"""

from __future__ import annotations

import pytest
from bone_builders import (
    DMAB,
    PAM,
    ZA,
    ack,
    context,
    creatinine,
    day,
    dose,
    history,
    item,
    phase,
    schedule,
    statuses,
    stop,
    weight,
)

from mmtracker.logic.bisphosphonate_renal import renal_hold
from mmtracker.logic.care import Severity, Status
from mmtracker.logic.codes import Analyte, BoneTherapyEventKind, Phase
from mmtracker.logic.history import BoneTherapyEvent, Entry
from mmtracker.logic.items.bone_renal import evaluate_za_dose
from mmtracker.logic.messages import Quantity

NDMM = phase("2026-01-05")
WEIGHT = weight("2026-01-28", 80)
AGE = 60


def cockcroft_gault_man(age: int, kg: float, creatinine_umol_l: float) -> float:
    """§9 Cockcroft-Gault for a man, creatinine converted with §9's 88.4."""
    return (140 - age) * kg / (72 * creatinine_umol_l / 88.4)


def za_course(*entries: Entry, baseline: float = 80.0) -> list[Entry]:
    """NDMM, a weight, a baseline creatinine 2026-01-28 and ZA 2026-02-02 and 2026-03-02."""
    return [
        NDMM,
        WEIGHT,
        creatinine("2026-01-28", baseline),
        dose("2026-02-02"),
        dose("2026-03-02"),
        *entries,
    ]


# --- §11 renal.za_dose: the dose for the baseline CrCl ---------------------------------


@pytest.mark.parametrize(
    ("baseline", "band", "dose_mg"),
    [
        pytest.param(80.0, (60.0, 1000.0), 4.0, id="§5 ZA table: CrCl > 60 → 4.0 mg"),
        pytest.param(140.0, (50.0, 60.0), 3.5, id="§5 ZA table: CrCl 50-60 → 3.5 mg"),
        pytest.param(175.0, (40.0, 50.0), 3.3, id="§5 ZA table: CrCl 40-49 → 3.3 mg"),
        pytest.param(230.0, (30.0, 40.0), 3.0, id="§5 ZA table: CrCl 30-39 → 3.0 mg"),
    ],
)
def test_renal_za_dose_ok_shows_the_dose_for_the_baseline_crcl(
    baseline: float, band: tuple[float, float], dose_mg: float
) -> None:
    crcl = cockcroft_gault_man(AGE, 80, baseline)
    assert band[0] <= crcl <= band[1]  # the vignette sits in the intended band
    found = item("renal.za_dose", history(*za_course(baseline=baseline)), "2026-03-05")
    assert found.status is Status.OK
    assert found.message.id == "renal.za_dose.ok"
    params = found.message.as_dict()
    assert params["dose"] == dose_mg
    assert params["crcl"] == pytest.approx(crcl, abs=0.05)
    assert params["weight"] == 80


def test_renal_za_dose_crcl_below_30_not_recommended_consider_denosumab() -> None:
    assert cockcroft_gault_man(AGE, 80, 300) < 30
    found = item("renal.za_dose", history(*za_course(baseline=300)), "2026-02-10")
    assert found.status is Status.ALERT
    assert found.severity is Severity.URGENT
    assert found.message.id == "renal.za_dose.not_recommended"


def test_renal_za_dose_current_crcl_below_30_without_a_hold() -> None:
    # Baseline 250 (CrCl ≈ 31, 3.0 mg; threshold 88): 290 is a rise of 40, no hold, but CrCl ≈ 27.
    assert cockcroft_gault_man(AGE, 80, 250) >= 30
    assert cockcroft_gault_man(AGE, 80, 290) < 30
    record = history(*za_course(creatinine("2026-02-27", 290), baseline=250))
    found = item("renal.za_dose", record, "2026-02-28")
    assert found.message.id == "renal.za_dose.not_recommended"
    assert found.status is Status.ALERT


def test_renal_za_dose_d13_without_a_weight_asks_to_record_one() -> None:
    record = history(NDMM, creatinine("2026-01-28", 80), dose("2026-02-02"))
    found = item("renal.za_dose", record, "2026-02-10")
    assert found.status is Status.ALERT
    assert found.severity is Severity.URGENT
    assert found.message.id == "renal.za_dose.no_weight"


@pytest.mark.parametrize(
    ("baseline_date", "message_id"),
    [
        pytest.param(
            "2026-01-03", "renal.za_dose.ok", id="§11 renal.za_dose: baseline 30 d before"
        ),
        pytest.param(
            "2026-01-02", "renal.za_dose.no_baseline", id="§11 renal.za_dose: 31 d is too old"
        ),
        pytest.param(
            "2026-02-02", "renal.za_dose.ok", id="§11 renal.za_dose: on the first-dose day"
        ),
    ],
)
def test_renal_za_dose_baseline_window_30_days(baseline_date: str, message_id: str) -> None:
    record = history(NDMM, WEIGHT, creatinine(baseline_date, 80), dose("2026-02-02"))
    assert item("renal.za_dose", record, "2026-02-10").message.id == message_id


def test_renal_za_dose_d35_the_first_creatinine_after_the_first_dose_is_a_provisional_baseline() -> (
    None
):
    """D35 (was: "no baseline creatinine" with no baseline at all): the earliest creatinine
    after the first dose is the provisional baseline; "no baseline" stays urgent once given,
    since the day the plan began (D45: bta.start applied from the NDMM date)."""
    record = history(NDMM, WEIGHT, dose("2026-02-02"), creatinine("2026-02-03", 80))
    found = item("renal.za_dose", record, "2026-02-10")
    assert found.status is Status.ALERT
    assert found.severity is Severity.URGENT
    assert found.message.id == "renal.za_dose.provisional_baseline"
    assert found.message.as_dict()["crcl"] == pytest.approx(
        cockcroft_gault_man(AGE, 80, 80), abs=0.05
    )
    assert str(found.since) == "2026-01-05"


def test_renal_za_dose_applies_when_za_is_planned_by_bta_start() -> None:
    """D35: while ZA is only planned, "no baseline creatinine" is info, since bta.start applies."""
    planned = history(NDMM, weight("2026-01-10", 80), creatinine("2026-01-10", 80))
    assert item("renal.za_dose", planned, "2026-01-20").status is Status.OK
    no_creatinine = item("renal.za_dose", history(NDMM, WEIGHT), "2026-01-30")
    assert no_creatinine.message.id == "renal.za_dose.no_baseline"
    assert no_creatinine.severity is Severity.INFO
    assert str(no_creatinine.since) == "2026-01-05"


@pytest.mark.parametrize(
    "entries",
    [
        pytest.param(
            [phase("2026-01-05", Phase.SMM)], id="§11 renal.za_dose: SMM, nothing planned"
        ),
        pytest.param(
            [NDMM, WEIGHT, dose("2026-02-02", DMAB, 120)], id="§11 renal.za_dose: on denosumab"
        ),
        pytest.param(
            [NDMM, schedule("2026-01-10", DMAB, 28)],
            id="§11 renal.za_dose: denosumab planned",
        ),
        pytest.param(za_course(stop("2026-03-10")), id="§11 renal.za_dose: closes at a stop entry"),
    ],
)
def test_renal_za_dose_not_applicable(entries: list[Entry]) -> None:
    assert item("renal.za_dose", history(*entries), "2026-03-20").status is Status.NOT_APPLICABLE


# --- §5 ZA renal deterioration: the hold and its boundaries ------------------------------


@pytest.mark.parametrize(
    ("baseline", "later", "held"),
    [
        pytest.param(80.0, 124.0, True, id="§5 ZA deterioration: +44 above 80 → hold"),
        pytest.param(80.0, 123.9, False, id="§5 ZA deterioration: +43.9 above 80 → no hold"),
        pytest.param(123.9, 167.9, True, id="§5 ZA deterioration: baseline 123.9 < 124 needs 44"),
        pytest.param(124.0, 211.9, False, id="§5 ZA deterioration: baseline 124 needs 88, +87.9"),
        pytest.param(124.0, 212.0, True, id="§5 ZA deterioration: baseline 124, +88 → hold"),
    ],
)
def test_renal_za_dose_hold_thresholds(baseline: float, later: float, held: bool) -> None:
    record = history(*za_course(creatinine("2026-02-27", later), baseline=baseline))
    found = item("renal.za_dose", record, "2026-02-28")
    assert (found.message.id == "renal.za_dose.hold") is held
    assert (found.status is Status.ALERT) is held
    assert (renal_hold(context(record, "2026-02-28")) is not None) is held


def test_renal_za_dose_hold_message_carries_baseline_latest_and_rise() -> None:
    record = history(*za_course(creatinine("2026-02-27", 130)))
    params = item("renal.za_dose", record, "2026-02-28").message.as_dict()
    assert params["baseline"] == Quantity(Analyte.CREATININE, 80.0)
    assert params["latest"] == Quantity(Analyte.CREATININE, 130.0)
    assert params["rise"] == Quantity(Analyte.CREATININE, 50.0)
    assert params["threshold"] == Quantity(Analyte.CREATININE, 44.0)


def test_za_course_with_a_renal_hold_and_recovery_within_10_percent_of_baseline() -> None:
    """Vignette: baseline 80; 130 on 2026-03-30 holds ZA; 100 (not within 10%) keeps the hold;
    88 (= 80 + 10%) on 2026-04-27 ends it; the next dose is then overdue from 2026-03-30."""
    entries = za_course(
        creatinine("2026-03-30", 130),
        creatinine("2026-04-13", 100),
        creatinine("2026-04-27", 88),
    )
    record = history(*entries)
    dates = ("2026-03-29", "2026-03-30", "2026-04-13", "2026-04-26", "2026-04-27")
    assert statuses("renal.za_dose", record, *dates) == {
        "2026-03-29": "ok",
        "2026-03-30": "alert",
        "2026-04-13": "alert",
        "2026-04-26": "alert",
        "2026-04-27": "ok",
    }
    assert statuses("bta.next_dose", record, *dates) == {
        "2026-03-29": "due_soon",
        "2026-03-30": "not_applicable",
        "2026-04-13": "not_applicable",
        "2026-04-26": "not_applicable",
        "2026-04-27": "overdue",
    }
    assert statuses("renal.before_bisphosphonate", record, "2026-03-31", "2026-04-27") == {
        "2026-03-31": "not_applicable",
        "2026-04-27": "ok",
    }
    resumed = history(*entries, dose("2026-04-28"))
    assert str(item("bta.next_dose", resumed, "2026-04-28").due) == "2026-05-26"


def test_renal_za_dose_hold_acknowledged_stays_snoozed_but_a_new_hold_after_it_alerts() -> None:
    """11 Status: an urgent alert whose triggering value is dated after the acknowledgement
    is not snoozed by it. Hold 1 starts 2026-03-30 (acknowledged 2026-04-01); recovery
    2026-04-27; hold 2 starts 2026-05-25 (rise 45 ≥ 44)."""
    record = history(
        *za_course(
            creatinine("2026-03-30", 130),
            creatinine("2026-04-27", 85),
            creatinine("2026-05-25", 125),
        ),
        ack("renal.za_dose", "2026-04-01", "2026-06-15"),
    )
    assert statuses("renal.za_dose", record, "2026-03-31", "2026-04-10", "2026-05-25") == {
        "2026-03-31": "alert",
        "2026-04-10": "snoozed",
        "2026-05-25": "alert",
    }


def test_renal_za_dose_no_baseline_alert_can_be_snoozed_until_it_ends() -> None:
    record = history(
        NDMM, WEIGHT, dose("2026-02-02"), ack("renal.za_dose", "2026-02-05", "2026-02-19")
    )
    assert statuses("renal.za_dose", record, "2026-02-19", "2026-02-20") == {
        "2026-02-19": "snoozed",
        "2026-02-20": "alert",
    }


# --- §11 renal.before_bisphosphonate -----------------------------------------------------------------


def test_renal_before_za_vignette_creatinine_before_the_next_dose() -> None:
    # Dose 2026-02-02 → next due 2026-03-02; applies from 2026-02-16 (due − 14 d).
    record = history(NDMM, WEIGHT, creatinine("2026-01-28", 80), dose("2026-02-02"))
    assert statuses(
        "renal.before_bisphosphonate",
        record,
        "2026-02-15",
        "2026-02-16",
        "2026-03-02",
        "2026-03-03",
    ) == {
        "2026-02-15": "not_applicable",
        "2026-02-16": "due_soon",
        "2026-03-02": "due_soon",
        "2026-03-03": "overdue",
    }


@pytest.mark.parametrize(
    ("drawn", "as_of", "satisfied"),
    [
        pytest.param(
            "2026-02-23",
            "2026-03-02",
            True,
            id="§11 renal.before_bisphosphonate: 7 d before due counts",
        ),
        pytest.param(
            "2026-02-22",
            "2026-03-02",
            False,
            id="§11 renal.before_bisphosphonate: 8 d before due does not",
        ),
        pytest.param(
            "2026-03-05",
            "2026-03-06",
            True,
            id="§11 renal.before_bisphosphonate: since the due date, overdue",
        ),
        pytest.param("2026-02-27", "2026-03-06", True, id="D34: overdue, 7 d before as_of counts"),
        pytest.param(
            "2026-02-26",
            "2026-03-06",
            False,
            id="D34: overdue, 8 d before as_of does not (though within 7 d of due)",
        ),
    ],
)
def test_renal_before_za_seven_day_window(drawn: str, as_of: str, satisfied: bool) -> None:
    """D34 (amends the old "within 7 d before the due date, or since"): once the dose is
    overdue, only a creatinine within 7 d before as_of counts."""
    record = history(
        NDMM, WEIGHT, creatinine("2026-01-28", 80), dose("2026-02-02"), creatinine(drawn, 82)
    )
    found = item("renal.before_bisphosphonate", record, as_of)
    unsatisfied = Status.DUE_SOON if as_of == "2026-03-02" else Status.OVERDUE
    assert found.status is (Status.OK if satisfied else unsatisfied)


@pytest.mark.parametrize(
    "entries",
    [
        pytest.param([NDMM], id="§11 renal.before_bisphosphonate: off BTA"),
        pytest.param(
            [NDMM, dose("2026-02-02", DMAB, 120)], id="§11 renal.before_bisphosphonate: denosumab"
        ),
    ],
)
def test_renal_before_za_not_applicable(entries: list[Entry]) -> None:
    assert item("renal.before_bisphosphonate", history(*entries), "2026-03-01").status is (
        Status.NOT_APPLICABLE
    )


def test_renal_before_za_snoozed() -> None:
    record = history(
        NDMM,
        WEIGHT,
        creatinine("2026-01-28", 80),
        dose("2026-02-02"),
        ack("renal.before_bisphosphonate", "2026-03-03", "2026-03-09"),
    )
    assert statuses("renal.before_bisphosphonate", record, "2026-03-09", "2026-03-10") == {
        "2026-03-09": "snoozed",
        "2026-03-10": "overdue",
    }


# --- D35 boundaries: CrCl exactly 30, the baseline weight 90 d away ----------------------
# §9 at 60 years: 80 × 67.5 kg × 88.4 / (72 × 221 µmol/L) = 30.0 mL/min exactly.


@pytest.mark.parametrize(
    ("latest", "message_id"),
    [
        pytest.param(221.0, "renal.za_dose.ok", id="D35: latest CrCl exactly 30 is not < 30"),
        pytest.param(222.0, "renal.za_dose.not_recommended", id="D35: latest CrCl 29.9 < 30"),
    ],
)
def test_renal_za_dose_d35_latest_crcl_boundary(latest: float, message_id: str) -> None:
    assert cockcroft_gault_man(AGE, 67.5, 221) == pytest.approx(30.0)
    record = history(
        NDMM,
        weight("2026-01-28", 67.5),
        creatinine("2026-01-28", 200),
        dose("2026-02-02"),
        creatinine("2026-02-25", latest),
    )
    assert item("renal.za_dose", record, "2026-02-26").message.id == message_id


@pytest.mark.parametrize(
    ("weighed", "message_id", "dose_mg"),
    [
        pytest.param(
            "2025-10-30", "renal.za_dose.ok", 3.0, id="D35: a weight exactly 90 d away is used"
        ),
        pytest.param(
            "2025-10-29",
            "renal.za_dose.not_recommended",
            None,
            id="D35: 91 d away → the latest weight (50 kg: CrCl 22)",
        ),
    ],
)
def test_renal_za_dose_d35_baseline_crcl_uses_the_weight_closest_within_90_days(
    weighed: str, message_id: str, dose_mg: float | None
) -> None:
    """D35 (amends D13): the baseline creatinine 221 µmol/L of 2026-01-28 with 67.5 kg gives
    CrCl 30 (3.0 mg); the latest weight, 50 kg on 2026-05-01 (93 d after), would give 22."""
    record = history(
        NDMM,
        weight(weighed, 67.5),
        creatinine("2026-01-28", 221),
        dose("2026-02-02"),
        creatinine("2026-04-30", 80),
        weight("2026-05-01", 50),
    )
    found = item("renal.za_dose", record, "2026-05-02")
    assert found.message.id == message_id
    if dose_mg is not None:
        assert found.message.as_dict()["dose"] == dose_mg
        assert found.message.as_dict()["weight"] == 67.5


def test_renal_za_dose_d35_d40_d45_not_recommended_cites_its_entries_and_since() -> None:
    """D45: "not recommended" from the latest CrCl is dated by the first creatinine of the
    run below 30; D40: a new creatinine is a new cited entry."""
    first = creatinine("2026-02-20", 300)
    second = creatinine("2026-03-01", 310)
    record = history(*za_course(first, second))
    found = item("renal.za_dose", record, "2026-03-05")
    assert found.message.id == "renal.za_dose.not_recommended"
    assert str(found.since) == "2026-02-20"
    finding = evaluate_za_dose(context(record, "2026-03-05"))
    assert second.id in finding.cites
    assert WEIGHT.id in finding.cites


def test_renal_za_dose_d35_a_schedule_entry_naming_za_plans_it_from_its_recording_day() -> None:
    """D35, D45: ZA scheduled ahead (2026-03-01, recorded 2026-02-10) while on denosumab:
    renal.za_dose applies from the recording day; "no baseline creatinine" is info."""
    plan = BoneTherapyEvent(
        id="za-plan",
        date=day("2026-03-01"),
        kind=BoneTherapyEventKind.SCHEDULE,
        agent=ZA,
        interval_days=28,
        recorded_on=day("2026-02-10"),
    )
    record = history(NDMM, WEIGHT, dose("2026-02-02", DMAB, 120), plan)
    assert item("renal.za_dose", record, "2026-02-09").status is Status.NOT_APPLICABLE
    found = item("renal.za_dose", record, "2026-02-12")
    assert (found.status, found.severity) == (Status.ALERT, Severity.INFO)
    assert found.message.id == "renal.za_dose.no_baseline"
    assert str(found.since) == "2026-02-10"


def test_renal_pamidronate_d35_crcl_below_30_is_not_recommended_and_suspends_the_prompts() -> None:
    """D35: pamidronate compares baseline and latest CrCl with 30 (67.5 kg: 222 → 29.9)."""
    record = history(
        NDMM,
        weight("2026-01-28", 67.5),
        creatinine("2026-01-28", 222),
        dose("2026-02-02", PAM, 90),
    )
    found = item("renal.pamidronate", record, "2026-02-20")
    assert (found.status, found.message.id) == (Status.ALERT, "renal.pamidronate.not_recommended")
    assert item("bta.next_dose", record, "2026-02-20").status is Status.NOT_APPLICABLE


def test_renal_pamidronate_d35_planned_at_crcl_below_30_is_not_recommended_before_the_first_dose() -> (
    None
):
    """D35 as for ZA (§10b: err toward showing): pamidronate planned at CrCl 16 (60 years, 50 kg, 300 µmol/L)."""
    plan = BoneTherapyEvent(
        id="plan-pam",
        date=day("2026-02-10"),
        kind=BoneTherapyEventKind.SCHEDULE,
        agent=PAM,
        interval_days=28,
    )
    record = history(NDMM, weight("2026-02-01", 50.0), creatinine("2026-02-05", 300), plan)
    found = item("renal.pamidronate", record, "2026-02-12")
    assert (found.status, found.severity) == (Status.ALERT, Severity.URGENT)
    assert found.message.id == "renal.pamidronate.not_recommended"
