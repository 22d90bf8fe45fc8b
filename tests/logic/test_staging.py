"""Staging at diagnosis and cytogenetic risk (clinical-rules.md §3a-§3e; D3, D5, D15, D17,
D22, D29, D31).

Expected stages come from the tables of §3, with each test id naming its row.
"""

from __future__ import annotations

from typing import Any

import pytest
from builders import context, cytogenetics, day, history, lab, new_id, phase

from mmtracker.logic.codes import TreatmentIntent
from mmtracker.logic.history import Cytogenetics, LabResult, PatientHistory, TreatmentLine
from mmtracker.logic.staging import (
    PointStage,
    Stage,
    ims_2025,
    imwg_2016,
    iss,
    mayo_additive,
    r2_iss,
    r2_iss_group,
    r_iss,
    staging,
)

NDMM = "2025-03-01"
DAY = "2025-03-05"
AS_OF = "2025-04-01"

# FISH with every abnormality of §3 tested and absent.
NEGATIVE_FISH: dict[str, Any] = {
    "del_17p": False,
    "tp53_mutation": False,
    "t_4_14": False,
    "t_14_16": False,
    "t_14_20": False,
    "gain_1q": "normal",
    "del_1p32": "none",
    "hyperdiploid": True,
}


def b2m(value: float, unit: str = "mg/L") -> LabResult:
    return lab(DAY, "beta2_microglobulin", value, unit)


def albumin(value: float, unit: str = "g/L") -> LabResult:
    return lab(DAY, "albumin", value, unit)


def ldh(value: float, uln: float | None = 250) -> LabResult:
    return lab(DAY, "ldh", value, "U/L", ref_high=uln)


def fish(**findings: Any) -> Cytogenetics:
    return cytogenetics(DAY, **{**NEGATIVE_FISH, **findings})


def ndmm(*results: LabResult, cyto: Cytogenetics | None = None, **entries: Any) -> PatientHistory:
    """A patient diagnosed with active MM on NDMM, with these results."""
    entries.setdefault("phase_changes", [phase(NDMM, "NDMM")])
    entries.setdefault("cytogenetics", [cyto] if cyto else [])
    return history(lab_results=list(results), **entries)


def missing(result: Stage | PointStage | Any) -> set[str]:
    return {m.id.removeprefix("staging.missing.") for m in result.missing}


# --- ISS (§3a, D3) ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("b2m_value", "albumin_value", "stage"),
    [
        pytest.param(5.5, 40, 3, id="§3a ISS III β2M ≥5.5 at boundary (D3)"),
        pytest.param(5.51, 40, 3, id="§3a ISS III β2M 5.51"),
        pytest.param(5.49, 40, 2, id="§3a ISS II β2M 5.49 below 5.5"),
        pytest.param(5.5, 25, 3, id="§3a ISS III whatever the albumin"),
        pytest.param(3.49, 35, 1, id="§3a ISS I β2M <3.5 and albumin ≥35 at boundary"),
        pytest.param(3.5, 35, 2, id="§3a ISS I needs β2M <3.5: 3.5 is II"),
        pytest.param(3.49, 34.99, 2, id="§3a ISS I needs albumin ≥35: 34.99 is II"),
        pytest.param(2.0, 45, 1, id="§3a ISS I well inside"),
    ],
)
def test_iss(b2m_value: float, albumin_value: float, stage: int) -> None:
    result = iss(context(ndmm(b2m(b2m_value), albumin(albumin_value)), AS_OF))
    assert result.stage == stage
    assert result.missing == ()
    assert [i.name for i in result.inputs] == ["b2m", "albumin"]


@pytest.mark.parametrize(
    ("albumin_value", "stage"),
    [
        pytest.param(3.5, 1, id="D15 ISS albumin 3.5 g/dL = 35 g/L -> I"),
        pytest.param(3.49, 2, id="D15 ISS albumin 3.49 g/dL = 34.9 g/L -> II"),
    ],
)
def test_iss_albumin_in_conventional_units(albumin_value: float, stage: int) -> None:
    h = ndmm(b2m(3.0, "ug/mL"), albumin(albumin_value, "g/dL"))
    assert iss(context(h, AS_OF)).stage == stage


