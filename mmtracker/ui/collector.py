"""Python's cyclic garbage collector, held off while the window needs it off.

Two needs share it. A worker thread must never run a collection: a reference cycle
holding Qt objects collected there deletes them off the GUI thread, which crashes
PySide (seen as a segmentation fault while a task ran). And a figure is drawn faster
with no collection meanwhile. Each holds the collector (on the GUI thread) and lets go
when done; it runs again once nothing holds it, if it ran before.
"""

from __future__ import annotations

import gc

_holds = 0
_was_enabled = False


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
