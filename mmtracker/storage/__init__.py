"""The database: tables, engine, migrations, services (all writes) and loaders (bulk reads)."""
