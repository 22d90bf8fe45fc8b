"""stored care-item state

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22 01:02:55.861334
"""

import sqlalchemy as sa
import sqlmodel
from alembic import op


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('assessment_state',
    sa.Column('patient_id', sa.Integer(), nullable=False),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.Column('policy_digest', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('computed_on', sa.Date(), nullable=False),
    sa.Column('valid_until', sa.Date(), nullable=True),
    sa.ForeignKeyConstraint(['patient_id'], ['patient.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('patient_id')
    )
    with op.batch_alter_table('assessment_state', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_assessment_state_valid_until'), ['valid_until'], unique=False)

    op.create_table('care_item_state',
    sa.Column('patient_id', sa.Integer(), nullable=False),
    sa.Column('item_id', sqlmodel.sql.sqltypes.AutoString(length=60), nullable=False),
    sa.Column('due', sa.Date(), nullable=True),
    sa.Column('severity', sqlmodel.sql.sqltypes.AutoString(length=10), nullable=True),
    sa.Column('snoozed_until', sa.Date(), nullable=True),
    sa.Column('last_kind', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=True),
    sa.Column('last_id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=True),
    sa.Column('last_date', sa.Date(), nullable=True),
    sa.Column('message_id', sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
    sa.Column('message_params', sa.Text(), nullable=False),
    sa.Column('source', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.ForeignKeyConstraint(['patient_id'], ['patient.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('patient_id', 'item_id')
    )
    with op.batch_alter_table('care_item_state', schema=None) as batch_op:
        batch_op.create_index('ix_care_item_state_due', ['due'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('care_item_state', schema=None) as batch_op:
        batch_op.drop_index('ix_care_item_state_due')

    op.drop_table('care_item_state')
    with op.batch_alter_table('assessment_state', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_assessment_state_valid_until'))

    op.drop_table('assessment_state')
