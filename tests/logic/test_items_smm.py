"""smm.risk, alert.smm_mde, alert.smm_high_risk and alert.pangea_evolving
(clinical-rules.md §11, §1a, §2a, §2b, D6, D18).

Expected values come from the rows: smm.risk is satisfied when serum M-protein and
FLC ratio were resulted within 12 months and a marrow BMPC exists, due 12 months
after the last date it was computable, else SMM diagnosis + 30 d; the alerts follow
§1a (SLiM-CRAB), §2a (Mayo 2018 "20/2/20", strict ">"), §2b (IMWG 2020 score
> 12) and D6 (PANGEA-SMM evolving biomarkers against the earliest value of the
preceding 12 months). Every item closes when the patient leaves SMM. D24:
alert.smm_mde also applies to a live patient with no phase entry; the other items do
not. D45/D40: each alert dates from its newest triggering value and cites the entries
it rests on.
"""

from __future__ import annotations

import pytest
from builders import context, day, imaging, phase
from items_builders import calcium, item_on, rule, snooze
from smm_builders import bmpc, creatinine, fish, hemoglobin, m_protein, ratio, smm_history

from mmtracker.logic.care import Finding, ItemRule, Severity, Status
from mmtracker.logic.codes import ImagingModality, Phase
from mmtracker.logic.history import Entry, LabResult
from mmtracker.logic.items import smm

RISK = rule(smm.RULES, "smm.risk")
MDE = rule(smm.RULES, "alert.smm_mde")
HIGH_RISK = rule(smm.RULES, "alert.smm_high_risk")
PANGEA = rule(smm.RULES, "alert.pangea_evolving")


def test_rule_ids_and_sources_name_the_rows() -> None:
    assert [(r.id, r.source) for r in smm.RULES] == [
        ("smm.risk", "§2; §8 re-score annually"),
        ("alert.smm_mde", "§1a"),
        ("alert.smm_high_risk", "§2; seed 000"),
        ("alert.pangea_evolving", "D6"),
    ]


# --- smm.risk ---------------------------------------------------------------------------

# SMM diagnosed 2025-01-15: first score due 2025-02-14 (due_soon from 01-31). M-protein and
# FLC on 2025-02-20, marrow on 2025-03-01: computable, next due 2026-03-01 (due_soon from
# 02-15). New M-protein and FLC on 2026-03-10 with the 2025 marrow: due 2027-03-10.
RISK_VIGNETTE = smm_history(
    phase("2025-01-15", Phase.SMM),
    snooze("smm.risk", "2025-02-16", "2025-02-25"),
    m_protein("2025-02-20", 15),
    ratio("2025-02-20", 5),
    bmpc("2025-03-01", 15),
    m_protein("2026-03-10", 15),
    ratio("2026-03-10", 5),
    phase("2026-06-01", Phase.NDMM),
)


