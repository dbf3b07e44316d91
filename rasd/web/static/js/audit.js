// The audit pages: draw a sample (/audit) and give verdicts in a batch's queue (/audit/{id}), through /api/v1/audit.
"use strict";
(() => {
  const a = JSON.parse(document.getElementById("audit-i18n").textContent);
  const errorBox = document.getElementById("audit-error");
  const fail = (err) => { errorBox.textContent = err.message; errorBox.hidden = false; };
  const NUMBERS = new Set(["fatalities", "injuries"]);
  // Arabic-Indic and Persian digits typed in a field are sent as ASCII ("٢٠٢٤-٠٣-٠٥" → "2024-03-05").
  const ascii = (s) => s.replace(/[٠-٩۰-۹]/g, (d) => String((d.charCodeAt(0) & 0xf) % 10));

  const form = document.getElementById("sample-form");
  if (form) {
    form.addEventListener("submit", async (ev) => {
      ev.preventDefault();
      const data = new FormData(form);
      const filters = {};
      for (const key of ["country", "sub_event_type", "date_from", "date_to"]) if (String(data.get(key) || "").trim()) filters[key] = ascii(String(data.get(key)).trim());
      try {
        const made = await Rasd.api("/api/v1/audit/batches", { method: "POST", body: {
          n: Number(data.get("n")), seed: Number(data.get("seed")), name: String(data.get("name") || "").trim() || null, filters } });
        location.assign("/audit/" + made.batch.id);
      } catch (err) { fail(err); }
    });
  }

  async function send(section, verdict) {
    const changes = {};
    if (verdict === "corrected") {
      for (const row of section.querySelectorAll("tr[data-field]")) {
        const select = row.querySelector("select");
        if (!select || select.value !== "corrected") continue;
        const field = row.dataset.field;
        const raw = ascii(row.querySelector("input").value.trim());
        changes[field] = raw === "" ? null : NUMBERS.has(field) ? Number(raw) : raw;
      }
      if (!Object.keys(changes).length) { fail(new Error(a.nothing_corrected)); return; }
    }
    try {
      await Rasd.api(`/api/v1/audit/items/${section.dataset.item}/verdict`, { method: "POST", body: { verdict, changes } });
      location.reload();
    } catch (err) { fail(err); }
  }

  for (const section of document.querySelectorAll(".audit-item")) {
    const on = (cls, verdict) => { const b = section.querySelector(cls); if (b) b.addEventListener("click", () => send(section, verdict)); };
    on(".verdict-right", "right");
    on(".verdict-corrected", "corrected");
    on(".verdict-not-event", "not_event");
    // typing a right value marks the field corrected
    for (const row of section.querySelectorAll("tr[data-field]")) {
      const input = row.querySelector("input");
      if (input) input.addEventListener("input", () => { row.querySelector("select").value = input.value.trim() ? "corrected" : "right"; });
    }
  }
})();
