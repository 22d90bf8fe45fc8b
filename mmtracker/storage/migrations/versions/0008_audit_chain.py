"""audit: a hash chain through every row

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-03 08:00:00.000000

Adds ``audit.chain``: the SHA-256 of the previous row's chain and the row's content
(mmtracker.storage.audit_chain, whose format is fixed: a change to it needs a migration
that recomputes every row). The rows already there are chained in the order of their ids,
so that the whole trail is checked from its first row.
"""

import sqlalchemy as sa
from alembic import op

from mmtracker.storage.audit_chain import FIELDS, GENESIS, digest


revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None

_BATCH = 20_000


def upgrade() -> None:
    op.add_column('audit', sa.Column('chain', sa.String(length=64), nullable=True))
    bind = op.get_bind()
    select = sa.text(
        "SELECT id, " + ", ".join(FIELDS) + " FROM audit WHERE id > :after ORDER BY id LIMIT "
        + str(_BATCH)
    )
    update = sa.text("UPDATE audit SET chain = :chain WHERE id = :id")
    previous, after = GENESIS, 0
    while True:
        # Raw values, as the chain's check reads them (SQLite's times as the text stored).
        rows = bind.exec_driver_sql(*_driver(bind, select, after)).fetchall()
        if not rows:
            break
        done = []
        for row in rows:
            previous = digest(previous, row[1:])
            done.append({"chain": previous, "id": row[0]})
        bind.execute(update, done)
        after = rows[-1][0]


def _driver(bind: sa.Connection, query: sa.TextClause, after: int) -> tuple[str, object]:
    """``query`` in the driver's own parameter style, with its parameter."""
    if bind.dialect.paramstyle == "qmark":
        return str(query).replace(":after", "?"), (after,)
    return str(query).replace(":after", "%(after)s"), {"after": after}


def downgrade() -> None:
    with op.batch_alter_table('audit') as batch:
        batch.drop_column('chain')
