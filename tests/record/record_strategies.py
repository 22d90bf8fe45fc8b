"""Record files for the property test of the record format (``test_record_property.py``).

:func:`cases` draws a :class:`Case`: a record document — built valid from the fields of
the record schema and the entry sanity limits, drawn from the schema alone, or the
documented example — then, for most cases, spoiled: values of the wrong type, numbers
out of range or of hundreds of digits, NaN and the infinities, control, invisible,
direction-turning and lone surrogate characters, dates at the calendar's ends, keys
dropped or added, ids repeated in another case or taken from the other patient of the
clinic database, deep nesting, long text and long lists; at last it is written as JSON
text, now and then corrupted.

:func:`verdict` says what the command must do with a file, where that is plain from the
file alone: refuse it (not UTF-8 JSON, nested too deep, against the shipped schema, or
against a rule of ``docs/record-format.md`` that a value breaks on its own), or nothing
(either answer may be right). A case built valid and left unspoiled must be imported.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import math
import re
import string
import unicodedata
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hypothesis import strategies as st
from hypothesis.strategies import DrawFn, SearchStrategy
from jsonschema import Draft202012Validator

from mmtracker.cli import AS_OF_EARLIEST, AS_OF_YEARS_AHEAD
from mmtracker.logic.codes import (
    QUALITATIVE_ANALYTES,
    Analyte,
    BoneAgent,
    BoneTherapyEventKind,
    CalciumKind,
    ClinicalEventKind,
    CopyNumber1q,
    CytogeneticMethod,
    Del1p32,
    DentalOutcome,
    ImagingModality,
    InvasiveProcedure,
    Isotype,
    LightChain,
    MrdMethod,
    MrdResult,
    MucositisScale,
    PatientStatus,
    Phase,
    Qualitative,
    ResponseCategory,
    ReviewDecision,
    Sex,
    TreatmentIntent,
)
from mmtracker.logic.dates import add_months
from mmtracker.logic.families import ITEM_FAMILY
from mmtracker.logic.history import ENTRY_KINDS, FUTURE_DATE_FIELDS
from mmtracker.logic.mrn import mrn_key
from mmtracker.logic.units import ANALYTE_UNITS
from mmtracker.logic.validation import (
    ALLOWED_TRANSITIONS,
    EARLIEST_BIRTH,
    LAB_LIMITS,
    LIST_LIMIT,
    NAME_LIMIT,
    PLAN_AHEAD_MONTHS,
    SMALLEST_SENSITIVITY,
    TEXT_LIMIT,
)
from mmtracker.record.reading import MAX_DEPTH

DOCS = Path(__file__).resolve().parents[2] / "docs"
SCHEMA: dict[str, Any] = json.loads((DOCS / "record.schema.json").read_text(encoding="utf-8"))
DEFS: dict[str, Any] = SCHEMA["$defs"]
EXAMPLE: dict[str, Any] = json.loads(
    (DOCS / "examples" / "record-example.json").read_text(encoding="utf-8")
)
KIND_DEFS = {kind: cls.__name__ for kind, cls in ENTRY_KINDS.items()}
META_KEYS = ("revision", "version", "created_at", "created_by", "updated_at", "updated_by")

TODAY = dt.date.today()
LATEST_PLAN = add_months(TODAY, PLAN_AHEAD_MONTHS)  # a plan lies at most 2 years ahead
AS_OF_LATEST = add_months(TODAY, 12 * AS_OF_YEARS_AHEAD)
BOOKKEEPING_FROM = dt.date(2000, 1, 2)
WHOLE_MAX = 2**31 - 1
MRN_LIMIT, PATIENT_NAME_LIMIT = 64, 200
CITE_LIMIT = 36

# Invisible and direction-turning characters no text may hold (all of category Cf).
HIDDEN = frozenset(
    chr(c) for c in [*range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x200B, 0x2060, 0xFEFF]
)

# What each format version may not hold (docs/record-format.md, "Versions").
LATER_KEYS: dict[int, dict[str, tuple[str, ...]]] = {
    2: {"lab_results": ("time",)},
    1: {
        "lab_results": ("time",),
        "bone_therapy_events": ("resume_date",),
        "transplants": ("withdrawn_date",),
        "acknowledgements": (
            "finding_message_id",
            "finding_severity",
            "finding_cites",
            "finding_due",
        ),
    },
}
LATER_CODES: dict[int, dict[tuple[str, str], str]] = {
    1: {("bone_therapy_events", "kind"): "hold", ("clinical_events", "kind"): "plasmacytoma"}
}


# --- the other patient of the clinic database ---------------------------------------------

SEED_MRN = "SEED-0001"
SEED_IDS = tuple(f"5eed0000-0000-4000-8000-00000000000{n}" for n in range(1, 5))
SEED: dict[str, Any] = {
    "format_version": 3,
    "patient": {"mrn": SEED_MRN, "name": "Rui Amaral", "sex": "M", "date_of_birth": "1951-03-14"},
    "phase_changes": [{"id": SEED_IDS[0], "date": "2024-01-10", "phase": "NDMM"}],
    "weights": [{"id": SEED_IDS[1], "date": "2024-01-10", "weight_kg": 80}],
    "lab_results": [
        {
            "id": SEED_IDS[2],
            "date": "2024-01-09",
            "analyte": "calcium",
            "value": 2.4,
            "unit": "mmol/L",
            "calcium_kind": "total",
        }
    ],
    "visits": [{"id": SEED_IDS[3], "date": "2024-01-10", "next_visit": "2024-02-07"}],
}
# The seed's MRN as other spellings write it: one MRN (mmtracker.logic.mrn).
SEED_LOOK_ALIKES = (
    "seed-0001",
    "SEED-0001 ",
    "\u3000SEED-0001",
    "SEED\u20110001",
    "SEED\u22120001",
    "ＳＥＥＤ－０００１",
    "S E E D-0001",
    "ſeed-0001",
    "SEED-\u00a00001",
)


# --- a case ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Case:
    """A record file to import: its bytes, how it was made, and the days to assess it on."""

    content: bytes
    base: str  # "valid", "schema" or "example"
    spoiled: tuple[str, ...]  # what was done to it, in order
    as_of: dt.date  # evaluate's day
    worklist_as_of: dt.date

    @property
    def must_import(self) -> bool:
        """Built valid and left as it was: the command must import it."""
        return self.base in ("valid", "example") and not self.spoiled

    def __repr__(self) -> str:
        shown = self.content[:3000]
        more = f" … ({len(self.content)} bytes)" if len(self.content) > len(shown) else ""
        return (
            f"Case(base={self.base!r}, spoiled={self.spoiled!r}, as_of={self.as_of}, "
            f"worklist_as_of={self.worklist_as_of}, content={shown!r}{more})"
        )


# --- dates, text and numbers ------------------------------------------------------------------


def days(low: dt.date, high: dt.date) -> SearchStrategy[dt.date]:
    """A day from ``low`` to ``high``, either end drawn often."""
    return st.one_of(st.sampled_from(sorted({low, high})), st.dates(low, high))


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


NAME_CHARS = st.one_of(
    st.sampled_from(string.ascii_letters + string.digits + " -'."),
    st.characters(codec="utf-8", exclude_categories=("Cc", "Cf", "Cs")),
)
NOTE_CHARS = st.one_of(
    st.sampled_from(string.ascii_letters + " \n\t,.;:-()/%"),
    st.characters(
        codec="utf-8", exclude_categories=("Cc", "Cs"), exclude_characters="".join(HIDDEN)
    ),
)


def text(
    chars: SearchStrategy[str], limit: int, *, blank: bool = True, short: int = 16
) -> SearchStrategy[str]:
    """Text a field of at most ``limit`` characters accepts, composed or not; now and then
    of the limit's length. ``blank``: empty or white space only is accepted too."""

    def fits(value: str) -> bool:
        composed = _nfc(value)
        return len(value) <= limit and len(composed) <= limit and (blank or bool(composed.strip()))

    repeatable = chars.filter(lambda c: _nfc(c * 2) == c * 2 and bool(c.strip()))
    long = st.builds(lambda c, n: c * n, repeatable, st.integers(max(limit - 2, 1), limit))
    kept = st.text(chars, min_size=0 if blank else 1, max_size=min(limit, short))
    return st.integers(0, 11).flatmap(lambda k: long if k == 0 else kept).filter(fits)


