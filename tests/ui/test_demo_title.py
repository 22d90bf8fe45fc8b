"""A database the demo filled says DEMO in the window's title however it is opened."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from pytestqt.qtbot import QtBot
from sqlalchemy import Engine

from mmtracker.cli import main
from mmtracker.config import sqlite_url
from mmtracker.storage.marks import mark_demo
from mmtracker.ui.app import open_main_window
from mmtracker.ui.main_window import MainWindow


def test_a_database_marked_as_demo_says_demo_without_the_demo_option(
    qtbot: QtBot, clinic: Engine, clinic_path: Path
) -> None:
    before = MainWindow(clinic, demo=False)
    qtbot.addWidget(before)
    assert "DEMO" not in before.windowTitle()
    mark_demo(clinic, "made for a test", "nurse@test")
    after = MainWindow(clinic, demo=False)
    qtbot.addWidget(after)
    assert after.windowTitle() == f"mmtracker — DEMO — {clinic_path}"


def test_a_database_filled_by_the_demo_command_opens_as_a_demo(
    qtbot: QtBot, tmp_path: Path, today: dt.date
) -> None:
    path = tmp_path / "training.sqlite"
    url = sqlite_url(path)
    assert main(["demo", "--database", url, "--patients", "3", "--as-of", today.isoformat()]) == 0
    window = open_main_window(url, False, today, offer_demo=True)
    qtbot.addWidget(window)
    qtbot.waitUntil(window.is_open)  # the database opens off the GUI thread
    assert window.windowTitle() == f"mmtracker — DEMO — {path}"