@pytest.mark.parametrize(
    ("results", "stage", "absent"),
    [
        pytest.param((b2m(6.0),), 3, {"albumin"}, id="§3a ISS III without albumin"),
        pytest.param((b2m(4.0),), 2, {"albumin"}, id="§3a ISS II (β2M 3.5-5.5) without albumin"),
        pytest.param((b2m(3.0),), None, {"albumin"}, id="§3a ISS I or II: albumin missing"),
        pytest.param((albumin(30),), None, {"b2m"}, id="§3a ISS II or III: β2M missing"),
        pytest.param((), None, {"b2m", "albumin"}, id="§3a ISS nothing recorded"),
    ],
)
def test_iss_with_missing_inputs(
    results: tuple[LabResult, ...], stage: int | None, absent: set[str]
) -> None:
    result = iss(context(ndmm(*results), AS_OF))
    assert result.stage == stage
    assert missing(result) == absent


# --- R-ISS (§3b) --------------------------------------------------------------------------

ISS_I = (b2m(3.0), albumin(40))
ISS_II = (b2m(4.0), albumin(40))
ISS_III = (b2m(6.0), albumin(40))


@pytest.mark.parametrize(
    ("results", "cyto", "stage"),
    [
        pytest.param((*ISS_I, ldh(250)), fish(), 1, id="§3b R-ISS I: ISS I, no CA, LDH = ULN"),
        pytest.param((*ISS_I, ldh(251)), fish(), 2, id="§3b R-ISS II: ISS I with LDH > ULN"),
        pytest.param((*ISS_I, ldh(200)), fish(t_4_14=True), 2, id="§3b R-ISS II: ISS I with CA"),
        pytest.param((*ISS_II, ldh(200)), fish(), 2, id="§3b R-ISS II: ISS II"),
        pytest.param((*ISS_III, ldh(200)), fish(), 2, id="§3b R-ISS II: ISS III, no CA, LDH ok"),
        pytest.param(
            (*ISS_III, ldh(200)), fish(del_17p=True), 3, id="§3b R-ISS III: ISS III + del(17p)"
        ),
        pytest.param(
            (*ISS_III, ldh(200)), fish(t_14_16=True), 3, id="§3b R-ISS III: ISS III + t(14;16)"
        ),
        pytest.param((*ISS_III, ldh(251)), fish(), 3, id="§3b R-ISS III: ISS III + LDH > ULN"),
        pytest.param(
            (*ISS_III, ldh(200)), fish(t_14_20=True), 2, id="§3b R-ISS t(14;20) is not an R-ISS CA"
        ),
        pytest.param(
            (*ISS_III, ldh(200)), fish(gain_1q="gain"), 2, id="§3b R-ISS 1q+ is not an R-ISS CA"
        ),
    ],
)
def test_r_iss(results: tuple[LabResult, ...], cyto: Cytogenetics, stage: int) -> None:
    result = r_iss(context(ndmm(*results, cyto=cyto), AS_OF))
    assert result.stage == stage
    assert result.missing == ()


@pytest.mark.parametrize(
    ("results", "cyto", "stage", "absent"),
    [
        pytest.param(
            (*ISS_I, ldh(200)),
            None,
            None,
            {"del_17p", "t_4_14", "t_14_16"},
            id="§3b R-ISS I or II: FISH not available",
        ),
        pytest.param(
            ISS_II, None, 2, {"del_17p", "t_4_14", "t_14_16", "ldh"}, id="§3b R-ISS II from ISS II"
        ),
        pytest.param(
            (*ISS_III, ldh(300)),
            None,
            3,
            {"del_17p", "t_4_14", "t_14_16"},
            id="§3b R-ISS III from LDH without FISH",
        ),
        pytest.param(ISS_III, fish(), None, {"ldh"}, id="§3b R-ISS II or III: LDH missing"),
        pytest.param(
            ISS_I, fish(t_4_14=True), 2, {"ldh"}, id="§3b R-ISS II: ISS I with CA, LDH missing"
        ),
    ],
)
def test_r_iss_with_missing_inputs(
    results: tuple[LabResult, ...], cyto: Cytogenetics | None, stage: int | None, absent: set[str]
) -> None:
    result = r_iss(context(ndmm(*results, cyto=cyto), AS_OF))
    assert result.stage == stage
    assert missing(result) == absent