def numbers(low: float, high: float, *, whole: bool = False) -> SearchStrategy[Any]:
    """A number from ``low`` to ``high``: the ends often; a JSON integer now and then."""
    ints = st.integers(math.ceil(low), math.floor(high)) if math.ceil(low) <= high else st.nothing()
    if whole:
        return st.one_of(st.sampled_from([math.ceil(low), math.floor(high)]), ints)
    floats = st.floats(low, high)
    return st.one_of(st.sampled_from([low, high]), floats, ints)


def bookkeeping_time(low: dt.date, high: dt.date) -> SearchStrategy[str]:
    """A bookkeeping date-time with its UTC offset, as the schema's pattern has it."""

    @st.composite
    def build(draw: DrawFn) -> str:
        day = draw(days(low, high))
        clock = f"{draw(st.integers(0, 23)):02d}:{draw(st.integers(0, 59)):02d}"
        if draw(st.booleans()):
            clock += f":{draw(st.integers(0, 59)):02d}"
            if draw(st.booleans()):
                clock += (
                    "." + str(draw(st.integers(0, 999_999))).zfill(6)[: draw(st.integers(1, 6))]
                )
        offset = draw(
            st.one_of(
                st.just("Z"),
                st.builds(
                    "{}{:02d}:{}".format,
                    st.sampled_from("+-"),
                    st.integers(0, 14),
                    st.sampled_from(["00", "30", "45"]),
                ),
            )
        )
        return f"{day.isoformat()}T{clock}{offset}"

    return build()


# --- valid records ----------------------------------------------------------------------------


def _optional(draw: DrawFn, obj: dict[str, Any], definition: str) -> dict[str, Any]:
    """Leave out, each now and then, a key whose value is the schema's default."""
    props = DEFS[definition]["properties"]
    return {
        key: value
        for key, value in obj.items()
        if "default" not in props[key] or value != props[key]["default"] or draw(st.booleans())
    }


def _bookkeeping(draw: DrawFn, born: dt.date, *, patient: bool) -> dict[str, Any]:
    """Bookkeeping an export carries, all of it, part of it or none (each day before today in
    UTC whatever the offset, and not before the date of birth)."""
    if not draw(st.booleans()):
        return {}
    low = max(born + dt.timedelta(days=1), BOOKKEEPING_FROM)
    high = TODAY - dt.timedelta(days=1)
    found: dict[str, Any] = {}
    keys = META_KEYS if patient else META_KEYS[1:]
    for key in draw(st.lists(st.sampled_from(keys), unique=True)):
        if key in ("revision", "version"):
            found[key] = draw(numbers(1, WHOLE_MAX, whole=True))
        elif key.endswith("_at"):
            if low <= high:
                found[key] = draw(bookkeeping_time(low, high))
        else:
            found[key] = draw(text(NAME_CHARS, 200))
    return found


def _note(draw: DrawFn) -> str:
    return draw(text(NOTE_CHARS, TEXT_LIMIT))


@st.composite
def valid_patient(draw: DrawFn) -> dict[str, Any]:
    born = draw(days(EARLIEST_BIRTH, TODAY))
    mrn = draw(
        text(NAME_CHARS, MRN_LIMIT, blank=False).filter(lambda m: mrn_key(m) != mrn_key(SEED_MRN))
    )
    patient: dict[str, Any] = {
        "mrn": mrn,
        "name": draw(text(NAME_CHARS, PATIENT_NAME_LIMIT, blank=False)),
        "sex": draw(st.sampled_from(Sex)).value,
        "date_of_birth": born.isoformat(),
        "height_cm": draw(st.one_of(st.none(), numbers(100, 230))),
    }
    status = draw(st.sampled_from(PatientStatus))
    patient["status"] = status.value
    patient["status_date"] = (
        None if status is PatientStatus.ACTIVE else draw(days(born, TODAY)).isoformat()
    )
    return _optional(draw, patient, "Patient") | _bookkeeping(draw, born, patient=True)


def _phase_changes(draw: DrawFn, born: dt.date) -> list[dict[str, Any]]:
    """Changes along the allowed transitions (§11 Phases), one a day, RELAPSE lines rising."""
    dates = sorted(draw(st.lists(days(born, TODAY), max_size=5, unique=True)))
    found: list[dict[str, Any]] = []
    phase = draw(st.sampled_from(Phase))
    line = 1
    for index, day in enumerate(dates):
        if index:
            following = sorted(b for a, b in ALLOWED_TRANSITIONS if a is phase)
            if not following:
                break
            phase = draw(st.sampled_from(following))
        number = None
        if phase is Phase.RELAPSE:
            if line >= 50:
                break
            line = number = draw(st.integers(max(line + 1, 2), 50))
        found.append(
            {
                "date": day.isoformat(),
                "phase": phase.value,
                "line_number": number,
                "note": _note(draw),
            }
        )
    return found


