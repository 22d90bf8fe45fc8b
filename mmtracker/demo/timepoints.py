"""When the work-up, marrow, MRD and imaging of one synthetic patient happen.

Diagnosis (SMM and active MM), end of induction, before and about day +100
after a transplant, yearly in maintenance for patients in CR, and at relapse;
SMM imaging yearly. Lab panels at clinic contacts come from the clinic module.
"""

from __future__ import annotations

import datetime as dt
import random

from mmtracker.demo.course import YEAR_DAYS, Course
from mmtracker.demo.disease import DiseaseRecorder, noisy
from mmtracker.logic.codes import Analyte, ImagingModality

# Pre-ASCT tests are done within this many days before the planned date (§11).
PRE_ASCT_WINDOW = 60
# A second transplant within this many days of the first is a tandem.
TANDEM_DAYS = 200


def record_disease(
    disease: DiseaseRecorder, *, skip_mrd: bool, skip_pet: bool, stale_smm_imaging: bool
) -> None:
    """Diagnostic work-up, marrow and MRD time points, imaging; the panels come from the clinic."""
    course, rng = disease.course, disease.rng
    end = course.end
    if course.smm_start is not None:
        _smm_workup(disease, course.smm_start, stale_smm_imaging)
    if course.dx is None:
        return
    dx = course.dx
    marrow_day = min(dx + dt.timedelta(days=rng.randint(0, 7)), end)
    disease.staging(dx)
    disease.marrow(marrow_day)
    disease.fish(marrow_day, 0.0)
    modality = rng.choices(
        (ImagingModality.WBLDCT, ImagingModality.PET_CT, ImagingModality.WB_MRI),
        weights=(0.55, 0.35, 0.1),
    )[0]
    imaged = dx - dt.timedelta(days=rng.randint(0, 14))
    disease.imaging(imaged, modality, disease.m.lesions)
    if modality is ImagingModality.WBLDCT and not disease.m.lesions and rng.random() < 0.7:
        mri = min(imaged + dt.timedelta(days=rng.randint(7, 30)), end)
        disease.imaging(mri, ImagingModality.WB_MRI, rng.choice((0, 0, 2, 3)), note="CT negative")
    mrd_days: list[dt.date] = []
    induction_end = course.induction_end
    if induction_end is not None and induction_end <= end:
        in_cr = course.burden.at(induction_end) <= 0
        if rng.random() < (0.6 if in_cr else 0.15):
            mrd_days.append(induction_end - dt.timedelta(days=rng.randint(0, 14)))
    for index, graft in enumerate(course.grafts):
        tandem_second = index > 0 and _within(course.grafts[index - 1].planned, graft.planned)
        tandem_first = index + 1 < len(course.grafts) and _within(
            graft.planned, course.grafts[index + 1].planned
        )
        if not tandem_second:
            _pre_transplant(disease, graft.planned, mrd_days, skip_pet)
        if graft.performed is not None and not skip_mrd and not tandem_first:
            day = graft.performed + dt.timedelta(days=rng.randint(85, 115))
            if day <= end and (course.burden.at(day) <= 0 or rng.random() < 0.4):
                mrd_days.append(day)
    if course.maintenance_start is not None:
        mrd_days += _annual_mrd(course, rng, mrd_days, skip_mrd)
    for day in mrd_days:
        disease.mrd(day)
    for relapse in course.relapses:
        day = relapse + dt.timedelta(days=rng.randint(0, 10))
        if day > end:
            continue
        if rng.random() < 0.5:
            disease.marrow(day)
            if rng.random() < 0.4:
                disease.fish(day, 0.1)
        if rng.random() < 0.6:
            modality = ImagingModality.PET_CT if rng.random() < 0.5 else ImagingModality.WBLDCT
            lesions = disease.m.lesions + rng.randint(0, 4)
            disease.imaging(day, modality, lesions, note="Restaging at relapse")
        disease.chart.lab(day, Analyte.B2M, noisy(rng, disease.m.b2m * 0.8, 0.1))
        disease.chart.lab(day, Analyte.LDH, noisy(rng, disease.m.ldh, 0.1))


def _within(earlier: dt.date, later: dt.date) -> bool:
    """Two transplants this close are one tandem procedure."""
    return (later - earlier).days <= TANDEM_DAYS


def _pre_transplant(
    disease: DiseaseRecorder, planned: dt.date, mrd_days: list[dt.date], skip_pet: bool
) -> None:
    """PET-CT and MRD within the window before a planned transplant, for many patients."""
    rng, course = disease.rng, disease.course
    window_start = planned - dt.timedelta(days=PRE_ASCT_WINDOW)
    if not skip_pet and rng.random() < 0.65:
        day = planned - dt.timedelta(days=rng.randint(10, 55))
        if day <= course.end:
            avid = course.burden.at(day) > 0.1 or rng.random() < 0.2
            disease.imaging(
                day,
                ImagingModality.PET_CT,
                disease.m.lesions,
                avid=avid,
                note="Pre-ASCT PET-CT",
            )
    if rng.random() < 0.55 and not any(window_start <= d <= planned for d in mrd_days):
        day = planned - dt.timedelta(days=rng.randint(7, 50))
        if day <= course.end:
            mrd_days.append(day)


def _annual_mrd(
    course: Course, rng: random.Random, done: list[dt.date], skip_last: bool
) -> list[dt.date]:
    """Yearly MRD during maintenance for patients in CR; the last one missed on request."""
    start = course.maintenance_start
    assert start is not None
    stop = min([r for r in course.relapses if r > start], default=course.end)
    last = max([*done, start])
    days: list[dt.date] = []
    while True:
        day = last + dt.timedelta(days=YEAR_DAYS + rng.randint(-30, 30))
        if day > stop or day > course.end:
            break
        if course.burden.at(day) <= 0 and rng.random() < 0.8:
            days.append(day)
        last = day
    if skip_last and days:
        days.pop()
    return days


def _smm_workup(disease: DiseaseRecorder, start: dt.date, stale_imaging: bool) -> None:
    """SMM diagnosis: staging, marrow, FISH, imaging; yearly imaging follow-up while in SMM."""
    course, rng = disease.course, disease.rng
    smm_end = course.dx or course.end
    bias = 0.1 if course.smm_high_risk else 0.0
    disease.staging(start)
    disease.marrow(start)
    if rng.random() < 0.8:
        disease.fish(start, bias)
    modality = rng.choices(
        (ImagingModality.WBLDCT, ImagingModality.PET_CT, ImagingModality.WB_MRI),
        weights=(0.7, 0.15, 0.15),
    )[0]
    day = start - dt.timedelta(days=rng.randint(0, 21))
    disease.imaging(day, modality, 0)
    if modality is ImagingModality.WBLDCT and rng.random() < 0.75:
        mri = day + dt.timedelta(days=rng.randint(14, 55))
        if mri <= smm_end:
            disease.imaging(mri, ImagingModality.WB_MRI, rng.choice((0, 0, 0, 1)))
    if stale_imaging:
        smm_end = min(smm_end, course.end - dt.timedelta(days=rng.randint(400, 600)))
    while True:
        day += dt.timedelta(days=YEAR_DAYS + rng.randint(-20, 30))
        if day > smm_end:
            break
        disease.imaging(day, modality, 0, note="Annual SMM imaging")
        if course.smm_high_risk and rng.random() < 0.3:
            disease.marrow(day)
