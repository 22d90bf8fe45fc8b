"""Hypothesis profiles of the test suite: ``dev`` (the default) and ``ci``.

``MMTRACKER_HYPOTHESIS_PROFILE`` names the profile; without it, ``ci`` when the
environment says ``CI=true`` and ``dev`` otherwise. Both conftests load it
(``tests/conftest.py`` for the whole suite, ``tests/logic/conftest.py`` for the
logic tests run alone, e.g. with ``tests/logic/pure.ini``), so that every
property test runs under it whichever way the suite is started.

- ``dev``: fresh random examples each run (more of the input space over time),
  failures kept in the local example database and replayed first.
- ``ci``: derandomized (each test draws the same examples on every run, so a red
  CI run is reproduced by running the test again), no example database.

Neither has a deadline: examples that write to a database or assess a long
history take tens or hundreds of milliseconds on a loaded machine. How many
examples a test draws is set on the test itself (``max_examples``), sized to
what it has to find.

Only the standard library and Hypothesis are imported here: the logic tests
also run where PySide6 and SQLAlchemy are not installed.
"""

from __future__ import annotations

import os

from hypothesis import settings

ENV = "MMTRACKER_HYPOTHESIS_PROFILE"
PROFILES = ("dev", "ci")

settings.register_profile("dev", deadline=None)
settings.register_profile("ci", deadline=None, derandomize=True, database=None, print_blob=True)


def profile_name() -> str:
    """The profile the environment asks for."""
    name = os.environ.get(ENV) or ("ci" if os.environ.get("CI", "").lower() == "true" else "dev")
    if name not in PROFILES:
        raise ValueError(f"{ENV}={name!r}: expected one of {', '.join(PROFILES)}")
    return name


def load() -> str:
    """Load the profile the environment asks for; its name."""
    name = profile_name()
    settings.load_profile(name)
    return name
