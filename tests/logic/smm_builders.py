"""Builders for the SMM, monitoring and conditioning care-item tests.

The general builders come from ``builders`` and ``items_builders``; these add SMM
labs in canonical units, MRD tests of a chosen sensitivity, PET-CT results and a
history whose patient's birth date and status can be set.

    h = smm_history(
        phase("2025-01-15", "SMM"),
        m_protein("2025-01-15", 15),
        ratio("2025-01-15", 5),
        bmpc("2025-01-15", 15),
    )
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from builders import DateLike, cytogenetics, day, flc, imaging, lab, new_id, patient

from mmtracker.logic.codes import (
    Analyte,
    CopyNumber1q,
    Del1p32,
    ImagingModality,
    MrdMethod,
    MrdResult,
    PatientStatus,
)
from mmtracker.logic.history import (
    ENTRY_KINDS,
    Cytogenetics,
    Entry,
    Imaging,
    LabResult,
    MrdTest,
    PatientHistory,
    build_history,
)

KIND_OF = {entry_type: kind for kind, entry_type in ENTRY_KINDS.items()}
FLC_UNINVOLVED = 10.0  # mg/L: the λ of every pair ratio() builds


def smm_history(
    *entries: Entry | list[LabResult],
    born: DateLike = "1960-01-01",
    status: PatientStatus = PatientStatus.ACTIVE,
    status_date: DateLike | None = None,
    **fields: Any,
) -> PatientHistory:
    """One patient with these entries (lists from ``ratio()`` are flattened)."""
    grouped: dict[str, list[Entry]] = defaultdict(list)
    for item in entries:
        for entry in item if isinstance(item, list) else [item]:
            grouped[KIND_OF[type(entry)]].append(entry)
    when = day(status_date) if status_date is not None else None
    return build_history(patient(born=born, status=status, status_date=when, **fields), grouped)


def m_protein(on: DateLike, g_l: float) -> LabResult:
    """A serum M-protein in g/L with a κ light chain (so κ is the involved chain)."""
    return lab(on, Analyte.SERUM_MPROTEIN, g_l, "g/L", light_chain="kappa")


def urine(on: DateLike, mg_24h: float) -> LabResult:
    return lab(on, Analyte.URINE_MPROTEIN, mg_24h, "mg/24h")


def bmpc(on: DateLike, percent: float) -> LabResult:
    return lab(on, Analyte.BMPC, percent, "%")


def ratio(on: DateLike, value: float) -> list[LabResult]:
    """A κ-involved FLC pair with this κ/λ ratio (λ 10 mg/L, κ = ratio × 10 mg/L)."""
    return flc(on, value * FLC_UNINVOLVED, FLC_UNINVOLVED)


def hemoglobin(on: DateLike, g_l: float) -> LabResult:
    return lab(on, Analyte.HEMOGLOBIN, g_l, "g/L")


def creatinine(on: DateLike, umol_l: float) -> LabResult:
    return lab(on, Analyte.CREATININE, umol_l, "umol/L")


def mrd_test(
    on: DateLike, result: MrdResult | str = MrdResult.NEGATIVE, sensitivity: float = 1e-5
) -> MrdTest:
    return MrdTest(
        id=new_id("mrd"),
        date=day(on),
        method=MrdMethod.NGS,
        sensitivity=sensitivity,
        result=MrdResult(result),
    )


def pet(on: DateLike, fdg_avid: bool | None) -> Imaging:
    """A PET-CT; ``fdg_avid`` None: the uptake was not recorded."""
    return imaging(on, ImagingModality.PET_CT, fdg_avid=fdg_avid)


def b2m(on: DateLike, mg_l: float) -> LabResult:
    return lab(on, Analyte.B2M, mg_l, "mg/L")


# Every abnormality of §2b, §3d tested and absent (hyperdiploid, so not IMWG 2016 high risk).
STANDARD_RISK_FISH: dict[str, Any] = {
    "del_17p": False,
    "tp53_mutation": False,
    "t_4_14": False,
    "t_14_16": False,
    "t_14_20": False,
    "gain_1q": CopyNumber1q.NORMAL,
    "del_1p32": Del1p32.NONE,
    "del_13q": False,
    "hyperdiploid": True,
}


def fish(on: DateLike, **findings: Any) -> Cytogenetics:
    """A FISH test finding nothing abnormal, except the ``findings`` given."""
    return cytogenetics(on, **{**STANDARD_RISK_FISH, **findings})
