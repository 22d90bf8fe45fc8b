"""One synthetic patient's record under construction.

Entry ids come from the seeded generator, so the same seed gives the same ids.
Lab values are produced in canonical SI units and stored in the unit the
patient's laboratory reports, rounded as a laboratory prints them.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, replace
from typing import Any

from mmtracker.logic.codes import (
    Analyte,
    CalciumKind,
    Isotype,
    LightChain,
    Qualitative,
    Sex,
)
from mmtracker.logic.history import (
    ENTRY_KINDS,
    BoneTherapyEvent,
    Entry,
    LabResult,
    Patient,
    entry_date,
)
from mmtracker.logic.units import ANALYTE_UNITS
from mmtracker.storage.records import NewRecord

# The hour (UTC) a demo row is taken to have been created on its day.
RECORDED_HOUR = 9
# Share of results from an outside laboratory, entered in conventional units
# in a record that is otherwise in SI units.
OUTSIDE_LAB_SHARE = 0.03
# RFC 4122 version 4 and variant bits of a 128-bit UUID integer.
_UUID_CLEAR = ~((0xF000 << 64) | (0xC000 << 48))
_UUID_VERSION_4 = (0x4000 << 64) | (0x8000 << 48)


@dataclass(frozen=True, slots=True)
class UnitChoice:
    """A reporting unit: its code, the factor to the canonical unit, decimals printed."""

    unit: str
    factor: float
    digits: int


def _choice(analyte: Analyte, unit: str, digits: int) -> UnitChoice:
    return UnitChoice(unit, ANALYTE_UNITS[analyte].factors[unit], digits)


SI_UNITS: dict[Analyte, UnitChoice] = {
    Analyte.SERUM_MPROTEIN: _choice(Analyte.SERUM_MPROTEIN, "g/L", 1),
    Analyte.URINE_MPROTEIN: _choice(Analyte.URINE_MPROTEIN, "mg/24h", 0),
    Analyte.FLC_KAPPA: _choice(Analyte.FLC_KAPPA, "mg/L", 1),
    Analyte.FLC_LAMBDA: _choice(Analyte.FLC_LAMBDA, "mg/L", 1),
    Analyte.BMPC: _choice(Analyte.BMPC, "%", 0),
    Analyte.HEMOGLOBIN: _choice(Analyte.HEMOGLOBIN, "g/L", 0),
    Analyte.CALCIUM: _choice(Analyte.CALCIUM, "mmol/L", 2),
    Analyte.ALBUMIN: _choice(Analyte.ALBUMIN, "g/L", 0),
    Analyte.CREATININE: _choice(Analyte.CREATININE, "umol/L", 0),
    Analyte.B2M: _choice(Analyte.B2M, "mg/L", 1),
    Analyte.LDH: _choice(Analyte.LDH, "U/L", 0),
    Analyte.VITAMIN_D: _choice(Analyte.VITAMIN_D, "nmol/L", 0),
}
CONVENTIONAL_UNITS: dict[Analyte, UnitChoice] = {
    **SI_UNITS,
    Analyte.SERUM_MPROTEIN: _choice(Analyte.SERUM_MPROTEIN, "g/dL", 2),
    Analyte.URINE_MPROTEIN: _choice(Analyte.URINE_MPROTEIN, "g/24h", 2),
    Analyte.FLC_KAPPA: _choice(Analyte.FLC_KAPPA, "mg/dL", 2),
    Analyte.FLC_LAMBDA: _choice(Analyte.FLC_LAMBDA, "mg/dL", 2),
    Analyte.HEMOGLOBIN: _choice(Analyte.HEMOGLOBIN, "g/dL", 1),
    Analyte.CALCIUM: _choice(Analyte.CALCIUM, "mg/dL", 1),
    Analyte.ALBUMIN: _choice(Analyte.ALBUMIN, "g/dL", 1),
    Analyte.CREATININE: _choice(Analyte.CREATININE, "mg/dL", 2),
    Analyte.B2M: _choice(Analyte.B2M, "ug/mL", 1),
    Analyte.VITAMIN_D: _choice(Analyte.VITAMIN_D, "ng/mL", 0),
}

# Laboratory reference ranges in SI units (common adult ranges; FLC from
# clinical-rules.md §9), printed on results by laboratories that report them.
REFERENCE_RANGES: dict[Analyte, tuple[float, float]] = {
    Analyte.FLC_KAPPA: (3.3, 19.4),
    Analyte.FLC_LAMBDA: (5.7, 26.3),
    Analyte.CALCIUM: (2.10, 2.60),
    Analyte.ALBUMIN: (35.0, 50.0),
    Analyte.B2M: (0.8, 2.4),
    Analyte.LDH: (120.0, 250.0),
}
SEX_REFERENCE_RANGES: dict[Sex, dict[Analyte, tuple[float, float]]] = {
    Sex.FEMALE: {Analyte.HEMOGLOBIN: (120.0, 160.0), Analyte.CREATININE: (45.0, 90.0)},
    Sex.MALE: {Analyte.HEMOGLOBIN: (130.0, 175.0), Analyte.CREATININE: (60.0, 110.0)},
}


# Standard deviation of a uniform variable on [-0.5, 0.5) is 1/sqrt(12).
_UNIFORM_SD_SCALE = 12**0.5


def jitter(rng: random.Random, sd: float) -> float:
    """Zero-centred noise with standard deviation ``sd`` (uniform: cheaper than Gaussian)."""
    return (rng.random() - 0.5) * _UNIFORM_SD_SCALE * sd


# How an analyte is stored: unit code, factor to SI, decimals, reference limits in that unit.
_Spec = tuple[str, float, int, float | None, float | None]


def _specs(
    units: dict[Analyte, UnitChoice], ranges: dict[Analyte, tuple[float, float]] | None
) -> dict[Analyte, _Spec]:
    specs: dict[Analyte, _Spec] = {}
    for analyte, choice in units.items():
        low = high = None
        if ranges is not None and analyte in ranges:
            low = round(ranges[analyte][0] / choice.factor, choice.digits + 1)
            high = round(ranges[analyte][1] / choice.factor, choice.digits + 1)
        specs[analyte] = (choice.unit, choice.factor, choice.digits, low, high)
    return specs


class Chart:
    """Collects the entries of one patient; ``finish`` turns them into a record."""

    def __init__(
        self,
        rng: random.Random,
        *,
        extras: random.Random,
        sex: Sex,
        conventional: bool,
        reports_limits: bool,
        calcium_kind: CalciumKind,
    ) -> None:
        self.rng = rng
        # Draws of the format-2 additions (holds, withdrawn plans, planned switches) come from
        # their own stream, so that adding them left the rest of the population unchanged.
        self.extras = extras
        self.entries: dict[str, list[Entry]] = {kind: [] for kind in ENTRY_KINDS}
        self._labs = self.entries["lab_results"]
        ranges = {**REFERENCE_RANGES, **SEX_REFERENCE_RANGES[sex]} if reports_limits else None
        self._specs = _specs(CONVENTIONAL_UNITS if conventional else SI_UNITS, ranges)
        self._outside = None if conventional else _specs(CONVENTIONAL_UNITS, ranges)
        self._calcium_kind = calcium_kind

    def new_id(self, rng: random.Random | None = None) -> str:
        """A UUID4 string drawn from the seeded generator (or from ``rng``).

        The same text as ``str(uuid.UUID(int=bits, version=4))``, formatted
        directly because it is called for every entry.
        """
        h = f"{((rng or self.rng).getrandbits(128) & _UUID_CLEAR) | _UUID_VERSION_4:032x}"
        return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"

    def add(self, kind: str, entry: Entry) -> None:
        """Append an entry of the given kind (record key)."""
        self.entries[kind].append(entry)

    def lab(
        self,
        day: dt.date,
        analyte: Analyte,
        value_si: float,
        *,
        isotype: Isotype | None = None,
        light_chain: LightChain | None = None,
    ) -> float:
        """Record a quantitative result; return the value stored, converted back to SI."""
        specs = self._specs
        if self._outside is not None and self.rng.random() < OUTSIDE_LAB_SHARE:
            specs = self._outside
        unit, factor, digits, low, high = specs[analyte]
        value = round(max(value_si, 0.0) / factor, digits)
        self._labs.append(
            LabResult(
                id=self.new_id(),
                date=day,
                analyte=analyte,
                value=value,
                unit=unit,
                ref_low=low,
                ref_high=high,
                calcium_kind=self._calcium_kind if analyte is Analyte.CALCIUM else None,
                isotype=isotype,
                light_chain=light_chain,
            )
        )
        return value * factor

    def immunofixation(
        self,
        day: dt.date,
        analyte: Analyte,
        positive: bool,
        isotype: Isotype,
        light_chain: LightChain,
    ) -> None:
        """Record a serum or urine immunofixation result."""
        self.entries["lab_results"].append(
            LabResult(
                id=self.new_id(),
                date=day,
                analyte=analyte,
                qualitative=Qualitative.POSITIVE if positive else Qualitative.NEGATIVE,
                isotype=isotype if positive else None,
                light_chain=light_chain if positive else None,
            )
        )

    def finish(self, patient: Patient) -> NewRecord:
        """The record of this patient, with only the entry kinds that hold entries.

        The patient was registered on the day of its first entry (D24) and each
        bone-therapy event recorded on its own day, or on the day given for a plan
        dated ahead (D36); their bookkeeping ``created_at`` says so.
        """
        entries = {kind: items for kind, items in self.entries.items() if items}
        first = min((entry_date(e) for items in entries.values() for e in items), default=None)
        events = [
            replace(e, recorded_on=e.recorded_on or e.date)
            for e in self.entries["bone_therapy_events"]
            if isinstance(e, BoneTherapyEvent)
        ]
        if events:
            entries["bone_therapy_events"] = list[Entry](events)
        entry_meta = {e.id: _created(e.recorded_on) for e in events}
        if first is None:
            return NewRecord(patient=patient, entries=entries, entry_meta=entry_meta)
        return NewRecord(
            patient=replace(patient, registered_on=first),
            entries=entries,
            patient_meta=_created(first),
            entry_meta=entry_meta,
        )


def _created(day: dt.date | None) -> dict[str, Any]:
    """Bookkeeping of a row created on ``day``."""
    assert day is not None
    return {"created_at": dt.datetime.combine(day, dt.time(RECORDED_HOUR), dt.UTC)}
