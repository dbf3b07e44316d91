"""A sender killed after the mail server accepted a message (issue 16): the repeat it sends on restart is the
same message — same ``Message-ID`` — so a receiver drops it; and ``List-Unsubscribe`` is a usable ``<URL>``."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from mailkit import HoldingInbox, Inbox
from store_factories import doc, strike

from rasd.alerts import create_subscription, send_due
from rasd.clock import now
from rasd.store import Store, open_store

SENDER = "import sys; from rasd.alerts import send_due; from rasd.store import open_store; send_due(open_store(sys.argv[1]), base_url='http://rasd.test')"


def _subscribe(store: Store) -> None:
    with store.transaction() as conn:
        create_subscription(conn, name="غزة", channel="email", target="desk@example.org", filters={"admin1": ["Gaza Strip"]}, at=now())


def test_a_sender_killed_after_the_server_took_the_mail_repeats_it_with_the_same_message_id(
    tmp_path: Path, holding_inbox: HoldingInbox,
) -> None:
    url = str(tmp_path / "rasd.db")
    store = open_store(url)
    _subscribe(store)
    store.save(doc("a"), [strike()])
    sender = subprocess.Popen([sys.executable, "-c", SENDER, url], env=os.environ.copy())
    deadline = time.monotonic() + 30
    while not holding_inbox.raw:
        assert time.monotonic() < deadline and sender.poll() is None, "the sender never reached the mail server"
        time.sleep(0.02)
    os.kill(sender.pid, signal.SIGKILL)  # the server has the message; the sender never heard its 250
    sender.wait(10)
    holding_inbox.release.set()
    report = send_due(store, base_url="http://rasd.test")
    assert report.messages_sent == 1, "at least once: the alert is not lost"
    first, repeat = holding_inbox.messages
    assert first["Message-ID"] == repeat["Message-ID"] and first["Message-ID"].endswith("@rasd.test>")
    assert send_due(store).messages_sent == 0
    store.close()


@pytest.mark.parametrize("base_url", ["http://rasd.test", "https://a-rather-long-host-name.example.org/with/a/deep/path/prefix"])
def test_list_unsubscribe_is_one_bare_url_on_the_wire(store: Store, inbox: Inbox, base_url: str) -> None:
    _subscribe(store)
    store.save(doc("a"), [strike()])
    assert send_due(store, base_url=base_url).messages_sent == 1
    [raw] = inbox.raw
    [line] = [h for h in raw.split(b"\r\n") if h.lower().startswith(b"list-unsubscribe:")]
    assert line.startswith(b"List-Unsubscribe: <" + base_url.encode() + b"/api/v1/alerts/unsubscribe?token=") and line.endswith(b">")
    assert b"=?" not in line
    [msg] = inbox.messages
    assert msg["Subject"].startswith("رصد")  # the Arabic subject is still encoded properly
