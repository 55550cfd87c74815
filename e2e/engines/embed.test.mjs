// The embedding channels in this engine: the script tag with <endgrate-session-widget> and with
// window.EndgrateSessionWidget.mount, both under the strict host CSP (SRI on the module and the
// stylesheet, no 'unsafe-inline') with zero securitypolicyviolation events, and an esbuild bundle
// of an app that imports the npm package. Each completes the flow; the body the backend received
// is checked.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { build } from "esbuild";
import { DIST } from "../support/server.mjs";
import { WIDGET_DIR } from "../support/host.mjs";
import { STRICT_CSP } from "../support/csp.mjs";
import { ENGINE, backend, expectClean, newBrowser, useEngine, withRecorder } from "./harness.mjs";
import { atStep, connect, expectAccessible, mappingShown, next, pickProvider } from "./ui.mjs";

useEngine();

const sri = JSON.parse(readFileSync(resolve(DIST, WIDGET_DIR.slice(1), "sri.json"), "utf8"));
const head = `<link rel="stylesheet" href="${WIDGET_DIR}/endgrate-session-widget.css"
      integrity="${sri["endgrate-session-widget.css"]}" crossorigin="anonymous">
<script type="module" src="${WIDGET_DIR}/endgrate-session-widget.js"
        integrity="${sri["endgrate-session-widget.js"]}" crossorigin="anonymous"></script>`;

const elementPage = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Custom element host</title>
${head}
<script src="/element-events.js"></script>
</head><body><main>
<endgrate-session-widget api-base="/api/endgrate" after="none">
  <script type="application/json">{"session": {"schema": [{"endgrate_type": "crm-contact"}], "field_selection": true}}</script>
</endgrate-session-widget>
</main></body></html>`;

const elementEvents = `window.__domEvents = [];
for (const type of ["ready", "step_changed", "success", "exit", "error"]) {
  document.addEventListener("endgrate:" + type, (event) =>
    window.__domEvents.push({ name: event.type, tag: event.target.localName, detail: event.detail }));
}`;

const globalPage = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Global mount host</title>
${head}
<script type="module" src="/host-app.js"></script>
</head><body><main><div id="integrations"></div></main></body></html>`;

const hostScript = `window.__host = { events: [], success: [] };
window.__handle = await window.EndgrateSessionWidget.mount(document.getElementById("integrations"), {
  apiBase: "/api/endgrate",
  after: "none",
  session: { schema: [{ endgrate_type: "crm-contact" }], field_selection: true },
  onEvent: (event) => window.__host.events.push(event),
  onSuccess: (event) => window.__host.success.push(event),
});`;

/** Picks HubSpot, continues past the mapping step, connects, and waits for the done screen. */
async function completeFlow(s, root) {
  await pickProvider(s, "HubSpot");
  await atStep(s, "Map fields");
  await mappingShown(s, "Email");
  await expectAccessible(s, "mapping", root);
  await next(s);
  await connect(s);
  await atStep(s, "Connected");
  await expectAccessible(s, "done", root);
}

function servedStrict(path, body) {
  backend.page(path, withRecorder(body), { headers: { "content-security-policy": STRICT_CSP } });
  return `${backend.url}${path}`;
}

test(`${ENGINE}: the recorder sees a violation of the strict CSP when there is one`, async () => {
  // So "zero violations" below is a measurement in this engine: an inline script is refused.
  const s = await newBrowser();
  await s.goto(servedStrict("/violating.html", `<!doctype html><html lang="en"><head><title>Violating</title></head>
<body><script>window.__ran = true;</script></body></html>`));
  const seen = await s.waitFor(() => window.__seen?.violations.length && window.__seen, [], { what: "a violation" });
  assert.equal(await s.exec(() => window.__ran ?? false), false, "the inline script did not run");
  assert.match(seen.violations[0], /^script-src/);
});

