"""Smouldering myeloma risk (clinical-rules.md §2a, §2b; D1, D2, D6, D15).

Expected groups, points and percentages are copied from the tables of §2 and the
decisions D1, D2 and D6, each test id naming its row.
"""

from __future__ import annotations

import itertools
from typing import Any

import pytest
from builders import context, cytogenetics, flc, history, lab, phase, policy

from mmtracker.logic.codes import Analyte
from mmtracker.logic.history import Cytogenetics, LabResult, PatientHistory
from mmtracker.logic.messages import Quantity
from mmtracker.logic.smm_risk import (
    RiskGroup,
    imwg_2020,
    imwg_2020_score_risk,
    mateos_2020,
    mayo_2018,
    pangea_evolving,
    smm_risk,
)

DAY = "2025-05-01"
AS_OF = "2025-06-01"
NO_FISH_ABNORMALITY: dict[str, Any] = {
    "t_4_14": False,
    "t_14_16": False,
    "gain_1q": "normal",
    "del_13q": False,
}


def bmpc(value: float) -> LabResult:
    return lab(DAY, "bm_plasma_cells", value, "%")


def m_protein(value: float, unit: str = "g/L", date: str = DAY) -> LabResult:
    return lab(date, "serum_m_protein", value, unit, light_chain="kappa")


def ratio(value: float) -> list[LabResult]:
    """A κ-involved FLC pair with this ratio (λ 10 mg/L)."""
    return flc(DAY, value * 10, 10)


def fish(**findings: Any) -> Cytogenetics:
    return cytogenetics(DAY, **{**NO_FISH_ABNORMALITY, **findings})


def smm(
    *results: LabResult | list[LabResult], cyto: Cytogenetics | None = None, **entries: Any
) -> PatientHistory:
    flat: list[LabResult] = []
    for r in results:
        flat.extend(r if isinstance(r, list) else [r])
    entries.setdefault("phase_changes", [phase("2024-01-01", "SMM")])
    entries.setdefault("cytogenetics", [cyto] if cyto else [])
    return history(lab_results=flat, **entries)


# --- Mayo 2018 20/2/20 (§2a, D1) -----------------------------------------------------------


@pytest.mark.parametrize(
    ("results", "factors"),
    [
        pytest.param((bmpc(20), m_protein(10), ratio(5)), (), id="§2a BMPC >20%: 20 at boundary"),
        pytest.param((bmpc(20.01), m_protein(10), ratio(5)), ("bmpc",), id="§2a BMPC 20.01%"),
        pytest.param((bmpc(10), m_protein(20), ratio(5)), (), id="§2a M-protein >20 g/L: 20"),
        pytest.param(
            (bmpc(10), m_protein(20.01), ratio(5)), ("m_protein",), id="§2a M-protein 20.01 g/L"
        ),
        pytest.param(
            (bmpc(10), m_protein(2.0, "g/dL"), ratio(5)), (), id="D15 M-protein 2 g/dL = 20 g/L"
        ),
        pytest.param(
            (bmpc(10), m_protein(2.01, "g/dL"), ratio(5)),
            ("m_protein",),
            id="D15 M-protein 2.01 g/dL = 20.1 g/L",
        ),
        pytest.param((bmpc(10), m_protein(10), ratio(20)), (), id="§2a FLC ratio >20: 20"),
        pytest.param(
            (bmpc(10), m_protein(10), ratio(20.01)), ("flc_ratio",), id="§2a FLC ratio 20.01"
        ),
    ],
)
def test_mayo_2018_factors_at_their_boundaries(
    results: tuple[LabResult | list[LabResult], ...], factors: tuple[str, ...]
) -> None:
    assert mayo_2018(context(smm(*results), AS_OF)).factors == factors


