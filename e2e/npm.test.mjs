// The npm channel as an app uses it: a tiny app imports `mount` and the stylesheet from the
// package by name (node_modules/endgrate-session-widget is the built dist/npm/), esbuild bundles
// it, and the bundle runs on the reference server's origin through the whole flow. The package's
// types are checked with `tsc --strict` against an object using every option, and the widget
// accepts that same object at mount, so neither the types nor the parser can drift alone.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { extname, join, resolve } from "node:path";
import { promisify } from "node:util";
import { build } from "esbuild";
import { DIST, startServer } from "./support/server.mjs";
import { launchBrowser, newPage } from "./support/browser.mjs";
import { connect, pickProvider, recordInitiates } from "./support/flow.mjs";

const ROOT = resolve(import.meta.dirname, "..");
const SUPPORT = resolve(import.meta.dirname, "support");
const APP_FILES = ["npm-app.ts", "npm-options.ts", "npm-env.d.ts"];
const TYPES = { ".js": "text/javascript", ".css": "text/css", ".wasm": "application/wasm", ".html": "text/html" };

const APP_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>npm app</title>
<link rel="stylesheet" href="npm-app.css">
<script type="module" src="npm-app.js"></script>
</head><body><main><div id="widget-root"></div></main></body></html>`;

let app;
let out;
let server;
let browser;
before(async () => {
  // An app folder: its sources, and the package installed under node_modules.
  app = mkdtempSync(join(tmpdir(), "esw-npm-app-"));
  mkdirSync(join(app, "node_modules"));
  symlinkSync(resolve(DIST, "npm"), join(app, "node_modules", "endgrate-session-widget"), "dir");
  for (const file of APP_FILES) copyFileSync(join(SUPPORT, file), join(app, file));
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
  // The glue finds its .wasm next to the module (`new URL(…, import.meta.url)`): the app ships it.
  const wasm = readdirSync(join(DIST, "npm", "pkg")).find((file) => file.endsWith(".wasm"));
  copyFileSync(join(DIST, "npm", "pkg", wasm), join(out, wasm));
  server = await startServer();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.stop();
  if (app) rmSync(app, { recursive: true, force: true });
});

/** Serves the bundled app under /npm-app/ on the server's origin. */
async function openApp(page, query = "") {
  await page.route(`${server.url}/npm-app/**`, (route) => {
    const name = new URL(route.request().url()).pathname.slice("/npm-app/".length) || "index.html";
    if (name === "index.html") return route.fulfill({ contentType: "text/html", body: APP_PAGE });
    if (!/^[\w.-]+$/.test(name)) return route.fulfill({ status: 404 });
    try {
      return route.fulfill({ contentType: TYPES[extname(name)], body: readFileSync(join(out, name)) });
    } catch {
      return route.fulfill({ status: 404 });
    }
  });
  await page.goto(`${server.url}/npm-app/${query}`);
  await page.waitForFunction(() => window.__host && window.__host.mount !== "pending");
}

test("the package's types check under tsc --strict with every option", async () => {
  const tsc = join(ROOT, "node_modules", ".bin", "tsc");
  const args = ["--noEmit", "--strict", "--target", "es2022", "--module", "esnext", "--moduleResolution", "bundler",
    "--lib", "es2022,dom", "--allowImportingTsExtensions", ...APP_FILES];
  const result = await promisify(execFile)(tsc, args, { cwd: app }).catch((error) => error);
  assert.equal(result.code ?? 0, 0, `tsc failed:\n${result.stdout}${result.stderr}`);
});

test("an esbuild-bundled app completes the flow through the npm package", async () => {
  const { context, page, pageErrors } = await newPage(browser);
  const posts = recordInitiates(page);
  await openApp(page);
  assert.equal((await page.evaluate(() => window.__host)).mount, "ok");
  // The package's stylesheet came through the bundle.
  assert.equal(await page.locator(".esw-root").evaluate((el) => getComputedStyle(el).boxSizing), "border-box");
  await pickProvider(page, "HubSpot");
  await page.getByRole("heading", { level: 2, name: "Map fields" }).waitFor();
  assert.equal(await page.evaluate(() => window.__provider()), "hubspot");
  await page.getByRole("button", { name: "Continue" }).click();
  await connect(page);
  await page.getByRole("heading", { level: 2, name: "Connected" }).waitFor();
  const host = await page.evaluate(() => window.__host);
  assert.equal(host.success.length, 1);
  assert.match(host.success[0].session_id, /^[0-9a-f]{24}$/);
  assert.deepEqual(host.events.filter((e) => e.type === "success"), host.success);
  assert.equal(posts.length, 1);
  assert.equal(posts[0].body.provider, "hubspot");
  assert.deepEqual(pageErrors, []);
  await context.close();
});

test("the widget accepts the typed object with every option", async () => {
  const { context, page, pageErrors } = await newPage(browser);
  await openApp(page, "?options=every");
  const host = await page.evaluate(() => window.__host);
  assert.equal(host.mount, "ok", JSON.stringify(host));
  assert.equal(host.events[0]?.type, "ready");
  // session.provider is set, so the flow starts at the schema step, in the dark theme.
  await page.getByRole("heading", { level: 2, name: "Choose what to sync" }).waitFor();
  assert.equal(await page.locator(".esw-root").getAttribute("data-mode"), "dark");
  assert.deepEqual(host.events.filter((e) => e.type === "error"), []);
  assert.deepEqual(pageErrors, []);
  await context.close();
});
