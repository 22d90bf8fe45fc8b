"""The series a lab-trend figure plots, in the chosen unit system (no matplotlib here)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace
from enum import StrEnum

from mmtracker.i18n import Language, capitalised
from mmtracker.logic.codes import Analyte, CalciumKind, LightChain
from mmtracker.logic.crab import light_chain_of
from mmtracker.logic.dates import age_on
from mmtracker.logic.history import PatientHistory
from mmtracker.logic.labs import LabIndex, LabValue, calcium_reading, hemoglobin_lln
from mmtracker.logic.policy import Policy
from mmtracker.logic.renal import cockcroft_gault
from mmtracker.logic.response_imwg2016 import FLC_RATIO_HIGH, FLC_RATIO_LOW
from mmtracker.logic.units import UnitSystem, display_unit, from_canonical, unit_label


class Trend(StrEnum):
    """What one axes of the lab-trend figure shows."""

    SERUM_M_PROTEIN = "serum_m_protein"
    URINE_M_PROTEIN = "urine_m_protein"
    FLC = "flc"  # involved and uninvolved free light chain (κ and λ when not recorded)
    FLC_RATIO = "flc_ratio"
    HEMOGLOBIN = "hemoglobin"
    CALCIUM = "calcium"
    CREATININE = "creatinine"
    CRCL = "crcl"  # Cockcroft-Gault, with the latest weight on or before each creatinine


# What the patient view shows first; the others (urine M-protein, the FLC ratio, CrCl) on request.
DEFAULT_TRENDS: tuple[Trend, ...] = (
    Trend.SERUM_M_PROTEIN,
    Trend.FLC,
    Trend.HEMOGLOBIN,
    Trend.CALCIUM,
    Trend.CREATININE,
)

CRCL_UNIT = "mL/min"


@dataclass(frozen=True, slots=True)
class Series:
    """One line of points; ``low``/``high`` are the lab's limits beside each value, if any."""

    label: str
    days: tuple[dt.date, ...]
    values: tuple[float, ...]
    low: tuple[float | None, ...]
    high: tuple[float | None, ...]


@dataclass(frozen=True, slots=True)
class Limit:
    """A fixed limit drawn across the axes (a policy default), with its label."""

    value: float
    label: str


@dataclass(frozen=True, slots=True)
class Panel:
    """Everything one axes shows."""

    trend: Trend
    title: str
    unit: str
    series: tuple[Series, ...]
    limits: tuple[Limit, ...] = ()
    band: tuple[float, float] | None = None  # a normal range drawn as a band
    band_label: str = ""
    log: bool = False
    missing: str = ""
    """When empty for want of another record (not of results): what to record (§10b)."""

    @property
    def empty(self) -> bool:
        return not any(s.values for s in self.series)


def _series(label: str, values: Sequence[LabValue], unit: str) -> Series:
    """Lab values (and the lab's limits) converted from SI to ``unit``."""

    def shown(si: float | None, analyte: Analyte) -> float | None:
        return None if si is None else from_canonical(analyte, si, unit)

    return Series(
        label,
        tuple(v.date for v in values),
        tuple(from_canonical(v.entry.analyte, v.si, unit) for v in values),
        tuple(shown(v.low_si, v.entry.analyte) for v in values),
        tuple(shown(v.high_si, v.entry.analyte) for v in values),
    )


