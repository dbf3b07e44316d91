"""The README, followed from top to bottom on a fresh store, as a newcomer would.

``test_first_hour`` runs every line of the README's "Your first hour" block
as printed, through bash, in an empty folder (with ``rasd/`` reachable for
the demo article) and a fresh user data directory: it starts ``rasd serve``
(on a free port: ``--port`` added), logs in as the user the README creates
and corrects an event in Chromium, exports every format, and sends the alert
to a real SMTP server (aiosmtpd, on a free port that replaces the printed
``RASD_SMTP_PORT``). The pip line is checked against pyproject's extras
instead of being run. ``test_every_command_matches_the_program`` checks
every other ``rasd`` command in the README against the program's own
commands and options.
"""

from __future__ import annotations

import csv
import json
import os
import re
import shlex
import socket
import subprocess
import sys
import time
import tomllib
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
import typer

from rasd.cli import app

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT / "tests" / "web"), str(ROOT / "tests" / "api")]
from browserkit import chromium, log_in  # noqa: E402
README = (ROOT / "README.md").read_text(encoding="utf-8")
BIN = Path(sys.executable).parent
PASSWORD = "first-hour-pw"


def bash_blocks(section: str | None = None) -> list[str]:
    """The ```bash blocks of the README (of one ``## `` section when named)."""
    text = README
    if section is not None:
        text = README.split(f"\n## {section}\n", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```bash\n(.*?)```", text, re.DOTALL)


def walkthrough() -> list[str]:
    (block,) = bash_blocks("Your first hour")
    return [line for line in block.splitlines() if line.strip()]


def rasd_commands() -> list[list[str]]:
    """Every ``rasd …`` command of every bash block, as argument lists (comments, pipes and ``&&`` split off)."""
    commands = []
    for block in bash_blocks():
        for line in block.splitlines():
            for part in re.split(r"&&|\|", line.split(" # ")[0]):
                words = shlex.split(part, comments=True)
                while words and "=" in words[0]:
                    words = words[1:]  # VAR=value prefixes
                if words and words[0] == "rasd":
                    commands.append(words[1:])
    return commands


def test_every_command_matches_the_program() -> None:
    root = typer.main.get_command(app)
    commands = rasd_commands()
    assert len(commands) >= 30
    for words in commands:
        command: Any = root
        rest = list(words)
        while hasattr(command, "commands") and rest and not rest[0].startswith("-"):
            sub = command.commands.get(rest[0])
            assert sub is not None, f"README: `rasd {' '.join(words)}`: no command {rest[0]!r}"
            command, rest = sub, rest[1:]
        assert not hasattr(command, "commands"), f"README: `rasd {' '.join(words)}` names a group, not a command"
        known = {opt for p in command.params for opt in (*p.opts, *p.secondary_opts)}
        for word in rest:
            if word.startswith("-") and word != "-":
                assert word.split("=")[0] in known, f"README: `rasd {' '.join(words)}`: {command.name} has no option {word}"


def test_readme_states_no_figure_the_program_contradicts() -> None:
    assert "/docs)" not in README and "(OpenAPI at /docs" not in README
    assert "`/api/docs`" in README or "/api/docs" in README
    for extra in ("web", "xlsx", "parquet", "dask"):
        assert f"`{extra}`" in README
    assert "rasd alerts send" in README and "RASD_SMTP_HOST" in README
    assert not re.search(r"\b\d{1,3},\d{3} places\b", README), "gazetteer counts belong to `rasd gazetteer info`"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Newcomer:
    """Runs README lines through bash in a folder of their own, with only Rasd's environment."""

    def __init__(self, home: Path) -> None:
        self.cwd = home / "work"
        self.cwd.mkdir()
        (self.cwd / "rasd").symlink_to(ROOT / "rasd")  # "From the repository's root": the demo article's path
        self.data_home = home / "data"
        keep = {k: v for k, v in os.environ.items() if k in ("LANG", "LC_ALL", "TMPDIR", "SYSTEMROOT")}
        self.env = {**keep, "PATH": f"{BIN}{os.pathsep}/usr/bin{os.pathsep}/bin", "HOME": str(home), "XDG_DATA_HOME": str(self.data_home)}

    def run(self, line: str, *, stdin: str = "", timeout: float = 180) -> subprocess.CompletedProcess[str]:
        done = subprocess.run(
            ["bash", "-c", line], cwd=self.cwd, env=self.env, input=stdin, capture_output=True, text=True,
            timeout=timeout, start_new_session=True,  # no terminal: a password prompt reads stdin
        )
        assert done.returncode == 0, f"README line failed: {line}\n{done.stdout}\n{done.stderr}"
        return done

    def start(self, line: str) -> subprocess.Popen[str]:
        log = (self.cwd.parent / "serve.log").open("w")
        with log:
            return subprocess.Popen(["bash", "-c", f"exec {line}"], cwd=self.cwd, env=self.env, stdout=log, stderr=log,
                                    text=True, start_new_session=True)


@pytest.fixture
def inbox() -> Iterator[tuple[int, list[Any]]]:
    controller_mod = pytest.importorskip("aiosmtpd.controller")
    import email
    import email.policy

    received: list[Any] = []

    class Handler:
        async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
            received.append(email.message_from_bytes(envelope.content, policy=email.policy.default))
            return "250 OK"

    port = _free_port()
    controller = controller_mod.Controller(Handler(), hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield port, received
    finally:
        controller.stop()


def _wait_for(url: str, server: subprocess.Popen[str]) -> None:
    import httpx

    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        assert server.poll() is None, f"rasd serve exited with {server.returncode}"
        try:
            httpx.get(url, timeout=1)
            return
        except httpx.TransportError:
            time.sleep(0.2)
    raise AssertionError(f"rasd serve did not answer at {url}")


def _review_in_chromium(base: str) -> int:
    """Log in as the README's user, open the first event from the table, correct its death toll; returns its id."""
    with chromium() as browser:
        page = browser.new_page(base_url=base, locale="ar")
        page.set_default_timeout(15_000)
        log_in(page, "mona", PASSWORD)
        page.goto("/table")
        link = page.locator("#events-table tbody tr[data-id] a").first
        event_id = int(link.inner_text().lstrip("#"))
        link.click()
        page.wait_for_url(f"**/events/{event_id}")
        page.select_option("#correct-field", "fatalities")
        page.fill("#correct-value", "7")
        page.click("#correct-save")
        page.wait_for_selector("table#history")
        assert "mona" in page.inner_text("table#history tbody tr")
        assert page.inner_text('#fields tr[data-field="fatalities"] td.value') == "7"
    return event_id


@pytest.mark.slow
def test_first_hour(tmp_path: Path, inbox: tuple[int, list[Any]]) -> None:
    smtp_port, received = inbox
    you = Newcomer(tmp_path)
    lines = walkthrough()
    extras = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["optional-dependencies"]
    server: subprocess.Popen[str] | None = None
    corrected = None
    try:
        for line in lines:
            if line.startswith(".venv/bin/pip install"):
                named = re.search(r"\.\[([\w,]+)\]", line)
                assert named and set(named.group(1).split(",")) <= set(extras), line
                continue
            if line.startswith("source .venv/bin/activate"):
                continue  # PATH already starts with the environment's bin
            if line.startswith("rasd user add"):
                assert "added mona (reviewer)" in you.run(line, stdin=f"{PASSWORD}\n{PASSWORD}\n").stdout
                continue
            if line.startswith("rasd serve"):
                port = _free_port()
                server = you.start(f"{line} --port {port}")
                base = f"http://127.0.0.1:{port}"
                _wait_for(f"{base}/api/docs", server)
                with ThreadPoolExecutor(1) as pool:  # a thread of its own: another test's Playwright may hold this one's loop
                    corrected = pool.submit(_review_in_chromium, base).result()
                continue
            if "rasd alerts send" in line:
                assert "RASD_SMTP_PORT=8025" in line
                done = you.run(line.replace("RASD_SMTP_PORT=8025", f"RASD_SMTP_PORT={smtp_port}"))
                assert re.match(r"[1-9]\d* messages sent", done.stdout), done.stdout
                continue
            done = you.run(line)
            if line.startswith("rasd search"):
                assert "demo-idlib" in done.stdout
            if line.startswith("rasd export"):
                out = you.cwd / shlex.split(line)[-1]
                assert out.stat().st_size > 0 and f"from sqlite:///{you.cwd / 'events.db'}" in done.stderr, done.stderr
    finally:
        if server is not None:
            server.terminate()
            server.wait(10)
    assert corrected is not None, "the README's walkthrough has no `rasd serve` line"
    # The reviewer's correction reached the exports, with notes rewritten from it.
    rows = list(csv.DictReader((you.cwd / "events.csv").read_text(encoding="utf-8-sig").splitlines()))
    assert rows and all(r["admin1"] == "Idlib" for r in rows)
    records = {r["rasd_id"]: r for r in map(json.loads, (you.cwd / "events.jsonl").read_text(encoding="utf-8").splitlines())}
    mine = records[corrected]
    assert mine["fatalities"] == 7 and mine["review_status"] == "corrected" and re.search(r"\b7 [\w ()]+ were killed", mine["notes"])
    assert json.loads((you.cwd / "events.geojson").read_text(encoding="utf-8"))["features"]
    # The alert went to the address the README subscribed.
    assert received and received[0]["To"] == "desk@example.org"
    # Nothing went to the default store: every command acted on the --db it shows.
    assert not any(you.data_home.rglob("*.db")), sorted(you.data_home.rglob("*"))
