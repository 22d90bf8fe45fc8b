"""patient.mrn_key: the key MRNs are compared by, unique

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-03 06:30:00.000000

Look-alike MRNs ("EX-000123 ", "ex-000123", a non-breaking hyphen) made separate
patients. Each patient gets the key its MRN is compared by (NFKC, stripped, case-folded,
dashes made "-", no white space: mmtracker.logic.mrn, frozen here as it was at this
revision) under a unique index. A database already holding two patients whose MRNs share
a key is refused, naming them (the migration rolls back whole): which is the right one is
a clinic's decision.
"""

import unicodedata

import sqlalchemy as sa
from alembic import op


revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None

_DASHES = str.maketrans(
    dict.fromkeys([*map(chr, range(0x2010, 0x2016)), "\u2212", "\ufe63", "\uff0d"], "-")
)


def _key(mrn: str) -> str:
    folded = unicodedata.normalize("NFKC", mrn).strip().casefold().translate(_DASHES)
    return "".join(folded.split())


def upgrade() -> None:
    with op.batch_alter_table('patient') as batch:
        batch.add_column(sa.Column('mrn_key', sa.String(length=64), nullable=True))
    bind = op.get_bind()
    first: dict[str, str] = {}
    clashes: list[str] = []
    for patient_id, mrn in bind.execute(sa.text("SELECT id, mrn FROM patient ORDER BY id")):
        key = _key(mrn)
        if key in first:
            clashes.append(f"{first[key]!r} and {mrn!r}")
        first.setdefault(key, mrn)
        bind.execute(
            sa.text("UPDATE patient SET mrn_key = :key WHERE id = :id"),
            {"key": key, "id": patient_id},
        )
    if clashes:
        raise RuntimeError(
            "these patients' MRNs are one MRN written otherwise: " + "; ".join(clashes)
            + ". Merge or correct them with the previous version of mmtracker, then upgrade."
        )
    with op.batch_alter_table('patient') as batch:
        batch.alter_column('mrn_key', existing_type=sa.String(length=64), nullable=False)
        batch.create_index('ix_patient_mrn_key', ['mrn_key'], unique=True)


def downgrade() -> None:
    with op.batch_alter_table('patient') as batch:
        batch.drop_index('ix_patient_mrn_key')
        batch.drop_column('mrn_key')
