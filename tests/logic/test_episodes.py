"""Treatment episodes, D22: what response, progression and bone therapy count from."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from bone_builders import history
from builders import day, phase

from mmtracker.logic.codes import Phase, TreatmentIntent
from mmtracker.logic.episodes import Episode, episodes
from mmtracker.logic.history import TreatmentLine

_ids = itertools.count(1)


def line(start: str, intent: str, number: int = 1) -> TreatmentLine:
    return TreatmentLine(
        id=f"line-{next(_ids):03d}",
        line_number=number,
        regimen="regimen",
        intent=TreatmentIntent(intent),
        start_date=day(start),
    )


def current_episode(*entries: object) -> Episode:
    """The episode in force (as ``Context.episode`` gives it): the latest one."""
    return episodes(history(*entries))[-1]


def starts(*entries: object) -> list[dt.date]:
    return [e.start for e in episodes(history(*entries))]


def test_d22_maintenance_and_consolidation_continue_the_episode_whatever_their_number() -> None:
    found = episodes(
        history(
            phase("2025-01-01", Phase.NDMM),
            line("2025-01-05", "induction", 1),
            phase("2025-06-01", Phase.ASCT),
            line("2025-08-01", "consolidation", 2),
            phase("2025-10-01", Phase.MAINTENANCE),
            line("2025-10-01", "maintenance", 2),
        )
    )
    assert len(found) == 1
    assert found[0].start == day("2025-01-01")
    assert found[0].first_line is not None
    assert found[0].first_line.intent is TreatmentIntent.INDUCTION
    assert len(found[0].lines) == 3


@pytest.mark.parametrize(
    ("offset", "together"),
    [
        pytest.param(-31, False, id="D22 line 31 d before the phase start"),
        pytest.param(-30, True, id="D22 line 30 d before the phase start"),
        pytest.param(30, True, id="D22 line 30 d after the phase start"),
        pytest.param(31, False, id="D22 line 31 d after the phase start"),
    ],
)
def test_d22_a_relapse_phase_and_a_salvage_line_within_30_days_are_one_episode(
    offset: int, together: bool
) -> None:
    relapse = dt.date(2026, 3, 1)
    salvage = (relapse + dt.timedelta(days=offset)).isoformat()
    found = starts(
        phase("2025-01-01", Phase.NDMM),
        line("2025-01-05", "induction"),
        phase(relapse.isoformat(), Phase.RELAPSE, 2),
        line(salvage, "salvage", 2),
    )
    if together:
        assert found == [day("2025-01-01"), min(relapse, day(salvage))]
    else:
        assert found == [day("2025-01-01"), *sorted([relapse, day(salvage)])]


def test_d22_the_episode_starts_at_the_earlier_of_line_and_phase_whatever_the_entry_order() -> None:
    found = current_episode(
        phase("2026-03-10", Phase.RELAPSE, 2),
        line("2026-03-01", "salvage", 2),
        phase("2025-01-01", Phase.NDMM),
    )
    assert found.start == day("2026-03-01")
    assert found.phase is not None
    assert found.phase.phase is Phase.RELAPSE
    assert not found.salvage_without_relapse


def test_d22_a_salvage_line_without_a_relapse_phase_opens_an_episode_and_asks_for_the_phase() -> (
    None
):
    found = current_episode(
        phase("2025-01-01", Phase.NDMM),
        line("2025-01-05", "induction"),
        line("2026-05-01", "salvage", 2),
    )
    assert found.start == day("2026-05-01")
    assert found.salvage_without_relapse


def test_d22_a_regimen_switch_inside_an_episode_does_not_open_another() -> None:
    assert starts(
        phase("2025-01-01", Phase.NDMM),
        line("2025-01-05", "induction"),
        line("2025-04-01", "induction", 2),
    ) == [day("2025-01-01")]


def test_d22_a_transferred_in_patient_starts_at_the_first_active_phase() -> None:
    found = episodes(
        history(phase("2025-09-01", Phase.MAINTENANCE), line("2025-09-01", "maintenance"))
    )
    assert [(e.start, e.transferred_in) for e in found] == [(day("2025-09-01"), True)]


def test_d22_smm_alone_has_no_episode() -> None:
    assert episodes(history(phase("2025-01-01", Phase.SMM))) == ()
