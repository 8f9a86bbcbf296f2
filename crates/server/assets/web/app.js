"use strict";
// The web interface. It drives the server's one shared web env through the
// spec's routes (POST reset/step) and follows it over WS /ws/ui, so several
// open tabs stay in step. /web/datasets, /web/datasets/{name} and /web/check
// exist only for this page: the picker, the pre-filled config, and the reason
// a config is refused (/web/reset itself must answer a bare 500).
// All URLs are relative so the page also works behind a path prefix.

const $ = (id) => document.getElementById(id);

// ---------------------------------------------------------------- JSON ----
// JSON.parse would round integers beyond 2^53 (seeds, Python big ints in
// metadata), print 1.0 as 1, and move integer-like keys to the front. What the
// server sent is shown as it was sent: numbers keep their literal text and
// objects are Maps in the original key order.
class Num {
  constructor(raw) { this.raw = raw; }
  valueOf() { return Number(this.raw); }
}

function parseRaw(text) {
  let i = 0;
  const NUM = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
  const fail = () => { throw new SyntaxError(`invalid JSON at offset ${i}`); };
  const ws = () => { while (i < text.length && " \t\n\r".includes(text[i])) i++; };
  function str() {
    if (text[i] !== '"') fail();
    let j = i + 1;
    while (text[j] !== '"') {
      if (j >= text.length) fail();
      j += text[j] === "\\" ? 2 : 1;
    }
    const s = JSON.parse(text.slice(i, j + 1));
    i = j + 1;
    return s;
  }
  function list(close, item) {
    i++;
    ws();
    if (text[i] === close) { i++; return; }
    for (;;) {
      item();
      ws();
      const c = text[i++];
      if (c === close) return;
      if (c !== ",") fail();
    }
  }
  function value() {
    ws();
    const c = text[i];
    if (c === "{") {
      const m = new Map();
      list("}", () => {
        ws();
        const k = str();
        ws();
        if (text[i++] !== ":") fail();
        m.set(k, value());
      });
      return m;
    }
    if (c === "[") {
      const a = [];
      list("]", () => a.push(value()));
      return a;
    }
    if (c === '"') return str();
    for (const [word, v] of [["true", true], ["false", false], ["null", null]]) {
      if (text.startsWith(word, i)) { i += word.length; return v; }
    }
    NUM.lastIndex = i;
    const m = NUM.exec(text);
    if (!m) fail();
    i += m[0].length;
    return new Num(m[0]);
  }
  const v = value();
  ws();
  if (i !== text.length) fail();
  return v;
}

const get = (v, ...keys) => keys.reduce((o, k) => (o instanceof Map ? o.get(k) : undefined), v);
const esc = (s) => String(s).replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);
const isScalar = (v) => v === null || typeof v !== "object" || v instanceof Num;

/** Pretty-prints a `parseRaw` value; `html` adds highlighting spans. */
function formatJSON(v, html, pad = "") {
  const span = (cls, s) => (html ? `<span class="${cls}">${esc(s)}</span>` : s);
  if (v === null || typeof v === "boolean") return span("l", String(v));
  if (v instanceof Num) return span("n", v.raw);
  if (typeof v === "string") return span("s", JSON.stringify(v));
  const inner = pad + "  ";
  if (Array.isArray(v)) {
    if (!v.length) return "[]";
    // Short lists of scalars stay on one line, as a person would write them.
    if (v.every(isScalar)) {
      const flat = v.map((x) => formatJSON(x, false)).join(", ");
      if (flat.length + pad.length < 72) return "[" + v.map((x) => formatJSON(x, html)).join(", ") + "]";
    }
    return "[\n" + v.map((x) => inner + formatJSON(x, html, inner)).join(",\n") + "\n" + pad + "]";
  }
  if (!v.size) return "{}";
  const rows = [...v].map(([k, x]) => inner + span("k", JSON.stringify(k)) + ": " + formatJSON(x, html, inner));
  return "{\n" + rows.join(",\n") + "\n" + pad + "}";
}

/** Python's repr of a number as the server sent it: 1.0, 0.21428571428571427. */
function exactText(score) {
  if (score instanceof Num) return score.raw;
  return Number.isInteger(score) ? score.toFixed(1) : String(score);
}