@pytest.mark.parametrize(
    ("results", "group", "ttp", "risk"),
    [
        pytest.param(
            (bmpc(10), m_protein(10), ratio(5)), RiskGroup.LOW, 110, 6, id="D1 Mayo 0 -> low"
        ),
        pytest.param(
            (bmpc(25), m_protein(10), ratio(5)),
            RiskGroup.INTERMEDIATE,
            68,
            18,
            id="D1 Mayo 1 -> intermediate",
        ),
        pytest.param(
            (bmpc(25), m_protein(25), ratio(5)), RiskGroup.HIGH, 29, 44, id="D1 Mayo 2 -> high"
        ),
        pytest.param(
            (bmpc(25), m_protein(25), ratio(30)), RiskGroup.HIGH, 29, 44, id="D1 Mayo 3 -> high"
        ),
    ],
)
def test_mayo_2018_groups_with_both_sources(
    results: tuple[LabResult | list[LabResult], ...], group: RiskGroup, ttp: int, risk: float
) -> None:
    result = mayo_2018(context(smm(*results), AS_OF))
    assert result.group is group
    assert (result.median_ttp_months, result.two_year_percent) == (ttp, risk)
    assert "Lakshman 2018" in result.ttp_source
    assert "Mateos 2020" in result.risk_source
    params = result.message.as_dict()
    assert result.message.id == f"smm.mayo2018.{group}"
    assert (params["median_ttp_months"], params["two_year_percent"]) == (ttp, risk)
    assert params["ttp_source"] == result.ttp_source
    assert params["risk_source"] == result.risk_source


def test_mayo_2018_two_factors_are_high_without_the_third() -> None:
    result = mayo_2018(context(smm(m_protein(25), ratio(30)), AS_OF))
    assert result.group is RiskGroup.HIGH


def test_mayo_2018_undetermined_when_a_missing_factor_could_change_the_group() -> None:
    ctx = context(smm(m_protein(10), ratio(5)), AS_OF)
    result = mayo_2018(ctx)
    assert result.group is None
    assert result.message.as_dict() == {"factors_low": 0, "factors_high": 1}
    assert [m.id for m in smm_risk(ctx).missing] == ["smm.missing.bmpc", "smm.missing.fish"]


# --- Mateos 2020 four groups (§2a) ---------------------------------------------------------


@pytest.mark.parametrize(
    ("results", "cyto", "group", "risk"),
    [
        pytest.param(
            (bmpc(10), m_protein(10), ratio(5)), fish(), RiskGroup.LOW, 6, id="§2a Mateos 0 -> 6%"
        ),
        pytest.param(
            (bmpc(10), m_protein(10), ratio(5)),
            fish(t_4_14=True),
            RiskGroup.LOW_INTERMEDIATE,
            23,
            id="§2a Mateos 1 (FISH) -> 23%",
        ),
        pytest.param(
            (bmpc(25), m_protein(10), ratio(5)),
            fish(gain_1q="gain"),
            RiskGroup.INTERMEDIATE,
            46,
            id="§2a Mateos 2 -> 46%",
        ),
        pytest.param(
            (bmpc(25), m_protein(25), ratio(5)),
            fish(del_13q=True),
            RiskGroup.HIGH,
            63,
            id="§2a Mateos 3 -> 63%",
        ),
        pytest.param(
            (bmpc(25), m_protein(25), ratio(25)),
            fish(t_14_16=True),
            RiskGroup.HIGH,
            63,
            id="§2a Mateos 4 -> high",
        ),
        pytest.param(
            (bmpc(25), m_protein(25), ratio(25)),
            None,
            RiskGroup.HIGH,
            63,
            id="§2a Mateos 3 lab factors: high without FISH",
        ),
    ],
)
def test_mateos_2020_four_groups(
    results: tuple[LabResult | list[LabResult], ...],
    cyto: Cytogenetics | None,
    group: RiskGroup,
    risk: float,
) -> None:
    result = mateos_2020(context(smm(*results, cyto=cyto), AS_OF))
    assert (result.group, result.two_year_percent) == (group, risk)


def test_mateos_2020_undetermined_without_fish() -> None:
    result = mateos_2020(context(smm(bmpc(25), m_protein(10), ratio(5)), AS_OF))
    assert result.group is None
    assert result.message.id == "smm.mateos2020.undetermined"


# --- IMWG 2020 score (§2b, D2) -------------------------------------------------------------


