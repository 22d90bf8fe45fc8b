"""The clinic worklist from stored care-item state (clinical-rules.md §11 "Worklist order").

A hand-built clinic of smouldering-myeloma patients whose items are fixed by
clinical-rules.md alone, so every row, status, due date and position below is
worked out from the rules, not read back from the code:

- an SMM patient with a whole-body PET-CT at diagnosis and later, one serum
  M-protein, FLC pair and marrow result: `imaging.smm_followup` is due 12 months
  after the last whole-body imaging (§11 Items, `imaging.smm_interval_months`);
  `labs.monitoring` 6 months after the last M-protein/FLC result for Mayo 2018
  low risk after the first year of SMM, 3 months for high risk (§11, §8);
  `smm.risk` 12 months after the last computable Mayo 2018 score (all ok here);
- serum calcium > 2.75 mmol/L raises two urgent alerts in SMM: `alert.hypercalcaemia`
  and `alert.smm_mde` (the C of SLiM-CRAB, §1a);
- Mayo 2018 high risk (M-protein > 20 g/L and BMPC > 20 %, §2a) raises the info
  alert `alert.smm_high_risk`.

Every test runs on SQLite and on PostgreSQL (the ``engine`` fixture).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any

import pytest
from logic.builders import flc, imaging, lab, patient, phase, policy, weight
from sqlalchemy import Engine

from mmtracker.demo import generate_records
from mmtracker.logic.care import CareItem, Severity, Status
from mmtracker.logic.codes import (
    Analyte,
    BoneAgent,
    DentalOutcome,
    PatientStatus,
    Phase,
    TreatmentIntent,
)
from mmtracker.logic.context import Context
from mmtracker.logic.history import (
    Acknowledgement,
    BoneTherapyDose,
    DentalExam,
    Entry,
    TreatmentLine,
)
from mmtracker.logic.messages import Message
from mmtracker.logic.worklist_order import DEFAULT_SHOW, Show, order_key
from mmtracker.storage.bulk import write_records
from mmtracker.storage.loaders import load_histories
from mmtracker.storage.records import NewRecord
from mmtracker.storage.state import stale_patients
from mmtracker.storage.worklist import WorklistRow, worklist

AS_OF = dt.date(2025, 6, 20)
SMM_DIAGNOSIS = dt.date(2023, 3, 1)  # more than a year before every result below
ACTOR = "nurse@ward-3"
ALL = frozenset(Show)


def day(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def smm_record(
    mrn: str,
    name: str,
    *,
    pet: str,
    labs: str,
    calcium: tuple[str, float] | None = None,
    high_risk: bool = False,
    snooze: tuple[str, str, str] | None = None,
    status: tuple[PatientStatus, str] | None = None,
) -> NewRecord:
    """An SMM patient: PET-CT at diagnosis and on ``pet``, Mayo 2018 inputs on ``labs``.

    ``snooze`` = (item id, acknowledged on, until); ``status`` = (status, date).
    """
    m_protein, marrow = (25.0, 30.0) if high_risk else (12.0, 12.0)
    entries: dict[str, list[Any]] = {
        "phase_changes": [phase(SMM_DIAGNOSIS, Phase.SMM)],
        "imaging": [imaging(SMM_DIAGNOSIS, "PET_CT"), imaging(pet, "PET_CT")],
        "lab_results": [
            lab(labs, Analyte.SERUM_MPROTEIN, m_protein, "g/L"),
            *flc(labs, 30.0, 20.0),  # κ/λ 1.5: not above 20
            lab(labs, Analyte.BMPC, marrow, "%"),
        ],
    }
    if calcium is not None:
        entries["lab_results"].append(lab(calcium[0], Analyte.CALCIUM, calcium[1], "mmol/L"))
    if snooze is not None:
        item_id, on, until = snooze
        entries["acknowledgements"] = [
            Acknowledgement(
                id=f"ack-{mrn}",
                item_id=item_id,
                acknowledged_on=day(on),
                until=day(until),
                reason="appointment booked",
                acknowledged_by=ACTOR,
            )
        ]
    fields: dict[str, Any] = {"mrn": mrn, "name": name}
    if status is not None:
        fields["status"], fields["status_date"] = status[0], day(status[1])
    return NewRecord(patient("F", "1960-01-01", **fields), entries)


def clinic() -> list[NewRecord]:
    """The hand-built clinic; not in name order, so insertion order proves nothing."""
    return [
        smm_record("W012", "Zimmer, Zoe", pet="2025-01-10", labs="2025-06-01",
                   calcium=("2025-06-10", 3.1)),
        smm_record("W003", "Carter, Cara", pet="2024-05-01", labs="2025-03-10"),
        smm_record("W006", "Foster, Fay", pet="2024-06-25", labs="2025-03-10"),
        smm_record("W005", "Evans, Eve", pet="2024-06-10", labs="2025-03-10"),
        smm_record("W001", "Adams, Amy", pet="2024-06-10", labs="2024-12-01"),
        smm_record("W007", "Green, Gus", pet="2025-02-01", labs="2024-12-30"),
        smm_record("W002", "Baker, Ben", pet="2024-06-25", labs="2025-01-10"),
        smm_record("W004", "Davis, Dan", pet="2025-01-10", labs="2025-06-01",
                   calcium=("2025-06-01", 3.0)),
        smm_record("W008", "Hughes, Hal", pet="2025-02-01", labs="2025-05-01", high_risk=True),
        smm_record("W009", "Irwin, Ivy", pet="2024-05-21", labs="2025-03-10",
                   snooze=("imaging.smm_followup", "2025-06-01", "2025-07-15")),
        smm_record("W010", "Jones, Jay", pet="2024-05-01", labs="2024-10-01",
                   calcium=("2025-05-20", 3.2),
                   status=(PatientStatus.DECEASED, "2025-06-01")),
        smm_record("W011", "King, Kim", pet="2024-05-01", labs="2024-10-01",
                   calcium=("2025-04-20", 3.2),
                   status=(PatientStatus.TRANSFERRED, "2025-05-01")),
    ]  # fmt: skip


URGENT_BY_CALCIUM = frozenset({"alert.hypercalcaemia", "alert.smm_mde"})
# (name, item, status, due, days overdue) expected on AS_OF with the default show, in §11 order.
OVERDUE_AND_DUE_SOON = [
    ("Carter, Cara", "imaging.smm_followup", "overdue", "2025-05-01", 50),
    ("Adams, Amy", "labs.monitoring", "overdue", "2025-06-01", 19),
    ("Adams, Amy", "imaging.smm_followup", "overdue", "2025-06-10", 10),  # ties with Evans:
    ("Evans, Eve", "imaging.smm_followup", "overdue", "2025-06-10", 10),  # by name
    ("Baker, Ben", "imaging.smm_followup", "due_soon", "2025-06-25", None),  # ties with
    ("Foster, Fay", "imaging.smm_followup", "due_soon", "2025-06-25", None),  # Foster
    ("Green, Gus", "labs.monitoring", "due_soon", "2025-06-30", None),
]


@pytest.fixture
def clinic_engine(engine: Engine) -> Engine:
    write_records(engine, clinic(), ACTOR, today=AS_OF)
    return engine


def shown(row: WorklistRow) -> tuple[str, str, str, str | None, int | None]:
    item = row.item
    due = item.due.isoformat() if item.due else None
    return row.name, item.id, item.status.value, due, item.days_overdue


def urgent_part(rows: Sequence[WorklistRow]) -> list[tuple[str, frozenset[str]]]:
    """Urgent rows as (patient, its item ids) runs: §11 leaves the order within a patient open."""
    runs: list[tuple[str, set[str]]] = []
    for row in rows:
        if runs and runs[-1][0] == row.name:
            runs[-1][1].add(row.item.id)
        else:
            runs.append((row.name, {row.item.id}))
    return [(name, frozenset(ids)) for name, ids in runs]


def names(rows: Iterable[WorklistRow]) -> set[str]:
    return {row.name for row in rows}


def test_default_worklist_is_in_the_section_11_order(clinic_engine: Engine) -> None:
    rows = worklist(clinic_engine, AS_OF, policy())
    urgent = [r for r in rows if r.item.severity is not None]
    assert rows[: len(urgent)] == urgent, "urgent alerts come first"
    assert urgent_part(urgent) == [
        ("Davis, Dan", URGENT_BY_CALCIUM),
        ("Zimmer, Zoe", URGENT_BY_CALCIUM),
    ]
    assert all(r.item.status.value == "alert" for r in urgent)
    assert [shown(r) for r in rows[len(urgent) :]] == OVERDUE_AND_DUE_SOON


def test_default_show_is_urgent_overdue_and_due_soon() -> None:
    assert frozenset({Show.URGENT, Show.OVERDUE, Show.DUE_SOON}) == DEFAULT_SHOW


def test_worklist_rows_carry_patient_and_phase(clinic_engine: Engine) -> None:
    rows = worklist(clinic_engine, AS_OF, policy())
    carter = next(r for r in rows if r.name == "Carter, Cara")
    assert carter.mrn == "W003"
    assert carter.phase is Phase.SMM
    assert carter.item.last is not None
    assert carter.item.last.date == day("2024-05-01")  # the PET-CT that last satisfied it


def test_info_alerts_only_on_request(clinic_engine: Engine) -> None:
    pol = policy()
    assert "Hughes, Hal" not in names(worklist(clinic_engine, AS_OF, pol))
    info = worklist(clinic_engine, AS_OF, pol, show={Show.INFO})
    assert [shown(r) for r in info] == [("Hughes, Hal", "alert.smm_high_risk", "alert", None, None)]
    assert info[0].item.severity is not None
    assert info[0].item.severity.value == "info"


def test_snoozed_items_only_on_request_and_back_after_the_snooze(clinic_engine: Engine) -> None:
    pol = policy()
    assert "Irwin, Ivy" not in names(worklist(clinic_engine, AS_OF, pol))
    snoozed = worklist(clinic_engine, AS_OF, pol, show={Show.SNOOZED})
    assert [(r.name, r.item.id, r.item.status.value) for r in snoozed] == [
        ("Irwin, Ivy", "imaging.smm_followup", "snoozed")
    ]
    item = snoozed[0].item
    assert item.snoozed_until == day("2025-07-15")
    assert item.status_beneath_snooze is not None
    assert item.status_beneath_snooze.value == "overdue"
    # The snooze covers its last day (inclusive) and ends the day after (§11 Status).
    last_day = worklist(clinic_engine, day("2025-07-15"), pol, show={Show.SNOOZED})
    assert [r.name for r in last_day] == ["Irwin, Ivy"]
    after = worklist(clinic_engine, day("2025-07-16"), pol, item_prefix="imaging.")
    irwin = [shown(r) for r in after if r.name == "Irwin, Ivy"]
    assert irwin == [("Irwin, Ivy", "imaging.smm_followup", "overdue", "2025-05-21", 56)]


def test_ok_items_only_on_request(clinic_engine: Engine) -> None:
    pol = policy()
    ok = worklist(clinic_engine, AS_OF, pol, show={Show.OK})
    assert {r.item.status.value for r in ok} == {"ok"}
    hughes = {r.item.id for r in ok if r.name == "Hughes, Hal"}
    # Labs due 2025-08-01 (3 months, high risk), PET-CT due 2026-02-01, score due 2026-05-01.
    assert {"labs.monitoring", "imaging.smm_followup", "smm.risk"} <= hughes
    assert not any(r.item.status.value == "ok" for r in worklist(clinic_engine, AS_OF, pol))


def test_everything_asked_for_keeps_the_groups_in_order(clinic_engine: Engine) -> None:
    rows = worklist(clinic_engine, AS_OF, policy(), show=ALL)
    groups = [group_of(r) for r in rows]
    order = ["urgent", "overdue", "due_soon"]
    main = [g for g in groups if g in order]
    assert main == sorted(main, key=order.index)
    assert groups[: len(main)] == main, "info, snoozed and ok come after the default groups"
    default = [r for r in rows if group_of(r) in order]
    assert default == worklist(clinic_engine, AS_OF, policy())


def group_of(row: WorklistRow) -> str:
    item = row.item
    if item.severity is not None and item.status.value == "alert":
        return item.severity.value
    return item.status.value


def test_deceased_and_transferred_patients_never_appear(clinic_engine: Engine) -> None:
    pol = policy()
    for show in (DEFAULT_SHOW, ALL):
        found = names(worklist(clinic_engine, AS_OF, pol, show=show))
        assert "Jones, Jay" not in found
        assert "King, Kim" not in found
    with clinic_engine.connect() as conn:
        assert len(stale_patients(conn, AS_OF, pol)) == 0  # the worklist refreshed the 10 live


def test_within_widens_due_soon(clinic_engine: Engine) -> None:
    pol = policy()
    wide = [shown(r) for r in worklist(clinic_engine, AS_OF, pol, within=30)]
    # Baker's labs are due 2025-07-10: 20 days away, due soon within 30 days only.
    assert ("Baker, Ben", "labs.monitoring", "due_soon", "2025-07-10", None) in wide
    narrow = [shown(r) for r in worklist(clinic_engine, AS_OF, pol)]
    assert ("Baker, Ben", "labs.monitoring", "due_soon", "2025-07-10", None) not in narrow
    assert set(narrow) <= set(wide)


def test_within_counts_both_ends(clinic_engine: Engine) -> None:
    rows = [shown(r) for r in worklist(clinic_engine, AS_OF, policy(), within=5)]
    due_soon = [r for r in rows if r[2] == "due_soon"]
    # Due in exactly 5 days: due soon; Green's labs due in 10 days: not shown.
    assert due_soon == [
        ("Baker, Ben", "imaging.smm_followup", "due_soon", "2025-06-25", None),
        ("Foster, Fay", "imaging.smm_followup", "due_soon", "2025-06-25", None),
    ]
    # Overdue items do not depend on the window.
    assert [r for r in rows if r[2] == "overdue"] == [
        r for r in OVERDUE_AND_DUE_SOON if r[2] == "overdue"
    ]


def test_within_zero_leaves_only_what_is_due_today(clinic_engine: Engine) -> None:
    rows = worklist(clinic_engine, day("2025-06-25"), policy(), within=0)
    due_soon = [shown(r) for r in rows if r.item.status.value == "due_soon"]
    assert due_soon == [
        ("Baker, Ben", "imaging.smm_followup", "due_soon", "2025-06-25", None),
        ("Foster, Fay", "imaging.smm_followup", "due_soon", "2025-06-25", None),
    ]


@pytest.mark.parametrize(
    ("prefix", "expected"),
    [
        ("imaging.", [r for r in OVERDUE_AND_DUE_SOON if r[1] == "imaging.smm_followup"]),
        ("labs", [r for r in OVERDUE_AND_DUE_SOON if r[1] == "labs.monitoring"]),
        ("labs.monitoring", [r for r in OVERDUE_AND_DUE_SOON if r[1] == "labs.monitoring"]),
        ("alert.hyper", [
            ("Davis, Dan", "alert.hypercalcaemia", "alert", None, None),
            ("Zimmer, Zoe", "alert.hypercalcaemia", "alert", None, None),
        ]),
        ("labs_", []),  # "_" is a plain character, not a wildcard
        ("%", []),
        ("mrd.", []),
    ],
)  # fmt: skip
def test_item_prefix(clinic_engine: Engine, prefix: str, expected: list[Any]) -> None:
    rows = worklist(clinic_engine, AS_OF, policy(), item_prefix=prefix)
    assert [shown(r) for r in rows] == expected


def test_urgent_only(clinic_engine: Engine) -> None:
    rows = worklist(clinic_engine, AS_OF, policy(), show={Show.URGENT})
    assert urgent_part(rows) == [
        ("Davis, Dan", URGENT_BY_CALCIUM),
        ("Zimmer, Zoe", URGENT_BY_CALCIUM),
    ]


def test_overdue_only(clinic_engine: Engine) -> None:
    rows = worklist(clinic_engine, AS_OF, policy(), show={Show.OVERDUE})
    assert [shown(r) for r in rows] == [r for r in OVERDUE_AND_DUE_SOON if r[2] == "overdue"]


def test_nothing_on_an_empty_database(engine: Engine) -> None:
    assert worklist(engine, AS_OF, policy(), show=ALL) == []


# --- phases ------------------------------------------------------------------------------


def maintenance_record() -> NewRecord:
    """NDMM then maintenance; last M-protein 2025-02-01, so labs are due 90 days later."""
    entries: dict[str, list[Entry]] = {
        "phase_changes": [
            phase("2023-01-10", Phase.NDMM),
            phase("2024-01-10", Phase.MAINTENANCE),
        ],
        "lab_results": [lab("2025-02-01", Analyte.SERUM_MPROTEIN, 4.0, "g/L")],
    }
    return NewRecord(patient("M", "1955-04-02", mrn="W013", name="Lopez, Leo"), entries)


def test_phase_filter(clinic_engine: Engine) -> None:
    write_records(clinic_engine, [maintenance_record()], ACTOR, today=AS_OF)
    pol = policy()
    everyone = worklist(clinic_engine, AS_OF, pol)
    smm = worklist(clinic_engine, AS_OF, pol, phases=[Phase.SMM])
    maintenance = worklist(clinic_engine, AS_OF, pol, phases=[Phase.MAINTENANCE])
    assert "Lopez, Leo" in names(everyone)
    assert "Lopez, Leo" not in names(smm)
    assert urgent_part([r for r in smm if r.item.severity is not None]) == [
        ("Davis, Dan", URGENT_BY_CALCIUM),
        ("Zimmer, Zoe", URGENT_BY_CALCIUM),
    ]
    assert [shown(r) for r in smm if r.item.severity is None] == OVERDUE_AND_DUE_SOON
    assert names(maintenance) == {"Lopez, Leo"}
    assert {r.phase for r in maintenance} == {Phase.MAINTENANCE}
    both = worklist(clinic_engine, AS_OF, pol, phases=[Phase.SMM, Phase.MAINTENANCE])
    assert both == everyone
    assert worklist(clinic_engine, AS_OF, pol, phases=[Phase.RELAPSE]) == []
    labs = worklist(clinic_engine, AS_OF, pol, phases=[Phase.MAINTENANCE], item_prefix="labs.")
    # §11 labs.monitoring: MAINTENANCE every 90 d: 2025-02-01 + 90 d = 2025-05-02, 49 days ago.
    assert [shown(r) for r in labs] == [
        ("Lopez, Leo", "labs.monitoring", "overdue", "2025-05-02", 49)
    ]


def test_phase_is_the_one_in_force_on_the_day(clinic_engine: Engine) -> None:
    write_records(clinic_engine, [maintenance_record()], ACTOR, today=AS_OF)
    pol = policy()
    # On 2023-06-01 Lopez was in NDMM (maintenance began 2024-01-10).
    rows = worklist(clinic_engine, day("2023-06-01"), pol, show=ALL)
    assert {r.phase for r in rows if r.name == "Lopez, Leo"} == {Phase.NDMM}
    ndmm = worklist(clinic_engine, day("2023-06-01"), pol, phases=[Phase.NDMM], show=ALL)
    assert names(ndmm) == {"Lopez, Leo"}


# --- D45: alerts carry the date they began and are ordered by it ------------------------


def deficient_vitamin_d_record() -> NewRecord:
    """NDMM on pamidronate with 25-OH vitamin D 30 nmol/L: `vitd.level` is an urgent alert (D9).

    A weight and a creatinine of 80 µmol/L before the first dose (CrCl about 68 mL/min,
    §9) and again before the last keep `renal.pamidronate` quiet (D35).
    """
    entries: dict[str, list[Entry]] = {
        "phase_changes": [phase("2025-01-05", Phase.NDMM)],
        "treatment_lines": [
            TreatmentLine(
                id="line-W014",
                line_number=1,
                regimen="VRd",
                intent=TreatmentIntent.INDUCTION,
                start_date=day("2025-01-10"),
            )
        ],
        "dental_exams": [
            DentalExam(id="dent-W014", date=day("2025-01-08"), outcome=DentalOutcome.FIT)
        ],
        "bone_therapy_doses": [
            BoneTherapyDose(
                id=f"dose-W014-{n}", date=day(d), agent=BoneAgent.PAMIDRONATE, dose_mg=90.0
            )
            for n, d in enumerate(["2025-05-01", "2025-05-29", "2025-06-19"])
        ],
        "weights": [weight("2025-04-20", 70.0)],
        "lab_results": [
            lab("2025-04-25", Analyte.CREATININE, 80.0, "umol/L"),
            lab("2025-06-01", Analyte.VITAMIN_D, 30.0, "nmol/L"),
            lab("2025-06-15", Analyte.CREATININE, 80.0, "umol/L"),
        ],
    }
    return NewRecord(patient("F", "1958-08-08", mrn="W014", name="Allen, Alma"), entries)


def test_d45_a_scheduled_item_alerting_shows_its_since_date_not_its_due_date(
    clinic_engine: Engine,
) -> None:
    """D45: `vitd.level` alerting (25-OH vitamin D 30 nmol/L < 50, D9) has no due date but the
    date of the result; it ties with Davis's calcium of the same day and goes by name."""
    write_records(clinic_engine, [deficient_vitamin_d_record()], ACTOR, today=AS_OF)
    rows = worklist(clinic_engine, AS_OF, policy(), show={Show.URGENT})
    allen = [r.item for r in rows if r.name == "Allen, Alma"]
    assert [(i.id, i.due, i.since) for i in allen] == [("vitd.level", None, day("2025-06-01"))]
    assert [name for name, _ in urgent_part(rows)] == ["Allen, Alma", "Davis, Dan", "Zimmer, Zoe"]


