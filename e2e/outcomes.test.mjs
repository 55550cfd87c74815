// The outcome screens promise only what happens (issue 13, points 3 and 6): with
// `after: "redirect"` and no `redirect_url` the done screen says the integration is set up and
// nothing more, the host hears `success`, and the console says why; an error screen gives its
// code and the backend's message, and no Back on the first step. Screenshots in e2e/artifacts/.
import { test } from "node:test";
import { browser, server, useServerAndBrowser } from "./support/suite.mjs";
import assert from "node:assert/strict";
import { newPage, screenshotPath } from "./support/browser.mjs";
import { hostPage, hostRecord, openHost } from "./support/host.mjs";
import { atStep, next, pickProvider, recordInitiates } from "./support/flow.mjs";

useServerAndBrowser();

const CONTACT = { schema: [{ endgrate_type: "crm-contact" }] };

test("the error screen gives the code and the backend's message, and no Back on the first step", async () => {
  const { context, page, pageErrors } = await newPage(browser);
  await page.route("**/api/endgrate/api/integrations*", (route) =>
    route.fulfill({
      status: 500,
      contentType: "application/json",
      body: JSON.stringify({ message: "Catalog store unavailable" }),
    }),
  );
  await openHost(page, server.url, { session: CONTACT });
  const alert = page.getByRole("alert");
  await alert.waitFor({ timeout: 15_000 });
  const text = await alert.textContent();
  assert.match(text, /The server had a problem\./);
  assert.match(text, /Code: server_error/);
  assert.match(text, /Catalog store unavailable/);
  assert.equal(await page.getByRole("button", { name: "Back" }).count(), 0, "nothing before the first step");
  assert.equal(await page.getByRole("button", { name: "Retry" }).count(), 1);
  await page.screenshot({ path: screenshotPath("error-first-step-1280"), fullPage: true });
  assert.deepEqual(pageErrors, []);
  await context.close();
});

test("after: redirect without a redirect_url: the done screen says connected, promises nothing, and the host hears success", async () => {
  const { context, page, pageErrors } = await newPage(browser);
  const warnings = [];
  page.on("console", (message) => message.type() === "warning" && warnings.push(message.text()));
  const posts = recordInitiates(page);
  await openHost(page, server.url, { session: CONTACT });
  assert.ok(
    warnings.some((w) => /redirect_url/.test(w) && /after: "none"/.test(w)),
    `a console warning at mount names the option: ${warnings}`,
  );
  await pickProvider(page, "HubSpot");
  await atStep(page, "Review and connect");
  await page.waitForTimeout(600);
  await page.getByRole("button", { name: "Connect" }).click();
  await atStep(page, "Connected");
  const root = page.locator("#widget-root");
  assert.match(await root.textContent(), /Your integration is set up\./);
  assert.doesNotMatch(await root.textContent(), /Taking you/);
  await page.waitForTimeout(2_500);
  assert.equal(new URL(page.url()).pathname, "/test-host.html", "no navigation");
  assert.doesNotMatch(await root.textContent(), /didn't open/, "no navigation fallback either");
  const host = await hostRecord(page);
  assert.equal(host.success.length, 1);
  assert.equal(posts.length, 1);
  await page.screenshot({ path: screenshotPath("done-without-redirect-url-1280"), fullPage: true });
  assert.deepEqual(pageErrors, []);
  await context.close();
});
