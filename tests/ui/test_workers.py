"""The one worker helper: results and errors come back on the GUI thread, while the owner lives."""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject
from pytestqt.qtbot import QtBot

from mmtracker.ui.workers import Progress, busy, run_task


def test_the_result_comes_back_on_the_gui_thread_then_ended(qtbot: QtBot) -> None:
    owner = QObject()
    seen: list[tuple[str, object, bool]] = []
    worker_threads: list[threading.Thread] = []

    def work(progress: Progress) -> int:
        worker_threads.append(threading.current_thread())
        progress(1, 2)
        return 42

    def on_gui(what: str, value: object) -> None:
        seen.append((what, value, threading.current_thread() is threading.main_thread()))

    run_task(
        owner,
        work,
        lambda result: on_gui("done", result),
        lambda error: on_gui("failed", error),
        lambda done, total: on_gui("progress", (done, total)),
        lambda: on_gui("ended", None),
    )
    qtbot.waitUntil(lambda: len(seen) == 3)
    assert seen == [("progress", (1, 2), True), ("done", 42, True), ("ended", None, True)]
    assert worker_threads[0] is not threading.main_thread()


def test_an_error_is_handed_back_as_its_message(qtbot: QtBot) -> None:
    owner = QObject()
    errors: list[str] = []

    def work(_progress: Progress) -> None:
        raise OSError("disk full")

    run_task(owner, work, lambda _result: None, errors.append)
    qtbot.waitUntil(lambda: errors == ["disk full"])


def test_nothing_is_handed_to_an_owner_deleted_meanwhile(qtbot: QtBot) -> None:
    owner = QObject()
    release = threading.Event()
    called: list[object] = []
    task = run_task(owner, lambda _p: release.wait(5), called.append, called.append)
    owner.deleteLater()
    qtbot.wait(20)  # the owner is deleted
    release.set()
    qtbot.waitUntil(lambda: not task.isRunning())
    qtbot.wait(50)  # what the task sent has been handled
    assert called == []


def test_busy_counts_the_running_tasks(qtbot: QtBot) -> None:
    owner = QObject()
    release = threading.Event()
    before = busy().count
    run_task(owner, lambda _p: release.wait(5), lambda _r: None)
    assert busy().count == before + 1
    release.set()
    qtbot.waitUntil(lambda: busy().count == before)


def test_no_cyclic_collection_runs_while_a_task_does(qtbot: QtBot) -> None:
    """A cycle holding Qt objects collected in the worker thread would delete them there."""
    import gc

    from mmtracker.ui import collector

    assert not collector.held()
    owner = QObject()
    release = threading.Event()
    seen: list[bool] = []

    def work(_progress: Progress) -> None:
        seen.append(gc.isenabled() or not collector.held())
        release.wait(10)

    ended: list[bool] = []
    run_task(owner, work, lambda _r: None, ended=lambda: ended.append(True))
    qtbot.waitUntil(lambda: bool(seen))
    assert seen == [False]  # neither Python's automatic collection nor the window's
    assert collector.held()
    release.set()
    qtbot.waitUntil(lambda: bool(ended) and busy().count == 0)
    qtbot.waitUntil(lambda: not collector.held())


def test_a_task_running_as_the_program_ends_is_waited_for() -> None:
    """A result delivered after the window closed may start a read; the interpreter's exit
    waits for it instead of destroying its running thread (which aborts the process)."""
    import os
    import subprocess
    import sys
    import textwrap

    script = textwrap.dedent(
        """
        import time
        from PySide6.QtCore import QObject
        from PySide6.QtWidgets import QApplication
        from mmtracker.ui.workers import run_task

        app = QApplication([])
        owner = QObject()
        run_task(owner, lambda _progress: time.sleep(0.5), lambda _result: None)
        print("exiting with a task running", flush=True)
        """
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert "Destroyed while thread" not in done.stderr