/**
 * A score as shown: always 3 decimals (1.000, 0.214, 0.000), so a column of
 * scores lines up and 0.21428571428571427 does not fill the box. The exact
 * value goes in the element's title (see `setScore`).
 */
function scoreText(score) {
  return Number(score).toFixed(3);
}

/** Shows a score rounded, its exact value on hover. */
function setScore(el, score) {
  el.textContent = scoreText(score);
  el.title = exactText(score);
}

function scoreClass(score) {
  const v = Number(score);
  return v >= 1 ? "full" : v > 0 ? "partial" : "zero";
}

// ---------------------------------------------------------------- HTTP ----
async function request(path, body) {
  const init = body === undefined
    ? {}
    : { method: "POST", headers: { "Content-Type": "application/json" }, body };
  const r = await fetch(path, init);
  const text = await r.text();
  return { ok: r.ok, status: r.status, text };
}

async function getJSON(path) {
  const r = await request(path);
  if (!r.ok) throw new Error(`GET ${path}: HTTP ${r.status}`);
  return parseRaw(r.text);
}

// --------------------------------------------------------------- state ----
const ui = {
  mode: "single",
  datasets: [],          // [{name, category, description}]
  selected: null,        // single mode: dataset name
  components: [],        // composite mode: [{name, weight, config}]
  described: new Map(),  // name -> Promise<{doc, defaults}>
  live: false,
  localLogs: [],         // the history when /ws/ui is down
  shownQuestion: null,
  busy: false,
  refused: false,        // the server's /web/check refused the current config
};

function describe(name) {
  if (!ui.described.has(name)) {
    const p = getJSON(`datasets/${encodeURIComponent(name)}`).then((doc) => ({
      doc,
      defaults: formatJSON(get(doc, "defaults") ?? new Map(), false),
    }));
    p.catch(() => ui.described.delete(name));
    ui.described.set(name, p);
  }
  return ui.described.get(name);
}

// ------------------------------------------------------- dataset picker ----
function renderList() {
  const terms = $("search").value.toLowerCase().split(/\s+/).filter(Boolean);
  const list = $("dataset-list");
  list.replaceChildren();
  const shown = ui.datasets.filter((d) => {
    if (d.name === "composite") return false;
    const hay = `${d.name} ${d.category} ${d.description}`.toLowerCase();
    return terms.every((t) => hay.includes(t));
  });
  const byCategory = new Map();
  for (const d of shown) {
    if (!byCategory.has(d.category)) byCategory.set(d.category, []);
    byCategory.get(d.category).push(d);
  }
  const taken = new Set(ui.components.map((c) => c.name));
  for (const cat of [...byCategory.keys()].sort()) {
    const head = document.createElement("li");
    head.className = "group";
    head.textContent = `${cat} · ${byCategory.get(cat).length}`;
    list.append(head);
    for (const d of byCategory.get(cat)) {
      const li = document.createElement("li");
      li.className = "ds";
      li.dataset.name = d.name;
      li.title = d.description;
      if (ui.mode === "single" && d.name === ui.selected) li.classList.add("selected");
      li.innerHTML = `<div class="info"><div class="title">${esc(d.name)}</div><div class="desc">${esc(d.description)}</div></div>`;
      if (ui.mode === "composite") {
        const add = document.createElement("button");
        add.className = "add";
        add.type = "button";
        add.textContent = "+";
        // A composite keys its parts by name: a second copy would replace the first.
        add.disabled = taken.has(d.name);
        add.title = add.disabled ? "Already in the mix" : `Add ${d.name}`;
        add.setAttribute("aria-label", add.title);
        li.append(add);
        li.addEventListener("click", () => { if (!taken.has(d.name)) addComponent(d.name); });
      } else {
        li.addEventListener("click", () => select(d.name));
      }
      list.append(li);
    }
  }
  const n = shown.length;
  $("list-hint").textContent = ui.mode === "single"
    ? `${n} dataset${n === 1 ? "" : "s"}. Click one to configure it.`
    : `${n} dataset${n === 1 ? "" : "s"}. Add as many as you like to the mix.`;
  if (!n) {
    const li = document.createElement("li");
    li.className = "empty";
    li.textContent = "No dataset matches.";
    list.append(li);
  }
}

function datasetInfo(name) {
  return ui.datasets.find((d) => d.name === name) || { name, category: "", description: "" };
}

