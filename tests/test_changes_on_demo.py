"""Finding.changes_on and state_valid_until on the synthetic demo population.

200 demo patients, each swept day by day over a window of its course (a new Context
every day, every day a start date; see tests/logic/changes_on_sweep.py): the windows
lie 20, 10 and 4 months before the demo's date and from that date on, where only the
passage of time changes anything. Kept apart from tests/logic because the demo
generator lives outside the logic layer.
"""

from __future__ import annotations

import datetime as dt

import pytest
from logic.builders import policy
from logic.changes_on_sweep import SweepStats, sweep

from mmtracker.demo import generate_records
from mmtracker.logic.history import build_history

DEMO_DATE = dt.date(2026, 1, 15)
PATIENTS = 200
SEED = 20260115
# (first day, days swept) of each group of patients, from the demo's date.
WINDOWS = ((-600, 150), (-300, 150), (-120, 150), (0, 300))


@pytest.mark.slow
def test_valid_until_holds_for_every_day_of_the_demo_population() -> None:
    pol = policy()
    total = SweepStats()
    for number, record in enumerate(generate_records(PATIENTS, SEED, DEMO_DATE)):
        offset, length = WINDOWS[number % len(WINDOWS)]
        first = DEMO_DATE + dt.timedelta(days=offset)
        last = first + dt.timedelta(days=length - 1)
        total.add(sweep(build_history(record.patient, record.entries), first, last, pol))
    assert total.histories == PATIENTS
    # valid_until is early only where an entry is revealed that changes no finding.
    assert total.early_rule == 0
    assert total.exact > 0
    for item_id in (
        "bta.next_dose",
        "renal.before_bisphosphonate",
        "mrd.day100",
        "denosumab.bridge",
    ):
        assert total.rule_exact[item_id] > 0, item_id