def points(ctx_history: PatientHistory) -> dict[str, int]:
    return dict(imwg_2020(context(ctx_history, AS_OF)).points)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        pytest.param(10, 0, id="D2 FLC ratio 10 -> 0 points"),
        pytest.param(10.01, 2, id="D2 FLC ratio 10.01 -> 2 points"),
        pytest.param(25, 2, id="D2 FLC ratio 25 -> 2 points"),
        pytest.param(25.01, 3, id="D2 FLC ratio 25.01 -> 3 points"),
        pytest.param(40, 3, id="D2 FLC ratio 40 -> 3 points"),
        pytest.param(40.01, 5, id="D2 FLC ratio 40.01 -> 5 points"),
    ],
)
def test_imwg_2020_flc_ratio_bands(value: float, expected: int) -> None:
    assert points(smm(bmpc(10), m_protein(10), ratio(value)))["flc_ratio"] == expected


def test_imwg_2020_flc_ratio_larger_over_smaller_when_the_chain_is_unknown() -> None:
    # §2b: the calculator takes the larger light chain over the smaller.
    h = smm(bmpc(10), lab(DAY, "serum_m_protein", 10, "g/L"), flc(DAY, 10, 410))
    assert points(h)["flc_ratio"] == 5


@pytest.mark.parametrize(
    ("value", "unit", "expected"),
    [
        pytest.param(15, "g/L", 0, id="D2 M-protein 1.5 g/dL (15 g/L) -> 0"),
        pytest.param(15.01, "g/L", 3, id="D2 M-protein 15.01 g/L -> 3"),
        pytest.param(30, "g/L", 3, id="D2 M-protein 3 g/dL (30 g/L) -> 3"),
        pytest.param(30.01, "g/L", 4, id="D2 M-protein 30.01 g/L -> 4"),
        pytest.param(1.5, "g/dL", 0, id="D15 D2 M-protein 1.5 g/dL -> 0"),
        pytest.param(1.51, "g/dL", 3, id="D15 D2 M-protein 1.51 g/dL -> 3"),
        pytest.param(3.0, "g/dL", 3, id="D15 D2 M-protein 3.0 g/dL -> 3"),
        pytest.param(3.01, "g/dL", 4, id="D15 D2 M-protein 3.01 g/dL -> 4"),
    ],
)
def test_imwg_2020_m_protein_bands(value: float, unit: str, expected: int) -> None:
    assert points(smm(bmpc(10), m_protein(value, unit), ratio(5)))["m_protein"] == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        pytest.param(15, 0, id="D2 BMPC 15% -> 0"),
        pytest.param(15.01, 2, id="D2 BMPC 15.01% -> 2"),
        pytest.param(20, 2, id="D2 BMPC 20% -> 2"),
        pytest.param(20.01, 3, id="D2 BMPC 20.01% -> 3"),
        pytest.param(30, 3, id="D2 BMPC 30% -> 3"),
        pytest.param(30.01, 5, id="D2 BMPC 30.01% -> 5"),
        pytest.param(40, 5, id="D2 BMPC 40% -> 5"),
        pytest.param(40.01, 6, id="D2 BMPC 40.01% -> 6"),
    ],
)
def test_imwg_2020_bmpc_bands(value: float, expected: int) -> None:
    assert points(smm(bmpc(value), m_protein(10), ratio(5)))["bmpc"] == expected


@pytest.mark.parametrize(
    ("cyto", "expected", "complete"),
    [
        pytest.param(fish(), 0, True, id="D2 FISH all four absent -> 0"),
        pytest.param(fish(t_4_14=True), 2, True, id="D2 FISH t(4;14) -> 2"),
        pytest.param(fish(t_14_16=True), 2, True, id="D2 FISH t(14;16) -> 2"),
        pytest.param(fish(gain_1q="gain"), 2, True, id="D2 FISH +1q gain -> 2"),
        pytest.param(fish(gain_1q="amplification"), 2, True, id="D2 FISH +1q amp -> 2"),
        pytest.param(fish(del_13q=True), 2, True, id="D2 FISH del(13q) -> 2"),
        pytest.param(
            fish(del_17p=True, t_14_20=True), 0, True, id="D2 del(17p), t(14;20) not in the list"
        ),
        pytest.param(None, 0, False, id="D2 FISH not available -> 0, incomplete"),
        pytest.param(
            cytogenetics(DAY, t_4_14=False), 0, False, id="D2 FISH partly tested -> incomplete"
        ),
        pytest.param(
            cytogenetics(DAY, del_13q=True), 2, True, id="D2 FISH one abnormality is enough"
        ),
    ],
)
def test_imwg_2020_fish(cyto: Cytogenetics | None, expected: int, complete: bool) -> None:
    ctx = context(smm(bmpc(10), m_protein(10), ratio(5), cyto=cyto), AS_OF)
    result = imwg_2020(ctx)
    assert dict(result.points)["fish"] == expected
    assert result.complete is complete
    assert ("smm.missing.fish" in [m.id for m in smm_risk(ctx).missing]) is not complete


