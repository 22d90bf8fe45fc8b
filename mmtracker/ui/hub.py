"""The one place where the UI announces its own writes to every open view."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class Hub(QObject):
    """Signals shared by the application's windows."""

    patient_changed = Signal(int)
    """A patient's record (id given) was written by this workstation."""
