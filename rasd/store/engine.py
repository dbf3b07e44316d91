"""Where the database is and how to connect to it: SQLite by default, PostgreSQL by URL.

``--db`` / ``RASD_DB`` take either a SQLAlchemy URL (``sqlite:///x.db``,
``postgresql+psycopg://…``) or a plain file path; without either, Rasd keeps
``rasd.db`` in the user's data directory (platformdirs), so ``rasd ingest``
works with no setup. SQLite runs in WAL mode with ``synchronous=NORMAL``:
a committed document survives a killed process, and commits cost no fsync.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, SQLAlchemyError

from rasd.store.errors import StoreError

__all__ = ["current_revision", "default_db_path", "head_revision", "make_engine", "migrate", "redact", "resolve_url"]

ENV_VAR = "RASD_DB"
MIGRATIONS = Path(__file__).with_name("migrations")


def default_db_path() -> Path:
    """``rasd.db`` in the platform's user data directory (created if missing)."""
    from platformdirs import user_data_path

    return user_data_path("rasd", appauthor=False, ensure_exists=True) / "rasd.db"


def resolve_url(db: str | os.PathLike[str] | None = None) -> str:
    """The SQLAlchemy URL for ``db``, ``$RASD_DB`` or the default file, in that order.

    ``:memory:`` is accepted for throwaway stores (tests, experiments).
    """
    value = os.fspath(db) if db is not None else os.environ.get(ENV_VAR) or None
    if value is None:
        return f"sqlite:///{default_db_path()}"
    if value == ":memory:":
        return "sqlite://"
    if "://" in value:
        return value
    path = Path(value).expanduser()
    path.parent.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{path.resolve()}"


def redact(url: str) -> str:
    """The URL with its password hidden, for messages and ``rasd db info``."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    """WAL for crash safety with concurrent readers; FKs on; wait rather than fail on a lock."""
    # Let SQLAlchemy, not the driver, open transactions (pysqlite's legacy mode defers BEGIN).
    dbapi_connection.isolation_level = None
    cur = dbapi_connection.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.execute("PRAGMA cache_size=-65536")
    cur.close()


def _sqlite_begin(conn: Any) -> None:
    """``BEGIN IMMEDIATE``: take the write lock up front, so two writers queue instead of deadlocking."""
    conn.exec_driver_sql("BEGIN IMMEDIATE")


def make_engine(url: str) -> Engine:
    """An engine for ``url`` with Rasd's connection settings; driver problems become :class:`StoreError`."""
    try:
        parsed = make_url(url)
        if parsed.get_backend_name() == "sqlite":
            kwargs: dict[str, Any] = {}
            if parsed.database in (None, "", ":memory:"):
                from sqlalchemy.pool import StaticPool

                kwargs = {"poolclass": StaticPool, "connect_args": {"check_same_thread": False}}
            engine = create_engine(url, **kwargs)
            event.listen(engine, "connect", _sqlite_pragmas)
            event.listen(engine, "begin", _sqlite_begin)
            return engine
        return create_engine(url, pool_pre_ping=True)
    except NoSuchModuleError as exc:
        raise StoreError(f"no database driver for {redact(url)!r}", source="db") from exc
    except ModuleNotFoundError as exc:
        hint = " (install the extra: pip install 'rasd[postgres]')" if "psycopg" in str(exc) else ""
        raise StoreError(f"database driver missing: {exc.name}{hint}", source="db") from exc
    except ArgumentError as exc:
        raise StoreError(f"not a database URL or path: {url!r}", source="db") from exc


def _alembic_config(connection: Any) -> Any:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["connection"] = connection
    return cfg


def migrate(engine: Engine, revision: str = "head") -> None:
    """Bring the schema to ``revision`` (all migrations by default); safe to run every start."""
    from alembic import command

    try:
        with engine.begin() as connection:
            command.upgrade(_alembic_config(connection), revision)
    except SQLAlchemyError as exc:
        raise StoreError(f"migration failed: {exc.__class__.__name__}: {exc}", source="db") from exc


def current_revision(engine: Engine) -> str | None:
    """The schema revision the database is at (``None`` before ``rasd db init``)."""
    from alembic.runtime.migration import MigrationContext

    try:
        with engine.connect() as connection:
            if not inspect(connection).has_table("alembic_version"):
                return None
            return MigrationContext.configure(connection).get_current_revision()
    except SQLAlchemyError as exc:
        raise StoreError(f"cannot read the database: {exc}", source="db") from exc


def head_revision() -> str | None:
    """The newest migration shipped with this version of Rasd."""
    from alembic.script import ScriptDirectory

    with_cfg = _alembic_config(None)
    return ScriptDirectory.from_config(with_cfg).get_current_head()