@pytest.mark.parametrize(
    ("on", "expected", "due"),
    [
        pytest.param("2025-01-14", Status.NOT_APPLICABLE, None, id="§11 smm.risk: before SMM"),
        pytest.param("2025-01-15", Status.OK, "2025-02-14", id="§11 smm.risk: diagnosis + 30 d"),
        pytest.param("2025-01-30", Status.OK, "2025-02-14", id="§11 smm.risk: before lead"),
        pytest.param(
            "2025-01-31", Status.DUE_SOON, "2025-02-14", id="§11 smm.risk: due_soon at due − 14"
        ),
        pytest.param("2025-02-14", Status.DUE_SOON, "2025-02-14", id="§11 smm.risk: due day"),
        pytest.param("2025-02-15", Status.OVERDUE, "2025-02-14", id="§11 smm.risk: overdue"),
        pytest.param("2025-02-16", Status.SNOOZED, "2025-02-14", id="§11 Status: snoozed"),
        pytest.param(
            "2025-02-25", Status.SNOOZED, "2025-02-14", id="§11 Status: snoozed until inclusive"
        ),
        pytest.param(
            "2025-02-26", Status.OVERDUE, "2025-02-14", id="§11 smm.risk: no marrow yet, overdue"
        ),
        pytest.param("2025-03-01", Status.OK, "2026-03-01", id="§11 smm.risk: computable + 12 mo"),
        pytest.param("2026-02-14", Status.OK, "2026-03-01", id="§11 smm.risk: re-score ok"),
        pytest.param(
            "2026-02-15", Status.DUE_SOON, "2026-03-01", id="§11 smm.risk: re-score due_soon"
        ),
        pytest.param(
            "2026-03-02", Status.OVERDUE, "2026-03-01", id="§11 smm.risk: re-score overdue"
        ),
        pytest.param(
            "2026-03-10", Status.OK, "2027-03-10", id="§11 smm.risk: BMPC from the latest marrow"
        ),
        pytest.param(
            "2026-06-01", Status.NOT_APPLICABLE, None, id="§11 smm.risk: closes leaving SMM"
        ),
    ],
)
def test_risk_vignette(on: str, expected: Status, due: str | None) -> None:
    item = item_on(RISK, RISK_VIGNETTE, on)
    assert item.status is expected
    assert item.due == (day(due) if due else None)


def test_risk_messages_follow_the_vignette() -> None:
    waiting = item_on(RISK, RISK_VIGNETTE, "2025-02-26")
    assert waiting.message.id == "smm.risk.never_scored"
    assert waiting.message.as_dict() == {
        "diagnosis": day("2025-01-15"),
        "days": 30,
        "due": day("2025-02-14"),
        "missing": "bmpc",
        "window_months": 12,
    }
    assert waiting.days_overdue == 12
    scored = item_on(RISK, RISK_VIGNETTE, "2026-03-10")
    assert scored.message.id == "smm.risk.scored"
    assert scored.message.as_dict() == {
        "date": day("2026-03-10"),
        "m_protein_date": day("2026-03-10"),
        "flc_date": day("2026-03-10"),
        "bmpc_date": day("2025-03-01"),
        "window_months": 12,
        "months": 12,
        "due": day("2027-03-10"),
    }
    first = item_on(RISK, RISK_VIGNETTE, "2025-03-01")
    assert first.last is not None
    assert (first.last.kind, first.last.date) == ("lab_results", day("2025-03-01"))
    closed = item_on(RISK, RISK_VIGNETTE, "2026-06-01")
    assert closed.message.id == "smm.risk.not_smm"
    assert closed.message.as_dict() == {"phase": "NDMM"}


def test_risk_without_any_input_lists_all_three() -> None:
    item = item_on(RISK, smm_history(phase("2025-01-15", Phase.SMM)), "2025-02-01")
    assert item.message.as_dict()["missing"] == "m_protein, flc_ratio, bmpc"


@pytest.mark.parametrize(
    ("entries", "due"),
    [
        pytest.param(
            [m_protein("2024-03-15", 15), ratio("2025-03-15", 5)],
            "2026-03-15",
            id="§11 smm.risk: M-protein exactly 12 months before the FLC ratio",
        ),
        pytest.param(
            [m_protein("2024-03-15", 15), ratio("2025-03-16", 5)],
            "2024-03-31",
            id="§11 smm.risk: M-protein 12 months + 1 d before: never computable",
        ),
        pytest.param(
            [ratio("2024-03-15", 5), m_protein("2025-03-15", 15)],
            "2026-03-15",
            id="§11 smm.risk: FLC ratio exactly 12 months before the M-protein",
        ),
        pytest.param(
            [m_protein("2024-02-29", 15), ratio("2025-02-28", 5)],
            "2026-02-28",
            id="D18 2024-02-29 + 12 mo = 2025-02-28: within the window",
        ),
        pytest.param(
            [m_protein("2024-02-29", 15), ratio("2025-03-01", 5)],
            "2024-03-31",
            id="D18 2025-03-01 is past 2024-02-29 + 12 mo: never computable",
        ),
    ],
)
def test_risk_twelve_month_window_edges(entries: list[Entry], due: str) -> None:
    hist = smm_history(phase("2024-03-01", Phase.SMM), bmpc("2024-02-20", 15), *entries)
    assert item_on(RISK, hist, "2025-04-01").due == day(due)


