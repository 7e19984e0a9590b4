// entente dashboard. Every piece of data goes into the page as text (textContent, text nodes,
// attribute values set one by one): never innerHTML, so an article holding <script> or
// onerror= shows as text. No inline script anywhere (the server sends script-src 'self').
import cytoscape from "./vendor/cytoscape.esm.min.js";

const state = { months: [], cy: null, window: { from: null, to: null }, selected: null, charts: [] };
window.__entente = state; // read by the browser tests

// ------------------------------------------------------------------ small DOM helpers

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "class") node.className = value;
    else if (key === "text") node.textContent = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, String(value));
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
  return node;
}

// an http(s) link, or plain text when the URL is anything else (javascript:, data:, ...)
function link(url, label) {
  try {
    const parsed = new URL(url, window.location.href);
    if (parsed.protocol === "http:" || parsed.protocol === "https:") {
      return el("a", { href: parsed.href, target: "_blank", rel: "noopener noreferrer" }, label);
    }
  } catch (e) { /* not a URL */ }
  return el("span", {}, label);
}

function articleLink(article) {
  const wrap = el("span", { class: "article-link" });
  wrap.append(el("a", { href: `#article/${encodeURIComponent(article.id)}` }, article.title || article.id));
  if (article.url) wrap.append(" ", link(article.url, "↗"));
  if (article.published) wrap.append(el("span", { class: "muted" }, ` ${article.published}`));
  return wrap;
}

// text with highlighted stretches: marks [{start, end, cls, title}] may overlap
function marked(text, marks) {
  const frag = document.createDocumentFragment();
  const points = new Set([0, text.length]);
  const ok = marks.filter((m) => m.start >= 0 && m.end <= text.length && m.start < m.end);
  for (const m of ok) { points.add(m.start); points.add(m.end); }
  const cuts = [...points].sort((a, b) => a - b);
  for (let i = 0; i < cuts.length - 1; i++) {
    const [a, b] = [cuts[i], cuts[i + 1]];
    const piece = text.slice(a, b);
    const over = ok.filter((m) => m.start <= a && b <= m.end);
    if (!over.length) { frag.append(document.createTextNode(piece)); continue; }
    const classes = [...new Set(over.map((m) => m.cls))].join(" ");
    const title = over.map((m) => m.title).filter(Boolean).join(" · ");
    frag.append(el("mark", { class: classes, title: title || null }, piece));
  }
  return frag;
}

async function api(path, options = {}) {
  const response = await fetch(path, options);
  let body = null;
  try { body = await response.json(); } catch (e) { body = null; }
  if (!response.ok) {
    const message = body && body.error ? `${body.error.code}: ${body.error.message}` : `HTTP ${response.status}`;
    throw new Error(message);
  }
  return body;
}

function status(message, isError = false) {
  const node = document.getElementById("status");
  node.textContent = message;
  node.className = isError ? "error" : "";
}

function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== null && v !== undefined && v !== "") q.set(k, v);
  const s = q.toString();
  return s ? `?${s}` : "";
}

function fmt(x) { return (x >= 0 ? "+" : "") + Number(x).toFixed(2); }

// ------------------------------------------------------------------ views

const views = ["network", "quotes", "events", "analyze", "article"];

