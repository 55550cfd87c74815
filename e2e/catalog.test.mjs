// The walking skeleton end to end: the demo page, served by the real server, mounts the widget
// through its exported `mount`, which loads the seeded catalog and shows the providers.
import { test } from "node:test";
import { browser, server, useServerAndBrowser } from "./support/suite.mjs";
import assert from "node:assert/strict";
import { newPage, screenshotPath } from "./support/browser.mjs";

useServerAndBrowser();

test("demo page shows the seeded providers that support its schemas", async () => {
  const { context, page, pageErrors } = await newPage(browser);
  await page.goto(`${server.url}/`);
  const providers = page.locator(".esw-provider");
  await providers.first().waitFor({ timeout: 15_000 });
  const names = await providers.allTextContents();
  // The demo syncs CRM contacts and companies, so only CRM providers with both qualify.
  assert.ok(names.length >= 8, `expected the seeded CRM providers, saw ${names.length}`);
  const categories = await page.locator(".esw-provider__category").allTextContents();
  assert.deepEqual([...new Set(categories)], ["CRM"]);
  assert.ok(names.some((name) => name.includes("HubSpot")), `HubSpot missing from ${names}`);
  await page.screenshot({ path: screenshotPath("catalog-1280"), fullPage: true });
  assert.deepEqual(pageErrors, []);
  await context.close();
});
