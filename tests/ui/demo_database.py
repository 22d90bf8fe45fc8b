"""The demo database of the window's tests (the ``demo`` fixture of tests/ui/conftest.py)."""

from __future__ import annotations

import datetime as dt

DEMO_DAY = dt.date(2026, 3, 1)
"""The day the demo patients were generated for, and the windows are opened on."""
DEMO_PATIENTS = 40
