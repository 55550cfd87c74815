// The field-mapping benchmark: Debian's Chromium (playwright-core) driving the built script-tag
// widget on a local backend (this file's own HTTP server) that serves generated catalogs and
// field lists. For each size (app fields x provider fields) it prints:
//   - the time from the fields response (its last byte) to every row shown (the frame after),
//     and to the start of the frame that draws the first screen of rows (20), each the median of
//     7 fresh loads, and every row shown with V8's optimising tier from the start (how much of
//     it is the baseline compiler a first visit runs);
//   - p50/p95 of choosing a provider field as a user does (click to open, type three letters,
//     click the first match), each of those inputs timed from its event to the frame after the
//     DOM shows the result, and the same for changing an upsert setting;
//   - the widget's DOM element count (popup closed and open) and the JS heap in use;
//   - the driving floor: the same inputs against a trivial control that answers at once, and
//     the widget's figures over it;
// and, for a provider step of 1,000 providers, p50/p95 from a keystroke in the search box to the
// next frame.
//
//   node e2e/bench/mapping.mjs            40x500, 100x800, 500x2000; 15 choices and 15 upsert changes each
//   node e2e/bench/mapping.mjs --brief    40x500 only, 3 of each (the test command's smoke)
//   node e2e/bench/mapping.mjs --providers  only the provider search, 30 keystrokes, and the same
//                                           keystrokes in the trivial control's box (add --each
//                                           for each keystroke's time, after its letter)
//   node e2e/bench/mapping.mjs --serve    only the local backend (port ESW_BENCH_PORT, else any),
//                                         to open /host/<app fields>/<provider fields>/1.html
//
// Needs scripts/build-widget.sh first (it serves dist/widget/).
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, normalize } from "node:path";
import { launchBrowser } from "../support/browser.mjs";
import { hostPage } from "../support/host.mjs";
import { DIST } from "../support/server.mjs";

const brief = process.argv.includes("--brief");
const providersOnly = process.argv.includes("--providers");
const SIZES = brief ? [[40, 500]] : [[40, 500], [100, 800], [500, 2000]];
const CHOICES = brief ? 3 : 15;
const PROVIDERS = 1000;
const KEYSTROKES = brief ? 6 : 30;
// Fresh page loads whose median is "every row shown".
const LOADS = brief ? 1 : 7;
const LOADS_TEXT = LOADS === 1 ? "one load" : `median of ${LOADS} loads`;
const TIMEOUT_MS = 120_000;
// The rows that fill the first screen of the table at 1280 x 900.
const FIRST_SCREEN = 20;

// ---- generated data -------------------------------------------------------------------------

const AREAS = ["lead", "account", "renewal", "billing", "support", "marketing", "sales", "partner", "event", "survey",
  "product", "onboarding", "region", "campaign", "contract", "trial", "referral", "loyalty", "webinar", "territory"];
const THINGS = ["score", "stage", "source", "owner", "date", "notes", "status", "tier", "segment", "budget", "priority",
  "channel", "language", "interest", "count", "reference", "type", "code", "opt_in", "updated_at"];
const STANDARD = [
  ["firstname", "First Name"], ["lastname", "Last Name"], ["email", "Email", "email"], ["phone", "Phone Number"],
  ["mobilephone", "Mobile Phone"], ["company", "Company Name"], ["jobtitle", "Job Title"], ["city", "City"],
  ["country", "Country"], ["website", "Website", "uri"],
];
const title = (words) => words.split("_").map((w) => w[0].toUpperCase() + w.slice(1)).join(" ");
const kind = (thing) =>
  ["score", "budget", "count"].includes(thing) ? { type: "number" }
  : thing === "opt_in" ? { type: "boolean" }
  : thing === "date" ? { type: "string", format: "date" }
  : thing === "updated_at" ? { type: "string", format: "date-time" }
  : { type: "string" };

/** The `i`th generated custom property: `lead_score`, `account_score`, …, then `lead_score_2`, … */
function custom(i) {
  const area = AREAS[i % AREAS.length];
  const thing = THINGS[Math.floor(i / AREAS.length) % THINGS.length];
  const round = Math.floor(i / (AREAS.length * THINGS.length));
  const words = round === 0 ? `${area}_${thing}` : `${area}_${thing}_${round + 1}`;
  return { words, thing };
}

