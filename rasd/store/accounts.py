"""Accounts, login sessions and API tokens for the web app and API.

Three roles in rank order — ``viewer`` reads, ``reviewer`` changes events,
``admin`` also manages accounts — so one comparison answers "may this user
do that". Passwords are kept as argon2id hashes (``argon2-cffi``, the
``web`` extra). Session and API tokens are random and stored only as
SHA-256 digests: a leaked database does not log anyone in, and a token can
be looked up by an index without a slow hash per request.

The tables sit on the store's declarative base and are created by
migration ``0002``.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import (
    Boolean,
    Connection,
    DateTime,
    Engine,
    ForeignKey,
    Integer,
    String,
    Text,
    delete,
    insert,
    select,
    update,
)
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Mapped, mapped_column

from rasd.clock import now
from rasd.errors import ConfigError, StoreError
from rasd.store.models import Base, new_id, table_of

if TYPE_CHECKING:
    from rasd.store.store import Store

__all__ = ["ROLES", "Account", "Accounts", "ApiToken", "User", "UserSession", "role_rank"]

ROLES: tuple[str, ...] = ("viewer", "reviewer", "admin")
SESSION_TTL = timedelta(days=7)
TOKEN_TOUCH = timedelta(hours=1)  # how stale ``last_used_at`` may get before a request writes it
TOKEN_PREFIX = "rasd_"


class User(Base):
    """A person who logs in: name, argon2 password hash and role."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    password_hash: Mapped[str] = mapped_column(Text)
    role: Mapped[str] = mapped_column(String(20))
    disabled: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime)


class UserSession(Base):
    """A browser login: the cookie's digest, its CSRF token and when it expires."""

    __tablename__ = "user_sessions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    csrf: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(DateTime)
    expires_at: Mapped[datetime] = mapped_column(DateTime)


class ApiToken(Base):
    """A bearer token for scripts (``rasd user token NAME``); only its digest is kept."""

    __tablename__ = "api_tokens"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    label: Mapped[str | None] = mapped_column(String(120))
    created_at: Mapped[datetime] = mapped_column(DateTime)
    last_used_at: Mapped[datetime | None] = mapped_column(DateTime)


U, S, T = table_of(User), table_of(UserSession), table_of(ApiToken)


def role_rank(role: str) -> int:
    """Position of ``role`` in :data:`ROLES` (a bad role is a :class:`ConfigError`)."""
    try:
        return ROLES.index(role)
    except ValueError:
        raise ConfigError(f"unknown role {role!r}; one of {', '.join(ROLES)}") from None