def calcium_clinic() -> list[NewRecord]:
    """SMM patients whose calcium > 2.75 mmol/L (§1a C) began their alerts on different days."""
    return [
        smm_record("C001", "Adams, Ann", pet="2025-01-10", labs="2025-06-01",
                   calcium=("2025-06-15", 3.0)),
        smm_record("C002", "Young, Yan", pet="2025-01-10", labs="2025-06-01",
                   calcium=("2025-05-02", 2.9)),
        smm_record("C003", "Moore, May", pet="2025-01-10", labs="2025-06-01",
                   calcium=("2025-06-15", 3.3)),
        smm_record("C004", "Baker, Bo", pet="2025-01-10", labs="2025-06-01",
                   calcium=("2025-06-16", 2.8)),
    ]  # fmt: skip


def test_d45_urgent_alerts_oldest_since_date_first_ties_by_name(engine: Engine) -> None:
    """§11 Worklist order, D45: urgent alerts by the date their triggering value was taken,
    oldest first, whatever the patients' names; the same date goes by name."""
    write_records(engine, calcium_clinic(), ACTOR, today=AS_OF)
    rows = worklist(engine, AS_OF, policy(), show={Show.URGENT})
    assert urgent_part(rows) == [
        ("Young, Yan", URGENT_BY_CALCIUM),  # since 2025-05-02
        ("Adams, Ann", URGENT_BY_CALCIUM),  # since 2025-06-15, ties with Moore: by name
        ("Moore, May", URGENT_BY_CALCIUM),
        ("Baker, Bo", URGENT_BY_CALCIUM),  # since 2025-06-16
    ]
    calcium = {r.name: r.item for r in rows if r.item.id == "alert.hypercalcaemia"}
    assert {name: (i.due, i.since) for name, i in calcium.items()} == {
        "Young, Yan": (None, day("2025-05-02")),
        "Adams, Ann": (None, day("2025-06-15")),
        "Moore, May": (None, day("2025-06-15")),
        "Baker, Bo": (None, day("2025-06-16")),
    }


