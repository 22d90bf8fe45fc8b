"""Python's collector runs from the window's event loop, between events, never by itself
from inside Qt (a collection there once hung a test for good), and not while held."""

from __future__ import annotations

import gc
import weakref

from pytestqt.qtbot import QtBot

from mmtracker.ui import collector


class _Cycle:
    def __init__(self) -> None:
        self.me = self


_KEPT: list[list[list[object]]] = []


def garbage_cycle() -> weakref.ref[_Cycle]:
    """A cycle nothing else holds, and enough new objects kept for a collection to be due."""
    cycle = _Cycle()
    found = weakref.ref(cycle)
    del cycle
    _KEPT.append([[] for _ in range(gc.get_threshold()[0] * 2)])  # generation 0 past its count
    return found


def test_a_cycle_is_collected_between_events(qtbot: QtBot) -> None:
    assert not gc.isenabled()  # the automatic collector is off (tests/ui/conftest.py)
    found = garbage_cycle()
    qtbot.waitUntil(lambda: found() is None, timeout=collector.IDLE_COLLECTION_MS * 6)


def test_nothing_is_collected_while_held(qtbot: QtBot) -> None:
    collector.hold()
    try:
        found = garbage_cycle()
        qtbot.wait(collector.IDLE_COLLECTION_MS * 3)
        assert found() is not None
    finally:
        collector.release()
    qtbot.waitUntil(lambda: found() is None, timeout=collector.IDLE_COLLECTION_MS * 6)
