"""SLiM-CRAB (clinical-rules.md §1a; D12, D15, D16, D17).

Every threshold at its boundary and on either side, in SI and in conventional
units converted per D15. Expected outcomes come from the rules, not the code.
"""

from __future__ import annotations

from typing import Any

import pytest
from builders import context, flc, history, imaging, immunofixation, lab, policy, weight

from mmtracker.logic.crab import CrabCode, CrabCriterion, slim_crab
from mmtracker.logic.history import LabResult, PatientHistory

AS_OF = "2025-06-30"
DAY = "2025-06-01"
# Lab limits given with every calcium or haemoglobin unless a test is about them.
CALCIUM_LIMITS = {"ref_low": 2.10, "ref_high": 2.60}


def judge(code: CrabCode, h: PatientHistory, **kw: Any) -> CrabCriterion:
    return slim_crab(context(h, AS_OF, **kw)).get(code)


def labs(*results: LabResult | list[LabResult], **kw: Any) -> PatientHistory:
    flat: list[LabResult] = []
    for r in results:
        flat.extend(r if isinstance(r, list) else [r])
    return history(lab_results=flat, **kw)


def ids(criterion: CrabCriterion) -> list[str]:
    return [criterion.message.id, *(n.id for n in criterion.notes)]


# --- S: clonal BMPC ≥60% -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("bmpc", "met"),
    [
        pytest.param(59.99, False, id="§1a S ≥60% just below"),
        pytest.param(60, True, id="§1a S ≥60% at boundary"),
        pytest.param(60.01, True, id="§1a S ≥60% just above"),
    ],
)
def test_s_bone_marrow_plasma_cells(bmpc: float, met: bool) -> None:
    c = judge(CrabCode.S, labs(lab(DAY, "bm_plasma_cells", bmpc, "%")))
    assert c.met is met
    assert c.value == pytest.approx(bmpc)
    assert c.limit == 60
    assert c.message.id == f"crab.S.{'met' if met else 'not_met'}"


# --- Li: involved/uninvolved ratio ≥100 and involved FLC ≥100 mg/L -------------------------


@pytest.mark.parametrize(
    ("kappa", "lambda_", "unit", "met"),
    [
        pytest.param(1000, 10, "mg/L", True, id="§1a Li ratio ≥100 at boundary"),
        pytest.param(999, 10, "mg/L", False, id="§1a Li ratio 99.9 below 100"),
        pytest.param(1001, 10, "mg/L", True, id="§1a Li ratio 100.1 above 100"),
        pytest.param(100, 1, "mg/L", True, id="§1a Li involved ≥100 mg/L at boundary"),
        pytest.param(99.9, 0.999, "mg/L", False, id="§1a Li involved 99.9 mg/L below"),
        pytest.param(10, 0.1, "mg/dL", True, id="§1a Li involved 10 mg/dL = 100 mg/L"),
        pytest.param(9.99, 0.0999, "mg/dL", False, id="§1a Li involved 9.99 mg/dL below"),
        pytest.param(100, 1.001, "mg/L", False, id="§1a Li ratio 99.9 with involved 100"),
    ],
)
def test_li_free_light_chains(kappa: float, lambda_: float, unit: str, met: bool) -> None:
    c = judge(CrabCode.LI, labs(flc(DAY, kappa, lambda_, unit)))
    assert c.met is met
    assert c.limit == 100


def test_li_lambda_disease_kappa_over_lambda_at_0_01() -> None:
    # §1a Li: for λ-type disease the ratio is λ/κ ≥100, i.e. κ/λ ≤0.01.
    h = labs(lab(DAY, "serum_m_protein", 5, "g/L", light_chain="lambda"), flc(DAY, 5, 500))
    c = judge(CrabCode.LI, h)
    assert c.met is True
    assert c.value == pytest.approx(100)
    assert "crab.Li.chain_assumed" not in ids(c)


def test_li_involved_chain_recorded_wins_over_the_larger_chain() -> None:
    # The involved chain is the light chain recorded on the M-protein/IFE results.
    h = labs(immunofixation("2025-05-01", light_chain="kappa"), flc(DAY, 5, 500))
    c = judge(CrabCode.LI, h)
    assert c.met is False
    assert c.value == pytest.approx(0.01)


