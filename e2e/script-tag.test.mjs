// The script-tag channel under a strict host CSP (security.md R29–R31): a plain page holding only
// the versioned module with its SRI hash, the stylesheet, and <endgrate-session-widget> configured
// by a JSON child. No 'unsafe-inline' for scripts or styles; zero CSP violations allowed.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { DIST, startServer } from "./support/server.mjs";
import { launchBrowser, newPage, screenshotPath } from "./support/browser.mjs";
import { WIDGET_DIR } from "./support/host.mjs";

const sri = JSON.parse(readFileSync(resolve(DIST, WIDGET_DIR.slice(1), "sri.json"), "utf8"));

export const STRICT_CSP =
  "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self'; " +
  "connect-src 'self'; base-uri 'none'; object-src 'none'; frame-ancestors 'none'";

const page = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Script tag host</title>
<link rel="stylesheet" href="${WIDGET_DIR}/endgrate-session-widget.css"
      integrity="${sri["endgrate-session-widget.css"]}" crossorigin="anonymous">
<script type="module" src="${WIDGET_DIR}/endgrate-session-widget.js"
        integrity="${sri["endgrate-session-widget.js"]}" crossorigin="anonymous"></script>
</head><body>
<endgrate-session-widget api-base="/api/endgrate">
  <script type="application/json">{"session": {"schema": [{"endgrate_type": "crm-contact"}]}}</script>
</endgrate-session-widget>
</body></html>`;

let server;
let browser;
before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

test("custom element renders under a strict CSP with zero violations", async () => {
  const { context, page: tab, pageErrors } = await newPage(browser);
  await tab.addInitScript(() => {
    window.__violations = [];
    document.addEventListener("securitypolicyviolation", (e) =>
      window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  await tab.route(`${server.url}/script-tag.html`, (route) =>
    route.fulfill({ contentType: "text/html", headers: { "Content-Security-Policy": STRICT_CSP }, body: page }),
  );
  await tab.goto(`${server.url}/script-tag.html`);
  await tab.locator(".esw-provider").first().waitFor({ timeout: 15_000 });
  assert.equal(await tab.evaluate(() => typeof window.EndgrateSessionWidget?.mount), "function");
  await tab.screenshot({ path: screenshotPath("script-tag-csp"), fullPage: true });
  assert.deepEqual(await tab.evaluate(() => window.__violations), []);
  assert.deepEqual(pageErrors, []);
  await context.close();
});

test("a tampered .wasm is refused by its integrity hash and reported as load_failed", async () => {
  const { context, page: tab, pageErrors } = await newPage(browser);
  await tab.route(`${server.url}${WIDGET_DIR}/endgrate-session-widget_bg.wasm`, async (route) => {
    const response = await route.fetch();
    const body = Buffer.from(await response.body());
    body[body.length - 1] ^= 0xff;
    await route.fulfill({ response, body });
  });
  const events = [];
  await tab.exposeFunction("recordEvent", (event) => events.push(event));
  await tab.route(`${server.url}/tampered.html`, (route) =>
    route.fulfill({
      contentType: "text/html",
      headers: { "Content-Security-Policy": STRICT_CSP.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'") },
      body: `<!doctype html><html lang="en"><head><title>t</title></head><body><div id="root"></div>
<script type="module">
import { mount } from "${WIDGET_DIR}/endgrate-session-widget.js";
window.__handle = await mount(document.getElementById("root"), { onEvent: (e) => window.recordEvent(e) });
</script></body></html>`,
    }),
  );
  await tab.goto(`${server.url}/tampered.html`);
  await tab.getByRole("alert").waitFor();
  await tab.waitForFunction(() => window.__handle !== undefined);
  assert.equal(events.length, 1);
  assert.equal(events[0].code, "load_failed");
  assert.deepEqual(pageErrors, []);
  await context.close();
});
