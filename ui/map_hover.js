// Thumbnail on hover for the Map page's plotly charts (installed by ui/mapview.py).
// Plotly's hover label cannot hold images; this shows the hovered work's thumbnail in a
// small card next to the cursor. Thumbnails are data URIs keyed by work id, which every
// point carries as customdata[0].
(function () {
  const thumbs = __THUMBS__;
  window.__aeThumbs = Object.assign(window.__aeThumbs || {}, thumbs);
  if (window.__aeHoverInstalled) {
    return;
  }
  window.__aeHoverInstalled = true;

  const card = document.createElement("div");
  card.id = "ae-hover-card";
  card.style.cssText = [
    "position:fixed", "z-index:100000", "pointer-events:none", "display:none",
    "background:#fff", "border:1px solid rgba(0,0,0,0.15)", "border-radius:6px",
    "box-shadow:0 4px 16px rgba(0,0,0,0.18)", "padding:4px", "line-height:0",
  ].join(";");
  // Built with DOM calls: the sanitiser Streamlit applies drops scripts whose text holds tags.
  const img = document.createElement("img");
  img.alt = "";
  img.style.cssText = "max-width:128px;max-height:128px;display:block";
  card.appendChild(img);
  document.body.appendChild(card);
  let mouse = { x: 0, y: 0 };

  function place() {
    const w = card.offsetWidth || 110;
    const h = card.offsetHeight || 110;
    // Above the cursor: plotly draws its label beside the point, at the point's height.
    let x = Math.max(4, Math.min(mouse.x - w / 2, window.innerWidth - w - 4));
    let y = mouse.y - h - 16;
    if (4 > y) {
      y = mouse.y + 16;
    }
    card.style.left = x + "px";
    card.style.top = y + "px";
  }

  document.addEventListener("mousemove", function (e) {
    mouse = { x: e.clientX, y: e.clientY };
    if (card.style.display === "block") {
      place();
    }
  }, { passive: true });

  function attach() {
    document.querySelectorAll(".js-plotly-plot").forEach(function (gd) {
      if (gd.__aeHover || typeof gd.on !== "function") {
        return;
      }
      gd.__aeHover = true;
      gd.on("plotly_hover", function (ev) {
        const p = ev && ev.points && ev.points[0];
        const id = p && p.customdata && p.customdata[0];
        const src = id && window.__aeThumbs[id];
        if (!src) {
          card.style.display = "none";
          return;
        }
        img.src = src;
        card.style.display = "block";
        place();
      });
      gd.on("plotly_unhover", function () {
        card.style.display = "none";
      });
    });
  }
  attach();
  setInterval(attach, 800);
})();
