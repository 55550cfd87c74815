// The npm channel as an app uses it: a tiny app imports `mount` and the stylesheet from the
// package by name (node_modules/endgrate-session-widget is the built dist/npm/), esbuild bundles
// it, and the bundle runs on the reference server's origin through the whole flow. The package's
// types are checked with `tsc --strict` against an object using every option, and the widget
// accepts that same object at mount, so neither the types nor the parser can drift alone. The
// README's npm snippet and page markup are bundled and served as written, too.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
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

/** The fenced blocks of `lang` in the README section that starts with `heading`. */
function readmeBlocks(heading, lang) {
  const readme = readFileSync(join(ROOT, "README.md"), "utf8");
  const start = readme.indexOf(`\n${heading}\n`);
  assert.ok(start >= 0, `README has ${heading}`);
  const end = readme.indexOf("\n### ", start + heading.length + 2);
  const section = readme.slice(start, end < 0 ? undefined : end);
  return [...section.matchAll(new RegExp("```" + lang + "\\n([\\s\\S]*?)```", "g"))].map((m) => m[1]);
}

let app;
let out;
let readmeOut;
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
  // The README's npm snippet as app.js, bundled as the README says: the stylesheet comes out as
  // app.css, the page links it, and the .wasm is copied beside the bundle.
  const [snippet] = readmeBlocks("### npm", "js");
  writeFileSync(join(app, "app.js"), snippet);
  readmeOut = join(app, "readme-public");
  await build({
    absWorkingDir: app,
    entryPoints: ["app.js"],
    bundle: true,
    format: "esm",
    target: "es2022",
    outdir: readmeOut,
    loader: { ".wasm": "file" },
    logLevel: "warning",
  });
  copyFileSync(join(DIST, "npm", "pkg", wasm), join(readmeOut, wasm));
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

test("the README's npm snippet and page, pasted as written, show the widget styled and keep it", async () => {
  const { context, page, pageErrors } = await newPage(browser);
  const logs = [];
  page.on("console", (message) => logs.push(message.text()));
  const [markup] = readmeBlocks("### npm", "html");
  assert.match(markup, /app\.css/, "the page links the stylesheet esbuild emits");
  await page.route(`${server.url}/readme-app/**`, (route) => {
    const name = new URL(route.request().url()).pathname.slice("/readme-app/".length) || "index.html";
    if (name === "index.html") {
      return route.fulfill({ contentType: "text/html", body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>app</title></head><body>${markup}</body></html>` });
    }
    if (!/^[\w.-]+$/.test(name)) return route.fulfill({ status: 404 });
    try {
      return route.fulfill({ contentType: TYPES[extname(name)], body: readFileSync(join(readmeOut, name)) });
    } catch {
      return route.fulfill({ status: 404 });
    }
  });
  await page.goto(`${server.url}/readme-app/`);
  await page.locator(".esw-provider").first().waitFor({ timeout: 15_000 });
  assert.equal(await page.locator(".esw-root").evaluate((el) => getComputedStyle(el).boxSizing), "border-box", "styled");
  await page.waitForTimeout(1_000);
  assert.equal(await page.locator(".esw-root").count(), 1, "still mounted: the snippet does not destroy it");
  await pickProvider(page, "HubSpot");
  await page.getByRole("heading", { level: 2, name: "Map fields" }).waitFor();
  await page.getByRole("button", { name: "Continue" }).click();
  await connect(page);
  await page.getByRole("heading", { level: 2, name: "Connected" }).waitFor();
  assert.ok(logs.some((l) => /^connected [0-9a-f]{24}$/.test(l)), `onSuccess ran: ${logs}`);
  assert.ok(!logs.some((l) => /redirect_url/.test(l)), "no warning: the snippet says where to go after success");
  assert.deepEqual(pageErrors, []);
  await context.close();
});
