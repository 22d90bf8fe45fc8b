"""Entry checks shared by the services, the record import and ``evaluate``.

The sanity limits refuse obvious typos (ARCHITECTURE.md, "Entry sanity
limits"); they are not clinical rules. Phase transitions follow
clinical-rules.md §11 Phases. ``today`` is passed in: this layer never reads
the clock.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, fields
from itertools import pairwise

from mmtracker.logic.care import Severity
from mmtracker.logic.codes import (
    QUALITATIVE_ANALYTES,
    Analyte,
    BoneTherapyEventKind,
    InvasiveProcedure,
    MucositisScale,
    PatientStatus,
    Phase,
)
from mmtracker.logic.dates import add_months
from mmtracker.logic.history import (
    FUTURE_DATE_FIELDS,
    Acknowledgement,
    BoneTherapyDose,
    BoneTherapyEvent,
    Cytogenetics,
    DentalExam,
    Entry,
    Imaging,
    LabResult,
    MrdTest,
    Patient,
    PatientHistory,
    PhaseChange,
    Supplement,
    Transplant,
    TreatmentLine,
    Visit,
    Weight,
)
from mmtracker.logic.parsing import Problem, join_path
from mmtracker.logic.units import accepted_units, canonical_unit, to_canonical, unit_label


@dataclass(frozen=True, slots=True)
class Limit:
    """An inclusive accepted range in a stated unit."""

    low: float
    high: float
    unit: str

    def text(self) -> str:
        unit = f" {unit_label(self.unit)}" if self.unit else ""
        return f"{self.low:g}–{self.high:g}{unit}"


# The design's entry sanity limits, in canonical units: they refuse typos, they are
# not clinical values. Urine M-protein has none there; 0–100000 mg/24 h only refuses typos.
LAB_LIMITS: dict[Analyte, Limit] = {
    Analyte.CALCIUM: Limit(0.5, 6, "mmol/L"),
    Analyte.CREATININE: Limit(10, 3000, "umol/L"),
    Analyte.HEMOGLOBIN: Limit(20, 250, "g/L"),
    Analyte.SERUM_MPROTEIN: Limit(0, 150, "g/L"),
    Analyte.URINE_MPROTEIN: Limit(0, 100000, "mg/24h"),
    Analyte.FLC_KAPPA: Limit(0, 100000, "mg/L"),
    Analyte.FLC_LAMBDA: Limit(0, 100000, "mg/L"),
    Analyte.BMPC: Limit(0, 100, "%"),
    Analyte.ALBUMIN: Limit(5, 70, "g/L"),
    Analyte.B2M: Limit(0, 100, "mg/L"),
    Analyte.LDH: Limit(10, 20000, "U/L"),
    Analyte.VITAMIN_D: Limit(0, 500, "nmol/L"),
}
WEIGHT_LIMIT = Limit(20, 300, "kg")
HEIGHT_LIMIT = Limit(100, 230, "cm")
EARLIEST_BIRTH = dt.date(1900, 1, 1)
"""A date of birth before it is a typo (1850 for 1950), not a patient: a false age would
change every age-based rule and the CrCl (D13)."""

# Ranges of scores and counts; the scales are in clinical-rules.md §7 (mucositis).
ECOG_LIMIT = Limit(0, 4, "")
PAIN_LIMIT = Limit(0, 10, "")
MUCOSITIS_LIMITS = {MucositisScale.WHO: Limit(0, 4, ""), MucositisScale.CTCAE: Limit(1, 5, "")}
# Entry limits that only refuse typos (not clinical values).
LESION_COUNT_LIMIT = Limit(0, 1000, "")
PERCENT_LIMIT = Limit(0, 100, "%")
BONE_DOSE_LIMIT = Limit(0.1, 500, "mg")
INTERVAL_LIMIT = Limit(1, 730, "d")
SUPPLEMENT_CALCIUM_LIMIT = Limit(0, 5000, "mg")
SUPPLEMENT_VITAMIN_D_LIMIT = Limit(0, 100000, "IU")
MELPHALAN_LIMIT = Limit(1, 300, "mg/m²")
LINE_LIMIT = Limit(1, 50, "")
TEXT_LIMIT = 4000
NAME_LIMIT = 200  # an item of a list (a drug's name)
LIST_LIMIT = 50  # the items of a list (the drugs of a line)
ID_TEXT_LIMIT = 36  # an entry id: a UUID in text form
# D36: a schedule entry (a planned start) and a hold's expected resume date (D33) may lie
# up to 2 years ahead; further is taken for a typo.
PLAN_AHEAD_MONTHS = 24

# clinical-rules.md §11 Phases: the transitions allowed besides the first phase.
ALLOWED_TRANSITIONS: frozenset[tuple[Phase, Phase]] = frozenset(
    {
        (Phase.SMM, Phase.NDMM),
        (Phase.NDMM, Phase.ASCT),
        (Phase.NDMM, Phase.MAINTENANCE),
        (Phase.NDMM, Phase.RELAPSE),
        (Phase.ASCT, Phase.MAINTENANCE),
        (Phase.ASCT, Phase.ASCT),
        (Phase.ASCT, Phase.RELAPSE),
        (Phase.MAINTENANCE, Phase.RELAPSE),
        (Phase.RELAPSE, Phase.ASCT),
        (Phase.RELAPSE, Phase.MAINTENANCE),
        (Phase.RELAPSE, Phase.RELAPSE),
    }
)


SMALLEST_SENSITIVITY = 1e-9
"""The finest MRD sensitivity accepted, 1 in 10⁹: no assay reaches it; a fraction nearer 0
(``5e-324``) is a typo or a program's artefact, not a sensitivity."""


