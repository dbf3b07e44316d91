"""Start-up cost a person feels: ``import rasd`` and ``rasd --help``, against a bare interpreter.

Each command runs several times in a new process; the median and the best
are reported, since the first run may pay for a cold disk cache.

    python benchmarks/bench_startup.py
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import time
from typing import Any

import _common as c

RUNS = 3 if c.QUICK else 10

_HELP = "import sys; sys.argv = ['rasd', '--help']; from rasd.cli import main; main()"


def _help_command() -> list[str]:
    """The installed console script if there is one, else the same entry point through python."""
    exe = shutil.which("rasd")
    return [exe, "--help"] if exe else [sys.executable, "-c", _HELP]


COMMANDS: dict[str, list[str]] = {
    "python -c pass (floor)": [sys.executable, "-c", "pass"],
    "python -c 'import rasd'": [sys.executable, "-c", "import rasd"],
    "rasd --help": _help_command(),
}


def _time(cmd: list[str]) -> list[float]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(c.ROOT), os.environ.get("PYTHONPATH", "")])}
    times = []
    for _ in range(RUNS):
        t0 = time.perf_counter()
        done = subprocess.run(cmd, env=env, cwd=c.ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        times.append(1000 * (time.perf_counter() - t0))
        if done.returncode:
            last = (done.stderr.strip().splitlines() or ["no message"])[-1]
            raise RuntimeError(f"{' '.join(cmd[:2])} … failed: {last}")
    return times


def _slowest_imports(n: int = 3) -> str:
    """The heaviest non-rasd modules that ``import rasd`` pulls in (``-X importtime``, cumulative)."""
    out = subprocess.run([sys.executable, "-X", "importtime", "-c", "import rasd"], cwd=c.ROOT,
                         capture_output=True, text=True, check=True).stderr
    block: list[tuple[int, str]] = []  # imports nested under the next top-level one
    for line in out.splitlines()[1:]:
        parts = line.split("|")
        if len(parts) != 3 or not parts[1].strip().isdigit():
            continue
        name = parts[2].rstrip()
        if name.startswith("  "):
            block.append((int(parts[1]), name.strip()))
        elif name.strip() == "rasd":
            break
        else:
            block = []
    top = sorted((r for r in block if not r[1].startswith("rasd")), reverse=True)[:n]
    return ", ".join(f"{name} {us / 1000:.1f} ms" for us, name in top) or "none outside rasd"


def run() -> list[dict[str, Any]]:
    """The protocol's entry point: median and best start-up times."""
    rows = []
    with c.progress() as bar:
        task = bar.add_task("start-up", total=len(COMMANDS))
        for label, cmd in COMMANDS.items():
            try:
                times = _time(cmd)
            except RuntimeError as exc:  # report it and measure the rest
                rows.append(c.row("start-up", label, "–", note=str(exc)[:200]))
            else:
                rows.append(c.row("start-up", label, statistics.median(times), "ms",
                                  note=f"median of {RUNS}, best {min(times):.0f} ms"))
            bar.advance(task)
    rows.append(c.row("start-up", "heaviest imports", "", note=_slowest_imports()))
    return rows


if __name__ == "__main__":
    c.main(run)