@pytest.mark.parametrize(
    ("results", "cyto", "score", "group", "group_percent"),
    [
        # FLC 0 + M 0 + BMPC 2 + FISH 2 = 4
        pytest.param(
            (bmpc(18), m_protein(10), ratio(5)),
            fish(t_4_14=True),
            4,
            RiskGroup.LOW,
            3.8,
            id="D2 score 4 -> low 3.8%",
        ),
        # FLC 2 + M 3 = 5
        pytest.param(
            (bmpc(10), m_protein(20), ratio(15)),
            fish(),
            5,
            RiskGroup.LOW_INTERMEDIATE,
            26,
            id="D2 score 5 -> low-intermediate 26%",
        ),
        # FLC 3 + M 3 + BMPC 2 = 8
        pytest.param(
            (bmpc(18), m_protein(20), ratio(30)),
            fish(),
            8,
            RiskGroup.LOW_INTERMEDIATE,
            26,
            id="D2 score 8 -> low-intermediate 26%",
        ),
        # FLC 3 + M 3 + BMPC 3 = 9
        pytest.param(
            (bmpc(25), m_protein(20), ratio(30)),
            fish(),
            9,
            RiskGroup.INTERMEDIATE,
            51,
            id="D2 score 9 -> intermediate 51%",
        ),
        # FLC 5 + M 4 + BMPC 3 = 12
        pytest.param(
            (bmpc(25), m_protein(35), ratio(50)),
            fish(),
            12,
            RiskGroup.INTERMEDIATE,
            51,
            id="D2 score 12 -> intermediate 51%",
        ),
        # FLC 3 + M 3 + BMPC 5 + FISH 2 = 13
        pytest.param(
            (bmpc(35), m_protein(25), ratio(30)),
            fish(t_4_14=True),
            13,
            RiskGroup.HIGH,
            73,
            id="D2 score 13 -> high 73%",
        ),
        # 5 + 4 + 6 + 2 = 17, the maximum
        pytest.param(
            (bmpc(60), m_protein(40), ratio(90)),
            fish(gain_1q="amplification"),
            17,
            RiskGroup.HIGH,
            73,
            id="D2 score 17 -> high 73%",
        ),
    ],
)
def test_imwg_2020_score_groups(
    results: tuple[LabResult | list[LabResult], ...],
    cyto: Cytogenetics,
    score: int,
    group: RiskGroup,
    group_percent: float,
) -> None:
    result = imwg_2020(context(smm(*results, cyto=cyto), AS_OF))
    assert (result.score, result.group, result.group_percent) == (score, group, group_percent)
    assert result.message.id == f"smm.imwg2020.{group}"


# §2b 2-year progression by exact score, copied from the table.
SCORE_TABLE = {
    0: 1.3,
    2: 5.4,
    3: 2.6,
    4: 10.3,
    5: 19.2,
    6: 23.4,
    7: 27.6,
    8: 35.0,
    9: 48.6,
    10: 41.9,
    11: 50.0,
    12: 61.9,
    13: 50.0,
    14: 78.6,
    15: 83.3,
    16: 88.9,
    17: 88.9,
}


@pytest.mark.parametrize(
    ("score", "percent"),
    [pytest.param(s, p, id=f"§2b per-score risk {s} -> {p}%") for s, p in SCORE_TABLE.items()],
)
def test_imwg_2020_per_score_risk(score: int, percent: float) -> None:
    assert imwg_2020_score_risk(score) == percent


