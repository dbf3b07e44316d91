"""Finding and opening the database: paths, URLs, $RASD_DB, the default file, and clean errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from rasd.errors import RasdError
from rasd.store import StoreError, open_store, resolve_url
from rasd.store.engine import redact


def test_paths_and_urls(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("RASD_DB", raising=False)
    assert resolve_url(tmp_path / "x.db") == f"sqlite:///{tmp_path / 'x.db'}"
    assert resolve_url("postgresql+psycopg://u:p@h/db") == "postgresql+psycopg://u:p@h/db"
    assert resolve_url(":memory:") == "sqlite://"
    monkeypatch.setenv("RASD_DB", str(tmp_path / "env.db"))
    assert resolve_url() == f"sqlite:///{tmp_path / 'env.db'}"


def test_default_is_under_the_user_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("RASD_DB", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert resolve_url() == f"sqlite:///{tmp_path / 'data' / 'rasd' / 'rasd.db'}"


def test_sqlite_file_is_in_wal_mode(tmp_path: Path) -> None:
    store = open_store(str(tmp_path / "w.db"))
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    store.close()


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("nosuchdb://x/y", "db: no database driver for 'nosuchdb://x/y'"),
        ("postgresql+nosuchdriver://u:secret@h/db", "db: no database driver for 'postgresql+nosuchdriver://u:***@h/db'"),
    ],
)
def test_bad_urls_are_store_errors_that_hide_the_password(url: str, message: str) -> None:
    with pytest.raises(RasdError) as raised:  # what every command catches and prints as one line
        open_store(url)
    assert type(raised.value) is StoreError and str(raised.value) == message


def test_unreachable_server_is_a_store_error() -> None:
    with pytest.raises(StoreError, match="migration failed"):
        open_store("postgresql+psycopg://nobody@127.0.0.1:1/none?connect_timeout=2")


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("postgresql+psycopg://u:secret@h:5433/db", "postgresql+psycopg://u:***@h:5433/db"),
        ("postgresql+psycopg://u@h/db", "postgresql+psycopg://u@h/db"),  # nothing to hide
        ("sqlite:///data/rasd.db", "sqlite:///data/rasd.db"),
        ("not a url", "not a url"),  # shown as given, not an error
    ],
)
def test_redact_hides_only_the_password(url: str, shown: str) -> None:
    assert redact(url) == shown
