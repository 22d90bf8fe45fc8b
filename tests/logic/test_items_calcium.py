"""alert.hypercalcaemia (clinical-rules.md §11, §1a C, D12, D15-D17).

Expected values are worked out from clinical-rules.md: the alert is urgent when the
latest total-corrected or adjusted calcium is > 2.75 mmol/L or > ULN + 0.25 mmol/L
(strict), compared in mmol/L (calcium mg/dL × 0.2495, §9).
"""

from __future__ import annotations

from collections.abc import Mapping

import pytest
from builders import day, lab, phase, policy
from items_builders import calcium, history, item_on, rule, snooze

from mmtracker.logic.care import Severity, Status
from mmtracker.logic.codes import Analyte, CalciumKind, PatientStatus, Phase
from mmtracker.logic.context import Context
from mmtracker.logic.history import Entry
from mmtracker.logic.items import calcium as calcium_items
from mmtracker.logic.messages import Quantity

HYPERCALCAEMIA = rule(calcium_items.RULES, "alert.hypercalcaemia")
SMM = phase("2025-01-06", Phase.SMM)


def status_of(*entries: Entry, overrides: Mapping[str, object] | None = None) -> Status:
    return item_on(
        HYPERCALCAEMIA, history(SMM, *entries), "2025-06-30", policy(**(overrides or {}))
    ).status


@pytest.mark.parametrize(
    ("entries", "expected"),
    [
        pytest.param([calcium("2025-06-01", 2.75)], Status.OK, id="1a C: 2.75 mmol/L is not above"),
        pytest.param([calcium("2025-06-01", 2.76)], Status.ALERT, id="1a C: 2.76 mmol/L is above"),
        pytest.param(
            [calcium("2025-06-01", 11.01, "mg/dL")],
            Status.OK,
            id="D15: 11.01 mg/dL = 2.747 mmol/L, not above 2.75",
        ),
        pytest.param(
            [calcium("2025-06-01", 11.02, "mg/dL")],
            Status.OK,
            id="D15: 11.02 mg/dL = 2.749 mmol/L, not above 2.75 although above 11 mg/dL",
        ),
        pytest.param(
            [calcium("2025-06-01", 11.03, "mg/dL")],
            Status.ALERT,
            id="D15: 11.03 mg/dL = 2.752 mmol/L, above 2.75",
        ),
        pytest.param(
            [calcium("2025-06-01", 2.65, high=2.40)],
            Status.OK,
            id="D17: lab ULN 2.40 + 0.25 = 2.65, 2.65 is not above",
        ),
        pytest.param(
            [calcium("2025-06-01", 2.66, high=2.40)],
            Status.ALERT,
            id="D17: lab ULN 2.40 + 0.25 = 2.65, 2.66 is above",
        ),
        pytest.param(
            [calcium("2025-06-01", 2.75, high=2.55)],
            Status.OK,
            id="D17: lab ULN 2.55 + 0.25 = 2.80, 2.75 is above neither limit",
        ),
        pytest.param(
            [calcium("2025-06-01", 2.79, high=2.55)],
            Status.ALERT,
            id="1a C: lab ULN 2.55, 2.79 is below ULN + 0.25 = 2.80 but above 2.75",
        ),
        pytest.param(
            [calcium("2025-06-01", 10.6, "mg/dL", high=9.6)],
            Status.OK,
            id="D15 D17: 10.6 mg/dL = 2.645 not above lab ULN 9.6 mg/dL (2.395) + 0.25",
        ),
        pytest.param(
            [calcium("2025-06-01", 10.61, "mg/dL", high=9.6)],
            Status.ALERT,
            id="D15 D17: 10.61 mg/dL = 2.647 above lab ULN 9.6 mg/dL (2.395) + 0.25",
        ),
        pytest.param(
            [calcium("2025-06-01", 2.70), lab("2025-06-01", Analyte.ALBUMIN, 35, "g/L")],
            Status.ALERT,
            id="D12: 2.70 with albumin 35 g/L the same day, corrected 2.80",
        ),
        pytest.param(
            [lab("2025-05-25", Analyte.ALBUMIN, 35, "g/L"), calcium("2025-06-01", 2.70)],
            Status.ALERT,
            id="D12: albumin 7 days before, corrected 2.80",
        ),
        pytest.param(
            [lab("2025-05-24", Analyte.ALBUMIN, 35, "g/L"), calcium("2025-06-01", 2.70)],
            Status.OK,
            id="D12: albumin 8 days before is not used, total 2.70",
        ),
        pytest.param(
            [calcium("2025-06-01", 2.65), lab("2025-06-01", Analyte.ALBUMIN, 35, "g/L")],
            Status.OK,
            id="D12: corrected exactly 2.75 is not above",
        ),
        pytest.param(
            [calcium("2025-06-01", 2.80), lab("2025-06-01", Analyte.ALBUMIN, 45, "g/L")],
            Status.OK,
            id="D12: 2.80 with albumin 45 g/L, corrected 2.70",
        ),
        pytest.param(
            [
                calcium("2025-06-01", 2.70, kind=CalciumKind.ADJUSTED),
                lab("2025-06-01", Analyte.ALBUMIN, 25, "g/L"),
            ],
            Status.OK,
            id="D16: adjusted calcium is not corrected again",
        ),
        pytest.param(
            [calcium("2025-06-01", 2.76, kind=CalciumKind.ADJUSTED)],
            Status.ALERT,
            id="D16: adjusted calcium 2.76 is above",
        ),
        pytest.param(
            [calcium("2025-06-01", 1.60, kind=CalciumKind.IONISED)],
            Status.OK,
            id="D16: ionised calcium is never compared",
        ),
        pytest.param([], Status.OK, id="alert.hypercalcaemia: no calcium on record"),
    ],
)
def test_threshold(entries: list[Entry], expected: Status) -> None:
    assert status_of(*entries) is expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        pytest.param(2.65, Status.OK, id="D17: policy ULN 2.40 + 0.25 = 2.65, 2.65 not above"),
        pytest.param(2.66, Status.ALERT, id="D17: policy ULN 2.40 + 0.25 = 2.65, 2.66 above"),
    ],
)
def test_policy_default_uln_is_used_without_lab_limits(value: float, expected: Status) -> None:
    entries = calcium("2025-06-01", value)
    assert status_of(entries, overrides={"limits.calcium_uln": 2.40}) is expected