test(`${ENGINE}: the custom element completes the flow under the strict CSP with zero violations`, async () => {
  backend.page("/element-events.js", elementEvents, { contentType: "text/javascript" });
  const s = await newBrowser();
  await s.goto(servedStrict("/element-flow.html", elementPage));
  await s.waitFor(() => document.querySelector(".esw-provider"), [], { what: "the provider list" });
  assert.equal(await s.exec(() => typeof window.EndgrateSessionWidget?.mount), "function");
  await expectAccessible(s, "provider", "endgrate-session-widget");
  await completeFlow(s, "endgrate-session-widget");
  const events = await s.exec(() => window.__domEvents);
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
  assert.equal(backend.initiates.length, 1);
  assert.equal(backend.initiates[0].body.provider, "hubspot");
  assert.equal(backend.initiates[0].body.end_user_configuration.schemas["crm-contact"].fields.email.provider_field, "email");
  await expectClean(s);
  await s.close();
});

test(`${ENGINE}: window.EndgrateSessionWidget.mount from a host script completes the flow under the strict CSP`, async () => {
  backend.page("/host-app.js", hostScript, { contentType: "text/javascript" });
  const s = await newBrowser();
  await s.goto(servedStrict("/global-flow.html", globalPage));
  await completeFlow(s, "#integrations");
  const host = await s.exec(() => window.__host);
  assert.equal(host.success.length, 1);
  assert.match(host.success[0].session_id, /^[0-9a-f]{24}$/);
  assert.equal(backend.initiates.length, 1);
  assert.equal(backend.initiates[0].body.provider, "hubspot");
  await expectClean(s);
  await s.close();
});

// The npm channel: the app of e2e/support/npm-app.ts bundled by esbuild against the built package.
let app;
let out;
before(async () => {
  app = mkdtempSync(join(tmpdir(), "esw-engine-npm-"));
  mkdirSync(join(app, "node_modules"));
  symlinkSync(resolve(DIST, "npm"), join(app, "node_modules", "endgrate-session-widget"), "dir");
  const support = resolve(import.meta.dirname, "..", "support");
  for (const file of ["npm-app.ts", "npm-options.ts"]) copyFileSync(join(support, file), join(app, file));
  out = join(app, "public");
  await build({
    absWorkingDir: app,
    entryPoints: ["npm-app.ts"],
    bundle: true,
    format: "esm",
    target: "es2022",
    outdir: out,
    loader: { ".wasm": "file" },
    logLevel: "warning",
  });
  const wasm = readdirSync(join(DIST, "npm", "pkg")).find((file) => file.endsWith(".wasm"));
  copyFileSync(join(DIST, "npm", "pkg", wasm), join(out, wasm));
});
after(() => app && rmSync(app, { recursive: true, force: true }));

test(`${ENGINE}: an esbuild-bundled app completes the flow through the npm package`, async () => {
  backend.dir("/npm-app/", out);
  backend.page(
    "/npm-app/",
    withRecorder(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>npm app</title>
<link rel="stylesheet" href="npm-app.css">
<script type="module" src="npm-app.js"></script>
</head><body><main><div id="widget-root"></div></main></body></html>`),
  );
  const s = await newBrowser();
  await s.goto(`${backend.url}/npm-app/`);
  await s.waitFor(() => window.__host && window.__host.mount !== "pending", [], { what: "mount to settle" });
  assert.equal(await s.exec(() => window.__host.mount), "ok");
  // The package's stylesheet came through the bundle.
  assert.equal(await s.exec(() => getComputedStyle(document.querySelector(".esw-root")).boxSizing), "border-box");
  await completeFlow(s, "#widget-root");
  const host = await s.exec(() => window.__host);
  assert.equal(host.success.length, 1);
  assert.match(host.success[0].session_id, /^[0-9a-f]{24}$/);
  assert.equal(backend.initiates.length, 1);
  assert.equal(backend.initiates[0].body.provider, "hubspot");
  await expectClean(s);
  await s.close();
});
