// The alerts page: the user's subscriptions with their delivery logs, and the form that creates one.
// Everything goes through /api/v1/alerts (Rasd.api adds the CSRF token to writes); values are text nodes only.
"use strict";
(() => {
  const { t, el, api, fillForm, label, COLORS } = Rasd;
  const BASE = "/api/v1/alerts/subscriptions";
  const form = document.getElementById("subscribe-form");
  const field = (name) => form.elements.namedItem(name);
  const table = document.getElementById("subscriptions");
  const head = table.tHead;
  const errorBox = document.getElementById("alerts-error");
  const secretBox = document.getElementById("secret-box");
  // How the event filter's keys (docs/filters.md) read in the interface (min_fatalities, bbox and polygon are worded below).
  const LABELS = {
    country: t.f_country, admin1: t.f_admin1, admin2: t.f_admin2, actor: t.actor, event_type: t.event_types, sub_event_type: t.f_sub_event_type,
    date_from: t.date_from, date_to: t.date_to, review_status: t.review_status, q: t.search,
  };
  // The event field whose labels a filter key's values take (the others are names shown as written).
  const COMMA = document.body.dataset.lang === "ar" ? "، " : ", ";
  const VALUE_FIELDS = { country: "country", admin1: "admin1", event_type: "event_type", sub_event_type: "sub_event_type" };
  // The input type that lets the browser check a target before the API does.
  const TARGET_TYPES = { email: "email", webhook: "url" };

  const showError = (err) => { errorBox.textContent = err.message; errorBox.hidden = false; };
  const when = (iso) => el("time", { datetime: iso }, iso.slice(0, 16).replace("T", " "));

  // {"admin1": ["Daraa"], "min_fatalities": 2} → "Admin 1: Daraa · Minimum fatalities: 2".
  function summary(filters) {
    const parts = Object.entries(filters).map(([key, value]) => {
      if (key === "min_fatalities") return `${t.min_fatalities}: ${value}`;
      if (key === "bbox") return `${t.filter_bbox}: ${value.join(", ")}`;
      if (key === "polygon") return t.filter_polygon;
      return `${LABELS[key] || key}: ${[].concat(value).map((v) => label(VALUE_FIELDS[key], v)).join(COMMA)}`;
    });
    return parts.length ? parts.join(" · ") : t.every_event;
  }

  async function showDeliveries(id, box) {
    const rows = await api(`${BASE}/${encodeURIComponent(id)}/deliveries`);
    if (!rows.length) {
      box.replaceChildren(el("p", { class: "muted" }, t.no_deliveries));
      return;
    }
    box.replaceChildren(el("table", { class: "data" },
      el("thead", {}, el("tr", {}, ...[t.when, t.attempt, t.result, t.status_or_error].map((h) => el("th", {}, h)))),
      el("tbody", {}, ...rows.map((d) => el("tr", { class: d.ok ? "ok" : "failed" },
        el("td", {}, when(d.at)), el("td", {}, d.attempt), el("td", {}, d.ok ? t.delivered : t.failed),
        el("td", { dir: "auto", translate: "no" }, [d.status_code, d.error].filter((v) => v !== null && v !== undefined).join(" ")))))));
  }

  async function end(id) {
    if (!window.confirm(t.end_confirm)) return;
    try {
      await api(`${BASE}/${encodeURIComponent(id)}`, { method: "DELETE" });
      await load();
    } catch (err) { showError(err); }
  }

  // One subscription: a row of its fields, and a row with its delivery log, loaded each time it is opened.
  function subscription(s) {
    const owner = s.owner !== table.dataset.user ? el("div", { class: "muted" }, `${t.owner}: `, el("bdi", { translate: "no" }, s.owner ?? "—")) : "";
    const endButton = s.active ? el("button", { type: "button", class: "end" }, t.end) : "";
    if (endButton) endButton.addEventListener("click", () => end(s.id));
    const log = el("div", { class: "delivery-log" });
    const details = el("details", { class: "deliveries" }, el("summary", {}, t.deliveries), log);
    details.addEventListener("toggle", () => { if (details.open) showDeliveries(s.id, log).catch(showError); });
    return el("tbody", { class: "subscription", "data-id": s.id, dataset: { active: String(s.active) } },
      el("tr", {},
        el("td", { class: "sub-name", dir: "auto" }, el("bdi", { translate: "no" }, s.name), owner),
        el("td", {}, t["channel_" + s.channel] || s.channel),
        el("td", { dir: "ltr" }, el("bdi", { translate: "no" }, s.target)),
        el("td", {}, t["mode_" + s.mode] || s.mode),
        el("td", { class: "filter-summary", dir: "auto" }, summary(s.filters || {})),
        el("td", {}, when(s.created_at)),
        el("td", {}, el("span", { class: `status status-${s.active ? "active" : "ended"}` }, s.active ? t.active : t.ended)),
        el("td", {}, endButton)),
      el("tr", { class: "log-row" }, el("td", { colspan: head.rows[0].cells.length }, details)));
  }

  async function load() {
    const subs = await api(BASE);
    const rows = subs.reverse().map(subscription);
    if (!rows.length) rows.push(el("tbody", {}, el("tr", {}, el("td", { colspan: head.rows[0].cells.length, class: "muted" }, t.no_subscriptions))));
    table.replaceChildren(head, ...rows);
  }

  function matchTarget() {
    field("target").type = TARGET_TYPES[field("channel").value] || "text";
  }

  // The form's values as the API's subscription: the filter keys are the event filter's (docs/filters.md).
  function subscriptionBody() {
    const value = (name) => field(name).value.trim();
    const filters = {};
    for (const key of ["country", "admin1"]) if (value(key)) filters[key] = [value(key)];
    const types = [...field("event_type").selectedOptions].map((o) => o.value);
    if (types.length) filters.event_type = types;
    if (value("actor")) filters.actor = [value("actor")];
    if (value("min_fatalities")) filters.min_fatalities = Number.parseInt(value("min_fatalities"), 10);
    return { name: value("name"), channel: value("channel"), target: value("target"), mode: value("mode"), filters };
  }

  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    errorBox.hidden = true;
    secretBox.hidden = true;
    try {
      const created = await api(BASE, { method: "POST", body: subscriptionBody() });
      form.reset();
      matchTarget();
      document.getElementById("subscribe-status").textContent = t.subscribed;
      if (created.secret) {
        document.getElementById("secret").textContent = created.secret;
        secretBox.hidden = false;
      }
      await load();
    } catch (err) { showError(err); }
  });

  field("channel").addEventListener("change", matchTarget);
  field("event_type").append(...Object.keys(COLORS).map((type) => el("option", { value: type }, label("event_type", type))));
  // A link from the map hands its filter over in the query string.
  const handed = new URLSearchParams(location.search);
  fillForm(form, handed);
  document.getElementById("prefill-note").hidden = [...handed.keys()].every((name) => field(name));
  matchTarget();
  load().catch(showError);
})();
