"""A real SMTP receiver's handler for the alert tests (aiosmtpd keeps what Rasd sends)."""

from __future__ import annotations

import email
import email.policy
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
