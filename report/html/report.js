// archie report: zoom and pan the diagrams, highlight a node's edges on
// hover, filter the violations by the node clicked. No dependencies.
window.addEventListener("error", ev => {
  document.body.dataset.errors = (document.body.dataset.errors || "") + ev.message + "\n";
});
(function () {
  "use strict";
  const $ = (sel, root) => Array.from((root || document).querySelectorAll(sel));

  // Level tabs of the dependency graph; the service map has a section of
  // its own.
  function showLevel(level) {
    if (!$(".tabs button").some(b => b.dataset.level === level)) return;
    $("#graph .diagram").forEach(d => d.hidden = d.dataset.level !== level);
    $(".tabs button").forEach(b => b.classList.toggle("active", b.dataset.level === level));
  }
  $(".tabs button").forEach(b => b.addEventListener("click", () => showLevel(b.dataset.level)));

  // Zoom with the wheel around the pointer, pan by dragging.
  $(".diagram svg").forEach(svg => {
    const vb = svg.viewBox.baseVal;
    const home = [vb.x, vb.y, vb.width, vb.height];
    svg.addEventListener("wheel", ev => {
      ev.preventDefault();
      const r = svg.getBoundingClientRect();
      const px = vb.x + (ev.clientX - r.left) / r.width * vb.width;
      const py = vb.y + (ev.clientY - r.top) / r.height * vb.height;
      const k = ev.deltaY > 0 ? 1.15 : 1 / 1.15;
      vb.x = px - (px - vb.x) * k; vb.y = py - (py - vb.y) * k;
      vb.width *= k; vb.height *= k;
    }, { passive: false });
    let drag = null;
    svg.addEventListener("pointerdown", ev => {
      if (ev.target.closest(".node, #services .edge")) return;
      drag = { x: ev.clientX, y: ev.clientY, vx: vb.x, vy: vb.y };
      svg.setPointerCapture(ev.pointerId);
    });
    svg.addEventListener("pointermove", ev => {
      if (!drag) return;
      const r = svg.getBoundingClientRect();
      vb.x = drag.vx - (ev.clientX - drag.x) / r.width * vb.width;
      vb.y = drag.vy - (ev.clientY - drag.y) / r.height * vb.height;
    });
    svg.addEventListener("pointerup", () => drag = null);
    svg.addEventListener("dblclick", () => { [vb.x, vb.y, vb.width, vb.height] = home; });
  });

  // Hover: a node and its edges stand out, the rest fades.
  $(".node").forEach(node => {
    const svg = node.closest("svg");
    const id = node.dataset.id;
    node.addEventListener("mouseenter", () => {
      svg.classList.add("hovering");
      $(".edge", svg).forEach(e => e.classList.toggle("lit", e.dataset.from === id || e.dataset.to === id));
      node.classList.add("lit");
    });
    node.addEventListener("mouseleave", () => {
      svg.classList.remove("hovering");
      $(".lit", svg).forEach(e => e.classList.remove("lit"));
    });
    node.addEventListener("click", () => filter(node.closest(".diagram").dataset.level, id));
  });

  // Click an edge of the service map: its facts open in the table below.
  $("#services .edge").forEach(edge => edge.addEventListener("click", () => {
    const row = document.getElementById(edge.dataset.row);
    if (!row) return;
    $("details", row).forEach(d => d.open = true);
    $("tr.chosen").forEach(r => r.classList.remove("chosen"));
    row.classList.add("chosen");
    history.replaceState(null, "", "#" + row.id);
    row.scrollIntoView({ block: "center" });
  }));

  // Click: only the violations that touch the node stay listed.
  function filter(level, id) {
    const key = level + ":" + id;
    let shown = 0;
    $("li.violation").forEach(v => {
      const hit = JSON.parse(v.dataset.nodes).includes(key);
      v.hidden = !hit;
      if (hit) shown++;
    });
    $("details.rule").forEach(r => r.hidden = $("li.violation", r).every(v => v.hidden));
    $(".node").forEach(n => n.classList.toggle("selected", n.closest(".diagram").dataset.level === level && n.dataset.id === id));
    const bar = document.getElementById("filter");
    bar.hidden = false;
    document.getElementById("filter-name").textContent = id;
    document.getElementById("filter-count").textContent = String(shown);
    history.replaceState(null, "", "#node=" + encodeURIComponent(key));
  }
  function clear() {
    $("li.violation, details.rule").forEach(v => v.hidden = false);
    $(".node.selected").forEach(n => n.classList.remove("selected"));
    document.getElementById("filter").hidden = true;
    history.replaceState(null, "", location.pathname);
  }
  document.getElementById("clear").addEventListener("click", clear);

  // Sortable metrics: click a column header.
  $("#metrics th").forEach((th, col) => th.addEventListener("click", () => {
    const body = th.closest("table").tBodies[0];
    const rows = Array.from(body.rows);
    const num = col > 0;
    const dir = th.dataset.dir === "desc" ? 1 : -1;
    th.dataset.dir = dir === 1 ? "asc" : "desc";
    rows.sort((a, b) => {
      const x = a.cells[col].textContent, y = b.cells[col].textContent;
      return (num ? (parseFloat(x) - parseFloat(y)) : x.localeCompare(y)) * (num ? -dir : dir);
    });
    rows.forEach(r => body.appendChild(r));
  }));

  // A link such as report.html#node=layer:domain opens filtered.
  const m = /^#node=(.+)$/.exec(location.hash);
  const first = $(".tabs button")[0];
  if (first) showLevel(first.dataset.level);
  if (m) {
    const key = decodeURIComponent(m[1]);
    const i = key.indexOf(":");
    showLevel(key.slice(0, i));
    filter(key.slice(0, i), key.slice(i + 1));
  }
  document.body.dataset.ready = "1";
})();
