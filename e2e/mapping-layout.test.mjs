// The mapping tables of one step share their column widths, a pushed table (with its upsert
// column) and a pulled one alike (issue 13, point 6).
import { test } from "node:test";
import { browser, server, useServerAndBrowser } from "./support/suite.mjs";
import assert from "node:assert/strict";
import { newPage, screenshotPath } from "./support/browser.mjs";
import { hostPage, hostRecord, openHost } from "./support/host.mjs";
import { atStep, next, pickProvider, recordInitiates } from "./support/flow.mjs";

useServerAndBrowser();

const CONTACT = { schema: [{ endgrate_type: "crm-contact" }] };

test("a pulled and a pushed table of one step share their column widths", async () => {
  const { context, page, pageErrors } = await newPage(browser, { width: 1280 });
  await openHost(page, server.url, {
    after: "none",
    session: {
      provider: "hubspot",
      schema: [{ endgrate_type: "crm-contact" }, { endgrate_type: "crm-company" }],
      schema_selection: true,
      field_selection: true,
    },
  });
  await atStep(page, "Choose what to sync");
  // Contact is pulled and pushed (upsert column), Company pulled only.
  await page.getByRole("checkbox", { name: "Push to the provider" }).nth(1).uncheck();
  await next(page);
  await atStep(page, "Map fields");
  await page.locator("table.esw-table").nth(1).waitFor({ timeout: 15_000 });
  const widths = await page.locator("table.esw-table").evaluateAll((tables) =>
    tables.map((t) => [...t.querySelectorAll("th")].slice(0, 2).map((th) => th.getBoundingClientRect().width)),
  );
  assert.equal(widths.length, 2);
  assert.equal(
    await page.locator("table.esw-table").nth(0).locator("th").count() + (await page.locator("table.esw-table").nth(1).locator("th").count()),
    5,
    "one pushed table (3 columns) and one pulled (2)",
  );
  for (let i = 0; i < 2; i++) assert.ok(Math.abs(widths[0][i] - widths[1][i]) <= 1, `column ${i}: ${JSON.stringify(widths)}`);
  await page.screenshot({ path: screenshotPath("mapping-two-tables-1280"), fullPage: true });
  assert.deepEqual(pageErrors, []);
  await context.close();
});