async function select(name) {
  ui.selected = name;
  history.replaceState(null, "", "#" + encodeURIComponent(name));
  renderList();
  renderHeader();
  const config = $("config");
  config.value = "";
  config.placeholder = "Loading the defaults…";
  try {
    const { doc, defaults } = await describe(name);
    if (ui.selected !== name) return;
    config.value = defaults;
    renderFields(doc);
  } catch (e) {
    setStatus("error", `Could not load the config of ${name}: ${e.message}`);
    return;
  }
  scheduleCheck();
}

function renderHeader() {
  if (ui.mode === "composite") {
    $("ds-title").textContent = "composite";
    $("ds-category").textContent = "mix";
    $("ds-description").textContent =
      "A weighted mix: item i comes from one dataset drawn by weight; dataset k gets seed + k + 1.";
    return;
  }
  const d = datasetInfo(ui.selected);
  $("ds-title").textContent = d.name;
  $("ds-category").textContent = d.category;
  $("ds-description").textContent = d.description;
}

function renderFields(doc) {
  const body = document.querySelector("#fields tbody");
  body.replaceChildren();
  for (const f of get(doc, "fields") || []) {
    const tr = document.createElement("tr");
    const def = get(f, "default");
    const defText = f.has("default") ? formatJSON(def, false) : "set by the dataset";
    for (const text of [get(f, "name"), get(f, "type"), defText]) {
      const td = document.createElement("td");
      td.textContent = text;
      tr.append(td);
    }
    body.append(tr);
  }
  const rules = document.querySelector("#fields .rules");
  rules.replaceChildren();
  for (const r of get(doc, "rules") || []) {
    const li = document.createElement("li");
    li.textContent = r;
    rules.append(li);
  }
  const n = (get(doc, "fields") || []).length;
  document.querySelector("#fields summary").textContent =
    `${n} field${n === 1 ? "" : "s"} and ${(get(doc, "rules") || []).length} validation rules`;
}

// ---------------------------------------------------- composite builder ----
async function addComponent(name) {
  const c = { name, weight: "1", config: "{}" };
  ui.components.push(c);
  renderComponents();
  renderList();
  try {
    const { defaults } = await describe(name);
    // Only if the user has not typed in it meanwhile.
    if (c.config === "{}") c.config = defaults;
    renderComponents();
  } catch (e) {
    setStatus("error", `Could not load the config of ${name}: ${e.message}`);
  }
  scheduleCheck();
}

function renderComponents() {
  const list = $("components");
  const total = ui.components.reduce((s, c) => s + (isNumber(c.weight) ? Math.max(0, Number(c.weight)) : 0), 0);
  list.replaceChildren();
  ui.components.forEach((c, k) => {
    const li = document.createElement("li");
    li.className = "component";
    li.dataset.name = c.name;
    const pct = total > 0 && isNumber(c.weight) ? (100 * Math.max(0, Number(c.weight))) / total : 0;
    li.innerHTML = `
      <div class="head">
        <span class="title">${esc(c.name)}</span>
        <label>weight <input class="num weight" inputmode="decimal" value="${esc(c.weight)}" aria-label="Weight of ${esc(c.name)}"></label>
        <span class="share"><span class="bar"><span style="width:${pct.toFixed(1)}%"></span></span><span class="pct">${pct.toFixed(0)}%</span></span>
        <button class="remove" type="button" title="Remove ${esc(c.name)}" aria-label="Remove ${esc(c.name)}">×</button>
      </div>
      <details><summary>config (built with seed + ${k + 1})</summary><textarea class="code cfg" spellcheck="false" rows="6"></textarea></details>`;
    const weight = li.querySelector("input.weight");
    weight.addEventListener("input", () => {
      c.weight = weight.value.trim();
      weight.classList.toggle("invalid", !isNumber(c.weight));
      updateShares();
      scheduleCheck();
    });
    weight.classList.toggle("invalid", !isNumber(c.weight));
    const cfg = li.querySelector("textarea.cfg");
    cfg.value = c.config;
    cfg.addEventListener("input", () => { c.config = cfg.value; scheduleCheck(); });
    li.querySelector(".remove").addEventListener("click", () => {
      ui.components.splice(ui.components.indexOf(c), 1);
      renderComponents();
      renderList();
      scheduleCheck();
    });
    list.append(li);
  });
  $("components-empty").hidden = ui.components.length > 0;
}

