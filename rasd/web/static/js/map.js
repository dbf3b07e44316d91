// The map: offline outlines as the base layer (online tiles optional), events clustered,
// circle size by fatalities, colour by type. Popups are DOM nodes filled with textContent.
"use strict";
(() => {
  const { t, el, api, bindFilters, typeColor, legend, label, COLORS } = Rasd;
  const arabic = document.body.dataset.lang === "ar";
  const map = L.map("map", { maxZoom: 18, minZoom: 3, zoomControl: false }).setView([33.5, 38.5], 5);
  // Leaflet's own words in the interface's language: the zoom buttons, the popup's close button, the credit.
  L.control.zoom({ zoomInTitle: t.zoom_in, zoomOutTitle: t.zoom_out }).addTo(map);
  map.attributionControl.setPrefix('<a href="https://leafletjs.com" translate="no">Leaflet</a>');
  map.on("popupopen", (ev) => ev.popup.getElement().querySelector(".leaflet-popup-close-button")?.setAttribute("aria-label", t.close));
  fetch("/static/geo/outlines.geojson").then((r) => r.json()).then((geo) => {
    L.geoJSON(geo, { interactive: false, style: { color: "#6b7b8c", weight: 1, fillColor: "#eef1f4", fillOpacity: 0.6 } }).addTo(map).bringToBack();
  });
  // Place names from the gazetteer (/map/places), as many as the zoom has room for, redrawn when the view moves.
  const names = L.layerGroup().addTo(map);
  let namesAsked = 0;
  async function drawNames() {
    const asked = ++namesAsked;
    const b = map.getBounds();
    const box = [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()].map((v) => v.toFixed(3)).join(",");
    const places = await api("/map/places?" + new URLSearchParams({ bbox: box, zoom: String(map.getZoom()) }));
    if (asked !== namesAsked) return;
    names.clearLayers();
    for (const p of places) {
      const icon = L.divIcon({ className: "place-label", html: el("span", { dir: "auto" }, p.name), iconSize: null });
      L.marker([p.lat, p.lon], { icon, interactive: false, keyboard: false }).addTo(names);
    }
    document.getElementById("map").dataset.names = String(places.length);
  }
  map.on("moveend", () => drawNames().catch(() => {}));
  drawNames().catch(() => {});
  const tiles = L.tileLayer("https://tile.openstreetmap.org/{z}/{x}/{y}.png", { maxZoom: 18, attribution: "© OpenStreetMap contributors" });
  document.getElementById("online-tiles").addEventListener("change", (ev) => (ev.target.checked ? tiles.addTo(map) : tiles.remove()));

  const clusters = L.markerClusterGroup({ maxClusterRadius: 40 });
  map.addLayer(clusters);
  const radius = (f) => 5 + Math.min(20, Math.sqrt(f || 0) * 2);
  const alertMe = document.getElementById("alert-me");

  function popup(p) {
    const fat = p.fatalities_known ? (p.fatalities ?? 0) : "?";
    const place = (arabic && p.location_ar) || p.location || "";
    const admin1 = label("admin1", p.admin1);
    return el("div", { class: "popup", dir: "auto" },
      el("strong", {}, label("event_type", p.event_type)), el("br"),
      el("span", {}, `${p.event_date || t.date_unknown} · `, el("bdi", { translate: "no" }, place), admin1 ? ` (${admin1})` : ""), el("br"),
      el("span", { translate: "no" }, [p.actor1, p.actor2].filter(Boolean).join(" / ")), el("br"),
      el("span", {}, `${t.fatalities}: ${fat}`), el("br"),
      el("a", { href: `/events/${encodeURIComponent(p.id)}`, class: "popup-open" }, t.open));
  }

  // The newest LIMIT events at most; a link may ask for another cap, up to the API's 20,000 ("/?limit=20000").
  const LIMIT = Math.min(20000, Number(new URLSearchParams(location.search).get("limit")) || 5000);

  // When the points stop at LIMIT, shaded cells count every matching event (/api/v1/events.grid),
  // finer as the map zooms in: nothing matching is left off the map, only drawn coarser.
  const cells = L.layerGroup().addTo(map);
  let cellParams = null;
  async function drawCells() {
    if (!cellParams) { cells.clearLayers(); return; }
    const size = Math.max(0.05, Math.min(10, 90 / 2 ** map.getZoom()));
    const grid = await api("/api/v1/events.grid?" + new URLSearchParams([...cellParams, ["cell", size.toFixed(2)]]));
    const most = Math.max(1, ...grid.features.map((c) => c.properties.events));
    cells.clearLayers();
    let total = 0;
    for (const c of grid.features) {
      const p = c.properties;
      total += p.events;
      const [w, s, e, n] = p.bounds;
      const shade = 0.15 + 0.55 * Math.log1p(p.events) / Math.log1p(most);
      L.rectangle([[s, w], [n, e]], { weight: 0, fillColor: typeColor(p.top_type), fillOpacity: shade, className: "grid-cell" })
        .bindTooltip(() => el("span", {}, t.cell_counts.replace("{n}", p.events.toLocaleString()).replace("{f}", p.fatalities.toLocaleString())))
        .addTo(cells);
    }
    document.getElementById("map").dataset.cells = String(grid.features.length);
    document.getElementById("map-truncated").textContent = t.map_truncated.replace("{n}", LIMIT.toLocaleString()).replace("{total}", total.toLocaleString());
  }
  map.on("zoomend", () => drawCells().catch(() => {}));

  async function load(params) {
    if (alertMe) alertMe.href = `/alerts?${params}`; // the alerts form takes over the filters it can use
    const geo = await api("/api/v1/events.geojson?" + new URLSearchParams([...params, ["limit", String(LIMIT)]]));
    clusters.clearLayers();
    const markers = geo.features.map((f) => {
      const [lon, lat] = f.geometry.coordinates;
      const m = L.circleMarker([lat, lon], { radius: radius(f.properties.fatalities), color: typeColor(f.properties.event_type), weight: 1, fillOpacity: 0.7 });
      m.bindPopup(() => popup(f.properties));
      m.feature = f;
      return m;
    });
    clusters.addLayers(markers);
    if (markers.length) map.fitBounds(clusters.getBounds().pad(0.15), { maxZoom: 9 });
    document.getElementById("map-count").textContent = `${t.events}: ${markers.length}`;
    document.getElementById("map-truncated").hidden = markers.length < LIMIT;
    cellParams = markers.length < LIMIT ? null : params;
    await drawCells();
    document.getElementById("map").dataset.count = String(markers.length);
  }
  legend(document.getElementById("legend"), Object.keys(COLORS));
  bindFilters(load);
})();