def test_li_without_a_recorded_chain_takes_the_larger_and_says_so() -> None:
    c = judge(CrabCode.LI, labs(flc(DAY, 5, 600)))
    assert c.met is True
    assert c.value == pytest.approx(120)
    assert c.notes[0].id == "crab.Li.chain_assumed"
    assert c.notes[0].as_dict() == {"chain": "λ"}


def test_li_uses_the_latest_day_with_both_chains() -> None:
    h = labs(flc("2025-05-01", 2000, 10), lab(DAY, "flc_kappa", 50, "mg/L"))
    c = judge(CrabCode.LI, h)
    assert c.met is True
    assert c.date is not None
    assert c.date.isoformat() == "2025-05-01"


def test_li_uninvolved_zero_is_not_evaluable() -> None:
    c = judge(CrabCode.LI, labs(flc(DAY, 500, 0)))
    assert c.met is None
    assert c.message.id == "crab.Li.not_computable"


# --- M: >1 focal lesion on MRI ------------------------------------------------------------


@pytest.mark.parametrize(
    ("lesions", "met"),
    [
        pytest.param(0, False, id="§1a M no focal lesion"),
        pytest.param(1, False, id="§1a M >1 focal lesion: 1 at boundary"),
        pytest.param(2, True, id="§1a M >1 focal lesion: 2"),
    ],
)
def test_m_mri_focal_lesions(lesions: int, met: bool) -> None:
    h = history(imaging=[imaging(DAY, "WB_MRI", mri_focal_lesions=lesions)])
    assert judge(CrabCode.M, h).met is met


def test_m_uses_the_latest_mri_with_a_count() -> None:
    h = history(
        imaging=[
            imaging("2025-01-01", "WB_MRI", mri_focal_lesions=3),
            imaging("2025-03-01", "WB_MRI", mri_focal_lesions=1),
            imaging("2025-05-01", "WBLDCT", lytic_lesions=0),
        ]
    )
    c = judge(CrabCode.M, h)
    assert c.met is False
    assert c.value == 1


# --- C: calcium >2.75 mmol/L or >0.25 mmol/L above ULN -------------------------------------


@pytest.mark.parametrize(
    ("value", "unit", "met"),
    [
        pytest.param(2.74, "mmol/L", False, id="§1a C >2.75 mmol/L just below"),
        pytest.param(2.75, "mmol/L", False, id="§1a C >2.75 mmol/L at boundary"),
        pytest.param(2.76, "mmol/L", True, id="§1a C >2.75 mmol/L just above"),
        pytest.param(11.0, "mg/dL", False, id="D15 C 11 mg/dL = 2.7445 mmol/L"),
        pytest.param(11.01, "mg/dL", False, id="D15 C 11.01 mg/dL = 2.747 mmol/L not above 2.75"),
        pytest.param(11.02, "mg/dL", False, id="D15 C 11.02 mg/dL = 2.7495 mmol/L"),
        pytest.param(11.03, "mg/dL", True, id="D15 C 11.03 mg/dL = 2.752 mmol/L above"),
    ],
)
def test_c_absolute_limit(value: float, unit: str, met: bool) -> None:
    limits = {"ref_low": 8.4, "ref_high": 10.4} if unit == "mg/dL" else CALCIUM_LIMITS
    c = judge(CrabCode.C, labs(lab(DAY, "calcium", value, unit, **limits)))
    assert c.met is met
    assert c.limit == pytest.approx(2.75)
    assert c.default_limit_used is False


@pytest.mark.parametrize(
    ("value", "uln", "unit", "met"),
    [
        pytest.param(2.64, 2.40, "mmol/L", False, id="§1a C ULN+0.25 just below"),
        pytest.param(2.65, 2.40, "mmol/L", False, id="§1a C >0.25 above ULN at boundary"),
        pytest.param(2.66, 2.40, "mmol/L", True, id="§1a C >0.25 above ULN just above"),
        pytest.param(10.6, 9.6, "mg/dL", False, id="D15 C 1 mg/dL above ULN = 0.2495 mmol/L"),
        pytest.param(10.601, 9.6, "mg/dL", False, id="D15 C 1.001 mg/dL above = 0.2498 mmol/L"),
        pytest.param(10.61, 9.6, "mg/dL", True, id="D15 C 1.01 mg/dL above = 0.252 mmol/L"),
    ],
)
def test_c_above_the_labs_uln(value: float, uln: float, unit: str, met: bool) -> None:
    c = judge(CrabCode.C, labs(lab(DAY, "calcium", value, unit, ref_low=uln - 0.5, ref_high=uln)))
    assert c.met is met
    assert c.default_limit_used is False


