"""Issue classes 7, 11 and the D42 part of 10: staging at diagnosis, exposed figures and
diagnosis-time items (clinical-rules.md D29, D31, D42; §3, §11).

Each history is one the clinical review found; the expected outcomes come from the
decisions, not from the code. Boundary tests of the numbers (the ±60 d window, the
before-first-line preference, the 12-month closure) are in ``test_staging.py``,
``test_items_workup_transplant.py`` and ``test_items_imaging.py``; the closure day is
checked here once more on the whole assessment.
"""

from __future__ import annotations

import pytest
from builders import context, cytogenetics, day, lab, new_id, phase, policy, weight
from items_builders import history, transplant

from mmtracker.logic.assessment import assess
from mmtracker.logic.care import Status
from mmtracker.logic.codes import Analyte, CopyNumber1q, Phase, TreatmentIntent
from mmtracker.logic.history import Entry, PatientHistory, TreatmentLine
from mmtracker.logic.items.conditioning import conditioning_note
from mmtracker.logic.staging import cytogenetic_risk, ims_2025, iss, mayo_additive

NDMM = "2025-03-01"

# Every abnormality of IMS 2025 criteria 1-3 tested and absent; hyperdiploid.
STANDARD_FISH = {
    "del_17p": False,
    "tp53_mutation": False,
    "t_4_14": False,
    "t_14_16": False,
    "t_14_20": False,
    "gain_1q": CopyNumber1q.NORMAL,
    "del_1p32": "none",
    "hyperdiploid": True,
}


def induction(start: str) -> TreatmentLine:
    return TreatmentLine(
        id=new_id("line"),
        line_number=1,
        regimen="VRd",
        intent=TreatmentIntent.INDUCTION,
        start_date=day(start),
    )


def treated_iss_iii(*later: Entry) -> PatientHistory:
    """NDMM 2025-03-01: β2M 6.0 mg/L, albumin 40 g/L and creatinine 80 µmol/L on 2025-02-25
    (ISS III; IMS 2025 criterion 4), standard-risk FISH; VRd from 2025-03-05; β2M 2.0 on
    treatment on 2025-06-01; ASCT planned 2025-09-01 with pre-ASCT MRD and PET-CT."""
    return history(
        phase(NDMM, Phase.NDMM),
        lab("2025-02-25", Analyte.B2M, 6.0, "mg/L"),
        lab("2025-02-25", Analyte.ALBUMIN, 40, "g/L"),
        lab("2025-02-25", Analyte.CREATININE, 80, "umol/L"),
        cytogenetics("2025-02-25", **STANDARD_FISH),
        induction("2025-03-05"),
        lab("2025-06-01", Analyte.B2M, 2.0, "mg/L"),
        lab("2025-06-01", Analyte.ALBUMIN, 42, "g/L"),
        weight("2025-06-01", 70),
        transplant(planned="2025-09-01"),
        *later,
    )


# --- Class 7: restaging from treated values ----------------------------------------------


def test_class_7_iss_iii_at_diagnosis_stays_iii_when_b2m_normalises_on_treatment() -> None:
    """D29: the stage at diagnosis uses the β2M at diagnosis (6.0, ISS III, §3a); β2M 2.0
    with albumin 42 on treatment would be ISS I, and must not restage."""
    ctx = context(treated_iss_iii(), "2025-07-01")
    stage = iss(ctx)
    assert stage.stage == 3
    assert {i.name: i.date for i in stage.inputs}["b2m"] == day("2025-02-25")


def test_class_7_ims_high_risk_stays_high() -> None:
    """D29: IMS 2025 criterion 4 (β2M ≥5.5 mg/L with creatinine <1.2 mg/dL) is judged on
    the diagnosis values; it stays met after β2M normalises."""
    risk = ims_2025(context(treated_iss_iii(), "2025-07-01"))
    assert risk.high_risk is True
    assert risk.present == ("b2m_normal_creatinine",)


def test_class_7_the_melphalan_note_does_not_flip() -> None:
    """D29: the D7 note's cytogenetic risk is IMS 2025 criteria 1-3, not β2M: standard
    risk both before and after β2M normalises, so the note reads the same."""
    before = conditioning_note(context(treated_iss_iii(), "2025-03-10"))
    after = conditioning_note(context(treated_iss_iii(), "2025-07-01"))
    assert before is not None
    assert after is not None
    assert before.adverse == after.adverse == ()
    assert before.lines[2].id == after.lines[2].id == "asct.conditioning_note.cytogenetics.standard"


def test_class_7_high_risk_acquired_at_relapse_stays_high() -> None:
    """D29 cumulative: del(17p) in 60% of cells found at relapse (2026-06-01) stays high
    risk after a negative test in remission (2026-12-01), dated by the relapse test."""
    hist = treated_iss_iii(
        phase("2026-06-01", Phase.RELAPSE, line_number=2),
        cytogenetics("2026-06-01", del_17p=True, del_17p_clonal_fraction=60),
        cytogenetics("2026-12-01", del_17p=False),
    )
    risk = cytogenetic_risk(context(hist, "2027-01-10"))
    assert risk.high_risk is True
    assert risk.present == ("del17p_tp53",)
    assert risk.since == day("2026-06-01")


# --- Class 11: exposed figures -----------------------------------------------------------


def test_class_11_mayo_additive_shows_median_pfs_and_os() -> None:
    """D31, §3e: ISS III (β2M ≥5.5) alone with every other factor absent is 1 point:
    median PFS 44 months with frontline therapy, median OS 7 years, Abdallah 2022."""
    hist = treated_iss_iii(lab("2025-02-25", Analyte.LDH, 180, "U/L", ref_high=214))
    found = mayo_additive(context(hist, "2025-07-01"))
    assert (found.points, found.group) == (1, 1)
    assert (found.median_pfs_months, found.median_os_years) == (44.0, 7.0)
    assert found.source == "Abdallah 2022, Blood Cancer J 12:21"
    assert found.message.as_dict() == {
        "median_pfs_months": 44.0,
        "median_os_years": 7.0,
        "source": "Abdallah 2022, Blood Cancer J 12:21",
    }


# --- Class 10, D42: diagnosis-time items ---------------------------------------------------


def test_class_10_diagnosis_time_items_are_not_overdue_for_years() -> None:
    """D42: NDMM 2025-03-01 with no staging work-up and no imaging: two years later both
    items are closed (not applicable) and say "not done at diagnosis"."""
    items = {
        i.id: i for i in assess(history(phase(NDMM, Phase.NDMM)), day("2027-03-01"), policy()).items
    }
    for item_id in ("workup.staging", "imaging.baseline"):
        assert items[item_id].status is Status.NOT_APPLICABLE
        assert items[item_id].message.id == f"{item_id}.not_done_at_diagnosis"


@pytest.mark.parametrize(
    ("on", "expected"),
    [
        pytest.param("2026-02-28", Status.OVERDUE, id="D42 the day before NDMM + 12 mo: overdue"),
        pytest.param("2026-03-01", Status.NOT_APPLICABLE, id="D42 NDMM + 12 mo: closed"),
    ],
)
def test_class_10_the_closure_day(on: str, expected: Status) -> None:
    items = {i.id: i for i in assess(history(phase(NDMM, Phase.NDMM)), day(on), policy()).items}
    assert items["workup.staging"].status is expected
    assert items["imaging.baseline"].status is expected
