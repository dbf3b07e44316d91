// The table: server-side filter, sort and paging over /api/v1/events; cells are text nodes.
"use strict";
(() => {
  const { t, el, api, bindFilters, label } = Rasd;
  const arabic = document.body.dataset.lang === "ar";
  const LABELLED = new Set(["event_type", "sub_event_type", "admin1", "review_status"]);
  const COLUMNS = ["id", "event_date", "event_type", "sub_event_type", "actor1", "actor2", "admin1", "location", "fatalities", "review_status"];
  const PAGE = 25;
  const state = { params: new URLSearchParams(), sort: "-event_date", offset: 0 };
  const body = document.querySelector("#events-table tbody");
  const exportLink = document.getElementById("export");
  const UNLISTED = document.getElementById("events-table").dataset.unlistedFlag;  // a place the gazetteer lacks: review it first

  function cell(e, c) {
    if (c === "id") return el("td", {}, el("a", { href: `/events/${encodeURIComponent(e.id)}` }, `#${e.id}`));
    if (c === "fatalities") return el("td", {}, e.fatalities_known ? (e.fatalities ?? 0) : "?");
    if (c === "event_date") return el("td", {}, e.event_date || t.date_unknown);
    if (LABELLED.has(c)) return el("td", {}, label(c, e[c]));
    if (c === "location") {
      const place = el("bdi", { translate: "no" }, (arabic && e.location_ar) || e.location || "");
      const unlisted = typeof (e.vague || {}).location === "string" && e.vague.location.startsWith(UNLISTED);
      return el("td", { dir: "auto" }, place, ...(unlisted ? [" ", el("span", { class: "badge badge-unlisted" }, t.unlisted_badge)] : []));
    }
    return el("td", { dir: "auto", translate: "no" }, e[c] ?? "");
  }

  async function load() {
    const q = new URLSearchParams(state.params);
    q.set("limit", PAGE); q.set("offset", state.offset); q.set("sort", state.sort);
    const page = await api("/api/v1/events?" + q);
    body.replaceChildren(...page.items.map((e) => el("tr", { "data-id": e.id }, ...COLUMNS.map((c) => cell(e, c)))));
    if (!page.items.length) body.replaceChildren(el("tr", {}, el("td", { colspan: COLUMNS.length }, t.no_events)));
    document.getElementById("prev").disabled = state.offset === 0;
    document.getElementById("next").disabled = !page.has_more;
    document.getElementById("table-status").textContent = `${state.offset + 1}–${state.offset + page.items.length}`;
    if (exportLink) exportLink.href = exportLink.dataset.base + "?" + state.params;
  }

  for (const button of document.querySelectorAll("button.sort")) {
    button.addEventListener("click", () => {
      const name = button.dataset.sort;
      state.sort = state.sort === "-" + name ? name : "-" + name;
      state.offset = 0;
      for (const b of document.querySelectorAll("button.sort")) b.removeAttribute("aria-sort");
      button.setAttribute("aria-sort", state.sort.startsWith("-") ? "descending" : "ascending");
      load();
    });
  }
  document.getElementById("prev").addEventListener("click", () => { state.offset = Math.max(0, state.offset - PAGE); load(); });
  document.getElementById("next").addEventListener("click", () => { state.offset += PAGE; load(); });
  bindFilters((params) => { state.params = params; state.offset = 0; load(); });
})();