def test_d45_urgent_alerts_keep_their_order_on_later_days(engine: Engine) -> None:
    """The since-date does not move with the day the worklist is read for (D45)."""
    write_records(engine, calcium_clinic(), ACTOR, today=AS_OF)
    later = day("2025-07-20")
    rows = worklist(engine, later, policy(), show={Show.URGENT})
    assert [name for name, _ in urgent_part(rows)] == [
        "Young, Yan",
        "Adams, Ann",
        "Moore, May",
        "Baker, Bo",
    ]
    assert {r.item.since for r in rows if r.name == "Young, Yan"} == {day("2025-05-02")}


def item(status: Status, *, severity: Severity | None = None, **dates: Any) -> CareItem:
    return CareItem("x.item", status, Message("x.message", ()), "§11", severity=severity, **dates)


def test_d45_order_key_on_hand_built_items() -> None:
    """§11 Worklist order with D45, item by item: the group, then the date within it."""
    urgent = Severity.URGENT
    old = item(Status.ALERT, severity=urgent, since=day("2025-01-01"))
    new = item(Status.ALERT, severity=urgent, since=day("2025-06-01"))
    undated = item(Status.ALERT, severity=urgent)  # errs toward showing: before every dated one
    late = item(Status.OVERDUE, due=day("2025-01-01"), days_overdue=170)
    less_late = item(Status.OVERDUE, due=day("2025-06-01"), days_overdue=19)
    soon = item(Status.DUE_SOON, due=day("2025-06-22"))
    sooner = item(Status.DUE_SOON, due=day("2025-06-21"))
    info_old = item(Status.ALERT, severity=Severity.INFO, since=day("2024-01-01"))
    info_new = item(Status.ALERT, severity=Severity.INFO, since=day("2025-02-01"))
    given = [info_new, soon, new, less_late, old, sooner, info_old, late, undated]
    ordered = sorted(given, key=lambda i: order_key(i, "Same, Name", "M1"))
    assert ordered == [undated, old, new, late, less_late, sooner, soon, info_old, info_new]
    # Ties by patient name, then MRN.
    names = sorted(["Zed", "Abe"], key=lambda n: order_key(old, n, "M1"))
    assert names == ["Abe", "Zed"]


