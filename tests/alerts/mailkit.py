"""A real SMTP receiver's handler for the alert tests (aiosmtpd keeps what Rasd sends)."""

from __future__ import annotations

import asyncio
import email
import email.policy
import threading
from email.message import EmailMessage


class Inbox:
    """An aiosmtpd handler that keeps every message, raw and parsed."""

    def __init__(self) -> None:
        self.messages: list[EmailMessage] = []
        self.raw: list[bytes] = []

    async def handle_DATA(self, server, session, envelope):  # type: ignore[no-untyped-def]
        self.raw.append(envelope.original_content or envelope.content)
        self.messages.append(email.message_from_bytes(envelope.content, policy=email.policy.default))  # type: ignore[arg-type]
        return "250 OK"


class HoldingInbox(Inbox):
    """Keeps a message as soon as its data arrives, then holds the answer until :attr:`release` is set.

    A test kills the sender while it waits: the receiver has the message, the sender never recorded it.
    """

    def __init__(self) -> None:
        super().__init__()
        self.release = threading.Event()

    async def handle_DATA(self, server, session, envelope):  # type: ignore[no-untyped-def]
        await super().handle_DATA(server, session, envelope)
        while not self.release.is_set():
            await asyncio.sleep(0.01)
        return "250 OK"
