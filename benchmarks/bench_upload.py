"""Hostile uploads: the server's memory under a 500 MB chunked anonymous POST and 200 slow clients.

``rasd serve`` runs in its own process on 127.0.0.1 over an empty store.
While 200 clients trickle a chunked body a few bytes a second, one client
sends 500 MB chunked to ``/api/v1/events/1/review`` without logging in (the
request of issue 16, which used to grow the server from 151 MB to 1.6 GB).
Measured: the server's peak RSS (``VmHWM``) against its RSS at rest, how
much of the upload it read before answering 413, and the latency of
``/api/v1/health`` while all of that goes on.

    python benchmarks/bench_upload.py
    RASD_BENCH_QUICK=1 python benchmarks/bench_upload.py     # 50 MB, 20 slow clients
"""

from __future__ import annotations

import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import _common as c
import httpx

UPLOAD_MB = 50 if c.QUICK else 500
SLOW_CLIENTS = 20 if c.QUICK else 200


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _status_kb(pid: int, field: str) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return 0


def _slow_client(port: int, stop: threading.Event) -> None:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=60) as sock:
            sock.sendall(b"POST /api/v1/events/1/review HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n")
            while not stop.wait(1.0):
                sock.sendall(b"1\r\nx\r\n")
    except OSError:
        pass  # the server may hang up on a slow client: that is allowed


def _upload(port: int, total: int) -> tuple[int, bytes, float]:
    started = time.perf_counter()
    piece = b"x" * (1 << 20)
    sent = 0
    with socket.create_connection(("127.0.0.1", port), timeout=60) as sock:
        sock.sendall(b"POST /api/v1/events/1/review HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n")
        try:
            while sent < total:
                sock.sendall(f"{len(piece):x}\r\n".encode() + piece + b"\r\n")
                sent += len(piece)
            sock.sendall(b"0\r\n\r\n")
        except (BrokenPipeError, ConnectionResetError):
            pass
        try:
            reply = sock.recv(200)
        except ConnectionResetError:
            reply = b""
    return sent, reply, time.perf_counter() - started


def run() -> list[dict[str, Any]]:
    """Serve, load, measure; the rows."""
    port = _free_port()
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "rasd.db")
        server = subprocess.Popen([sys.executable, "-m", "rasd", "serve", "--db", db, "--port", str(port)], stderr=subprocess.DEVNULL)
        try:
            base = f"http://127.0.0.1:{port}"
            deadline = time.monotonic() + 60
            while True:
                try:
                    if httpx.get(f"{base}/api/v1/health", timeout=2).status_code == 200:
                        break
                except httpx.HTTPError:
                    pass
                if time.monotonic() > deadline:
                    raise RuntimeError("rasd serve did not start")
                time.sleep(0.2)
            rest_mb = _status_kb(server.pid, "VmRSS") / 1024
            stop = threading.Event()
            slow = [threading.Thread(target=_slow_client, args=(port, stop), daemon=True) for _ in range(SLOW_CLIENTS)]
            for t in slow:
                t.start()
            result: dict[str, Any] = {}
            upload = threading.Thread(target=lambda: result.update(zip(("sent", "reply", "seconds"), _upload(port, UPLOAD_MB << 20), strict=True)))
            upload.start()
            latencies = []
            with httpx.Client(base_url=base, timeout=30) as http:
                while upload.is_alive() or len(latencies) < 20:
                    t0 = time.perf_counter()
                    ok = http.get("/api/v1/health").status_code == 200
                    latencies.append((time.perf_counter() - t0) * 1000 if ok else float("inf"))
                    time.sleep(0.05)
            upload.join()
            peak_mb = _status_kb(server.pid, "VmHWM") / 1024
            after_mb = _status_kb(server.pid, "VmRSS") / 1024
            stop.set()
        finally:
            server.terminate()
            server.wait(20)
    status = result.get("reply", b"")[:12].decode(errors="replace")
    name = f"serve: {UPLOAD_MB} MB chunked anonymous upload + {SLOW_CLIENTS} slow clients"
    return [
        c.row(name, "peak memory", round(peak_mb, 1), "MB RSS", ratio=round(peak_mb / rest_mb, 2), note=f"at rest {rest_mb:.1f} MB; ratio = peak / rest"),
        c.row(name, "memory after", round(after_mb, 1), "MB RSS"),
        c.row(name, "upload answered", round(result.get("seconds", 0.0), 2), "s", note=f"{status!r} after the client pushed {result.get('sent', 0) >> 20} MB (limit 1 MiB)"),
        c.row(name, "p95 latency of /health meanwhile", round(statistics.quantiles(latencies, n=20)[-1], 1), "ms", note=f"{len(latencies)} requests"),
    ]


if __name__ == "__main__":
    c.main(run)