function route() {
  const hash = window.location.hash.replace(/^#/, "") || "network";
  const [view, arg] = hash.split("/");
  const name = views.includes(view) ? view : "network";
  for (const v of views) document.getElementById(`view-${v}`).hidden = v !== name;
  for (const a of document.querySelectorAll("nav a[data-view]")) {
    a.classList.toggle("active", a.dataset.view === name);
  }
  if (name === "article" && arg) showArticle(decodeURIComponent(arg));
  if (name === "quotes" && !state.quotesLoaded) { state.quotesLoaded = true; loadQuotes(false); }
  if (name === "events" && !state.eventsLoaded) { state.eventsLoaded = true; loadEvents(false); }
  if (name === "network" && state.cy) {  // drawn while hidden: size and fit it now
    state.cy.resize();
    state.cy.fit(undefined, 40);
  }
}

// ------------------------------------------------------------------ the network

function monthRange(i, span) {
  if (!state.months.length) return { from: null, to: null };
  if (span === 0) return { from: null, to: null };
  const last = state.months[i].month;
  const first = state.months[Math.max(0, i - span + 1)].month;
  const [y, m] = last.split("-").map(Number);
  const end = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
  return { from: `${first}-01`, to: end };
}

function windowParams() {
  const span = Number(document.getElementById("span").value);
  const i = Number(document.getElementById("slider").value);
  const w = monthRange(i, span);
  return {
    from: w.from, to: w.to,
    kind: document.getElementById("kind").value,
    min_n: document.getElementById("min-n").value || 1,
  };
}

let drawTimer = null;
function scheduleDraw() {
  clearTimeout(drawTimer);
  drawTimer = setTimeout(drawNetwork, 120);
}

async function drawNetwork() {
  const params = windowParams();
  const label = params.from ? `${params.from} – ${params.to}` : "everything";
  document.getElementById("slider").disabled = !params.from;
  document.getElementById("window-label").textContent = label;
  const actor = document.getElementById("actor-search").value.trim().toUpperCase();
  const ego = document.getElementById("ego").checked && actor ? actor : null;
  state.window = { from: params.from, to: params.to };
  let data;
  try {
    data = await api(`/api/graph${query({ ...params, actor: ego })}`);
  } catch (e) { status(e.message, true); return; }
  const elements = [];
  const blocs = new Set(data.nodes.map((n) => n.bloc));
  const grouped = blocs.size > 1;
  if (grouped) for (const b of blocs) elements.push({ data: { id: `bloc:${b}`, label: `bloc ${b + 1}`, isBloc: true } });
  for (const n of data.nodes) {
    elements.push({ data: { id: n.id, label: n.id, name: n.name, parent: grouped ? `bloc:${n.bloc}` : undefined } });
  }
  for (const e of data.edges) {
    elements.push({
      data: {
        id: `${e.source}|${e.target}`, source: e.source, target: e.target, sign: e.sign,
        width: 1 + 7 * Math.abs(e.score) * Math.min(1, e.n / 3), score: e.score, n: e.n,
      },
    });
  }
  const cy = state.cy;
  cy.elements().remove();
  cy.add(elements);
  cy.layout({ name: "preset", positions: blocPositions(data), fit: true, padding: 40 }).run();
  highlightActor(actor);
  const graph = document.getElementById("graph");
  graph.dataset.edges = String(data.edges.length);
  graph.dataset.window = label;
  graph.dataset.signature = data.edges.map((e) => `${e.source}${e.sign}${e.target}`).join(",");
  const list = clear(document.getElementById("edge-list"));
  for (const e of data.edges) {
    list.append(el("li", {},
      el("button", { type: "button", class: `edge-button ${e.sign === "+" ? "pos" : "neg"}`, "data-pair": `${e.source}|${e.target}`,
        onclick: () => showDyad(e.source, e.target) }, `${e.source} — ${e.target} ${fmt(e.score)} (${e.n})`)));
  }
  status(`${data.nodes.length} actors, ${data.edges.length} relations`);
}

// blocs in a grid, largest first, each bloc's members on a circle in its cell: deterministic,
// and no bloc's box overlaps another's
function blocPositions(data) {
  const groups = data.blocs.length ? data.blocs : [data.nodes.map((n) => n.id)];
  const radius = (g) => (g.length === 1 ? 0 : Math.max(50, (g.length * 46) / (2 * Math.PI)));
  const cell = 2 * Math.max(...groups.map(radius), 20) + 110;
  const columns = Math.ceil(Math.sqrt(groups.length * 1.5));
  const positions = {};
  groups.forEach((members, i) => {
    const cx = (i % columns) * cell;
    const cy = Math.floor(i / columns) * cell;
    const r = radius(members);
    members.forEach((id, j) => {
      const a = (2 * Math.PI * j) / members.length - Math.PI / 2;
      positions[id] = { x: cx + r * Math.cos(a), y: cy + r * Math.sin(a) };
    });
  });
  return positions;
}

function highlightActor(actor) {
  const cy = state.cy;
  cy.nodes().removeClass("found");
  if (actor) cy.getElementById(actor).addClass("found");
}

function makeGraph() {
  state.cy = cytoscape({
    container: document.getElementById("graph"),
    style: [
      { selector: "node", style: { label: "data(label)", "background-color": "#34495e", color: "#111", "font-size": 11, "text-valign": "bottom", "text-margin-y": 3, width: 22, height: 22 } },
      { selector: "node[?isBloc]", style: { "background-color": "#eef2f7", "border-color": "#9aa8b8", "border-width": 1, label: "data(label)", "text-valign": "top", color: "#567", "font-size": 10 } },
      { selector: "node.found", style: { "background-color": "#f4a261", "border-width": 3, "border-color": "#e76f51" } },
      { selector: "edge", style: { width: "data(width)", "curve-style": "bezier", opacity: 0.85 } },
      { selector: "edge[sign = '+']", style: { "line-color": "#2a9d8f" } },
      { selector: "edge[sign = '-']", style: { "line-color": "#d62828", "line-style": "solid" } },
      { selector: "edge:selected", style: { "overlay-opacity": 0.2, "overlay-color": "#f4a261" } },
    ],
  });
  state.cy.on("tap", "edge", (evt) => showDyad(evt.target.data("source"), evt.target.data("target")));
  state.cy.on("tap", "node", (evt) => { if (!evt.target.data("isBloc")) showActor(evt.target.id()); });
}

function scoreChart(canvas, labels, datasets) {
  if (!window.Chart) return null;
  const chart = new window.Chart(canvas, {
    type: "line",
    data: { labels, datasets },
    options: {
      animation: false, responsive: true, maintainAspectRatio: false,
      scales: { y: { min: -1, max: 1, title: { display: true, text: "score" } } },
      plugins: { legend: { display: datasets.length > 1 } },
    },
  });
  state.charts.push(chart);
  return chart;
}

function resetPanel(title) {
  for (const c of state.charts) c.destroy();
  state.charts = [];
  const panel = clear(document.getElementById("panel"));
  panel.append(el("h2", {}, title));
  return panel;
}

async function showDyad(a, b) {
  const panel = resetPanel(`${a} — ${b}`);
  panel.dataset.pair = `${a}|${b}`;
  state.selected = [a, b];
  const w = windowParams();
  let dyad, why;
  try {
    [dyad, why] = await Promise.all([
      api(`/api/dyads/${encodeURIComponent(a)}/${encodeURIComponent(b)}${query({ kind: w.kind })}`),
      api(`/api/explain/${encodeURIComponent(a)}/${encodeURIComponent(b)}${query({ from: w.from, to: w.to, kind: w.kind, min_n: w.min_n })}`),
    ]);
  } catch (e) { panel.append(el("p", { class: "error" }, e.message)); return; }
  const t = dyad.total;
  panel.append(el("p", {}, `score ${fmt(t.score)} [${fmt(t.low)}, ${fmt(t.high)}] from ${t.n} pieces of evidence`,
    dyad.trend ? ` — ${dyad.trend.direction} (p = ${dyad.trend.p_value.toFixed(3)})` : ""));
  const box = el("div", { class: "chart" }, el("canvas", { id: "dyad-chart" }));
  panel.append(box);
  const labels = dyad.series.map((s) => s.start);
  scoreChart(box.firstChild, labels, [
    { label: "score", data: dyad.series.map((s) => s.score), borderColor: "#264653", tension: 0.2 },
    { label: "low", data: dyad.series.map((s) => s.low), borderColor: "#aab", borderDash: [4, 4], pointRadius: 0 },
    { label: "high", data: dyad.series.map((s) => s.high), borderColor: "#aab", borderDash: [4, 4], pointRadius: 0 },
  ]);

  panel.append(el("h3", {}, "Why, in this window"));
  const explain = el("div", { id: "explain" });
  if (!why.together.length && !why.apart.length) explain.append(el("p", { class: "muted" }, "No third actor is tied to both."));
  for (const [title, items, cls] of [["Push them together", why.together, "pos"], ["Hold them apart", why.apart, "neg"]]) {
    if (!items.length) continue;
    explain.append(el("h4", { class: cls }, title));
    explain.append(el("ul", {}, ...items.map((x) => el("li", {}, x.text, el("span", { class: "muted" }, ` (strength ${x.strength.toFixed(2)})`)))));
  }
  panel.append(explain);

  panel.append(el("h3", {}, `Evidence (${dyad.evidence.length})`));
  const list = el("ol", { id: "evidence", class: "evidence" });
  for (const x of dyad.evidence) {
    const marks = [];
    if (x.trigger) marks.push({ ...x.trigger, cls: "trigger", title: x.detail });
    for (const m of x.actors) marks.push({ ...m, cls: "actor", title: m.actor });
    list.append(el("li", { class: x.sign === "+" ? "pos" : "neg" },
      el("div", { class: "sentence" }, marked(x.sentence, marks)),
      el("div", { class: "meta" }, `${x.day || ""} ${x.kind} ${x.detail} ${x.sign} · `, articleLink(x.article))));
  }
  panel.append(list);

  if (dyad.quotes.length) {
    panel.append(el("h3", {}, "Quotes"));
    panel.append(el("ul", { class: "quotes" }, ...dyad.quotes.map((q) => el("li", {},
      el("q", {}, q.text), " — ", q.speaker_name || q.speaker_actor || "unknown",
      el("span", { class: "muted" }, ` (${q.speaker_actor || "?"})`), " · ",
      articleLink({ id: q.article_id, title: q.title, url: q.url, published: q.published })))));
  }
  panel.append(el("h3", {}, "Articles"));
  panel.append(el("ul", {}, ...dyad.articles.map((art) => el("li", {}, articleLink(art)))));
}

async function showActor(id) {
  const panel = resetPanel(id);
  panel.dataset.actor = id;
  let rel, people, quotes;
  try {
    [rel, people, quotes] = await Promise.all([
      api(`/api/actors/${encodeURIComponent(id)}/relations`),
      api(`/api/people${query({ actor: id, limit: 200 })}`),
      api(`/api/quotes${query({ actor: id, limit: 30 })}`),
    ]);
  } catch (e) { panel.append(el("p", { class: "error" }, e.message)); return; }
  panel.firstChild.textContent = `${rel.actor.name} (${id})`;
  const labels = [...new Set(rel.partners.flatMap((p) => p.series.map((s) => s.start)))].sort();
  const palette = ["#264653", "#2a9d8f", "#e9c46a", "#f4a261", "#e76f51", "#8e44ad"];
  const box = el("div", { class: "chart" }, el("canvas", { id: "actor-chart" }));
  panel.append(el("h3", {}, "Relations over time"), box);
  scoreChart(box.firstChild, labels, rel.partners.slice(0, 6).map((p, i) => {
    const by = Object.fromEntries(p.series.map((s) => [s.start, s.score]));
    return { label: p.id, data: labels.map((l) => (l in by ? by[l] : null)), borderColor: palette[i], spanGaps: true };
  }));
  panel.append(el("ul", {}, ...rel.partners.map((p) => el("li", {},
    el("button", { type: "button", class: "linkish", onclick: () => showDyad(id, p.id) }, `${p.name} (${p.id})`),
    ` ${fmt(p.total.score)} from ${p.total.n}`))));
  const names = new Map();
  for (const p of people.items) names.set(p.name, p.role);
  panel.append(el("h3", {}, "People"), el("ul", {}, ...[...names].map(([n, role]) => el("li", {}, n, role ? el("span", { class: "muted" }, `, ${role}`) : ""))));
  panel.append(el("h3", {}, "What they said"), el("ul", { class: "quotes" }, ...quotes.items.map((q) => el("li", {},
    el("q", {}, q.text), " — ", q.speaker_name || "unknown", " · ",
    articleLink({ id: q.article_id, title: q.title, url: q.url, published: q.published })))));
}

// ------------------------------------------------------------------ quote explorer, events table

function formParams(form) {
  const params = {};
  for (const [k, v] of new FormData(form).entries()) if (v) params[k] = String(v).trim();
  return params;
}

async function loadPaged(kind, append) {
  const form = document.getElementById(kind === "quotes" ? "quote-filters" : "event-filters");
  const params = formParams(form);
  if (append && state[`${kind}Next`]) params.cursor = state[`${kind}Next`];
  params.limit = 50;
  let page;
  try { page = await api(`/api/${kind}${query(params)}`); } catch (e) { status(e.message, true); return; }
  const body = document.querySelector(`#${kind}-table tbody`);
  if (!append) clear(body);
  for (const row of page.items) body.append(kind === "quotes" ? quoteRow(row) : eventRow(row));
  state[`${kind}Next`] = page.next;
  document.getElementById(`${kind}-more`).hidden = !page.next;
  const csv = { ...params, format: "csv", limit: 0 };
  delete csv.cursor;
  document.getElementById(`${kind}-csv`).setAttribute("href", `/api/${kind}${query(csv)}`);
}

function quoteRow(q) {
  return el("tr", {},
    el("td", {}, q.published || ""), el("td", {}, q.speaker_name || "?"), el("td", {}, q.speaker_actor || ""),
    el("td", {}, el("q", {}, q.text)),
    el("td", {}, [...q.mentions, ...Object.entries(q.stance).map(([a, s]) => `${a} ${fmt(s)}`)].join(", ")),
    el("td", {}, articleLink({ id: q.article_id, title: q.title, url: q.url })));
}

function eventRow(e) {
  const start = e.trigger_start - e.evidence_start;
  return el("tr", {},
    el("td", {}, e.day || ""), el("td", {}, e.source), el("td", {}, e.type), el("td", {}, e.target || ""),
    el("td", { class: `status-${e.status}` }, e.status),
    el("td", {}, marked(e.evidence_text, [{ start, end: start + e.trigger_text.length, cls: "trigger", title: e.type }])),
    el("td", {}, articleLink({ id: e.article_id, title: e.title, url: e.url })));
}

function loadQuotes(append) { return loadPaged("quotes", append); }
function loadEvents(append) { return loadPaged("events", append); }

// ------------------------------------------------------------------ an analysis laid out on its text

function renderAnalysis(target, analysis, stored) {
  clear(target);
  const art = analysis.article;
  const text = art.input || art.text;
  const marks = [];
  for (const actor of analysis.actors) {
    for (const m of actor.mentions) marks.push({ start: m.start, end: m.end, cls: "actor", title: `${actor.id} ${actor.name}` });
  }
  for (const q of analysis.quotes) {
    for (const c of q.content) marks.push({ start: c.start, end: c.end, cls: "quote", title: `quote: ${q.speaker.name || "?"}` });
  }
  for (const e of analysis.events) {
    marks.push({ start: e.trigger.start, end: e.trigger.end, cls: `trigger status-${e.status}`, title: `${e.source} ${e.type} ${e.target || ""} (${e.status})` });
  }
  target.append(el("h2", {}, art.title || "(no title)"));
  target.append(el("p", { class: "muted" }, [art.outlet, art.published, art.url ? "" : null].filter(Boolean).join(" · "), art.url ? link(art.url, art.url) : ""));
  if (stored) target.append(el("p", { class: "stored" }, `stored: ${stored.id} (${stored.status})`));
  target.append(el("p", { class: "legend" }, el("mark", { class: "actor" }, "actor"), " ", el("mark", { class: "quote" }, "quote"), " ", el("mark", { class: "trigger" }, "event")));
  target.append(el("div", { class: "article-text", id: "article-text" }, marked(text, marks)));
  const side = el("div", { class: "facts" });
  side.append(el("h3", {}, `Actors (${analysis.actors.length})`),
    el("ul", {}, ...analysis.actors.map((a) => el("li", {}, `${a.name} (${a.id}), ${a.mentions.length} mentions`))));
  side.append(el("h3", {}, `Events (${analysis.events.length})`),
    el("ul", { id: "analysis-events" }, ...analysis.events.map((e) => el("li", {}, `${e.source} ${e.type} ${e.target || "—"} `, el("span", { class: `status-${e.status}` }, e.status), el("div", { class: "muted" }, e.evidence.text)))));
  side.append(el("h3", {}, `Quotes (${analysis.quotes.length})`),
    el("ul", {}, ...analysis.quotes.map((q) => el("li", {}, el("q", {}, q.text), " — ", q.speaker.name || "unknown"))));
  side.append(el("h3", {}, `Relations (${analysis.relations.length})`),
    el("ul", {}, ...analysis.relations.map((r) => el("li", { class: r.sign === "+" ? "pos" : "neg" }, `${r.pair[0]} ${r.sign} ${r.pair[1]} (${r.weight.toFixed(2)})`))));
  target.append(side);
}

async function analyze(evt) {
  evt.preventDefault();
  const text = document.getElementById("analyze-text").value;
  const url = document.getElementById("analyze-url").value.trim();
  const published = document.getElementById("analyze-date").value;
  const store = document.getElementById("analyze-store").checked;
  const token = document.getElementById("analyze-token").value;
  const body = url ? { url } : (/^\s*</.test(text) ? { html: text } : { text });
  if (published) body.published = published;
  if (store) body.store = true;
  const headers = { "Content-Type": "application/json" };
  if (store && token) headers.Authorization = `Bearer ${token}`;
  const target = document.getElementById("analysis");
  clear(target).append(el("p", { class: "muted" }, "Analysing…"));
  status("analysing…");
  try {
    const out = await api("/api/analyze", { method: "POST", headers, body: JSON.stringify(body) });
    renderAnalysis(target, out.analysis, out.stored);
    target.dataset.done = "1";
    status("analysed");
  } catch (e) {
    clear(target).append(el("p", { class: "error", id: "analysis-error" }, e.message));
    status(e.message, true);
  }
}

async function showArticle(id) {
  const target = document.getElementById("article");
  clear(target).append(el("p", { class: "muted" }, "Loading…"));
  try {
    renderAnalysis(target, await api(`/api/articles/${encodeURIComponent(id)}`), null);
  } catch (e) { clear(target).append(el("p", { class: "error" }, e.message)); }
}

// ------------------------------------------------------------------ start

async function start() {
  makeGraph();
  for (const id of ["slider", "span", "kind", "min-n", "ego"]) document.getElementById(id).addEventListener("input", scheduleDraw);
  document.getElementById("network-controls").addEventListener("submit", (e) => { e.preventDefault(); scheduleDraw(); });
  document.getElementById("actor-search").addEventListener("change", (e) => {
    const actor = e.target.value.trim().toUpperCase();
    highlightActor(actor);
    if (document.getElementById("ego").checked) scheduleDraw();
    if (actor && state.cy.getElementById(actor).length) showActor(actor);
  });
  document.getElementById("quote-filters").addEventListener("submit", (e) => { e.preventDefault(); loadQuotes(false); });
  document.getElementById("event-filters").addEventListener("submit", (e) => { e.preventDefault(); loadEvents(false); });
  document.getElementById("quotes-more").addEventListener("click", () => loadQuotes(true));
  document.getElementById("events-more").addEventListener("click", () => loadEvents(true));
  document.getElementById("analyze-form").addEventListener("submit", analyze);
  window.addEventListener("hashchange", route);
  try {
    const [timeline, actors] = await Promise.all([api("/api/timeline"), api("/api/actors?limit=500")]);
    state.months = timeline.months;
    const slider = document.getElementById("slider");
    slider.max = String(Math.max(0, state.months.length - 1));
    slider.value = "0";
    const list = document.getElementById("actor-list");
    for (const a of actors.items) list.append(el("option", { value: a.id }, a.name));
  } catch (e) { status(e.message, true); }
  route();
  await drawNetwork();
  document.body.dataset.ready = "1";
}

start();