/** Weight bars follow typing without rebuilding the inputs (keeps focus). */
function updateShares() {
  const total = ui.components.reduce((s, c) => s + (isNumber(c.weight) ? Math.max(0, Number(c.weight)) : 0), 0);
  document.querySelectorAll("#components .component").forEach((li, k) => {
    const c = ui.components[k];
    const pct = total > 0 && isNumber(c.weight) ? (100 * Math.max(0, Number(c.weight))) / total : 0;
    li.querySelector(".bar > span").style.width = pct.toFixed(1) + "%";
    li.querySelector(".pct").textContent = pct.toFixed(0) + "%";
  });
}

const isNumber = (s) => /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/.test(s);
const isInteger = (s) => /^-?\d+$/.test(s);

// ------------------------------------------------------ reset requests ----
/** The text of a config box, if it holds a JSON object. */
function configObject(text, what) {
  let v;
  try {
    v = parseRaw(text.trim() || "{}");
  } catch (e) {
    return { error: `${what}: not valid JSON (${e.message})` };
  }
  if (!(v instanceof Map)) return { error: `${what}: must be a JSON object` };
  // Seed and size travel beside the config; in it they are Python's
  // "got multiple values" TypeError, which is confusing to meet here.
  for (const key of ["seed", "size"]) {
    if (v.has(key)) return { error: `${what}: set ${key} in the ${key} box, not in the config` };
  }
  return { text: text.trim() || "{}" };
}

/**
 * The reset body as JSON text. Built by hand so that seeds beyond 2^53 and
 * config numbers reach the server exactly as typed.
 */
function resetBody() {
  const seed = $("seed").value.trim();
  const size = $("size").value.trim();
  const bad = { seed: !isInteger(seed), size: !/^\d+$/.test(size) };
  $("seed").classList.toggle("invalid", bad.seed);
  $("size").classList.toggle("invalid", bad.size);
  $("config").classList.remove("invalid");
  if (bad.seed) return { error: "Seed must be an integer." };
  if (bad.size) return { error: "Size must be a positive integer." };
  let head;
  if (ui.mode === "single") {
    if (!ui.selected) return { error: "Pick a dataset." };
    const cfg = configObject($("config").value, "Config");
    if (cfg.error) {
      $("config").classList.add("invalid");
      return cfg;
    }
    head = `"dataset_name":${JSON.stringify(ui.selected)},"dataset_config":${cfg.text}`;
  } else {
    if (!ui.components.length) return { error: "Add at least one dataset to the mix." };
    const specs = [];
    for (const c of ui.components) {
      if (!isNumber(c.weight)) return { error: `Weight of ${c.name}: must be a number.` };
      const cfg = configObject(c.config, `Config of ${c.name}`);
      if (cfg.error) return cfg;
      specs.push(`{"name":${JSON.stringify(c.name)},"weight":${c.weight},"config":${cfg.text}}`);
    }
    head = `"dataset_name":"composite","dataset_specs":[${specs.join(",")}]`;
  }
  // `fields` is the body without its braces, for /v1/generate to extend.
  const fields = `${head},"seed":${seed},"size":${size}`;
  return { body: `{${fields}}`, fields, size: Number(size) };
}

function setStatus(kind, text) {
  const s = $("config-status");
  s.className = "status " + kind;
  s.textContent = text;
}

let checkTimer = 0;
let checkSeq = 0;

/**
 * Start is enabled only for a config that passes the local checks and that
 * the server has not refused; while its check is pending it is let through
 * (a refused reset still says why).
 */
function updateStart() {
  $("start").disabled = ui.busy || ui.refused || Boolean(resetBody().error);
}

/** Validates as the user types: local checks at once, the server's shortly after. */
function scheduleCheck() {
  clearTimeout(checkTimer);
  const seq = ++checkSeq;
  ui.refused = false;
  const b = resetBody();
  updateStart();
  updateBrowse();
  if (b.error) {
    setStatus("error", b.error);
    return;
  }
  setStatus("pending", "Checking…");
  checkTimer = setTimeout(async () => {
    try {
      const r = await request("check", b.body);
      if (seq !== checkSeq) return;
      const j = JSON.parse(r.text);
      ui.refused = !j.ok;
      updateStart();
      updateBrowse();
      if (j.ok) {
        setStatus("ok", "Valid. Start episode builds the dataset and shows its item 0.");
        loadItems();
      } else {
        setStatus("error", j.error);
      }
    } catch (e) {
      // The check itself failed (server unreachable): no verdict on the config.
      if (seq === checkSeq) setStatus("error", `Could not check the config: ${e.message}`);
    }
  }, 300);
}

