"""The ``ingest_runs`` record: a row per ``rasd ingest``/``watch`` cycle/``load``, and runs that were killed.

A run is written "running" when it starts and gets its summary and final
status when it ends. A process killed with ``kill -9`` (or a machine that
lost power) never ends its run, so every new run first looks at the runs
still "running" that were started *on this host*: one whose process is gone
is marked ``interrupted``. The process id and host name are kept in the
run's ``counts`` until it finishes. Runs started on another host are left as
they are: their process cannot be looked for from here.
"""

from __future__ import annotations

import os
import socket
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, insert, select, update

from rasd.store.models import IngestRun, new_id, table_of

__all__ = ["finish_run", "process_alive", "start_run"]

R = table_of(IngestRun)


def process_alive(pid: int) -> bool:
    """Whether a process with id ``pid`` exists on this machine (POSIX; elsewhere assumed alive)."""
    if os.name != "posix":
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process
        return True
    return True


def _mark_interrupted(conn: Connection, host: str) -> int:
    """Mark this host's "running" runs whose process is gone as ``interrupted``; returns how many."""
    stale = [
        r.id
        for r in conn.execute(select(R.c.id, R.c.counts).where(R.c.status == "running"))
        if isinstance(r.counts, dict) and r.counts.get("host") == host
        and isinstance(r.counts.get("pid"), int) and not process_alive(r.counts["pid"])
    ]
    if stale:
        conn.execute(update(R).where(R.c.id.in_(stale)).values(status="interrupted"))
    return len(stale)


def start_run(conn: Connection, inputs: Sequence[str], *, at: datetime) -> int:
    """Record the start of a run (after marking killed runs of this host as interrupted)."""
    host = socket.gethostname()
    _mark_interrupted(conn, host)
    counts = {"pid": os.getpid(), "host": host}
    return new_id(conn.execute(insert(R).values(started_at=at, inputs=list(inputs), counts=counts, status="running")))


def finish_run(conn: Connection, run_id: int, counts: Mapping[str, Any], *, status: str, at: datetime) -> None:
    """Record a run's summary and final status."""
    conn.execute(update(R).where(R.c.id == run_id).values(finished_at=at, counts=dict(counts), status=status))
