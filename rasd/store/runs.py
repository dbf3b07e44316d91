"""The ``ingest_runs`` record: a row per ``rasd ingest``/``watch`` cycle/``load``, and runs that were killed.

A run is written "running" when it starts, with the process id and host
that run it, and gets its summary and final status when it ends. While it
runs, a :class:`Heartbeat` thread writes ``heartbeat_at`` every
:data:`HEARTBEAT_EVERY` seconds. A process killed with ``kill -9`` (or a
machine that lost power) never ends its run, so :func:`mark_interrupted`
— called by every new run, and by ``rasd db runs --mark-interrupted`` —
marks a "running" run ``interrupted`` when

* it was started on this host and its process is gone (at once), or
* its heartbeat is older than ``stale_after`` (:data:`STALE_AFTER`, ten
  minutes: twenty missed beats), wherever it ran — a host whose processes
  cannot be looked for from here.

A run marked interrupted whose process turns out to be alive (a machine
that slept past the timeout) is ``running`` again at its next beat, and its
end is recorded as usual. The heartbeat says the process lives, not that it
progresses: a run stuck on one document keeps beating.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Connection, func, insert, select, update

from rasd.errors import RasdError
from rasd.store.models import IngestRun, new_id, table_of

__all__ = ["HEARTBEAT_EVERY", "STALE_AFTER", "Heartbeat", "beat", "finish_run", "list_runs", "mark_interrupted", "process_alive", "start_run"]

log = logging.getLogger("rasd.store")
R = table_of(IngestRun)
HEARTBEAT_EVERY = 30.0
STALE_AFTER = timedelta(minutes=10)


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


def mark_interrupted(conn: Connection, *, at: datetime, stale_after: timedelta = STALE_AFTER, host: str | None = None) -> list[int]:
    """Mark killed runs ``interrupted`` (see the module docstring); returns their ids, oldest first."""
    host = host or socket.gethostname()
    running = R.c.status == "running"
    gone = [
        r.id for r in conn.execute(select(R.c.id, R.c.pid).where(running, R.c.host == host, R.c.pid.is_not(None)))
        if not process_alive(r.pid)
    ]
    silent = [r.id for r in conn.execute(select(R.c.id).where(running, func.coalesce(R.c.heartbeat_at, R.c.started_at) < at - stale_after))]
    stale = sorted(set(gone) | set(silent))
    if stale:
        conn.execute(update(R).where(R.c.id.in_(stale), running).values(status="interrupted"))
    return stale


def start_run(conn: Connection, inputs: Sequence[str], *, at: datetime, stale_after: timedelta = STALE_AFTER) -> int:
    """Record the start of a run (after marking killed runs as interrupted)."""
    host = socket.gethostname()
    mark_interrupted(conn, at=at, stale_after=stale_after, host=host)
    values = {"started_at": at, "inputs": list(inputs), "counts": {}, "status": "running", "pid": os.getpid(), "host": host, "heartbeat_at": at}
    return new_id(conn.execute(insert(R).values(**values)))


def beat(conn: Connection, run_id: int, *, at: datetime) -> None:
    """A running run's sign of life (an ``interrupted`` one that beats is running again)."""
    conn.execute(update(R).where(R.c.id == run_id, R.c.status.in_(("running", "interrupted"))).values(heartbeat_at=at, status="running"))


def finish_run(conn: Connection, run_id: int, counts: Mapping[str, Any], *, status: str, at: datetime) -> None:
    """Record a run's summary and final status."""
    conn.execute(update(R).where(R.c.id == run_id).values(finished_at=at, counts=dict(counts), status=status))


def list_runs(conn: Connection, *, limit: int = 20, status: str | None = None) -> list[dict[str, Any]]:
    """The latest runs, newest first, as dicts of their columns."""
    q = select(R).order_by(R.c.id.desc()).limit(limit)
    if status is not None:
        q = q.where(R.c.status == status)
    return [dict(r._mapping) for r in conn.execute(q)]


class Heartbeat:
    """A daemon thread calling ``beat`` every ``every`` seconds until :meth:`stop`: the run shows life while its process lives."""

    def __init__(self, beat: Callable[[], object], every: float = HEARTBEAT_EVERY) -> None:
        self._stopped = threading.Event()
        self._thread = threading.Thread(target=self._loop, args=(beat, every), name="rasd-run-heartbeat", daemon=True)
        self._thread.start()

    def _loop(self, beat: Callable[[], object], every: float) -> None:
        while not self._stopped.wait(every):
            try:
                beat()
            except RasdError as exc:  # a missed beat is no failure of the run; the next may land
                log.warning("run heartbeat failed: %s", exc)

    def stop(self) -> None:
        """Stop beating (waits for a beat under way, a few seconds at most)."""
        self._stopped.set()
        self._thread.join(5)
