"""Python's cyclic garbage collector, run where it is safe and held off while the
window needs it off.

A collection may delete Qt objects a reference cycle held. Run at any allocation, it
can do so from inside Qt itself: in a worker thread (PySide crashed: a segmentation
fault while a task ran), or while Qt holds one of its own locks (seen hanging a test for
good: a dialog deleted by a collection inside ``QObject::disconnect``, which waited on
the lock it already held). So the window turns the automatic collector off and collects
from its event loop, between events (:func:`collect_when_idle`), as Python would have:
each generation when its count passes its threshold. A figure is drawn faster with no
collection meanwhile, and a worker task must see none: each holds the collector
(:func:`hold`) and lets go when done.
"""

from __future__ import annotations

import gc
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtCore import QCoreApplication

IDLE_COLLECTION_MS = 500  # how often the event loop looks whether a collection is due
_holds = 0
_was_enabled = False
_timer: object | None = None


def hold() -> None:
    """Keep the collector off until :func:`release` (calls nest)."""
    global _holds, _was_enabled
    if _holds == 0:
        _was_enabled = gc.isenabled()
        gc.disable()
    _holds += 1


def release() -> None:
    """Let go of one :func:`hold`; the collector runs again when none is left."""
    global _holds
    if _holds == 0:
        return
    _holds -= 1
    if _holds == 0 and _was_enabled:
        gc.enable()


def held() -> bool:
    """Whether anything holds the collector off."""
    return _holds > 0


def collect_when_idle(app: QCoreApplication) -> None:
    """Turn the automatic collector off; collect from ``app``'s event loop instead."""
    global _timer, _was_enabled
    from PySide6.QtCore import QTimer

    if _timer is not None:
        return
    gc.disable()
    _was_enabled = False  # a release() must not turn the automatic collector on again
    timer = QTimer(app)
    timer.timeout.connect(_collect_if_due)
    timer.start(IDLE_COLLECTION_MS)
    _timer = timer


def _collect_if_due() -> None:
    """Each generation whose count passed its threshold, youngest first (Python's rule)."""
    if held():
        return
    counts, thresholds = gc.get_count(), gc.get_threshold()
    for generation in range(3):
        if counts[generation] > thresholds[generation]:
            gc.collect(generation)
