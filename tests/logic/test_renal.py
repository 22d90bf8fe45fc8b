"""Renal function (clinical-rules.md §9 formulas, §5 ZA dose table, D13).

Expected values are worked out here from the §9 formulas as printed, not taken
from the code.
"""

from __future__ import annotations

from datetime import date

import pytest
from builders import context, history, lab, weight

from mmtracker.logic.codes import Sex
from mmtracker.logic.renal import (
    ckd_epi_2021,
    cockcroft_gault,
    kdigo_category,
    renal_function_at,
    weight_near,
    za_dose_mg,
)

MG_DL = 88.4  # §9: creatinine mg/dL × 88.4 = µmol/L


@pytest.mark.parametrize(
    ("age", "kg", "umol_l", "sex", "expected"),
    [
        # (140 − 60) × 70 / (72 × 1.0) = 5600 / 72
        pytest.param(60, 70, 88.4, Sex.MALE, 77.78, id="§9 CG man 60 y 70 kg SCr 1.0 mg/dL"),
        # × 0.85 for a woman: 77.78 × 0.85
        pytest.param(60, 70, 88.4, Sex.FEMALE, 66.11, id="§9 CG woman ×0.85"),
        # (140 − 80) × 50 / (72 × 2.0) = 3000 / 144
        pytest.param(80, 50, 176.8, Sex.MALE, 20.83, id="§9 CG man 80 y 50 kg SCr 2.0 mg/dL"),
        # (140 − 45) × 90 / (72 × 0.8) = 8550 / 57.6
        pytest.param(45, 90, 70.72, Sex.MALE, 148.44, id="§9 CG man 45 y 90 kg SCr 0.8 mg/dL"),
        # (140 − 70) × 60 / (72 × 1.5) × 0.85 = 4200 / 108 × 0.85
        pytest.param(70, 60, 132.6, Sex.FEMALE, 33.06, id="§9 CG woman 70 y 60 kg SCr 1.5 mg/dL"),
    ],
)
def test_cockcroft_gault_by_hand(
    age: int, kg: float, umol_l: float, sex: Sex, expected: float
) -> None:
    assert cockcroft_gault(age, kg, umol_l, sex) == pytest.approx(expected, abs=0.005)


@pytest.mark.parametrize(
    ("sex", "factor"),
    [
        pytest.param(Sex.MALE, 1.23, id="§9 CG SI form ×1.23 men"),
        pytest.param(Sex.FEMALE, 1.04, id="§9 CG SI form ×1.04 women"),
    ],
)
def test_cockcroft_gault_agrees_with_the_si_form(sex: Sex, factor: float) -> None:
    # §9: CrCl = (140 − age) × weight × 1.23 (men) or 1.04 (women) / SCr µmol/L (derived, rounded).
    expected = (140 - 55) * 80 * factor / 120
    assert cockcroft_gault(55, 80, 120, sex) == pytest.approx(expected, rel=0.01)


def _ckd_epi_by_hand(age: int, scr_mg_dl: float, female: bool) -> float:
    """§9 CKD-EPI 2021 written out: 142 × min(SCr/κ,1)^α × max(SCr/κ,1)^−1.200 × 0.9938^age."""
    kappa, alpha = (0.7, -0.241) if female else (0.9, -0.302)
    ratio = scr_mg_dl / kappa
    egfr: float = 142 * min(ratio, 1) ** alpha * max(ratio, 1) ** -1.200 * 0.9938**age
    return egfr * 1.012 if female else egfr


@pytest.mark.parametrize(
    ("age", "scr_mg_dl", "sex"),
    [
        pytest.param(60, 1.0, Sex.MALE, id="§9 CKD-EPI man 60 y SCr 1.0 (above κ 0.9)"),
        pytest.param(60, 0.9, Sex.MALE, id="§9 CKD-EPI man SCr = κ 0.9"),
        pytest.param(40, 0.6, Sex.MALE, id="§9 CKD-EPI man SCr below κ (α −0.302)"),
        pytest.param(50, 0.6, Sex.FEMALE, id="§9 CKD-EPI woman SCr below κ 0.7 (α −0.241)"),
        pytest.param(50, 0.7, Sex.FEMALE, id="§9 CKD-EPI woman SCr = κ 0.7 ×1.012"),
        pytest.param(75, 2.5, Sex.FEMALE, id="§9 CKD-EPI woman 75 y SCr 2.5"),
    ],
)
def test_ckd_epi_2021_by_hand(age: int, scr_mg_dl: float, sex: Sex) -> None:
    expected = _ckd_epi_by_hand(age, scr_mg_dl, sex is Sex.FEMALE)
    assert ckd_epi_2021(age, scr_mg_dl * MG_DL, sex) == pytest.approx(expected, rel=1e-9)


def test_ckd_epi_at_kappa_is_142_times_the_age_term() -> None:
    # §9: with SCr = κ both power terms are 1: 142 × 0.9938^60 (man).
    assert ckd_epi_2021(60, 0.9 * MG_DL, Sex.MALE) == pytest.approx(142 * 0.9938**60)


@pytest.mark.parametrize(
    ("egfr", "category"),
    [
        pytest.param(120, "G1", id="§9 KDIGO G1 well above 90"),
        pytest.param(90, "G1", id="§9 KDIGO G1 ≥90 at boundary"),
        pytest.param(89.99, "G2", id="§9 KDIGO G2 just below 90"),
        pytest.param(60, "G2", id="§9 KDIGO G2 60 at boundary"),
        pytest.param(59.99, "G3a", id="§9 KDIGO G3a just below 60"),
        pytest.param(45, "G3a", id="§9 KDIGO G3a 45 at boundary"),
        pytest.param(44.99, "G3b", id="§9 KDIGO G3b just below 45"),
        pytest.param(30, "G3b", id="§9 KDIGO G3b 30 at boundary"),
        pytest.param(29.99, "G4", id="§9 KDIGO G4 just below 30"),
        pytest.param(15, "G4", id="§9 KDIGO G4 15 at boundary"),
        pytest.param(14.99, "G5", id="§9 KDIGO G5 <15"),
        pytest.param(0, "G5", id="§9 KDIGO G5 at 0"),
    ],
)
def test_kdigo_category_edges(egfr: float, category: str) -> None:
    assert kdigo_category(egfr) == category


