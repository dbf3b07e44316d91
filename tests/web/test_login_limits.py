"""The web login form is bounded like the API's: per name and per client address, the two counting together."""

from __future__ import annotations

import re

import httpx
import pytest
from apikit import PASSWORD, populate, serve

from rasd.store import open_store


def _form_login(http: httpx.Client, name: str, password: str) -> httpx.Response:
    """Fetch the form (for its double-submit token) and post it, as a browser does."""
    form = http.get("/login")
    token = re.search(r'name="csrf_token" value="([^"]+)"', form.text)
    assert token, form.text[:300]
    return http.post("/login", data={"name": name, "password": password, "csrf_token": token.group(1), "next": "/"})


def test_form_logins_are_bounded_per_address(tmp_path_factory: pytest.TempPathFactory) -> None:
    store = open_store(str(tmp_path_factory.mktemp("form-logins") / "rasd.db"))
    populate(store)
    try:
        with serve(store) as url, httpx.Client(base_url=url, timeout=20, headers={"Accept-Language": "ar"}) as http:
            # one address spraying names through the form: 20 failures (never 5 on one name), then every name is refused
            codes = [_form_login(http, f"user{i}", "wrong").status_code for i in range(20)]
            assert codes == [401] * 20
            refused = _form_login(http, "rana", PASSWORD)
            assert refused.status_code == 429 and int(refused.headers["Retry-After"]) > 0, "the right password waits too"
            assert "محاولات دخول فاشلة كثيرة" in refused.text and "rasd_session" not in refused.headers.get("set-cookie", "")
            # the API counts the same failures: the form's spraying locked the address there too
            api = http.post("/api/v1/auth/login", json={"name": "vera", "password": PASSWORD})
            assert api.status_code == 429
    finally:
        store.close()


def test_a_name_is_locked_through_the_form_after_five_failures(tmp_path_factory: pytest.TempPathFactory) -> None:
    store = open_store(str(tmp_path_factory.mktemp("form-name") / "rasd.db"))
    populate(store)
    try:
        with serve(store) as url, httpx.Client(base_url=url, timeout=20, headers={"Accept-Language": "en"}) as http:
            assert [_form_login(http, "vera", "wrong").status_code for _ in range(5)] == [401] * 5
            locked = _form_login(http, "vera", PASSWORD)
            assert locked.status_code == 429 and "Too many failed logins" in locked.text
            assert _form_login(http, "rana", PASSWORD).status_code == 303, "another name still logs in"
    finally:
        store.close()
