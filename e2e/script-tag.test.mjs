// The script-tag channel under a strict host CSP (security.md R29–R31): a plain page holding only
// the versioned module with its SRI hash, the stylesheet, and either <endgrate-session-widget>
// configured by a JSON child or an external host script calling window.EndgrateSessionWidget.mount.
// No 'unsafe-inline' for scripts or styles; zero CSP violations allowed; the flow completes.
import { test } from "node:test";
import { browser, server, useServerAndBrowser } from "./support/suite.mjs";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { DIST } from "./support/server.mjs";
import { newPage, screenshotPath } from "./support/browser.mjs";
import { WIDGET_DIR } from "./support/host.mjs";
import { connect, pickProvider, recordInitiates } from "./support/flow.mjs";
import { STRICT_CSP } from "./support/csp.mjs";

const sri = JSON.parse(readFileSync(resolve(DIST, WIDGET_DIR.slice(1), "sri.json"), "utf8"));

export { STRICT_CSP };

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

const head = `<link rel="stylesheet" href="${WIDGET_DIR}/endgrate-session-widget.css"
      integrity="${sri["endgrate-session-widget.css"]}" crossorigin="anonymous">
<script type="module" src="${WIDGET_DIR}/endgrate-session-widget.js"
        integrity="${sri["endgrate-session-widget.js"]}" crossorigin="anonymous"></script>`;

/** The README's custom-element snippet, completing the flow without leaving the page. */
const elementPage = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Custom element host</title>
${head}
</head><body>
<endgrate-session-widget api-base="/api/endgrate" after="none">
  <script type="application/json">{"session": {"schema": [{"endgrate_type": "crm-contact"}], "field_selection": true}}</script>
</endgrate-session-widget>
</body></html>`;

/** The README's global-mount snippet: the host's own code is an external file, as a CSP wants. */
const globalPage = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Global mount host</title>
${head}
<script type="module" src="/host-app.js"></script>
</head><body>
<div id="integrations"></div>
</body></html>`;

const hostScript = `// The host page's own script (a file, since the CSP allows no inline script).
window.__host = { events: [], success: [], exit: [], error: [] };
const record = (kind) => (event) => window.__host[kind].push(event);
window.__handle = await window.EndgrateSessionWidget.mount(document.getElementById("integrations"), {
  apiBase: "/api/endgrate",
  after: "none",
  session: { schema: [{ endgrate_type: "crm-contact" }], field_selection: true },
  onEvent: record("events"),
  onSuccess: record("success"),
  onExit: record("exit"),
  onError: record("error"),
});
`;

