"""Ingest runs killed anywhere end ``interrupted``: a stopped heartbeat, on SQLite and PostgreSQL.

A run killed on this host is found by its process id (tests/ingest/test_dead_letters.py
kills a real one); these cover a run on another host, whose process cannot be
looked for: its heartbeat stops, and after the stale timeout the next run (or
``rasd db runs --mark-interrupted``) marks it.
"""

from __future__ import annotations

import os
import socket
import threading
from datetime import timedelta
from pathlib import Path

import typer
from sqlalchemy import insert, select, update
from typer.testing import CliRunner

from rasd.cli.store import register
from rasd.clock import now
from rasd.store import Store, open_store
from rasd.store.models import IngestRun, table_of
from rasd.store.runs import Heartbeat

R = table_of(IngestRun)


def _elsewhere(store: Store, minutes_silent: float) -> int:
    """A run "running" on another host whose last heartbeat was ``minutes_silent`` ago."""
    at = now() - timedelta(minutes=minutes_silent)
    with store.transaction() as conn:
        row = conn.execute(insert(R).values(
            started_at=at - timedelta(hours=1), inputs=["far.jsonl"], counts={}, status="running", pid=1, host="far-away-host", heartbeat_at=at,
        ).returning(R.c.id))  # fmt: skip
        return int(row.scalar_one())


def _status(store: Store) -> dict[int, str]:
    with store.transaction() as conn:
        return {r.id: r.status for r in conn.execute(select(R.c.id, R.c.status))}


def test_a_silent_run_on_another_host_is_interrupted_by_the_next(store: Store) -> None:
    silent, beating = _elsewhere(store, 11), _elsewhere(store, 1)
    mine = store.start_run(["here.jsonl"])
    assert _status(store) == {silent: "interrupted", beating: "running", mine: "running"}
    (run,) = store.runs(limit=1)
    assert (run["id"], run["pid"], run["host"], run["counts"]) == (mine, os.getpid(), socket.gethostname(), {})
    assert run["heartbeat_at"] == run["started_at"]
    store.finish_run(mine, {"new": 1})
    assert store.runs(limit=1)[0]["status"] == "done"


def test_a_run_marked_interrupted_that_beats_again_is_running(store: Store) -> None:
    mine = store.start_run(["here.jsonl"])
    with store.transaction() as conn:
        conn.execute(update(R).where(R.c.id == mine).values(status="interrupted"))
    store.beat_run(mine)  # a laptop that slept past the timeout
    assert _status(store) == {mine: "running"}
    store.finish_run(mine, {}, status="failed")
    store.beat_run(mine)  # a late beat does not reopen a finished run
    assert _status(store) == {mine: "failed"}


def test_a_file_store_run_beats_until_it_finishes(tmp_path: Path) -> None:
    store = open_store(str(tmp_path / "runs.db"))
    mine = store.start_run(["here.jsonl"])
    started = store.runs(limit=1)[0]["heartbeat_at"]
    beaten = threading.Event()
    heartbeat = Heartbeat(lambda: (store.beat_run(mine), beaten.set()), every=0.01)
    assert beaten.wait(30)
    heartbeat.stop()
    assert store.runs(limit=1)[0]["heartbeat_at"] > started
    store.finish_run(mine, {})
    assert store._heartbeats == {}  # the run's own heartbeat thread stopped with it
    store.close()


def test_db_runs_marks_and_lists(tmp_path: Path) -> None:
    db = str(tmp_path / "cli.db")
    store = open_store(db)
    silent, beating = _elsewhere(store, 3), _elsewhere(store, 0.1)
    store.close()
    app = typer.Typer()
    register(app)
    runner = CliRunner()
    listed = runner.invoke(app, ["db", "runs", "--db", db])
    assert listed.exit_code == 0 and listed.output.count("\trunning\tfar-away-host:1\t") == 2
    marked = runner.invoke(app, ["db", "runs", "--db", db, "--mark-interrupted", "--stale-after", "2"])
    assert marked.exit_code == 0, marked.output
    assert f"marked 1 run(s) interrupted: #{silent}" in marked.output
    assert f"#{silent}\tinterrupted\t" in marked.output and f"#{beating}\trunning\t" in marked.output
    only = runner.invoke(app, ["db", "runs", "--db", db, "--status", "interrupted"])
    assert only.output.count("\tinterrupted\t") == 1 and f"#{beating}" not in only.output


def test_the_migration_keeps_a_running_runs_process(tmp_path: Path) -> None:
    from sqlalchemy import text

    from rasd.store.engine import make_engine, migrate

    url = f"sqlite:///{tmp_path / 'old.db'}"
    engine = make_engine(url)
    migrate(engine, "0009")  # the schema before runs had columns of their own
    with engine.begin() as conn:
        conn.execute(text(
            "INSERT INTO ingest_runs (started_at, inputs, counts, status) VALUES "
            "('2026-01-05 10:00:00', '[]', '{\"pid\": 77, \"host\": \"old-host\"}', 'running'), ('2026-01-05 09:00:00', '[]', '{\"new\": 3}', 'done')"
        ))  # fmt: skip
    engine.dispose()
    store = open_store(url)
    running, done = sorted(store.runs(), key=lambda r: r["status"], reverse=True)
    assert (running["pid"], running["host"], running["heartbeat_at"]) == (77, "old-host", running["started_at"])
    assert (done["pid"], done["host"], done["heartbeat_at"]) == (None, None, None)
    assert store.mark_interrupted_runs() == [running["id"]]  # silent since January
    store.close()
