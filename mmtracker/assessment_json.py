"""An assessment as a JSON-ready document: the output of ``mmtracker evaluate``.

The format is described field by field in ``docs/assessment-format.md``. The
document is deterministic: every object is built with its keys in a fixed
order, care items follow clinical-rules.md §11, every other list keeps the
order the rules give it, and policy values are sorted by key. Dates are ISO
``YYYY-MM-DD``; codes are written as their code strings.

Laboratory values are given in the unit system asked for, with their unit, to
4 significant digits (the precision of the conversion factors, §9); whole-number
parts are never rounded away. Counts, ratios, percentages, clearances and
points are written as computed. Message texts are rendered in the language
asked for by :mod:`mmtracker.i18n`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from mmtracker import i18n
from mmtracker.item_json import ItemWriter, JsonObject, code, day, significant
from mmtracker.logic.assessment import Assessment, PhaseStep, RenalSummary
from mmtracker.logic.codes import Analyte
from mmtracker.logic.crab import CrabCriterion, SlimCrab
from mmtracker.logic.history import Imaging, MrdTest
from mmtracker.logic.items import ITEM_ORDER
from mmtracker.logic.messages import Message
from mmtracker.logic.renal import RenalFunction
from mmtracker.logic.response import (
    Baseline,
    CurrentResponse,
    Measurement,
    MrdStatus,
    Parameter,
    PdFinding,
    Progression,
    ResponsePoint,
    ResponseResult,
)
from mmtracker.logic.smm_risk import BIOMARKERS, EvolvingBiomarker, SmmRisk
from mmtracker.logic.staging import (
    HighRisk,
    InputUsed,
    MayoAdditive,
    PointStage,
    Stage,
    Staging,
)
from mmtracker.logic.units import UnitSystem, display_unit, from_canonical

FORMAT_VERSION = 2

# Names the scores give laboratory values, besides the analyte codes themselves.
# dFLC (involved minus uninvolved FLC) converts like a free light chain.
_LAB_NAMES: dict[str, Analyte] = {
    "b2m": Analyte.B2M,
    "bmpc": Analyte.BMPC,
    "m_protein": Analyte.SERUM_MPROTEIN,
    Parameter.DFLC.value: Analyte.FLC_KAPPA,
}
# Units of the numbers that are not laboratory values and look the same in both systems.
_OTHER_UNITS = {
    "crcl": "mL/min",
    "egfr": "mL/min/1.73m2",
    "del_17p_clonal_fraction": "%",
}


def lab_analyte(name: str) -> Analyte | None:
    """The analyte a score's value name or measure stands for, if it is a laboratory value."""
    if name in _LAB_NAMES:
        return _LAB_NAMES[name]
    try:
        return Analyte(name)
    except ValueError:
        return None


