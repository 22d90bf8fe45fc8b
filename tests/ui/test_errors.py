"""An error no code caught is said in the window (a box that does not block whatever
raised) and written to the error log, its message left out; the hook goes when the
window's run ends."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from mmtracker.error_log import error_log_path
from mmtracker.ui import errors


def test_an_uncaught_error_is_said_and_logged(qapp: QApplication, qtbot: QtBot) -> None:
    message = "cannot import name 'capitalised'"  # not on the line that raises, which is logged
    try:
        raise ImportError(message)
    except ImportError as exc:
        errors.report(type(exc), exc, exc.__traceback__)
    boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox)]
    (box,) = [b for b in boxes if b.isVisible()]
    text = box.text()
    assert text.startswith("ImportError: cannot import name 'capitalised'")
    assert "Nothing was saved in part" in text
    log = error_log_path()
    assert str(log) in text
    written = log.read_text(encoding="utf-8")
    assert "ImportError (its message is left out" in written  # it may name a patient
    assert "capitalised" not in written
    assert "in test_an_uncaught_error_is_said_and_logged\n" in written
    box.done(0)
    qtbot.waitUntil(lambda: not box.isVisible())


def test_install_gives_back_the_hook_it_replaced(monkeypatch: pytest.MonkeyPatch) -> None:
    def before(*_: object) -> None:
        return None

    monkeypatch.setattr(sys, "excepthook", before)
    assert errors.install() is before
    assert sys.excepthook is errors.report