def test_ldh_default_uln_is_used_and_said() -> None:
    # D17: no lab ULN -> policy limits.ldh_uln 250 U/L.
    h = ndmm(*ISS_III, ldh(251, uln=None), cyto=fish())
    result = r_iss(context(h, AS_OF))
    assert result.stage == 3
    assert [n.id for n in result.notes] == ["staging.ldh.default_uln"]
    used = {i.name: i for i in result.inputs}["ldh"]
    assert (used.limit, used.default_limit) == (250, True)
    h = ndmm(*ISS_III, ldh(250, uln=None), cyto=fish())
    assert r_iss(context(h, AS_OF)).stage == 2


# --- R2-ISS (§3c) -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("score", "group"),
    [
        pytest.param(0, 1, id="§3c R2-ISS I: 0"),
        pytest.param(0.5, 2, id="§3c R2-ISS II: 0.5"),
        pytest.param(1, 2, id="§3c R2-ISS II: 1"),
        pytest.param(1.5, 3, id="§3c R2-ISS III: 1.5"),
        pytest.param(2, 3, id="§3c R2-ISS III: 2"),
        pytest.param(2.5, 3, id="§3c R2-ISS III: 2.5"),
        pytest.param(3, 4, id="§3c R2-ISS IV: 3"),
        pytest.param(5, 4, id="§3c R2-ISS IV: 5 (maximum)"),
    ],
)
def test_r2_iss_groups(score: float, group: int) -> None:
    assert r2_iss_group(score) == group


@pytest.mark.parametrize(
    ("results", "cyto", "score", "group"),
    [
        pytest.param((*ISS_I, ldh(250)), fish(), 0, 1, id="§3c R2-ISS ISS I nothing else: 0"),
        pytest.param((*ISS_II, ldh(250)), fish(), 1, 2, id="§3c R2-ISS ISS II: 1 point"),
        pytest.param((*ISS_III, ldh(250)), fish(), 1.5, 3, id="§3c R2-ISS ISS III: 1.5 points"),
        pytest.param(
            (*ISS_I, ldh(250)), fish(del_17p=True), 1, 2, id="§3c R2-ISS del(17p): 1 point"
        ),
        pytest.param((*ISS_I, ldh(251)), fish(), 1, 2, id="§3c R2-ISS LDH > ULN: 1 point"),
        pytest.param((*ISS_I, ldh(250)), fish(t_4_14=True), 1, 2, id="§3c R2-ISS t(4;14): 1"),
        pytest.param((*ISS_I, ldh(250)), fish(gain_1q="gain"), 0.5, 2, id="§3c R2-ISS 1q gain"),
        pytest.param(
            (*ISS_I, ldh(250)), fish(gain_1q="amplification"), 0.5, 2, id="§3c R2-ISS 1q amp"
        ),
        pytest.param(
            (*ISS_I, ldh(250)), fish(t_14_16=True), 0, 1, id="§3c R2-ISS t(14;16) scores 0"
        ),
        pytest.param(
            (*ISS_II, ldh(250)),
            fish(del_17p=True, gain_1q="gain"),
            2.5,
            3,
            id="§3c R2-ISS 2.5 -> III",
        ),
        pytest.param((*ISS_II, ldh(251)), fish(del_17p=True), 3, 4, id="§3c R2-ISS 3 -> IV"),
        pytest.param(
            (*ISS_III, ldh(251)),
            fish(del_17p=True, t_4_14=True, gain_1q="amplification"),
            5,
            4,
            id="§3c R2-ISS maximum 5",
        ),
    ],
)
def test_r2_iss(
    results: tuple[LabResult, ...], cyto: Cytogenetics, score: float, group: int
) -> None:
    result = r2_iss(context(ndmm(*results, cyto=cyto), AS_OF))
    assert (result.points, result.group) == (score, group)
    assert result.missing == ()


def test_r2_iss_group_known_without_the_exact_score() -> None:
    # ISS III 1.5 + del(17p) 1 + LDH 1 = 3.5 without 1q or t(4;14): 3.5-5 is IV either way.
    cyto = cytogenetics(DAY, del_17p=True)
    result = r2_iss(context(ndmm(*ISS_III, ldh(300), cyto=cyto), AS_OF))
    assert result.points is None
    assert result.group == 4
    assert missing(result) == {"t_4_14", "gain_1q"}