def test_risk_stale_m_protein_is_reported_missing() -> None:
    hist = smm_history(
        phase("2024-03-01", Phase.SMM),
        bmpc("2024-02-20", 15),
        m_protein("2024-03-15", 15),
        ratio("2025-03-16", 5),
    )
    item = item_on(RISK, hist, "2025-04-01")
    assert item.status is Status.OVERDUE
    assert item.message.as_dict()["missing"] == "m_protein"


def test_risk_marrow_of_any_age_counts() -> None:
    hist = smm_history(
        bmpc("2020-01-01", 15),
        phase("2025-01-15", Phase.SMM),
        m_protein("2025-01-20", 15),
        ratio("2025-01-20", 5),
    )
    item = item_on(RISK, hist, "2025-02-01")
    assert item.due == day("2026-01-20")
    assert item.message.as_dict()["bmpc_date"] == day("2020-01-01")


# --- alert.smm_mde --------------------------------------------------------------------

WBLDCT = ImagingModality.WBLDCT
WB_MRI = ImagingModality.WB_MRI

# SMM 2025-01-15 with every SLiM-CRAB value normal once imaging is in (01-20). Calcium
# 2.80 mmol/L on 04-01 (C, > 2.75), acknowledged 04-02 to 05-01; Hb 95 g/L on 04-15
# (A, < 100): newer than the acknowledgement, so not snoozed. Normal again on 05-10.
MDE_VIGNETTE = smm_history(
    phase("2025-01-15", Phase.SMM),
    bmpc("2025-01-15", 15),
    m_protein("2025-01-15", 15),
    ratio("2025-01-15", 5),
    calcium("2025-01-15", 2.40),
    hemoglobin("2025-01-15", 125),
    creatinine("2025-01-15", 70),
    imaging("2025-01-20", WBLDCT, lytic_lesions=0),
    imaging("2025-01-20", WB_MRI, mri_focal_lesions=0),
    calcium("2025-04-01", 2.80),
    snooze("alert.smm_mde", "2025-04-02", "2025-05-01"),
    hemoglobin("2025-04-15", 95),
    calcium("2025-05-10", 2.40),
    hemoglobin("2025-05-10", 125),
    phase("2025-06-01", Phase.NDMM),
)


@pytest.mark.parametrize(
    ("on", "expected", "message"),
    [
        pytest.param(
            "2025-01-10",
            Status.OK,
            "none_met_incomplete",
            id="D24 alert.smm_mde: no phase yet, applies as SMM",
        ),
        pytest.param(
            "2025-01-15",
            Status.OK,
            "none_met_incomplete",
            id="§11 alert.smm_mde: none met, imaging not yet done",
        ),
        pytest.param("2025-01-20", Status.OK, "none_met", id="§11 alert.smm_mde: none met"),
        pytest.param("2025-04-01", Status.ALERT, "met", id="§1a C: calcium 2.80 > 2.75"),
        pytest.param(
            "2025-04-02", Status.SNOOZED, "met", id="§11 Status: urgent alert acknowledged"
        ),
        pytest.param(
            "2025-04-14", Status.SNOOZED, "met", id="§11 Status: still snoozed, same trigger"
        ),
        pytest.param(
            "2025-04-15",
            Status.ALERT,
            "met",
            id="§11 Status: urgent trigger newer than the acknowledgement is not snoozed",
        ),
        pytest.param("2025-05-10", Status.OK, "none_met", id="§11 alert.smm_mde: normal again"),
        pytest.param(
            "2025-06-01", Status.NOT_APPLICABLE, "not_smm", id="§11 alert.smm_mde: closes at NDMM"
        ),
    ],
)
def test_mde_vignette(on: str, expected: Status, message: str) -> None:
    item = item_on(MDE, MDE_VIGNETTE, on)
    assert item.status is expected
    assert item.message.id == f"alert.smm_mde.{message}"


