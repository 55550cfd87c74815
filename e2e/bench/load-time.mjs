// The load-time benchmark: Debian's Chromium (playwright-core), a cold cache for every run, the
// reference server on loopback serving the built widget (precompressed, as in production), and a
// page that mounts it as the README's script-tag snippet does, without and with the README's
// "Faster start" preloads. For each network profile and page it prints the median
// over the runs of the time from navigation to the first provider painted, the bytes transferred
// (everything but the logos, which load as the providers are drawn), and the network floor those
// bytes imply (transfer time at the profile's download rate plus three round trips). The full run
// then repeats Slow 4G with V8 compiling the whole .wasm as it streams in, rather than each function
// at its first call (a diagnostic flag no user has): the difference is what lazy compilation adds
// to the CPU left after the last byte.
//
//   node e2e/bench/load-time.mjs            7 runs per profile
//   node e2e/bench/load-time.mjs --brief    1 run per profile (the test command's smoke)
//
// Needs scripts/build-widget.sh and `cargo build --profile server -p widget-server` first.
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { launchBrowser } from "../support/browser.mjs";
import { DIST, startServer } from "../support/server.mjs";
import { WIDGET_DIR } from "../support/host.mjs";

const brief = process.argv.includes("--brief");
const RUNS = brief ? 1 : 7;
const RUN_TIMEOUT_MS = 60_000;

// Lighthouse's "Slow 4G" (the issue's profile) and DevTools' "Fast 3G"; CPU slowed 4x on both.
const PROFILES = [
  { name: "unthrottled", rttMs: 0, downMbps: 0, upMbps: 0, cpu: 1 },
  { name: "Slow 4G (150 ms, 1.6/0.75 Mbps, 4x CPU)", rttMs: 150, downMbps: 1.6, upMbps: 0.75, cpu: 4 },
  { name: "Fast 3G (562.5 ms, 1.44/0.675 Mbps, 4x CPU)", rttMs: 562.5, downMbps: 1.44, upMbps: 0.675, cpu: 4 },
];

