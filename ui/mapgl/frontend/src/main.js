// The Map page's canvas: every work as a WebGL point (deck.gl), thumbnails when zoomed in,
// lasso / box / click selection, a legend that filters, hover with the painting.
//
// It is a Streamlit component (protocol v1, spoken directly: no component library). The
// large data travel once per map version, as binary files served next to the app
// (`base` + "xy.bin", "cells.bin", atlas pages "page-NNNNN.jpg", hover texts
// "text-NNNNN.json", thumbnails "thumb-ROW.jpg"); the render arguments carry only what
// changes: the colour codes of the points (one byte each), the palette and legend, the
// marked works. Without `base` (the app started without its file routes) the coordinates
// come as bytes in the arguments and there are no thumbnails.
//
// Nothing read from the collection is ever written as HTML: text goes through textContent.
//
// The first picture comes before deck.gl: as soon as the coordinates and colours are here,
// the points are drawn on a plain 2-D canvas (a few ms even at 1,000,000 works), while
// deck.gl (most of the script's weight) loads as a separate module and creates its WebGL
// device; it then takes over the drawing, with pan, zoom and the paintings. Selection,
// hover and the legend work from the first picture on: they use the view's own
// projection (below), the same as deck.gl's orthographic view.

// deck.gl starts loading at once; its WebGL device is made after the first picture.
const deckModule = import('./deck.js');

const THUMB_LIMIT = 700; // thumbnails appear when at most this many works are in view
const MAX_PAGES_LOADING = 6;

function send(type, extra) {
  window.parent.postMessage({isStreamlitMessage: true, type, ...extra}, '*');
}

function hexToRgb(hex) {
  const h = hex.replace('#', '');
  return [parseInt(h.slice(0, 2), 16), parseInt(h.slice(2, 4), 16), parseInt(h.slice(4, 6), 16)];
}

function asBytes(v) {
  if (v == null) return null;
  if (v instanceof Uint8Array) return v;
  if (v instanceof ArrayBuffer) return new Uint8Array(v);
  if (v.buffer) return new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
  return null;
}

function typed(bytes, Kind) {
  const b = asBytes(bytes);
  if (!b) return new Kind(0);
  const copy = new Uint8Array(b.byteLength);
  copy.set(b);
  return new Kind(copy.buffer);
}