def _lab(draw: DrawFn, born: dt.date) -> dict[str, Any]:
    analyte = draw(st.sampled_from(Analyte))
    lab: dict[str, Any] = {"date": draw(days(born, TODAY)).isoformat()}
    lab["time"] = draw(
        st.one_of(
            st.none(), st.builds("{:02d}:{:02d}".format, st.integers(0, 23), st.integers(0, 59))
        )
    )
    lab["analyte"] = analyte.value
    m_protein = analyte in QUALITATIVE_ANALYTES or analyte in (
        Analyte.SERUM_MPROTEIN,
        Analyte.URINE_MPROTEIN,
    )
    if analyte in QUALITATIVE_ANALYTES:
        lab |= {
            "value": None,
            "unit": None,
            "qualitative": draw(st.sampled_from(Qualitative)).value,
        }
        lab |= {"ref_low": None, "ref_high": None}
    else:
        unit, factor = draw(st.sampled_from(sorted(ANALYTE_UNITS[analyte].factors.items())))
        limit = LAB_LIMITS[analyte]
        least, most = limit.low / factor, limit.high / factor
        while least * factor < limit.low:  # the limits in this unit, rounded inwards
            least = math.nextafter(least, math.inf)
        while most * factor > limit.high:
            most = math.nextafter(most, -math.inf)
        value = numbers(least, most)
        low, high = draw(st.one_of(st.none(), value)), draw(st.one_of(st.none(), value))
        if low is not None and high is not None:
            low, high = sorted((low, high))
            if low == high:
                high = None
        lab |= {"value": draw(value), "unit": unit, "qualitative": None}
        lab |= {"ref_low": low, "ref_high": high}
    lab["calcium_kind"] = (
        draw(st.sampled_from(CalciumKind)).value if analyte is Analyte.CALCIUM else None
    )
    lab["isotype"] = draw(st.one_of(st.none(), st.sampled_from(Isotype))) if m_protein else None
    lab["light_chain"] = (
        draw(st.one_of(st.none(), st.sampled_from(LightChain))) if m_protein else None
    )
    return lab


def _cytogenetics(draw: DrawFn, born: dt.date) -> dict[str, Any]:
    flag = st.one_of(st.none(), st.booleans())
    del_17p = draw(flag)
    return {
        "date": draw(days(born, TODAY)).isoformat(),
        "method": draw(st.sampled_from(CytogeneticMethod)).value,
        "del_17p": del_17p,
        "del_17p_clonal_fraction": draw(st.one_of(st.none(), numbers(0, 100))) if del_17p else None,
        "tp53_mutation": draw(flag),
        "t_4_14": draw(flag),
        "t_14_16": draw(flag),
        "t_14_20": draw(flag),
        "gain_1q": draw(st.one_of(st.none(), st.sampled_from(CopyNumber1q))),
        "del_1p32": draw(st.one_of(st.none(), st.sampled_from(Del1p32))),
        "del_13q": draw(flag),
        "hyperdiploid": draw(flag),
    }


def _imaging(draw: DrawFn, born: dt.date) -> dict[str, Any]:
    count = st.one_of(st.none(), numbers(0, 1000, whole=True))
    return {
        "date": draw(days(born, TODAY)).isoformat(),
        "modality": draw(st.sampled_from(ImagingModality)).value,
        "lytic_lesions": draw(count),
        "mri_focal_lesions": draw(count),
        "fdg_avid": draw(st.one_of(st.none(), st.booleans())),
        "plasmacytoma": draw(st.one_of(st.none(), st.booleans())),
        "note": _note(draw),
    }


def _dental(draw: DrawFn, born: dt.date) -> dict[str, Any]:
    exam = draw(days(born, TODAY))
    procedure = draw(st.sampled_from(InvasiveProcedure))
    when = {
        InvasiveProcedure.NONE: None,
        InvasiveProcedure.PLANNED: days(born, LATEST_PLAN),
        InvasiveProcedure.DONE: days(born, exam),
    }[procedure]
    return {
        "date": exam.isoformat(),
        "outcome": draw(st.sampled_from(DentalOutcome)).value,
        "invasive_procedure": procedure.value,
        "procedure_date": None if when is None else draw(when).isoformat(),
        "note": _note(draw),
    }


def _dose(draw: DrawFn, born: dt.date) -> dict[str, Any]:
    return {
        "date": draw(days(born, TODAY)).isoformat(),
        "agent": draw(st.sampled_from(BoneAgent)).value,
        "dose_mg": draw(numbers(0.1, 500)),
        "note": _note(draw),
    }


def _bone_event(draw: DrawFn, born: dt.date) -> dict[str, Any]:
    kind = draw(st.sampled_from(BoneTherapyEventKind))
    day = draw(days(born, LATEST_PLAN if kind is BoneTherapyEventKind.SCHEDULE else TODAY))
    agent = st.sampled_from(BoneAgent).map(str)
    interval = numbers(1, 730, whole=True)
    schedule = kind is BoneTherapyEventKind.SCHEDULE
    resume = None
    if kind is BoneTherapyEventKind.HOLD and day < LATEST_PLAN:
        resume = draw(st.one_of(st.none(), days(day + dt.timedelta(days=1), LATEST_PLAN)))
    return {
        "date": day.isoformat(),
        "kind": kind.value,
        "agent": draw(agent if schedule else st.one_of(st.none(), agent)),
        "interval_days": draw(interval if schedule else st.one_of(st.none(), interval)),
        "decision": draw(
            st.sampled_from(ReviewDecision).map(str)
            if kind is BoneTherapyEventKind.REVIEW
            else st.none()
        ),
        "resume_date": None if resume is None else resume.isoformat(),
        "note": _note(draw),
    }


def _supplement(draw: DrawFn, born: dt.date) -> dict[str, Any]:
    start = draw(days(born, TODAY))
    return {
        "start_date": start.isoformat(),
        "end_date": draw(st.one_of(st.none(), days(start, LATEST_PLAN).map(dt.date.isoformat))),
        "calcium_mg": draw(st.one_of(st.none(), numbers(0, 5000))),
        "vitamin_d_iu": draw(st.one_of(st.none(), numbers(0, 100000))),
    }


def _mrd(draw: DrawFn, born: dt.date) -> dict[str, Any]:
    return {
        "date": draw(days(born, TODAY)).isoformat(),
        "method": draw(st.sampled_from(MrdMethod)).value,
        "sensitivity": draw(
            st.one_of(
                st.sampled_from([1e-5, 1e-6, SMALLEST_SENSITIVITY, 0.999999]),
                st.floats(SMALLEST_SENSITIVITY, 1, exclude_max=True),
            )
        ),
        "result": draw(st.sampled_from(MrdResult)).value,
    }