def _in_range(path: str, value: float | None, limit: Limit) -> list[Problem]:
    if value is None or limit.low <= value <= limit.high:
        return []
    return [Problem(path, f"{value:g} is outside the accepted range {limit.text()}")]


def _date_problems(
    path: str,
    name: str,
    value: dt.date | None,
    born: dt.date | None,
    today: dt.date,
    ahead: bool = False,
) -> list[Problem]:
    """Not before 1900 nor birth; not in the future, but a plan field (or ``ahead``: a
    schedule's start) at most 2 years on."""
    if value is None:
        return []
    where = join_path(path, name)
    if value < EARLIEST_BIRTH:
        return [
            Problem(where, f"{value.isoformat()} is before {EARLIEST_BIRTH}, the earliest accepted")
        ]
    if ahead or name in FUTURE_DATE_FIELDS:
        latest = add_months(today, PLAN_AHEAD_MONTHS)
        if value > latest:
            return [
                Problem(
                    where,
                    f"{value.isoformat()} is more than 2 years ahead; the accepted range is "
                    f"up to {latest} (today is {today})",
                )
            ]
    elif value > today:
        return [Problem(where, f"{value.isoformat()} is in the future (today is {today})")]
    if born is not None and value < born:
        return [Problem(where, f"{value.isoformat()} is before the date of birth {born}")]
    return []


# Characters a text may not hold: invisible ones and those that turn text around (bidi
# overrides and isolates); a note and a reason may break lines and tab.
_HIDDEN = frozenset([*range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x200B, 0x2060, 0xFEFF])
_NOTE_CONTROLS = frozenset("\n\t")


def text_problems(where: str, text: str, limit: int, *, note: bool) -> list[Problem]:
    """A text's length, and characters it may not hold: control and invisible characters
    (Unicode categories Cc, Cf; a lone surrogate) in an identifier or a name; in a note,
    controls but line breaks and tabs, invisible and direction-turning characters."""
    if len(text) > limit:
        return [Problem(where, f"is longer than {limit} characters")]
    for char in text:
        category = unicodedata.category(char)
        if note:
            bad = (category == "Cc" and char not in _NOTE_CONTROLS) or ord(char) in _HIDDEN
            bad = bad or category == "Cs"
        else:
            bad = category in ("Cc", "Cf", "Cs") or ord(char) in _HIDDEN
        if bad:
            return [Problem(where, f"holds the invisible or control character U+{ord(char):04X}")]
    return []


