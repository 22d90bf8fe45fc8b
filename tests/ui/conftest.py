"""UI fixtures: offscreen Qt, built translations, a clinic database file with a few patients."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import NamedTuple

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtWidgets import QApplication
from sqlalchemy import Engine
from ui.demo_database import DEMO_DAY, DEMO_PATIENTS

from mmtracker import i18n
from mmtracker.config import load_policy, sqlite_url
from mmtracker.logic.policy import Policy
from mmtracker.storage.services import add_entry, create_patient
from mmtracker.ui import collector
from mmtracker.workflows import fill_demo, open_engine

ROOT = Path(__file__).resolve().parents[2]
TODAY = dt.date(2026, 3, 1)
ACTOR = "nurse@test"


class NewPatient(NamedTuple):
    """A patient to register, with (date, phase) changes and visit dates."""

    mrn: str
    name: str
    sex: str
    born: str
    phases: tuple[tuple[str, str], ...] = ()
    visits: tuple[str, ...] = ()


PATIENTS = (
    NewPatient(
        "MM-001", "Zhang Wei", "M", "1958-04-02", (("2024-01-10", "NDMM"),), ("2026-02-20",)
    ),
    NewPatient(
        "MM-002", "王小明", "M", "1965-11-30", (("2023-05-01", "NDMM"), ("2024-02-01", "ASCT"))
    ),
    NewPatient(
        "MM-010", "Alice Martin", "F", "1970-03-01", (("2021-09-15", "SMM"),), ("2025-12-01",)
    ),
)


@pytest.fixture(scope="session")
def translations_built() -> Path:
    """The .qm catalogues, built once per test session by the project's build script."""
    subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "build_translations.py")],
        check=True,
        capture_output=True,
    )
    return i18n.CATALOGUES


@pytest.fixture(scope="session", autouse=True)
def _collect_as_the_window_does(qapp: QApplication) -> None:
    """Python's collector as the application runs it: from the event loop, never from
    inside Qt (mmtracker/ui/collector.py)."""
    collector.collect_when_idle(qapp)


@pytest.fixture(autouse=True)
def english(qapp: QApplication) -> None:
    """Every test starts with the interface in English (the source language)."""
    i18n.install(qapp, "en")


@pytest.fixture
def chinese(qapp: QApplication, translations_built: Path) -> Iterator[None]:
    """The interface in Simplified Chinese; English again afterwards."""
    assert i18n.install(qapp, "zh_CN")
    yield
    i18n.install(qapp, "en")


Register = Callable[[Engine, Iterable[NewPatient]], dict[str, int]]


def add_patients(engine: Engine, patients: Iterable[NewPatient]) -> dict[str, int]:
    """Register patients with their phase changes and visits; their ids by MRN."""
    ids = {}
    for mrn, name, sex, born, phases, visits in patients:
        change = create_patient(
            engine, {"mrn": mrn, "name": name, "sex": sex, "date_of_birth": born}, ACTOR, TODAY
        )
        ids[mrn] = change.patient_id
        for date, phase in phases:
            add_entry(
                engine,
                change.patient_id,
                "phase_changes",
                {"date": date, "phase": phase},
                ACTOR,
                TODAY,
            )
        for date in visits:
            add_entry(engine, change.patient_id, "visits", {"date": date}, ACTOR, TODAY)
    return ids


@pytest.fixture
def today() -> dt.date:
    """The day the tests' patients were registered and the windows are opened."""
    return TODAY


@pytest.fixture
def register() -> Register:
    """Registers patients (given as NewPatient fields) in a database; returns their ids by MRN."""
    return add_patients


@pytest.fixture(scope="session")
def _clinic_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The clinic database, registered once per session (and xdist worker)."""
    folder = tmp_path_factory.mktemp("ui-clinic")
    path = folder / "clinic.sqlite"
    with pytest.MonkeyPatch.context() as patch:  # the user folders of no test exist yet
        patch.setenv("MMTRACKER_HOME", str(folder / "mmtracker-home"))
        engine = open_engine(sqlite_url(path))
        add_patients(engine, PATIENTS)
        engine.dispose()
    return path


@pytest.fixture
def clinic_path(_clinic_file: Path, tmp_path: Path) -> Path:
    """A real, migrated SQLite database file holding PATIENTS (a copy for each test)."""
    path = tmp_path / "clinic.sqlite"
    shutil.copyfile(_clinic_file, path)
    return path


@pytest.fixture
def clinic(clinic_path: Path) -> Iterator[Engine]:
    """An engine on the clinic database file."""
    engine = open_engine(sqlite_url(clinic_path))
    yield engine
    engine.dispose()


@pytest.fixture(scope="session")
def _demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A demo database of DEMO_PATIENTS patients as of DEMO_DAY, written once per session."""
    folder = tmp_path_factory.mktemp("ui-demo")
    path = folder / "demo.sqlite"
    with pytest.MonkeyPatch.context() as patch:  # the user folders of no test exist yet
        patch.setenv("MMTRACKER_HOME", str(folder / "home"))
        engine = open_engine(sqlite_url(path))
        fill_demo(engine, DEMO_PATIENTS, 3, DEMO_DAY, ACTOR)
        engine.dispose()
    return path


@pytest.fixture
def demo(_demo_file: Path, tmp_path: Path) -> Iterator[Engine]:
    """An engine on a copy of the demo database (each test its own)."""
    path = tmp_path / "demo.sqlite"
    shutil.copyfile(_demo_file, path)
    engine = open_engine(sqlite_url(path))
    yield engine
    engine.dispose()


@pytest.fixture
def policy() -> Policy:
    """The shipped care policy."""
    return load_policy()