def test_message_says_the_default_uln_was_used() -> None:
    """D17: without the lab's ULN the policy default (2.60) is used and the message says so."""
    item = item_on(HYPERCALCAEMIA, history(SMM, calcium("2025-06-01", 2.76)), "2025-06-30")
    assert item.message.id == "alert.hypercalcaemia.above_default_uln"
    assert item.message.as_dict() == {
        "value": Quantity(Analyte.CALCIUM, 2.76),
        "date": day("2025-06-01"),
        "basis": "total",
        "uln": Quantity(Analyte.CALCIUM, 2.6),
        "limit": Quantity(Analyte.CALCIUM, 2.75),
    }
    assert item.severity is Severity.URGENT
    assert item.source == "§1a C"


def test_message_with_the_labs_own_uln() -> None:
    entry = calcium("2025-06-01", 2.60, low=2.10, high=2.40)
    item = item_on(HYPERCALCAEMIA, history(SMM, entry), "2025-06-30")
    assert item.message.id == "alert.hypercalcaemia.not_above"
    assert item.message.as_dict()["limit"] == Quantity(Analyte.CALCIUM, 2.65)
    assert item.status is Status.OK


def test_only_the_labs_lower_limit_means_the_default_uln() -> None:
    """D17: the lab gave no ULN, so the default ULN is used even though it gave an LLN."""
    item = item_on(HYPERCALCAEMIA, history(SMM, calcium("2025-06-01", 2.50, low=2.2)), "2025-06-30")
    assert item.message.id == "alert.hypercalcaemia.not_above_default_uln"


def test_message_says_which_calcium_was_used() -> None:
    """D12: corrected when an albumin within 7 days exists."""
    entries = [calcium("2025-06-01", 2.70), lab("2025-06-03", Analyte.ALBUMIN, 35, "g/L")]
    item = item_on(HYPERCALCAEMIA, history(SMM, *entries), "2025-06-30")
    assert item.message.as_dict()["basis"] == "corrected"
    assert item.message.as_dict()["value"] == Quantity(Analyte.CALCIUM, 2.8)