function setBusy(busy) {
  ui.busy = busy;
  for (const id of ["next", "submit"]) $(id).disabled = busy;
  updateStart();
}

async function reset(body) {
  setBusy(true);
  try {
    const r = await request("reset", body);
    if (!r.ok) {
      // /web/reset only says 500; /web/check runs the same reset and says why.
      const c = JSON.parse((await request("check", body)).text);
      setStatus("error", c.ok ? `Reset failed (HTTP ${r.status}).` : c.error);
      return;
    }
    const obs = get(parseRaw(r.text), "observation");
    ui.localLogs = [];
    showQuestion(get(obs, "question"));
    if (!ui.live) {
      renderHistory(ui.localLogs);
      refreshCurrent();
    }
    if (body !== "{}") setStatus("ok", "Episode started.");
    $("answer").focus();
  } catch (e) {
    setStatus("error", `Reset failed: ${e.message}`);
  } finally {
    setBusy(false);
  }
}

async function submit(ev) {
  ev.preventDefault();
  const answer = $("answer").value;
  setBusy(true);
  $("step-error").hidden = true;
  try {
    const r = await request("step", JSON.stringify({ action: { answer } }));
    if (!r.ok) throw new Error(`HTTP ${r.status}`);
    const env = parseRaw(r.text);
    const obs = get(env, "observation");
    // Scored: the box is ready for the next try. An answer that was not
    // scored (no episode) or a failed step keeps its text.
    if (showResult(obs)) $("answer").value = "";
    ui.localLogs.push(new Map([
      ["timestamp", new Date().toISOString()],
      ["action", new Map([["answer", answer]])],
      ["observation", obs],
      ["step_count", new Num(String(ui.localLogs.length + 1))],
    ]));
    if (!ui.live) renderHistory(ui.localLogs);
  } catch (e) {
    $("step-error").textContent = `Step failed: ${e.message}`;
    $("step-error").hidden = false;
  } finally {
    setBusy(false);
  }
}

// -------------------------------------------------------- item browser ----
// Pages through the items of the dataset being edited with the stateless
// batch API (POST ../v1/generate), which answers the rows `rgym generate`
// writes; the shared env and its episode are left alone.

const browse = {
  maxItems: null,  // the server's max_batch_items (GET limits)
  seq: 0,
};

const uint = (s) => (/^\d+$/.test(s) ? Number(s) : null);

/** The message of a /v1/generate error reply (500 detail, or 422 entries). */
function generateError(r) {
  try {
    const d = JSON.parse(r.text).detail;
    if (typeof d === "string") return d;
    if (Array.isArray(d)) return d.map((e) => e.msg).join("; ");
  } catch {
    // not JSON: fall through
  }
  return `HTTP ${r.status}`;
}

async function generate(start, count, ndjson) {
  const b = resetBody();
  if (b.error) return { error: b.error };
  const init = {
    method: "POST",
    headers: { "Content-Type": "application/json", Accept: ndjson ? "application/x-ndjson" : "application/json" },
    body: `{${b.fields},"start":${start},"count":${count}}`,
  };
  const r = await fetch("../v1/generate", init);
  const res = { ok: r.ok, status: r.status, text: await r.text() };
  return res.ok ? res : { error: generateError(res) };
}

function setBrowseStatus(id, kind, text) {
  const s = $(id);
  s.className = "status " + kind;
  s.textContent = text;
}

/** Buttons follow the config: a config that cannot be built has no items. */
function updateBrowse() {
  const b = resetBody();
  const blocked = Boolean(b.error) || ui.refused;
  const start = uint($("browse-start").value.trim());
  const per = Number($("browse-per").value);
  $("browse-prev").disabled = blocked || !start;
  $("browse-next").disabled = blocked || start === null || start + per >= b.size;
  $("download").disabled = blocked;
  $("browse-start").classList.toggle("invalid", start === null);
  if (browse.maxItems !== null) {
    $("dl-limit").textContent =
      `At most ${browse.maxItems.toLocaleString("en")} items per download (the server's max_batch_items).`;
  }
}