def test_c_default_uln_is_used_and_said() -> None:
    # D17: no lab limits -> policy limits.calcium_uln 2.60; 2.60 + 0.25 = 2.85, so 2.75 binds.
    c = judge(CrabCode.C, labs(lab(DAY, "calcium", 2.76, "mmol/L")))
    assert c.met is True
    assert c.limit == pytest.approx(2.75)
    assert c.default_limit_used is True
    assert "crab.C.default_uln" in ids(c)


@pytest.mark.parametrize(
    ("value", "met"),
    [
        pytest.param(2.65, False, id="D17 policy ULN 2.40 + 0.25 at boundary"),
        pytest.param(2.66, True, id="D17 policy ULN 2.40 + 0.25 just above"),
    ],
)
def test_c_clinic_policy_uln(value: float, met: bool) -> None:
    pol = policy(**{"limits.calcium_uln": 2.40})
    c = judge(CrabCode.C, labs(lab(DAY, "calcium", value, "mmol/L")), pol=pol)
    assert c.met is met
    assert c.limit == pytest.approx(2.65)


@pytest.mark.parametrize(
    ("total", "albumin_day", "met", "basis"),
    [
        # 2.55 + 0.02 × (40 − 30) = 2.75: at the boundary, not above.
        pytest.param(2.55, "2025-06-08", False, "crab.C.corrected", id="D12 corrected 2.75"),
        pytest.param(2.56, "2025-05-25", True, "crab.C.corrected", id="D12 corrected 2.76"),
        # Albumin 8 days away: total used uncorrected (2.56, not above 2.75).
        pytest.param(2.56, "2025-06-09", False, "crab.C.uncorrected", id="D12 albumin >7 d"),
    ],
)
def test_c_albumin_corrected_calcium(total: float, albumin_day: str, met: bool, basis: str) -> None:
    h = labs(
        lab(DAY, "calcium", total, "mmol/L", **CALCIUM_LIMITS),
        lab(albumin_day, "albumin", 30, "g/L"),
    )
    c = judge(CrabCode.C, h)
    assert c.met is met
    assert basis in ids(c)


def test_c_adjusted_calcium_is_not_corrected_again() -> None:
    # D16: only total calcium is albumin-corrected.
    h = labs(
        lab(DAY, "calcium", 2.74, "mmol/L", calcium_kind="adjusted", **CALCIUM_LIMITS),
        lab(DAY, "albumin", 20, "g/L"),
    )
    c = judge(CrabCode.C, h)
    assert c.met is False
    assert c.value == pytest.approx(2.74)
    assert "crab.C.adjusted" in ids(c)


def test_c_ionised_calcium_is_never_compared() -> None:
    # D16: ionised calcium is shown but never compared with the total-calcium limits.
    h = labs(lab(DAY, "calcium", 1.9, "mmol/L", calcium_kind="ionised"))
    c = judge(CrabCode.C, h)
    assert c.met is None
    assert ids(c) == ["crab.C.missing", "crab.C.ionised_not_compared"]


def test_c_a_newer_ionised_calcium_leaves_the_total_in_charge() -> None:
    h = labs(
        lab("2025-05-01", "calcium", 2.9, "mmol/L", **CALCIUM_LIMITS),
        lab(DAY, "calcium", 1.1, "mmol/L", calcium_kind="ionised"),
    )
    c = judge(CrabCode.C, h)
    assert c.met is True
    assert c.date is not None
    assert c.date.isoformat() == "2025-05-01"
    assert "crab.C.ionised_not_compared" in ids(c)


# --- R: CrCl <40 mL/min or creatinine >177 µmol/L -----------------------------------------

# A 30-year-old 120 kg man: CrCl stays far above 40 at these creatinine values.
HEAVY = {"sex": "M", "born": "1995-01-01", "weights": [weight(DAY, 120)]}


