"""The care items implemented are exactly those of clinical-rules.md §11, and the worked
vignettes take each of them through every status it can have.

The §11 Id column is read from ``clinical-rules.md`` beside the repository
(``<repo>/../shared/clinical-rules.md``); where that file is absent the ids are
compared with ``SECTION_11_IDS``, a copy of the column kept in this file (and
checked against the file whenever it is there).

Statuses: every vignette of ``test_course_vignettes`` is assessed on every day of
its span. A scheduled item must reach not_applicable, ok, due_soon and overdue; an
alert item not_applicable, ok and alert. ``snoozed`` is reached by acknowledging
each item on the first vignette day it applies. What an item cannot reach by its
definition:

- alert items (§11 rows with no "Satisfied by": a value raises them) have no due
  date, so never due_soon or overdue;
- scheduled items never alert, except ``vitd.level`` (D9: < 50 nmol/L is urgent);
- ``alert.onj_risk`` applies only while an invasive dental procedure is open and then
  always raises its info alert, so it is never ``ok``;
- ``asct.conditioning_note`` applies only while a planned transplant is pending and
  then always shows its info note, so it is never ``ok``.
"""

from __future__ import annotations

import datetime as dt
import importlib
import re
from collections import defaultdict
from dataclasses import replace
from functools import cache
from pathlib import Path

import pytest
from test_course_vignettes import VIGNETTES as COURSE_VIGNETTES
from test_course_vignettes import Vignette, ack

from mmtracker.logic.care import Status
from mmtracker.logic.dates import add_days
from mmtracker.logic.items import ITEM_ORDER, RULES

RULES_FILE = Path(__file__).resolve().parents[3] / "shared" / "clinical-rules.md"


def _all_vignettes() -> dict[str, Vignette]:
    """The course vignettes and those of every ``vignettes_*.py`` module beside this file."""
    found = dict(COURSE_VIGNETTES)
    for path in sorted(Path(__file__).parent.glob("vignettes_*.py")):
        found.update(importlib.import_module(path.stem).VIGNETTES)
    return found


VIGNETTES = _all_vignettes()

# The Id column of clinical-rules.md §11 "Items", in its order.
SECTION_11_IDS = (
    "workup.staging",
    "imaging.baseline",
    "imaging.smm_mri",
    "imaging.smm_followup",
    "imaging.pre_asct_pet",
    "bta.start",
    "bta.next_dose",
    "bta.review",
    "dental.before_bta",
    "dental.periodic",
    "renal.before_bisphosphonate",
    "renal.za_dose",
    "calcium.before_denosumab",
    "alert.hypocalcaemia",
    "supplement.ca_vitd",
    "vitd.level",
    "denosumab.bridge",
    "alert.onj_risk",
    "labs.monitoring",
    "smm.risk",
    "mrd.end_of_induction",
    "mrd.pre_asct",
    "mrd.day100",
    "mrd.annual",
    "alert.hypercalcaemia",
    "alert.smm_mde",
    "alert.smm_high_risk",
    "alert.pangea_evolving",
    "alert.progression",
    "asct.conditioning_note",
    "record.phase",
    "record.treatment_line",
    "bta.resume",
    "renal.pamidronate",
    "alert.mrd_lost",
    "asct.outcome",
)
# §11 rows whose "Satisfied by" is "—": a value raises them, nothing satisfies them.
ALERT_ITEMS = frozenset(
    {
        "renal.za_dose",
        "alert.hypocalcaemia",
        "alert.onj_risk",
        "alert.hypercalcaemia",
        "alert.smm_mde",
        "alert.smm_high_risk",
        "alert.pangea_evolving",
        "alert.progression",
        "asct.conditioning_note",
        "renal.pamidronate",
        "alert.mrd_lost",
    }
)

NA, OK, SOON, LATE, ALERT, SNOOZED = (
    Status.NOT_APPLICABLE,
    Status.OK,
    Status.DUE_SOON,
    Status.OVERDUE,
    Status.ALERT,
    Status.SNOOZED,
)
SCHEDULED = frozenset({NA, OK, SOON, LATE})
ALERTING = frozenset({NA, OK, ALERT})
NEVER_OK = frozenset({"alert.onj_risk", "asct.conditioning_note"})