function pointInPolygon(x, y, poly) {
  let inside = false;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    const [xi, yi] = poly[i];
    const [xj, yj] = poly[j];
    if ((yi > y) !== (yj > y) && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

const S = {
  ready: false,
  n: 0,
  xy: new Float32Array(0),
  xyKey: null,
  cells: null,
  base: null,
  codes: new Uint8Array(0),
  palette: [],
  legend: [],
  hidden: new Set(),
  colors: new Uint8Array(0),
  marked: new Uint32Array(0),
  later: new Uint32Array(0),
  highlight: -1,
  highlightLabel: '',
  mode: 'lasso',
  height: 620,
  pageCells: 1024,
  cellPx: 64,
  pages: new Map(), // page -> {image} | 'loading' | 'failed'
  texts: new Map(), // text page -> array of [title, artist] | 'loading'
  contours: [],
  seq: 0,
  viewState: null,
  thumbs: [],
  thumbPx: 64,
  radius: 3,
  bounds: [0, 1, 0, 1],
  groupOf: null,
  membership: null,
};
window.artexploreMap = S; // for the browser tests: project(), the state
S.interactive = false; // deck.gl has drawn: pan and zoom work

const root = document.getElementById('root');
const stage = document.createElement('div');
stage.className = 'stage';
root.appendChild(stage);
const canvas = document.createElement('canvas');
canvas.id = 'map-canvas';
stage.appendChild(canvas);
const preview = document.createElement('canvas'); // the first picture, until deck.gl draws
preview.className = 'preview';
stage.appendChild(preview);
// The rings of the selected works and of the current one, on their own 2-D layer: a new
// selection then redraws a few rings, not the whole map (a WebGL frame of 100,000s of
// points costs seconds in a software renderer, and nothing in the map changed).
const rings = document.createElement('canvas');
rings.className = 'rings';
stage.appendChild(rings);
const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
svg.classList.add('lasso');
stage.appendChild(svg);
const lassoPath = document.createElementNS('http://www.w3.org/2000/svg', 'polygon');
svg.appendChild(lassoPath);
const tooltip = document.createElement('div');
tooltip.className = 'tooltip';
tooltip.hidden = true;
stage.appendChild(tooltip);
const tipImg = document.createElement('img');
const tipTitle = document.createElement('div');
tipTitle.className = 'title';
const tipMeta = document.createElement('div');
tipMeta.className = 'meta';
tooltip.append(tipImg, tipTitle, tipMeta);
tipImg.addEventListener('error', () => { tipImg.hidden = true; }); // a work without a thumbnail
const label = document.createElement('div');
label.className = 'highlight-label';
label.hidden = true;
stage.appendChild(label);
const hint = document.createElement('div');
hint.className = 'hint';
stage.appendChild(hint);
const legendBox = document.createElement('div');
legendBox.className = 'legend';
root.appendChild(legendBox);

function fitView() {
  const [x0, x1, y0, y1] = S.bounds;
  const w = stage.clientWidth || 800;
  const h = S.height;
  const span = Math.max((x1 - x0) / w, (y1 - y0) / h, 1e-9);
  return {target: [(x0 + x1) / 2, (y0 + y1) / 2, 0], zoom: Math.log2(0.92 / span),
          minZoom: Math.log2(0.92 / span) - 2, maxZoom: Math.log2(0.92 / span) + 16};
}

// The view's projection: deck.gl's OrthographicView with flipY false (y grows upwards),
// the view's target at the centre of the stage, 2^zoom pixels per map unit.
function viewSize() {
  return [stage.clientWidth || 800, S.height];
}

function project([x, y]) {
  const [w, h] = viewSize();
  const k = 2 ** S.viewState.zoom;
  const [tx, ty] = S.viewState.target;
  return [(x - tx) * k + w / 2, h / 2 - (y - ty) * k];
}

function unproject([sx, sy]) {
  const [w, h] = viewSize();
  const k = 2 ** S.viewState.zoom;
  const [tx, ty] = S.viewState.target;
  return [tx + (sx - w / 2) / k, ty - (sy - h / 2) / k];
}

let GL = null; // the deck.gl module, once loaded
let deck = null;
const CONTROLLER = {doubleClickZoom: false, scrollZoom: {smooth: false, speed: 0.02},
                    touchRotate: false, dragRotate: false, keyboard: true};

function startDeck(module) {
  if (deck) return;
  if (!document.createElement('canvas').getContext('webgl2')) {
    // deck.gl needs WebGL 2: the first picture stays, and the page says why it is still.
    hint.textContent = 'This browser cannot pan or zoom the map: WebGL 2 is turned off. '
      + 'Turn on hardware acceleration in its settings, or open the app in another browser.';
    hint.classList.add('warning');
    return;
  }
  GL = module;
  deck = new GL.Deck({
    canvas,
    width: '100%',
    height: '100%',
    // luma.gl probes every WebGL feature up front unless told not to (hundreds of ms in a
    // software renderer); deck.gl asks for the few it needs when it needs them.
    deviceProps: {_initializeFeatures: false},
    views: new GL.OrthographicView({id: 'map', flipY: false}),
    controller: {...CONTROLLER, dragPan: S.mode === 'pan'},
    viewState: S.viewState,
    getCursor: ({isHovering, isDragging}) =>
      S.mode === 'pan' ? (isDragging ? 'grabbing' : isHovering ? 'pointer' : 'grab')
        : isHovering ? 'pointer' : 'crosshair',
    onViewStateChange: ({viewState}) => {
      const old = S.viewState;
      if (old && old.zoom === viewState.zoom && old.target[0] === viewState.target[0]
          && old.target[1] === viewState.target[1]) {
        return old; // a press and release that moved nothing (a lasso, a click): no new frame
      }
      S.viewState = viewState;
      deck.setProps({viewState});
      scheduleThumbs();
      drawRings();
      placeLabel();
      return viewState;
    },
    onAfterRender: () => {
      S.frames = (S.frames || 0) + 1; // deck.gl's frames (tests: a selection draws none)
      if (S.interactive || !S.ready) return;
      S.interactive = true;
      preview.hidden = true;
    },
    pickingRadius: 4,
  });
  render();
}

// The first picture: every point as a small disc (or a square of pixels when there are
// many), drawn in the view's projection.
function drawPreview() {
  const [ctx, w, h] = fitCanvas(preview);
  const dpr = window.devicePixelRatio || 1;
  const k = 2 ** S.viewState.zoom;
  const [tx, ty] = S.viewState.target;
  const xy = S.xy;
  const colors = S.colors;
  if (S.n <= 20000) {
    const stroke = S.n <= 5000; // as deck.gl draws them: a thin outline up to 5,000 works
    ctx.strokeStyle = 'rgba(40,40,40,0.43)';
    ctx.lineWidth = 0.5;
    for (let i = 0; i < S.n; i++) {
      if (!colors[4 * i + 3]) continue;
      const sx = (xy[2 * i] - tx) * k + w / 2;
      const sy = h / 2 - (xy[2 * i + 1] - ty) * k;
      ctx.fillStyle = `rgba(${colors[4 * i]},${colors[4 * i + 1]},${colors[4 * i + 2]},`
        + `${colors[4 * i + 3] / 255})`;
      ctx.beginPath();
      ctx.arc(sx, sy, S.radius, 0, 2 * Math.PI);
      ctx.fill();
      if (stroke) ctx.stroke();
    }
  } else {
    const pw = preview.width;
    const ph = preview.height;
    const img = ctx.createImageData(pw, ph);
    const px = img.data;
    const side = Math.max(1, Math.round(S.radius * dpr));
    for (let i = 0; i < S.n; i++) {
      if (!colors[4 * i + 3]) continue;
      const cx = Math.round(((xy[2 * i] - tx) * k + w / 2) * dpr);
      const cy = Math.round((h / 2 - (xy[2 * i + 1] - ty) * k) * dpr);
      for (let dy = 0; dy < side; dy++) {
        const yy = cy + dy;
        if (yy < 0 || yy >= ph) continue;
        for (let dx = 0; dx < side; dx++) {
          const xx = cx + dx;
          if (xx < 0 || xx >= pw) continue;
          const o = 4 * (yy * pw + xx);
          px[o] = colors[4 * i];
          px[o + 1] = colors[4 * i + 1];
          px[o + 2] = colors[4 * i + 2];
          px[o + 3] = 255;
        }
      }
    }
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.putImageData(img, 0, 0);
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  }
}

function fitCanvas(c) {
  const [w, h] = viewSize();
  const dpr = window.devicePixelRatio || 1;
  if (c.width !== Math.round(w * dpr)) c.width = Math.round(w * dpr);
  if (c.height !== Math.round(h * dpr)) c.height = Math.round(h * dpr);
  c.style.width = `${w}px`;
  c.style.height = `${h}px`;
  const ctx = c.getContext('2d');
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, w, h);
  return [ctx, w, h];
}

// The marked works ringed in black, the current work in red; only those in view.
function drawRings() {
  if (!S.ready || !S.viewState) return;
  const [ctx, w, h] = fitCanvas(rings);
  const xy = S.xy;
  const ring = (rows, radius, colour, width) => {
    ctx.strokeStyle = colour;
    ctx.lineWidth = width;
    ctx.beginPath();
    for (const r of rows) {
      const [sx, sy] = project([xy[2 * r], xy[2 * r + 1]]);
      if (sx < -radius || sy < -radius || sx > w + radius || sy > h + radius) continue;
      ctx.moveTo(sx + radius, sy);
      ctx.arc(sx, sy, radius, 0, 2 * Math.PI);
    }
    ctx.stroke();
  };
  const radius = S.thumbs.length ? S.thumbPx / 2 + 2 : S.radius + 4;
  ring(S.marked, radius, 'rgba(17,17,17,1)', 1.8);
  if (S.highlight >= 0 && S.highlight < S.n) {
    ring([S.highlight], Math.max(11, radius), 'rgb(140,47,57)', 2.5);
  }
}

// -- colours, legend -------------------------------------------------------------------
function recolour() {
  const n = S.n;
  const colors = new Uint8Array(n * 4);
  const rgb = S.palette.map(hexToRgb);
  const alpha = n > 200000 ? 200 : 230;
  for (let i = 0; i < n; i++) {
    const c = S.codes[i];
    const p = rgb[c] || [180, 180, 180];
    colors[4 * i] = p[0];
    colors[4 * i + 1] = p[1];
    colors[4 * i + 2] = p[2];
    colors[4 * i + 3] = S.hidden.has(c) ? 0 : alpha;
  }
  S.colors = colors;
  S.pointsData = null; // rebuilt once with the new colours
  deckChanged();
}

// deck.gl compares data by identity: the same object on every render keeps the 100,000s
// of points on the GPU; a new one (new coordinates or colours) uploads them again.
function pointsData() {
  if (!S.pointsData) {
    S.pointsData = {length: S.n, attributes: {
      getPosition: {value: S.xy, size: 2},
      getFillColor: {value: S.colors, size: 4, normalized: true},
    }};
  }
  return S.pointsData;
}

function rowsData(key, rows) {
  if (!S.rowsData) S.rowsData = {};
  const held = S.rowsData[key];
  if (held && held.rows === rows) return held.data;
  const xy = new Float32Array(rows.length * 2);
  for (let i = 0; i < rows.length; i++) {
    xy[2 * i] = S.xy[2 * rows[i]];
    xy[2 * i + 1] = S.xy[2 * rows[i] + 1];
  }
  const data = {length: rows.length, attributes: {getPosition: {value: xy, size: 2}}};
  S.rowsData[key] = {rows, data};
  return data;
}

function visibleRow(row) {
  return !S.hidden.has(S.codes[row]);
}

function drawLegend() {
  legendBox.textContent = '';
  if (!S.legend.length) return;
  const top = document.createElement('div');
  top.className = 'legend-top';
  const title = document.createElement('span');
  title.className = 'legend-title';
  title.textContent = S.legendTitle || '';
  top.appendChild(title);
  let search = null;
  if (S.legend.length > 8) {
    search = document.createElement('input');
    search.type = 'search';
    search.placeholder = `Filter ${S.legend.length} entries…`;
    search.className = 'legend-search';
    search.value = S.legendFilter || '';
    search.addEventListener('input', () => {
      S.legendFilter = search.value;
      fillEntries();
    });
    top.appendChild(search);
  }
  const all = document.createElement('button');
  all.textContent = 'Show all';
  all.className = 'legend-all';
  all.addEventListener('click', () => {
    S.hidden.clear();
    recolour();
    render();
    fillEntries();
  });
  top.appendChild(all);
  legendBox.appendChild(top);
  const list = document.createElement('div');
  list.className = 'legend-list';
  legendBox.appendChild(list);
  function fillEntries() {
    list.textContent = '';
    const q = (S.legendFilter || '').toLowerCase();
    for (const entry of S.legend) {
      if (q && !entry.name.toLowerCase().includes(q)) continue;
      const item = document.createElement('button');
      item.className = 'legend-item' + (S.hidden.has(entry.code) ? ' off' : '');
      item.title = 'Click: show or hide · Alt-click: only this';
      const sw = document.createElement('span');
      sw.className = 'swatch';
      sw.style.background = S.palette[entry.code] || '#bbb';
      const text = document.createElement('span');
      text.textContent = entry.name;
      item.append(sw, text);
      item.addEventListener('click', (ev) => {
        if (ev.altKey) {
          S.hidden = new Set(S.legend.map((e) => e.code).filter((c) => c !== entry.code));
        } else if (S.hidden.has(entry.code)) {
          S.hidden.delete(entry.code);
        } else {
          S.hidden.add(entry.code);
        }
        recolour();
        render();
        fillEntries();
      });
      list.appendChild(item);
    }
  }
  fillEntries();
}

// -- thumbnails ------------------------------------------------------------------------
let thumbTimer = null;
function scheduleThumbs() {
  if (thumbTimer) clearTimeout(thumbTimer);
  thumbTimer = setTimeout(updateThumbs, 60);
}

function viewBounds() {
  if (!S.viewState) return null;
  const [w, h] = viewSize();
  const [ax, ay] = unproject([0, 0]);
  const [bx, by] = unproject([w, h]);
  return [Math.min(ax, bx), Math.max(ax, bx), Math.min(ay, by), Math.max(ay, by)];
}

function updateThumbs() {
  if (!S.base || !S.cells || !S.n || !deck) {
    S.thumbs = [];
    return;
  }
  const b = viewBounds();
  if (!b) return;
  const [x0, x1, y0, y1] = b;
  const rows = [];
  const xy = S.xy;
  for (let i = 0; i < S.n; i++) {
    const x = xy[2 * i];
    const y = xy[2 * i + 1];
    if (x >= x0 && x <= x1 && y >= y0 && y <= y1 && visibleRow(i)) {
      rows.push(i);
      if (rows.length > THUMB_LIMIT) break;
    }
  }
  const zoomedIn = S.viewState && S.viewState.zoom >= fitView().zoom + 0.75;
  if (!zoomedIn || rows.length > THUMB_LIMIT || rows.length === 0) {
    if (S.thumbs.length) {
      S.thumbs = [];
      deckChanged();
      render();
    }
    hint.textContent = S.base ? 'Zoom in (scroll) to see the paintings' : '';
    return;
  }
  hint.textContent = '';
  const [vw, vh] = viewSize();
  S.thumbPx = Math.max(28, Math.min(96, Math.sqrt((vw * vh) / rows.length) * 0.7));
  S.thumbs = rows;
  deckChanged(); // the paintings in view, their size and their badges
  let loading = 0;
  for (const [, v] of S.pages) if (v === 'loading') loading++;
  const wanted = new Set(rows.map((r) => Math.floor(S.cells[r] / S.pageCells)));
  for (const page of wanted) {
    if (S.pages.has(page) || loading >= MAX_PAGES_LOADING) continue;
    loading++;
    S.pages.set(page, 'loading');
    const img = new Image();
    img.onload = () => {
      S.pages.set(page, {image: img});
      deckChanged();
      render();
    };
    img.onerror = () => S.pages.set(page, 'failed');
    img.src = `${S.base}page-${String(page).padStart(5, '0')}.jpg`;
  }
  render();
}

let mapping = null;
function iconMapping() {
  if (mapping) return mapping;
  mapping = {};
  const per = Math.round(Math.sqrt(S.pageCells));
  for (let c = 0; c < S.pageCells; c++) {
    mapping[c] = {x: (c % per) * S.cellPx, y: Math.floor(c / per) * S.cellPx,
                  width: S.cellPx, height: S.cellPx, mask: false};
  }
  return mapping;
}

// -- layers ----------------------------------------------------------------------------
// What deck.gl draws changed (points, colours, outlines, contours, paintings): the next
// render() gives it new layers. Rings and labels alone do not touch it.
function deckChanged() {
  S.deckVersion = (S.deckVersion || 0) + 1;
}

function render() {
  if (!S.ready) return;
  drawRings();
  placeLabel();
  if (!deck) {
    if (S.previewVersion !== S.deckVersion) {
      S.previewVersion = S.deckVersion;
      drawPreview();
    }
    return;
  }
  if (S.deckDrawn === S.deckVersion) return;
  S.deckDrawn = S.deckVersion;
  const {IconLayer, PathLayer, ScatterplotLayer} = GL;
  const layers = [];
  layers.push(new ScatterplotLayer({
    id: `points-${S.xyKey}`,
    data: pointsData(),
    radiusUnits: 'pixels',
    getRadius: S.radius,
    stroked: S.n <= 5000,
    getLineColor: [40, 40, 40, 110],
    lineWidthUnits: 'pixels',
    getLineWidth: 0.5,
  }));
  if (S.later.length) {
    layers.push(new ScatterplotLayer({
      id: 'later',
      data: rowsData('later', S.later),
      radiusUnits: 'pixels', getRadius: S.radius + 1.5, filled: false, stroked: true,
      getLineColor: [60, 60, 60, 200], lineWidthUnits: 'pixels', getLineWidth: 1,
    }));
  }
  for (const [i, c] of S.contours.entries()) {
    layers.push(new PathLayer({
      id: `contour-${i}`, data: c.paths, getPath: (p) => p,
      getColor: hexToRgb(c.colour).concat([230]), widthUnits: 'pixels', getWidth: 1.6,
    }));
  }
  const byPage = new Map();
  for (const r of S.thumbs) {
    const page = Math.floor(S.cells[r] / S.pageCells);
    const entry = S.pages.get(page);
    if (!entry || typeof entry === 'string') continue;
    if (!byPage.has(page)) byPage.set(page, []);
    byPage.get(page).push(r);
  }
  for (const [page, rows] of byPage) {
    layers.push(new IconLayer({
      id: `thumbs-${page}`,
      data: rows,
      iconAtlas: S.pages.get(page).image,
      iconMapping: iconMapping(),
      getIcon: (r) => String(S.cells[r] % S.pageCells),
      getPosition: (r) => [S.xy[2 * r], S.xy[2 * r + 1]],
      sizeUnits: 'pixels',
      getSize: S.thumbPx,
      updateTriggers: {getSize: [S.thumbPx]},
    }));
  }
  const shown = [].concat(...byPage.values());
  if (shown.length) {
    // The work's colour as a badge on the corner of its thumbnail.
    const off = (S.thumbPx * 0.42) / 2 ** (S.viewState ? S.viewState.zoom : 0);
    layers.push(new ScatterplotLayer({
      id: 'thumb-badge', data: shown,
      getPosition: (r) => [S.xy[2 * r] + off, S.xy[2 * r + 1] - off],
      getFillColor: (r) => [S.colors[4 * r], S.colors[4 * r + 1], S.colors[4 * r + 2], 255],
      radiusUnits: 'pixels', getRadius: 5, stroked: true, getLineColor: [255, 255, 255, 255],
      lineWidthUnits: 'pixels', getLineWidth: 1.5,
      updateTriggers: {getFillColor: [S.colors], getPosition: [off]},
    }));
  }
  deck.setProps({layers});
}

function placeLabel() {
  if (S.highlight < 0 || !S.highlightLabel || !S.viewState) {
    label.hidden = true;
    return;
  }
  const [sx, sy] = project([S.xy[2 * S.highlight], S.xy[2 * S.highlight + 1]]);
  label.textContent = S.highlightLabel;
  label.style.left = `${sx}px`;
  label.style.top = `${sy - 30}px`;
  const [vw, vh] = viewSize();
  label.hidden = sx < 0 || sy < 0 || sx > vw || sy > vh;
}

// -- hover and click -------------------------------------------------------------------
// Works are found under the pointer on the CPU, in a grid over the map built once per
// map version: no GPU picking pass (which a software renderer pays dearly for at
// 100,000s of points), the same answer in every browser.
function buildGrid() {
  const n = S.n;
  const [x0, x1, y0, y1] = S.bounds;
  const side = Math.max(1, Math.min(2048, Math.ceil(Math.sqrt(n / 4))));
  const sx = side / Math.max(x1 - x0, 1e-12);
  const sy = side / Math.max(y1 - y0, 1e-12);
  const cellOf = new Uint32Array(n);
  const start = new Uint32Array(side * side + 1);
  for (let i = 0; i < n; i++) {
    const cx = Math.min(side - 1, Math.max(0, Math.floor((S.xy[2 * i] - x0) * sx)));
    const cy = Math.min(side - 1, Math.max(0, Math.floor((S.xy[2 * i + 1] - y0) * sy)));
    cellOf[i] = cy * side + cx;
    start[cellOf[i] + 1]++;
  }
  for (let c = 0; c < side * side; c++) start[c + 1] += start[c];
  const fill = start.slice(0, side * side);
  const rows = new Uint32Array(n);
  for (let i = 0; i < n; i++) rows[fill[cellOf[i]]++] = i;
  S.grid = {side, sx, sy, x0, y0, start, rows};
}

function nearest(px, py, radiusPx) {
  if (!S.viewState || !S.grid) return -1;
  const [wx, wy] = unproject([px, py]);
  const r = radiusPx / 2 ** S.viewState.zoom;
  const g = S.grid;
  const cx0 = Math.max(0, Math.floor((wx - r - g.x0) * g.sx));
  const cx1 = Math.min(g.side - 1, Math.floor((wx + r - g.x0) * g.sx));
  const cy0 = Math.max(0, Math.floor((wy - r - g.y0) * g.sy));
  const cy1 = Math.min(g.side - 1, Math.floor((wy + r - g.y0) * g.sy));
  let best = -1;
  let bestD = r * r;
  for (let cy = cy0; cy <= cy1; cy++) {
    for (let cx = cx0; cx <= cx1; cx++) {
      const c = cy * g.side + cx;
      for (let k = g.start[c]; k < g.start[c + 1]; k++) {
        const i = g.rows[k];
        const dx = S.xy[2 * i] - wx;
        const dy = S.xy[2 * i + 1] - wy;
        const d = dx * dx + dy * dy;
        if (d <= bestD && visibleRow(i)) {
          bestD = d;
          best = i;
        }
      }
    }
  }
  return best;
}

function pickRadius() {
  return S.thumbs.length ? S.thumbPx / 2 : S.radius + 3;
}

function textOf(row, cb) {
  if (!S.base) return cb(null);
  const page = Math.floor(row / 1024);
  const entry = S.texts.get(page);
  if (Array.isArray(entry)) return cb(entry[row % 1024] || null);
  if (entry === 'loading') return cb(null);
  S.texts.set(page, 'loading');
  fetch(`${S.base}text-${String(page).padStart(5, '0')}.json`)
    .then((r) => (r.ok ? r.json() : []))
    .then((rows) => {
      S.texts.set(page, rows);
      cb(rows[row % 1024] || null);
    })
    .catch(() => S.texts.set(page, []));
}

let hovered = -1;
function hover(px, py) {
  const row = dragging ? -1 : nearest(px, py, pickRadius());
  if (row < 0) {
    tooltip.hidden = true;
    hovered = -1;
    return;
  }
  hovered = row;
  const group = S.groupOf ? S.groupOf[S.codes[row]] : '';
  const member = S.membership && S.membership[row] < 255
    ? ` · membership ${S.membership[row]} %` : '';
  tipMeta.textContent = `${group}${member}`;
  tipTitle.textContent = '';
  if (S.base) {
    tipImg.hidden = false;
    tipImg.src = `${S.base}thumb-${row}.jpg`;
  } else {
    tipImg.hidden = true;
  }
  textOf(row, (t) => {
    if (hovered !== row || !t) return;
    tipTitle.textContent = t[1] ? `${t[0]} — ${t[1]}` : t[0];
  });
  const x = Math.min(px + 14, stage.clientWidth - 190);
  const y = py + 14 + 200 > S.height ? Math.max(0, py - 214) : py + 14;
  tooltip.style.left = `${Math.max(0, x)}px`;
  tooltip.style.top = `${y}px`;
  tooltip.hidden = false;
}

function emit(value) {
  S.seq += 1;
  send('streamlit:setComponentValue', {value: {...value, seq: S.seq, token: S.xyKey},
                                      dataType: 'json'});
}

// A click is a press and release without a drag, in any mode (our own test rather than
// the gesture library's tap, which a busy page can miss).
function click(x, y) {
  const row = nearest(x, y, pickRadius());
  if (row >= 0) emit({event: 'click', rows: [row]});
}

let hoverFrame = 0;
stage.addEventListener('pointermove', (ev) => {
  if (hoverFrame) return;
  const [x, y] = local(ev);
  hoverFrame = requestAnimationFrame(() => {
    hoverFrame = 0;
    hover(x, y);
  });
});
stage.addEventListener('pointerleave', () => {
  tooltip.hidden = true;
  hovered = -1;
});

// -- lasso and box ---------------------------------------------------------------------
let dragging = false;
let pressed = null;
let poly = [];
function local(ev) {
  const r = stage.getBoundingClientRect();
  return [ev.clientX - r.left, ev.clientY - r.top];
}
stage.addEventListener('pointerdown', (ev) => {
  if (ev.button !== 0) return;
  pressed = local(ev);
  if (S.mode === 'pan') return;
  dragging = true;
  poly = [local(ev)];
  tooltip.hidden = true;
}, true);
window.addEventListener('pointermove', (ev) => {
  if (!dragging) return;
  const p = local(ev);
  if (S.mode === 'box') {
    const [a] = poly;
    poly = [a, [p[0], a[1]], p, [a[0], p[1]]];
  } else {
    poly.push(p);
  }
  lassoPath.setAttribute('points', poly.map((q) => q.join(',')).join(' '));
}, true);
window.addEventListener('pointerup', (ev) => {
  const start = pressed;
  pressed = null;
  const end = local(ev);
  const moved = start ? Math.hypot(end[0] - start[0], end[1] - start[1]) : Infinity;
  if (dragging) {
    dragging = false;
    lassoPath.setAttribute('points', '');
    const xs = poly.map((p) => p[0]);
    const ys = poly.map((p) => p[1]);
    const extent = Math.max(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys));
    if (poly.length >= 3 && extent >= 6) {
      emit({event: S.mode, rows: selectInside(poly)});
      return;
    }
  }
  if (start && moved < 5) click(end[0], end[1]);
}, true);

