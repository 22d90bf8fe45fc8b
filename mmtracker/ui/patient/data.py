"""What the Patient view shows, read and assessed off the GUI thread."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from mmtracker.logic.assessment import Assessment, assess
from mmtracker.logic.bta import BtaState, bta_state
from mmtracker.logic.context import Context
from mmtracker.logic.history import PatientHistory
from mmtracker.logic.policy import Policy

if TYPE_CHECKING:  # the database layer is imported by the work, off the GUI thread
    from sqlalchemy import Engine


@dataclass(frozen=True, slots=True)
class PatientData:
    """A patient's history, its assessment and its bone-targeted therapy as of a day."""

    history: PatientHistory
    assessment: Assessment
    bone: BtaState
    """On it, held, stopped or declined (§11, D32, D33), as the care items judge it."""
    revision: int = 0
    """The patient's revision read before the history: a form saves only if it still is."""

    @property
    def label(self) -> str:
        """MRN and name, as the patient is named in lists and tabs."""
        return f"{self.history.patient.mrn} {self.history.patient.name}"


def load_patient(engine: Engine, patient_id: int, as_of: dt.date, policy: Policy) -> PatientData:
    """Read the patient's history and assess it as of ``as_of`` (call off the GUI thread)."""
    from mmtracker.storage.loaders import load_history
    from mmtracker.storage.services import patient_revision

    revision = patient_revision(engine, patient_id)  # first: a write after it refuses a save
    return patient_data(load_history(engine, patient_id), as_of, policy, revision)


def patient_data(
    history: PatientHistory, as_of: dt.date, policy: Policy, revision: int = 0
) -> PatientData:
    """A patient's history assessed as of ``as_of`` (call off the GUI thread); ``revision``:
    the patient's, read before the history."""
    bone = bta_state(Context(history, as_of, policy))
    return PatientData(history, assess(history, as_of, policy), bone, revision)