def test_mde_lists_the_criteria_met_and_the_newest_trigger() -> None:
    first = item_on(MDE, MDE_VIGNETTE, "2025-04-01")
    assert first.severity is Severity.URGENT
    assert first.message.as_dict() == {"criteria": "C", "date": day("2025-04-01")}
    both = item_on(MDE, MDE_VIGNETTE, "2025-04-15")
    assert both.message.as_dict() == {"criteria": "C, A", "date": day("2025-04-15")}
    assert both.status_beneath_snooze is None
    hidden = item_on(MDE, MDE_VIGNETTE, "2025-04-14")
    assert hidden.status_beneath_snooze is Status.ALERT
    assert item_on(MDE, MDE_VIGNETTE, "2025-01-15").message.as_dict() == {"not_evaluable": "M, B"}


def test_mde_acknowledged_on_the_trigger_day_is_snoozed() -> None:
    hist = smm_history(
        phase("2025-01-15", Phase.SMM),
        calcium("2025-04-01", 2.80),
        snooze("alert.smm_mde", "2025-04-01", "2025-04-30"),
    )
    assert item_on(MDE, hist, "2025-04-10").status is Status.SNOOZED


@pytest.mark.parametrize(
    ("result", "expected"),
    [
        pytest.param(calcium("2025-04-01", 2.75), Status.OK, id="§1a C: calcium 2.75 not > 2.75"),
        pytest.param(calcium("2025-04-01", 2.76), Status.ALERT, id="§1a C: calcium 2.76"),
        pytest.param(bmpc("2025-04-01", 59.9), Status.OK, id="§1a S: BMPC 59.9% below 60%"),
        pytest.param(bmpc("2025-04-01", 60), Status.ALERT, id="§1a S: BMPC exactly 60%"),
        pytest.param(hemoglobin("2025-04-01", 100), Status.OK, id="§1a A: Hb 100 not < 100"),
        pytest.param(creatinine("2025-04-01", 178), Status.ALERT, id="§1a R: creatinine > 177"),
    ],
)
def test_mde_boundaries(result: LabResult, expected: Status) -> None:
    hist = smm_history(phase("2025-01-15", Phase.SMM), result)
    assert item_on(MDE, hist, "2025-04-02").status is expected


@pytest.mark.parametrize(
    ("flc_ratio", "expected"),
    [
        pytest.param(99.9, Status.OK, id="§1a Li: ratio 99.9 below 100"),
        pytest.param(100, Status.ALERT, id="§1a Li: ratio exactly 100, involved 1000 mg/L"),
    ],
)
def test_mde_light_chain_ratio(flc_ratio: float, expected: Status) -> None:
    hist = smm_history(
        phase("2025-01-15", Phase.SMM),
        m_protein("2025-04-01", 5),
        ratio("2025-04-01", flc_ratio),
    )
    assert item_on(MDE, hist, "2025-04-02").status is expected


# --- alert.smm_high_risk -------------------------------------------------------------


def smm_inputs(
    bmpc_percent: float, m_protein_g_l: float, flc_ratio: float, **findings: object
) -> list[Entry]:
    """BMPC, serum M-protein, FLC ratio and FISH on 2025-02-01 (FISH normal unless given)."""
    on = "2025-02-01"
    return [
        bmpc(on, bmpc_percent),
        m_protein(on, m_protein_g_l),
        *ratio(on, flc_ratio),
        fish(on, **findings),
    ]