def _line(draw: DrawFn, born: dt.date) -> dict[str, Any]:
    start = draw(days(born, TODAY))
    drugs = st.lists(text(NAME_CHARS, NAME_LIMIT), max_size=4)
    return {
        "line_number": draw(numbers(1, 50, whole=True)),
        "regimen": draw(text(NOTE_CHARS, 200, blank=False)),
        "intent": draw(st.sampled_from(TreatmentIntent)).value,
        "start_date": start.isoformat(),
        "end_date": draw(st.one_of(st.none(), days(start, LATEST_PLAN).map(dt.date.isoformat))),
        "drugs": draw(
            st.one_of(
                drugs,
                st.lists(
                    st.sampled_from(["bortezomib", "lenalidomide"]),
                    min_size=LIST_LIMIT,
                    max_size=LIST_LIMIT,
                ),
            )
        ),
    }


def _transplant(draw: DrawFn, born: dt.date) -> dict[str, Any]:
    shape = draw(st.sampled_from(["planned", "performed", "both", "withdrawn"]))
    planned = days(born, LATEST_PLAN) if shape != "performed" else None
    performed = days(born, TODAY) if shape in ("performed", "both") else None
    withdrawn = days(born, TODAY) if shape == "withdrawn" else None
    found: dict[str, Any] = {
        name: None if when is None else draw(when).isoformat()
        for name, when in (
            ("planned_date", planned),
            ("performed_date", performed),
            ("withdrawn_date", withdrawn),
        )
    }
    found["melphalan_mg_m2"] = draw(st.one_of(st.none(), numbers(1, 300)))
    scale = draw(st.one_of(st.none(), st.sampled_from(MucositisScale)))
    grade = None
    if scale is not None and performed is not None:
        low, high = (0, 4) if scale is MucositisScale.WHO else (1, 5)
        grade = draw(st.one_of(st.none(), st.integers(low, high)))
    found["mucositis_grade"] = grade
    found["mucositis_scale"] = None if scale is None else scale.value
    return found


def _response(draw: DrawFn, born: dt.date) -> dict[str, Any]:
    return {
        "date": draw(days(born, TODAY)).isoformat(),
        "category": draw(st.sampled_from(ResponseCategory)).value,
        "criteria": draw(st.one_of(st.just("IMWG 2016"), text(NOTE_CHARS, 40))),
        "note": _note(draw),
    }


def _clinical_event(draw: DrawFn, born: dt.date) -> dict[str, Any]:
    return {
        "date": draw(days(born, TODAY)).isoformat(),
        "kind": draw(st.sampled_from(ClinicalEventKind)).value,
        "note": _note(draw),
    }


def _visit(draw: DrawFn, born: dt.date) -> dict[str, Any]:
    day = draw(days(born, TODAY))
    return {
        "date": day.isoformat(),
        "ecog": draw(st.one_of(st.none(), st.integers(0, 4))),
        "pain": draw(st.one_of(st.none(), st.integers(0, 10))),
        "note": _note(draw),
        "next_visit": draw(
            st.one_of(
                st.none(), days(day + dt.timedelta(days=1), LATEST_PLAN).map(dt.date.isoformat)
            )
        ),
    }


ITEM_IDS = sorted(ITEM_FAMILY)


def _acknowledgement(draw: DrawFn, born: dt.date) -> dict[str, Any]:
    made = draw(days(born, TODAY))
    found: dict[str, Any] = {
        "item_id": draw(
            st.one_of(
                st.sampled_from([*ITEM_IDS, "renal.before_za"]),
                text(NAME_CHARS, 60, blank=False),
            )
        ),
        "acknowledged_on": made.isoformat(),
        "until": draw(days(made, LATEST_PLAN)).isoformat(),
        "reason": draw(text(NOTE_CHARS, TEXT_LIMIT, blank=False)),
        "acknowledged_by": draw(text(NOTE_CHARS, 200)),
        "finding_message_id": None,
        "finding_severity": None,
        "finding_cites": [],
        "finding_due": None,
    }
    if draw(st.booleans()):
        found["finding_message_id"] = draw(text(NAME_CHARS, 120, blank=False))
        found["finding_severity"] = draw(st.sampled_from([None, "urgent", "info"]))
        found["finding_cites"] = draw(
            st.lists(text(NAME_CHARS, CITE_LIMIT, blank=False), max_size=3)
        )
        found["finding_due"] = draw(
            st.one_of(st.none(), days(born, LATEST_PLAN).map(dt.date.isoformat))
        )
    return found


VALID_ENTRIES: dict[str, Callable[[DrawFn, dt.date], dict[str, Any]]] = {
    "weights": lambda draw, born: {
        "date": draw(days(born, TODAY)).isoformat(),
        "weight_kg": draw(numbers(20, 300)),
    },
    "lab_results": _lab,
    "cytogenetics": _cytogenetics,
    "imaging": _imaging,
    "dental_exams": _dental,
    "bone_therapy_doses": _dose,
    "bone_therapy_events": _bone_event,
    "supplements": _supplement,
    "mrd_tests": _mrd,
    "treatment_lines": _line,
    "transplants": _transplant,
    "responses": _response,
    "clinical_events": _clinical_event,
    "visits": _visit,
    "acknowledgements": _acknowledgement,
}


def _ids(draw: DrawFn, count: int) -> list[str]:
    """``count`` entry ids, unique in any case and none of the other patient's, each written
    in lower or upper case."""
    taken = {seed.casefold() for seed in SEED_IDS}
    found = draw(
        st.lists(
            st.uuids().map(str).filter(lambda u: u not in taken),
            min_size=count,
            max_size=count,
            unique=True,
        )
    )
    return [draw(st.sampled_from([u, u.upper()])) for u in found]


@st.composite
def valid_document(draw: DrawFn) -> dict[str, Any]:
    """A record that passes every check: a patient, and entries of the kinds drawn."""
    patient = draw(valid_patient())
    born = dt.date.fromisoformat(patient["date_of_birth"])
    bodies: dict[str, list[dict[str, Any]]] = {}
    for kind in draw(st.lists(st.sampled_from(list(ENTRY_KINDS)), unique=True, max_size=8)):
        if kind == "phase_changes":
            bodies[kind] = _phase_changes(draw, born)
        else:
            bodies[kind] = [VALID_ENTRIES[kind](draw, born) for _ in range(draw(st.integers(0, 3)))]
    ids = iter(_ids(draw, sum(map(len, bodies.values()))))
    document: dict[str, Any] = {"format_version": 3, "patient": patient}
    for kind, entries in bodies.items():
        document[kind] = [
            _optional(draw, {"id": next(ids), **body}, KIND_DEFS[kind])
            | _bookkeeping(draw, born, patient=False)
            for body in entries
        ]
    return as_version(document, draw(st.sampled_from([3, 3, 3, 2, 1])))


