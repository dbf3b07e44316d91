"""API latency under load: p95 of ``/api/v1/events`` and ``/api/v1/events.geojson`` on 100,000 events.

The store is generated the way ``bench_query`` does (real migrations, real
indexes; 14 areas, 6 types, five years), served by ``uvicorn`` in its own
process on 127.0.0.1, and loaded by 50 concurrent clients: ``wrk`` when it is
installed (``apt-get install wrk``; a Lua script spreads requests over
random areas, types and windows), else an httpx async client. Requests are
bounded by time (10 s per run, six runs) and go to loopback only. Target: p95 < 100 ms.
Load starts once every worker answers ``/api/v1/health`` quickly, so process
start-up is not counted as request latency.

Each endpoint runs three times (see :data:`MIXES`): over 400 queries cycled
while the server's response cache (``rasd.api.cache``) is empty at the start
and fills, the same again with the cache full (the steady state between two
writes: any write empties it), and over queries that never repeat, so every
request is built from the database (the state right after a write, or a new view).
wrk is told to send ``Accept-Encoding: gzip, deflate`` as browsers and HTTP libraries do
(httpx, the fallback, sends it by itself).

    python benchmarks/bench_api.py
    RASD_BENCH_QUICK=1 python benchmarks/bench_api.py      # 20,000 events, 3 s per endpoint
"""

from __future__ import annotations

import asyncio
import os
import random
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import _common as c
import bench_query

N_EVENTS = 20_000 if c.QUICK else 100_000
CLIENTS = 50
SECONDS = 3 if c.QUICK else 10
WORKERS = int(os.environ.get("RASD_BENCH_WORKERS", "2"))  # uvicorn processes: one per core of the 2-core reference machine
TARGET_MS = 100.0
ACCEPT = "Accept-Encoding: gzip, deflate"  # what browsers, httpx and requests send; wrk sends none by itself
# The three runs per endpoint, in this order on one server: the second finds the cache the first filled.
MIXES = {
    "cache cold at start": "{n} distinct queries cycled, the cache empty at the start",
    "cache warm": "the same {n} queries again, the cache filled by the run before",
    "uncached": "{n:,} distinct queries, none repeated, so none is served from the cache",
}
DISTINCT = 30_000  # more than the uncached runs get through in their time, so no URL repeats


def _urls(kind: str, n: int = 400, *, distinct: bool = False) -> list[str]:
    """Requests a map or table makes: an area, maybe a type, a window of one to six months.

    By default 400 such queries, cycled: people looking at the same views, which the
    server's response cache serves. ``distinct`` makes every URL different (windows of
    any length), so no request can be served from the cache: the cold-path figure.
    """
    rng = random.Random(11)
    areas = [(country, a) for country, names in bench_query.AREAS.items() for a in names]
    out: list[str] = []
    seen: set[str] = set()
    i = 0
    while len(out) < n:
        country, admin1 = areas[rng.randrange(len(areas))]
        start = bench_query.START.toordinal() + rng.randrange(bench_query.DAYS - 200)
        length = rng.randrange(30, 181) if distinct else rng.choice((30, 90, 180))
        params: dict[str, Any] = {"date_from": _iso(start), "date_to": _iso(start + length)}
        params.update({"admin1": admin1} if i % 2 else {"country": country})
        if i % 3 == 0:
            params["event_type"] = rng.choice(bench_query.TYPES)
        if kind == "events":
            params.update(limit=50, offset=rng.choice((0, 0, 50, 100)))
        url = ("/api/v1/events?" if kind == "events" else "/api/v1/events.geojson?") + urlencode(params)
        if not (distinct and url in seen):
            seen.add(url)
            out.append(url)
        i += 1
    return out


def _iso(ordinal: int) -> str:
    from datetime import date

    return date.fromordinal(ordinal).isoformat()


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _serve(db: Path, port: int) -> subprocess.Popen[bytes]:
    """Start the server and return once every worker answers (``/api/v1/health`` from many connections)."""
    env = dict(os.environ, RASD_DB=str(db))
    cmd = [sys.executable, "-m", "uvicorn", "rasd.api.app:app_from_env", "--factory", "--host", "127.0.0.1", "--port", str(port), "--log-level", "warning", "--workers", str(WORKERS)]
    proc = subprocess.Popen(cmd, env=env)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                break
        except OSError:
            time.sleep(0.2)
    else:
        proc.kill()
        raise RuntimeError("the API server did not start")
    asyncio.run(_ready(f"http://127.0.0.1:{port}"))
    return proc


