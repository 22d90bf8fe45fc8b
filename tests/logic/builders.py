"""Small builders of patient histories for the logic tests.

Import them as ``from builders import ...`` (pytest puts this folder on the path).
Only the standard library and ``mmtracker.logic`` are used, so the tests that use
them also run where PySide6 and SQLAlchemy are not installed.

    h = history(
        sex="F",
        born="1960-05-01",
        lab_results=[lab("2025-01-10", "calcium", 2.8, "mmol/L")],
        weights=[weight("2025-01-10", 70)],
    )
    ctx = context(h, "2025-02-01")

Dates may be ``datetime.date`` or ISO strings; codes may be enum members or their
string values. Every entry gets a fresh id, so entries of one day keep the order
they were built in.
"""

from __future__ import annotations

import datetime as dt
import itertools
import tomllib
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any

from mmtracker.logic.codes import (
    Analyte,
    CalciumKind,
    ImagingModality,
    LightChain,
    Phase,
    Qualitative,
    Sex,
)
from mmtracker.logic.context import Context
from mmtracker.logic.history import (
    Cytogenetics,
    Entry,
    Imaging,
    LabResult,
    Patient,
    PatientHistory,
    PhaseChange,
    Weight,
    build_history,
)
from mmtracker.logic.policy import Policy, PolicySpec, build_policy, read_specs

DateLike = dt.date | str
DEFAULT_POLICY_FILE = Path(__file__).resolve().parents[2] / "resources" / "policy" / "default.toml"

_ids = itertools.count(1)


def day(value: DateLike) -> dt.date:
    """A date from a date or an ISO string."""
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(value)


def new_id(prefix: str = "e") -> str:
    """A fresh entry id; ids grow, so same-day entries sort in the order built."""
    return f"{prefix}-{next(_ids):08d}"


def lab(
    date: DateLike, analyte: Analyte | str, value: float, unit: str, **fields: Any
) -> LabResult:
    """A quantitative result; calcium defaults to ``total`` (``calcium_kind=`` to change).

    Other keyword arguments are LabResult fields: ``ref_low``, ``ref_high``,
    ``light_chain``, ``isotype``, ``id``.
    """
    analyte = Analyte(analyte)
    if analyte is Analyte.CALCIUM:
        fields.setdefault("calcium_kind", CalciumKind.TOTAL)
    fields.setdefault("id", new_id("lab"))
    if isinstance(fields.get("light_chain"), str):
        fields["light_chain"] = LightChain(fields["light_chain"])
    if isinstance(fields.get("calcium_kind"), str):
        fields["calcium_kind"] = CalciumKind(fields["calcium_kind"])
    return LabResult(date=day(date), analyte=analyte, value=value, unit=unit, **fields)


def immunofixation(
    date: DateLike,
    result: Qualitative | str = Qualitative.POSITIVE,
    analyte: Analyte | str = Analyte.SERUM_IFE,
    **fields: Any,
) -> LabResult:
    """A serum (default) or urine immunofixation; ``light_chain=``, ``isotype=`` optional."""
    fields.setdefault("id", new_id("ife"))
    if isinstance(fields.get("light_chain"), str):
        fields["light_chain"] = LightChain(fields["light_chain"])
    return LabResult(
        date=day(date), analyte=Analyte(analyte), qualitative=Qualitative(result), **fields
    )


def flc(date: DateLike, kappa: float, lambda_: float, unit: str = "mg/L") -> list[LabResult]:
    """A κ and λ free light-chain pair of one day."""
    return [
        lab(date, Analyte.FLC_KAPPA, kappa, unit),
        lab(date, Analyte.FLC_LAMBDA, lambda_, unit),
    ]


def cytogenetics(date: DateLike, **findings: Any) -> Cytogenetics:
    """A FISH test; unnamed abnormalities are not tested (None)."""
    findings.setdefault("id", new_id("cyto"))
    return Cytogenetics(date=day(date), **findings)


def imaging(
    date: DateLike, modality: ImagingModality | str = ImagingModality.WBLDCT, **findings: Any
) -> Imaging:
    """An imaging study: ``lytic_lesions=``, ``mri_focal_lesions=``, ``plasmacytoma=`` …"""
    findings.setdefault("id", new_id("img"))
    return Imaging(date=day(date), modality=ImagingModality(modality), **findings)


def weight(date: DateLike, kg: float) -> Weight:
    return Weight(id=new_id("wt"), date=day(date), weight_kg=kg)


def phase(date: DateLike, name: Phase | str, line_number: int | None = None) -> PhaseChange:
    return PhaseChange(id=new_id("ph"), date=day(date), phase=Phase(name), line_number=line_number)


def patient(sex: Sex | str = Sex.FEMALE, born: DateLike = "1960-01-01", **fields: Any) -> Patient:
    fields.setdefault("mrn", "MRN-TEST")
    fields.setdefault("name", "Test Patient")
    return Patient(sex=Sex(sex), date_of_birth=day(born), **fields)


def history(
    sex: Sex | str = Sex.FEMALE,
    born: DateLike = "1960-01-01",
    **entries: Iterable[Entry],
) -> PatientHistory:
    """A history of one patient; ``entries`` by kind (``lab_results=[...]``, ``imaging=[...]``)."""
    return build_history(patient(sex, born), entries)


@cache
def default_specs() -> dict[str, PolicySpec]:
    """The specs of the shipped policy file, resources/policy/default.toml."""
    return read_specs(tomllib.loads(DEFAULT_POLICY_FILE.read_text(encoding="utf-8")))


def policy(**overrides: Any) -> Policy:
    """The shipped policy, with overrides by key (``policy(**{"lead_days": 7})``)."""
    return build_policy(default_specs(), overrides)


def context(h: PatientHistory, as_of: DateLike, pol: Policy | None = None) -> Context:
    """The context the rules read: ``h`` on ``as_of`` under ``pol`` (default: shipped policy)."""
    return Context(h, day(as_of), pol if pol is not None else policy())
