// The article view: hovering (or focusing) a field of an event lights up the words it was read from.
"use strict";
(() => {
  const marks = [...document.querySelectorAll("#article-text mark.ev")];
  function light(key, on) {
    for (const m of marks) if (m.dataset.k.split(" ").includes(key)) m.classList.toggle("active", on);
  }
  for (const field of document.querySelectorAll(".event-card .field")) {
    const key = field.dataset.k;
    if (!marks.some((m) => m.dataset.k.split(" ").includes(key))) continue;
    field.classList.add("has-evidence");
    for (const [ev, on] of [["mouseenter", true], ["mouseleave", false], ["focus", true], ["blur", false]]) field.addEventListener(ev, () => light(key, on));
  }
})();