def check_patient(patient: Patient, today: dt.date, path: str = "") -> list[Problem]:
    """Sanity checks of the demographics and status."""
    problems: list[Problem] = []
    if not patient.mrn.strip() or len(patient.mrn) > 64:
        problems.append(Problem(join_path(path, "mrn"), "must be 1–64 characters"))
    else:
        problems += text_problems(join_path(path, "mrn"), patient.mrn, 64, note=False)
    if not patient.name.strip() or len(patient.name) > 200:
        problems.append(Problem(join_path(path, "name"), "must be 1–200 characters"))
    else:
        problems += text_problems(join_path(path, "name"), patient.name, 200, note=False)
    if patient.date_of_birth > today:
        problems.append(
            Problem(join_path(path, "date_of_birth"), f"{patient.date_of_birth} is in the future")
        )
    elif patient.date_of_birth < EARLIEST_BIRTH:
        problems.append(
            Problem(
                join_path(path, "date_of_birth"),
                f"{patient.date_of_birth} is before {EARLIEST_BIRTH}, the earliest accepted",
            )
        )
    problems += _in_range(join_path(path, "height_cm"), patient.height_cm, HEIGHT_LIMIT)
    where = join_path(path, "status_date")
    if patient.status is PatientStatus.ACTIVE:
        if patient.status_date is not None:
            problems.append(Problem(where, "must be empty while the status is active"))
    elif patient.status_date is None:
        problems.append(Problem(where, f"is required when the status is {patient.status.value}"))
    else:
        problems += _date_problems(
            path, "status_date", patient.status_date, patient.date_of_birth, today
        )
    return problems


def check_entry(
    entry: Entry, born: dt.date | None, today: dt.date, path: str = ""
) -> list[Problem]:
    """Sanity checks of one entry on its own: ranges, units, dates."""
    problems: list[Problem] = []
    for f in fields(entry):
        value = getattr(entry, f.name)
        if isinstance(value, dt.date):
            ahead = _planned_ahead(entry, f.name)
            problems += _date_problems(path, f.name, value, born, today, ahead)
        elif isinstance(value, str):
            problems += text_problems(join_path(path, f.name), value, TEXT_LIMIT, note=True)
        elif isinstance(value, tuple):
            if len(value) > LIST_LIMIT:
                problems.append(
                    Problem(join_path(path, f.name), f"has more than {LIST_LIMIT} items")
                )
            for index, item in enumerate(value):
                if isinstance(item, str):
                    where = join_path(join_path(path, f.name), index)
                    problems += text_problems(where, item, NAME_LIMIT, note=False)
    problems += _KIND_CHECKS.get(type(entry), _no_checks)(entry, path)
    return problems


def _planned_ahead(entry: Entry, name: str) -> bool:
    """A date that may lie up to 2 years ahead: a schedule's planned start (D36), a resume date."""
    if not isinstance(entry, BoneTherapyEvent):
        return False
    return name == "resume_date" or (name == "date" and entry.kind is BoneTherapyEventKind.SCHEDULE)


def _no_checks(entry: Entry, path: str) -> list[Problem]:
    return []


def _check_lab(entry: Entry, path: str) -> list[Problem]:
    assert isinstance(entry, LabResult)
    p: list[Problem] = []
    if entry.analyte in QUALITATIVE_ANALYTES:
        if entry.qualitative is None:
            p.append(
                Problem(join_path(path, "qualitative"), "is required: 'positive' or 'negative'")
            )
        for name in ("value", "unit", "ref_low", "ref_high"):
            if getattr(entry, name) is not None:
                p.append(
                    Problem(join_path(path, name), "must be empty for an immunofixation result")
                )
    else:
        p += _check_quantitative(entry, path)
    if (entry.calcium_kind is None) == (entry.analyte is Analyte.CALCIUM):
        need = (
            "is required for calcium" if entry.analyte is Analyte.CALCIUM else "is only for calcium"
        )
        p.append(
            Problem(join_path(path, "calcium_kind"), need + ": 'total', 'adjusted' or 'ionised'")
        )
    m_protein = {Analyte.SERUM_MPROTEIN, Analyte.URINE_MPROTEIN, *QUALITATIVE_ANALYTES}
    for name in ("isotype", "light_chain"):
        if getattr(entry, name) is not None and entry.analyte not in m_protein:
            p.append(
                Problem(join_path(path, name), "is only for M-protein and immunofixation results")
            )
    return p