def test_r2_iss_undetermined_when_the_missing_inputs_change_the_group() -> None:
    result = r2_iss(context(ndmm(*ISS_I, ldh(200)), AS_OF))
    assert (result.points, result.group) == (None, None)
    assert missing(result) == {"del_17p", "t_4_14", "gain_1q"}


# --- Mayo additive staging (§3e) ----------------------------------------------------------


@pytest.mark.parametrize(
    ("results", "cyto", "points", "group"),
    [
        pytest.param((*ISS_I, ldh(250)), fish(), 0, 0, id="§3e Mayo 0 points"),
        pytest.param((*ISS_I, ldh(250)), fish(t_4_14=True), 1, 1, id="§3e Mayo t(4;14) 1 point"),
        pytest.param((*ISS_I, ldh(250)), fish(t_14_16=True), 1, 1, id="§3e Mayo t(14;16) 1"),
        pytest.param((*ISS_I, ldh(250)), fish(t_14_20=True), 1, 1, id="§3e Mayo t(14;20) 1"),
        pytest.param(
            (*ISS_I, ldh(250)),
            fish(t_4_14=True, t_14_16=True),
            1,
            1,
            id="§3e Mayo two translocations: one point",
        ),
        pytest.param((*ISS_I, ldh(250)), fish(gain_1q="gain"), 1, 1, id="§3e Mayo 1q gain"),
        pytest.param((*ISS_I, ldh(250)), fish(gain_1q="amplification"), 1, 1, id="§3e Mayo 1q amp"),
        pytest.param((*ISS_I, ldh(250)), fish(del_17p=True), 1, 1, id="§3e Mayo del(17p)"),
        pytest.param((b2m(5.5), ldh(250)), fish(), 1, 1, id="§3e Mayo ISS III β2M ≥5.5 (D3)"),
        pytest.param((b2m(5.49), ldh(250)), fish(), 0, 0, id="§3e Mayo β2M 5.49 no point"),
        pytest.param((*ISS_I, ldh(251)), fish(), 1, 1, id="§3e Mayo LDH above ULN"),
        pytest.param((b2m(6.0), ldh(300)), fish(del_17p=True), 3, 2, id="§3e Mayo ≥2 points group"),
        pytest.param(
            (b2m(6.0), ldh(300)),
            fish(del_17p=True, t_4_14=True, gain_1q="gain"),
            5,
            2,
            id="§3e Mayo 5 points",
        ),
    ],
)
def test_mayo_additive(
    results: tuple[LabResult, ...], cyto: Cytogenetics, points: int, group: int
) -> None:
    result = mayo_additive(context(ndmm(*results, cyto=cyto), AS_OF))
    assert (result.points, result.group) == (points, group)
    assert result.missing == ()


def test_mayo_additive_two_points_known_is_enough_for_the_top_group() -> None:
    result = mayo_additive(context(ndmm(b2m(6.0), ldh(300)), AS_OF))
    assert (result.points, result.group) == (None, 2)
    assert missing(result) == {"t_4_14", "t_14_16", "t_14_20", "gain_1q", "del_17p"}


def test_mayo_additive_one_point_and_unknowns_is_undetermined() -> None:
    result = mayo_additive(context(ndmm(b2m(6.0), ldh(200)), AS_OF))
    assert (result.points, result.group) == (None, None)


# --- IMS/IMWG 2025 high risk (§3d, D5) ---------------------------------------------------

NORMAL_RENAL = lab(DAY, "creatinine", 80, "umol/L")