class _Writer(ItemWriter):
    """Turns the assessment's parts into JSON-ready objects in one unit system."""

    # --- Values -----------------------------------------------------------------------

    def unit(self, name: str) -> str | None:
        """The unit a named value is written in; None for counts and ratios."""
        analyte = lab_analyte(name)
        if analyte is None:
            return _OTHER_UNITS.get(name)
        return display_unit(analyte, self.units)

    def value(self, name: str, si: float | None) -> float | None:
        """A value named by ``name``, converted when it is a laboratory value."""
        analyte = lab_analyte(name)
        if si is None or analyte is None:
            return si
        return significant(from_canonical(analyte, si, display_unit(analyte, self.units)))

    # --- SLiM-CRAB, staging, SMM risk -------------------------------------------------

    def criterion(self, c: CrabCriterion) -> JsonObject:
        return {
            "code": c.code.value,
            "met": c.met,
            "measure": c.measure,
            "value": self.value(c.measure, c.value),
            "limit": self.value(c.measure, c.limit),
            "unit": self.unit(c.measure),
            "date": day(c.date),
            "default_limit_used": c.default_limit_used,
            "message": self.message(c.message),
            "notes": self.messages(c.notes),
        }

    def slim_crab(self, crab: SlimCrab) -> JsonObject:
        return {
            "any_met": crab.any_met,
            "criteria": [self.criterion(c) for c in crab.criteria],
        }

    def input(self, used: InputUsed) -> JsonObject:
        value = used.value
        number = value if isinstance(value, float) else None
        return {
            "name": used.name,
            "value": value if number is None else self.value(used.name, number),
            "unit": None if number is None else self.unit(used.name),
            "date": day(used.date),
            "limit": self.value(used.name, used.limit),
            "default_limit": used.default_limit,
            "entry_id": used.entry_id,
        }

    def _report(
        self, inputs: Iterable[InputUsed], missing: Iterable[Message], notes: Iterable[Message]
    ) -> JsonObject:
        return {
            "inputs": [self.input(i) for i in inputs],
            "missing": self.messages(missing),
            "notes": self.messages(notes),
        }

    def stage(self, stage: Stage) -> JsonObject:
        return {"stage": stage.stage, **self._report(stage.inputs, stage.missing, stage.notes)}

    def point_stage(self, stage: PointStage) -> JsonObject:
        return {
            "points": stage.points,
            "group": stage.group,
            **self._report(stage.inputs, stage.missing, stage.notes),
        }

    def mayo_additive(self, stage: MayoAdditive) -> JsonObject:
        return {
            "points": stage.points,
            "group": stage.group,
            "median_pfs_months": stage.median_pfs_months,
            "median_os_years": stage.median_os_years,
            "source": stage.source,
            "message": self.message(stage.message),
            **self._report(stage.inputs, stage.missing, stage.notes),
        }

    def high_risk(self, risk: HighRisk) -> JsonObject:
        return {
            "high_risk": risk.high_risk,
            "present": list(risk.present),
            "since": day(risk.since),
            **self._report(risk.inputs, risk.missing, risk.notes),
        }

    def staging(self, staging: Staging | None) -> JsonObject | None:
        if staging is None:
            return None
        return {
            "diagnosis": day(staging.diagnosis),
            "iss": self.stage(staging.iss),
            "r_iss": self.stage(staging.r_iss),
            "r2_iss": self.point_stage(staging.r2_iss),
            "mayo_additive": self.mayo_additive(staging.mayo_additive),
            "ims_2025": self.high_risk(staging.ims_2025),
            "imwg_2016": self.high_risk(staging.imwg_2016),
            "cytogenetic_risk": self.high_risk(staging.cytogenetic_risk),
        }

    def biomarker(self, marker: EvolvingBiomarker) -> JsonObject:
        spec = _BIOMARKERS[marker.code]
        unit = None if spec.analyte is None else display_unit(spec.analyte, self.units)

        def shown(value: float | None, change: bool = False) -> float | None:
            if value is None or spec.analyte is None or (change and not spec.change_in_unit):
                return value
            return self.value(spec.analyte.value, value)

        return {
            "code": marker.code,
            "met": marker.met,
            "latest": shown(marker.latest),
            "latest_date": day(marker.latest_date),
            "baseline": shown(marker.baseline),
            "baseline_date": day(marker.baseline_date),
            "unit": unit,
            "change": shown(marker.change, change=True),
            "limit": shown(marker.limit, change=True),
            "change_unit": unit if spec.change_in_unit else "%",
            "message": self.message(marker.message),
        }

    def smm_risk(self, risk: SmmRisk | None) -> JsonObject | None:
        if risk is None:
            return None
        mayo, mateos, imwg = risk.mayo_2018, risk.mateos_2020, risk.imwg_2020
        return {
            "mayo_2018": {
                "group": code(mayo.group),
                "factors": list(mayo.factors),
                "median_ttp_months": mayo.median_ttp_months,
                "ttp_source": mayo.ttp_source,
                "two_year_percent": mayo.two_year_percent,
                "risk_source": mayo.risk_source,
                "message": self.message(mayo.message),
            },
            "mateos_2020": {
                "group": code(mateos.group),
                "factors": list(mateos.factors),
                "two_year_percent": mateos.two_year_percent,
                "message": self.message(mateos.message),
            },
            "imwg_2020": {
                "score": imwg.score,
                "points": dict(imwg.points),
                "group": code(imwg.group),
                "group_percent": imwg.group_percent,
                "score_percent": imwg.score_percent,
                "complete": imwg.complete,
                "message": self.message(imwg.message),
            },
            "pangea": [self.biomarker(m) for m in risk.pangea],
            "inputs": [self.input(i) for i in risk.inputs],
            "missing": self.messages(risk.missing),
        }

    # --- Renal function ---------------------------------------------------------------

    def renal_function(self, renal: RenalFunction | None) -> JsonObject | None:
        if renal is None:
            return None
        weight = renal.weight
        return {
            "date": day(renal.date),
            "creatinine": self.quantity(Analyte.CREATININE, renal.creatinine_umol_l),
            "creatinine_id": renal.creatinine.id,
            "age": renal.age,
            "weight_kg": None if weight is None else weight.weight_kg,
            "weight_date": None if weight is None else day(weight.date),
            "crcl": renal.crcl,
            "egfr": renal.egfr,
            "kdigo": renal.kdigo,
        }

    def renal(self, renal: RenalSummary) -> JsonObject:
        return {
            "current": self.renal_function(renal.current),
            "za_baseline": self.renal_function(renal.za_baseline),
            "za_dose_mg": renal.za_dose_mg,
            "za_dose_computable": renal.za_dose_computable,
        }

    # --- Response and MRD -------------------------------------------------------------

    def measurement(self, parameter: Parameter, m: Measurement) -> JsonObject:
        return {
            "value": self.value(parameter.value, m.value),
            "unit": self.unit(parameter.value),
            "date": day(m.date),
            "entry_id": m.entry_id,
        }

    def measurements(self, values: Mapping[Parameter, Measurement]) -> JsonObject:
        return {p.value: self.measurement(p, values[p]) for p in Parameter if p in values}

    def baseline(self, b: Baseline | None) -> JsonObject | None:
        if b is None:
            return None
        flc = b.flc
        return {
            "line_number": b.line_number,
            "episode_start": day(b.start),
            "branch": code(b.branch),
            "measurable": [p.value for p in Parameter if p in b.measurable],
            "involved_chain": code(b.involved_chain),
            "plasmacytoma": b.plasmacytoma,
            "values": self.measurements(b.values),
            "flc": None
            if flc is None
            else {
                "date": day(flc.date),
                "kappa": self.quantity(Analyte.FLC_KAPPA, flc.kappa),
                "lambda": self.quantity(Analyte.FLC_LAMBDA, flc.lambda_),
                "ratio": flc.ratio,
            },
        }

    def point(self, p: ResponsePoint) -> JsonObject:
        return {
            "date": day(p.date),
            "category": p.category.value,
            "missing": [m.value for m in p.missing],
            "measured": [a.value for a in Analyte if a in p.measured],
        }

    def finding(self, f: PdFinding) -> JsonObject:
        name = f.criterion.value
        return {
            "criterion": name,
            "date": day(f.date),
            "value": self.value(name, f.value),
            "reference": self.value(name, f.reference),
            "reference_date": day(f.reference_date),
            "unit": self.unit(name),
            "confirmed_on": day(f.confirmed_on),
            "modality": code(f.modality),
            "message": self.message(f.message),
        }

    def progression(self, p: Progression | None) -> JsonObject | None:
        if p is None:
            return None
        return {
            "criteria": p.criteria,
            "date": day(p.date),
            "confirmed": p.confirmed,
            "confirmed_on": day(p.confirmed_on),
            "findings": [self.finding(f) for f in p.findings],
            "message": self.message(p.message),
        }

    def response(self, r: ResponseResult | None) -> JsonObject | None:
        if r is None:
            return None
        return {
            "criteria": r.criteria,
            "category": code(r.category),
            "date": day(r.date),
            "confirmed": r.confirmed,
            "best": code(r.best),
            "best_confirmed": r.best_confirmed,
            "missing": [m.value for m in r.missing],
            "baseline": self.baseline(r.baseline),
            "nadirs": self.measurements(r.nadirs),
            "series": [self.point(p) for p in r.series],
            "progression": self.progression(r.progression),
            "messages": self.messages(r.messages),
        }

    def current_response(self, r: CurrentResponse | None) -> JsonObject | None:
        if r is None:
            return None
        return {
            "category": r.category.value,
            "date": day(r.date),
            "source": r.source.value,
            "confirmed": r.confirmed,
            "criteria": r.criteria,
            "message": self.message(r.message),
        }

    def mrd(self, mrd: MrdStatus) -> JsonObject:
        return {
            "criteria": mrd.criteria,
            "state": mrd.state.value,
            "latest": _mrd_test(mrd.latest),
            "first_negative": _mrd_test(mrd.first_negative),
            "last_negative": _mrd_test(mrd.last_negative),
            "sustained": mrd.sustained,
            "sustained_imaging": _pet(mrd.sustained_imaging),
            "imaging_plus": mrd.imaging_plus,
            "imaging_plus_pet": _pet(mrd.imaging_plus_pet),
            "messages": self.messages(mrd.messages),
        }


