// Provider names in the four-column grid at 1280 px wrap instead of being cut ("Twenty C…"),
// with the whole name in each card's title and accessible name (issue 13, point 6). The
// screenshot lands in e2e/artifacts/provider-grid-1280.png.
import { test } from "node:test";
import { browser, server, useServerAndBrowser } from "./support/suite.mjs";
import assert from "node:assert/strict";
import { newPage, screenshotPath } from "./support/browser.mjs";
import { hostPage, hostRecord, openHost } from "./support/host.mjs";
import { atStep, next, pickProvider, recordInitiates } from "./support/flow.mjs";

useServerAndBrowser();

const CONTACT = { schema: [{ endgrate_type: "crm-contact" }] };

test("provider names are readable in full in the 1280 px grid", async () => {
  const { context, page, pageErrors } = await newPage(browser, { width: 1280 });
  const names = ["Twenty CRM", "Microsoft Dynamics 365 Sales", "Zoho CRM Plus Enterprise", "HubSpot"];
  const catalog = {
    providers: names.map((display_name, i) => ({
      provider: { name: `p${i}`, display_name, endgrate_provider_type: "CRM" },
      integrations: [{ display_name: "Contact", endgrate_type: "crm-contact", supports_pull: true }],
    })),
  };
  await page.route("**/api/endgrate/api/integrations*", (route) =>
    route.fulfill({ contentType: "application/json", body: JSON.stringify(catalog) }),
  );
  await openHost(page, server.url, { session: CONTACT });
  await page.locator(".esw-provider").first().waitFor({ timeout: 15_000 });
  await page.screenshot({ path: screenshotPath("provider-grid-1280"), fullPage: true });
  const shown = await page.locator(".esw-provider__name").evaluateAll((els) =>
    els.map((e) => ({ text: e.textContent, cut: e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + 1, w: [e.scrollWidth, e.clientWidth, e.scrollHeight, e.clientHeight] })),
  );
  assert.deepEqual(shown.map((s) => s.text), names);
  assert.deepEqual(shown.filter((s) => s.cut), [], "no name is cut");
  for (const name of names) {
    const option = page.getByRole("option", { name: new RegExp(name) });
    assert.equal(await option.getAttribute("title"), name);
  }
  assert.deepEqual(pageErrors, []);
  await context.close();
});

test("back to the provider step: each card once, the picked one selected with the tab stop, search still works", async () => {
  const { context, page, pageErrors } = await newPage(browser, { width: 1280 });
  await openHost(page, server.url, { session: { schema: [{ endgrate_type: "crm-contact" }], schema_selection: true } });
  await page.locator(".esw-provider").first().waitFor({ timeout: 15_000 });
  const cards = await page.locator(".esw-provider").count();
  await pickProvider(page, "HubSpot", "hub");
  await atStep(page, "Choose what to sync");
  await page.getByRole("button", { name: "Back" }).click();
  await atStep(page, "Choose a provider");
  await page.locator(".esw-provider").first().waitFor();
  assert.equal(await page.locator(".esw-provider").count(), cards, "no card is built twice");
  const picked = page.getByRole("option", { name: /HubSpot/ });
  assert.equal(await picked.getAttribute("aria-selected"), "true");
  assert.equal(await picked.getAttribute("tabindex"), "0");
  assert.equal(await page.locator(".esw-provider[tabindex='0']").count(), 1, "one tab stop");
  // The query kept by the wizard still ranks the cards; clearing it shows them all again.
  await page.getByLabel("Search providers").fill("");
  await page.waitForFunction((n) => document.querySelectorAll(".esw-provider:not([hidden])").length === Math.min(n, 48), cards);
  assert.deepEqual(pageErrors, []);
  await context.close();
});
