"""SQLModel tables: the patient, every entry kind of the record, and the audit trail.

Entry columns carry the names of the fields of :mod:`mmtracker.logic.history`
(a test keeps the two in step) plus the bookkeeping every user-editable row has:
its patient, a version for optimistic locking, and who created and last
changed it, when (timezone-aware, stored in UTC).
"""

import datetime as dt
from typing import Any

from sqlalchemy import JSON, Column, Index, Text
from sqlmodel import Field, SQLModel

ID_LENGTH = 36  # a UUID in text form


class Tracked(SQLModel):
    """Bookkeeping columns of every user-editable row."""

    version: int = 1
    created_at: dt.datetime
    created_by: str = Field(max_length=200)
    updated_at: dt.datetime
    updated_by: str = Field(max_length=200)


class PatientRow(Tracked, table=True):
    __tablename__ = "patient"
    __table_args__ = (Index("ix_patient_mrn_key", "mrn_key", unique=True),)

    id: int | None = Field(default=None, primary_key=True)
    mrn: str = Field(max_length=64, unique=True)
    mrn_key: str = Field(max_length=64)
    """The key the MRN is compared by (mmtracker.logic.mrn), unique: no look-alike twin."""
    name: str = Field(max_length=200)
    sex: str = Field(max_length=1)
    date_of_birth: dt.date
    height_cm: float | None = None
    status: str = Field(max_length=20, default="active")
    status_date: dt.date | None = None
    revision: int = 0


class EntryRow(Tracked):
    """Columns every entry row has besides its own fields."""

    id: str = Field(primary_key=True, max_length=ID_LENGTH)
    patient_id: int = Field(foreign_key="patient.id", index=True, ondelete="CASCADE")


class PhaseChangeRow(EntryRow, table=True):
    __tablename__ = "phase_change"

    date: dt.date
    phase: str = Field(max_length=20)
    line_number: int | None = None
    note: str = ""


class WeightRow(EntryRow, table=True):
    __tablename__ = "weight"

    date: dt.date
    weight_kg: float


class LabResultRow(EntryRow, table=True):
    __tablename__ = "lab_result"
    __table_args__ = (Index("ix_lab_result_patient_analyte_date", "patient_id", "analyte", "date"),)

    date: dt.date
    time: dt.time | None = None
    analyte: str = Field(max_length=40)
    value: float | None = None
    unit: str | None = Field(default=None, max_length=20)
    canonical_value: float | None = None
    qualitative: str | None = Field(default=None, max_length=10)
    ref_low: float | None = None
    ref_high: float | None = None
    calcium_kind: str | None = Field(default=None, max_length=10)
    isotype: str | None = Field(default=None, max_length=20)
    light_chain: str | None = Field(default=None, max_length=10)


class CytogeneticsRow(EntryRow, table=True):
    __tablename__ = "cytogenetics"

    date: dt.date
    method: str = Field(max_length=20)
    del_17p: bool | None = None
    del_17p_clonal_fraction: float | None = None
    tp53_mutation: bool | None = None
    t_4_14: bool | None = None
    t_14_16: bool | None = None
    t_14_20: bool | None = None
    gain_1q: str | None = Field(default=None, max_length=20)
    del_1p32: str | None = Field(default=None, max_length=20)
    del_13q: bool | None = None
    hyperdiploid: bool | None = None


class ImagingRow(EntryRow, table=True):
    __tablename__ = "imaging"

    date: dt.date
    modality: str = Field(max_length=20)
    lytic_lesions: int | None = None
    mri_focal_lesions: int | None = None
    fdg_avid: bool | None = None
    plasmacytoma: bool | None = None
    note: str = ""


class DentalExamRow(EntryRow, table=True):
    __tablename__ = "dental_exam"

    date: dt.date
    outcome: str = Field(max_length=30)
    invasive_procedure: str = Field(max_length=10, default="none")
    procedure_date: dt.date | None = None
    note: str = ""


class BoneTherapyDoseRow(EntryRow, table=True):
    __tablename__ = "bone_therapy_dose"

    date: dt.date
    agent: str = Field(max_length=20)
    dose_mg: float
    note: str = ""


class BoneTherapyEventRow(EntryRow, table=True):
    __tablename__ = "bone_therapy_event"

    date: dt.date
    kind: str = Field(max_length=20)
    agent: str | None = Field(default=None, max_length=20)
    interval_days: int | None = None
    decision: str | None = Field(default=None, max_length=20)
    resume_date: dt.date | None = None
    note: str = ""


class SupplementRow(EntryRow, table=True):
    __tablename__ = "supplement"

    start_date: dt.date
    end_date: dt.date | None = None
    calcium_mg: float | None = None
    vitamin_d_iu: float | None = None


class MrdTestRow(EntryRow, table=True):
    __tablename__ = "mrd_test"

    date: dt.date
    method: str = Field(max_length=10)
    sensitivity: float
    result: str = Field(max_length=10)


class TreatmentLineRow(EntryRow, table=True):
    __tablename__ = "treatment_line"

    line_number: int
    regimen: str = Field(max_length=200)
    intent: str = Field(max_length=20)
    start_date: dt.date
    end_date: dt.date | None = None
    drugs: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))


class TransplantRow(EntryRow, table=True):
    __tablename__ = "transplant"

    planned_date: dt.date | None = None
    performed_date: dt.date | None = None
    withdrawn_date: dt.date | None = None
    melphalan_mg_m2: float | None = None
    mucositis_grade: int | None = None
    mucositis_scale: str | None = Field(default=None, max_length=10)


