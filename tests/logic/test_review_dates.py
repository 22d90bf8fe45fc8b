"""Issue class 10, D45: an alert carries the date it began, never a due date a year ahead."""

from __future__ import annotations

from bone_builders import ZA, day, dose, history, item, phase, vitamin_d

from mmtracker.logic.care import Severity, Status


def test_class_10_d45_a_deficient_vitamin_d_shows_since_its_result_not_the_next_due_date() -> None:
    """D9 < 50 nmol/L is urgent; D45: "since" the result's date, no due date (once 12 mo ahead)."""
    record = history(phase("2026-01-02"), dose("2026-01-10", ZA), vitamin_d("2026-02-05", 40.0))
    found = item("vitd.level", record, "2026-02-06")
    assert (found.status, found.severity) == (Status.ALERT, Severity.URGENT)
    assert found.due is None
    assert found.since == day("2026-02-05")


def test_d45_the_same_item_scheduled_shows_its_due_date_and_no_since_date() -> None:
    """D45: vitd.level when not alerting is a scheduled item: due last result + 12 months (D9)."""
    record = history(phase("2026-01-02"), dose("2026-01-10", ZA), vitamin_d("2026-02-05", 80.0))
    found = item("vitd.level", record, "2026-02-06")
    assert found.status is Status.OK
    assert found.due == day("2027-02-05")
    assert found.since is None
