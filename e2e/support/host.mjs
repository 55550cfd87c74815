// A test host page on the server's origin: mounts the widget's script-tag build with the options a
// test gives (plain JSON) and records what the host would see — every event, every terminal
// callback, and the outcome of `mount` — in `window.__host`.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";

const ROOT = resolve(import.meta.dirname, "..", "..");
const VERSION = readFileSync(resolve(ROOT, "Cargo.toml"), "utf8").match(/^version = "(.+)"/m)[1];
export const WIDGET_DIR = `/widget/v${VERSION}`;

/** The host page's HTML: mounts the widget with `options` and records what the host sees. */
export const hostPage = (options) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Test host</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="${WIDGET_DIR}/endgrate-session-widget.css">
<style>body { margin: 0; padding: 24px; font-family: system-ui; background: #f6f7fb; }</style>
</head><body>
<main><div id="widget-root"></div></main>
<script type="module">
  import { mount } from "${WIDGET_DIR}/endgrate-session-widget.js";
  const record = (kind) => (event) => window.__host[kind].push(event);
  window.__host = { events: [], success: [], exit: [], error: [], mount: "pending" };
  const options = ${JSON.stringify(options)};
  mount(document.getElementById("widget-root"), {
    ...options,
    onEvent: record("events"), onSuccess: record("success"), onExit: record("exit"), onError: record("error"),
  }).then(
    (handle) => { window.__handle = handle; window.__host.mount = "ok"; },
    (error) => { window.__host.mount = "rejected: " + error.message; },
  );
</script>
</body></html>`;

/** Opens a host page at `${baseUrl}${path}` that mounts the widget with `options`. */
export async function openHost(page, baseUrl, options, path = "/test-host.html") {
  await page.route(`${baseUrl}${path}`, (route) =>
    route.fulfill({ contentType: "text/html", body: hostPage(options) }),
  );
  await page.goto(`${baseUrl}${path}`);
  await page.waitForFunction(() => window.__host && window.__host.mount !== "pending");
}

/** What the host page recorded so far. */
export const hostRecord = (page) => page.evaluate(() => window.__host);
