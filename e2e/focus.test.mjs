// Focus moves only in answer to the user's own action inside the widget (issue 13, point 2):
// mounting takes no keystroke from the host page's own form, a failure at mount is announced
// without taking focus, and Continue still takes the user to the next step's heading.
import { test } from "node:test";
import { browser, server, useServerAndBrowser } from "./support/suite.mjs";
import assert from "node:assert/strict";
import { newPage, screenshotPath } from "./support/browser.mjs";
import { hostPage, hostRecord, openHost } from "./support/host.mjs";
import { atStep, next, pickProvider, recordInitiates } from "./support/flow.mjs";

useServerAndBrowser();

const CONTACT = { schema: [{ endgrate_type: "crm-contact" }] };

test("mounting takes no focus: typing in the host's own input keeps every keystroke", async () => {
  const { context, page, pageErrors } = await newPage(browser);
  const options = { after: "none", session: { ...CONTACT, schema_selection: true } };
  const html = hostPage(options).replace("<main>", '<main><input id="host-input" aria-label="Company name">');
  // The widget mounts only after the user has started typing.
  let release;
  const held = new Promise((resolve) => (release = resolve));
  await page.route(`${server.url}/widget/**/*.wasm`, async (route) => {
    await held;
    await route.continue();
  });
  await page.route(`${server.url}/host-typing.html`, (route) => route.fulfill({ contentType: "text/html", body: html }));
  await page.goto(`${server.url}/host-typing.html`);
  await page.locator("#host-input").focus();
  await page.keyboard.type("Acme");
  release();
  await atStep(page, "Choose a provider");
  await page.locator(".esw-provider").first().waitFor({ timeout: 15_000 });
  await page.keyboard.type(" Corp");
  assert.equal(await page.locator("#host-input").inputValue(), "Acme Corp");
  assert.equal(await page.evaluate(() => document.activeElement.id), "host-input");

  // The user's own action inside the widget does move focus: to the next step's heading.
  await pickProvider(page, "HubSpot");
  await atStep(page, "Choose what to sync");
  await next(page);
  await atStep(page, "Review and connect");
  await page.waitForFunction(() => document.activeElement?.tagName === "H2");
  assert.equal(await page.evaluate(() => document.activeElement.textContent), "Review and connect");
  assert.deepEqual(pageErrors, []);
  await context.close();
});

test("a catalog failure at mount is announced without taking focus", async () => {
  const { context, page } = await newPage(browser);
  await page.route("**/api/endgrate/api/integrations*", (route) =>
    route.fulfill({
      status: 500,
      contentType: "application/json",
      body: JSON.stringify({ code: "upstream_down", message: "Catalog store unavailable" }),
    }),
  );
  await openHost(page, server.url, { session: CONTACT });
  const alert = page.getByRole("alert");
  await alert.waitFor({ timeout: 15_000 });
  assert.notEqual(await page.evaluate(() => document.activeElement?.getAttribute("role")), "alert");
  await context.close();
});
