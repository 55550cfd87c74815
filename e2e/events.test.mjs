// The host's events (R35, R36): ready and step_changed as the user moves, exactly one terminal
// event per flow, nothing after destroy(), and a host callback that throws cannot stop the flow.
import { test } from "node:test";
import { browser, server, useServerAndBrowser } from "./support/suite.mjs";
import assert from "node:assert/strict";
import { newPage } from "./support/browser.mjs";
import { openHost, hostRecord, WIDGET_DIR } from "./support/host.mjs";
import { atStep, connect, pickProvider } from "./support/flow.mjs";

useServerAndBrowser();

const SESSION = { schema: [{ endgrate_type: "crm-contact" }], field_selection: true };
const types = (events) => events.map((e) => e.type);

test("a completed flow delivers ready, each step, and one success with the session id", async () => {
  const { context, page, pageErrors } = await newPage(browser);
  await openHost(page, server.url, { after: "none", session: SESSION });
  await pickProvider(page, "HubSpot");
  await page.getByRole("heading", { level: 2, name: "Map fields" }).waitFor();
  await page.getByRole("button", { name: "Continue" }).click();
  await connect(page);
  await page.getByRole("heading", { level: 2, name: "Connected" }).waitFor();
  const host = await hostRecord(page);
  assert.deepEqual(types(host.events), [
    "ready",
    "step_changed",
    "step_changed",
    "step_changed",
    "step_changed",
    "success",
  ], "the terminal event comes last");
  assert.deepEqual(
    host.events.filter((e) => e.type === "step_changed").map((e) => [e.step, e.index, e.total]),
    [["mapping", 2, 3], ["review", 3, 3], ["submitting", 0, 3], ["done", 0, 3]],
  );
  assert.equal(host.success.length, 1);
  assert.match(host.success[0].session_id, /^[0-9a-f]{24}$/);
  assert.equal(host.exit.length, 0);
  assert.deepEqual(pageErrors, []);
  await context.close();
});

test("Cancel delivers exactly one exit with reason user_closed", async () => {
  const { context, page, pageErrors } = await newPage(browser);
  await openHost(page, server.url, { session: SESSION });
  await page.locator(".esw-provider").first().waitFor();
  await page.getByRole("button", { name: "Cancel" }).click();
  await page.getByRole("heading", { level: 2, name: "Setup cancelled" }).waitFor();
  await page.getByText("Setup was cancelled.").waitFor();
  await page.evaluate(() => window.__handle.destroy());
  const host = await hostRecord(page);
  assert.deepEqual(host.exit, [{ type: "exit", reason: "user_closed" }]);
  assert.equal(host.success.length, 0);
  assert.deepEqual(pageErrors, []);
  await context.close();
});

test("destroy() mid-flow delivers one exit and nothing afterwards, even a late response", async () => {
  const { context, page, pageErrors } = await newPage(browser);
  let release;
  const held = new Promise((resolve) => (release = resolve));
  await page.route("**/api/endgrate/api/integrations*", async (route) => {
    await held;
    await route.continue().catch(() => {});
  });
  await openHost(page, server.url, { session: SESSION });
  await page.evaluate(() => window.__handle.destroy());
  assert.equal(await page.locator("#widget-root .esw-root").count(), 0, "the widget is gone");
  release();
  await page.waitForTimeout(1_000);
  const host = await hostRecord(page);
  assert.deepEqual(types(host.events), ["ready", "step_changed", "exit"]);
  assert.deepEqual(host.exit, [{ type: "exit", reason: "destroyed" }]);
  await page.evaluate(() => window.__handle.destroy());
  assert.deepEqual(types((await hostRecord(page)).events), ["ready", "step_changed", "exit"], "a second destroy is harmless");
  assert.deepEqual(pageErrors, []);
  await context.close();
});

test("a host callback that throws does not stop the flow", async () => {
  const { context, page, pageErrors } = await newPage(browser);
  const consoleErrors = [];
  page.on("console", (message) => message.type() === "error" && consoleErrors.push(message.text()));
  await page.route(`${server.url}/throwing.html`, (route) =>
    route.fulfill({
      contentType: "text/html",
      body: `<!doctype html><html lang="en"><head><title>t</title></head><body><main><div id="root"></div></main>
<script type="module">
import { mount } from "${WIDGET_DIR}/endgrate-session-widget.js";
window.__seen = [];
window.__handle = await mount(document.getElementById("root"), {
  after: "none",
  session: ${JSON.stringify({ schema: [{ endgrate_type: "crm-contact" }] })},
  onEvent(event) { window.__seen.push(event.type); throw new Error("host bug"); },
});
</script></body></html>`,
    }),
  );
  await page.goto(`${server.url}/throwing.html`);
  await pickProvider(page, "HubSpot");
  await connect(page);
  await page.getByRole("heading", { level: 2, name: "Connected" }).waitFor();
  assert.ok((await page.evaluate(() => window.__seen)).includes("success"));
  assert.ok(consoleErrors.some((text) => text.includes("a host callback threw")));
  assert.deepEqual(pageErrors, []);
  await context.close();
});

test("a host that keeps no handle keeps the widget: collecting the handle does not remove it", async () => {
  const { context, page, pageErrors } = await newPage(browser);
  await page.route(`${server.url}/no-handle.html`, (route) =>
    route.fulfill({
      contentType: "text/html",
      body: `<!doctype html><html lang="en"><head><title>t</title></head><body><main><div id="root"></div></main>
<script type="module">
import { mount } from "${WIDGET_DIR}/endgrate-session-widget.js";
mount(document.getElementById("root"), { after: "none", session: ${JSON.stringify(SESSION)} });
</script></body></html>`,
    }),
  );
  await page.goto(`${server.url}/no-handle.html`);
  await page.locator(".esw-provider").first().waitFor();
  const cdp = await page.context().newCDPSession(page);
  for (let i = 0; i < 3; i++) {
    await cdp.send("HeapProfiler.collectGarbage");
    // Finalizers run as tasks after a collection.
    await page.waitForTimeout(200);
  }
  assert.ok(await page.locator("#root .esw-root .esw-provider").count() > 0, "the widget is still on the page");
  await pickProvider(page, "HubSpot");
  await atStep(page, "Map fields");
  assert.deepEqual(pageErrors, []);
  await context.close();
});
