"""Worked vignettes of the record items and the planned transplant not performed
(clinical-rules.md §11 record.phase, record.treatment_line, asct.outcome; D22, D24, D25, D39).

``test_item_ids`` gathers ``VIGNETTES`` and sweeps them day by day; the dates below
are worked out by hand from the rows (``lead_days`` 14; ``record.phase_days`` 14,
``record.line_days`` 30, a salvage line's RELAPSE entry due at its start + 30 d,
``asct.outcome`` due at the planned date + 30 d).
"""

from __future__ import annotations

from builders import day, phase
from test_course_vignettes import (
    Vignette,
    calcium,
    flatten,
    labs,
    line,
    m_protein,
    person,
    transplant,
)

from mmtracker.logic.codes import Sex, TreatmentIntent
from mmtracker.logic.history import Transplant

# Registered 2025-01-06 with no phase entry (D24): record.phase due 2025-01-20 (due soon
# from registration, overdue from 01-21); a calcium of 2.90 mmol/L on 2025-02-03 raises
# alert.smm_mde (§1a C); labs.monitoring at the SMM unknown-risk interval, 3 mo from
# registration (2025-04-06). The SMM phase entry of 2025-02-10 satisfies record.phase.
UNPHASED = Vignette(
    name="record_unphased",
    patient=person("VIG-UNPHASED", Sex.MALE, "1956-04-04", registered_on=day("2025-01-06")),
    start=day("2025-01-06"),
    end=day("2025-03-31"),
    entries=flatten(
        labs("2025-01-06", hb=128, crea=80),
        calcium("2025-02-03", 2.90),
        phase("2025-02-10", "SMM"),
    ),
)

# NDMM 2024-01-10 without a treatment line: record.treatment_line due 2024-02-09 (ok to
# 01-25, due soon from 01-26, overdue from 02-10); induction from 2024-02-20. A transplant
# planned (entered 2024-04-01) for 2024-06-01 and withdrawn on 2024-07-20: asct.outcome
# due 2024-07-01 (due soon from 06-17, overdue from 07-02), settled by the withdrawal.
# Maintenance from 2024-08-01; a salvage line on 2025-03-01 with no RELAPSE entry (D22):
# record.phase due 2025-03-31 (ok to 03-16, due soon from 03-17) until the RELAPSE entry
# of 2025-03-28, within 30 d of the line, satisfies it.
WITHDRAWN_PLAN = Transplant(
    id="asct-vignette-withdrawn",
    planned_date=day("2024-06-01"),
    withdrawn_date=day("2024-07-20"),
)
EPISODES = Vignette(
    name="record_episodes",
    patient=person("VIG-EPISODES", Sex.FEMALE, "1961-11-30"),
    start=day("2024-01-10"),
    end=day("2025-05-31"),
    plans=((day("2024-04-01"), WITHDRAWN_PLAN),),
    entries=flatten(
        phase("2024-01-10", "NDMM"),
        m_protein("2024-01-10", 32),
        line("2024-02-20", "2024-07-15"),
        m_protein("2024-05-10", 6),
        phase("2024-08-01", "MAINTENANCE"),
        line("2024-08-01", intent=TreatmentIntent.MAINTENANCE, regimen="lenalidomide"),
        m_protein("2025-02-15", 9),
        line("2025-03-01", number=2, intent=TreatmentIntent.SALVAGE, regimen="DKd"),
        phase("2025-03-28", "RELAPSE"),
    ),
)

# A transplant planned (entered 2024-03-01) for 2024-04-15 and never performed nor
# withdrawn: asct.outcome overdue from 2024-05-16 for good (D39).
NEVER_PERFORMED = Vignette(
    name="record_transplant_never_performed",
    patient=person("VIG-NO-ASCT", Sex.MALE, "1959-02-14"),
    start=day("2024-02-01"),
    end=day("2024-07-31"),
    plans=((day("2024-03-01"), transplant("2024-04-15")),),
    entries=flatten(
        phase("2024-01-05", "NDMM"),
        line("2024-01-08"),
    ),
)

VIGNETTES: dict[str, Vignette] = {v.name: v for v in (UNPHASED, EPISODES, NEVER_PERFORMED)}
