// Click to select on the Map page's plotly charts (installed by ui/mapview.py).
// With the lasso or box drag mode, plotly answers a click with an empty selection event
// (and no click event), so Streamlit never hears which work was clicked. Here a click
// (a press and release without moving) on a hovered work selects that work alone, as a
// click does in zoom mode: "click a work to see it" holds in every drag mode.
(function () {
  if (window.__aeClickInstalled) {
    return;
  }
  window.__aeClickInstalled = true;
  let down = null;
  let up = null;

  document.addEventListener("mousedown", function (e) {
    down = { x: e.clientX, y: e.clientY };
  }, { capture: true, passive: true });
  document.addEventListener("mouseup", function (e) {
    up = { x: e.clientX, y: e.clientY };
  }, { capture: true, passive: true });

  function isClick() {
    return down && up && Math.abs(down.x - up.x) + Math.abs(down.y - up.y) < 5;
  }

  function attach() {
    document.querySelectorAll(".js-plotly-plot").forEach(function (gd) {
      if (gd.__aeClick || typeof gd.on !== "function") {
        return;
      }
      gd.__aeClick = true;
      gd.on("plotly_hover", function (ev) {
        const p = ev && ev.points && ev.points.find(function (q) {
          return q.customdata && q.customdata[0];
        });
        gd.__aeHovered = p || null;
      });
      gd.on("plotly_unhover", function () {
        gd.__aeHovered = null;
      });
      gd.on("plotly_selected", function (ev) {
        const mode = gd._fullLayout && gd._fullLayout.dragmode;
        const p = gd.__aeHovered;
        if ((mode !== "lasso" && mode !== "select") || !p || !isClick()
            || (ev && ev.points && ev.points.length)) {
          return;
        }
        down = null;
        // A plain copy: plotly's point objects hold references Streamlit cannot serialise.
        const point = {
          curveNumber: p.curveNumber, pointNumber: p.pointNumber, pointIndex: p.pointIndex,
          x: p.x, y: p.y, customdata: p.customdata,
        };
        setTimeout(function () {
          gd.emit("plotly_selected", { points: [point] });
        }, 0);
      });
    });
  }
  attach();
  setInterval(attach, 800);
})();