def test_imwg_2020_every_combination_of_bands() -> None:
    # One value inside each D2 band; a score of 1 never occurs (§2b) and every score
    # shows the table's per-score risk.
    flc_values = (5, 20, 30, 50)
    m_values = (10, 20, 35)
    bmpc_values = (10, 18, 25, 35, 50)
    fish_options = (fish(), fish(t_4_14=True))
    scores = set()
    for f, m, b, cyto in itertools.product(flc_values, m_values, bmpc_values, fish_options):
        result = imwg_2020(context(smm(bmpc(b), m_protein(m), ratio(f), cyto=cyto), AS_OF))
        assert result.score is not None
        assert result.score_percent == SCORE_TABLE[result.score]
        scores.add(result.score)
    assert 1 not in scores
    assert scores == set(SCORE_TABLE)  # 0 and 2 to 17


def test_imwg_2020_not_computable_without_a_marrow() -> None:
    ctx = context(smm(m_protein(20), ratio(30), cyto=fish()), AS_OF)
    result = imwg_2020(ctx)
    assert (result.score, result.group, result.score_percent) == (None, None, None)
    assert result.message.id == "smm.imwg2020.not_computable"
    assert [m.id for m in smm_risk(ctx).missing] == ["smm.missing.bmpc"]


# --- Inputs -------------------------------------------------------------------------------


def test_latest_values_and_their_dates_are_used() -> None:
    h = smm(
        lab("2024-01-01", "bm_plasma_cells", 50, "%"),
        lab("2025-02-01", "bm_plasma_cells", 12, "%"),
        lab("2025-07-01", "bm_plasma_cells", 70, "%"),  # after as_of
        m_protein(10),
        ratio(5),
        cyto=fish(),
    )
    result = smm_risk(context(h, AS_OF))
    used = {i.name: (i.value, i.date.isoformat()) for i in result.inputs}
    assert used["bmpc"] == (12, "2025-02-01")
    assert result.imwg_2020.score == 0
    assert result.mayo_2018.group is RiskGroup.LOW


# --- PANGEA-SMM evolving biomarkers (D6) ---------------------------------------------------


def evolving(h: PatientHistory, code: str, **kw: Any) -> Any:
    flags = {f.code: f for f in pangea_evolving(context(h, "2025-03-31", **kw))}
    return flags[code]


def series(analyte: str, unit: str, *points: tuple[str, float], **kw: Any) -> PatientHistory:
    return history(lab_results=[lab(d, analyte, v, unit, **kw) for d, v in points])


@pytest.mark.parametrize(
    ("baseline", "latest", "unit", "met"),
    [
        pytest.param(10, 11.99, "g/L", False, id="D6 M-protein rise 1.99 g/L below 2"),
        pytest.param(10, 12, "g/L", True, id="D6 M-protein rise ≥0.2 g/dL (2 g/L) at boundary"),
        pytest.param(1.0, 1.19, "g/dL", False, id="D15 D6 M-protein 1.0 -> 1.19 g/dL"),
        pytest.param(1.0, 1.2, "g/dL", True, id="D15 D6 M-protein 1.0 -> 1.2 g/dL at boundary"),
    ],
)
def test_pangea_m_protein_rise(baseline: float, latest: float, unit: str, met: bool) -> None:
    h = series("serum_m_protein", unit, ("2024-03-01", baseline), ("2025-03-01", latest))
    flag = evolving(h, "m_protein")
    assert flag.met is met
    assert flag.limit == 2


@pytest.mark.parametrize(
    ("baseline", "latest", "met"),
    [
        pytest.param(10, 29.9, False, id="D6 FLC ratio rise 19.9 below 20"),
        pytest.param(10, 30, True, id="D6 FLC ratio rise ≥20 at boundary"),
    ],
)
def test_pangea_flc_ratio_rise(baseline: float, latest: float, met: bool) -> None:
    h = history(
        lab_results=[*flc("2024-06-01", baseline * 10, 10), *flc("2025-03-01", latest * 10, 10)]
    )
    assert evolving(h, "flc_ratio").met is met


@pytest.mark.parametrize(
    ("baseline", "latest", "unit", "met"),
    [
        pytest.param(80, 100, "umol/L", False, id="D6 creatinine rise >25%: 25% at boundary"),
        pytest.param(80, 100.1, "umol/L", True, id="D6 creatinine rise 25.1%"),
        pytest.param(1.0, 1.25, "mg/dL", False, id="D15 D6 creatinine 88.4 -> 110.5 µmol/L = 25%"),
        pytest.param(1.0, 1.26, "mg/dL", True, id="D15 D6 creatinine 1.0 -> 1.26 mg/dL = 26%"),
    ],
)
def test_pangea_creatinine_rise(baseline: float, latest: float, unit: str, met: bool) -> None:
    h = series("creatinine", unit, ("2024-06-01", baseline), ("2025-03-01", latest))
    flag = evolving(h, "creatinine")
    assert flag.met is met
    assert flag.limit == 25


