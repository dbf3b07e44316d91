// The timeline: events and fatalities per day, week or month, stacked by type, drawn as plain SVG.
"use strict";
(() => {
  const { t, api, bindFilters, typeColor, legend, label } = Rasd;
  const NS = "http://www.w3.org/2000/svg";
  const W = 900, H = 220, PAD = 30;
  let params = new URLSearchParams();

  function svg(tag, attrs, text) {
    const node = document.createElementNS(NS, tag);
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function chart(container, rows, metric) {
    const periods = [...new Set(rows.map((r) => r.period))].sort();
    const types = [...new Set(rows.map((r) => r.key))].sort();
    const totals = periods.map((p) => rows.filter((r) => r.period === p).reduce((s, r) => s + r[metric], 0));
    const max = Math.max(1, ...totals);
    const bw = Math.max(2, (W - 2 * PAD) / Math.max(1, periods.length) - 2);
    const root = svg("svg", { viewBox: `0 0 ${W} ${H}`, role: "img", class: "bars", "data-metric": metric, direction: "ltr" });
    root.append(svg("text", { x: PAD, y: 12, class: "axis" }, String(max)), svg("line", { x1: PAD, x2: W - PAD, y1: H - PAD, y2: H - PAD, class: "axis" }));
    periods.forEach((p, i) => {
      let y = H - PAD;
      const x = PAD + i * (bw + 2);
      for (const type of types) {
        const r = rows.find((row) => row.period === p && row.key === type);
        if (!r || !r[metric]) continue;
        const h = (r[metric] / max) * (H - 2 * PAD);
        y -= h;
        const bar = svg("rect", { x, y, width: bw, height: h, fill: typeColor(type), class: "bar" });
        bar.append(svg("title", {}, `${p} · ${label("event_type", type)}: ${r[metric]}`));
        root.append(bar);
      }
      if (i === 0 || i === periods.length - 1 || periods.length < 12) root.append(svg("text", { x, y: H - 10, class: "axis" }, p));
    });
    container.replaceChildren(root);
    return types;
  }

  async function load() {
    const interval = document.querySelector('input[name="interval"]:checked').value;
    const q = new URLSearchParams(params);
    q.set("interval", interval); q.set("by", "event_type");
    const all = new URLSearchParams(params);
    all.set("interval", "none");
    const [data, total] = await Promise.all([api("/api/v1/stats?" + q), api("/api/v1/stats?" + all)]);
    const types = chart(document.getElementById("timeline-events"), data.rows, "events");
    chart(document.getElementById("timeline-fatalities"), data.rows, "fatalities");
    legend(document.getElementById("legend"), types);
    undated(data.rows, total.rows[0] || { events: 0, fatalities: 0 });
  }

  // Events with no date have no place on the time axis: they are counted beside it, never left out in silence.
  function undated(rows, total) {
    const sum = (metric) => rows.reduce((s, r) => s + r[metric], 0);
    const events = total.events - sum("events"), fatalities = (total.fatalities || 0) - sum("fatalities");
    const note = document.getElementById("timeline-undated");
    note.hidden = events <= 0;
    note.dataset.events = String(Math.max(0, events));
    note.textContent = `${t.date_unknown} — ${t.cell_counts.replace("{n}", events.toLocaleString()).replace("{f}", fatalities.toLocaleString())}`;
  }
  for (const radio of document.querySelectorAll('input[name="interval"]')) radio.addEventListener("change", load);
  bindFilters((p) => { params = p; load(); });
})();