@pytest.mark.parametrize(
    ("results", "cyto", "high", "present"),
    [
        pytest.param((b2m(3), NORMAL_RENAL), fish(), False, (), id="§3d IMS none of the four"),
        pytest.param(
            (b2m(3), NORMAL_RENAL),
            fish(del_17p=True, del_17p_clonal_fraction=20),
            True,
            ("del17p_tp53",),
            id="D5 del(17p) clonal fraction ≥20% at boundary",
        ),
        pytest.param(
            (b2m(3), NORMAL_RENAL),
            fish(del_17p=True, del_17p_clonal_fraction=19.99),
            False,
            (),
            id="D5 del(17p) clonal fraction 19.99% below",
        ),
        pytest.param(
            (b2m(3), NORMAL_RENAL),
            fish(tp53_mutation=True),
            True,
            ("del17p_tp53",),
            id="§3d IMS TP53 mutation",
        ),
        pytest.param(
            (b2m(3), NORMAL_RENAL),
            fish(del_17p=True, del_17p_clonal_fraction=10, tp53_mutation=True),
            True,
            ("del17p_tp53",),
            id="§3d IMS TP53 mutation with low-fraction del(17p)",
        ),
        pytest.param(
            (b2m(3), NORMAL_RENAL),
            fish(t_4_14=True, gain_1q="gain"),
            True,
            ("translocation_1p_1q",),
            id="§3d IMS t(4;14) with 1q+",
        ),
        pytest.param(
            (b2m(3), NORMAL_RENAL),
            fish(t_14_16=True, gain_1q="amplification"),
            True,
            ("translocation_1p_1q",),
            id="§3d IMS t(14;16) with 1q amplification",
        ),
        pytest.param(
            (b2m(3), NORMAL_RENAL),
            fish(t_14_20=True, del_1p32="monoallelic"),
            True,
            ("translocation_1p_1q",),
            id="§3d IMS t(14;20) with del(1p32)",
        ),
        pytest.param(
            (b2m(3), NORMAL_RENAL), fish(t_4_14=True), False, (), id="§3d IMS t(4;14) alone"
        ),
        pytest.param(
            (b2m(3), NORMAL_RENAL), fish(gain_1q="gain"), False, (), id="§3d IMS 1q+ alone"
        ),
        pytest.param(
            (b2m(3), NORMAL_RENAL),
            fish(del_1p32="biallelic"),
            True,
            ("del_1p32",),
            id="§3d IMS biallelic del(1p32)",
        ),
        pytest.param(
            (b2m(3), NORMAL_RENAL),
            fish(del_1p32="monoallelic", gain_1q="gain"),
            True,
            ("del_1p32",),
            id="§3d IMS monoallelic del(1p32) with 1q+",
        ),
        pytest.param(
            (b2m(3), NORMAL_RENAL),
            fish(del_1p32="monoallelic"),
            False,
            (),
            id="§3d IMS monoallelic del(1p32) alone",
        ),
    ],
)
def test_ims_2025(
    results: tuple[LabResult, ...],
    cyto: Cytogenetics,
    high: bool,
    present: tuple[str, ...],
) -> None:
    result = ims_2025(context(ndmm(*results, cyto=cyto), AS_OF))
    assert result.high_risk is high
    assert result.present == present


@pytest.mark.parametrize(
    ("b2m_value", "creatinine", "unit", "high"),
    [
        pytest.param(5.5, 106.0, "umol/L", True, id="§3d IMS β2M ≥5.5 at boundary, creat 106"),
        pytest.param(5.49, 80, "umol/L", False, id="§3d IMS β2M 5.49 below 5.5"),
        pytest.param(6.0, 1.19, "mg/dL", True, id="D15 IMS creatinine 1.19 mg/dL = 105.2 µmol/L"),
        pytest.param(6.0, 1.2, "mg/dL", False, id="D15 IMS creatinine <1.2 mg/dL at boundary"),
        pytest.param(6.0, 106.08, "umol/L", False, id="D15 IMS creatinine 106.08 µmol/L = 1.2"),
        pytest.param(6.0, 106.07, "umol/L", True, id="D15 IMS creatinine 106.07 µmol/L"),
        pytest.param(6.0, 150, "umol/L", False, id="§3d IMS β2M high with raised creatinine"),
    ],
)
def test_ims_2025_b2m_with_normal_creatinine(
    b2m_value: float, creatinine: float, unit: str, high: bool
) -> None:
    h = ndmm(b2m(b2m_value), lab(DAY, "creatinine", creatinine, unit), cyto=fish())
    result = ims_2025(context(h, AS_OF))
    assert result.high_risk is high
    assert result.present == (("b2m_normal_creatinine",) if high else ())