/** Opens `body` at `path` under the strict CSP, recording violations before any script runs. */
async function openStrict(tab, path, body) {
  await tab.addInitScript(() => {
    window.__violations = [];
    document.addEventListener("securitypolicyviolation", (e) =>
      window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  await tab.route(`${server.url}${path}`, (route) =>
    route.fulfill({ contentType: "text/html", headers: { "Content-Security-Policy": STRICT_CSP }, body }),
  );
  await tab.goto(`${server.url}${path}`);
}

/** Picks HubSpot, continues past the mapping step and connects. */
async function completeFlow(tab) {
  await pickProvider(tab, "HubSpot");
  await tab.getByRole("heading", { level: 2, name: "Map fields" }).waitFor({ timeout: 15_000 });
  await tab.getByRole("button", { name: "Continue" }).click();
  await connect(tab);
  await tab.getByRole("heading", { level: 2, name: "Connected" }).waitFor({ timeout: 15_000 });
}

useServerAndBrowser();

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

test("the custom element completes the flow under the strict CSP; events arrive as endgrate:<type>", async () => {
  const { context, page: tab, pageErrors } = await newPage(browser);
  const posts = recordInitiates(tab);
  await tab.addInitScript(() => {
    window.__domEvents = [];
    for (const type of ["ready", "step_changed", "success", "exit", "error"]) {
      document.addEventListener(`endgrate:${type}`, (event) =>
        window.__domEvents.push({ name: event.type, tag: event.target.localName, detail: event.detail }),
      );
    }
  });
  await openStrict(tab, "/element-flow.html", elementPage);
  await completeFlow(tab);
  const events = await tab.evaluate(() => window.__domEvents);
  assert.ok(events.every((e) => e.tag === "endgrate-session-widget"), "dispatched on the element");
  assert.deepEqual(events.map((e) => e.name), [
    "endgrate:ready",
    "endgrate:step_changed",
    "endgrate:step_changed",
    "endgrate:step_changed",
    "endgrate:step_changed",
    "endgrate:success",
  ]);
  assert.match(events.at(-1).detail.session_id, /^[0-9a-f]{24}$/);
  assert.equal(posts.length, 1);
  assert.equal(posts[0].body.provider, "hubspot");
  assert.deepEqual(await tab.evaluate(() => window.__violations), []);
  assert.deepEqual(pageErrors, []);
  await context.close();
});

test("window.EndgrateSessionWidget.mount from an external host script completes the flow under the strict CSP", async () => {
  const { context, page: tab, pageErrors } = await newPage(browser);
  const posts = recordInitiates(tab);
  await tab.route(`${server.url}/host-app.js`, (route) =>
    route.fulfill({ contentType: "text/javascript", body: hostScript }),
  );
  await openStrict(tab, "/global-flow.html", globalPage);
  await completeFlow(tab);
  const host = await tab.evaluate(() => window.__host);
  assert.equal(host.events[0].type, "ready");
  assert.equal(host.success.length, 1);
  assert.match(host.success[0].session_id, /^[0-9a-f]{24}$/);
  assert.deepEqual([host.exit, host.error], [[], []]);
  assert.equal(posts.length, 1);
  assert.equal(posts[0].body.provider, "hubspot");
  await tab.screenshot({ path: screenshotPath("script-tag-global-done"), fullPage: true });
  assert.deepEqual(await tab.evaluate(() => window.__violations), []);
  assert.deepEqual(pageErrors, []);
  await context.close();
});

test("the README's Content-Security-Policy recipe is the policy these tests apply", () => {
  const readme = readFileSync(resolve(import.meta.dirname, "..", "README.md"), "utf8");
  assert.ok(readme.includes(`Content-Security-Policy: ${STRICT_CSP}\n`), "README and tests must agree on the policy");
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

/** The fenced `lang` blocks of the README's script-tag section, as written there. */
function readmeBlocks(lang) {
  const readme = readFileSync(resolve(import.meta.dirname, "..", "README.md"), "utf8");
  const start = readme.indexOf("\n### Script tag and custom element\n");
  const section = readme.slice(start, readme.indexOf("\n### ", start + 5));
  return [...section.matchAll(new RegExp("```" + lang + "\\n([\\s\\S]*?)```", "g"))].map((m) => m[1]);
}

/** The README's markup with this build's version and real SRI hashes for its placeholders. */
const withThisBuild = (html) =>
  html
    .replaceAll("/widget/v0.1.0/", `${WIDGET_DIR}/`)
    .replace(/(endgrate-session-widget\.css"\s+integrity=")sha384-…/, `$1${sri["endgrate-session-widget.css"]}`)
    .replace(/(endgrate-session-widget\.js"\s+integrity=")sha384-…/, `$1${sri["endgrate-session-widget.js"]}`);

test("the README's custom-element and listener snippets, as written, complete the flow under the strict CSP", async () => {
  const [markup] = readmeBlocks("html");
  const [listener] = readmeBlocks("js");
  const { context, page: tab, pageErrors } = await newPage(browser);
  const logs = [];
  tab.on("console", (message) => logs.push(message.text()));
  await tab.route(`${server.url}/readme-listener.js`, (route) => route.fulfill({ contentType: "text/javascript", body: listener }));
  const body = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>README element</title></head><body>
${withThisBuild(markup)}
<script type="module" src="/readme-listener.js"></script>
</body></html>`;
  assert.ok(!body.includes("sha384-…"), "every placeholder hash replaced");
  await openStrict(tab, "/readme-element.html", body);
  await completeFlow(tab);
  assert.ok(logs.some((l) => /^connected [0-9a-f]{24}$/.test(l)), `the listener heard success: ${logs}`);
  assert.deepEqual(await tab.evaluate(() => window.__violations), []);
  assert.deepEqual(pageErrors, []);
  await context.close();
});

test("the README's global-mount page and host-app.js, as written, complete the flow and stay on the page", async () => {
  const [head, page] = readmeBlocks("html");
  const hostApp = readmeBlocks("js")[1];
  assert.match(hostApp, /^\/\/ host-app\.js/);
  const { context, page: tab, pageErrors } = await newPage(browser);
  const posts = recordInitiates(tab);
  await tab.route(`${server.url}/host-app.js`, (route) => route.fulfill({ contentType: "text/javascript", body: hostApp }));
  const headOnly = withThisBuild(head).replace(/<endgrate-session-widget[\s\S]*<\/endgrate-session-widget>/, "");
  const body = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>README global</title>
${headOnly}</head><body>
${page}</body></html>`;
  await openStrict(tab, "/readme-global.html", body);
  await completeFlow(tab);
  assert.equal(posts.length, 1);
  assert.equal(new URL(tab.url()).pathname, "/readme-global.html");
  assert.doesNotMatch(await tab.locator(".esw-root").textContent(), /Taking you/);
  assert.deepEqual(await tab.evaluate(() => window.__violations), []);
  assert.deepEqual(pageErrors, []);
  await context.close();
});

test("the README's faster-start snippet, as written: the .wasm and the catalog start with the page, each fetched once", async () => {
  const markup = readmeBlocks("html")[2];
  assert.match(markup, /rel="preload"/);
  const { context, page: tab, pageErrors } = await newPage(browser);
  const logs = [];
  tab.on("console", (message) => logs.push(message.text()));
  const fetched = { wasm: 0, catalog: 0 };
  tab.on("request", (request) => {
    const path = new URL(request.url()).pathname;
    if (path.endsWith(".wasm")) fetched.wasm += 1;
    if (path === "/api/endgrate/api/integrations") fetched.catalog += 1;
  });
  const posts = recordInitiates(tab);
  const body = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>README faster start</title></head><body>
${withThisBuild(markup)}
</body></html>`;
  await openStrict(tab, "/readme-faster.html", body);
  await completeFlow(tab);
  assert.deepEqual(fetched, { wasm: 1, catalog: 1 }, "each preload was the response the widget used");
  assert.ok(!logs.some((l) => /preload/i.test(l)), `no unused-preload warning: ${logs}`);
  // The catalog was asked for before the .wasm had arrived: the two downloads overlapped.
  const [wasm, catalog] = await tab.evaluate(() =>
    [".wasm", "/api/integrations"].map((part) => performance.getEntriesByType("resource").find((e) => e.name.includes(part))),
  );
  assert.ok(catalog.startTime < wasm.responseEnd, `catalog started at ${catalog.startTime} ms, .wasm in at ${wasm.responseEnd} ms`);
  assert.equal(posts.length, 1);
  assert.deepEqual(await tab.evaluate(() => window.__violations), []);
  assert.deepEqual(pageErrors, []);
  await context.close();
});
