"""Laboratory series in canonical SI units, corrected calcium and reference limits.

clinical-rules.md D12 (albumin-corrected calcium), D15 (compare in SI), D16
(calcium kinds), D17 (the lab's own limits win, else policy defaults).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from mmtracker.logic.codes import Analyte, CalciumKind, Qualitative, Sex
from mmtracker.logic.history import LabResult, PatientHistory
from mmtracker.logic.policy import Policy
from mmtracker.logic.units import to_canonical

# D12: albumin within 7 days; Ca + 0.02 × (40 − albumin g/L) mmol/L.
ALBUMIN_WINDOW_DAYS = 7
CALCIUM_CORRECTION_FACTOR = 0.02
CALCIUM_CORRECTION_ALBUMIN = 40.0


@dataclass(frozen=True, slots=True)
class LabValue:
    """A quantitative result with its value and the lab's limits converted to SI."""

    entry: LabResult
    si: float
    low_si: float | None
    high_si: float | None

    @property
    def date(self) -> dt.date:
        return self.entry.date


def _to_si(entry: LabResult) -> LabValue | None:
    if entry.value is None or entry.unit is None:
        return None

    def conv(v: float | None) -> float | None:
        assert entry.unit is not None
        return None if v is None else to_canonical(entry.analyte, v, entry.unit)

    return LabValue(
        entry,
        to_canonical(entry.analyte, entry.value, entry.unit),
        conv(entry.ref_low),
        conv(entry.ref_high),
    )


class LabIndex:
    """Every result of a history by analyte, in (date, id) order."""

    def __init__(self, history: PatientHistory) -> None:
        quantitative: dict[Analyte, list[LabValue]] = defaultdict(list)
        qualitative: dict[Analyte, list[LabResult]] = defaultdict(list)
        for entry in history.lab_results:
            value = _to_si(entry)
            if value is not None:
                quantitative[entry.analyte].append(value)
            elif entry.qualitative is not None:
                qualitative[entry.analyte].append(entry)
        self._quantitative = dict(quantitative)
        self._qualitative = dict(qualitative)

    def series(self, analyte: Analyte) -> tuple[LabValue, ...]:
        """Quantitative results of an analyte, oldest first."""
        return tuple(self._quantitative.get(analyte, ()))

    def latest(self, analyte: Analyte, on_or_before: dt.date | None = None) -> LabValue | None:
        """The latest quantitative result, optionally on or before a date."""
        found = None
        for value in self._quantitative.get(analyte, ()):
            if on_or_before is not None and value.date > on_or_before:
                break
            found = value
        return found

    def qualitative(self, analyte: Analyte) -> tuple[LabResult, ...]:
        """Immunofixation results of an analyte, oldest first."""
        return tuple(self._qualitative.get(analyte, ()))

    def latest_qualitative(self, analyte: Analyte) -> LabResult | None:
        results = self._qualitative.get(analyte)
        return results[-1] if results else None

    def is_negative(self, analyte: Analyte) -> bool | None:
        """Whether the latest immunofixation is negative; None if never done."""
        latest = self.latest_qualitative(analyte)
        return None if latest is None else latest.qualitative is Qualitative.NEGATIVE


@dataclass(frozen=True, slots=True)
class CalciumReading:
    """The calcium value compared with thresholds, and how it was obtained (D12, D16)."""

    entry: LabResult
    value: float  # mmol/L
    basis: str  # "corrected", "total" (no albumin within 7 days) or "adjusted" (by the lab)
    albumin: LabResult | None
    uln: float
    lln: float
    default_limits: bool

    @property
    def date(self) -> dt.date:
        return self.entry.date


def _albumin_near(labs: LabIndex, day: dt.date) -> LabValue | None:
    near = [
        v for v in labs.series(Analyte.ALBUMIN) if abs((v.date - day).days) <= ALBUMIN_WINDOW_DAYS
    ]
    if not near:
        return None
    return min(near, key=lambda v: (abs((v.date - day).days), -v.date.toordinal()))


def calcium_reading(labs: LabIndex, policy: Policy, value: LabValue) -> CalciumReading | None:
    """A calcium result ready for thresholds; None for ionised calcium (D16: never compared)."""
    kind = value.entry.calcium_kind
    if kind is CalciumKind.IONISED:
        return None
    albumin = _albumin_near(labs, value.date) if kind is CalciumKind.TOTAL else None
    if albumin is not None:
        corrected = value.si + CALCIUM_CORRECTION_FACTOR * (CALCIUM_CORRECTION_ALBUMIN - albumin.si)
        basis = "corrected"
    else:
        corrected = value.si
        basis = "adjusted" if kind is CalciumKind.ADJUSTED else "total"
    default_limits = value.high_si is None or value.low_si is None
    return CalciumReading(
        entry=value.entry,
        value=corrected,
        basis=basis,
        albumin=albumin.entry if albumin else None,
        uln=value.high_si if value.high_si is not None else policy.number("limits.calcium_uln"),
        lln=value.low_si if value.low_si is not None else policy.number("limits.calcium_lln"),
        default_limits=default_limits,
    )


def latest_calcium(labs: LabIndex, policy: Policy) -> CalciumReading | None:
    """The latest total or adjusted calcium, corrected where D12 says (ionised skipped)."""
    for value in reversed(labs.series(Analyte.CALCIUM)):
        reading = calcium_reading(labs, policy, value)
        if reading is not None:
            return reading
    return None


def hemoglobin_lln(value: LabValue, sex: Sex, policy: Policy) -> tuple[float, bool]:
    """D17: the lab's lower limit, else the policy default for the sex; and whether defaulted."""
    if value.low_si is not None:
        return value.low_si, False
    key = "limits.hb_lln_female" if sex is Sex.FEMALE else "limits.hb_lln_male"
    return policy.number(key), True


def ldh_uln(value: LabValue, policy: Policy) -> tuple[float, bool]:
    """D17: the lab's upper limit, else the policy default; and whether defaulted."""
    if value.high_si is not None:
        return value.high_si, False
    return policy.number("limits.ldh_uln"), True
