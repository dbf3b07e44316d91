"""Alert channels: e-mail over SMTP and signed webhooks, Rasd's default alert plugins.

A channel delivers one :class:`~rasd.alerts.render.Message` to one
subscription's target and raises :class:`DeliveryError` when it could not;
retrying is the sender's job (the outbox), so a channel makes one attempt.

Every e-mail carries ``Message-ID: <DELIVERY_ID@DOMAIN>`` and every webhook
``X-Rasd-Delivery: DELIVERY_ID``, the same on every retry of one alert, so a
receiver drops a repeat. ``List-Unsubscribe`` is the bare ``<URL>`` of
RFC 2369 on one line (never an RFC 2047 encoded word, which mail clients
cannot follow).

E-mail settings come from the environment when a message is sent:
``RASD_SMTP_HOST`` (localhost), ``RASD_SMTP_PORT`` (25), ``RASD_SMTP_USER``,
``RASD_SMTP_PASSWORD``, ``RASD_SMTP_STARTTLS`` (``1`` to upgrade),
``RASD_SMTP_FROM`` (``rasd@localhost``).

Webhooks go only to public hosts unless the admin allows one
(:mod:`rasd.alerts.targets`), and are POSTed as JSON with ``X-Rasd-Signature: sha256=HEX``, the
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
from email.policy import EmailPolicy
from email.utils import make_msgid
from typing import Any

from rasd.alerts.render import Message
from rasd.alerts.targets import check_webhook_url
from rasd.alerts.tokens import sign
from rasd.errors import DeliveryError, InputError
from rasd.plugins import hookimpl

__all__ = ["Channel", "DeliveryError", "EmailChannel", "WebhookChannel", "register_alert_channels", "webhook_signature"]


class _MailPolicy(EmailPolicy):
    """SMTP's policy, except that headers holding a bare token (a URL, a message id) are written as they are.

    The standard policy folds lines at 78 characters, and a token longer than
    that without spaces becomes an RFC 2047 encoded word: a long unsubscribe
    link would then be unusable. Lines of up to 998 characters are valid mail.
    """

    def fold(self, name: str, value: str) -> str:
        """Bare-token headers unfolded; the others as the standard policy folds them."""
        if _verbatim(name, value):
            return f"{name}: {value}{self.linesep}"
        return super().fold(name, value)

    def fold_binary(self, name: str, value: str) -> bytes:
        """As :meth:`fold`, as bytes for the wire."""
        if _verbatim(name, value):
            return f"{name}: {value}{self.linesep}".encode("ascii")
        return super().fold_binary(name, value)


_VERBATIM = frozenset({"list-unsubscribe", "message-id"})


def _verbatim(name: str, value: object) -> bool:
    text = str(value)
    return name.lower() in _VERBATIM and text.isascii() and len(text) < 990 and "\n" not in text and "\r" not in text
MAIL_POLICY = _MailPolicy(linesep="\r\n")


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
        sender = env.get("RASD_SMTP_FROM", "rasd@localhost")
        domain = sender.rpartition("@")[2].strip("> ") or "rasd"
        mail = EmailMessage(policy=MAIL_POLICY)
        mail["Subject"] = message.subject
        mail["From"] = sender
        mail["To"] = sub["target"]
        mail["Message-ID"] = f"<{message.delivery_id}@{domain}>" if message.delivery_id else make_msgid(domain=domain)
        mail["Content-Language"] = "ar"
        if message.unsubscribe_url:
            mail["List-Unsubscribe"] = f"<{message.unsubscribe_url}>"
        mail.set_content(message.text)
        mail.add_alternative(message.html, subtype="html")
        smtp = smtplib.SMTP(timeout=20)
        try:
            smtp.connect(env.get("RASD_SMTP_HOST", "localhost"), int(env.get("RASD_SMTP_PORT", "25")))
            if env.get("RASD_SMTP_STARTTLS") == "1":
                smtp.starttls(context=ssl.create_default_context())
            if env.get("RASD_SMTP_USER"):
                smtp.login(env["RASD_SMTP_USER"], env.get("RASD_SMTP_PASSWORD", ""))
            smtp.send_message(mail)
        except smtplib.SMTPResponseException as exc:
            smtp.close()
            raise DeliveryError(f"SMTP {exc.smtp_code}: {exc.smtp_error!r}", status_code=exc.smtp_code) from exc
        except (OSError, smtplib.SMTPException) as exc:
            smtp.close()
            raise DeliveryError(f"SMTP: {exc.__class__.__name__}: {exc}") from exc
        _hang_up(smtp)
        return 250


def _hang_up(smtp: smtplib.SMTP) -> None:
    """Say QUIT without waiting for the answer: the message is accepted, and the sooner the sender records
    that, the smaller the window in which a crash sends it twice. Nothing here may fail the delivery."""
    try:
        smtp.send("QUIT\r\n")
    except (OSError, smtplib.SMTPException):
        pass
    smtp.close()


def webhook_signature(secret: str, timestamp: str, body: bytes) -> str:
    """The ``X-Rasd-Signature`` value a receiver should compute: ``sha256=`` + HMAC of ``TIMESTAMP.BODY``."""
    return "sha256=" + sign(secret.encode(), timestamp.encode() + b"." + body)


class WebhookChannel(Channel):
    """JSON POST signed with HMAC-SHA256; any 2xx answer is a delivery."""

    name = "webhook"
    needs_secret = True

    def validate_target(self, target: str) -> None:
        """An http(s) URL on a public host (or one the admin allows: :mod:`rasd.alerts.targets`)."""
        check_webhook_url(target, must_resolve=False)

    def send(self, sub: Mapping[str, Any], message: Message) -> int | None:
        """POST the payload once, 10 s timeout, no redirects; the target is checked again first."""
        import httpx

        try:
            check_webhook_url(sub["target"])
        except InputError as exc:
            raise DeliveryError(f"webhook refused: {exc.message}") from exc

        body = json.dumps(message.payload, ensure_ascii=False, default=str).encode()
        ts = str(int(time.time()))
        headers = {
            "Content-Type": "application/json; charset=utf-8", "User-Agent": "Rasd-Alerts",
            "X-Rasd-Timestamp": ts, "X-Rasd-Signature": webhook_signature(sub.get("secret") or "", ts, body),
            "X-Rasd-Delivery": message.delivery_id,
        }
        try:
            r = httpx.post(sub["target"], content=body, headers=headers, timeout=10.0, follow_redirects=False)
        except httpx.HTTPError as exc:
            raise DeliveryError(f"webhook: {exc.__class__.__name__}: {exc}") from exc
        if not 200 <= r.status_code < 300:
            raise DeliveryError(f"webhook answered {r.status_code}", status_code=r.status_code)
        return r.status_code


@hookimpl
def register_alert_channels() -> list[Channel]:
    """Rasd's own channels, registered as a default plugin."""
    return [EmailChannel(), WebhookChannel()]