class ResponseAssessmentRow(EntryRow, table=True):
    __tablename__ = "response_assessment"

    date: dt.date
    category: str = Field(max_length=10)
    criteria: str = Field(max_length=40)
    note: str = ""


class ClinicalEventRow(EntryRow, table=True):
    __tablename__ = "clinical_event"

    date: dt.date
    kind: str = Field(max_length=40)
    note: str = ""


class VisitRow(EntryRow, table=True):
    __tablename__ = "visit"

    date: dt.date
    ecog: int | None = None
    pain: int | None = None
    note: str = ""
    next_visit: dt.date | None = None


class AcknowledgementRow(EntryRow, table=True):
    __tablename__ = "acknowledgement"

    item_id: str = Field(max_length=60)
    acknowledged_on: dt.date
    until: dt.date
    reason: str
    acknowledged_by: str = Field(max_length=200)
    finding_message_id: str | None = Field(default=None, max_length=120)
    finding_severity: str | None = Field(default=None, max_length=10)
    finding_cites: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    finding_due: dt.date | None = None


class AuditRow(SQLModel, table=True):
    """One write: which row, what was done, by whom, when, and the row before and after."""

    __tablename__ = "audit"

    id: int | None = Field(default=None, primary_key=True)
    patient_id: int | None = Field(default=None, index=True)
    table_name: str = Field(max_length=40)
    row_id: str = Field(max_length=ID_LENGTH)
    action: str = Field(max_length=10)
    actor: str = Field(max_length=200)
    at: dt.datetime
    before: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    after: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    reason: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    """Why an entry was corrected or deleted (schema 0005); null for other actions."""
    revision: int | None = None
    """The patient's revision after the write (schema 0005); null before it and for rows
    of no patient."""
    chain: str | None = Field(default=None, max_length=64)
    """SHA-256 of the previous row's chain and this row (schema 0008,
    mmtracker.storage.audit_chain)."""


# Record kind (mmtracker.logic.history.ENTRY_KINDS) -> table.
ENTRY_TABLES: dict[str, type[EntryRow]] = {
    "phase_changes": PhaseChangeRow,
    "weights": WeightRow,
    "lab_results": LabResultRow,
    "cytogenetics": CytogeneticsRow,
    "imaging": ImagingRow,
    "dental_exams": DentalExamRow,
    "bone_therapy_doses": BoneTherapyDoseRow,
    "bone_therapy_events": BoneTherapyEventRow,
    "supplements": SupplementRow,
    "mrd_tests": MrdTestRow,
    "treatment_lines": TreatmentLineRow,
    "transplants": TransplantRow,
    "responses": ResponseAssessmentRow,
    "clinical_events": ClinicalEventRow,
    "visits": VisitRow,
    "acknowledgements": AcknowledgementRow,
}

TRACKED_COLUMNS = ("version", "created_at", "created_by", "updated_at", "updated_by")
DERIVED_COLUMNS: dict[str, tuple[str, ...]] = {"lab_results": ("canonical_value",)}


def metadata() -> Any:
    """The metadata holding every table (for Alembic and table creation)."""
    return SQLModel.metadata


class AssessmentStateRow(SQLModel, table=True):
    """When and from what a patient's stored care-item state was computed.

    The stored rows hold for every date from ``computed_on`` up to the day
    before ``valid_until`` (no end when None) while the patient's revision and
    the policy digest stay the same.
    """

    __tablename__ = "assessment_state"

    patient_id: int = Field(foreign_key="patient.id", primary_key=True, ondelete="CASCADE")
    revision: int
    policy_digest: str = Field(max_length=64)
    computed_on: dt.date
    valid_until: dt.date | None = Field(default=None, index=True)


class CareItemStateRow(SQLModel, table=True):
    """One applicable care item of a patient as stored; its status on a day is derived."""

    __tablename__ = "care_item_state"
    __table_args__ = (Index("ix_care_item_state_due", "due"),)

    patient_id: int = Field(foreign_key="patient.id", primary_key=True, ondelete="CASCADE")
    item_id: str = Field(max_length=60, primary_key=True)
    due: dt.date | None = None
    since: dt.date | None = None
    severity: str | None = Field(default=None, max_length=10)
    snoozed_until: dt.date | None = None
    last_kind: str | None = Field(default=None, max_length=40)
    last_id: str | None = Field(default=None, max_length=ID_LENGTH)
    last_date: dt.date | None = None
    message_id: str = Field(max_length=120)
    message_params: str = Field(sa_column=Column(Text, nullable=False))
    source: str = Field(max_length=200)


class DatabaseInfoRow(SQLModel, table=True):
    """What is known of the database itself, one fact per key (``demo``: made by the demo)."""

    __tablename__ = "database_info"

    key: str = Field(primary_key=True, max_length=40)
    value: str = Field(max_length=200)


class UserRow(Tracked, table=True):
    """A person who signs in (schema 0009): the actor of every write they make."""

    __tablename__ = "app_user"

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=64, unique=True)
    """The sign-in name, lower case (names are compared without regard to case)."""
    display_name: str = Field(max_length=200)
    role: str = Field(max_length=20)
    password_hash: str = Field(max_length=200)
    """argon2id, with its parameters (mmtracker.storage.users)."""
    failed_attempts: int = 0
    locked_until: dt.datetime | None = None
    active: bool = True
