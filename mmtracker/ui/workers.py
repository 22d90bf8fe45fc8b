"""The one worker helper: work that can take longer than a blink runs off the GUI thread.

Screens call :func:`run_task` with the work (a function of a progress callback) and
what to do with its result or its error; both are called back on the GUI thread,
and only while the screen that asked (``owner``) still exists. :data:`busy` counts
the tasks running, for the window's busy indicator. Nothing else in the UI starts
a thread.
"""

from __future__ import annotations

import atexit
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QObject, QThread, Signal, Slot
from shiboken6 import isValid

from mmtracker.ui import collector

T = TypeVar("T")
Progress = Callable[[int, int], None]
"""Called by the work with (done, total) as it goes."""


class Cancelled(Exception):
    """Raised inside the work by its progress callback once cancelling was asked for."""


class _Busy(QObject):
    """How many tasks are running; ``changed`` gives the new count."""

    changed = Signal(int)

    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def add(self, step: int) -> None:
        self.count += step
        self.changed.emit(self.count)


_busy: _Busy | None = None


def busy() -> _Busy:
    """The count of running tasks (created on first use, in the GUI thread)."""
    global _busy
    if _busy is None:
        _busy = _Busy()
    return _busy


_running: set[Task] = set()  # a running task lives on even if whoever started it goes


class Task(QThread):
    """Runs ``work(progress)`` in a thread of its own and reports by signals.

    The signals reach the objects connected to them in their own (GUI) thread;
    a receiver deleted meanwhile is simply no longer told. ``work`` is cancelled
    at its next progress report after :meth:`cancel`; work done before that
    report stays done. A task has no parent: it is kept until its thread ends,
    then goes with the last reference to it. Screens start tasks with
    :func:`run_task`.
    """

    progress = Signal(int, int)
    """(done, total) as the work reports them."""
    succeeded = Signal(object)
    """The work's result."""
    failed = Signal(str)
    """Why the work failed (not emitted when it was cancelled)."""

    def __init__(self, work: Callable[[Progress], object]) -> None:
        super().__init__()
        self._work = work
        self._cancelled = False
        self.delivery: QObject | None = None  # whoever hands the result on (run_task)

    def start_work(self) -> None:
        """Start the thread; the task is kept alive until it ends."""
        _running.add(self)
        busy().add(1)
        collector.hold()  # no cyclic collection in the worker thread (mmtracker/ui/collector.py)
        self.finished.connect(self._forget)  # after every other receiver of finished
        self.start()

    def _forget(self) -> None:
        """Let go of the task once its thread has really ended (``finished`` comes just before)."""
        self.wait()
        _running.discard(self)
        busy().add(-1)
        collector.release()

    def cancel(self) -> None:
        """Ask the work to stop at its next progress report."""
        self._cancelled = True

    def _report(self, done: int, total: int) -> None:
        if self._cancelled:
            raise Cancelled
        self.progress.emit(done, total)

    def run(self) -> None:
        """The thread's body: the work, then one of the result signals."""
        try:
            result = self._work(self._report)
        except Cancelled:
            return
        except Exception as exc:  # shown to the user; the window stays usable
            from mmtracker.ui.user_forms import failure_text

            self.failed.emit(failure_text(exc))
            return
        self.succeeded.emit(result)


def stop_all() -> None:
    """Cancel every running task and wait until its thread has ended (the window closing).

    A QThread still running when it is destroyed aborts the process. It also runs as the
    interpreter exits: a task started after the window closed (by a result delivered then)
    is waited for too.
    """
    for task in list(_running):
        task.cancel()
    for task in list(_running):
        task.wait()


atexit.register(stop_all)


class _Delivery(QObject):
    """Hands a task's result to the callbacks, on the GUI thread, while ``owner`` lives.

    It has no parent, lives in the GUI thread, and goes with its task: deleting it
    while the task's signals may still reach it could crash PySide.
    """

    def __init__(
        self,
        owner: QObject,
        done: Callable[[Any], None],
        failed: Callable[[str], None] | None,
        progress: Progress | None,
        ended: Callable[[], None] | None,
    ) -> None:
        super().__init__()
        self._owner = owner
        self._done, self._failed, self._progress = done, failed, progress
        self._ended = ended

    @Slot(object)
    def succeeded(self, result: object) -> None:
        if isValid(self._owner):
            self._done(result)

    @Slot(str)
    def failed(self, error: str) -> None:
        if self._failed is not None and isValid(self._owner):
            self._failed(error)

    @Slot(int, int)
    def progressed(self, done: int, total: int) -> None:
        if self._progress is not None and isValid(self._owner):
            self._progress(done, total)

    @Slot()
    def finished(self) -> None:
        if self._ended is not None and isValid(self._owner):
            self._ended()


def run_task(
    owner: QObject,
    work: Callable[[Progress], T],
    done: Callable[[T], None],
    failed: Callable[[str], None] | None = None,
    progress: Progress | None = None,
    ended: Callable[[], None] | None = None,
) -> Task:
    """Run ``work`` off the GUI thread; then ``done(result)`` or ``failed(message)`` on it.

    ``ended`` is called last, however the work ended (done, failed or cancelled). The
    callbacks are not called once ``owner`` is deleted. The returned task can be
    cancelled (at the work's next progress report) or waited for.
    """
    delivery = _Delivery(owner, done, failed, progress, ended)
    task = Task(work)
    task.succeeded.connect(delivery.succeeded)
    task.failed.connect(delivery.failed)
    task.progress.connect(delivery.progressed)
    task.finished.connect(delivery.finished)
    task.delivery = delivery  # kept while the task is
    task.start_work()
    return task
