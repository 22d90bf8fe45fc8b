"""Alembic environment: runs on the connection handed over by mmtracker.storage.schema.

On SQLite (its driver commits each DDL statement by itself unless told otherwise) the
connection comes from :func:`mmtracker.storage.schema.migration_engine`: every migration
runs in a transaction of its own with its version stamp, foreign keys off (set before the
transaction: a table rebuilt must not cascade away its children) and checked before the
commit.
"""

from collections.abc import Collection, Mapping
from typing import Any

from alembic import context
from alembic.runtime.migration import MigrationContext, MigrationInfo

from mmtracker.storage.models import metadata

connection = context.config.attributes["connection"]
sqlite = connection.dialect.name == "sqlite"


def _foreign_keys_hold(
    ctx: MigrationContext, step: MigrationInfo, heads: Collection[Any], run_args: Mapping[str, Any]
) -> None:
    """Refuse (roll back) a migration that leaves a row pointing at nothing."""
    assert ctx.connection is not None
    broken = ctx.connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
    if broken:
        table, rowid, parent, _key = broken[0]
        raise RuntimeError(
            f"migration {step.up_revision_id} left {len(broken)} rows without their parent "
            f"({table} row {rowid} points at no {parent}); nothing of it was kept"
        )


context.configure(
    connection=connection,
    target_metadata=metadata(),
    render_as_batch=sqlite,
    compare_type=True,
    transaction_per_migration=sqlite,
    on_version_apply=_foreign_keys_hold if sqlite else None,
)
with context.begin_transaction():
    context.run_migrations()