def test_ims_2025_del_17p_without_its_clonal_fraction_is_undetermined() -> None:
    h = ndmm(b2m(3), NORMAL_RENAL, cyto=fish(del_17p=True))
    result = ims_2025(context(h, AS_OF))
    assert result.high_risk is None
    assert missing(result) == {"del_17p_clonal_fraction"}


def test_ims_2025_without_fish() -> None:
    result = ims_2025(context(ndmm(b2m(3), NORMAL_RENAL), AS_OF))
    assert result.high_risk is None
    assert missing(result) == {
        "del_17p",
        "tp53_mutation",
        "t_4_14",
        "t_14_16",
        "t_14_20",
        "gain_1q",
        "del_1p32",
    }


def test_ims_2025_high_without_fish_from_b2m_and_creatinine() -> None:
    result = ims_2025(context(ndmm(b2m(7), NORMAL_RENAL), AS_OF))
    assert result.high_risk is True
    assert result.present == ("b2m_normal_creatinine",)


# --- IMWG 2016 high-risk abnormalities (§3d) ---------------------------------------------


@pytest.mark.parametrize(
    ("cyto", "high", "present"),
    [
        pytest.param(fish(), False, (), id="§3d IMWG 2016 none"),
        pytest.param(fish(t_4_14=True), True, ("t_4_14",), id="§3d IMWG 2016 t(4;14)"),
        pytest.param(fish(del_17p=True), True, ("del_17p",), id="§3d IMWG 2016 del(17p)"),
        pytest.param(fish(t_14_16=True), True, ("t_14_16",), id="§3d IMWG 2016 t(14;16)"),
        pytest.param(fish(t_14_20=True), True, ("t_14_20",), id="§3d IMWG 2016 t(14;20)"),
        pytest.param(
            fish(hyperdiploid=False),
            True,
            ("non_hyperdiploid",),
            id="§3d IMWG 2016 non-hyperdiploidy",
        ),
        pytest.param(fish(gain_1q="gain"), True, ("gain_1q",), id="§3d IMWG 2016 gain(1q)"),
        pytest.param(
            fish(gain_1q="amplification"), True, ("gain_1q",), id="§3d IMWG 2016 1q amplification"
        ),
        pytest.param(
            fish(del_1p32="biallelic", del_13q=True), False, (), id="§3d IMWG 2016 not listed"
        ),
        pytest.param(
            cytogenetics(DAY, t_4_14=True), True, ("t_4_14",), id="§3d IMWG 2016 one found"
        ),
        pytest.param(
            cytogenetics(DAY, t_4_14=False), None, (), id="§3d IMWG 2016 others not tested"
        ),
    ],
)
def test_imwg_2016(cyto: Cytogenetics, high: bool | None, present: tuple[str, ...]) -> None:
    result = imwg_2016(context(ndmm(cyto=cyto), AS_OF))
    assert result.high_risk is high
    assert result.present == present


# --- Which values -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("b2m_day", "used"),
    [
        pytest.param("2024-12-31", True, id="§11 workup.staging window: 60 d before NDMM"),
        pytest.param("2024-12-30", False, id="§11 workup.staging window: 61 d before NDMM"),
    ],
)
def test_inputs_count_from_60_days_before_the_active_mm_course(b2m_day: str, used: bool) -> None:
    h = history(
        phase_changes=[phase("2023-01-01", "SMM"), phase(NDMM, "NDMM")],
        lab_results=[lab(b2m_day, "beta2_microglobulin", 6.0, "mg/L")],
    )
    result = iss(context(h, AS_OF))
    assert (result.stage == 3) is used
    assert ("b2m" in missing(result)) is not used


def test_the_course_start_is_the_first_active_phase_not_the_latest_relapse() -> None:
    h = history(
        phase_changes=[
            phase(NDMM, "NDMM"),
            phase("2026-01-01", "RELAPSE", line_number=2),
        ],
        lab_results=[lab(DAY, "beta2_microglobulin", 6.0, "mg/L")],
    )
    assert iss(context(h, "2026-02-01")).stage == 3


def test_d29_the_value_closest_to_the_diagnosis_is_used() -> None:
    """D29: β2M 6.0 four days after NDMM, 4.0 and 2.0 later: the closest (6.0) stages."""
    h = ndmm(
        lab(DAY, "beta2_microglobulin", 6.0, "mg/L"),
        lab("2025-03-20", "beta2_microglobulin", 4.0, "mg/L"),
        lab("2025-04-02", "beta2_microglobulin", 2.0, "mg/L"),
        albumin(40),
    )
    result = iss(context(h, "2025-05-01"))
    assert result.stage == 3
    assert {i.name: i.date.isoformat() for i in result.inputs}["b2m"] == DAY


