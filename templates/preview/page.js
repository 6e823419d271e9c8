"use strict";
(() => {
  const tabs = [...document.querySelectorAll("nav [data-tab]")];
  const sections = [...document.querySelectorAll("section.audience")];
  const main = document.querySelector("main");

  // Tabs: one audience, or all side by side; the choice lives in the address (#press).
  function show(name) {
    const all = name === "*";
    const known = all || sections.some((s) => s.dataset.audience === name);
    const chosen = known ? name : sections[0].dataset.audience;
    main.classList.toggle("columns", chosen === "*");
    for (const s of sections) s.hidden = !(chosen === "*" || s.dataset.audience === chosen);
    for (const t of tabs) t.setAttribute("aria-selected", String(t.dataset.tab === chosen));
  }
  const fromHash = () => decodeURIComponent(location.hash.slice(1)) || sections[0].dataset.audience;
  for (const t of tabs) t.addEventListener("click", () => { show(t.dataset.tab); location.hash = t.dataset.tab; });
  window.addEventListener("hashchange", () => show(fromHash()));
  show(fromHash());

  // Click a page to enlarge it; arrows step through the same file, Escape closes.
  const zoom = document.getElementById("zoom");
  const big = zoom.querySelector("img");
  const caption = zoom.querySelector("p");
  let current = null;
  function open(img) {
    current = img;
    big.src = img.src;
    big.alt = img.alt;
    caption.textContent = img.dataset.file + " · " + img.closest("figure").querySelector("figcaption").textContent;
    if (!zoom.open) zoom.showModal();
  }
  function step(by) {
    if (!current) return;
    const list = [...current.closest("ol").querySelectorAll("img")];
    const next = list[list.indexOf(current) + by];
    if (next) open(next);
  }
  main.addEventListener("click", (e) => { if (e.target.matches("ol.pages img")) open(e.target); });
  zoom.addEventListener("click", (e) => { if (e.target !== big) zoom.close(); });
  zoom.addEventListener("keydown", (e) => {
    if (e.key === "ArrowRight") step(1);
    if (e.key === "ArrowLeft") step(-1);
  });

  // Served by `briefgen preview --watch`: ask for the build's version; reload when it changes,
  // show a bad edit's error (the page stays the last good build).
  if (!location.protocol.startsWith("http")) return;
  const mine = document.querySelector('meta[name="preview-version"]').content;
  const status = document.getElementById("status");
  async function poll() {
    try {
      const r = await fetch("/__preview__/version", { cache: "no-store" });
      const state = await r.json();
      status.hidden = !state.error;
      status.textContent = state.error || "";
      if (state.version && state.version !== mine && !state.error) { location.reload(); return; }
    } catch (e) {
      status.hidden = false;
      status.textContent = "briefgen preview --watch has stopped";
    }
    setTimeout(poll, 400);
  }
  poll();
})();