@pytest.mark.parametrize(
    ("crcl", "dose"),
    [
        pytest.param(90, 4.0, id="§5 ZA table >60 -> 4.0 mg"),
        pytest.param(60.01, 4.0, id="§5 ZA table 60.01 -> 4.0 mg"),
        pytest.param(60, 3.5, id="§5 ZA table 60 -> 3.5 mg"),
        pytest.param(50, 3.5, id="§5 ZA table 50 -> 3.5 mg"),
        pytest.param(49.99, 3.3, id="§5 ZA table 49.99 -> 3.3 mg"),
        pytest.param(40, 3.3, id="§5 ZA table 40 -> 3.3 mg"),
        pytest.param(39.99, 3.0, id="§5 ZA table 39.99 -> 3.0 mg"),
        pytest.param(30, 3.0, id="§5 ZA table 30 -> 3.0 mg"),
        pytest.param(29.99, None, id="§5 ZA table 29.99 -> not recommended"),
        pytest.param(10, None, id="§5 ZA table <30 -> not recommended"),
    ],
)
def test_za_dose_table(crcl: float, dose: float | None) -> None:
    assert za_dose_mg(crcl) == dose


def test_renal_function_from_the_latest_creatinine_and_weight() -> None:
    h = history(
        sex="M",
        born="1965-01-01",
        lab_results=[
            lab("2025-01-10", "creatinine", 200, "umol/L"),
            lab("2025-03-01", "creatinine", 1.0, "mg/dL"),  # 88.4 µmol/L
            lab("2025-05-01", "creatinine", 300, "umol/L"),  # after as_of
        ],
        weights=[weight("2024-12-01", 90), weight("2025-02-01", 70)],
    )
    renal = renal_function_at(context(h, "2025-04-01"))
    assert renal is not None
    assert renal.date.isoformat() == "2025-03-01"
    assert renal.creatinine_umol_l == pytest.approx(88.4)
    assert renal.age == 60
    assert renal.weight is not None
    assert renal.weight.weight_kg == 70  # D13: the most recent weight on record
    assert renal.crcl == pytest.approx((140 - 60) * 70 / 72)  # 77.78
    assert renal.egfr == pytest.approx(_ckd_epi_by_hand(60, 1.0, female=False))
    assert renal.kdigo == kdigo_category(renal.egfr)


def test_renal_function_on_an_earlier_day() -> None:
    h = history(
        sex="F",
        born="1960-01-01",
        lab_results=[
            lab("2025-01-10", "creatinine", 132.6, "umol/L"),
            lab("2025-03-01", "creatinine", 88.4, "umol/L"),
        ],
        weights=[weight("2025-01-01", 60)],
    )
    ctx = context(h, "2025-04-01")
    renal = renal_function_at(ctx, ctx.as_of.replace(month=2))
    assert renal is not None
    assert renal.date.isoformat() == "2025-01-10"
    assert renal.crcl == pytest.approx((140 - 65) * 60 / (72 * 1.5) * 0.85)


def test_without_a_weight_crcl_is_not_computed_and_egfr_is_given() -> None:
    # D13: no weight -> CrCl "not computable"; the CKD-EPI 2021 eGFR is shown.
    h = history(
        sex="F", born="1950-06-01", lab_results=[lab("2025-01-10", "creatinine", 1.2, "mg/dL")]
    )
    renal = renal_function_at(context(h, "2025-02-01"))
    assert renal is not None
    assert renal.weight is None
    assert renal.crcl is None
    assert renal.egfr == pytest.approx(_ckd_epi_by_hand(74, 1.2, female=True))


def test_age_is_taken_on_the_creatinine_date() -> None:
    h = history(
        sex="M",
        born="1965-06-15",
        lab_results=[lab("2025-06-14", "creatinine", 88.4, "umol/L")],
        weights=[weight("2025-06-14", 72)],
    )
    renal = renal_function_at(context(h, "2025-07-01"))
    assert renal is not None
    assert renal.age == 59
    assert renal.crcl == pytest.approx((140 - 59) * 72 / 72)


def test_no_creatinine_no_renal_function() -> None:
    h = history(weights=[weight("2025-01-01", 70)])
    assert renal_function_at(context(h, "2025-02-01")) is None


@pytest.mark.parametrize(
    ("weighed", "expected"),
    [
        pytest.param(["2026-01-01"], 70.0, id="D35: 90 d before the creatinine is near"),
        pytest.param(["2025-12-31"], None, id="D35: 91 d before is not"),
        pytest.param(["2026-06-30"], 70.0, id="D35: 90 d after is near"),
        pytest.param(["2026-05-31", "2026-03-01"], 71.0, id="D35: the closer one wins"),
    ],
)
def test_weight_near_d35_within_90_days(weighed: list[str], expected: float | None) -> None:
    """D35: the weight closest to the baseline creatinine (2026-04-01) within 90 d."""
    kgs = (70.0, 71.0)
    entries = [weight(d, kgs[i]) for i, d in enumerate(weighed)]
    ctx = context(history(weights=entries), "2026-07-01")
    found = weight_near(ctx, date(2026, 4, 1), 90)
    assert (found.weight_kg if found else None) == expected
