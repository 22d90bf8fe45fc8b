"""Unit codes and conversions to the canonical SI units (clinical-rules.md §9).

Each analyte has one canonical unit (ARCHITECTURE.md, "Canonical units") and a
fixed list of accepted unit codes with the factor that turns a value in that
unit into the canonical one. Thresholds are compared in SI after conversion (D15).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from mmtracker.logic.codes import Analyte


class UnitSystem(StrEnum):
    SI = "si"
    CONVENTIONAL = "conventional"


@dataclass(frozen=True, slots=True)
class AnalyteUnits:
    """The canonical unit, the conventional display unit and every accepted unit's factor."""

    canonical: str
    conventional: str
    factors: dict[str, float]


# Factors: value in unit × factor = value in the canonical unit.
# Sources (§9): calcium mg/dL × 0.2495; creatinine mg/dL × 88.4; Hb g/dL × 10,
# Hb mmol/L ÷ 0.6206 = g/dL, hence × 10 / 0.6206 = g/L [S] (100 g/L ≈ 6.2 mmol/L);
# M-protein and albumin g/dL × 10; FLC mg/dL × 10;
# β2M mg/L = µg/mL; 25-OH vitamin D ng/mL × 2.496; LDH 1 µkat/L = 60 U/L.
# Urine g/24 h × 1000 and the identity factors are arithmetic, not clinical values.
ANALYTE_UNITS: dict[Analyte, AnalyteUnits] = {
    Analyte.SERUM_MPROTEIN: AnalyteUnits("g/L", "g/dL", {"g/L": 1.0, "g/dL": 10.0}),
    Analyte.URINE_MPROTEIN: AnalyteUnits("mg/24h", "mg/24h", {"mg/24h": 1.0, "g/24h": 1000.0}),
    Analyte.FLC_KAPPA: AnalyteUnits("mg/L", "mg/dL", {"mg/L": 1.0, "mg/dL": 10.0}),
    Analyte.FLC_LAMBDA: AnalyteUnits("mg/L", "mg/dL", {"mg/L": 1.0, "mg/dL": 10.0}),
    Analyte.BMPC: AnalyteUnits("%", "%", {"%": 1.0}),
    Analyte.HEMOGLOBIN: AnalyteUnits(
        "g/L", "g/dL", {"g/L": 1.0, "g/dL": 10.0, "mmol/L": 10.0 / 0.6206}
    ),
    Analyte.CALCIUM: AnalyteUnits("mmol/L", "mg/dL", {"mmol/L": 1.0, "mg/dL": 0.2495}),
    Analyte.ALBUMIN: AnalyteUnits("g/L", "g/dL", {"g/L": 1.0, "g/dL": 10.0}),
    Analyte.CREATININE: AnalyteUnits("umol/L", "mg/dL", {"umol/L": 1.0, "mg/dL": 88.4}),
    Analyte.B2M: AnalyteUnits("mg/L", "mg/L", {"mg/L": 1.0, "ug/mL": 1.0}),
    Analyte.LDH: AnalyteUnits("U/L", "U/L", {"U/L": 1.0, "ukat/L": 60.0}),
    Analyte.VITAMIN_D: AnalyteUnits("nmol/L", "ng/mL", {"nmol/L": 1.0, "ng/mL": 2.496}),
}

# How unit codes are shown to people.
UNIT_LABELS: dict[str, str] = {
    "umol/L": "µmol/L",
    "ug/mL": "µg/mL",
    "ukat/L": "µkat/L",
    "mg/24h": "mg/24 h",
    "g/24h": "g/24 h",
}


def unit_label(code: str) -> str:
    """The printable form of a unit code (µ instead of u)."""
    return UNIT_LABELS.get(code, code)


def accepted_units(analyte: Analyte) -> tuple[str, ...]:
    """Unit codes accepted for an analyte; empty for qualitative results."""
    units = ANALYTE_UNITS.get(analyte)
    return tuple(units.factors) if units else ()


def canonical_unit(analyte: Analyte) -> str:
    """The SI unit every threshold of this analyte is compared in."""
    return ANALYTE_UNITS[analyte].canonical


def to_canonical(analyte: Analyte, value: float, unit: str) -> float:
    """Convert a value in ``unit`` to the analyte's canonical SI unit."""
    units = ANALYTE_UNITS[analyte]
    try:
        factor = units.factors[unit]
    except KeyError:
        raise ValueError(
            f"unit {unit!r} is not accepted for {analyte.value}; "
            f"accepted: {', '.join(units.factors)}"
        ) from None
    return value * factor


def from_canonical(analyte: Analyte, value: float, unit: str) -> float:
    """Convert a canonical SI value to ``unit``."""
    return value / ANALYTE_UNITS[analyte].factors[unit]


def display_unit(analyte: Analyte, system: UnitSystem) -> str:
    """The unit an analyte is shown in for the chosen unit system."""
    units = ANALYTE_UNITS[analyte]
    return units.canonical if system is UnitSystem.SI else units.conventional
