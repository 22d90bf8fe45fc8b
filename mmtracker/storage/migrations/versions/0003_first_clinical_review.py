"""first clinical review: holds, withdrawn plans, acknowledged findings, alert since-dates

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-14 09:00:00.000000

Adds ``bone_therapy_event.resume_date`` (D33), ``transplant.withdrawn_date``
(D39), the finding an acknowledgement acknowledged (D40) and
``care_item_state.since`` (D45), and carries the item ``renal.before_za`` over
to its new id ``renal.before_bisphosphonate`` (D35) in stored acknowledgements
and stored state. The downgrade reverses both.
"""

import sqlalchemy as sa
import sqlmodel
from alembic import op


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None

OLD_ID = 'renal.before_za'
NEW_ID = 'renal.before_bisphosphonate'


def _rename_item(old: str, new: str) -> None:
    for table in ('acknowledgement', 'care_item_state'):
        op.execute(
            sa.text(f'UPDATE {table} SET item_id = :new WHERE item_id = :old').bindparams(
                old=old, new=new
            )
        )


def upgrade() -> None:
    with op.batch_alter_table('bone_therapy_event', schema=None) as batch_op:
        batch_op.add_column(sa.Column('resume_date', sa.Date(), nullable=True))

    with op.batch_alter_table('transplant', schema=None) as batch_op:
        batch_op.add_column(sa.Column('withdrawn_date', sa.Date(), nullable=True))

    with op.batch_alter_table('acknowledgement', schema=None) as batch_op:
        batch_op.add_column(sa.Column('finding_message_id', sqlmodel.sql.sqltypes.AutoString(length=120), nullable=True))
        batch_op.add_column(sa.Column('finding_severity', sqlmodel.sql.sqltypes.AutoString(length=10), nullable=True))
        batch_op.add_column(sa.Column('finding_cites', sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column('finding_due', sa.Date(), nullable=True))
    # Acknowledgements made before D40 stored no finding: none cited.
    op.execute(sa.text("UPDATE acknowledgement SET finding_cites = '[]'"))
    with op.batch_alter_table('acknowledgement', schema=None) as batch_op:
        batch_op.alter_column('finding_cites', existing_type=sa.JSON(), nullable=False)

    with op.batch_alter_table('care_item_state', schema=None) as batch_op:
        batch_op.add_column(sa.Column('since', sa.Date(), nullable=True))

    _rename_item(OLD_ID, NEW_ID)


def downgrade() -> None:
    _rename_item(NEW_ID, OLD_ID)

    with op.batch_alter_table('care_item_state', schema=None) as batch_op:
        batch_op.drop_column('since')

    with op.batch_alter_table('acknowledgement', schema=None) as batch_op:
        batch_op.drop_column('finding_due')
        batch_op.drop_column('finding_cites')
        batch_op.drop_column('finding_severity')
        batch_op.drop_column('finding_message_id')

    with op.batch_alter_table('transplant', schema=None) as batch_op:
        batch_op.drop_column('withdrawn_date')

    with op.batch_alter_table('bone_therapy_event', schema=None) as batch_op:
        batch_op.drop_column('resume_date')
