"""Unit conversions of clinical-rules.md §9: every accepted unit turns into the canonical SI unit."""

from __future__ import annotations

import pytest

from mmtracker.logic.codes import Analyte
from mmtracker.logic.units import (
    UnitSystem,
    accepted_units,
    display_unit,
    from_canonical,
    to_canonical,
)

CASES = [
    # (analyte, value, unit, expected SI) — the §9 rows and their worked examples
    pytest.param(Analyte.CALCIUM, 11.0, "mg/dL", 2.7445, id="§9 calcium 11 mg/dL ≈ 2.75 mmol/L"),
    pytest.param(
        Analyte.CALCIUM, 11.01, "mg/dL", 2.747, id="D15 calcium 11.01 mg/dL = 2.747 mmol/L"
    ),
    pytest.param(
        Analyte.CREATININE, 2.0, "mg/dL", 176.8, id="§9 creatinine 2 mg/dL = 176.8 µmol/L"
    ),
    pytest.param(
        Analyte.CREATININE, 1.2, "mg/dL", 106.08, id="§9 creatinine 1.2 mg/dL ≈ 106 µmol/L"
    ),
    pytest.param(Analyte.HEMOGLOBIN, 10.0, "g/dL", 100.0, id="§9 Hb g/dL × 10 = g/L"),
    pytest.param(Analyte.HEMOGLOBIN, 6.206, "mmol/L", 100.0, id="§9 Hb 100 g/L ≈ 6.2 mmol/L"),
    pytest.param(Analyte.SERUM_MPROTEIN, 3.0, "g/dL", 30.0, id="§9 M-protein 3 g/dL = 30 g/L"),
    pytest.param(Analyte.ALBUMIN, 3.5, "g/dL", 35.0, id="§9 albumin 3.5 g/dL = 35 g/L"),
    pytest.param(Analyte.FLC_KAPPA, 10.0, "mg/dL", 100.0, id="§9 FLC 10 mg/dL = 100 mg/L"),
    pytest.param(Analyte.FLC_LAMBDA, 10.0, "mg/dL", 100.0, id="§9 FLC lambda 10 mg/dL = 100 mg/L"),
    pytest.param(Analyte.B2M, 5.5, "ug/mL", 5.5, id="§9 β2M mg/L = µg/mL"),
    pytest.param(Analyte.VITAMIN_D, 20.0, "ng/mL", 49.92, id="§9 vitamin D 20 ng/mL ≈ 50 nmol/L"),
    pytest.param(Analyte.VITAMIN_D, 30.0, "ng/mL", 74.88, id="§9 vitamin D 30 ng/mL ≈ 75 nmol/L"),
    pytest.param(Analyte.LDH, 1.0, "ukat/L", 60.0, id="§9 LDH 1 µkat/L = 60 U/L"),
    pytest.param(Analyte.URINE_MPROTEIN, 0.2, "g/24h", 200.0, id="urine 0.2 g/24 h = 200 mg/24 h"),
]


@pytest.mark.parametrize(("analyte", "value", "unit", "expected"), CASES)
def test_conversion_to_si(analyte: Analyte, value: float, unit: str, expected: float) -> None:
    assert to_canonical(analyte, value, unit) == pytest.approx(expected, abs=5e-4)


@pytest.mark.parametrize(("analyte", "value", "unit", "expected"), CASES)
def test_conversion_back_from_si(
    analyte: Analyte, value: float, unit: str, expected: float
) -> None:
    assert from_canonical(analyte, expected, unit) == pytest.approx(value, rel=1e-3)


def test_calcium_mmol_to_mg_dl_factor_4_008() -> None:
    # §9: mmol/L × 4.008 = mg/dL
    assert from_canonical(Analyte.CALCIUM, 2.75, "mg/dL") == pytest.approx(2.75 * 4.008, rel=1e-3)


def test_unit_not_accepted_names_the_accepted_ones() -> None:
    with pytest.raises(ValueError, match="accepted: mmol/L, mg/dL"):
        to_canonical(Analyte.CALCIUM, 2.4, "mg/L")


@pytest.mark.parametrize(
    ("analyte", "si", "conventional"),
    [
        (Analyte.CALCIUM, "mmol/L", "mg/dL"),
        (Analyte.CREATININE, "umol/L", "mg/dL"),
        (Analyte.HEMOGLOBIN, "g/L", "g/dL"),
        (Analyte.SERUM_MPROTEIN, "g/L", "g/dL"),
        (Analyte.ALBUMIN, "g/L", "g/dL"),
        (Analyte.FLC_KAPPA, "mg/L", "mg/dL"),
        (Analyte.VITAMIN_D, "nmol/L", "ng/mL"),
        (Analyte.URINE_MPROTEIN, "mg/24h", "mg/24h"),
    ],
)
def test_display_units_follow_architecture(analyte: Analyte, si: str, conventional: str) -> None:
    assert display_unit(analyte, UnitSystem.SI) == si
    assert display_unit(analyte, UnitSystem.CONVENTIONAL) == conventional
    assert {si, conventional} <= set(accepted_units(analyte))


def test_immunofixation_has_no_unit() -> None:
    assert accepted_units(Analyte.SERUM_IFE) == ()