@pytest.mark.parametrize(
    ("inputs", "message", "params"),
    [
        pytest.param(
            smm_inputs(25, 25, 5),
            "mayo_2018",
            {"factors": 2, "median_ttp_months": 29, "two_year_percent": 44.0},
            id="§2a Mayo 2018 high (2 factors): 29 months, 44% (D1)",
        ),
        pytest.param(
            smm_inputs(45, 20, 20, t_4_14=True),
            "imwg_2020",
            {"score": 13, "limit": 12, "group_percent": 73.0},
            id="§2b IMWG 2020 6+3+2+2 = 13 > 12, Mayo intermediate",
        ),
        pytest.param(
            smm_inputs(45, 25, 20, t_4_14=True),
            "both",
            {"factors": 2, "score": 13, "limit": 12},
            id="§2a and §2b both high",
        ),
        pytest.param(
            smm_inputs(35, 20, 20, t_4_14=True),
            "not_met",
            {"limit": 12},
            id="§2b IMWG 2020 5+3+2+2 = exactly 12: not > 12",
        ),
        pytest.param(
            smm_inputs(20, 25, 5),
            "not_met",
            {"limit": 12},
            id="§2a BMPC exactly 20% is not a factor: intermediate",
        ),
        pytest.param(
            smm_inputs(20.01, 25, 5),
            "mayo_2018",
            {"factors": 2, "median_ttp_months": 29, "two_year_percent": 44.0},
            id="§2a BMPC 20.01% is a factor: high",
        ),
        pytest.param(
            smm_inputs(25, 20, 20),
            "not_met",
            {"limit": 12},
            id="§2a M-protein 20 g/L and FLC ratio 20 are not factors",
        ),
        pytest.param(
            [m_protein("2025-02-01", 15)],
            "undetermined",
            {"limit": 12},
            id="§2a Mayo 2018 undetermined without BMPC and FLC",
        ),
    ],
)
def test_high_risk_criteria(inputs: list[Entry], message: str, params: dict[str, object]) -> None:
    hist = smm_history(phase("2025-01-15", Phase.SMM), *inputs)
    item = item_on(HIGH_RISK, hist, "2025-03-01")
    assert item.status is (Status.OK if message in ("not_met", "undetermined") else Status.ALERT)
    assert item.message.id == f"alert.smm_high_risk.{message}"
    assert item.message.as_dict() == params


# High risk from 2025-02-01, acknowledged 2025-02-10 to 03-10; a newer high-risk value on
# 02-15 ends the snooze of the info alert too (D40 generalises the urgent rule of §11
# Status: a cited value dated after the acknowledgement). M-protein 15 g/L on 03-20
# leaves one factor (intermediate).
HIGH_RISK_VIGNETTE = smm_history(
    phase("2025-01-15", Phase.SMM),
    *smm_inputs(25, 25, 5),
    snooze("alert.smm_high_risk", "2025-02-10", "2025-03-10"),
    m_protein("2025-02-15", 26),
    m_protein("2025-03-20", 15),
    phase("2025-06-01", Phase.NDMM),
)


@pytest.mark.parametrize(
    ("on", "expected"),
    [
        pytest.param("2025-01-14", Status.NOT_APPLICABLE, id="§11 alert.smm_high_risk: no SMM"),
        pytest.param("2025-01-20", Status.OK, id="§11 alert.smm_high_risk: not determined"),
        pytest.param("2025-02-01", Status.ALERT, id="§11 alert.smm_high_risk: info alert"),
        pytest.param("2025-02-10", Status.SNOOZED, id="§11 Status: info alert snoozed"),
        pytest.param("2025-02-15", Status.ALERT, id="D40 a newer cited value ends an info snooze"),
        pytest.param("2025-03-11", Status.ALERT, id="§11 Status: snooze over"),
        pytest.param("2025-03-20", Status.OK, id="§11 alert.smm_high_risk: intermediate"),
        pytest.param(
            "2025-06-01", Status.NOT_APPLICABLE, id="§11 alert.smm_high_risk: closes at NDMM"
        ),
    ],
)
def test_high_risk_vignette(on: str, expected: Status) -> None:
    item = item_on(HIGH_RISK, HIGH_RISK_VIGNETTE, on)
    assert item.status is expected
    if expected is Status.ALERT:
        assert item.severity is Severity.INFO


