"""Synthetic, clinically plausible patient records for the demo database.

The population mixes smouldering myeloma, induction, recent transplants,
maintenance and relapse, with realistic lapses in care (a missed dental check,
a late dose, an MRD not done) so that every care item has something to show.
Everything is drawn from one ``random.Random(seed)``: the same seed and
``as_of`` give the same records, ids included.
"""

from __future__ import annotations

import datetime as dt
import gc
import random
from dataclasses import dataclass

from mmtracker.demo.bone import BoneGaps, BoneRecorder
from mmtracker.demo.chart import Chart
from mmtracker.demo.clinic import ClinicRecorder, detail_start, schedule
from mmtracker.demo.course import Archetype, Course, plan_course
from mmtracker.demo.disease import DiseaseRecorder, draw_markers
from mmtracker.demo.names import CHINESE_SHARE, person_name
from mmtracker.demo.timepoints import record_disease
from mmtracker.logic.codes import CalciumKind, PatientStatus, Sex
from mmtracker.logic.history import Patient
from mmtracker.storage.records import NewRecord

__all__ = ["generate_records"]

# Where patients stand on the demo's day; GONE_SHARE more have died or moved
# to another clinic.
ARCHETYPE_SHARES: dict[Archetype, float] = {
    Archetype.SMM: 0.15,
    Archetype.NDMM: 0.20,
    Archetype.ASCT: 0.15,
    Archetype.MAINTENANCE: 0.30,
    Archetype.RELAPSE: 0.15,
}
GONE_SHARE = 0.05
GONE_ARCHETYPES: dict[Archetype, float] = {
    Archetype.RELAPSE: 0.5,
    Archetype.MAINTENANCE: 0.2,
    Archetype.NDMM: 0.15,
    Archetype.ASCT: 0.1,
    Archetype.SMM: 0.05,
}
# Age on the demo's day: (lowest, highest, most common).
AGES: dict[Archetype, tuple[int, int, int]] = {
    Archetype.SMM: (45, 82, 63),
    Archetype.NDMM: (45, 85, 68),
    Archetype.ASCT: (45, 72, 60),
    Archetype.MAINTENANCE: (45, 85, 66),
    Archetype.RELAPSE: (48, 85, 70),
}
MALE_SHARE = 0.55
CONVENTIONAL_SHARE = {True: 0.05, False: 0.35}  # by Chinese name: US-style units
LIMITS_SHARE = 0.5
ADJUSTED_CALCIUM_SHARE = 0.08
# Lapses: the share of patients given each one (where it can apply).
GAP_SHARES = {
    "late_dose": 0.05,
    "dental": 0.09,
    "review": 0.07,
    "supplement": 0.04,
    "vitamin_d": 0.05,
    "no_start": 0.06,
    "mrd": 0.35,
    "pet": 0.35,
    "labs": 0.04,
    "smm_imaging": 0.3,
}
ACKNOWLEDGED_SHARE = 0.2
# The §11 care item each lapse leaves open; bone-therapy lapses only once doses were given.
GAP_ITEMS = {
    "late_dose": "bta.next_dose",
    "dental": "dental.periodic",
    "review": "bta.review",
    "supplement": "supplement.ca_vitd",
    "vitamin_d": "vitd.level",
    "no_start": "bta.start",
    "labs": "labs.monitoring",
    "smm_imaging": "imaging.smm_followup",
}
ON_BONE_THERAPY_GAPS = frozenset({"late_dose", "dental", "review", "supplement", "vitamin_d"})


@dataclass(frozen=True, slots=True)
class _Person:
    sex: Sex
    chinese: bool
    born: dt.date
    height_cm: float | None
    weight_kg: float
    frailty: int

    def age_at(self, day: dt.date) -> int:
        """Age in whole years on a day."""
        years = day.year - self.born.year
        return years - ((day.month, day.day) < (self.born.month, self.born.day))


def _person(rng: random.Random, archetype: Archetype, as_of: dt.date) -> _Person:
    sex = Sex.MALE if rng.random() < MALE_SHARE else Sex.FEMALE
    chinese = rng.random() < CHINESE_SHARE
    low, high, mode = AGES[archetype]
    age = round(rng.triangular(low, high, mode))
    born = as_of - dt.timedelta(days=round(age * 365.25) + rng.randint(0, 364))
    mean_height = (176.0 if sex is Sex.MALE else 163.0) - (6.0 if chinese else 0.0)
    height = min(200.0, max(145.0, rng.gauss(mean_height, 6.5)))
    bmi = min(38.0, max(17.5, rng.gauss(23.0 if chinese else 26.0, 3.5)))
    weight = bmi * (height / 100) ** 2
    frailty = rng.choices((0, 1, 2), weights=(0.6, 0.3, 0.1) if age < 70 else (0.3, 0.45, 0.25))[0]
    return _Person(
        sex=sex,
        chinese=chinese,
        born=born,
        height_cm=round(height, 1) if rng.random() < 0.97 else None,
        weight_kg=weight,
        frailty=frailty,
    )


