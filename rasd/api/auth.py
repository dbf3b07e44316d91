"""``/api/v1/auth``: log in and out with a session cookie, and see who you are.

Browsers log in here (the page's login form posts the same fields); the
cookie is HttpOnly (scripts on the page cannot read it), SameSite=Lax (not
sent on cross-site POSTs) and Secure when the app is served over HTTPS.
The answer carries the session's CSRF token, which every write must echo.
Scripts use API tokens instead (``rasd user token NAME``).
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request, Response

from rasd.api.deps import SESSION_COOKIE, AppState, current_user, get_state
from rasd.api.errors import Unauthorized
from rasd.api.responses import error_responses
from rasd.api.schemas import LoginIn
from rasd.store.accounts import SESSION_TTL, Account

__all__ = ["log_in", "log_out", "router", "set_session_cookie"]

router = APIRouter(prefix="/auth", tags=["auth"])


def set_session_cookie(response: Response, state: AppState, token: str) -> None:
    """Attach the session cookie with the flags that keep it out of scripts' and other sites' reach."""
    response.set_cookie(
        SESSION_COOKIE, token, max_age=int(SESSION_TTL.total_seconds()), httponly=True, samesite="lax",
        secure=state.secure_cookies, path="/",
    )


def log_in(state: AppState, name: str, password: str, client: str | None = None) -> tuple[Account, str, str]:
    """Check the password and open a session: ``(account, cookie token, CSRF token)``.

    Failed attempts are bounded per name and per ``client`` address (:class:`~rasd.api.limits.LoginThrottle`):
    past the limit the answer is 429, whatever the password.
    """
    state.logins.check(name, client)
    account = state.accounts.authenticate(name, password)
    if account is None:
        state.logins.failed(name, client)
        raise Unauthorized("wrong name or password")
    state.logins.succeeded(name)
    token, csrf = state.accounts.open_session(account)
    return account, token, csrf


def log_out(request: Request, response: Response) -> None:
    """End the session behind the request's cookie and clear it."""
    if token := request.cookies.get(SESSION_COOKIE):
        get_state(request).accounts.close_session(token)
    response.delete_cookie(SESSION_COOKIE, path="/")


@router.post("/login", summary="Log in; sets the session cookie, returns the CSRF token", responses=error_responses(401, 429))
def login(body: LoginIn, request: Request, response: Response, state: Annotated[AppState, Depends(get_state)]) -> dict[str, object]:
    """``{"user": {...}, "csrf_token": "..."}``; send the token as ``X-CSRF-Token`` on every write."""
    account, token, csrf = log_in(state, body.name, body.password, request.client.host if request.client else None)
    set_session_cookie(response, state, token)
    return {"user": account.to_dict(), "csrf_token": csrf}


@router.post("/logout", status_code=204, summary="Log out (needs the CSRF token)")
async def logout(request: Request, response: Response, user: Annotated[Account | None, Depends(current_user)]) -> None:
    """Ends the session; the cookie stops working at once."""
    log_out(request, response)


@router.get("/me", summary="Who is logged in")
def me(user: Annotated[Account | None, Depends(current_user)]) -> dict[str, object]:
    """``{"user": null}`` when no one is."""
    return {"user": user.to_dict() if user else None}
