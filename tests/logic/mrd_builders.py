"""Builders for the MRD and progression care-item tests: treatment lines, response entries, statuses.

Dates are ISO strings, as the vignettes write them. The history, transplant, MRD
test, snooze and resolve helpers come from ``items_builders``.
"""

from __future__ import annotations

from builders import day, immunofixation, lab, new_id, policy
from items_builders import item_on

from mmtracker.logic.care import CareItem, ItemRule, Status
from mmtracker.logic.codes import Analyte, Qualitative, ResponseCategory, TreatmentIntent
from mmtracker.logic.history import LabResult, PatientHistory, ResponseAssessment, TreatmentLine


def treatment(
    start: str,
    end: str | None = None,
    *,
    number: int = 1,
    intent: TreatmentIntent = TreatmentIntent.INDUCTION,
    regimen: str = "D-VRd",
) -> TreatmentLine:
    """A treatment line; induction line 1 of D-VRd unless told otherwise."""
    return TreatmentLine(
        id=new_id("line"),
        line_number=number,
        regimen=regimen,
        intent=intent,
        start_date=day(start),
        end_date=day(end) if end else None,
    )


def serum(on: str, g_per_l: float) -> LabResult:
    """A serum M-protein in g/L."""
    return lab(on, Analyte.SERUM_MPROTEIN, g_per_l, "g/L")


def serum_ife_negative(on: str) -> LabResult:
    return immunofixation(on, Qualitative.NEGATIVE, Analyte.SERUM_IFE)


def assessed(on: str, category: ResponseCategory) -> ResponseAssessment:
    """A recorded response assessment (IMWG 2016)."""
    return ResponseAssessment(id=new_id("resp"), date=day(on), category=category)


def item_with(
    item: ItemRule, hist: PatientHistory, on: str, min_response: str | None = None
) -> CareItem:
    """The item on a date under the shipped policy, or with ``mrd.min_response`` overridden."""
    pol = policy(**{"mrd.min_response": min_response}) if min_response else policy()
    return item_on(item, hist, on, pol)


def status(
    item: ItemRule, hist: PatientHistory, on: str, min_response: str | None = None
) -> Status:
    return item_with(item, hist, on, min_response).status