/** Shows items start..start+per of the dataset being edited. */
async function loadItems() {
  if (!$("browse-card").open) return;
  const seq = ++browse.seq;
  const b = resetBody();
  const per = Number($("browse-per").value);
  let start = uint($("browse-start").value.trim());
  updateBrowse();
  if (b.error) return setBrowseStatus("browse-status", "error", b.error);
  if (start === null) return setBrowseStatus("browse-status", "error", "From item must be a non-negative integer.");
  if (start >= b.size) {
    start = Math.max(0, b.size - per);
    $("browse-start").value = String(start);
  }
  const count = Math.min(per, b.size - start);
  if (count <= 0) return setBrowseStatus("browse-status", "error", "Size is 0: there are no items.");
  setBrowseStatus("browse-status", "pending", "Loading…");
  let r;
  try {
    r = await generate(start, count, false);
  } catch (e) {
    r = { error: e.message };
  }
  if (seq !== browse.seq) return;
  if (r.error) {
    $("browse-items").replaceChildren();
    $("browse-range").textContent = "";
    return setBrowseStatus("browse-status", "error", r.error);
  }
  // parseRaw, not JSON.parse: metadata may hold integers beyond 2^53.
  const rows = parseRaw(r.text);
  const list = $("browse-items");
  list.replaceChildren();
  for (const row of rows) {
    const li = document.createElement("li");
    li.className = "browse-item";
    li.dataset.index = exactText(get(row, "index"));
    const answer = get(row, "answer");
    li.innerHTML = `
      <div class="label">Item ${esc(li.dataset.index)}</div>
      <pre class="question"></pre>
      <div class="label">Answer</div>
      <pre class="correct"></pre>
      <details class="metadata"><summary>Metadata</summary><pre class="code json"></pre></details>`;
    li.querySelector(".question").textContent = get(row, "question");
    li.querySelector(".correct").textContent =
      typeof answer === "string" ? answer : "(none: this dataset has no reference answer)";
    li.querySelector(".json").innerHTML = formatJSON(get(row, "metadata"), true);
    list.append(li);
  }
  $("browse-range").textContent = `items ${start}–${start + rows.length - 1} of ${b.size}`;
  setBrowseStatus("browse-status", "", "");
  updateBrowse();
}

function pageItems(delta) {
  const per = Number($("browse-per").value);
  const start = uint($("browse-start").value.trim()) ?? 0;
  $("browse-start").value = String(Math.max(0, start + delta * per));
  loadItems();
}

/** Saves items start..start+count as a .jsonl file, the server's bytes as sent. */
async function download() {
  const b = resetBody();
  if (b.error) return setBrowseStatus("browse-status", "error", b.error);
  const start = uint($("dl-start").value.trim());
  const count = uint($("dl-count").value.trim());
  const bad = start === null || !count || (browse.maxItems !== null && count > browse.maxItems);
  $("dl-start").classList.toggle("invalid", start === null);
  $("dl-count").classList.toggle("invalid", bad && start !== null);
  if (bad) {
    const most = browse.maxItems === null ? "" : ` (at most ${browse.maxItems})`;
    return setBrowseStatus("browse-status", "error", `Download: from item must be an integer ≥ 0 and count a positive integer${most}.`);
  }
  setBrowseStatus("browse-status", "pending", `Generating ${count} items…`);
  $("download").disabled = true;
  try {
    const r = await generate(start, count, true);
    if (r.error) return setBrowseStatus("browse-status", "error", `Download: ${r.error}`);
    // A stream that fails after its start ends with {"error": message}.
    const lines = r.text.trimEnd().split("\n");
    const last = JSON.parse(lines[lines.length - 1]);
    if ("error" in last && !("index" in last)) {
      return setBrowseStatus("browse-status", "error", `Download: ${JSON.stringify(last.error)}`);
    }
    const name = ui.mode === "composite" ? "composite" : ui.selected;
    const seed = $("seed").value.trim();
    const file = `${name}-seed${seed}-items${start}-${start + lines.length - 1}.jsonl`;
    const a = document.createElement("a");
    a.href = URL.createObjectURL(new Blob([r.text], { type: "application/x-ndjson" }));
    a.download = file;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 60000);
    setBrowseStatus("browse-status", "ok", `Downloaded ${lines.length} items as ${file}.`);
  } catch (e) {
    setBrowseStatus("browse-status", "error", `Download failed: ${e.message}`);
  } finally {
    updateBrowse();
  }
}