# --- alert.pangea_evolving -------------------------------------------------------------

# SMM 2025-01-15; baseline M-protein 10 g/L, FLC ratio 5, creatinine 80 µmol/L, Hb 130 g/L.
# 06-01: each change just short (M +1.9 g/L, ratio +19.9, creatinine +25 %, Hb −14.9 g/L).
# 09-01: M-protein 12 (+2 g/L = 0.2 g/dL) and creatinine 100.1 (+25.1 %) met; acknowledged
# 09-02 to 09-30. 10-01: Hb 115 (−15 g/L) met as well.
PANGEA_VIGNETTE = smm_history(
    phase("2025-01-15", Phase.SMM),
    m_protein("2025-01-15", 10),
    ratio("2025-01-15", 5),
    creatinine("2025-01-15", 80),
    hemoglobin("2025-01-15", 130),
    m_protein("2025-06-01", 11.9),
    ratio("2025-06-01", 24.9),
    creatinine("2025-06-01", 100),
    hemoglobin("2025-06-01", 115.1),
    m_protein("2025-09-01", 12),
    creatinine("2025-09-01", 100.1),
    snooze("alert.pangea_evolving", "2025-09-02", "2025-09-30"),
    hemoglobin("2025-10-01", 115),
    phase("2026-01-10", Phase.NDMM),
)


@pytest.mark.parametrize(
    ("on", "expected", "message", "params"),
    [
        pytest.param(
            "2025-01-14",
            Status.NOT_APPLICABLE,
            "not_smm",
            {"phase": None},
            id="§11 alert.pangea_evolving: no phase",
        ),
        pytest.param(
            "2025-01-15",
            Status.OK,
            "none_met_incomplete",
            {
                "not_evaluable": "m_protein, flc_ratio, creatinine, hemoglobin",
                "window_months": 12,
            },
            id="D6 a single value of each is not evaluable",
        ),
        pytest.param(
            "2025-06-01",
            Status.OK,
            "none_met",
            {"window_months": 12},
            id="D6 each change just short of its threshold",
        ),
        pytest.param(
            "2025-09-01",
            Status.ALERT,
            "met",
            {"biomarkers": "m_protein, creatinine", "date": day("2025-09-01"), "window_months": 12},
            id="D6 M-protein +0.2 g/dL and creatinine > 25 %",
        ),
        pytest.param(
            "2025-09-02",
            Status.SNOOZED,
            "met",
            {"biomarkers": "m_protein, creatinine", "date": day("2025-09-01"), "window_months": 12},
            id="§11 Status: info alert snoozed",
        ),
        pytest.param(
            "2025-10-01",
            Status.ALERT,
            "met",
            {
                "biomarkers": "m_protein, creatinine, hemoglobin",
                "date": day("2025-10-01"),
                "window_months": 12,
            },
            id="D6 Hb fall 15 g/L = 1.5 g/dL",
        ),
        pytest.param(
            "2026-01-10",
            Status.NOT_APPLICABLE,
            "not_smm",
            {"phase": "NDMM"},
            id="§11 alert.pangea_evolving: closes at NDMM",
        ),
    ],
)
def test_pangea_vignette(
    on: str, expected: Status, message: str, params: dict[str, object]
) -> None:
    item = item_on(PANGEA, PANGEA_VIGNETTE, on)
    assert item.status is expected
    assert item.message.id == f"alert.pangea_evolving.{message}"
    assert item.message.as_dict() == params


@pytest.mark.parametrize(
    ("baseline_on", "expected"),
    [
        pytest.param("2024-09-01", Status.ALERT, id="D6 baseline exactly 12 months before"),
        pytest.param("2024-08-31", Status.OK, id="D6 baseline 12 months + 1 d before: outside"),
    ],
)
def test_pangea_window_edge(baseline_on: str, expected: Status) -> None:
    hist = smm_history(
        phase("2024-01-01", Phase.SMM),
        m_protein(baseline_on, 10),
        m_protein("2025-09-01", 12),
    )
    assert item_on(PANGEA, hist, "2025-09-02").status is expected


