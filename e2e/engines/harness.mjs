// One engine per process: `ESW_ENGINE=chromium|firefox|webkit node --test e2e/engines/` runs
// every cross-engine scenario in that engine (scripts/test.sh runs it once per engine). A test file
// calls `useEngine()` once: its tests then share one WebDriver driver, one test backend and one
// browser session, which `newBrowser()` clears before each test, so no saved progress leaks.
import { before, after } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { ARTIFACTS } from "../support/browser.mjs";
import { startBackend } from "../support/backend.mjs";
import { hostPage } from "../support/host.mjs";
import { ENGINES, newSession, startDriver } from "../support/webdriver.mjs";

export const ENGINE = process.env.ESW_ENGINE ?? "chromium";
if (!ENGINES[ENGINE]) throw new Error(`ESW_ENGINE: unknown engine "${ENGINE}" (known: ${Object.keys(ENGINES).join(", ")})`);

export let backend;
let driver;
let session;

/** Where a test's screenshot goes: e2e/artifacts/<engine>-<name>.png. */
export const shotPath = (name) => join(ARTIFACTS, `${ENGINE}-${name}.png`);

/** The script every test page loads first (a file, so a strict CSP allows it): it records page
 * errors and CSP violations in `window.__seen` before any of the widget's code runs. */
const RECORDER = `window.__seen = { errors: [], violations: [] };
window.addEventListener("error", (e) => window.__seen.errors.push(String(e.message)));
window.addEventListener("unhandledrejection", (e) => window.__seen.errors.push("unhandled rejection: " + String(e.reason)));
document.addEventListener("securitypolicyviolation", (e) => window.__seen.violations.push(e.violatedDirective + " " + e.blockedURI));
`;

/** A page that clears the origin's storage, so the next test starts with no saved progress. */
const RESET = `<!doctype html><html lang=en><title>Reset</title><script src="/__reset.js"></script>`;
const RESET_SCRIPT = "sessionStorage.clear(); localStorage.clear(); window.__reset = true;";

/** Adds the recorder to a page's <head>. */
export const withRecorder = (html) => html.replace("<head>", '<head><script src="/__recorder.js"></script>');

/** Registers the file's hooks: a driver for ENGINE and a backend, started once and stopped after. */
export function useEngine(serverOptions) {
  before(async () => {
    [driver, backend] = await Promise.all([startDriver(ENGINE), startBackend(serverOptions)]);
    backend.page("/__recorder.js", RECORDER, { contentType: "text/javascript" });
    backend.page("/__reset", RESET);
    backend.page("/__reset.js", RESET_SCRIPT, { contentType: "text/javascript" });
    backend.page("/done", "<!doctype html><html lang=en><title>Done</title><p>Back in the app</p>");
  });
  after(async () => {
    await session?.quit();
    session = undefined;
    await driver?.stop();
    await backend?.stop();
  });
}

/** The file's browser session, as fresh as a new one for the backend's origin: its storage is
 * cleared and the backend's recorded requests and faults are reset. One session per file, not per
 * test: starting Firefox takes about 6 s, and every page of a test is on the backend's origin, so
 * clearing that origin's storage leaves nothing of the test before; `emptyCache` starts a new
 * session instead. */
export async function newBrowser({ emptyCache = false } = {}) {
  if (session && emptyCache) {
    // A test that counts requests the HTTP cache could answer (the catalog is cacheable for
    // 60 s) needs a new profile: WebDriver cannot empty a cache.
    await session.quit();
    session = undefined;
  }
  if (!session) {
    session = await newSession(driver);
    await session.setWindowSize(1280, 900);
    const close = session.close.bind(session);
    session.quit = close;
    // A test's `close()` hands the session back; `after` quits it.
    session.close = async () => {};
  }
  await session.goto(`${backend.url}/__reset`);
  await session.waitFor(() => window.__reset === true, [], { what: "the storage reset page" });
  // After the last test's page is gone, so none of its requests is counted for this test.
  backend.reset();
  return session;
}

/** Opens a host page on the backend's origin that mounts the widget's script-tag build with
 * `options` and records what the host sees in `window.__host`; resolves once `mount` settled. */
export async function openHost(s, options, path = "/test-host.html") {
  backend.page(path, withRecorder(hostPage(options)));
  await s.goto(`${backend.url}${path}`);
  await s.waitFor(() => window.__host && window.__host.mount !== "pending", [], { what: "mount to settle" });
}

/** No page error was seen, nor any CSP violation. */
export async function expectClean(s) {
  const seen = await s.exec(() => window.__seen ?? null);
  assert.ok(seen, `${ENGINE}: the recorder ran on this page`);
  assert.deepEqual(seen.errors, [], `${ENGINE}: page errors`);
  assert.deepEqual(seen.violations, [], `${ENGINE}: securitypolicyviolation events`);
}

/** Waits until the page is at `pattern` (the address after a navigation); returns it as a URL. */
export async function atUrl(s, pattern) {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const url = await s.url().catch(() => "");
    if (pattern.test(url)) return new URL(url);
    if (Date.now() > deadline) throw new Error(`${ENGINE}: the page stayed at ${url}, expected ${pattern}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