def _check_quantitative(entry: LabResult, path: str) -> list[Problem]:
    p: list[Problem] = []
    units = accepted_units(entry.analyte)
    if entry.qualitative is not None:
        p.append(Problem(join_path(path, "qualitative"), "is only for immunofixation results"))
    if entry.value is None:
        p.append(Problem(join_path(path, "value"), "is required for this analyte"))
    if entry.unit not in units:
        p.append(
            Problem(
                join_path(path, "unit"),
                f"must be one of {', '.join(units)} for {entry.analyte.value}",
            )
        )
        return p
    limit = LAB_LIMITS[entry.analyte]
    assert entry.unit is not None
    for name in ("value", "ref_low", "ref_high"):
        raw = getattr(entry, name)
        if raw is None:
            continue
        si = to_canonical(entry.analyte, raw, entry.unit)
        if not limit.low <= si <= limit.high:
            shown = f"{raw:g} {unit_label(entry.unit)}"
            if entry.unit != canonical_unit(entry.analyte):
                shown += f" (= {si:.4g} {unit_label(limit.unit)})"
            p.append(
                Problem(
                    join_path(path, name), f"{shown} is outside the accepted range {limit.text()}"
                )
            )
    if entry.ref_low is not None and entry.ref_high is not None and entry.ref_low >= entry.ref_high:
        p.append(Problem(join_path(path, "ref_high"), "must be above ref_low"))
    return p


def _check_weight(entry: Entry, path: str) -> list[Problem]:
    assert isinstance(entry, Weight)
    return _in_range(join_path(path, "weight_kg"), entry.weight_kg, WEIGHT_LIMIT)


def _check_cytogenetics(entry: Entry, path: str) -> list[Problem]:
    assert isinstance(entry, Cytogenetics)
    p = _in_range(
        join_path(path, "del_17p_clonal_fraction"), entry.del_17p_clonal_fraction, PERCENT_LIMIT
    )
    if entry.del_17p_clonal_fraction is not None and entry.del_17p is not True:
        p.append(Problem(join_path(path, "del_17p_clonal_fraction"), "needs del_17p to be true"))
    return p


def _check_imaging(entry: Entry, path: str) -> list[Problem]:
    assert isinstance(entry, Imaging)
    return _in_range(
        join_path(path, "lytic_lesions"), entry.lytic_lesions, LESION_COUNT_LIMIT
    ) + _in_range(join_path(path, "mri_focal_lesions"), entry.mri_focal_lesions, LESION_COUNT_LIMIT)


def _check_dental(entry: Entry, path: str) -> list[Problem]:
    assert isinstance(entry, DentalExam)
    where = join_path(path, "procedure_date")
    if entry.invasive_procedure is InvasiveProcedure.NONE:
        return (
            []
            if entry.procedure_date is None
            else [Problem(where, "must be empty without a procedure")]
        )
    if entry.procedure_date is None:
        return [Problem(where, "is required when a procedure is planned or done")]
    if entry.invasive_procedure is InvasiveProcedure.DONE and entry.procedure_date > entry.date:
        return [
            Problem(where, "a procedure marked done cannot be dated after the exam that records it")
        ]
    return []


def _check_dose(entry: Entry, path: str) -> list[Problem]:
    assert isinstance(entry, BoneTherapyDose)
    return _in_range(join_path(path, "dose_mg"), entry.dose_mg, BONE_DOSE_LIMIT)


def _check_bone_event(entry: Entry, path: str) -> list[Problem]:
    assert isinstance(entry, BoneTherapyEvent)
    p = _in_range(join_path(path, "interval_days"), entry.interval_days, INTERVAL_LIMIT)
    if entry.kind.value == "schedule" and (entry.interval_days is None or entry.agent is None):
        p.append(
            Problem(
                join_path(path, "interval_days"),
                "a schedule change needs an agent and interval_days",
            )
        )
    if entry.kind.value == "review" and entry.decision is None:
        p.append(
            Problem(
                join_path(path, "decision"),
                "is required for a review: continue, de_escalate or stop",
            )
        )
    where = join_path(path, "resume_date")
    if entry.resume_date is not None:
        if entry.kind is not BoneTherapyEventKind.HOLD:
            p.append(Problem(where, "is only for a hold"))
        elif entry.resume_date <= entry.date:
            p.append(Problem(where, f"must be after the hold date {entry.date}"))
    return p


