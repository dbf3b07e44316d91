"""Alert channels: e-mail over SMTP and signed webhooks, Rasd's default alert plugins.

A channel delivers one :class:`~rasd.alerts.render.Message` to one
subscription's target and raises :class:`DeliveryError` when it could not;
retrying is the sender's job (the outbox), so a channel makes one attempt.

E-mail settings come from the environment when a message is sent:
``RASD_SMTP_HOST`` (localhost), ``RASD_SMTP_PORT`` (25), ``RASD_SMTP_USER``,
``RASD_SMTP_PASSWORD``, ``RASD_SMTP_STARTTLS`` (``1`` to upgrade),
``RASD_SMTP_FROM`` (``rasd@localhost``).

Webhooks are POSTed as JSON with ``X-Rasd-Signature: sha256=HEX``, the
HMAC-SHA256 of ``TIMESTAMP.BODY`` under the subscription's secret, and the
timestamp in ``X-Rasd-Timestamp``: a receiver recomputes it to check the
sender and reject replays.
"""

from __future__ import annotations

import json
import os
import smtplib
import ssl
import time
from collections.abc import Mapping
from email.message import EmailMessage
from email.utils import make_msgid
from typing import Any

from rasd.alerts.render import Message
from rasd.alerts.tokens import sign
from rasd.errors import DeliveryError, InputError
from rasd.plugins import hookimpl

__all__ = ["Channel", "DeliveryError", "EmailChannel", "WebhookChannel", "register_alert_channels", "webhook_signature"]


class Channel:
    """A way to deliver alerts. Subclasses set ``name`` and implement :meth:`send`."""

    name = ""
    #: Whether subscriptions on this channel get a signing secret.
    needs_secret = False

    def validate_target(self, target: str) -> None:
        """Raise :class:`InputError` if ``target`` cannot be an address for this channel."""

    def send(self, sub: Mapping[str, Any], message: Message) -> int | None:
        """Deliver once; return a status code if the channel has one; raise :class:`DeliveryError` on failure."""
        raise NotImplementedError


class EmailChannel(Channel):
    """E-mail with plain-text and HTML parts, a ``List-Unsubscribe`` header, over SMTP."""

    name = "email"

    def validate_target(self, target: str) -> None:
        """An address with one ``@`` and a dotted or local domain."""
        if target.count("@") != 1 or not target.split("@")[0] or not target.split("@")[1]:
            raise InputError(f"not an e-mail address: {target!r}")

    def send(self, sub: Mapping[str, Any], message: Message) -> int | None:
        """One SMTP session per message (alerts are few; a pooled connection would only go stale)."""
        env = os.environ
        mail = EmailMessage()
        mail["Subject"] = message.subject
        mail["From"] = env.get("RASD_SMTP_FROM", "rasd@localhost")
        mail["To"] = sub["target"]
        mail["Message-ID"] = make_msgid(domain="rasd")
        mail["Content-Language"] = "ar"
        if message.unsubscribe_url:
            mail["List-Unsubscribe"] = f"<{message.unsubscribe_url}>"
        mail.set_content(message.text)
        mail.add_alternative(message.html, subtype="html")
        try:
            with smtplib.SMTP(env.get("RASD_SMTP_HOST", "localhost"), int(env.get("RASD_SMTP_PORT", "25")), timeout=20) as smtp:
                if env.get("RASD_SMTP_STARTTLS") == "1":
                    smtp.starttls(context=ssl.create_default_context())
                if env.get("RASD_SMTP_USER"):
                    smtp.login(env["RASD_SMTP_USER"], env.get("RASD_SMTP_PASSWORD", ""))
                smtp.send_message(mail)
        except smtplib.SMTPResponseException as exc:
            raise DeliveryError(f"SMTP {exc.smtp_code}: {exc.smtp_error!r}", status_code=exc.smtp_code) from exc
        except (OSError, smtplib.SMTPException) as exc:
            raise DeliveryError(f"SMTP: {exc.__class__.__name__}: {exc}") from exc
        return 250


def webhook_signature(secret: str, timestamp: str, body: bytes) -> str:
    """The ``X-Rasd-Signature`` value a receiver should compute: ``sha256=`` + HMAC of ``TIMESTAMP.BODY``."""
    return "sha256=" + sign(secret.encode(), timestamp.encode() + b"." + body)


class WebhookChannel(Channel):
    """JSON POST signed with HMAC-SHA256; any 2xx answer is a delivery."""

    name = "webhook"
    needs_secret = True

    def validate_target(self, target: str) -> None:
        """An http(s) URL."""
        if not target.startswith(("http://", "https://")):
            raise InputError(f"a webhook needs an http(s) URL, not {target!r}")

    def send(self, sub: Mapping[str, Any], message: Message) -> int | None:
        """POST the payload once, 10 s timeout."""
        import httpx

        body = json.dumps(message.payload, ensure_ascii=False, default=str).encode()
        ts = str(int(time.time()))
        headers = {
            "Content-Type": "application/json; charset=utf-8", "User-Agent": "Rasd-Alerts",
            "X-Rasd-Timestamp": ts, "X-Rasd-Signature": webhook_signature(sub.get("secret") or "", ts, body),
        }
        try:
            r = httpx.post(sub["target"], content=body, headers=headers, timeout=10.0)
        except httpx.HTTPError as exc:
            raise DeliveryError(f"webhook: {exc.__class__.__name__}: {exc}") from exc
        if not 200 <= r.status_code < 300:
            raise DeliveryError(f"webhook answered {r.status_code}", status_code=r.status_code)
        return r.status_code


@hookimpl
def register_alert_channels() -> list[Channel]:
    """Rasd's own channels, registered as a default plugin."""
    return [EmailChannel(), WebhookChannel()]
