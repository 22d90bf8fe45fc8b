"""Patients of another MRN with the same name and date of birth: perhaps one person
registered twice (a new MRN typed for a known patient). Said as a warning, not refused:
two people may share both."""

from __future__ import annotations

import unicodedata

from sqlalchemy import Engine, select

from mmtracker.logic.history import Patient
from mmtracker.logic.mrn import mrn_key
from mmtracker.storage.tables import PATIENT


def name_key(name: str) -> str:
    """A name as compared: NFKC, case folded, white space runs as one space."""
    return " ".join(unicodedata.normalize("NFKC", name).casefold().split())


def namesakes(engine: Engine, patient: Patient) -> list[str]:
    """The MRNs of the other patients with ``patient``'s name and date of birth."""
    with engine.connect() as conn:
        rows = conn.execute(
            select(PATIENT.c.mrn, PATIENT.c.mrn_key, PATIENT.c.name)
            .where(PATIENT.c.date_of_birth == patient.date_of_birth)
            .order_by(PATIENT.c.mrn)
        ).all()
    key, name = mrn_key(patient.mrn), name_key(patient.name)
    return [str(r.mrn) for r in rows if r.mrn_key != key and name_key(str(r.name)) == name]


def namesake_warning(patient: Patient, mrns: list[str]) -> str:
    """The warning, in English, for the command line."""
    return (
        f"{patient.name}, born {patient.date_of_birth.isoformat()}, has the name and date of "
        f"birth of the patient of MRN {', '.join(mrns)}: check they are not one person "
        "registered twice"
    )