def _check_supplement(entry: Entry, path: str) -> list[Problem]:
    assert isinstance(entry, Supplement)
    p = _in_range(join_path(path, "calcium_mg"), entry.calcium_mg, SUPPLEMENT_CALCIUM_LIMIT)
    p += _in_range(join_path(path, "vitamin_d_iu"), entry.vitamin_d_iu, SUPPLEMENT_VITAMIN_D_LIMIT)
    if entry.end_date is not None and entry.end_date < entry.start_date:
        p.append(
            Problem(
                join_path(path, "end_date"), f"must be on or after start_date {entry.start_date}"
            )
        )
    return p


def _check_mrd(entry: Entry, path: str) -> list[Problem]:
    assert isinstance(entry, MrdTest)
    where = join_path(path, "sensitivity")
    if SMALLEST_SENSITIVITY <= entry.sensitivity < 1:
        return []
    if 0 < entry.sensitivity < 1:
        shown = f"{entry.sensitivity:g}"
        accepted = f"{SMALLEST_SENSITIVITY:g} to below 1"
        return [Problem(where, f"{shown} is outside the accepted range {accepted}")]
    return [Problem(where, "must be a fraction above 0 and below 1, e.g. 1e-05")]


def _check_line(entry: Entry, path: str) -> list[Problem]:
    assert isinstance(entry, TreatmentLine)
    p = _in_range(join_path(path, "line_number"), entry.line_number, LINE_LIMIT)
    if not entry.regimen.strip():
        p.append(Problem(join_path(path, "regimen"), "must not be empty"))
    if entry.end_date is not None and entry.end_date < entry.start_date:
        p.append(
            Problem(
                join_path(path, "end_date"), f"must be on or after start_date {entry.start_date}"
            )
        )
    return p


def _check_transplant(entry: Entry, path: str) -> list[Problem]:
    assert isinstance(entry, Transplant)
    p = _in_range(join_path(path, "melphalan_mg_m2"), entry.melphalan_mg_m2, MELPHALAN_LIMIT)
    if entry.planned_date is None and entry.performed_date is None:
        p.append(
            Problem(
                join_path(path, "planned_date"), "a transplant needs a planned or a performed date"
            )
        )
    # D39: a withdrawal gives up a plan; a performed transplant cannot be withdrawn.
    where = join_path(path, "withdrawn_date")
    if entry.withdrawn_date is not None:
        if entry.performed_date is not None:
            p.append(Problem(where, "a performed transplant cannot be withdrawn"))
        elif entry.planned_date is None:
            p.append(Problem(where, "needs the planned_date of the plan given up"))
    if entry.mucositis_grade is not None:
        if entry.mucositis_scale is None:
            p.append(
                Problem(
                    join_path(path, "mucositis_scale"), "is required with a grade: WHO or CTCAE_v5"
                )
            )
        else:
            limit = MUCOSITIS_LIMITS[entry.mucositis_scale]
            p += _in_range(join_path(path, "mucositis_grade"), entry.mucositis_grade, limit)
        if entry.performed_date is None:
            p.append(Problem(join_path(path, "mucositis_grade"), "needs a performed transplant"))
    return p


def _check_visit(entry: Entry, path: str) -> list[Problem]:
    assert isinstance(entry, Visit)
    p = _in_range(join_path(path, "ecog"), entry.ecog, ECOG_LIMIT)
    p += _in_range(join_path(path, "pain"), entry.pain, PAIN_LIMIT)
    if entry.next_visit is not None and entry.next_visit <= entry.date:
        p.append(
            Problem(join_path(path, "next_visit"), f"must be after the visit date {entry.date}")
        )
    return p


