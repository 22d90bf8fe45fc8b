"""Renal function: Cockcroft-Gault, CKD-EPI 2021 and the zoledronic acid dose (clinical-rules.md §9, §5, D13)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from mmtracker.logic.codes import Analyte, Sex
from mmtracker.logic.context import Context
from mmtracker.logic.dates import age_on
from mmtracker.logic.history import LabResult, Weight
from mmtracker.logic.labs import LabValue

CREATININE_UMOL_PER_MG_DL = 88.4  # §9 creatinine conversion

# §9 Cockcroft-Gault: (140 − age) × weight / (72 × SCr mg/dL), × 0.85 if female.
CG_AGE_BASE = 140
CG_DIVISOR = 72
CG_FEMALE_FACTOR = 0.85

# §9 CKD-EPI 2021 race-free creatinine equation (Inker 2021).
CKD_EPI_CONSTANT = 142
CKD_EPI_KAPPA = {Sex.FEMALE: 0.7, Sex.MALE: 0.9}
CKD_EPI_ALPHA = {Sex.FEMALE: -0.241, Sex.MALE: -0.302}
CKD_EPI_HIGH_EXPONENT = -1.200
CKD_EPI_AGE_BASE = 0.9938
CKD_EPI_FEMALE_FACTOR = 1.012

# §9 KDIGO categories (lower bound inclusive), best first.
KDIGO_CATEGORIES = (
    ("G1", 90.0),
    ("G2", 60.0),
    ("G3a", 45.0),
    ("G3b", 30.0),
    ("G4", 15.0),
    ("G5", 0.0),
)

# §5 ZA dose by baseline CrCl (Zometa label), with the stated reading for non-integers:
# >60 → 4.0; ≥50 to ≤60 → 3.5; ≥40 to <50 → 3.3; ≥30 to <40 → 3.0; <30 → not recommended.
ZA_FULL_DOSE_ABOVE = 60.0
ZA_DOSE_BANDS = ((50.0, 3.5), (40.0, 3.3), (30.0, 3.0))
ZA_FULL_DOSE_MG = 4.0


def cockcroft_gault(age: int, weight_kg: float, creatinine_umol_l: float, sex: Sex) -> float:
    """Creatinine clearance in mL/min (not normalised to body surface)."""
    creatinine_mg_dl = creatinine_umol_l / CREATININE_UMOL_PER_MG_DL
    crcl = (CG_AGE_BASE - age) * weight_kg / (CG_DIVISOR * creatinine_mg_dl)
    return crcl * CG_FEMALE_FACTOR if sex is Sex.FEMALE else crcl


def ckd_epi_2021(age: int, creatinine_umol_l: float, sex: Sex) -> float:
    """eGFR in mL/min/1.73 m² by the race-free CKD-EPI 2021 creatinine equation."""
    ratio = creatinine_umol_l / CREATININE_UMOL_PER_MG_DL / CKD_EPI_KAPPA[sex]
    egfr: float = (
        CKD_EPI_CONSTANT
        * min(ratio, 1.0) ** CKD_EPI_ALPHA[sex]
        * max(ratio, 1.0) ** CKD_EPI_HIGH_EXPONENT
        * CKD_EPI_AGE_BASE**age
    )
    return egfr * CKD_EPI_FEMALE_FACTOR if sex is Sex.FEMALE else egfr


def kdigo_category(egfr: float) -> str:
    """The KDIGO G category of an eGFR."""
    return next(name for name, low in KDIGO_CATEGORIES if egfr >= low)


def za_dose_mg(crcl: float) -> float | None:
    """The zoledronic acid dose for a baseline CrCl; None when not recommended (< 30 mL/min)."""
    if crcl > ZA_FULL_DOSE_ABOVE:
        return ZA_FULL_DOSE_MG
    for low, dose in ZA_DOSE_BANDS:
        if crcl >= low:
            return dose
    return None


@dataclass(frozen=True, slots=True)
class RenalFunction:
    """CrCl and eGFR from one creatinine, with the inputs used (D13)."""

    creatinine: LabResult
    creatinine_umol_l: float
    age: int
    weight: Weight | None
    crcl: float | None  # None: no weight on record, "record a weight to compute CrCl"
    egfr: float
    kdigo: str

    @property
    def date(self) -> dt.date:
        return self.creatinine.date


def weight_near(ctx: Context, day: dt.date, within_days: int) -> Weight | None:
    """The weight closest to ``day`` within ``within_days`` either side (the later one on a tie)."""
    near = [w for w in ctx.history.weights if abs((w.date - day).days) <= within_days]
    return min(near, key=lambda w: (abs((w.date - day).days), -w.date.toordinal()), default=None)


def renal_function(ctx: Context, creatinine: LabValue, weight: Weight | None) -> RenalFunction:
    """CrCl (Cockcroft-Gault, with this weight) and eGFR (CKD-EPI 2021) from one creatinine."""
    patient = ctx.history.patient
    age = age_on(patient.date_of_birth, creatinine.date)
    crcl = (
        cockcroft_gault(age, weight.weight_kg, creatinine.si, patient.sex)
        if weight is not None
        else None
    )
    egfr = ckd_epi_2021(age, creatinine.si, patient.sex)
    return RenalFunction(
        creatinine.entry, creatinine.si, age, weight, crcl, egfr, kdigo_category(egfr)
    )


def renal_function_at(ctx: Context, day: dt.date | None = None) -> RenalFunction | None:
    """Renal function from the latest creatinine on or before ``day`` (default as_of).

    D13: Cockcroft-Gault uses the most recent weight on record; without one, CrCl
    is not computable and only the CKD-EPI 2021 eGFR is given.
    """
    creatinine = ctx.labs.latest(Analyte.CREATININE, day or ctx.as_of)
    if creatinine is None:
        return None
    weight = ctx.history.weights[-1] if ctx.history.weights else None
    return renal_function(ctx, creatinine, weight)
