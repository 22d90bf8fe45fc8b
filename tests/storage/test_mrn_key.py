"""Look-alike MRNs are one MRN (issue 12, finding 5): "EX-000123 ", "ex-000123", a
non-breaking hyphen or full-width letters never make a second patient, and every lookup
by MRN finds the patient however the MRN is written."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import Engine, text

from mmtracker.logic.mrn import mrn_key
from mmtracker.storage import schema
from mmtracker.storage.engine import make_engine
from mmtracker.storage.loaders import patient_id_for_mrn
from mmtracker.storage.outcomes import ValidationError
from mmtracker.storage.services import create_patient

TODAY = dt.date(2026, 3, 1)
LOOK_ALIKES = [
    "EX-000123 ",
    " ex-000123",
    "EX\u2011000123",  # a non-breaking hyphen
    "EX\u2212000123",  # a minus sign
    "ＥＸ－０００１２３",  # full width
    "EX - 000123",
]


@pytest.mark.parametrize("written", LOOK_ALIKES)
def test_each_spelling_has_the_same_key(written: str) -> None:
    assert mrn_key(written) == mrn_key("EX-000123") == "ex-000123"


def test_other_mrns_keep_other_keys() -> None:
    assert mrn_key("EX-000124") != mrn_key("EX-000123")
    assert mrn_key("EX000123") != mrn_key("EX-000123")  # a dash is not nothing


def patient(mrn: str, name: str = "Li Na") -> dict[str, str]:
    return {"mrn": mrn, "name": name, "sex": "F", "date_of_birth": "1960-01-01"}


@pytest.mark.parametrize("written", LOOK_ALIKES)
def test_a_look_alike_mrn_is_refused_naming_the_patient_who_has_it(
    engine: Engine, written: str
) -> None:
    create_patient(engine, patient("EX-000123", "Maria Santos"), "nurse", TODAY)
    with pytest.raises(ValidationError) as refused:
        create_patient(engine, patient(written), "nurse", TODAY)
    (problem,) = refused.value.problems
    assert problem.path == "mrn"
    assert problem.message == f"{written} is the MRN EX-000123 of Maria Santos, written otherwise"
    assert patient_id_for_mrn(engine, written) == patient_id_for_mrn(engine, "EX-000123")


def test_the_migration_refuses_a_database_that_holds_look_alikes(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'clinic.sqlite'}")
    schema.upgrade(engine)
    schema.downgrade(engine, "0006")
    now = dt.datetime(2026, 3, 1, 9, tzinfo=dt.UTC)
    with engine.begin() as conn:  # as the version before let them in
        for mrn in ("EX-000123", "ex-000123 "):
            conn.execute(
                text(
                    "INSERT INTO patient (mrn, name, sex, date_of_birth, status, revision, "
                    "version, created_at, created_by, updated_at, updated_by) VALUES "
                    "(:mrn, 'Li Na', 'F', '1960-01-01', 'active', 1, 1, :now, 'n', :now, 'n')"
                ),
                {"mrn": mrn, "now": now},
            )
    with pytest.raises(RuntimeError, match=r"'EX-000123' and 'ex-000123 '"):
        schema.upgrade(engine)
    assert schema.current_revision(engine) == "0006"  # nothing of it kept
    engine.dispose()
