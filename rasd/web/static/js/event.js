// The review panel: approve, reject, correct a field, split, merge (the place search is place.js).
// Each action is one API call with the CSRF token; the page reloads to show the new audit trail.
"use strict";
(() => {
  const { t, el, api } = Rasd;
  const panel = document.getElementById("review");
  const id = panel.dataset.event;
  const errorBox = document.getElementById("review-error");
  const INTS = new Set(["fatalities", "injuries", "geo_precision", "time_precision", "inter1", "inter2", "interaction", "iso"]);
  const FLOATS = new Set(["latitude", "longitude"]);
  const BOOLS = new Set(["fatalities_known", "injuries_known"]);

  async function run(path, body, goTo) {
    errorBox.hidden = true;
    try {
      const detail = await api(path, { method: "POST", body });
      location.assign(goTo ? `/events/${detail.event.id}` : location.pathname);
    } catch (err) {
      errorBox.textContent = err.message;
      errorBox.hidden = false;
    }
  }

  function typed(field, raw) {
    const v = raw.trim();
    if (v === "" || v === "—") return null;
    if (INTS.has(field)) return Number.parseInt(v, 10);
    if (FLOATS.has(field)) return Number.parseFloat(v);
    if (BOOLS.has(field)) return ["true", "1", "yes", "نعم"].includes(v.toLowerCase());
    return v;
  }

  for (const button of panel.querySelectorAll("button[data-action]")) {
    button.addEventListener("click", () => run(`/api/v1/events/${id}/review`, { action: button.dataset.action }));
  }

  const fieldSelect = document.getElementById("correct-field");
  const valueInput = document.getElementById("correct-value");
  const current = (f) => document.querySelector(`#fields tr[data-field="${CSS.escape(f)}"] td.value`).dataset.value;
  // A coded field (event type, sub-type…) is picked from its codes, each shown by its label; the API gets the code.
  const CHOICES = JSON.parse(document.getElementById("choices").textContent);
  const choice = document.getElementById("correct-choice");
  // An actor field offers the actors Rasd knows (canonical names; typing narrows them), so a reviewer picks, not retypes.
  const ACTOR_FIELDS = new Set(["actor1", "actor2", "assoc_actor_1", "assoc_actor_2"]);
  const actorOptions = document.getElementById("actor-options");
  let actorQuery = 0;
  async function offerActors() {
    if (!ACTOR_FIELDS.has(fieldSelect.value)) return;
    const asked = ++actorQuery;
    const found = await api("/api/v1/actors?" + new URLSearchParams({ q: valueInput.value.trim(), limit: "30" }));
    if (asked === actorQuery) actorOptions.replaceChildren(...found.map((a) => el("option", { value: a.name })));
  }
  function showField() {
    valueInput.value = current(fieldSelect.value);
    const codes = CHOICES[fieldSelect.value];
    valueInput.hidden = Boolean(codes);
    choice.hidden = !codes;
    if (codes) {
      choice.replaceChildren(el("option", { value: "" }, t.none), ...codes.map(([code, text]) => el("option", { value: code }, text)));
      choice.value = valueInput.value;
    }
    if (ACTOR_FIELDS.has(fieldSelect.value)) valueInput.setAttribute("list", "actor-options");
    else valueInput.removeAttribute("list");
    offerActors().catch(() => {});
  }
  fieldSelect.addEventListener("change", showField);
  valueInput.addEventListener("input", () => offerActors().catch(() => {}));
  choice.addEventListener("change", () => { valueInput.value = choice.value; });
  showField();
  document.getElementById("correct-form").addEventListener("submit", (ev) => {
    ev.preventDefault();
    const field = fieldSelect.value;
    const comment = document.getElementById("correct-comment").value.trim() || null;
    run(`/api/v1/events/${id}/review`, { action: "correct", changes: { [field]: typed(field, valueInput.value) }, comment });
  });

  document.getElementById("split-form").addEventListener("submit", (ev) => {
    ev.preventDefault();
    const ids = [...ev.target.querySelectorAll('input[name="report"]:checked')].map((b) => Number(b.value));
    run(`/api/v1/events/${id}/split`, { report_ids: ids }, true);
  });
  document.getElementById("merge-form").addEventListener("submit", (ev) => {
    ev.preventDefault();
    const ids = document.getElementById("merge-ids").value.split(/[ ,]+/).filter(Boolean).map(Number);
    run(`/api/v1/events/${id}/merge`, { event_ids: ids });
  });
})();