def as_version(document: dict[str, Any], version: int) -> dict[str, Any]:
    """The document as a file of an older format version says it: without what came later."""
    if version == 3:
        return document
    old = copy.deepcopy(document)
    old["format_version"] = version
    for kind, keys in LATER_KEYS[version].items():
        for entry in old.get(kind, []):
            for key in keys:
                entry.pop(key, None)
    for (kind, key), code in LATER_CODES.get(version, {}).items():
        if kind in old:
            old[kind] = [entry for entry in old[kind] if entry.get(key) != code]
    return old


# --- records drawn from the schema alone ------------------------------------------------------

_DATE = re.compile(SCHEMA["$defs"]["Weight"]["properties"]["date"]["pattern"])
_DATETIME = re.compile(SCHEMA["$defs"]["Patient"]["properties"]["created_at"]["pattern"])


def _pattern_strings(pattern: str) -> SearchStrategy[str]:
    plain = st.from_regex(pattern, fullmatch=True)
    if _DATE.pattern == pattern:
        return st.one_of(
            st.dates().map(dt.date.isoformat),
            days(EARLIEST_BIRTH, LATEST_PLAN).map(dt.date.isoformat),
            plain,
        )
    if _DATETIME.pattern == pattern:
        return st.one_of(bookkeeping_time(dt.date.min, dt.date.max), plain)
    if "[0-9a-fA-F]{8}" in pattern:
        return st.one_of(st.uuids().map(str), st.sampled_from(SEED_IDS), plain)
    return plain


def from_schema(schema: Mapping[str, Any], depth: int = 0) -> SearchStrategy[Any]:
    """Any JSON value the schema accepts (or nearly: lengths and ranges stretched)."""
    if "$ref" in schema:
        return from_schema(DEFS[schema["$ref"].rsplit("/", 1)[1]], depth)
    if "enum" in schema:
        return st.sampled_from(schema["enum"])
    kinds = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
    return st.one_of([_of_type(kind, schema, depth) for kind in kinds])


def _of_type(kind: str, schema: Mapping[str, Any], depth: int) -> SearchStrategy[Any]:
    if kind == "object":
        props = schema["properties"]
        required = {key: from_schema(props[key], depth + 1) for key in schema["required"]}
        optional = {
            key: from_schema(sub, depth + 1) for key, sub in props.items() if key not in required
        }
        return st.fixed_dictionaries(required, optional=optional)
    if kind == "array":
        return st.lists(from_schema(schema["items"], depth + 1), max_size=4 if depth else 3)
    if kind == "string":
        if "pattern" in schema:
            return _pattern_strings(schema["pattern"])
        limit = schema.get("maxLength", TEXT_LIMIT)
        return st.one_of(text(NOTE_CHARS, limit), st.text(max_size=24))
    if kind == "integer":
        low, high = schema.get("minimum", -(2**31) + 1), schema.get("maximum", WHOLE_MAX)
        return st.one_of(st.integers(-3, 60), st.integers(low, high))
    if kind == "number":
        return st.one_of(
            st.floats(-10, 1000),
            st.integers(-10, 1000),
            st.floats(allow_nan=False, allow_infinity=False),
        )
    if kind == "boolean":
        return st.booleans()
    return st.none()


def schema_document() -> SearchStrategy[Any]:
    """A document of the shipped schema's shape, drawn from the schema alone."""
    return from_schema(SCHEMA)


# --- spoiling ---------------------------------------------------------------------------------


class Raw:
    """JSON text written into the file as it is (what Python's encoder cannot write: integers
    of thousands of digits, nesting deeper than its recursion, 1e400)."""

    def __init__(self, text: str) -> None:
        self.text = text

    def __repr__(self) -> str:
        shown = self.text if len(self.text) <= 40 else self.text[:37] + "..."
        return f"Raw({shown!r}, {len(self.text)} chars)"


def dumps(document: Any, *, ascii_only: bool, indent: int | None) -> str:
    """The document as JSON text (NaN and the infinities as JavaScript writes them), with
    each :class:`Raw` written as its text."""
    raws: list[str] = []

    def placeholder(value: object) -> str:
        if not isinstance(value, Raw):
            raise TypeError(type(value).__name__)
        raws.append(value.text)
        return f"@@raw:{len(raws) - 1}@@"

    written = json.dumps(document, ensure_ascii=ascii_only, indent=indent, default=placeholder)
    for index, raw in enumerate(raws):
        written = written.replace(f'"@@raw:{index}@@"', raw, 1)
    return written


ODD_TEXT = (
    "\x00", "\x01", "\x08", "\x1b[31m", "\x7f", "\x85", "\r", "\n", "\t", "\ud800", "\udfff",
    "\ud83d", "\u202e", "\u202a", "\u2066", "\u2069", "\u200b", "\u200d", "\u2060", "\ufeff",
    "\u00ad", "\u180e", "\u0301", "e\u0301", "\u0958", "\ufdfa", "\u2028", "\u2029", "\u00a0",
    "\u3000", "\uffff", "\U0010ffff", "\U0001f600", "\ufb01", "ＥＸ－", "\u05d0\u05d1",
    "\u0627\u0644", " ", "", '"', "\\", "{}", "<script>", "'; DROP TABLE patient; --", "%s",
    "\u212b", "\u0130", "\u00df",
)  # fmt: skip
ODD_DATES = (
    "0001-01-01", "9999-12-31", "1899-12-31", "1900-01-01", "1900-01-02", "2023-02-29",
    "2024-02-29", "2024-02-30", "2024-13-01", "2024-00-10", "0000-00-00", "2024-1-1",
    "20240101", "2024-W01-1", "+2024-01-01", "2024-01-01T00:00:00", "٢٠٢٤-٠١-٠١",
    "2024-01-01 ", "1969-12-31", "2038-01-19",
    TODAY.isoformat(), (TODAY + dt.timedelta(days=1)).isoformat(), LATEST_PLAN.isoformat(),
    (LATEST_PLAN + dt.timedelta(days=1)).isoformat(), AS_OF_LATEST.isoformat(),
)  # fmt: skip
ODD_TIMES = ("00:00", "23:59", "24:00", "7:05", "07:05:00", "07:60", "T07:05", "0705")
ODD_DATETIMES = (
    "0001-01-01T00:00:00+14:00", "0001-01-01T00:00:00Z", "0001-01-01T00:00:00-14:00",
    "9999-12-31T23:59:59-14:00", "9999-12-31T23:59:59Z", "9999-12-31T23:59:59+14:00",
    "1900-01-01T00:00:00Z", "1899-12-31T23:59:59-01:00", "2025-02-30T00:00:00Z",
    "2025-01-01T00:00:00+24:00", "2025-01-01T00:00:00+23:59", "2025-01-01T24:00:00Z",
    "2025-01-01T00:00:00", "2025-01-01", f"{LATEST_PLAN.isoformat()}T00:00:00Z",
    f"{(TODAY + dt.timedelta(days=1)).isoformat()}T12:00:00Z",
    f"{TODAY.isoformat()}T23:59:59-14:00",
)  # fmt: skip
ODD_NUMBERS: tuple[Any, ...] = (
    0, -1, 1, -0.0, 0.5, 1.5, 2.0, 2**31 - 1, 2**31, -(2**31), -(2**31) + 1, 2**53 + 1, 2**63,
    2**64, 10**20, 10**400, -(10**400), 1e-300, 1e-320, 5e-324, 1e308, -1e308, 1.7976931348623157e308,
    math.nan, math.inf, -math.inf,
    Raw("1e400"), Raw("-1e400"), Raw("9" * 4400), Raw("1" + "0" * 5000), Raw("-0"),
    Raw("1E+2"), Raw("0.0000000000000000000000000000001"),
    Raw("123456789012345678901234567890.5"),
)  # fmt: skip
ODD_VALUES: tuple[Any, ...] = (
    None,
    True,
    False,
    "",
    " ",
    "null",
    "NaN",
    "1",
    "true",
    [],
    {},
    [[]],
    {"": None},
    [None],
    ["x"],
    {"id": None},
)


