"""An error no code caught is said in the window and written to the error log."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from mmtracker.ui import errors


def test_an_uncaught_error_is_said_and_logged(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, _t, text, *_: said.append(text))
    try:
        raise ImportError("cannot import name 'capitalised'")
    except ImportError as exc:
        errors.report(type(exc), exc, exc.__traceback__)
    (text,) = said
    assert text.startswith("ImportError: cannot import name 'capitalised'")
    assert "Nothing was saved in part" in text
    log = errors.error_log_path()
    assert log in text
    with open(log, encoding="utf-8") as written:
        assert "ImportError: cannot import name 'capitalised'" in written.read()
