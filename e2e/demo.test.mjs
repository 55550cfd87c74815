// The demo page served at / (js/demo/): the widget beside an options panel. The panel starts with
// the demo's options as JSON; Apply destroys the widget and mounts it again with the edited
// options (a refused option shows mount's message); the <pre> shows the request body the widget
// would send as the user chooses. The page runs under the strict CSP of the README: no inline
// script or style.
import { test } from "node:test";
import { browser, server, useServerAndBrowser } from "./support/suite.mjs";
import assert from "node:assert/strict";
import { newPage, screenshotPath } from "./support/browser.mjs";
import { pickProvider } from "./support/flow.mjs";
import { STRICT_CSP } from "./support/csp.mjs";

useServerAndBrowser();

/** Opens the demo with the strict CSP added to its response, recording any violation. */
async function openDemo(page) {
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener("securitypolicyviolation", (e) =>
      window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  await page.route(`${server.url}/`, async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, headers: { ...response.headers(), "content-security-policy": STRICT_CSP } });
  });
  await page.goto(`${server.url}/`);
  await page.locator(".esw-root").waitFor({ timeout: 15_000 });
}

const editor = (page) => page.getByLabel("The options passed to mount, as JSON");
const requestBody = (page) => page.locator("#demo-body");
const readOptions = async (page) => JSON.parse(await editor(page).inputValue());
async function applyOptions(page, options) {
  await editor(page).fill(JSON.stringify(options, null, 2));
  await page.getByRole("button", { name: "Apply" }).click();
}

test("the panel starts with the demo's options and the request body follows the user's choices", async () => {
  const { context, page, pageErrors } = await newPage(browser);
  await openDemo(page);
  const options = await readOptions(page);
  assert.equal(options.apiBase, "/api/endgrate");
  assert.deepEqual(options.session.schema, [{ endgrate_type: "crm-contact" }, { endgrate_type: "crm-company" }]);
  assert.equal(await requestBody(page).textContent(), "No provider chosen yet.");
  // The seed's providers at real-world size offer both of the demo's schemas, so the demo shows them.
  await page.locator(".esw-provider").first().waitFor({ timeout: 15_000 });
  for (const name of ["Atlas CRM", "Summit CRM"]) {
    assert.equal(await page.locator(".esw-provider", { hasText: name }).count(), 1, name);
  }
  await pickProvider(page, "HubSpot");
  await page.getByRole("heading", { level: 2, name: "Choose what to sync" }).waitFor();
  await page.waitForFunction(() => document.getElementById("demo-body").textContent.includes('"provider"'));
  const body = JSON.parse(await requestBody(page).textContent());
  assert.equal(body.provider, "hubspot");
  assert.equal(body.label, "Acme Corp");
  await page.screenshot({ path: screenshotPath("demo-panel-1280"), fullPage: true });
  await page.setViewportSize({ width: 375, height: 800 });
  await page.screenshot({ path: screenshotPath("demo-panel-375"), fullPage: true });
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(pageErrors, []);
  await context.close();
});

test("Apply re-mounts with the edited options: a provider preset starts the flow at the schema step", async () => {
  const { context, page, pageErrors } = await newPage(browser);
  await openDemo(page);
  await page.locator(".esw-provider").first().waitFor({ timeout: 15_000 });
  const options = await readOptions(page);
  options.session.provider = "salesforce";
  await applyOptions(page, options);
  await page.getByRole("heading", { level: 2, name: "Choose what to sync" }).waitFor();
  // The provider step is no longer part of this flow: the schema step is its first of four.
  assert.equal(await page.locator(".esw-eyebrow").textContent(), "Step 1 of 4");
  assert.equal(await page.locator(".esw-root").count(), 1, "the old widget is gone");
  assert.equal(await page.locator(".esw-provider").count(), 0, "no provider step");
  assert.equal(await page.locator("#demo-error").textContent(), "");
  await page.waitForFunction(() => document.getElementById("demo-body").textContent.includes('"provider"'));
  assert.equal(JSON.parse(await requestBody(page).textContent()).provider, "salesforce");
  const log = await page.locator("#demo-events li").allTextContents();
  assert.ok(log.some((line) => JSON.parse(line).type === "ready"), log.join("\n"));
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(pageErrors, []);
  await context.close();
});

test("Apply with a refused option shows the message mount rejected with", async () => {
  const { context, page, pageErrors } = await newPage(browser);
  await openDemo(page);
  const options = await readOptions(page);
  options.session.default_upsert_setting = "MERGE";
  await applyOptions(page, options);
  await page.locator("#demo-error").getByText("session.default_upsert_setting").waitFor();
  assert.match(await page.locator("#widget-root [role=alert]").textContent(), /isn't configured correctly/);
  assert.equal(await requestBody(page).textContent(), "No provider chosen yet.");

  await editor(page).fill("{ not json");
  await page.getByRole("button", { name: "Apply" }).click();
  await page.locator("#demo-error").getByText("The options are not valid JSON").waitFor();

  await page.getByRole("button", { name: "Reset to defaults" }).click();
  await page.locator(".esw-provider").first().waitFor({ timeout: 15_000 });
  assert.equal(await page.locator("#demo-error").textContent(), "");
  assert.deepEqual(pageErrors, []);
  await context.close();
});

test("the demo preloads its .wasm: one request, started before the widget's module arrived", async () => {
  const { context, page, pageErrors } = await newPage(browser);
  let wasmRequests = 0;
  page.on("request", (request) => {
    if (new URL(request.url()).pathname.endsWith(".wasm")) wasmRequests += 1;
  });
  await openDemo(page);
  await page.locator(".esw-provider").first().waitFor({ timeout: 15_000 });
  const [wasm, module] = await page.evaluate(() =>
    ["_bg.wasm", "endgrate-session-widget.js"].map((part) => performance.getEntriesByType("resource").find((e) => e.name.includes(part))),
  );
  assert.equal(wasmRequests, 1, "the preload is the response the loader used");
  assert.ok(wasm.startTime < module.responseEnd, `.wasm started at ${wasm.startTime} ms, module in at ${module.responseEnd} ms`);
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(pageErrors, []);
  await context.close();
});
