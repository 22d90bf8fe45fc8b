"""The one worker helper: work that can take longer than a blink runs off the GUI thread."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QThread, Signal

Progress = Callable[[int, int], None]
"""Called by the work with (done, total) as it goes."""


class Cancelled(Exception):
    """Raised inside the work by its progress callback once cancelling was asked for."""


_running: set[Task] = set()  # a running task lives on even if whoever started it goes


class Task(QThread):
    """Runs ``work(progress)`` in a thread of its own and reports by signals.

    The signals reach the objects connected to them in their own (GUI) thread;
    a receiver deleted meanwhile is simply no longer told. ``work`` is cancelled
    at its next progress report after :meth:`cancel`; work done before that
    report stays done. A task has no parent: it is kept until its thread ends,
    then goes with the last reference to it.
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
        self.finished.connect(self._forget)

    def start_work(self) -> None:
        """Start the thread; the task is kept alive until it ends."""
        _running.add(self)
        self.start()

    def _forget(self) -> None:
        """Let go of the task once its thread has really ended (``finished`` comes just before)."""
        self.wait()
        _running.discard(self)

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
            self.failed.emit(str(exc) or type(exc).__name__)
            return
        self.succeeded.emit(result)
