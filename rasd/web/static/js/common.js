// Shared by every page: the API client (with the CSRF token), safe DOM building, the filter form, type colours.
// Data from the server is only ever put in the page with textContent or attribute setters, never as HTML.
"use strict";
const Rasd = (() => {
  const t = JSON.parse(document.getElementById("i18n").textContent);
  // {field: {code: label}} for the page's language (rasd.web.i18n.labels); a code without one is shown as it is.
  const labels = JSON.parse(document.getElementById("labels").textContent);
  const label = (field, value) => (value === null || value === undefined || value === "" ? "" : (labels[field] || {})[value] ?? String(value));
  const csrf = document.querySelector('meta[name="csrf-token"]').content;

  async function api(path, { method = "GET", body } = {}) {
    const headers = { Accept: "application/json" };
    if (method !== "GET") headers["X-CSRF-Token"] = csrf;
    if (body !== undefined) headers["Content-Type"] = "application/json";
    const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: "same-origin" });
    const data = response.status === 204 ? null : await response.json();
    if (!response.ok) throw new Error((data && data.error && data.error.message) || response.statusText);
    return data;
  }

  // el("a", {href: "/x", class: "y"}, "text", child) — strings become text nodes.
  function el(tag, attrs = {}, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) {
      if (v === null || v === undefined || v === false) continue;
      if (k === "dataset") Object.assign(node.dataset, v);
      else node.setAttribute(k, v === true ? "" : String(v));
    }
    for (const c of children) node.append(c instanceof Node ? c : document.createTextNode(c === null || c === undefined ? "" : String(c)));
    return node;
  }

  // Arabic-Indic and Persian digits typed in a field are sent as ASCII ("٢٠٢٤-٠٣-٠٥" → "2024-03-05").
  const asciiDigits = (s) => s.replace(/[٠-٩۰-۹]/g, (d) => String((d.charCodeAt(0) & 0xf) % 10));

  function filterParams(form) {
    const params = new URLSearchParams();
    for (const [k, v] of new FormData(form)) if (typeof v === "string" && v.trim()) params.set(k, asciiDigits(v.trim()));
    return params;
  }

  // Set a form's fields from query parameters; a multiple select takes every value given for its name.
  function fillForm(form, params) {
    for (const field of form.elements) {
      if (!field.name || !params.has(field.name)) continue;
      if (field.multiple) for (const option of field.options) option.selected = params.getAll(field.name).includes(option.value);
      else field.value = params.get(field.name);
    }
  }

  // Fill the filter form from the address bar; call onChange(params) now and on every submit/reset.
  function bindFilters(onChange) {
    const form = document.getElementById("filters");
    fillForm(form, new URLSearchParams(location.search));
    const run = () => {
      const params = filterParams(form);
      history.replaceState(null, "", params.toString() ? "?" + params : location.pathname);
      onChange(params);
    };
    form.addEventListener("submit", (ev) => { ev.preventDefault(); run(); });
    form.addEventListener("reset", () => setTimeout(run, 0));
    run();
  }

  const COLORS = {
    "Battles": "#c0392b", "Explosions/Remote violence": "#e67e22", "Violence against civilians": "#8e44ad",
    "Protests": "#2980b9", "Riots": "#16a085", "Strategic developments": "#7f8c8d",
  };
  const typeColor = (type) => COLORS[type] || "#34495e";

  function legend(container, types) {
    container.replaceChildren(...types.map((type) => el("span", { class: "key", "data-type": type }, el("i", { class: "swatch", "data-color": typeColor(type) }), label("event_type", type))));
    for (const sw of container.querySelectorAll(".swatch")) sw.style.background = sw.dataset.color;
  }

  return { t, labels, label, api, el, filterParams, fillForm, bindFilters, typeColor, legend, COLORS };
})();
