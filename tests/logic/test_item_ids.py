"""The care items implemented are exactly those of clinical-rules.md §11, and the worked
vignettes take each of them through every status it can have.

The §11 ids are read from the repository's rules reference,
``docs/clinical-reference.md`` (§11 Items: one ``#### `id``` heading per item, in
order; an item with a "Raises:" line instead of "Satisfied by:" is an alert item).

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

REFERENCE = Path(__file__).resolve().parents[2] / "docs" / "clinical-reference.md"


def _all_vignettes() -> dict[str, Vignette]:
    """The course vignettes and those of every ``vignettes_*.py`` module beside this file."""
    found = dict(COURSE_VIGNETTES)
    for path in sorted(Path(__file__).parent.glob("vignettes_*.py")):
        found.update(importlib.import_module(path.stem).VIGNETTES)
    return found


VIGNETTES = _all_vignettes()

# §11 items that a value raises and nothing satisfies (the reference's "Raises:" items).
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


def reference_items() -> list[tuple[str, str]]:
    """(id, text) of each item of the reference's §11 Items, in its order."""
    text = REFERENCE.read_text(encoding="utf-8")
    section = text.split("\n### Items\n", 1)[1]
    section = re.split(r"\n#{2,3} ", section, maxsplit=1)[0]
    found = []
    for block in section.split("\n#### ")[1:]:
        heading = re.match(r"`([a-z0-9_.]+)`", block)
        assert heading is not None, block[:80]
        found.append((heading[1], block))
    return found


def test_implemented_item_ids_equal_the_reference_in_its_order() -> None:
    expected = tuple(item_id for item_id, _ in reference_items())
    assert len(expected) == 36
    assert expected == ITEM_ORDER
    assert tuple(rule.id for rule in RULES) == expected


def test_the_alert_items_are_those_the_reference_has_raised() -> None:
    raised = {
        item_id
        for item_id, block in reference_items()
        if re.search(r"^- Raises:", block, re.MULTILINE)
    }
    satisfied = {
        item_id
        for item_id, block in reference_items()
        if re.search(r"^- Satisfied by:", block, re.MULTILINE)
    }
    assert raised == ALERT_ITEMS
    assert raised.isdisjoint(satisfied)
    assert raised | satisfied == set(ITEM_ORDER)


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