# --- snoozed alerts ---------------------------------------------------------------------------


def test_a_snoozed_urgent_alert_leaves_the_urgent_group_until_the_snooze_ends(
    engine: Engine,
) -> None:
    """§11 Status: snoozed > alert; the real status shows again the day after ``until``."""
    snow = smm_record(
        "S001",
        "Snow, Sam",
        pet="2025-01-10",
        labs="2025-06-01",
        calcium=("2025-06-01", 3.0),
        snooze=("alert.hypercalcaemia", "2025-06-02", "2025-07-02"),
    )
    write_records(engine, [snow], ACTOR, today=AS_OF)
    pol = policy()
    urgent = worklist(engine, AS_OF, pol, show={Show.URGENT})
    assert [r.item.id for r in urgent] == ["alert.smm_mde"]  # not acknowledged
    snoozed = worklist(engine, AS_OF, pol, show={Show.SNOOZED})
    assert [(r.item.id, r.item.status.value) for r in snoozed] == [
        ("alert.hypercalcaemia", "snoozed")
    ]
    assert snoozed[0].item.status_beneath_snooze is not None
    assert snoozed[0].item.status_beneath_snooze.value == "alert"
    later = worklist(engine, day("2025-07-03"), pol, show={Show.URGENT})
    assert sorted(r.item.id for r in later) == sorted(URGENT_BY_CALCIUM)