def test_d29_stage_cytogenetics_come_from_the_window_risk_from_every_test() -> None:
    """D29: a test of 2024-01-01 (425 d before NDMM) is outside the staging window, so
    R-ISS lacks del(17p) and t(14;16); the cumulative cytogenetic risk still counts it."""
    h = ndmm(
        *ISS_III,
        ldh(200),
        cytogenetics=[
            cytogenetics("2024-01-01", del_17p=True, t_4_14=True, t_14_16=False),
            cytogenetics("2025-03-01", t_4_14=False),
        ],
    )
    ctx = context(h, AS_OF)
    result = r_iss(ctx)
    assert result.stage is None
    assert missing(result) == {"del_17p", "t_14_16"}
    assert {i.name: i.date.isoformat() for i in result.inputs}["t_4_14"] == "2025-03-01"
    risk = imwg_2016(ctx)
    assert risk.high_risk is True
    assert risk.present == ("t_4_14", "del_17p")
    dates = {i.name: i.date.isoformat() for i in risk.inputs}
    assert dates["del_17p"] == "2024-01-01"
    assert dates["t_4_14"] == "2024-01-01"  # detected then; a later negative test does not clear it


def test_d29_clonal_fraction_is_the_largest_reported_with_del_17p() -> None:
    h = ndmm(
        b2m(3),
        NORMAL_RENAL,
        cytogenetics=[
            cytogenetics("2024-01-01", del_17p=True, del_17p_clonal_fraction=60),
            fish(del_17p=True),
        ],
    )
    result = ims_2025(context(h, AS_OF))
    assert result.high_risk is True
    assert result.present == ("del17p_tp53",)


@pytest.mark.parametrize(
    ("b2m_day", "used"),
    [
        pytest.param("2025-04-30", True, id="D29 window: day 60 after NDMM is in"),
        pytest.param("2025-05-01", False, id="D29 window: day 61 after NDMM is out"),
        pytest.param("2024-12-31", True, id="D29 window: day 60 before NDMM is in"),
        pytest.param("2024-12-30", False, id="D29 window: day 61 before NDMM is out"),
    ],
)
def test_d29_window_edges(b2m_day: str, used: bool) -> None:
    h = ndmm(lab(b2m_day, "beta2_microglobulin", 6.0, "mg/L"))
    result = iss(context(h, "2025-06-01"))
    assert (result.stage == 3) is used


def induction(start: str) -> TreatmentLine:
    return TreatmentLine(
        id=new_id("line"),
        line_number=1,
        regimen="VRd",
        intent=TreatmentIntent.INDUCTION,
        start_date=day(start),
    )


@pytest.mark.parametrize(
    ("line_start", "stage", "used_day"),
    [
        pytest.param(
            "2025-03-02",
            2,
            "2025-02-01",
            id="D29 before-line preference: 28 d before NDMM beats 4 d after, on treatment",
        ),
        pytest.param(
            "2025-03-05",
            3,
            "2025-03-05",
            id="D29 a value on the line's start day counts as before it",
        ),
        pytest.param(
            "2025-03-04",
            2,
            "2025-02-01",
            id="D29 a value the day after the line starts is on treatment",
        ),
    ],
)
def test_d29_values_before_the_first_line_are_preferred(
    line_start: str, stage: int, used_day: str
) -> None:
    """NDMM 2025-03-01; β2M 4.0 on 2025-02-01 (28 d before) and 6.0 on 2025-03-05."""
    h = ndmm(
        lab("2025-02-01", "beta2_microglobulin", 4.0, "mg/L"),
        lab("2025-03-05", "beta2_microglobulin", 6.0, "mg/L"),
        albumin(40),
        treatment_lines=[induction(line_start)],
    )
    result = iss(context(h, AS_OF))
    assert result.stage == stage
    assert {i.name: i.date.isoformat() for i in result.inputs}["b2m"] == used_day


