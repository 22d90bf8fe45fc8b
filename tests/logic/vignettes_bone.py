"""Bone-therapy vignettes of the first clinical review (clinical-rules.md D33, D37), swept by test_item_ids.

``HOLD_FOR_EXTRACTION`` takes ``bta.resume`` through every status it can have: not
applicable before the hold and after the dose that ends it, ok while the resume date
is more than 14 d away, due_soon from 14 d before it, overdue after it.
"""

from __future__ import annotations

from builders import day, phase
from test_course_vignettes import (
    Vignette,
    bone_event,
    creatinine,
    dental,
    dose,
    flatten,
    line,
    person,
    weight,
)

from mmtracker.logic.codes import BoneTherapyEventKind, InvasiveProcedure, Sex

# A man born 1957-04-04: NDMM 2025-01-06, ZA every 28 d from 2025-01-20 (last 2025-03-17).
# An extraction is planned on 2025-04-01 for 2025-04-20 and ZA is held on 2025-04-05 with
# no resume date: bta.resume due 2025-04-05 + 90 d = 2025-07-04 (bta.hold_days; D33),
# due_soon from 2025-06-20, overdue from 2025-07-05; ZA resumed on 2025-08-20.
HOLD_FOR_EXTRACTION = Vignette(
    name="bone_hold_for_extraction",
    patient=person("VIG-BTA-HOLD", Sex.MALE, "1957-04-04"),
    start=day("2025-01-01"),
    end=day("2025-09-30"),
    entries=flatten(
        phase("2025-01-06", "NDMM"),
        weight("2025-01-06", 78),
        line("2025-01-08"),
        dental("2025-01-10"),
        creatinine("2025-01-17", 82),
        [dose(d) for d in ("2025-01-20", "2025-02-17", "2025-03-17")],
        dental("2025-04-01", InvasiveProcedure.PLANNED, "2025-04-20"),
        bone_event("2025-04-05", BoneTherapyEventKind.HOLD),
        creatinine("2025-08-18", 84),
        dose("2025-08-20"),
    ),
)

VIGNETTES: dict[str, Vignette] = {v.name: v for v in (HOLD_FOR_EXTRACTION,)}