def _mrd_test(test: MrdTest | None) -> JsonObject | None:
    if test is None:
        return None
    return {
        "id": test.id,
        "date": test.date.isoformat(),
        "method": test.method.value,
        "sensitivity": test.sensitivity,
        "result": test.result.value,
    }


def _pet(scan: Imaging | None) -> JsonObject | None:
    if scan is None:
        return None
    return {"id": scan.id, "date": scan.date.isoformat(), "fdg_avid": scan.fdg_avid}


def _step(step: PhaseStep) -> JsonObject:
    return {
        "date": step.date.isoformat(),
        "phase": step.phase.value,
        "line_number": step.line_number,
    }


_BIOMARKERS = {marker.code: marker for marker in BIOMARKERS}
_ITEM_RANK = {item_id: rank for rank, item_id in enumerate(ITEM_ORDER)}


def assessment_document(assessment: Assessment, units: UnitSystem, lang: str) -> JsonObject:
    """The assessment as a JSON-ready mapping, in ``units`` and language ``lang`` (en, zh_CN).

    The message texts are rendered in ``lang`` without changing the language installed
    in the application.
    """
    w = _Writer(units, i18n.language(lang))
    a = assessment
    items = sorted(a.items, key=lambda item: _ITEM_RANK[item.id])
    return {
        "format_version": FORMAT_VERSION,
        "as_of": a.as_of.isoformat(),
        "units": units.value,
        "lang": lang,
        "patient": {
            "mrn": a.mrn,
            "status": a.status.value,
            "status_date": day(a.status_date),
            "age": a.age,
        },
        "phase": code(a.phase),
        "timeline": [_step(s) for s in a.timeline],
        "items": [w.item(item) for item in items],
        "slim_crab": w.slim_crab(a.slim_crab),
        "staging": w.staging(a.staging),
        "smm_risk": w.smm_risk(a.smm_risk),
        "renal": w.renal(a.renal),
        "response": w.response(a.response),
        "current_response": w.current_response(a.current_response),
        "mrd": w.mrd(a.mrd),
        "policy": {
            "digest": a.policy_digest,
            "values": {key: a.policy[key] for key in sorted(a.policy)},
        },
    }
