"""Logic tests: the Hypothesis profile (see hypothesis_profiles.py), also when this folder
runs alone without PySide6 and SQLAlchemy (``tests/logic/pure.ini``)."""

from __future__ import annotations

from hypothesis_profiles import load

load()