@pytest.mark.parametrize(
    ("baseline", "latest", "unit", "met"),
    [
        pytest.param(120, 105.1, "g/L", False, id="D6 Hb fall 14.9 g/L below 15"),
        pytest.param(120, 105, "g/L", True, id="D6 Hb fall ≥1.5 g/dL (15 g/L) at boundary"),
        pytest.param(12.0, 10.5, "g/dL", True, id="D15 D6 Hb 12.0 -> 10.5 g/dL at boundary"),
        pytest.param(12.0, 10.51, "g/dL", False, id="D15 D6 Hb 12.0 -> 10.51 g/dL"),
        pytest.param(105, 120, "g/L", False, id="D6 Hb rise is not a fall"),
    ],
)
def test_pangea_hemoglobin_fall(baseline: float, latest: float, unit: str, met: bool) -> None:
    h = series("hemoglobin", unit, ("2024-06-01", baseline), ("2025-03-01", latest))
    assert evolving(h, "hemoglobin").met is met


@pytest.mark.parametrize(
    ("first_day", "met"),
    [
        pytest.param("2024-03-01", True, id="D6 window: exactly 12 months before is included"),
        pytest.param("2024-02-29", False, id="D6 window: one day earlier is excluded"),
    ],
)
def test_pangea_window_edge(first_day: str, met: bool) -> None:
    # Outside the window the earliest value in it (11 g/L) is the baseline: rise 1.5.
    h = series(
        "serum_m_protein",
        "g/L",
        (first_day, 10),
        ("2024-06-01", 11),
        ("2025-03-01", 12.5),
    )
    flag = evolving(h, "m_protein")
    assert flag.met is met
    assert flag.baseline == (10 if met else 11)


def test_pangea_window_follows_the_policy() -> None:
    h = series(
        "serum_m_protein", "g/L", ("2023-09-01", 10), ("2024-06-01", 11), ("2025-03-01", 12.5)
    )
    assert evolving(h, "m_protein").met is False
    assert evolving(h, "m_protein", pol=policy(**{"pangea.window_months": 24})).met is True


def test_pangea_compares_the_earliest_value_not_the_lowest() -> None:
    h = series(
        "serum_m_protein",
        "g/L",
        ("2024-04-01", 11),
        ("2024-08-01", 9),
        ("2025-03-01", 12.5),
    )
    flag = evolving(h, "m_protein")
    assert (flag.baseline, flag.met) == (11, False)


@pytest.mark.parametrize(
    "points",
    [
        pytest.param((), id="D6 no value: not evaluable"),
        pytest.param((("2025-03-01", 12),), id="D6 one value: not evaluable"),
        pytest.param((("2024-01-01", 5), ("2025-03-01", 12)), id="D6 no earlier value in window"),
    ],
)
def test_pangea_not_evaluable(points: tuple[tuple[str, float], ...]) -> None:
    flag = evolving(series("serum_m_protein", "g/L", *points), "m_protein")
    assert flag.met is None
    assert flag.message.id == "smm.pangea.m_protein.not_evaluable"


def test_pangea_reports_every_biomarker_with_its_values() -> None:
    h = history(
        lab_results=[
            lab("2024-06-01", "hemoglobin", 130, "g/L"),
            lab("2025-03-01", "hemoglobin", 110, "g/L"),
        ]
    )
    flags = pangea_evolving(context(h, "2025-03-31"))
    assert [f.code for f in flags] == ["m_protein", "flc_ratio", "creatinine", "hemoglobin"]
    hb = flags[-1]
    assert hb.met is True
    assert hb.message.id == "smm.pangea.hemoglobin.met"
    assert hb.message.as_dict()["change"] == Quantity(Analyte.HEMOGLOBIN, 20)
    assert (hb.baseline, hb.latest) == (130, 110)
