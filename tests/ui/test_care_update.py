"""The window brings stale care-item state up to date off the GUI thread (issue 7, How).

After an upgrade of the rules every patient's stored state is stale (the rules
version is part of the policy digest); re-assessing a clinic takes seconds, so
the window does it in a worker thread with a progress bar and stays usable
meanwhile. The clinic policy file's warnings (D37 alias) show in the status bar.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from logic.builders import policy
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine

from mmtracker.config import paths, sqlite_url
from mmtracker.logic.policy import Policy
from mmtracker.storage import state, worklist
from mmtracker.storage.engine import StorageError
from mmtracker.ui.app import open_main_window
from mmtracker.ui.main_window import MainWindow
from mmtracker.ui.workers import Cancelled

Progress = Callable[[int, int], None]
WAIT_MS = 30_000


@dataclass
class HeldRefresh:
    """Stands in for ``state.refresh_stale``: reports (1, 3), then waits until released."""

    release: threading.Event = field(default_factory=threading.Event)
    threads: list[threading.Thread] = field(default_factory=list)
    days: list[dt.date] = field(default_factory=list)
    cancelled: bool = False

    def __call__(self, _engine: Engine, as_of: dt.date, _pol: Policy, progress: Progress) -> int:
        self.threads.append(threading.current_thread())
        self.days.append(as_of)
        progress(1, 3)
        while not self.release.wait(0.01):
            try:
                progress(1, 3)
            except Cancelled:
                self.cancelled = True
                raise
        progress(3, 3)
        return 3


@pytest.fixture
def held(monkeypatch: pytest.MonkeyPatch) -> Iterator[HeldRefresh]:
    fake = HeldRefresh()
    # The worklist's read after an update keeps the real one (it finds nothing stale then).
    monkeypatch.setattr(worklist, "refresh_stale", state.refresh_stale)
    monkeypatch.setattr(state, "refresh_stale", fake)
    yield fake
    fake.release.set()


def open_window(qtbot: QtBot, engine: Engine, day: list[dt.date], pol: Policy) -> MainWindow:
    window = MainWindow(engine, demo=False, today=lambda: day[0], policy=pol)
    qtbot.addWidget(window)
    window.show()
    return window


def done(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: not window.care_update_running(), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: not window.care_progress.isVisible(), timeout=WAIT_MS)


def test_the_window_is_usable_while_the_stale_care_items_are_updated(
    qtbot: QtBot, clinic: Engine, today: dt.date, held: HeldRefresh
) -> None:
    window = open_window(qtbot, clinic, [today], policy())
    # The window is built and shown while the update still waits: nothing blocked on it.
    assert window.care_update_running()
    assert window.care_progress.isVisible()
    qtbot.waitUntil(lambda: window.care_progress.value() == 1, timeout=WAIT_MS)
    assert window.care_progress.maximum() == 3
    assert window.care_progress.format() == "Updating care items: 1 of 3"
    qtbot.keyClicks(window.patients.search_box, "alice")
    assert window.patients.model.rowCount() == 1
    held.release.set()
    done(qtbot, window)
    assert held.days == [today]
    assert [t is threading.main_thread() for t in held.threads] == [False]


def test_the_stale_care_items_are_re_assessed_in_the_background(
    qtbot: QtBot, clinic: Engine, today: dt.date
) -> None:
    pol = policy()
    with clinic.connect() as conn:
        stale = state.stale_patients(conn, today, pol)
    assert len(stale) == 3, "the clinic's patients were written without an assessment"
    window = open_window(qtbot, clinic, [today], pol)
    done(qtbot, window)
    with clinic.connect() as conn:
        assert state.stale_patients(conn, today, pol) == []
    assert window.statusBar().currentMessage() == ""


def test_a_failed_update_is_reported_and_tried_again_at_the_next_poll(
    qtbot: QtBot, clinic: Engine, today: dt.date, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[dt.date] = []

    def unreachable(_engine: Engine, as_of: dt.date, _pol: Policy, _progress: Progress) -> int:
        calls.append(as_of)
        raise StorageError("server closed the connection")

    # The worklist's read after an update keeps the real one (it finds nothing stale then).
    monkeypatch.setattr(worklist, "refresh_stale", state.refresh_stale)
    monkeypatch.setattr(state, "refresh_stale", unreachable)
    window = open_window(qtbot, clinic, [today], policy())
    qtbot.waitUntil(lambda: bool(window.statusBar().currentMessage()), timeout=WAIT_MS)
    assert window.statusBar().currentMessage() == (
        "The care items could not be brought up to date: server closed the connection"
    )
    done(qtbot, window)
    window.poll()
    done(qtbot, window)
    assert calls == [today, today]


def test_once_up_to_date_a_day_needs_no_more_updates_until_the_day_turns(
    qtbot: QtBot, clinic: Engine, today: dt.date, held: HeldRefresh
) -> None:
    held.release.set()
    day = [today]
    window = open_window(qtbot, clinic, day, policy())
    done(qtbot, window)
    window.poll()
    assert not window.care_update_running()
    day[0] = today + dt.timedelta(days=1)
    window.poll()
    done(qtbot, window)
    assert held.days == [today, today + dt.timedelta(days=1)]


def test_a_day_turning_during_an_update_is_caught_up_when_it_ends(
    qtbot: QtBot, clinic: Engine, today: dt.date, held: HeldRefresh
) -> None:
    day = [today]
    window = open_window(qtbot, clinic, day, policy())
    qtbot.waitUntil(lambda: held.days == [today], timeout=WAIT_MS)  # the update has begun
    day[0] = today + dt.timedelta(days=1)
    window.poll()  # an update is running: no second one meanwhile
    assert held.days == [today]
    held.release.set()
    qtbot.waitUntil(lambda: len(held.days) == 2, timeout=WAIT_MS)
    done(qtbot, window)
    assert held.days == [today, today + dt.timedelta(days=1)]


def test_closing_the_window_stops_the_update(
    qtbot: QtBot, clinic: Engine, today: dt.date, held: HeldRefresh
) -> None:
    window = open_window(qtbot, clinic, [today], policy())
    qtbot.waitUntil(lambda: window.care_progress.value() == 1, timeout=WAIT_MS)
    window.close()
    assert held.cancelled
    assert not window.care_update_running()


def test_without_a_policy_the_window_leaves_the_stored_state_alone(
    qtbot: QtBot, clinic: Engine, today: dt.date
) -> None:
    window = MainWindow(clinic, demo=False, today=lambda: today)
    qtbot.addWidget(window)
    assert not window.care_update_running()
    assert not window.care_progress.isVisible()
    with clinic.connect() as conn:
        assert len(state.stale_patients(conn, today, policy())) == 3


def test_d37_policy_warnings_show_in_the_status_bar(
    qtbot: QtBot, clinic: Engine, today: dt.date, held: HeldRefresh
) -> None:
    held.release.set()
    old_key = policy(**{"denosumab.lapse_weeks": 6})
    window = open_window(qtbot, clinic, [today], old_key)
    assert window.policy_label.isVisible()
    assert window.policy_label.text() == "Policy file: 1 warning(s)"
    assert "denosumab.lapse_weeks = 6 is read as bta.lapse_days = 42" in (
        window.policy_label.toolTip()
    )
    done(qtbot, window)
    quiet = open_window(qtbot, clinic, [today], policy())
    assert not quiet.policy_label.isVisible()
    done(qtbot, quiet)


def test_the_app_brings_the_care_items_up_to_date_under_the_clinic_policy(
    qtbot: QtBot, clinic_path: Path, today: dt.date, held: HeldRefresh
) -> None:
    """The clinic policy file of the settings folder, D37 alias included, reaches the window."""
    held.release.set()
    (paths().config / "policy.toml").write_text('"denosumab.lapse_weeks" = 6\n', encoding="utf-8")
    window = open_main_window(sqlite_url(clinic_path), False, today, offer_demo=True)
    qtbot.addWidget(window)
    qtbot.waitUntil(window.is_open, timeout=WAIT_MS)  # the database opens off the GUI thread
    done(qtbot, window)
    assert held.days == [dt.date.today()]  # the window's day is the clock's
    assert window.policy_label.isVisibleTo(window)
    window.close()


def test_a_refused_clinic_policy_is_explained_and_the_window_opens_without_updates(
    qtbot: QtBot,
    clinic_path: Path,
    today: dt.date,
    held: HeldRefresh,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    warned: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "warning", lambda _parent, title, text: warned.append(f"{title}: {text}")
    )
    (paths().config / "policy.toml").write_text(
        '"denosumab.lapse_weeks" = 6\n"bta.lapse_days" = 28\n', encoding="utf-8"
    )
    window = open_main_window(sqlite_url(clinic_path), False, today, offer_demo=True)
    qtbot.addWidget(window)
    qtbot.waitUntil(window.is_open, timeout=WAIT_MS)  # the database opens off the GUI thread
    assert len(warned) == 1
    assert warned[0].startswith("The clinic policy file was refused: ")
    assert "denosumab.lapse_weeks" in warned[0]
    assert not window.care_update_running()
    assert held.days == []
    window.close()