@pytest.mark.parametrize(
    ("value", "unit", "met"),
    [
        pytest.param(176.9, "umol/L", False, id="§1a R creatinine >177 just below"),
        pytest.param(177, "umol/L", False, id="§1a R creatinine >177 µmol/L at boundary"),
        pytest.param(177.1, "umol/L", True, id="§1a R creatinine >177 just above"),
        pytest.param(2.0, "mg/dL", False, id="D15 R 2.0 mg/dL = 176.8 µmol/L not above 177"),
        pytest.param(2.002, "mg/dL", False, id="D15 R 2.002 mg/dL = 176.98 µmol/L"),
        pytest.param(2.01, "mg/dL", True, id="D15 R 2.01 mg/dL = 177.7 µmol/L"),
    ],
)
def test_r_creatinine(value: float, unit: str, met: bool) -> None:
    c = judge(CrabCode.R, labs(lab(DAY, "creatinine", value, unit), **HEAVY))
    assert c.met is met
    if not met:
        assert (c.measure, c.limit) == ("creatinine", 177)


@pytest.mark.parametrize(
    ("kg", "met"),
    [
        # (140 − 60) × kg / (72 × 1.0): 36 kg -> 40.0 mL/min exactly.
        pytest.param(36.45, False, id="§1a R CrCl 40.5 above 40"),
        pytest.param(36, False, id="§1a R CrCl <40 at boundary 40.0"),
        pytest.param(35.99, True, id="§1a R CrCl 39.99 below 40"),
    ],
)
def test_r_cockcroft_gault_clearance(kg: float, met: bool) -> None:
    h = labs(
        lab(DAY, "creatinine", 1.0, "mg/dL"),
        sex="M",
        born="1965-01-01",
        weights=[weight(DAY, kg)],
    )
    c = judge(CrabCode.R, h)
    assert c.met is met
    assert "crab.R.cockcroft_gault" in ids(c)
    if met:
        assert c.measure == "crcl"
        assert c.value == pytest.approx(80 * kg / 72)
        assert c.limit == 40


def test_r_without_a_weight_the_ckd_epi_egfr_stands_in() -> None:
    # §1a R allows a validated estimate (CKD-EPI); D13: no weight, no Cockcroft-Gault.
    # Man, 60 y, 2.0 mg/dL: 142 × (2.0/0.9)^−1.200 × 0.9938^60 ≈ 37.5 (< 40).
    h = labs(lab(DAY, "creatinine", 2.0, "mg/dL"), sex="M", born="1965-01-01")
    c = judge(CrabCode.R, h)
    assert c.met is True
    assert c.measure == "egfr"
    assert c.value == pytest.approx(142 * (2.0 / 0.9) ** -1.2 * 0.9938**60)
    assert "crab.R.ckd_epi" in ids(c)


def test_r_cockcroft_gault_preferred_when_a_weight_exists() -> None:
    # Same man at 100 kg: CrCl = 80 × 100 / (72 × 2.0) = 55.6, creatinine 176.8: not met.
    h = labs(
        lab(DAY, "creatinine", 2.0, "mg/dL"),
        sex="M",
        born="1965-01-01",
        weights=[weight(DAY, 100)],
    )
    c = judge(CrabCode.R, h)
    assert c.met is False
    assert c.message.as_dict()["clearance"] == pytest.approx(8000 / 144)


# --- A: Hb <100 g/L or >20 g/L below LLN -------------------------------------------------


@pytest.mark.parametrize(
    ("value", "unit", "met"),
    [
        pytest.param(100.1, "g/L", False, id="§1a A Hb <100 g/L just above"),
        pytest.param(100, "g/L", False, id="§1a A Hb <100 g/L at boundary"),
        pytest.param(99.9, "g/L", True, id="§1a A Hb <100 g/L just below"),
        pytest.param(10.0, "g/dL", False, id="D15 A 10 g/dL = 100 g/L at boundary"),
        pytest.param(9.99, "g/dL", True, id="D15 A 9.99 g/dL = 99.9 g/L"),
        pytest.param(6.21, "mmol/L", False, id="§9 A 6.21 mmol/L = 100.06 g/L"),
        pytest.param(6.2, "mmol/L", True, id="§9 A 6.2 mmol/L = 99.90 g/L below 100"),
    ],
)
def test_a_absolute_limit(value: float, unit: str, met: bool) -> None:
    # Lab LLN 115 g/L: 115 − 20 = 95, so the absolute 100 g/L binds.
    low = 115 if unit == "g/L" else (11.5 if unit == "g/dL" else 7.14)
    c = judge(CrabCode.A, labs(lab(DAY, "hemoglobin", value, unit, ref_low=low)))
    assert c.met is met


