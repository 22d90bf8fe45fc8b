"""The search boxes: how they compare texts (case and accents aside), and their keys."""

from __future__ import annotations

import unicodedata

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit, QWidget


def searchable(text: str) -> str:
    """``text`` as a search compares it: "sanchez" finds Sánchez, "MM-0" finds mm-010."""
    folded = text.casefold()
    if folded.isascii():  # nothing to decompose (most texts, and quickly told)
        return folded
    decomposed = unicodedata.normalize("NFKD", folded)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def matches(words: list[str], text: str) -> bool:
    """Whether every word (already :func:`searchable`) is in ``text`` (already searchable)."""
    return all(word in text for word in words)


class SearchBox(QLineEdit):
    """A search box that hands the keyboard to its results: Down moves into them, Enter
    opens the row selected there (else the first)."""

    down = Signal()
    """Down was pressed: move into the results."""
    enter = Signal()
    """Enter was pressed: open the result."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setClearButtonEnabled(True)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # Qt names it
        if event.key() == Qt.Key.Key_Down:
            self.down.emit()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.enter.emit()
            return
        super().keyPressEvent(event)