def test_an_urgent_value_after_the_acknowledgement_is_not_snoozed(engine: Engine) -> None:
    """§11 Status: an urgent alert whose triggering value is dated after the acknowledgement."""
    snow = smm_record(
        "S002",
        "Snow, Sue",
        pet="2025-01-10",
        labs="2025-06-01",
        calcium=("2025-06-01", 3.0),
        snooze=("alert.hypercalcaemia", "2025-06-02", "2025-07-02"),
    )
    snow.entries["lab_results"].append(lab("2025-06-10", Analyte.CALCIUM, 3.2, "mmol/L"))
    write_records(engine, [snow], ACTOR, today=AS_OF)
    pol = policy()
    assert worklist(engine, AS_OF, pol, show={Show.SNOOZED}) == []
    urgent = worklist(engine, AS_OF, pol, show={Show.URGENT})
    assert sorted(r.item.id for r in urgent) == sorted(URGENT_BY_CALCIUM)


def test_a_snoozed_info_alert_is_shown_as_snoozed_only(engine: Engine) -> None:
    hale = smm_record(
        "S003",
        "Hale, Hugo",
        pet="2025-02-01",
        labs="2025-05-01",
        high_risk=True,
        snooze=("alert.smm_high_risk", "2025-06-01", "2025-06-30"),
    )
    write_records(engine, [hale], ACTOR, today=AS_OF)
    pol = policy()
    assert worklist(engine, AS_OF, pol, show={Show.INFO}) == []
    snoozed = worklist(engine, AS_OF, pol, show={Show.SNOOZED})
    assert [(r.item.id, r.item.snoozed_until) for r in snoozed] == [
        ("alert.smm_high_risk", day("2025-06-30"))
    ]
    after = worklist(engine, day("2025-07-01"), pol, show={Show.INFO})
    assert [r.item.id for r in after] == ["alert.smm_high_risk"]