/** `n` provider fields: the standard ones, then custom ones (mostly), every 50th required. */
function providerFields(n) {
  const out = STANDARD.slice(0, n).map(([name, t, format]) => ({ name, title: t, type: "string", ...(format ? { format } : {}) }));
  for (let i = 0; out.length < n; i++) {
    const { words, thing } = custom(i);
    out.push({ name: `cf_${words}`, title: title(words), ...kind(thing), custom: true, ...(i % 50 === 49 ? { required: true } : {}) });
  }
  return out;
}

/** `m` app fields: the standard ones, then app names for custom properties (most find a
 * suggestion), every 10th required. */
function schemaFields(m) {
  const out = STANDARD.slice(0, m).map(([name, t, format]) => ({ name: `app_${name}`, title: t, type: "string", ...(format ? { format } : {}) }));
  for (let i = 0; out.length < m; i++) {
    const { words, thing } = custom(i * 3);
    out.push({ name: `app_${words}`, title: title(words), ...kind(thing), ...(out.length % 10 === 0 ? { required: true } : {}) });
  }
  return out;
}

function catalog(p) {
  const providers = [];
  for (let i = 0; i < p; i++) {
    const a = AREAS[i % AREAS.length], b = THINGS[Math.floor(i / AREAS.length) % THINGS.length];
    providers.push({
      provider: { name: `p${i}`, display_name: `${title(a)} ${title(b)} ${i}`, endgrate_provider_type: "CRM" },
      integrations: [{ display_name: "Contact", endgrate_type: "crm-contact", supports_push: true, supports_pull: false }],
    });
  }
  return { providers };
}

// ---- the local backend ----------------------------------------------------------------------

const TYPES = { ".js": "text/javascript", ".wasm": "application/wasm", ".css": "text/css", ".json": "application/json" };

// A trivial editable combobox that answers at once: the driving floor.
const CONTROL = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>control</title></head><body>
<main><div id="widget-root"><label for="c">Field</label><input id="c" role="combobox" aria-expanded="false"><div id="l" role="listbox"></div>
<select id="u" aria-label="upsert"><option>OVERWRITE</option><option>DO_NOT_UPDATE</option><option>SET_IF_NOT_SET</option></select></div></main>
<script type="module">
  const input = document.getElementById("c"), list = document.getElementById("l");
  const names = Array.from({ length: 500 }, (_, i) => "Field " + i);
  const show = () => {
    const q = input.value.toLowerCase();
    list.replaceChildren(...names.filter((n) => n.toLowerCase().includes(q)).slice(0, 10).map((n) => {
      const o = document.createElement("div"); o.setAttribute("role", "option"); o.textContent = n;
      o.onmousedown = (e) => e.preventDefault();
      o.onclick = () => { input.value = n; list.replaceChildren(); input.setAttribute("aria-expanded", "false"); };
      return o;
    }));
    input.setAttribute("aria-expanded", "true");
  };
  input.addEventListener("click", show);
  input.addEventListener("input", show);
  window.__host = { mount: "ok" };