def test_trigger_date_is_the_calcium_date() -> None:
    hist = history(SMM, calcium("2025-06-01", 2.90), lab("2025-06-10", Analyte.ALBUMIN, 40, "g/L"))
    finding = HYPERCALCAEMIA.evaluate(Context(hist, day("2025-06-30"), policy()))
    assert finding.trigger_date == day("2025-06-01")
    assert finding.last is not None
    assert finding.last.date == day("2025-06-01")


# A worked vignette: a high calcium, snoozed by the nurse, a higher one during the
# snooze, then a normal one; later the patient dies.
VIGNETTE = history(
    phase("2025-01-06", Phase.NDMM),
    calcium("2025-03-03", 2.95),
    snooze("alert.hypercalcaemia", "2025-03-04", "2025-03-20"),
    calcium("2025-03-10", 3.05),
    calcium("2025-03-24", 2.40),
    calcium("2025-04-01", 1.70, kind=CalciumKind.IONISED),
    calcium("2025-05-05", 2.90),
    calcium("2025-05-06", 1.20, kind=CalciumKind.IONISED),
    status=PatientStatus.DECEASED,
    status_date=day("2025-06-01"),
)


@pytest.mark.parametrize(
    ("on", "expected"),
    [
        pytest.param("2025-03-01", Status.OK, id="alert.hypercalcaemia: live, no calcium yet"),
        pytest.param("2025-03-03", Status.ALERT, id="alert.hypercalcaemia: 2.95 > 2.75"),
        pytest.param(
            "2025-03-04", Status.SNOOZED, id="11 Status: snoozed from the acknowledgement day"
        ),
        pytest.param(
            "2025-03-09", Status.SNOOZED, id="11 Status: snoozed while the value predates it"
        ),
        pytest.param(
            "2025-03-10",
            Status.ALERT,
            id="11 Status: urgent value dated after the acknowledgement is not snoozed",
        ),
        pytest.param("2025-03-24", Status.OK, id="alert.hypercalcaemia: a newer normal closes it"),
        pytest.param("2025-04-01", Status.OK, id="D16: a newer ionised value changes nothing"),
        pytest.param("2025-05-05", Status.ALERT, id="alert.hypercalcaemia: high again"),
        pytest.param("2025-05-06", Status.ALERT, id="D16: a newer ionised value does not close it"),
        pytest.param(
            "2025-05-31", Status.ALERT, id="alert.hypercalcaemia: live until the status date"
        ),
        pytest.param(
            "2025-06-01", Status.NOT_APPLICABLE, id="11 Phases: deceased, any live patient only"
        ),
    ],
)
def test_vignette(on: str, expected: Status) -> None:
    assert item_on(HYPERCALCAEMIA, VIGNETTE, on).status is expected


@pytest.mark.parametrize(
    ("on", "expected"),
    [
        pytest.param("2025-03-20", Status.SNOOZED, id="11 Status: snoozed on its until day"),
        pytest.param("2025-03-21", Status.ALERT, id="11 Status: the alert shows after until"),
    ],
)
def test_snooze_ends_after_until(on: str, expected: Status) -> None:
    hist = history(
        SMM,
        calcium("2025-03-03", 2.95),
        snooze("alert.hypercalcaemia", "2025-03-04", "2025-03-20"),
    )
    assert item_on(HYPERCALCAEMIA, hist, on).status is expected


def test_snooze_lasts_at_most_snooze_max_days() -> None:
    """§11 Status: until ≤ acknowledgement + snooze.max_days (90)."""
    hist = history(
        SMM,
        calcium("2025-01-02", 2.95),
        snooze("alert.hypercalcaemia", "2025-01-03", "2025-12-31"),
    )
    assert item_on(HYPERCALCAEMIA, hist, "2025-04-03").status is Status.SNOOZED
    assert item_on(HYPERCALCAEMIA, hist, "2025-04-04").status is Status.ALERT


def test_transferred_patient_is_not_applicable() -> None:
    hist = history(
        SMM,
        calcium("2025-06-01", 3.10),
        status=PatientStatus.TRANSFERRED,
        status_date=day("2025-06-15"),
    )
    item = item_on(HYPERCALCAEMIA, hist, "2025-06-30")
    assert item.status is Status.NOT_APPLICABLE
    assert item.message.id == "alert.hypercalcaemia.not_in_care"
    assert item.message.as_dict() == {"since": day("2025-06-15")}