class PanelMaker:
    """Builds the panels of one history (known on the as-of date) in one language and unit system."""

    def __init__(
        self, history: PatientHistory, units: UnitSystem, texts: Language, policy: Policy | None
    ) -> None:
        self.history = history
        self.labs = LabIndex(history)
        self.units = units
        self.texts = texts
        self.policy = policy

    def panel(self, trend: Trend) -> Panel:
        """The panel of one trend."""
        if trend is Trend.FLC:
            return self._flc()
        if trend is Trend.FLC_RATIO:
            return self._ratio()
        if trend is Trend.CRCL:
            return self._crcl()
        return self._analyte(trend, Analyte(trend.value))

    def _analyte(self, trend: Trend, analyte: Analyte) -> Panel:
        unit = display_unit(analyte, self.units)
        values = self.labs.series(analyte)
        title = capitalised(self.texts.code_label(analyte.value))
        if analyte is Analyte.CALCIUM:  # D16: ionised calcium is on another scale
            values = tuple(v for v in values if v.entry.calcium_kind is not CalciumKind.IONISED)
            lines = self._calcium(title, values, unit)
        else:
            lines = (_series(title, values, unit),)
        return Panel(
            trend, title, unit_label(unit), lines, self._default_limits(analyte, values, unit)
        )

    def _calcium(self, title: str, values: Sequence[LabValue], unit: str) -> tuple[Series, ...]:
        """Calcium as measured and, where D12 corrects it for an albumin near it, as the
        rules judge it (logic.labs.calcium_reading)."""
        measured = _series(title, values, unit)
        if self.policy is None:
            return (measured,)
        readings = [calcium_reading(self.labs, self.policy, v) for v in values]
        corrected = [
            (v, r) for v, r in zip(values, readings, strict=True) if r and r.basis == "corrected"
        ]
        if not corrected:
            return (measured,)
        label = self.texts.translate("figures", "Corrected calcium (D12)")
        shown = _series(label, [v for v, _ in corrected], unit)
        judged = tuple(from_canonical(Analyte.CALCIUM, r.value, unit) for _, r in corrected)
        return (measured, replace(shown, values=judged))

    def _default_limits(
        self, analyte: Analyte, values: Sequence[LabValue], unit: str
    ) -> tuple[Limit, ...]:
        """D17: the policy's default limits, where the lab gave none for the latest value."""
        if self.policy is None or not values:
            return ()
        latest = values[-1]
        label = self.texts.translate("figures", "Default limit (policy)")
        if analyte is Analyte.HEMOGLOBIN:
            lln, defaulted = hemoglobin_lln(latest, self.history.patient.sex, self.policy)
            return (Limit(from_canonical(analyte, lln, unit), label),) if defaulted else ()
        if analyte is Analyte.CALCIUM:
            reading = calcium_reading(self.labs, self.policy, latest)
            if reading is None or not reading.default_limits:
                return ()
            found = []
            if latest.high_si is None:
                found.append(Limit(from_canonical(analyte, reading.uln, unit), label))
            if latest.low_si is None:
                found.append(Limit(from_canonical(analyte, reading.lln, unit), label))
            return tuple(found)
        return ()

    def _flc_pairs(self) -> tuple[list[LabValue], list[LabValue], LightChain | None]:
        """κ and λ, and the involved chain when recorded."""
        return (
            list(self.labs.series(Analyte.FLC_KAPPA)),
            list(self.labs.series(Analyte.FLC_LAMBDA)),
            light_chain_of(self.history),
        )

    def _flc(self) -> Panel:
        kappa, lam, chain = self._flc_pairs()
        unit = display_unit(Analyte.FLC_KAPPA, self.units)
        k_label, l_label = self.texts.code_label("flc_kappa"), self.texts.code_label("flc_lambda")
        if chain is not None:
            involved = self.texts.translate("figures", "Involved {chain}")
            uninvolved = self.texts.translate("figures", "Uninvolved {chain}")
            symbol_k, symbol_l = self.texts.code_label("kappa"), self.texts.code_label("lambda")
            if chain is LightChain.KAPPA:
                k_label = involved.format(chain=symbol_k)
                l_label = uninvolved.format(chain=symbol_l)
            else:
                k_label = uninvolved.format(chain=symbol_k)
                l_label = involved.format(chain=symbol_l)
        series = (_series(k_label, kappa, unit), _series(l_label, lam, unit))
        if chain is LightChain.LAMBDA:
            series = series[::-1]
        title = capitalised(self.texts.code_label("flc"))
        return Panel(Trend.FLC, title, unit_label(unit), series, log=True)

    def _ratio(self) -> Panel:
        """Involved/uninvolved on the days with both chains (κ/λ when none is recorded)."""
        kappa, lam, chain = self._flc_pairs()
        by_day = {v.date: v.si for v in lam}
        days, ratios = [], []
        for value in kappa:
            other = by_day.get(value.date)
            if other is None or other <= 0 or value.si <= 0:
                continue
            ratio = value.si / other
            days.append(value.date)
            ratios.append(1 / ratio if chain is LightChain.LAMBDA else ratio)
        if chain is None:
            label = self.texts.translate("figures", "κ/λ ratio")
            band = (FLC_RATIO_LOW, FLC_RATIO_HIGH)
        else:
            label = self.texts.translate("figures", "Involved/uninvolved ratio")
            # The normal κ/λ range read the other way up when λ is involved.
            band = (
                (FLC_RATIO_LOW, FLC_RATIO_HIGH)
                if chain is LightChain.KAPPA
                else (1 / FLC_RATIO_HIGH, 1 / FLC_RATIO_LOW)
            )
        none = (None,) * len(days)
        series = Series(label, tuple(days), tuple(ratios), none, none)
        return Panel(
            Trend.FLC_RATIO,
            capitalised(self.texts.code_label("flc_ratio")),
            "",
            (series,),
            band=band,
            band_label=self.texts.translate("figures", "Normal κ/λ range"),
            log=True,
        )

    def _crcl(self) -> Panel:
        """Cockcroft-Gault CrCl at each creatinine, with the latest weight then (D13)."""
        patient = self.history.patient
        weights = self.history.weights
        days, values = [], []
        index = -1
        for creatinine in self.labs.series(Analyte.CREATININE):
            while index + 1 < len(weights) and weights[index + 1].date <= creatinine.date:
                index += 1
            if index < 0:
                continue
            age = age_on(patient.date_of_birth, creatinine.date)
            days.append(creatinine.date)
            values.append(
                cockcroft_gault(age, weights[index].weight_kg, creatinine.si, patient.sex)
            )
        none = (None,) * len(days)
        title = self.texts.translate("figures", "Creatinine clearance (Cockcroft-Gault)")
        series = Series(title, tuple(days), tuple(values), none, none)
        missing = ""
        if not days and self.labs.series(Analyte.CREATININE):  # creatinine, but no weight then
            missing = self.texts.translate(
                "figures", "No weight recorded on or before a creatinine: record a weight"
            )
        return Panel(Trend.CRCL, title, CRCL_UNIT, (series,), missing=missing)
