"""Where a webhook may point: public addresses only, unless the server's admin allows a host.

A subscriber chooses the webhook URL, and the server POSTs to it and logs
the answer's status: pointed at ``127.0.0.1``, a private network or a
cloud metadata address, that would let any viewer make the server call its
own internals and read whether they answered (a port probe). So the host
must resolve only to global addresses — not loopback, private (RFC 1918,
unique-local), link-local (``169.254.169.254`` is the metadata service),
shared, multicast, reserved or unspecified — checked when the subscription
is made and again before every delivery (an address can change).

``RASD_WEBHOOK_ALLOW_HOSTS`` (comma-separated host names or addresses) lets
the admin who runs the server allow internal receivers. What remains: a
name that resolves differently between the check and httpx's own lookup
(DNS rebinding within milliseconds); redirects are never followed.
"""

from __future__ import annotations

import ipaddress
import os
import socket
from urllib.parse import urlsplit

from rasd.errors import InputError

__all__ = ["ALLOW_ENV", "allowed_hosts", "check_webhook_url"]

ALLOW_ENV = "RASD_WEBHOOK_ALLOW_HOSTS"


def allowed_hosts() -> frozenset[str]:
    """The hosts the admin allows whatever they resolve to (``$RASD_WEBHOOK_ALLOW_HOSTS``), lower-cased."""
    return frozenset(h.strip().lower().strip("[]") for h in os.environ.get(ALLOW_ENV, "").split(",") if h.strip())


def _public(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast


def check_webhook_url(url: str, *, must_resolve: bool = True) -> None:
    """Raise :class:`InputError` unless ``url`` is http(s) and its host is allowed or resolves only to public addresses.

    ``must_resolve=False`` (making a subscription) lets a name that does not resolve yet pass: every
    delivery checks it again, and one that then resolves nowhere public is refused.
    """
    if not url.startswith(("http://", "https://")):
        raise InputError(f"a webhook needs an http(s) URL, not {url!r}")
    try:
        parts = urlsplit(url)
        host, port = (parts.hostname or "").lower(), parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError as exc:
        raise InputError(f"not a usable URL: {url!r} ({exc})") from exc
    if not host:
        raise InputError(f"a webhook URL needs a host: {url!r}")
    if host in allowed_hosts():
        return
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError) as exc:
        if not must_resolve:
            return
        raise InputError(f"the webhook host {host!r} does not resolve") from exc
    private = sorted({str(info[4][0]) for info in infos if not _public(str(info[4][0]))})
    if private:
        raise InputError(
            f"the webhook host {host!r} resolves to a non-public address ({', '.join(private)}); "
            f"an admin can allow it in ${ALLOW_ENV}"
        )