def deep(depth: int, opener: str) -> Raw:
    """A value nested ``depth`` levels deep, an array or an object at each level."""
    if opener == "[":
        return Raw("[" * depth + "1" + "]" * depth)
    return Raw('{"a": ' * depth + "1" + "}" * depth)


def odd_values(location: tuple[str | int, ...]) -> SearchStrategy[Any]:
    """Values to put anywhere, the odder ones where they fit the field's type."""
    key = location[-1] if location else ""
    lengths = st.sampled_from([41, 65, 201, 4001, 10_000, 100_000])
    choices: list[SearchStrategy[Any]] = [
        st.sampled_from(ODD_VALUES),
        st.sampled_from(ODD_NUMBERS),
        st.sampled_from(ODD_TEXT),
        st.builds(lambda c, n: c * n, st.sampled_from(["x", "é", "\u0958", "\U0001f600"]), lengths),
        st.just("x" * 1_000_000),
        st.builds(
            deep, st.sampled_from([1, 2, 31, 32, 33, 100, 1000, 5000]), st.sampled_from("[{")
        ),
        st.text(max_size=20),
        st.integers(),
        st.floats(),
    ]
    if isinstance(key, str) and ("date" in key or key in ("until", "next_visit", "finding_due")):
        choices.append(st.sampled_from(ODD_DATES))
    if key in ("created_at", "updated_at"):
        choices.append(st.sampled_from(ODD_DATETIMES))
    if key == "time":
        choices.append(st.sampled_from(ODD_TIMES))
    if key == "mrn":
        choices.append(st.sampled_from(SEED_LOOK_ALIKES))
    if key == "id":
        choices.append(st.sampled_from([*SEED_IDS, *(s.upper() for s in SEED_IDS)]))
    if key == "format_version":
        choices.append(st.sampled_from([0, 1, 2, 3, 4, -1, "3", 3.0, 99999999999, True]))
    return st.one_of(choices)