@dataclass(frozen=True, slots=True)
class Account:
    """Who is asking: enough to authorise a request and to sign the audit trail."""

    id: int
    name: str
    role: str

    def has_role(self, role: str) -> bool:
        """True when this account's role is ``role`` or above it."""
        return role_rank(self.role) >= role_rank(role)

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape the API returns for ``/auth/me``."""
        return {"id": self.id, "name": self.name, "role": self.role}


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _hasher() -> Any:
    try:
        from argon2 import PasswordHasher
    except ModuleNotFoundError:  # pragma: no cover - depends on the installed extras
        raise ConfigError("accounts need argon2-cffi: pip install 'rasd[web]'") from None
    return PasswordHasher()


class Accounts:
    """Account operations on a :class:`~rasd.store.Store`, each in its own short transaction.

    ``read_engine`` (the API's) serves the per-request lookups — sessions and
    tokens — without taking the store's write lock.
    """

    def __init__(self, store: Store, read_engine: Engine | None = None) -> None:
        self.store = store
        self.read_engine = read_engine

    @contextmanager
    def _read(self, what: str) -> Iterator[Connection]:
        if self.read_engine is None:
            with self.store.transaction(what) as conn:
                yield conn
            return
        try:
            with self.read_engine.connect() as conn:
                yield conn
        except SQLAlchemyError as exc:
            raise StoreError(f"{what} failed: {exc.__class__.__name__}") from exc

    # -- users --------------------------------------------------------------
    def add_user(self, name: str, password: str, role: str = "viewer") -> Account:
        """Create an account; the name must be new and the password at least 8 characters."""
        role_rank(role)
        name = name.strip()
        if not name or len(name) > 120:
            raise ConfigError("a user name needs 1 to 120 characters")
        if len(password) < 8:
            raise ConfigError("a password needs at least 8 characters")
        with self.store.transaction("adding a user") as conn:
            if conn.execute(select(U.c.id).where(U.c.name == name)).first():
                raise ConfigError(f"user {name!r} already exists")
            uid = new_id(conn.execute(insert(U).values(
                name=name, password_hash=_hasher().hash(password), role=role, disabled=False, created_at=now(),
            )))
        return Account(uid, name, role)

    def users(self) -> list[Account]:
        """Every enabled account, by name."""
        with self.store.transaction("listing users") as conn:
            rows = conn.execute(select(U.c.id, U.c.name, U.c.role).where(U.c.disabled.is_(False)).order_by(U.c.name))
            return [Account(r.id, r.name, r.role) for r in rows]

    def user(self, name: str) -> Account:
        """The account called ``name`` (a :class:`ConfigError` when there is none)."""
        with self.store.transaction("reading a user") as conn:
            r = conn.execute(select(U.c.id, U.c.name, U.c.role).where(U.c.name == name, U.c.disabled.is_(False))).first()
        if r is None:
            raise ConfigError(f"no user {name!r}")
        return Account(r.id, r.name, r.role)

    def set_role(self, name: str, role: str) -> Account:
        """Change an account's role."""
        role_rank(role)
        account = self.user(name)
        with self.store.transaction("changing a role") as conn:
            conn.execute(update(U).where(U.c.id == account.id).values(role=role))
        return Account(account.id, account.name, role)

    def set_password(self, name: str, password: str) -> None:
        """Replace a password and end the account's sessions (they were opened with the old one)."""
        if len(password) < 8:
            raise ConfigError("a password needs at least 8 characters")
        account = self.user(name)
        with self.store.transaction("changing a password") as conn:
            conn.execute(update(U).where(U.c.id == account.id).values(password_hash=_hasher().hash(password)))
            conn.execute(delete(S).where(S.c.user_id == account.id))

    def remove_user(self, name: str) -> None:
        """Disable an account and revoke its sessions and tokens (its name stays in the audit trail)."""
        account = self.user(name)
        with self.store.transaction("removing a user") as conn:
            conn.execute(update(U).where(U.c.id == account.id).values(disabled=True))
            conn.execute(delete(S).where(S.c.user_id == account.id))
            conn.execute(delete(T).where(T.c.user_id == account.id))

    def authenticate(self, name: str, password: str) -> Account | None:
        """The account when ``password`` is right, else ``None`` (same answer for an unknown name)."""
        from argon2.exceptions import InvalidHashError, VerificationError

        with self.store.transaction("logging in") as conn:
            r = conn.execute(select(U).where(U.c.name == name, U.c.disabled.is_(False))).first()
        hasher = _hasher()
        if r is None:
            hasher.hash(password)  # spend the same time, so timing does not reveal which names exist
            return None
        try:
            hasher.verify(r.password_hash, password)
        except (VerificationError, InvalidHashError):
            return None
        return Account(r.id, r.name, r.role)

    # -- sessions -----------------------------------------------------------
    def open_session(self, account: Account, ttl: timedelta = SESSION_TTL) -> tuple[str, str]:
        """A new login: ``(cookie token, CSRF token)``."""
        token, csrf = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
        at = now()
        with self.store.transaction("opening a session") as conn:
            conn.execute(delete(S).where(S.c.expires_at < at))
            conn.execute(insert(S).values(token_hash=_digest(token), user_id=account.id, csrf=csrf, created_at=at, expires_at=at + ttl))
        return token, csrf

    def session(self, token: str) -> tuple[Account, str] | None:
        """The account and CSRF token of a live session cookie."""
        q = (
            select(U.c.id, U.c.name, U.c.role, S.c.csrf).join(U, U.c.id == S.c.user_id)
            .where(S.c.token_hash == _digest(token), S.c.expires_at > now(), U.c.disabled.is_(False))
        )
        with self._read("reading a session") as conn:
            r = conn.execute(q).first()
        return (Account(r.id, r.name, r.role), r.csrf) if r else None

    def close_session(self, token: str) -> None:
        """Log out: the cookie stops working at once."""
        with self.store.transaction("closing a session") as conn:
            conn.execute(delete(S).where(S.c.token_hash == _digest(token)))

    # -- API tokens ---------------------------------------------------------
    def create_token(self, name: str, label: str | None = None) -> str:
        """A new bearer token for ``name``; shown once, kept only as a digest."""
        account = self.user(name)
        token = TOKEN_PREFIX + secrets.token_urlsafe(32)
        with self.store.transaction("creating a token") as conn:
            conn.execute(insert(T).values(token_hash=_digest(token), user_id=account.id, label=label, created_at=now()))
        return token

    def token_account(self, token: str) -> Account | None:
        """The account a bearer token belongs to; its last use is recorded at most hourly."""
        digest = _digest(token)
        q = (
            select(U.c.id, U.c.name, U.c.role, T.c.last_used_at).join(U, U.c.id == T.c.user_id)
            .where(T.c.token_hash == digest, U.c.disabled.is_(False))
        )
        with self._read("checking a token") as conn:
            r = conn.execute(q).first()
        if r is None:
            return None
        at = now()
        if r.last_used_at is None or at - r.last_used_at > TOKEN_TOUCH:
            with self.store.transaction("recording a token's use") as conn:
                conn.execute(update(T).where(T.c.token_hash == digest).values(last_used_at=at))
        return Account(r.id, r.name, r.role)