</script></body></html>`;

function backend() {
  return createServer(async (req, res) => {
    const url = new URL(req.url, "http://x");
    const send = (status, type, body) => {
      res.writeHead(status, { "content-type": type, "cache-control": "no-store" });
      res.end(body);
    };
    let m;
    if (url.pathname === "/control.html") return send(200, "text/html", CONTROL);
    if ((m = url.pathname.match(/^\/host\/(\d+)\/(\d+)\/(\d+)\.html$/))) {
      const [, sm, sn, sp] = m;
      const session = { schema: [{ endgrate_type: "crm-contact" }], field_selection: true };
      if (sp === "1") session.provider = "p0";
      return send(200, "text/html", hostPage({ apiBase: `/b/${sm}/${sn}/${sp}`, after: "none", session }));
    }
    if ((m = url.pathname.match(/^\/b\/(\d+)\/(\d+)\/(\d+)\/api\/integrations$/))) {
      return send(200, "application/json", JSON.stringify(catalog(Number(m[3]))));
    }
    if ((m = url.pathname.match(/^\/b\/(\d+)\/(\d+)\/(\d+)\/api\/fields$/))) {
      const body = { schema_fields: schemaFields(Number(m[1])), provider_fields: providerFields(Number(m[2])) };
      return send(200, "application/json", JSON.stringify(body));
    }
    if (url.pathname.startsWith("/widget/")) {
      const path = normalize(join(DIST, url.pathname));
      if (!path.startsWith(DIST)) return send(403, "text/plain", "no");
      try {
        return send(200, TYPES[extname(path)] ?? "application/octet-stream", await readFile(path));
      } catch {
        return send(404, "text/plain", "not found");
      }
    }
    send(404, "text/plain", "not found");
  });
}

// ---- in-page timing -------------------------------------------------------------------------

// Times inputs from their event to the frame after the DOM shows the result: `arm(check)`, then
// the driver acts; the first input event after arming starts the clock, and each frame after it
// checks `check` (a function body over `document`) until it holds, then the clock stops after
// that frame's paint (a task queued from the frame callback).
const TIMING = () => {
  let armed = null;
  const start = (event) => {
    if (armed && armed.start === undefined) {
      armed.start = event.timeStamp;
      const frame = () =>
        requestAnimationFrame(() => {
          if (!armed.check()) {
            if (performance.now() - armed.start > 10_000) armed.resolve(NaN);
            return frame();
          }
          setTimeout(() => {
            armed.resolve(performance.now() - armed.start);
            armed = null;
          }, 0);
        });
      frame();
    }
  };
  for (const type of ["pointerdown", "mousedown", "keydown", "input", "change"]) {
    document.addEventListener(type, start, { capture: true });
  }
  window.__bench = {
    arm(check) {
      let resolve;
      const done = new Promise((r) => (resolve = r));
      armed = { check: new Function(check), resolve };
      window.__bench.done = done;
    },
  };
  // Every row shown: the frame after the last row of the table entered the DOM. The first screen:
  // the start of the frame that draws the first FIRST_SCREEN rows (its paint follows at once; a
  // task queued after it could wait behind the widget building the rest).
  window.__firstScreen = new Promise((resolve) => (window.__firstScreenAt = resolve));
  window.__rowsShown = new Promise((resolve) => {
    let first = false;
    const observer = new MutationObserver(() => {
      const want = window.__wantRows;
      const have = document.querySelectorAll(".esw-table tbody tr").length;
      if (want && !first && have >= Math.min(want, window.__firstScreenRows)) {
        first = true;
        requestAnimationFrame(() => window.__firstScreenAt(performance.now()));
      }
      if (!want || have < want) return;
      observer.disconnect();
      requestAnimationFrame(() => setTimeout(() => resolve(performance.now()), 0));
    });
    observer.observe(document, { childList: true, subtree: true });
  });
};

const arm = (page, check) => page.evaluate((c) => window.__bench.arm(c), check);
const done = (page) => page.evaluate(() => window.__bench.done);

const pct = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};
const fmt = (values) => `p50 ${pct(values, 50).toFixed(1).padStart(6)} ms  p95 ${pct(values, 95).toFixed(1).padStart(6)} ms`;

const OPEN = "return document.querySelector('[role=listbox] [role=option]') !== null";
const NOT_OPEN = "return document.querySelector('[role=listbox] [role=option]') === null";
const ANY = "return true";

/** Open (click), three letters, pick (click the first entry), each timed: `[open, k1, k2, k3, pick]`. */
async function choose(page, input, letters) {
  const times = [];
  await arm(page, OPEN);
  await input.click();
  times.push(await done(page));
  for (const letter of letters) {
    await arm(page, ANY);
    await page.keyboard.press(letter);
    times.push(await done(page));
  }
  await arm(page, NOT_OPEN);
  await page.locator("[role=listbox] [role=option]").first().click();
  times.push(await done(page));
  return times;
}

async function heapMb(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("HeapProfiler.collectGarbage");
  await cdp.send("Performance.enable");
  const { metrics } = await cdp.send("Performance.getMetrics");
  await cdp.detach();
  const used = metrics.find((m) => m.name === "JSHeapUsedSize")?.value ?? NaN;
  return used / 1024 / 1024;
}

const elements = (page) => page.evaluate(() => document.querySelectorAll("#widget-root *").length);

async function control(browser, base) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.addInitScript(TIMING);
  await page.goto(`${base}/control.html`);
  const input = page.locator("#c");
  const choices = [];
  const upserts = [];
  for (let i = 0; i < CHOICES; i++) {
    choices.push(...(await choose(page, input, ["f", "i", "e"])));
    await input.fill("");
    await arm(page, ANY);
    await page.locator("#u").selectOption({ index: (i + 1) % 3 });
    upserts.push(await done(page));
  }
  await page.close();
  return { choices, upserts };
}

/** A fresh page of the mapping step at `m` x `n`, and the time from the fields response to
 * every row shown on it. */
async function loadMapping(browser, base, m, n, errors = []) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on("pageerror", (e) => errors.push(e));
  await page.addInitScript(TIMING);
  await page.addInitScript(([want, first]) => {
    window.__wantRows = want;
    window.__firstScreenRows = first;
  }, [m, FIRST_SCREEN]);
  await page.goto(`${base}/host/${m}/${n}/1.html`, { timeout: TIMEOUT_MS });
  const shownAt = await page.evaluate(() => window.__rowsShown);
  const firstAt = await page.evaluate(() => window.__firstScreen);
  const responseEnd = await page.evaluate(
    () => performance.getEntriesByType("resource").find((e) => e.name.includes("/api/fields"))?.responseEnd,
  );
  return { page, rowsShown: shownAt - responseEnd, firstScreen: firstAt - responseEnd };
}

/** The median times to every row shown and to the first screen's frame over `LOADS` fresh pages. */
async function rowsShownMedian(browser, base, m, n) {
  const times = [];
  const firsts = [];
  for (let i = 0; i < LOADS; i++) {
    const { page, rowsShown, firstScreen } = await loadMapping(browser, base, m, n);
    times.push(rowsShown);
    firsts.push(firstScreen);
    await page.close();
  }
  return { all: pct(times, 50), first: pct(firsts, 50) };
}

async function mapping(browser, base, m, n) {
  const errors = [];
  const rowsShown = await rowsShownMedian(browser, base, m, n);
  const { page } = await loadMapping(browser, base, m, n, errors);
  const closedElements = await elements(page);
  const inputs = page.locator(".esw-table tbody [role=combobox]");
  const fields = providerFields(n);
  const choices = [];
  const upserts = [];
  for (let i = 0; i < CHOICES; i++) {
    const row = Math.floor(((i + 0.5) * m) / CHOICES);
    const input = inputs.nth(row);
    await input.scrollIntoViewIfNeeded();
    // Three letters of a compatible field's name: custom fields of the row's own kind.
    const want = fields[10 + ((row * 7) % Math.max(1, n - 10))] ?? fields[0];
    const letters = want.title.toLowerCase().replace(/[^a-z]/g, "").slice(0, 3).split("");
    choices.push(...(await choose(page, input, letters)));
    const upsert = page.locator(".esw-table tbody tr").nth(row).locator("select");
    if ((await upsert.count()) > 0) {
      await arm(page, ANY);
      await upsert.selectOption({ index: i % 3 });
      upserts.push(await done(page));
    }
  }
  await inputs.nth(0).click();
  await page.locator("[role=listbox] [role=option]").first().waitFor();
  const openElements = await elements(page);
  await page.keyboard.press("Escape");
  const heap = await heapMb(page);
  await page.close();
  if (errors.length) throw new Error(`page errors at ${m}x${n}: ${errors.join("; ")}`);
  return { rowsShown, choices, upserts, closedElements, openElements, heap };
}

/** The provider search's keystrokes, in the widget or (`floor`) in the trivial control's box. */
async function providerSearch(browser, base, floor = false) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.addInitScript(TIMING);
  let search;
  if (floor) {
    await page.goto(`${base}/control.html`);
    search = page.locator("#c");
  } else {
    await page.goto(`${base}/host/1/1/${PROVIDERS}.html`, { timeout: TIMEOUT_MS });
    await page.locator(".esw-provider").first().waitFor({ timeout: TIMEOUT_MS });
    search = page.getByLabel("Search providers");
  }
  await search.click();
  const times = [];
  const words = "lead score renewal".split("");
  for (let i = 0; i < KEYSTROKES; i++) {
    const letter = words[i % words.length];
    if (i % words.length === 0) await search.fill("");
    await arm(page, ANY);
    await page.keyboard.press(letter === " " ? "Space" : letter);
    times.push(await done(page));
  }
  if (process.argv.includes("--each")) console.log(times.map((t, i) => `${words[i % words.length]}:${t.toFixed(0)}`).join(" "));
  await page.close();
  return times;
}

const server = backend();
await new Promise((r) => server.listen(Number(process.env.ESW_BENCH_PORT ?? 0), "127.0.0.1", r));
if (process.argv.includes("--serve")) {
  console.log(`serving on http://127.0.0.1:${server.address().port}/`);
  await new Promise(() => {});
}
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await launchBrowser();
try {
  if (providersOnly) {
    console.log(`provider search benchmark: Chromium, built script-tag widget, ${KEYSTROKES} keystrokes`);
    const floor = await providerSearch(browser, base, true);
    console.log(`  driving floor (trivial search box)  keystroke -> next frame: ${fmt(floor)}`);
    const search = await providerSearch(browser, base);
    console.log(`  ${PROVIDERS} providers   search keystroke -> next frame: ${fmt(search)}   p95 over floor ${(pct(search, 95) - pct(floor, 95)).toFixed(1)} ms`);
  } else await mappingAndSearch();
} finally {
  await browser.close();
  server.close();
}