def _locations(node: Any, here: tuple[str | int, ...] = ()) -> Iterator[tuple[str | int, ...]]:
    """Every value's location below the root, the root's keys first."""
    if isinstance(node, dict):
        for key, value in node.items():
            yield (*here, key)
            yield from _locations(value, (*here, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield (*here, index)
            yield from _locations(value, (*here, index))


def _get(document: Any, location: tuple[str | int, ...]) -> Any:
    for key in location:
        document = document[key]
    return document


def _objects(document: Any) -> list[tuple[str | int, ...]]:
    """The locations of the record's own objects: the root, the patient, every entry."""
    found: list[tuple[str | int, ...]] = [()]
    if isinstance(document, dict):
        if isinstance(document.get("patient"), dict):
            found.append(("patient",))
        for kind in ENTRY_KINDS:
            entries = document.get(kind)
            if isinstance(entries, list):
                found += [(kind, i) for i, e in enumerate(entries) if isinstance(e, dict)]
    return found


def _kind_entries(document: Any, kind: str) -> list[dict[str, Any]]:
    entries = document.get(kind) if isinstance(document, dict) else None
    return [e for e in entries if isinstance(e, dict)] if isinstance(entries, list) else []


def _entries(document: Any) -> list[dict[str, Any]]:
    return [entry for kind in ENTRY_KINDS for entry in _kind_entries(document, kind)]


def _set_value(draw: DrawFn, document: Any) -> str | None:
    locations = list(_locations(document))
    if not locations:
        return None
    location = draw(st.sampled_from(locations))
    value = draw(odd_values(location))
    _get(document, location[:-1])[location[-1]] = value
    return f"set {_shown(location)} to {value!r:.60}"


def _odd_text(draw: DrawFn, document: Any) -> str | None:
    strings = [loc for loc in _locations(document) if isinstance(_get(document, loc), str)]
    if not strings:
        return None
    location = draw(st.sampled_from(strings))
    value: str = _get(document, location)
    odd = draw(st.sampled_from(ODD_TEXT))
    at = draw(st.integers(0, len(value)))
    _get(document, location[:-1])[location[-1]] = value[:at] + odd + value[at:]
    return f"put {odd!r} into {_shown(location)}"


def _drop_key(draw: DrawFn, document: Any) -> str | None:
    keyed = [loc for loc in _locations(document) if isinstance(_get(document, loc[:-1]), dict)]
    if not keyed:
        return None
    location = draw(st.sampled_from(keyed))
    del _get(document, location[:-1])[location[-1]]
    return f"dropped {_shown(location)}"


EXTRA_KEYS = (
    "colour", "", " ", "ID", "Date", "MRN", "patient", "date ", "__proto__", "registered_on",
    "recorded_on", "canonical_value", "patient_id", "x" * 5000, "a\nb", "\x1b[31m", "\ud800",
    "\u202emrn", "mrn\u200b", "ｍｒｎ",
)  # fmt: skip


def _add_key(draw: DrawFn, document: Any) -> str:
    location = draw(st.sampled_from(_objects(document)))
    key = draw(st.one_of(st.sampled_from(EXTRA_KEYS), st.text(max_size=12)))
    target = _get(document, location)
    if key in target:
        return f"kept {_shown(location)}"
    target[key] = draw(st.one_of(st.none(), st.sampled_from(ODD_VALUES)))
    return f"added the key {key!r:.40} to {_shown(location)}"


def _twin_id(draw: DrawFn, document: Any) -> str | None:
    """An entry's id, in another case, given to another entry (of any kind) or a copy."""
    entries = [e for e in _entries(document) if isinstance(e.get("id"), str)]
    if not entries:
        return None
    first = draw(st.sampled_from(entries))
    twin = first["id"].swapcase() if draw(st.booleans()) else first["id"]
    if len(entries) > 1 and draw(st.booleans()):
        draw(st.sampled_from([e for e in entries if e is not first]))["id"] = twin
        return f"gave {first['id']} to another entry as {twin}"
    kind = next(k for k in ENTRY_KINDS if any(e is first for e in _kind_entries(document, k)))
    document[kind].append({**first, "id": twin})
    return f"copied {first['id']} as {twin}"


def _seed_clash(draw: DrawFn, document: Any) -> str | None:
    """The other patient's MRN (a look-alike) or one of its entry ids (in any case)."""
    if draw(st.booleans()) and isinstance(document.get("patient"), dict):
        mrn = draw(st.sampled_from(SEED_LOOK_ALIKES))
        document["patient"]["mrn"] = mrn
        return f"gave the patient the other patient's MRN as {mrn!r}"
    entries = _entries(document)
    if not entries:
        return None
    seed = draw(st.sampled_from(SEED_IDS))
    seed = draw(st.sampled_from([seed, seed.upper()]))
    draw(st.sampled_from(entries))["id"] = seed
    return f"gave an entry the other patient's id {seed}"


def _move_entry(draw: DrawFn, document: Any) -> str | None:
    kinds = [k for k in ENTRY_KINDS if isinstance(document.get(k), list) and document[k]]
    if not kinds:
        return None
    source = draw(st.sampled_from(kinds))
    target = draw(st.sampled_from(list(ENTRY_KINDS)))
    entry = document[source].pop(draw(st.integers(0, len(document[source]) - 1)))
    if not isinstance(document.get(target), list):
        document[target] = []
    document[target].append(entry)
    return f"moved an entry of {source} to {target}"


def _many(draw: DrawFn, document: Any) -> str | None:
    """An entry repeated under new ids, or a list of drugs or cited ids made long."""
    kinds = [
        k
        for k in ENTRY_KINDS
        if isinstance(document.get(k), list) and document[k] and isinstance(document[k][0], dict)
    ]
    if not kinds:
        return None
    kind = draw(st.sampled_from(kinds))
    first = document[kind][0]
    for key in ("drugs", "finding_cites"):
        if key in first and draw(st.booleans()):
            count = draw(st.sampled_from([LIST_LIMIT, LIST_LIMIT + 1, 500]))
            first[key] = [f"{key}-{n}" for n in range(count)]
            return f"gave {kind}[0] {count} {key}"
    count = draw(st.integers(20, 60))
    for uuid in _ids(draw, count):
        document[kind].append({**first, "id": uuid})
    return f"repeated {kind}[0] {count} times"


def _meta(draw: DrawFn, document: Any) -> str:
    """A bookkeeping key set on the patient or an entry, to an odd value or a fair one."""
    location = draw(st.sampled_from(_objects(document)[1:] or [()]))
    key = draw(st.sampled_from(META_KEYS))
    value = draw(
        st.one_of(
            st.sampled_from(ODD_DATETIMES),
            bookkeeping_time(dt.date(1, 1, 1), dt.date(9999, 12, 31)),
            st.sampled_from(ODD_TEXT),
            st.sampled_from(ODD_NUMBERS),
            text(NAME_CHARS, 200),
        )
    )
    _get(document, location)[key] = value
    return f"set {_shown((*location, key))} to {value!r:.60}"


SPOILERS: dict[str, Callable[[DrawFn, Any], str | None]] = {
    "value": _set_value,
    "text": _odd_text,
    "drop": _drop_key,
    "add": _add_key,
    "twin": _twin_id,
    "seed": _seed_clash,
    "move": _move_entry,
    "many": _many,
    "meta": _meta,
}


def _shown(location: tuple[str | int, ...]) -> str:
    return "".join(f"[{k}]" if isinstance(k, int) else f".{k!s:.30}" for k in location) or "."


# --- the file ---------------------------------------------------------------------------------


def _written(draw: DrawFn, document: Any, spoiled: list[str]) -> bytes:
    """The document as a file: UTF-8 JSON, indented or not, escaped or not, with a byte-order
    mark or without; then, now and then, corrupted."""
    indent = draw(st.sampled_from([None, 2]))
    ascii_only = draw(st.booleans())
    written = dumps(document, ascii_only=ascii_only, indent=indent)
    try:
        content = written.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate, written as UTF-8 would if it could
        content = written.encode("utf-8", "surrogatepass")
        spoiled.append("wrote a lone surrogate's bytes")
    if draw(st.integers(0, 9)) == 0:
        content = b"\xef\xbb\xbf" + content
    if draw(st.integers(0, 5)) > 0:
        return content
    how = draw(
        st.sampled_from(["truncate", "byte", "append", "duplicate", "replace", "utf-16", "nul"])
    )
    spoiled.append(f"file: {how}")
    if how == "truncate":
        return content[: draw(st.integers(0, len(content) - 1))]
    if how == "byte":
        at = draw(st.integers(0, len(content)))
        bad = draw(
            st.sampled_from([b"\xff", b"\xc3", b"\xed\xa0\x80", b"\x80", b"\xf4\x90\x80\x80"])
        )
        return content[:at] + bad + content[at:]
    if how == "append":
        return content + draw(st.sampled_from([b" x", b"}", b",", b"\n{}", b"// note", b"\x00"]))
    if how == "duplicate":
        key = draw(st.sampled_from(["mrn", "name", "format_version", "id"]))
        return re.sub(
            rb"\{", b'{"' + key.encode() + b'": "twin", ', content, count=draw(st.integers(1, 3))
        )
    if how == "replace":
        return draw(
            st.sampled_from([b"", b" ", b"null", b"[]", b'"record"', b"3", b"{}", b"[" * 100_000])
        )
    if how == "utf-16":
        return written.encode("utf-16", "surrogatepass")
    return content.replace(b":", b"\x00:", 1)


@st.composite
def cases(draw: DrawFn) -> Case:
    base = draw(st.sampled_from(["valid", "valid", "valid", "valid", "schema", "example"]))
    if base == "valid":
        document: Any = draw(valid_document())
    elif base == "schema":
        document = draw(schema_document())
    else:
        document = copy.deepcopy(EXAMPLE)
    spoiled: list[str] = []
    if draw(st.integers(0, 3)) > 0:
        for name in draw(st.lists(st.sampled_from(sorted(SPOILERS)), min_size=1, max_size=4)):
            done = SPOILERS[name](draw, document)
            if done is not None:
                spoiled.append(done)
    content = _written(draw, document, spoiled)
    as_of = st.one_of(
        st.sampled_from([AS_OF_EARLIEST, TODAY, AS_OF_LATEST]),
        st.dates(AS_OF_EARLIEST, AS_OF_LATEST),
    )
    return Case(content, base, tuple(spoiled), draw(as_of), draw(as_of))


# --- what the command must do -------------------------------------------------------------------


def _anchored(schema: Any) -> Any:
    """The schema with each pattern's ``$`` read as JSON Schema reads it (ECMA 262): the end
    of the text, not also before a final line break as in Python."""
    if isinstance(schema, dict):
        return {
            key: value[:-1] + r"\Z"
            if key == "pattern" and value.endswith("$")
            else _anchored(value)
            for key, value in schema.items()
        }
    if isinstance(schema, list):
        return [_anchored(value) for value in schema]
    return schema


_VALIDATOR = Draft202012Validator(_anchored(SCHEMA))


class _Repeated(ValueError):
    pass


def _no_repeats(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    found = dict(pairs)
    if len(found) != len(pairs):
        raise _Repeated
    return found


def _depth(value: Any) -> int:
    """How deep arrays and objects nest in a decoded document (walked without recursion)."""
    deepest, pending = 0, [(value, 1)]
    while pending:
        node, level = pending.pop()
        if isinstance(node, dict | list):
            deepest = max(deepest, level)
            children = node.values() if isinstance(node, dict) else node
            pending += [(child, level + 1) for child in children]
    return deepest


def verdict(content: bytes) -> str | None:
    """``"refuse"`` when the file breaks a rule of the record format on its face; else None."""
    try:
        document = json.loads(content.decode("utf-8-sig"), object_pairs_hook=_no_repeats)
    except (UnicodeDecodeError, ValueError, RecursionError):  # _Repeated too
        return "refuse"
    if _depth(document) > MAX_DEPTH or not _VALIDATOR.is_valid(document):
        return "refuse"
    return "refuse" if any(True for _ in broken_rules(document)) else None


def broken_rules(document: dict[str, Any]) -> Iterator[str]:
    """Rules of docs/record-format.md a document of the schema's shape breaks, each plain from
    one value (or the ids of the whole file): the values the schema cannot say."""
    yield from _object_rules("Patient", document["patient"], patient=True)
    version = document["format_version"]
    for kind, definition in KIND_DEFS.items():
        for index, entry in enumerate(document.get(kind, [])):
            for rule in _object_rules(definition, entry, patient=False):
                yield f"{kind}[{index}]{rule}"
            if isinstance(version, int) and version in LATER_KEYS:
                for key in LATER_KEYS[version].get(kind, ()):
                    if key in entry:
                        yield f"{kind}[{index}].{key} is newer than format {version}"
                for (code_kind, key), code in LATER_CODES.get(version, {}).items():
                    if code_kind == kind and entry.get(key) == code:
                        yield f"{kind}[{index}].{key} {code} is newer than format {version}"
    seen: set[str] = {seed.casefold() for seed in SEED_IDS}
    for entry in _entries(document):
        key = entry["id"].casefold()
        if key in seen:
            yield f"the id {entry['id']} is taken"
        seen.add(key)
    if mrn_key(document["patient"]["mrn"]) == mrn_key(SEED_MRN):
        yield "the MRN is the other patient's"


def _object_rules(definition: str, obj: dict[str, Any], *, patient: bool) -> Iterator[str]:
    props = DEFS[definition]["properties"]
    for key, value in obj.items():
        kinds = props[key].get("type", "string")
        kinds = kinds if isinstance(kinds, list) else [kinds]
        where = f".{key}"
        if isinstance(value, float) and not math.isfinite(value):
            yield f"{where} is not finite"
        if "integer" in kinds and isinstance(value, float):
            yield f"{where} is not a whole number"
        if isinstance(value, int) and not isinstance(value, bool):
            if "integer" in kinds and abs(value) > WHOLE_MAX:
                yield f"{where} is beyond the database's integers"
            if "number" in kinds and abs(value) > 1.8e308:
                yield f"{where} is beyond the floating-point numbers"
        if key == "sensitivity" and isinstance(value, float) and 0 < value < SMALLEST_SENSITIVITY:
            yield f"{where} is finer than any assay"
        if isinstance(value, str):
            yield from (where + rule for rule in _string_rules(definition, key, value, patient))
        if isinstance(value, list):
            for index, item in enumerate(value):
                if isinstance(item, str):
                    limit = CITE_LIMIT if key == "finding_cites" else NAME_LIMIT
                    yield from (f"{where}[{index}]{rule}" for rule in _name_rules(item, limit))
            if len(value) > LIST_LIMIT:
                yield f"{where} has more than {LIST_LIMIT} items"


def _string_rules(definition: str, key: str, value: str, patient: bool) -> Iterator[str]:
    pattern = DEFS[definition]["properties"][key].get("pattern")
    if pattern == _DATE.pattern:
        try:
            day = dt.date.fromisoformat(value)
        except ValueError:
            yield " is no day of the calendar"
            return
        if not EARLIEST_BIRTH <= day <= LATEST_PLAN:
            yield " lies outside 1900 … today + 2 years"
        elif (
            day > TODAY
            and key not in FUTURE_DATE_FIELDS
            and not (definition == "BoneTherapyEvent" and key == "date")
        ):
            yield " lies in the future"
    elif pattern == _DATETIME.pattern:
        try:
            day = dt.datetime.fromisoformat(value).astimezone(dt.UTC).date()
        except (ValueError, OverflowError):
            yield " is no date-time of the calendar, or before the year 1 in UTC"
            return
        if not EARLIEST_BIRTH <= day <= TODAY + dt.timedelta(days=1):
            yield " lies outside 1900 … tomorrow (UTC)"
    elif key in ("created_by", "updated_by"):
        yield from _name_rules(value, 200)
    elif pattern is None and key in ("mrn", "name") and patient:
        yield from _name_rules(
            value, MRN_LIMIT if key == "mrn" else PATIENT_NAME_LIMIT, blank=False
        )
    elif pattern is None and key not in META_KEYS:
        composed = _nfc(value)
        limit = DEFS[definition]["properties"][key].get("maxLength", TEXT_LIMIT)
        if len(composed) > limit:
            yield f" is longer than {limit} characters once composed"
        for char in composed:
            if (
                unicodedata.category(char) in ("Cc", "Cs") and char not in "\n\t"
            ) or char in HIDDEN:
                yield f" holds U+{ord(char):04X}"
                break
    if any(unicodedata.category(char) == "Cs" for char in value):
        yield " holds a lone surrogate"


def _name_rules(value: str, limit: int, *, blank: bool = True) -> Iterator[str]:
    composed = _nfc(value)
    if len(composed) > limit:
        yield f" is longer than {limit} characters"
    if not blank and not composed.strip():
        yield " is blank"
    for char in composed:
        if unicodedata.category(char) in ("Cc", "Cf", "Cs"):
            yield f" holds U+{ord(char):04X}"
            break