function selectInside(screenPoly) {
  const world = screenPoly.map((p) => unproject(p));
  let x0 = Infinity; let x1 = -Infinity; let y0 = Infinity; let y1 = -Infinity;
  for (const [x, y] of world) {
    x0 = Math.min(x0, x); x1 = Math.max(x1, x); y0 = Math.min(y0, y); y1 = Math.max(y1, y);
  }
  const rows = [];
  const xy = S.xy;
  for (let i = 0; i < S.n; i++) {
    const x = xy[2 * i];
    const y = xy[2 * i + 1];
    if (x < x0 || x > x1 || y < y0 || y > y1 || !visibleRow(i)) continue;
    if (pointInPolygon(x, y, world)) rows.push(i);
  }
  return rows;
}

stage.addEventListener('dblclick', () => {
  S.viewState = fitView();
  if (deck) deck.setProps({viewState: S.viewState});
  else deckChanged(); // the first picture is drawn again for the view
  render();
  scheduleThumbs();
});

// For the browser tests: where a work is drawn, in the iframe's coordinates.
S.project = (row) => {
  const [sx, sy] = project([S.xy[2 * row], S.xy[2 * row + 1]]);
  const r = stage.getBoundingClientRect();
  return [sx + r.left, sy + r.top];
};

// -- Streamlit -------------------------------------------------------------------------
async function loadCoordinates(args) {
  if (args.base) {
    const [xyBuf, cellBuf] = await Promise.all([
      fetch(`${args.base}xy.bin`).then((r) => r.arrayBuffer()),
      fetch(`${args.base}cells.bin`).then((r) => r.arrayBuffer()),
    ]);
    return [new Float32Array(xyBuf), new Uint32Array(cellBuf)];
  }
  return [typed(args.xy, Float32Array), null];
}

