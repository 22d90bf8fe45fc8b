"""lab_result: the sample's time of day

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-03 06:00:00.000000

Adds ``lab_result.time``, the time of day the sample was taken, entered with the
lab panel. Null where it was not recorded, as for every row written before.
"""

import sqlalchemy as sa
from alembic import op


revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column('lab_result', sa.Column('time', sa.Time(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('lab_result') as batch:
        batch.drop_column('time')