def _check_acknowledgement(entry: Entry, path: str) -> list[Problem]:
    assert isinstance(entry, Acknowledgement)
    p: list[Problem] = []
    if entry.until < entry.acknowledged_on:
        p.append(Problem(join_path(path, "until"), f"must be on or after {entry.acknowledged_on}"))
    if not entry.reason.strip():
        p.append(Problem(join_path(path, "reason"), "must not be empty"))
    if not entry.item_id.strip():
        p.append(Problem(join_path(path, "item_id"), "must not be empty"))
    return p + _check_acknowledged_finding(entry, path)


_SEVERITIES = frozenset(s.value for s in Severity)


def _check_acknowledged_finding(entry: Acknowledgement, path: str) -> list[Problem]:
    """D40: the finding acknowledged; its fields describe a message, so they need its id."""
    p: list[Problem] = []
    severities = ", ".join(repr(s.value) for s in Severity)
    if entry.finding_severity is not None and entry.finding_severity not in _SEVERITIES:
        p.append(
            Problem(join_path(path, "finding_severity"), f"must be one of {severities} or empty")
        )
    for index, cited in enumerate(entry.finding_cites):
        if not cited.strip() or len(cited) > ID_TEXT_LIMIT:
            p.append(
                Problem(
                    join_path(join_path(path, "finding_cites"), index),
                    f"must be an entry id of 1–{ID_TEXT_LIMIT} characters",
                )
            )
    if entry.finding_message_id is None:
        for name in ("finding_severity", "finding_due"):
            if getattr(entry, name) is not None:
                p.append(Problem(join_path(path, name), "needs finding_message_id"))
        if entry.finding_cites:
            p.append(Problem(join_path(path, "finding_cites"), "needs finding_message_id"))
    elif not entry.finding_message_id.strip():
        p.append(Problem(join_path(path, "finding_message_id"), "must not be empty"))
    return p


def _check_phase(entry: Entry, path: str) -> list[Problem]:
    assert isinstance(entry, PhaseChange)
    where = join_path(path, "line_number")
    if entry.phase is Phase.RELAPSE:
        if entry.line_number is None or entry.line_number < 2:
            return [Problem(where, "is required for RELAPSE: line 2 or later")]
        return _in_range(where, entry.line_number, LINE_LIMIT)
    if entry.line_number is not None:
        return [Problem(where, "is only for RELAPSE")]
    return []


_KIND_CHECKS = {
    LabResult: _check_lab,
    Weight: _check_weight,
    Cytogenetics: _check_cytogenetics,
    Imaging: _check_imaging,
    DentalExam: _check_dental,
    BoneTherapyDose: _check_dose,
    BoneTherapyEvent: _check_bone_event,
    Supplement: _check_supplement,
    MrdTest: _check_mrd,
    TreatmentLine: _check_line,
    Transplant: _check_transplant,
    Visit: _check_visit,
    Acknowledgement: _check_acknowledgement,
    PhaseChange: _check_phase,
}


def check_phase_sequence(
    changes: Iterable[PhaseChange], path: str = "phase_changes"
) -> list[Problem]:
    """§11 Phases: each change must follow an allowed transition; one change per day."""
    ordered = sorted(changes, key=lambda c: c.date)
    problems: list[Problem] = []
    for before, after in pairwise(ordered):
        where = join_path(path, "date")
        if before.date == after.date:
            problems.append(Problem(where, f"two phase changes on {after.date}; one per day"))
        elif (before.phase, after.phase) not in ALLOWED_TRANSITIONS:
            allowed = sorted(b.value for a, b in ALLOWED_TRANSITIONS if a is before.phase)
            problems.append(
                Problem(
                    join_path(path, "phase"),
                    f"{before.phase.value} → {after.phase.value} on {after.date} is not allowed; "
                    f"after {before.phase.value} comes {', '.join(allowed) or 'nothing'}",
                )
            )
        elif (
            before.phase is Phase.RELAPSE
            and after.phase is Phase.RELAPSE
            and (after.line_number or 0) <= (before.line_number or 0)
        ):
            problems.append(
                Problem(
                    join_path(path, "line_number"),
                    f"RELAPSE on {after.date} must have a later line than {before.line_number}",
                )
            )
    return problems


def check_history(history: PatientHistory) -> list[Problem]:
    """Checks across the entries of one patient (phase transitions, §11 Phases)."""
    return check_phase_sequence(history.phase_changes)
