"""audit: why a correction or deletion was made, and the patient's revision it made

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02 20:00:00.000000

Adds two columns to ``audit``: ``reason``, why an entry was corrected or deleted
(required of those writes from this revision on; null for every other action and for
rows written before), and ``revision``, the patient's revision counter after the
write, so that a refused stale edit can name what changed since the form was opened.
Rows written before this revision carry no revision (null).
"""

import sqlalchemy as sa
from alembic import op


revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column('audit', sa.Column('reason', sa.Text(), nullable=True))
    op.add_column('audit', sa.Column('revision', sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('audit') as batch:
        batch.drop_column('revision')
        batch.drop_column('reason')
