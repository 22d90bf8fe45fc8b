"""database info: a demo database carries its mark

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-02 12:00:00.000000

Adds the table ``database_info`` (one fact per key). The key ``demo`` marks a
database filled by the demo, so that the window says DEMO whichever way the
database is opened. A database the demo filled before this revision is marked
from its audit trail (the demo writes its patients with the action ``demo``).
"""

import sqlalchemy as sa
import sqlmodel
from alembic import op


revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('database_info',
    sa.Column('key', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
    sa.Column('value', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.PrimaryKeyConstraint('key')
    )
    op.execute(
        sa.text(
            "INSERT INTO database_info (key, value) "
            "SELECT 'demo', 'demo patients written before schema 0004' "
            "WHERE EXISTS (SELECT 1 FROM audit WHERE action = 'demo')"
        )
    )


def downgrade() -> None:
    op.drop_table('database_info')