def test_d29_without_a_value_before_the_line_the_closest_after_it_counts() -> None:
    h = ndmm(
        lab("2025-03-20", "beta2_microglobulin", 6.0, "mg/L"),
        lab("2025-04-10", "beta2_microglobulin", 2.0, "mg/L"),
        treatment_lines=[induction("2025-03-02")],
    )
    assert iss(context(h, "2025-05-01")).stage == 3


def test_d29_equally_close_values_take_the_earlier() -> None:
    h = ndmm(
        lab("2025-02-20", "beta2_microglobulin", 6.0, "mg/L"),
        lab("2025-03-10", "beta2_microglobulin", 2.0, "mg/L"),
        albumin(40),
    )
    assert iss(context(h, AS_OF)).stage == 3


@pytest.mark.parametrize(
    "first",
    [
        pytest.param("MAINTENANCE", id="D22 D29 transferred in at maintenance"),
        pytest.param("ASCT", id="D22 D29 transferred in at ASCT"),
    ],
)
def test_d29_a_transferred_in_patient_is_staged_at_the_first_episode(first: str) -> None:
    """D22: no NDMM entry; the first episode start (2025-03-01) is the diagnosis date:
    β2M 6.0 on 2025-01-15 is within 60 d, 2.0 on 2025-06-01 outside."""
    h = history(
        phase_changes=[phase(NDMM, first)],
        lab_results=[
            lab("2025-01-15", "beta2_microglobulin", 6.0, "mg/L"),
            lab("2025-06-01", "beta2_microglobulin", 2.0, "mg/L"),
        ],
    )
    result = staging(context(h, "2025-07-01"))
    assert result.diagnosis == day(NDMM)
    assert result.iss.stage == 3


# --- Mayo additive figures (D31) ----------------------------------------------------------


@pytest.mark.parametrize(
    ("results", "cyto", "group", "pfs", "os_years"),
    [
        pytest.param(
            (*ISS_I, ldh(250)), fish(), 0, 63.1, 11.0, id="D31 §3e 0 points: 63.1 mo, 11 y"
        ),
        pytest.param((*ISS_I, ldh(251)), fish(), 1, 44.0, 7.0, id="D31 §3e 1 point: 44 mo, 7 y"),
        pytest.param(
            (b2m(6.0), ldh(300)), fish(), 2, 28.6, 4.5, id="D31 §3e 2 points: 28.6 mo, 4.5 y"
        ),
        pytest.param(
            (b2m(6.0), ldh(300)),
            fish(del_17p=True, t_4_14=True, gain_1q="gain"),
            2,
            28.6,
            4.5,
            id="D31 §3e 5 points: ≥2 group",
        ),
    ],
)
def test_d31_mayo_additive_shows_median_pfs_and_os(
    results: tuple[LabResult, ...], cyto: Cytogenetics, group: int, pfs: float, os_years: float
) -> None:
    result = mayo_additive(context(ndmm(*results, cyto=cyto), AS_OF))
    assert result.group == group
    assert (result.median_pfs_months, result.median_os_years) == (pfs, os_years)
    assert result.source == "Abdallah 2022, Blood Cancer J 12:21"
    assert result.message.id == f"staging.mayo_additive.group_{group}"
    assert result.message.as_dict() == {
        "median_pfs_months": pfs,
        "median_os_years": os_years,
        "source": "Abdallah 2022, Blood Cancer J 12:21",
    }


def test_d31_no_figures_while_the_group_is_undetermined() -> None:
    result = mayo_additive(context(ndmm(b2m(6.0), ldh(200)), AS_OF))
    assert (result.median_pfs_months, result.median_os_years) == (None, None)
    assert result.message.id == "staging.mayo_additive.undetermined"


def test_staging_gathers_every_score() -> None:
    h = ndmm(*ISS_III, ldh(300), NORMAL_RENAL, cyto=fish(del_17p=True, del_17p_clonal_fraction=50))
    result = staging(context(h, AS_OF))
    assert result.iss.stage == 3
    assert result.r_iss.stage == 3
    assert (result.r2_iss.points, result.r2_iss.group) == (3.5, 4)
    assert (result.mayo_additive.points, result.mayo_additive.group) == (3, 2)
    assert result.ims_2025.high_risk is True
    assert result.imwg_2016.high_risk is True