// ------------------------------------------------------------ rendering ----
function showQuestion(q) {
  const el = $("question");
  if (typeof q !== "string") return;
  if (q !== ui.shownQuestion) {
    $("answer").value = "";
    $("result").hidden = true;
    $("step-error").hidden = true;
  }
  ui.shownQuestion = q;
  el.classList.remove("empty-q");
  el.textContent = q;
}

function showResult(obs) {
  const score = get(obs, "score");
  if (score === null || score === undefined) {
    $("result").hidden = true;
    $("step-error").textContent = "There is no current question: start an episode first.";
    $("step-error").hidden = false;
    return false;
  }
  const el = $("score");
  setScore(el, score);
  el.className = "score " + scoreClass(score);
  const correct = get(obs, "correct_answer");
  $("correct").textContent = typeof correct === "string" ? correct : "(none: this dataset has no reference answer)";
  const meta = get(obs, "dataset_metadata");
  $("metadata").innerHTML = meta == null ? "null" : formatJSON(meta, true);
  $("result").hidden = false;
  return true;
}

function renderHistory(logs) {
  const body = $("history");
  body.replaceChildren();
  for (const log of logs || []) {
    const obs = get(log, "observation");
    const score = get(obs, "score");
    const ts = String(get(log, "timestamp") || "");
    const answer = String(get(log, "action", "answer") ?? "");
    const correct = String(get(obs, "correct_answer") ?? "–");
    // [text, class, title]: a score's title is its exact value.
    const cells = [
      [exactText(get(log, "step_count") ?? ""), "", ""],
      [ts.slice(11, 19), "", ts],
      [answer, "text-cell", answer],
      score == null
        ? ["–", "score-cell", ""]
        : [scoreText(score), "score-cell " + scoreClass(score), exactText(score)],
      [correct, "text-cell", correct],
    ];
    const tr = document.createElement("tr");
    for (const [text, cls, title] of cells) {
      const td = document.createElement("td");
      td.textContent = text;
      if (title) td.title = title;
      if (cls) td.className = cls;
      tr.append(td);
    }
    body.append(tr);
  }
  $("history-empty").hidden = (logs || []).length > 0;
}

/** Which dataset the shared env serves: after a step, or in a page opened
 * mid-episode, the state updates no longer carry the question. */
async function refreshCurrent() {
  try {
    const cur = await getJSON("current");
    showQuestion(get(cur, "question"));
    renderSource(get(cur, "dataset"));
  } catch (e) {
    console.warn("GET current failed", e);
  }
}

function renderSource(d) {
  const el = $("source");
  if (!(d instanceof Map)) { el.textContent = ""; return; }
  const raw = (v) => (v === undefined ? "?" : formatJSON(v, false));
  let name = get(d, "dataset_name");
  const specs = get(d, "dataset_specs");
  if (name === "composite" && Array.isArray(specs)) {
    name += " (" + specs.map((s) => `${get(s, "name")} ×${raw(get(s, "weight") ?? new Num("1"))}`).join(", ") + ")";
  }
  el.textContent = `${name} · seed ${raw(get(d, "seed"))} · size ${raw(get(d, "size"))}`;
  el.title = "The shared web environment serves " + el.textContent;
}

// ------------------------------------------------- live state (/ws/ui) ----
function setLive(on) {
  ui.live = on;
  const el = $("live");
  el.className = "live " + (on ? "on" : "off");
  el.textContent = on ? "live" : "offline";
}

/** Applies a state_update: whoever reset or stepped, every tab shows it. */
function applyState(msg) {
  const st = get(msg, "episode_state");
  if (!(st instanceof Map)) return;
  const id = get(st, "episode_id");
  const steps = get(st, "step_count");
  $("episode").textContent = id ? `episode ${String(id).slice(0, 8)}` : "";
  $("step-count").textContent = `${exactText(steps ?? 0)} step${Number(steps) === 1 ? "" : "s"}`;
  const obs = get(st, "current_observation");
  if (get(st, "is_reset")) refreshCurrent();
  if (obs instanceof Map) {
    if (get(st, "is_reset")) showQuestion(get(obs, "question"));
    else if (get(obs, "score") != null) showResult(obs);
  }
  renderHistory(get(st, "action_logs"));
}

