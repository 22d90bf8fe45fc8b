"""The forms' tests press Ctrl+N, Ctrl+L, Ctrl+S: each opens or closes a dialog, which then
takes the key's release (offscreen, a release sent to a widget a modal dialog blocks is
lost). Qt would then hold Ctrl as pressed for the next test, whose selections toggle."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot


@pytest.fixture(autouse=True)
def no_key_held(qapp: QApplication, qtbot: QtBot) -> Iterator[None]:
    """After each test, no modifier key is held."""
    yield
    if QGuiApplication.queryKeyboardModifiers() or QGuiApplication.keyboardModifiers():
        spare = QWidget()
        spare.show()
        for key in (Qt.Key.Key_Control, Qt.Key.Key_Shift, Qt.Key.Key_Alt):
            qtbot.keyRelease(spare, key)
        spare.close()
        spare.deleteLater()
    assert QGuiApplication.keyboardModifiers() == Qt.KeyboardModifier.NoModifier