def _gaps(rng: random.Random, course: Course) -> set[str]:
    chosen = {name for name, share in GAP_SHARES.items() if rng.random() < share}
    if course.archetype is not Archetype.SMM:
        chosen.discard("smm_imaging")
    if course.archetype is not Archetype.NDMM:
        chosen.discard("no_start")
    return chosen


def _open_items(gaps: set[str], course: Course, chart: Chart) -> list[str]:
    """The care items the lapses left open for this patient, in a fixed order."""
    treated = bool(chart.entries["bone_therapy_doses"])
    items = [
        GAP_ITEMS[name]
        for name in sorted(gaps)
        if name in GAP_ITEMS and (treated or name not in ON_BONE_THERAPY_GAPS)
    ]
    if "mrd" in gaps and course.archetype is Archetype.MAINTENANCE:
        items.append("mrd.annual")
    elif "mrd" in gaps and any(g.performed for g in course.grafts):
        items.append("mrd.day100")
    return items


def _patient(rng: random.Random, seed: int, number: int, as_of: dt.date) -> NewRecord:
    gone = rng.random() < GONE_SHARE
    table = GONE_ARCHETYPES if gone else ARCHETYPE_SHARES
    archetype = rng.choices(list(table), weights=list(table.values()))[0]
    person = _person(rng, archetype, as_of)
    status, status_date, end = PatientStatus.ACTIVE, None, as_of
    if gone:
        status = PatientStatus.DECEASED if rng.random() < 0.6 else PatientStatus.TRANSFERRED
        status_date = end = as_of - dt.timedelta(days=rng.randint(15, 700))
    course = plan_course(rng, archetype, end, person.age_at(end))
    gaps = _gaps(rng, course)
    chart = Chart(
        rng,
        extras=random.Random(f"demo-extras-{seed}-{number}"),
        sex=person.sex,
        conventional=rng.random() < CONVENTIONAL_SHARE[person.chinese],
        reports_limits=rng.random() < LIMITS_SHARE,
        calcium_kind=CalciumKind.ADJUSTED
        if rng.random() < ADJUSTED_CALCIUM_SHARE
        else CalciumKind.TOTAL,
    )
    disease = DiseaseRecorder(chart, course, draw_markers(rng, course, person.sex))
    clinic = ClinicRecorder(disease, frailty=person.frailty, weight=person.weight_kg)
    contacts = schedule(rng, course, "labs" in gaps)
    record_disease(
        disease,
        skip_mrd="mrd" in gaps,
        skip_pet="pet" in gaps,
        stale_smm_imaging="smm_imaging" in gaps,
    )
    BoneRecorder(
        disease,
        sex=person.sex,
        age_at=person.age_at,
        weight_at=clinic.weight_at,
        contact_days=[c.day.toordinal() for c in contacts],
        creatinine_days=[c.day.toordinal() for c in contacts if c.full],
        calcium_days=[c.day.toordinal() for c in contacts if c.chemistry],
        detail_from=detail_start(course),
        gaps=BoneGaps(
            late_dose="late_dose" in gaps,
            dental="dental" in gaps,
            review="review" in gaps,
            supplement="supplement" in gaps,
            vitamin_d="vitamin_d" in gaps,
            no_start="no_start" in gaps,
        ),
        in_care=not gone,
    ).record()
    clinic.contacts(contacts, gone)
    clinic.course_entries()
    clinic.events()
    for item in _open_items(gaps, course, chart):
        if rng.random() < ACKNOWLEDGED_SHARE:
            clinic.acknowledge(item)
    patient = Patient(
        mrn=f"D{number:06d}",
        name=person_name(rng, person.sex, person.chinese),
        sex=person.sex,
        date_of_birth=person.born,
        height_cm=person.height_cm,
        status=status,
        status_date=status_date,
    )
    return chart.finish(patient)


def generate_records(patients: int, seed: int, as_of: dt.date) -> list[NewRecord]:
    """``patients`` synthetic records as of ``as_of``, the same for the same seed."""
    rng = random.Random(seed)
    # The records hold no reference cycles: pausing the cyclic garbage collector
    # while hundreds of thousands of entries are built saves about a fifth of the time.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return [_patient(rng, seed, number, as_of) for number in range(1, patients + 1)]
    finally:
        if collecting:
            gc.enable()