let liveDelay = 500;
function connectLive() {
  const url = new URL("../ws/ui", location.href);
  url.protocol = url.protocol === "https:" ? "wss:" : "ws:";
  let ws;
  try {
    ws = new WebSocket(url);
  } catch {
    setLive(false);
    return;
  }
  ws.onopen = () => { liveDelay = 500; setLive(true); };
  ws.onmessage = (e) => {
    try { applyState(parseRaw(e.data)); } catch (err) { console.warn("bad state_update", err); }
  };
  ws.onclose = () => {
    setLive(false);
    renderHistory(ui.localLogs);
    setTimeout(connectLive, liveDelay);
    liveDelay = Math.min(liveDelay * 2, 10000);
  };
}

// ---------------------------------------------------------------- setup ----
function setMode(mode) {
  ui.mode = mode;
  for (const t of document.querySelectorAll(".tab")) {
    const on = t.dataset.mode === mode;
    t.classList.toggle("active", on);
    t.setAttribute("aria-selected", String(on));
  }
  $("single-config").hidden = mode !== "single";
  $("composite-config").hidden = mode !== "composite";
  if (mode === "composite") {
    history.replaceState(null, "", "#composite");
    renderComponents();
  } else if (ui.selected) {
    history.replaceState(null, "", "#" + encodeURIComponent(ui.selected));
  }
  renderHeader();
  renderList();
  scheduleCheck();
}

async function init() {
  for (const t of document.querySelectorAll(".tab")) t.addEventListener("click", () => setMode(t.dataset.mode));
  $("search").addEventListener("input", renderList);
  $("config").addEventListener("input", scheduleCheck);
  $("seed").addEventListener("input", scheduleCheck);
  $("size").addEventListener("input", scheduleCheck);
  $("defaults").addEventListener("click", async () => {
    if (!ui.selected) return;
    $("config").value = (await describe(ui.selected)).defaults;
    scheduleCheck();
  });
  $("start").addEventListener("click", () => {
    const b = resetBody();
    if (!b.error) reset(b.body);
  });
  $("next").addEventListener("click", () => reset("{}"));
  $("answer-form").addEventListener("submit", submit);
  $("answer").addEventListener("keydown", (e) => {
    if (e.key === "Enter" && !e.shiftKey && !e.isComposing) {
      e.preventDefault();
      $("answer-form").requestSubmit();
    }
  });
  $("config-card").addEventListener("keydown", (e) => {
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey) && !$("start").disabled) {
      e.preventDefault();
      $("start").click();
    }
  });
  $("browse-card").addEventListener("toggle", loadItems);
  $("browse-prev").addEventListener("click", () => pageItems(-1));
  $("browse-next").addEventListener("click", () => pageItems(1));
  $("browse-per").addEventListener("change", loadItems);
  $("browse-start").addEventListener("change", loadItems);
  $("browse-start").addEventListener("input", updateBrowse);
  $("download").addEventListener("click", download);
  getJSON("limits").then((l) => {
    browse.maxItems = Number(get(l, "max_batch_items"));
    $("dl-count").value = String(Math.min(100, browse.maxItems));
    updateBrowse();
  }).catch((e) => console.warn("GET limits failed", e));
  connectLive();
  refreshCurrent();
  try {
    const list = await getJSON("datasets");
    ui.datasets = list.map((d) => ({ name: get(d, "name"), category: get(d, "category"), description: get(d, "description") }));
  } catch (e) {
    setStatus("error", `Could not load the dataset list: ${e.message}`);
    return;
  }
  const n = ui.datasets.filter((d) => d.name !== "composite").length;
  $("search").placeholder = `Search ${n} datasets`;
  const wanted = decodeURIComponent(location.hash.slice(1));
  if (wanted === "composite") {
    ui.selected = "leg_counting";
    setMode("composite");
  } else if (ui.datasets.some((d) => d.name === wanted)) {
    await select(wanted);
    // A link to #word_sorting: scroll the list, not the page, to it.
    const list = $("dataset-list");
    const li = list.querySelector(".ds.selected");
    if (li) list.scrollTop = li.offsetTop - list.offsetTop - 40;
  } else {
    // The default selection is not something the user asked to see: the
    // list stays at its top, where the first groups are (issue 23).
    await select("leg_counting");
  }
}

init();