@pytest.mark.parametrize(
    ("value", "met"),
    [
        pytest.param(115.1, False, id="§1a A >20 below LLN 135: 115.1"),
        pytest.param(115, False, id="§1a A >20 below LLN 135 at boundary"),
        pytest.param(114.9, True, id="§1a A >20 below LLN 135: 114.9"),
    ],
)
def test_a_below_the_labs_lln(value: float, met: bool) -> None:
    c = judge(CrabCode.A, labs(lab(DAY, "hemoglobin", value, "g/L", ref_low=135), sex="M"))
    assert c.met is met
    assert c.limit == pytest.approx(115)
    assert c.default_limit_used is False


@pytest.mark.parametrize(
    ("sex", "value", "limit", "met"),
    [
        pytest.param("M", 110, 110, False, id="D17 A default LLN 130 (men) - 20 at boundary"),
        pytest.param("M", 109.9, 110, True, id="D17 A default LLN 130 (men) - 20 below"),
        pytest.param("F", 100, 100, False, id="D17 A default LLN 120 (women) - 20 = 100"),
        pytest.param("F", 99.9, 100, True, id="D17 A default LLN 120 (women) below"),
    ],
)
def test_a_default_lln(sex: str, value: float, limit: float, met: bool) -> None:
    c = judge(CrabCode.A, labs(lab(DAY, "hemoglobin", value, "g/L"), sex=sex))
    assert c.met is met
    assert c.limit == pytest.approx(limit)
    assert c.default_limit_used is True
    assert "crab.A.default_lln" in ids(c)


# --- B: ≥1 osteolytic lesion; >1 when BMPC <10% ------------------------------------------


@pytest.mark.parametrize(
    ("lesions", "bmpc", "met"),
    [
        pytest.param(0, 30, False, id="§1a B no lytic lesion"),
        pytest.param(1, 30, True, id="§1a B ≥1 lesion at boundary"),
        pytest.param(1, 10, True, id="§1a B BMPC 10% is not <10%: 1 lesion"),
        pytest.param(1, 9.99, False, id="§1a B BMPC <10%: 1 lesion not enough"),
        pytest.param(2, 9.99, True, id="§1a B BMPC <10%: >1 lesion"),
        pytest.param(1, None, True, id="§1a B BMPC unknown: ≥1 lesion"),
    ],
)
def test_b_lytic_lesions(lesions: int, bmpc: float | None, met: bool) -> None:
    marrow = [lab(DAY, "bm_plasma_cells", bmpc, "%")] if bmpc is not None else []
    h = history(lab_results=marrow, imaging=[imaging(DAY, "WBLDCT", lytic_lesions=lesions)])
    c = judge(CrabCode.B, h)
    assert c.met is met
    assert ("crab.B.low_marrow" in ids(c)) is (bmpc is not None and bmpc < 10)


# --- The whole set ------------------------------------------------------------------------


def test_nothing_recorded_nothing_evaluable() -> None:
    result = slim_crab(context(history(), AS_OF))
    assert [c.code for c in result.criteria] == list(CrabCode)
    assert all(c.met is None for c in result.criteria)
    assert [c.message.id for c in result.criteria] == [f"crab.{c}.missing" for c in CrabCode]
    assert result.any_met is False


def test_any_met_with_one_criterion() -> None:
    h = labs(lab(DAY, "hemoglobin", 95, "g/L", ref_low=120), lab(DAY, "bm_plasma_cells", 20, "%"))
    result = slim_crab(context(h, AS_OF))
    assert result.any_met is True
    assert [c.code for c in result.criteria if c.met] == [CrabCode.A]


def test_the_latest_value_on_or_before_as_of_is_judged() -> None:
    h = labs(
        lab("2025-01-01", "calcium", 3.0, "mmol/L", **CALCIUM_LIMITS),
        lab("2025-06-30", "calcium", 2.4, "mmol/L", **CALCIUM_LIMITS),
        lab("2025-07-01", "calcium", 3.2, "mmol/L", **CALCIUM_LIMITS),
    )
    c = judge(CrabCode.C, h)
    assert c.met is False
    assert c.value == pytest.approx(2.4)
    earlier = slim_crab(context(h, "2025-06-29")).get(CrabCode.C)
    assert earlier.met is True
