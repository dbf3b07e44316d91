"""A tour of every page of the web app, shared by tests/web/test_every_page.py and scripts/web_screenshots.py.

:func:`prepare` gives the test site what the pages should show (a reviewed event with an audit trail,
an undated event); :func:`tour` visits each page in one language, waits until its scripts have filled
it, and hands it over as a :class:`Stop`; :func:`interface_text` collects what a reader sees on it
(text, placeholders, tooltips, option labels, the title), leaving out data shown as written
(``translate="no"``) and, in English, Arabic text marked ``lang="ar"`` (articles, evidence).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import httpx
from sqlalchemy import text
from apikit import Site, bearer
from browserkit import log_in, subscribe

from rasd.store.audit import draw_sample

# Every HTML page of the web app (rasd.web.mount_web) and the stop that shows it.
ROUTES = {"/login": "login", "/": "map", "/timeline": "timeline", "/table": "table", "/events/{event_id}": "review",
          "/documents/{document_id}": "article", "/alerts": "alerts", "/audit": "audit", "/audit/{batch_id}": "audit-batch",
          "/audit/risk": "audit-risk"}  # fmt: skip


@dataclass(frozen=True)
class Stop:
    """One page of the tour, ready to be read or photographed."""

    name: str
    full_page: bool = False


@dataclass(frozen=True)
class Prepared:
    """The ids the tour visits."""

    reviewed: int
    document: int
    undated: int
    audit_batch: int


def prepare(site: Site) -> Prepared:
    """Through the API, as rana: correct one event's toll and sub-type (its notes are rewritten), and leave another undated."""
    with site.store.transaction("finding the tour's events") as conn:
        by_article = dict(conn.execute(text(
            "SELECT d.doc_key, es.event_id FROM event_sources es JOIN documents d ON d.id = es.document_id"
        )).all())
    events = {e["id"]: e for e in site.store.events()}
    gaza, undated = events[by_article["gaza-airstrike"]], events[by_article["yemen-clashes"]]
    with httpx.Client(base_url=site.url, headers=bearer(site.tokens["rana"]), timeout=20) as http:
        for event, changes, comment in (
            (gaza, {"fatalities": (gaza["fatalities"] or 0) + 1, "sub_event_type": "Shelling/artillery/missile attack"}, "قائمة المستشفى"),
            (undated, {"event_date": None}, None),
        ):
            http.post(f"/api/v1/events/{event['id']}/review", json={"action": "correct", "changes": changes, "comment": comment}).raise_for_status()
    document = site.store.event_reports(gaza["id"])[0]["document_id"]
    with site.store.transaction("drawing an audit sample") as conn:
        batch = draw_sample(conn, 3, seed=1, created_by="rana", name="عينة الجولة")
    return Prepared(int(gaza["id"]), int(document), int(undated["id"]), batch)


def tour(page: Any, lang: str, ids: Prepared) -> Iterator[Stop]:
    """Visit every page in ``lang`` as a reviewer (the login form first, logged out)."""
    page.goto(f"/lang/{lang}?next=/login")
    page.wait_for_selector("#login-form")
    yield Stop("login")
    log_in(page)
    page.goto("/")
    page.wait_for_selector("#map[data-count][data-names]")
    page.locator(".leaflet-marker-icon, path.leaflet-interactive").first.click()  # a cluster zooms in; a point opens
    marker = page.locator("path.leaflet-interactive").first
    marker.wait_for()
    marker.click()
    page.wait_for_selector(".leaflet-popup-content .popup")
    yield Stop("map")
    page.goto("/timeline")
    page.wait_for_selector("#timeline-events svg rect.bar")
    page.wait_for_selector("#timeline-undated[data-events]", state="attached")
    yield Stop("timeline")
    page.goto("/table")
    page.wait_for_selector("#events-table tbody tr[data-id]")
    yield Stop("table")
    page.goto(f"/events/{ids.reviewed}")
    page.wait_for_selector("table#history")
    page.select_option("#correct-field", "sub_event_type")  # a coded field: picked from labelled codes
    yield Stop("review", full_page=True)
    page.goto(f"/documents/{ids.document}")
    page.locator(".event-card .field.has-evidence").first.hover()
    yield Stop("article")
    page.goto("/alerts?admin1=Gaza%20Strip")
    subscribe(page, f"غزة: كل حدث فيه قتلى ({lang})", f"desk-{lang}@example.org", min_fatalities="1")
    page.locator("#subscriptions details.deliveries summary").first.click()
    page.wait_for_selector("#subscriptions .delivery-log p, #subscriptions .delivery-log table")
    yield Stop("alerts", full_page=True)
    page.goto("/audit")
    page.wait_for_selector("h1")
    yield Stop("audit", full_page=True)
    page.goto(f"/audit/{ids.audit_batch}")
    page.wait_for_selector(".audit-item")
    yield Stop("audit-batch", full_page=True)
    page.goto("/audit/risk")
    page.wait_for_selector("#risk tbody tr")
    yield Stop("audit-risk", full_page=True)


# What a reader sees: visible text nodes, the words in attributes, every option of a list, the title.
_COLLECT = """(english) => {
  const skip = (node) => node.closest('[translate="no"], script, style, template') || (english && node.closest('[lang="ar"]'));
  let title = document.title;  // less any data it quotes (an article's title)
  for (const e of document.querySelectorAll('[translate="no"]')) if (e.textContent.trim()) title = title.replace(e.textContent.trim(), "");
  const out = [title];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const parent = n.parentElement;
    if (!n.textContent.trim() || skip(parent)) continue;
    const inSvgTitle = parent.closest("svg title");
    const box = inSvgTitle ? parent.closest("svg") : parent.closest("option") ? parent.closest("select") : parent;
    if (box.checkVisibility() || inSvgTitle) out.push(n.textContent.trim());
  }
  for (const e of document.body.querySelectorAll("[placeholder], [title], [aria-label], [alt], input[type=submit], input[type=button]")) {
    if (skip(e)) continue;
    for (const a of ["placeholder", "title", "aria-label", "alt", "value"]) if (e.hasAttribute(a) && (a !== "value" || e.type.match(/submit|button/))) out.push(e.getAttribute(a));
  }
  return out.filter((s) => s && s.trim());
}"""


def interface_text(page: Any, lang: str) -> list[str]:
    """The interface's strings on the page as a reader meets them."""
    return list(page.evaluate(_COLLECT, lang == "en"))