async function mappingAndSearch() {
  console.log(`mapping benchmark (${brief ? "brief" : "full"}): Chromium, built script-tag widget, ${CHOICES} choices per size`);
  const floor = await control(browser, base);
  const floorChoice = pct(floor.choices, 95);
  const floorUpsert = pct(floor.upserts, 95);
  console.log(`  driving floor (trivial control)   choose: ${fmt(floor.choices)}   upsert: ${fmt(floor.upserts)}`);
  for (const [m, n] of SIZES) {
    const r = await mapping(browser, base, m, n);
    console.log(`  ${`${m} x ${n}`.padEnd(12)} fields response -> every row shown ${r.rowsShown.all.toFixed(0).padStart(5)} ms, the first ${FIRST_SCREEN} rows' frame starts ${r.rowsShown.first.toFixed(0).padStart(5)} ms (${LOADS_TEXT})`);
    console.log(`  ${"".padEnd(12)} choose a field (open, 3 letters, pick): ${fmt(r.choices)}   p95 over floor ${(pct(r.choices, 95) - floorChoice).toFixed(1)} ms`);
    console.log(`  ${"".padEnd(12)} change an upsert setting:               ${fmt(r.upserts)}   p95 over floor ${(pct(r.upserts, 95) - floorUpsert).toFixed(1)} ms`);
    console.log(`  ${"".padEnd(12)} DOM elements in the widget ${r.closedElements} (popup open: ${r.openElements}); JS heap ${r.heap.toFixed(1)} MB`);
  }
  const searchFloor = await providerSearch(browser, base, true);
  const search = await providerSearch(browser, base);
  console.log(`  ${PROVIDERS} providers   search keystroke -> next frame: ${fmt(search)}   (trivial search box: ${fmt(searchFloor)})`);
  if (!brief) {
    // A first visit runs the wasm as V8's baseline compiler (Liftoff) made it: the optimising
    // tier arrives later, for code that runs often. The same load with the optimising tier from
    // the start shows how much of "every row shown" is that (a diagnostic; no user has this flag).
    const optimised = await launchBrowser({ args: ["--js-flags=--no-liftoff --no-wasm-lazy-compilation"] });
    try {
      for (const [m, n] of SIZES) {
        const t = (await rowsShownMedian(optimised, base, m, n)).all;
        console.log(`  ${`${m} x ${n}`.padEnd(12)} every row shown with V8's optimising tier only: ${t.toFixed(0).padStart(5)} ms (${LOADS_TEXT})`);
      }
    } finally {
      await optimised.close();
    }
  }
}
