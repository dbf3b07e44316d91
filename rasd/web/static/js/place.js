// The review panel's place search: places from the gazetteer and the store's own, ranked by the admin units the
// phrase names, and a new place the reviewer puts at its coordinates (it joins the store's gazetteer).
"use strict";
(() => {
  const { t, el, api } = Rasd;
  const id = document.getElementById("review").dataset.event;
  const errorBox = document.getElementById("review-error");
  const options = document.getElementById("place-options");
  const form = document.getElementById("new-place");
  const fail = (err) => { errorBox.textContent = err.message; errorBox.hidden = false; };

  async function post(path, body) {
    errorBox.hidden = true;
    try {
      await api(path, { method: "POST", body });
      location.assign(location.pathname);
    } catch (err) { fail(err); }
  }

  function openNewPlace(c) {
    const f = form.elements;
    f.name_ar.value = c.location_ar || "";
    f.name.value = c.location || "";
    for (const name of ["admin1", "admin2", "admin3", "latitude", "longitude"]) f[name].value = c[name] ?? "";
    form.hidden = false;
    f.latitude.focus();
  }

  function option(o) {
    const c = o.changes;
    const where = [c.admin3, c.admin2, c.admin1, c.country].filter(Boolean).join(", ");
    const isNew = o.source === "new";
    const use = el("button", { type: "button", class: "use-place" }, isNew ? t.new_place : t.use_place);
    use.addEventListener("click", () => isNew
      ? openNewPlace(c)
      : post(`/api/v1/events/${id}/review`, { action: "correct", changes: c, comment: `${t.place_search}: ${c.location}` }));
    return el("li", { "data-source": o.source }, el("span", { class: `badge badge-${o.source}` }, t["place_" + o.source]), " ",
      el("bdi", {}, `${c.location_ar || ""} — ${c.location || ""}`), ` (${o.kind}; ${where}) `, use);
  }

  document.getElementById("place-search").addEventListener("submit", async (ev) => {
    ev.preventDefault();
    const q = document.getElementById("place-q").value.trim();
    if (!q) return;
    try {
      const found = await api("/api/v1/places/search?" + new URLSearchParams({ q, event_id: id }));
      options.replaceChildren(...found.map(option));
    } catch (err) { fail(err); }
  });

  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const f = form.elements;
    const text = (name) => f[name].value.trim() || null;
    post(`/api/v1/events/${id}/place`, {
      name_ar: f.name_ar.value.trim(), name: text("name"), admin1: text("admin1"), admin2: text("admin2"), admin3: text("admin3"),
      latitude: Number.parseFloat(f.latitude.value), longitude: Number.parseFloat(f.longitude.value), comment: text("comment"),
    });
  });
})();