# --- Every SMM item closes ------------------------------------------------------------


@pytest.mark.parametrize("item", [RISK, MDE, HIGH_RISK, PANGEA], ids=lambda r: r.id)
def test_smm_to_ndmm_closes_the_item(item: ItemRule) -> None:
    hist = smm_history(
        phase("2025-01-15", Phase.SMM),
        *smm_inputs(25, 25, 5),
        calcium("2025-02-01", 2.90),
        phase("2025-03-01", Phase.NDMM),
    )
    assert item_on(item, hist, "2025-02-28").status is not Status.NOT_APPLICABLE
    closed = item_on(item, hist, "2025-03-01")
    assert closed.status is Status.NOT_APPLICABLE
    assert closed.message.id == f"{item.id}.not_smm"


# --- D24: no phase entry ----------------------------------------------------------------


def test_d24_smm_mde_applies_without_a_phase_entry() -> None:
    """D24: a SLiM-CRAB finding of a patient with no phase entry is never silent."""
    hb = hemoglobin("2025-03-01", 95)
    item = item_on(MDE, smm_history(hb), "2025-03-02")
    assert (item.status, item.severity) == (Status.ALERT, Severity.URGENT)
    assert item.message.as_dict() == {"criteria": "A", "date": day("2025-03-01")}


@pytest.mark.parametrize("item", [RISK, HIGH_RISK, PANGEA], ids=lambda r: r.id)
def test_d24_other_smm_items_do_not_apply_without_a_phase_entry(item: ItemRule) -> None:
    hist = smm_history(*smm_inputs(25, 25, 5), m_protein("2024-06-01", 10))
    found = item_on(item, hist, "2025-03-01")
    assert found.status is Status.NOT_APPLICABLE
    assert found.message.as_dict() == {"phase": None}


# --- D45 since-dates and D40 cites -----------------------------------------------------


def findings(rule_under_test: ItemRule, *entries: Entry, on: str) -> Finding:
    hist = smm_history(phase("2025-01-15", Phase.SMM), *entries)
    return rule_under_test.evaluate(context(hist, on))


def test_d45_d40_smm_mde_dates_from_its_newest_trigger_and_cites_each_value() -> None:
    high = calcium("2025-04-01", 2.80)
    low_hb = hemoglobin("2025-04-15", 95)
    normal_crea = creatinine("2025-04-15", 70)
    finding = findings(MDE, high, low_hb, normal_crea, on="2025-04-20")
    assert finding.trigger_date == day("2025-04-15")
    assert sorted(finding.cites) == sorted([high.id, low_hb.id])


def test_d40_smm_mde_cites_both_light_chains() -> None:
    pair = ratio("2025-04-01", 100)
    finding = findings(MDE, m_protein("2025-04-01", 5), pair, on="2025-04-02")
    assert sorted(finding.cites) == sorted(e.id for e in pair)


def test_d45_d40_high_risk_cites_its_inputs() -> None:
    inputs = smm_inputs(25, 25, 5)
    finding = findings(HIGH_RISK, *inputs, on="2025-03-01")
    assert finding.alert is Severity.INFO
    assert finding.trigger_date == day("2025-02-01")
    assert sorted(finding.cites) == sorted(e.id for e in inputs)


def test_d45_d40_pangea_cites_the_values_compared() -> None:
    first, latest = m_protein("2025-01-15", 10), m_protein("2025-09-01", 12)
    unchanged = [hemoglobin("2025-01-15", 130), hemoglobin("2025-09-01", 129)]
    finding = findings(PANGEA, first, latest, *unchanged, on="2025-09-02")
    assert finding.trigger_date == day("2025-09-01")
    assert sorted(finding.cites) == sorted([first.id, latest.id])
