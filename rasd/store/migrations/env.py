"""Alembic environment: runs on the connection :func:`rasd.store.engine.migrate` hands it.

There is no ``alembic.ini``: the store builds the configuration in code so
the migrations ship inside the package and run wherever Rasd is installed.
"""

from __future__ import annotations

from alembic import context

from rasd.store.models import Base

config = context.config
connection = config.attributes.get("connection")
if connection is None:  # pragma: no cover - only via the ``alembic`` command line
    from sqlalchemy import create_engine

    connection = create_engine(config.get_main_option("sqlalchemy.url") or "").connect()

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
