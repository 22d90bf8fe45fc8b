"""alert.hypercalcaemia (clinical-rules.md §11, §1a C, D12, D15-D17, D44, D45).

Expected values are worked out from clinical-rules.md: the alert is urgent when the
latest total-corrected or adjusted calcium is > 2.75 mmol/L or > ULN + 0.25 mmol/L
(strict), compared in mmol/L (calcium mg/dL × 0.2495, §9). D44: an ionised calcium
above its ULN (the lab's, else 1.32 mmol/L, strict) raises it as info, never compared
with the total thresholds; a newer calcium of either kind not meeting its rule closes
a finding, and when both hold the urgent total one shows.
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
    assert item.source == "§1a C; D44"


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


def test_d45_since_and_d40_cites_of_a_corrected_calcium() -> None:
    """D45: the alert dates from its calcium; D40: it cites the calcium and the albumin used."""
    high = calcium("2025-06-01", 2.70)
    albumin = lab("2025-06-03", Analyte.ALBUMIN, 35, "g/L")  # corrected 2.80 (D12)
    item = item_on(HYPERCALCAEMIA, history(SMM, high, albumin), "2025-06-30")
    assert (item.status, item.since, item.due) == (Status.ALERT, day("2025-06-01"), None)
    finding = HYPERCALCAEMIA.evaluate(
        Context(history(SMM, high, albumin), day("2025-06-30"), policy())
    )
    assert sorted(finding.cites) == sorted([high.id, albumin.id])


# --- D44: ionised calcium --------------------------------------------------------------

IONISED = CalciumKind.IONISED


def judged(*entries: Entry, on: str = "2025-06-30") -> tuple[Status, Severity | None, str]:
    item = item_on(HYPERCALCAEMIA, history(SMM, *entries), on)
    return item.status, item.severity, item.message.id


@pytest.mark.parametrize(
    ("entry", "expected"),
    [
        pytest.param(calcium("2025-06-01", 1.31, kind=IONISED), Status.OK, id="D44 1.31 below"),
        pytest.param(
            calcium("2025-06-01", 1.32, kind=IONISED), Status.OK, id="D44 exactly 1.32 not above"
        ),
        pytest.param(calcium("2025-06-01", 1.33, kind=IONISED), Status.ALERT, id="D44 1.33 above"),
        pytest.param(
            calcium("2025-06-01", 1.30, kind=IONISED, high=1.30),
            Status.OK,
            id="D44 D17 lab ULN 1.30: 1.30 not above",
        ),
        pytest.param(
            calcium("2025-06-01", 1.31, kind=IONISED, high=1.30),
            Status.ALERT,
            id="D44 D17 lab ULN 1.30 wins over 1.32: 1.31 above",
        ),
        pytest.param(
            calcium("2025-06-01", 1.40, kind=IONISED, high=1.45),
            Status.OK,
            id="D44 D17 lab ULN 1.45: 1.40 not above although above 1.32",
        ),
        pytest.param(
            calcium("2025-06-01", 5.29, "mg/dL", kind=IONISED),
            Status.OK,
            id="D44 D15 5.29 mg/dL = 1.320 mmol/L, not above 1.32",
        ),
        pytest.param(
            calcium("2025-06-01", 5.30, "mg/dL", kind=IONISED),
            Status.ALERT,
            id="D44 D15 5.30 mg/dL = 1.322 mmol/L, above 1.32",
        ),
    ],
)
def test_d44_ionised_boundaries(entry: Entry, expected: Status) -> None:
    status, severity, _ = judged(entry)
    assert status is expected
    assert severity is (Severity.INFO if expected is Status.ALERT else None)


def test_d44_policy_default_ionised_uln() -> None:
    """D44: the default ULN is the policy value limits.ionised_calcium_uln."""
    entry = calcium("2025-06-01", 1.30, kind=IONISED)
    pol = policy(**{"limits.ionised_calcium_uln": 1.25})
    item = item_on(HYPERCALCAEMIA, history(SMM, entry), "2025-06-30", pol)
    assert (item.status, item.severity) == (Status.ALERT, Severity.INFO)


def test_d44_message_since_and_cites() -> None:
    """D44 info "ionised calcium high — check serum calcium"; D45 since its date; D40 cites it."""
    entry = calcium("2025-06-01", 1.45, kind=IONISED)
    item = item_on(HYPERCALCAEMIA, history(SMM, entry), "2025-06-30")
    assert item.message.id == "alert.hypercalcaemia.ionised_above_default_uln"
    assert item.message.as_dict() == {
        "value": Quantity(Analyte.CALCIUM, 1.45),
        "date": day("2025-06-01"),
        "uln": Quantity(Analyte.CALCIUM, 1.32),
    }
    assert (item.since, item.due) == (day("2025-06-01"), None)
    finding = HYPERCALCAEMIA.evaluate(Context(history(SMM, entry), day("2025-06-30"), policy()))
    assert finding.cites == (entry.id,)


def test_d44_with_the_labs_own_ionised_uln() -> None:
    entry = calcium("2025-06-01", 1.20, kind=IONISED, low=1.10, high=1.30)
    status, _, message = judged(entry)
    assert (status, message) == (Status.OK, "alert.hypercalcaemia.ionised_not_above")


def test_d16_ionised_is_never_compared_with_the_total_thresholds() -> None:
    """D16, D44: an ionised 2.80 mmol/L (a total would be urgent) raises only the info alert."""
    status, severity, message = judged(calcium("2025-06-01", 2.80, kind=IONISED))
    assert (status, severity) == (Status.ALERT, Severity.INFO)
    assert message.startswith("alert.hypercalcaemia.ionised_above")


@pytest.mark.parametrize(
    ("entries", "expected"),
    [
        pytest.param(
            [calcium("2025-06-01", 1.45, kind=IONISED), calcium("2025-06-05", 2.40)],
            (Status.OK, None, "alert.hypercalcaemia.not_above_default_uln"),
            id="D44 a newer normal total closes the ionised finding",
        ),
        pytest.param(
            [calcium("2025-06-01", 2.95), calcium("2025-06-05", 1.20, kind=IONISED)],
            (Status.OK, None, "alert.hypercalcaemia.ionised_not_above_default_uln"),
            id="D44 a newer normal ionised closes the total finding",
        ),
        pytest.param(
            [calcium("2025-06-01", 2.95), calcium("2025-06-05", 1.45, kind=IONISED)],
            (Status.ALERT, Severity.URGENT, "alert.hypercalcaemia.above_default_uln"),
            id="D44 both hold: the urgent total shows (ionised newer)",
        ),
        pytest.param(
            [calcium("2025-06-01", 1.45, kind=IONISED), calcium("2025-06-05", 2.95)],
            (Status.ALERT, Severity.URGENT, "alert.hypercalcaemia.above_default_uln"),
            id="D44 both hold: the urgent total shows (total newer)",
        ),
        pytest.param(
            [calcium("2025-06-01", 2.40), calcium("2025-06-05", 1.45, kind=IONISED)],
            (Status.ALERT, Severity.INFO, "alert.hypercalcaemia.ionised_above_default_uln"),
            id="D44 an older normal total does not close a newer ionised finding",
        ),
        pytest.param(
            [calcium("2025-06-05", 2.40), calcium("2025-06-05", 1.45, kind=IONISED)],
            (Status.ALERT, Severity.INFO, "alert.hypercalcaemia.ionised_above_default_uln"),
            id="D44 same day: a normal total is not newer, the ionised finding shows",
        ),
        pytest.param(
            [calcium("2025-06-05", 1.20, kind=IONISED), calcium("2025-06-05", 2.95)],
            (Status.ALERT, Severity.URGENT, "alert.hypercalcaemia.above_default_uln"),
            id="D44 same day: a normal ionised is not newer, the total finding shows",
        ),
    ],
)
def test_d44_newer_calcium_of_either_kind(
    entries: list[Entry], expected: tuple[Status, Severity | None, str]
) -> None:
    assert judged(*entries) == expected


# A worked vignette: a high calcium, snoozed by the nurse, a higher one during the
# snooze, then a normal one; a high ionised calcium (D44 info); a high total closed by a
# newer normal ionised one (D44); later the patient dies.
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
        pytest.param(
            "2025-04-01", Status.ALERT, id="D44: a newer ionised 1.70 above 1.32 raises info"
        ),
        pytest.param("2025-05-05", Status.ALERT, id="alert.hypercalcaemia: high again"),
        pytest.param(
            "2025-05-06", Status.OK, id="D44: a newer normal ionised value closes the total one"
        ),
        pytest.param(
            "2025-05-31", Status.OK, id="alert.hypercalcaemia: live until the status date"
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