def test_a_snooze_lasts_at_most_snooze_max_days(engine: Engine) -> None:
    """§11 Status: until ≤ acknowledgement date + snooze.max_days (default 90)."""
    long = smm_record(
        "S004",
        "Long, Lou",
        pet="2024-05-01",
        labs="2025-03-10",
        snooze=("imaging.smm_followup", "2025-06-01", "2025-12-31"),
    )
    write_records(engine, [long], ACTOR, today=AS_OF)
    pol = policy()
    snoozed = worklist(engine, AS_OF, pol, show={Show.SNOOZED})
    assert [r.item.snoozed_until for r in snoozed] == [day("2025-08-30")]
    assert [r.name for r in worklist(engine, day("2025-08-30"), pol, show={Show.SNOOZED})] == [
        "Long, Lou"
    ]
    back = worklist(engine, day("2025-08-31"), pol, item_prefix="imaging.")
    assert [shown(r) for r in back] == [
        ("Long, Lou", "imaging.smm_followup", "overdue", "2025-05-01", 122)
    ]


def test_the_rows_phase_is_the_one_the_assessment_uses(engine: Engine) -> None:
    """Issue 7 (How): the phase shown and filtered on is decided by the logic (§11 Phases)."""
    write_records(engine, generate_records(60, 5, AS_OF), ACTOR, today=AS_OF)
    for as_of in (AS_OF - dt.timedelta(days=400), AS_OF):
        rows = worklist(engine, as_of, policy(), show=ALL)
        shown_phase = {r.patient_id: r.phase for r in rows}
        with engine.connect() as conn:
            histories = load_histories(conn, list(shown_phase))
        assert shown_phase == {
            pid: Context(h, as_of, policy()).phases.phase for pid, h in histories.items()
        }
        for wanted in {p for p in shown_phase.values() if p is not None}:
            only = worklist(engine, as_of, policy(), show=ALL, phases=[wanted])
            assert {r.patient_id for r in only} == {
                pid for pid, p in shown_phase.items() if p is wanted
            }