// A static directory holding the built widget and two pages mounting it as the README does: the
// script-tag snippet (the versioned module and stylesheet with their SRI hashes, the custom element
// configured by its JSON child; the server's CSP allows no inline script, and the snippet needs
// none), and the same page with the "Faster start" preloads of the .wasm and the catalog.
const sri = JSON.parse(readFileSync(resolve(DIST, WIDGET_DIR.slice(1), "sri.json"), "utf8"));
const site = mkdtempSync(join(tmpdir(), "esw-bench-"));
symlinkSync(resolve(DIST, "widget"), join(site, "widget"), "dir");
const PAGES = [
  { name: "snippet", preload: "", options: {} },
  {
    name: "faster start",
    preload: `<link rel="preload" as="fetch" crossorigin="anonymous" href="${WIDGET_DIR}/endgrate-session-widget_bg.wasm">
<link rel="preload" as="fetch" crossorigin="anonymous" href="/api/endgrate/api/integrations">`,
    options: { credentials: "same-origin" },
  },
];
for (const [i, { preload, options }] of PAGES.entries()) {
  const json = JSON.stringify({ ...options, session: { schema: [{ endgrate_type: "crm-contact" }] } });
  writeFileSync(
    join(site, `bench-${i}.html`),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>load time</title>
${preload}
<link rel="stylesheet" href="${WIDGET_DIR}/endgrate-session-widget.css"
      integrity="${sri["endgrate-session-widget.css"]}" crossorigin="anonymous">
<script type="module" src="${WIDGET_DIR}/endgrate-session-widget.js"
        integrity="${sri["endgrate-session-widget.js"]}" crossorigin="anonymous"></script>
</head><body><main>
<endgrate-session-widget api-base="/api/endgrate">
  <script type="application/json">${json}</script>
</endgrate-session-widget>
</main></body></html>`,
  );
}

// Records when the first provider is on screen: the frame after it enters the DOM.
const MARK_FIRST_PROVIDER = () => {
  new MutationObserver((_, observer) => {
    if (!document.querySelector(".esw-provider")) return;
    observer.disconnect();
    requestAnimationFrame(() => setTimeout(() => (window.__firstProvider = performance.now()), 0));
  }).observe(document, { childList: true, subtree: true });
};

async function measure(browser, url, page_, profile) {
  const context = await browser.newContext(); // a new context: an empty HTTP cache
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  // Everything the first paint needs: logos are requested as the providers are drawn, so they
  // are left out.
  const logos = new Set();
  cdp.on("Network.requestWillBeSent", (event) => {
    if (new URL(event.request.url).pathname.startsWith("/logos/")) logos.add(event.requestId);
  });
  let bytes = 0;
  let requests = 0;
  cdp.on("Network.loadingFinished", (event) => {
    if (logos.has(event.requestId)) return;
    bytes += event.encodedDataLength;
    requests += 1;
  });
  if (profile.rttMs > 0) {
    await cdp.send("Network.emulateNetworkConditions", {
      offline: false,
      latency: profile.rttMs,
      downloadThroughput: (profile.downMbps * 1e6) / 8,
      uploadThroughput: (profile.upMbps * 1e6) / 8,
    });
  }
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: profile.cpu });
  await page.addInitScript(MARK_FIRST_PROVIDER);
  await page.goto(`${url}/bench-${page_}.html`, { timeout: RUN_TIMEOUT_MS });
  await page.waitForFunction(() => window.__firstProvider !== undefined, null, { timeout: RUN_TIMEOUT_MS });
  const firstProvider = await page.evaluate(() => window.__firstProvider);
  // When the last byte of the .wasm and of the catalog arrived: what is left after them is CPU.
  const arrivals = await page.evaluate(() => {
    const end = (part) =>
      performance.getEntriesByType("resource").find((e) => e.name.includes(part))?.responseEnd ?? NaN;
    return { wasm: end(".wasm"), catalog: end("/api/integrations") };
  });
  await context.close();
  return { firstProvider, bytes, requests, ...arrivals };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Median figures of `RUNS` cold loads of page `p` on `profile`, as one printed line. */
async function report(browser, url, p, profile, label = PAGES[p].name) {
  const runs = [];
  for (let i = 0; i < RUNS; i += 1) runs.push(await measure(browser, url, p, profile));
  const time = median(runs.map((r) => r.firstProvider));
  const bytes = median(runs.map((r) => r.bytes));
  const requests = median(runs.map((r) => r.requests));
  const wasm = median(runs.map((r) => r.wasm));
  const catalog = median(runs.map((r) => r.catalog));
  let line = `  ${profile.name.padEnd(46)} ${label.padEnd(13)} ${time.toFixed(0).padStart(6)} ms   ${(bytes / 1024).toFixed(1)} KB in ${requests} requests` +
    `   (.wasm in at ${wasm.toFixed(0)} ms, catalog at ${catalog.toFixed(0)} ms)`;
  if (profile.downMbps > 0) {
    const floor = (bytes * 8) / (profile.downMbps * 1e6) * 1000 + 3 * profile.rttMs;
    line += `   network floor ${floor.toFixed(0)} ms (${((time / floor - 1) * 100).toFixed(0)}% above)`;
  }
  console.log(line);
}

const server = await startServer({ staticDir: site });
const browser = await launchBrowser();
try {
  console.log(`load time: median of ${RUNS} cold-cache run(s), first provider painted after navigation`);
  for (const profile of PROFILES) {
    for (const p of PAGES.keys()) await report(browser, server.url, p, profile);
  }
  if (!brief) {
    const eager = await launchBrowser({ args: ["--js-flags=--no-wasm-lazy-compilation"] });
    try {
      await report(eager, server.url, 1, PROFILES[1], "faster start, whole .wasm compiled as it streams (diagnostic)");
    } finally {
      await eager.close();
    }
  }
} finally {
  await browser.close();
  await server.stop();
  rmSync(site, { recursive: true, force: true });
}