let pending = Promise.resolve();
function onRender(args) {
  pending = pending.then(() => apply(args)).catch((err) => {
    hint.textContent = `The map could not be drawn: ${err}`;
  });
}

async function apply(args) {
  S.height = args.height || 620;
  stage.style.height = `${S.height}px`;
  const key = args.version;
  if (key !== S.xyKey) {
    const [xy, cells] = await loadCoordinates(args);
    S.xy = xy;
    S.cells = cells;
    S.n = xy.length / 2;
    S.base = args.base || null;
    S.pages = new Map();
    S.texts = new Map();
    S.thumbs = [];
    S.xyKey = key;
    S.pointsData = null;
    S.rowsData = {};
    S.bytesKey = null;
    S.colourKey = null; // colours are rebuilt for the new points
    S.pageCells = args.page_cells || 1024;
    S.cellPx = args.cell_px || 64;
    mapping = null;
    S.bounds = args.bounds;
    buildGrid();
    S.radius = S.n <= 400 ? 5.5 : S.n <= 3000 ? 4 : S.n <= 30000 ? 2.6 : S.n <= 300000 ? 1.8 : 1.2;
    S.ready = true;
    S.viewState = fitView();
    if (deck) deck.setProps({viewState: S.viewState});
    deckChanged();
  }
  const colourKey = args.colour_key;
  if (colourKey !== S.colourKey) {
    S.colourKey = colourKey;
    S.codes = args.codes_wide ? typed(args.codes, Uint16Array) : typed(args.codes, Uint8Array);
    S.palette = args.palette || [];
    S.legend = args.legend || [];
    S.legendTitle = args.legend_title || '';
    S.groupOf = {};
    for (const e of S.legend) S.groupOf[e.code] = e.name;
    S.membership = args.membership ? typed(args.membership, Uint8Array) : null;
    S.hidden = new Set();
    S.legendFilter = '';
    recolour();
    drawLegend();
  }
  if (args.bytes_key !== S.bytesKey) { // the selection or the outlines changed
    S.bytesKey = args.bytes_key;
    S.marked = typed(args.marked, Uint32Array);
    const later = typed(args.later, Uint32Array);
    if (later.length !== S.later.length || later.some((r, i) => r !== S.later[i])) {
      S.later = later;
      deckChanged();
    }
  }
  S.highlight = args.highlight ?? -1;
  S.highlightLabel = args.highlight_label || '';
  const contoursKey = JSON.stringify(args.contours || []);
  if (contoursKey !== S.contoursKey) {
    S.contoursKey = contoursKey;
    S.contours = args.contours || [];
    deckChanged();
  }
  const mode = args.mode || 'lasso';
  if (deck && mode !== S.mode) deck.setProps({controller: {...CONTROLLER, dragPan: mode === 'pan'}});
  S.mode = mode;
  svg.style.display = S.mode === 'pan' ? 'none' : 'block';
  render();
  scheduleThumbs();
  sendHeight();
  S.rendered = (S.rendered || 0) + 1;
  if (!deckAsked) {
    // deck.gl's device is made once the first picture is on the screen and the page
    // around it has been drawn (the frame shares the page's main thread).
    deckAsked = true;
    const whenIdle = window.requestIdleCallback
      ? (f) => requestIdleCallback(f, {timeout: 1500}) : (f) => setTimeout(f, 200);
    requestAnimationFrame(() => whenIdle(() => deckModule.then(startDeck).catch((err) => {
      console.error(err); // eslint-disable-line no-console
      hint.textContent = 'The map cannot pan or zoom here: its WebGL part did not load. '
        + 'Reload the page to try again.';
      hint.classList.add('warning');
    }), 0));
  }
}
let deckAsked = false;

window.addEventListener('message', (event) => {
  const data = event.data;
  if (data && data.type === 'streamlit:render') onRender(data.args || {});
});
function sendHeight() {
  send('streamlit:setFrameHeight', {height: S.height + legendBox.offsetHeight + 6});
}
new ResizeObserver(sendHeight).observe(legendBox);
send('streamlit:componentReady', {apiVersion: 1});