def possible(item_id: str) -> frozenset[Status]:
    """The statuses an item can have by its §11 definition, snoozed aside (see the docstring)."""
    if item_id in NEVER_OK:
        return ALERTING - {OK}
    if item_id in ALERT_ITEMS:
        return ALERTING
    if item_id == "vitd.level":
        return SCHEDULED | {ALERT}
    return SCHEDULED


def section_11_rows(text: str) -> list[list[str]]:
    """The cells of each row of the §11 Items table."""
    section = text.split("\n### Items", 1)[1].split("\n---", 1)[0]
    return [
        [cell.strip() for cell in line.strip().strip("|").split("|")]
        for line in section.splitlines()
        if line.startswith("| `")
    ]


def row_id(cells: list[str]) -> str:
    found = re.match(r"`([a-z0-9_.]+)`", cells[0])  # a renamed id names its old one after it
    assert found is not None, cells[0]
    return found[1]


def test_the_copy_of_the_id_column_matches_clinical_rules() -> None:
    if not RULES_FILE.exists():
        pytest.skip(f"{RULES_FILE} is not here; the copy stands in for it")
    rows = section_11_rows(RULES_FILE.read_text(encoding="utf-8"))
    assert tuple(row_id(cells) for cells in rows) == SECTION_11_IDS
    assert {row_id(cells) for cells in rows if cells[2] == "—"} == ALERT_ITEMS


def test_implemented_item_ids_equal_the_section_11_id_column() -> None:
    if RULES_FILE.exists():
        expected = tuple(row_id(c) for c in section_11_rows(RULES_FILE.read_text(encoding="utf-8")))
    else:
        expected = SECTION_11_IDS
    assert expected == ITEM_ORDER
    assert tuple(rule.id for rule in RULES) == expected


# --- Statuses reached in the vignettes ---------------------------------------------------

Sweep = dict[str, dict[dt.date, dict[str, Status]]]


def days(vignette: Vignette) -> list[dt.date]:
    count = (vignette.end - vignette.start).days + 1
    return [add_days(vignette.start, n) for n in range(count)]


@cache
def sweep() -> Sweep:
    """Every item's status on every day of every vignette."""
    return {
        name: {on: {i.id: i.status for i in v.assess(on).items} for on in days(v)}
        for name, v in VIGNETTES.items()
    }


@cache
def reached() -> dict[str, frozenset[Status]]:
    found: dict[str, set[Status]] = defaultdict(set)
    for by_day in sweep().values():
        for statuses in by_day.values():
            for item_id, status in statuses.items():
                found[item_id].add(status)
    return {item_id: frozenset(found[item_id] - {SNOOZED}) for item_id in ITEM_ORDER}


@pytest.mark.parametrize("item_id", ITEM_ORDER)
def test_the_vignettes_reach_every_status_the_item_can_take(item_id: str) -> None:
    assert sorted(reached()[item_id]) == sorted(possible(item_id))


def first_applicable(item_id: str) -> tuple[Vignette, dt.date, Status]:
    """The first vignette day on which the item applies and is not snoozed."""
    for name, by_day in sweep().items():
        for on, statuses in by_day.items():
            if statuses[item_id] not in (NA, SNOOZED):
                return VIGNETTES[name], on, statuses[item_id]
    raise AssertionError(f"{item_id} never applies in the vignettes")


@pytest.mark.parametrize("item_id", ITEM_ORDER)
def test_every_item_is_snoozed_by_an_acknowledgement_and_shows_again_after_it(
    item_id: str,
) -> None:
    """§11 Status: snoozed on the day acknowledged (``until`` that day), the real status the next."""
    vignette, on, _ = first_applicable(item_id)
    snoozed = replace(vignette, entries=(*vignette.entries, ack(item_id, on, on)))
    item = snoozed.items(on)[item_id]
    assert (item.status, item.snoozed_until) == (SNOOZED, on)
    after = add_days(on, 1)
    assert snoozed.items(after)[item_id].status is vignette.items(after)[item_id].status