async def _ready(base: str) -> None:
    """Workers import the app after the port opens: wait until health answers fast on fresh connections.

    The figures are about a running server whose caches are empty, not about
    processes still importing; a worker that is not ready yet makes the
    health checks queue, so the loop waits until a round of them is quick.
    """
    import httpx

    async def one(http: httpx.AsyncClient) -> float:
        t0 = time.perf_counter()
        (await http.get("/api/v1/health")).raise_for_status()
        return time.perf_counter() - t0

    deadline = time.monotonic() + 60
    async with httpx.AsyncClient(base_url=base, timeout=60, limits=httpx.Limits(max_keepalive_connections=0)) as http:
        while time.monotonic() < deadline:
            if max(await asyncio.gather(*(one(http) for _ in range(4 * WORKERS)))) < 0.1:
                return
            await asyncio.sleep(0.2)
    raise RuntimeError("the API server's workers did not become ready")


_WRK_LUA = """
local urls = {}
for line in io.lines(os.getenv("RASD_URLS")) do urls[#urls + 1] = line end
local i = 0
request = function() i = i + 1; return wrk.format("GET", urls[(i % #urls) + 1]) end
done = function(summary, latency, requests)
  io.write(string.format("P50 %f\\nP95 %f\\nP99 %f\\nN %d\\nERR %d\\n", latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, summary.requests, summary.errors.status + summary.errors.connect + summary.errors.timeout))
end
"""


def _wrk(base: str, urls: list[str], tmp: Path) -> dict[str, float]:
    (tmp / "urls.txt").write_text("\n".join(urls))
    (tmp / "load.lua").write_text(_WRK_LUA)
    out = subprocess.run(
        ["wrk", "-t2", f"-c{CLIENTS}", f"-d{SECONDS}s", "--timeout", "10s", "-H", ACCEPT, "-s", str(tmp / "load.lua"), base],
        env=dict(os.environ, RASD_URLS=str(tmp / "urls.txt")), capture_output=True, text=True, check=True,
    ).stdout
    stats = {k: float(v) for k, v in re.findall(r"^(P50|P95|P99|N|ERR) ([\d.]+)$", out, re.MULTILINE)}
    stats["RPS"] = stats["N"] / SECONDS
    return stats


async def _httpx(base: str, urls: list[str]) -> dict[str, float]:
    import httpx

    latencies: list[float] = []
    errors = 0
    stop = time.monotonic() + SECONDS

    async def client(k: int, http: httpx.AsyncClient) -> None:
        nonlocal errors
        i = k
        while time.monotonic() < stop:
            t0 = time.perf_counter()
            r = await http.get(urls[i % len(urls)])
            latencies.append((time.perf_counter() - t0) * 1000)
            errors += r.status_code != 200
            i += CLIENTS

    limits = httpx.Limits(max_connections=CLIENTS, max_keepalive_connections=CLIENTS)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=30) as http:
        await asyncio.gather(*(client(k, http) for k in range(CLIENTS)))
    latencies.sort()
    pick = lambda q: latencies[min(len(latencies) - 1, int(q * len(latencies)))]
    return {"P50": pick(0.5), "P95": pick(0.95), "P99": pick(0.99), "N": len(latencies), "ERR": errors, "RPS": len(latencies) / SECONDS}


def run() -> list[dict[str, Any]]:
    """Build the store, serve it, load each endpoint; rows: p95, p50, throughput."""
    bench_query.N_EVENTS = N_EVENTS  # bench_query's generator, at this benchmark's size
    tool = "wrk" if shutil.which("wrk") else "httpx"
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.db"
        store, build_s = bench_query._build(db)
        store.close()
        rows.append(c.row("api: store build", "generate + insert", round(build_s, 1), "s", note=f"{N_EVENTS:,} events"))
        port = _port()
        server = _serve(db, port)
        try:
            base = f"http://127.0.0.1:{port}"
            for kind in ("events", "geojson"):
                for mix, described in MIXES.items():
                    urls = _urls(kind, DISTINCT if mix == "uncached" else 400, distinct=mix == "uncached")
                    stats = _wrk(base, urls, Path(tmp)) if tool == "wrk" else asyncio.run(_httpx(base, urls))
                    name = f"api: {'/events (page of 50)' if kind == 'events' else '/events.geojson'}, {mix}"
                    met = "met" if stats["P95"] < TARGET_MS else "MISSED"
                    note = (
                        f"{CLIENTS} clients, {tool}, {WORKERS} uvicorn workers, {SECONDS} s, {described.format(n=len(urls))}, "
                        f"{int(stats['N']):,} requests, {int(stats['ERR'])} errors; target < {TARGET_MS:.0f} ms {met}"
                    )
                    rows.append(c.row(name, "p95 latency", round(stats["P95"], 1), "ms", note=note))
                    rows.append(c.row(name, "p50 latency", round(stats["P50"], 1), "ms"))
                    rows.append(c.row(name, "throughput", round(stats["RPS"]), "req/s"))
        finally:
            server.terminate()
            server.wait(10)
    return rows


if __name__ == "__main__":
    c.main(run)
