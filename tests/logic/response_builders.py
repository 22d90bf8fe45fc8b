"""Builders for the response and MRD tests: a treatment line, response labs, MRD tests.

Days are counted from ``START``, the start of the first treatment line, so a
table row reads as a timeline: ``serum(0, 40), serum(28, 20)``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from builders import context, history, lab, new_id
from builders import flc as flc_pair
from builders import imaging as imaging_entry
from builders import phase as phase_entry

from mmtracker.logic.codes import (
    Analyte,
    ClinicalEventKind,
    ImagingModality,
    MrdMethod,
    MrdResult,
    Qualitative,
    ResponseCategory,
    TreatmentIntent,
)
from mmtracker.logic.context import Context
from mmtracker.logic.history import (
    ClinicalEvent,
    Entry,
    Imaging,
    LabResult,
    MrdTest,
    PhaseChange,
    ResponseAssessment,
    TreatmentLine,
)

START = dt.date(2025, 1, 6)

# Response labs as tables write them: single results and the lists flc() and ife() give.
Labs = Sequence[LabResult | list[LabResult]]


def on(days: int) -> dt.date:
    """The date ``days`` after the first line started (negative: before it)."""
    return START + dt.timedelta(days=days)


def serum(days: int, value: float, unit: str = "g/L") -> LabResult:
    return lab(on(days), Analyte.SERUM_MPROTEIN, value, unit)


def urine(days: int, value: float, unit: str = "mg/24h") -> LabResult:
    return lab(on(days), Analyte.URINE_MPROTEIN, value, unit)


def bmpc(days: int, percent: float) -> LabResult:
    return lab(on(days), Analyte.BMPC, percent, "%")


def flc(days: int, kappa: float, lambda_: float, unit: str = "mg/L") -> list[LabResult]:
    return flc_pair(on(days), kappa, lambda_, unit)


def _ife(days: int, analyte: Analyte, result: str) -> LabResult:
    return LabResult(
        id=new_id("ife"), date=on(days), analyte=analyte, qualitative=Qualitative(result)
    )


def ife(
    days: int, serum: str | None = "negative", urine: str | None = "negative"
) -> list[LabResult]:
    """Serum and/or urine immunofixation of one day ("negative" / "positive" / None: not done)."""
    found = []
    if serum is not None:
        found.append(_ife(days, Analyte.SERUM_IFE, serum))
    if urine is not None:
        found.append(_ife(days, Analyte.URINE_IFE, urine))
    return found


def scan(days: int, modality: str = "WBLDCT", **findings: object) -> Imaging:
    """An imaging study ``days`` after the start: ``lytic_lesions=``, ``plasmacytoma=``, ``fdg_avid=``."""
    return imaging_entry(on(days), ImagingModality(modality), **findings)


def phase(days: int, name: str) -> PhaseChange:
    """A phase change ``days`` after the start (``"NDMM"``, ``"RELAPSE"``, ``"MAINTENANCE"`` …)."""
    return phase_entry(on(days), name)


def plasmacytoma(days: int) -> ClinicalEvent:
    """A new plasmacytoma recorded as a clinical event (D27)."""
    return ClinicalEvent(id=new_id("event"), date=on(days), kind=ClinicalEventKind.PLASMACYTOMA)


def line(days: int = 0, number: int = 1, intent: str = "induction") -> TreatmentLine:
    return TreatmentLine(
        id=new_id("line"),
        line_number=number,
        regimen="test regimen",
        intent=TreatmentIntent(intent),
        start_date=on(days),
    )


def mrd(
    days: int, result: str = "negative", sensitivity: float = 1e-5, method: str = "NGF"
) -> MrdTest:
    return MrdTest(
        id=new_id("mrd"),
        date=on(days),
        method=MrdMethod(method),
        sensitivity=sensitivity,
        result=MrdResult(result),
    )


def recorded(days: int, category: str) -> ResponseAssessment:
    return ResponseAssessment(id=new_id("resp"), date=on(days), category=ResponseCategory(category))


def flatten(items: Iterable[Entry | list[LabResult]]) -> list[Entry]:
    """Entries from a mix of single entries and lists (``flc()`` and ``ife()`` give lists)."""
    found: list[Entry] = []
    for item in items:
        found.extend(item if isinstance(item, list) else [item])
    return found


def response_context(
    labs: Labs = (),
    *,
    as_of: int = 365,
    lines: Iterable[TreatmentLine] | None = None,
    imaging: Iterable[Imaging] = (),
    mrd_tests: Iterable[MrdTest] = (),
    responses: Iterable[ResponseAssessment] = (),
    phases: Iterable[PhaseChange] = (),
    events: Iterable[ClinicalEvent] = (),
) -> Context:
    """A context ``as_of`` days after the start; one induction line from day 0 unless ``lines``.

    Without ``phases`` the induction line opens the treatment episode by itself (D22).
    """
    h = history(
        lab_results=flatten(labs),
        treatment_lines=list(lines) if lines is not None else [line()],
        imaging=list(imaging),
        mrd_tests=list(mrd_tests),
        responses=list(responses),
        phase_changes=list(phases),
        clinical_events=list(events),
    )
    return context(h, on(as_of))
