// The passthrough checkboxes at a provider's size, against the reference server's seeded Summit
// CRM (1,200 contact fields, most of them custom) with `passthrough_fields` on: a bounded number
// of checkboxes with "Show more" (focus on the first one revealed), the filter, the count after
// a Space, axe, and screenshots at 1280 and 375 px.
import { test } from "node:test";
import { browser, server, useServerAndBrowser } from "./support/suite.mjs";
import assert from "node:assert/strict";
import { newPage, screenshotPath } from "./support/browser.mjs";
import { openHost } from "./support/host.mjs";
import { atStep, expectAccessible } from "./support/flow.mjs";

useServerAndBrowser();

const SESSION = {
  provider: "summitcrm",
  schema: [{ endgrate_type: "crm-contact" }],
  field_selection: true,
  passthrough_fields: true,
};

for (const width of [1280, 375]) {
  test(`1,200 custom fields: a bounded list, a filter and a count (${width} px)`, async () => {
    const { context, page, pageErrors } = await newPage(browser, { width, height: 900 });
    await openHost(page, server.url, { after: "none", session: SESSION });
    await atStep(page, "Map fields");
    const fieldset = page.locator("fieldset.esw-fieldset");
    await fieldset.waitFor({ timeout: 30_000 });
    const boxes = fieldset.locator(".esw-checks input[type=checkbox]");
    const first = await boxes.count();
    assert.ok(first > 0 && first <= 50, `at most 50 checkboxes at first, saw ${first}`);
    const count = fieldset.locator("legend .esw-mapping__count");
    assert.match(await count.textContent(), /^0 of \d{3,4} passed through$/);
    const total = Number((await count.textContent()).match(/of (\d+)/)[1]);
    assert.ok(total > 500, `most of the 1,200 fields are custom, saw ${total}`);
    await fieldset.scrollIntoViewIfNeeded();
    await fieldset.screenshot({ path: screenshotPath(`passthrough-large-list-${width}`) });
    // Keyboard: the checkbox toggles with Space, the count follows.
    await boxes.first().focus();
    await page.keyboard.press("Space");
    await page.waitForFunction(() => document.querySelector("fieldset legend .esw-mapping__count")?.textContent.startsWith("1 of"));
    // Show more adds checkboxes and moves focus to the first one it revealed.
    await fieldset.getByRole("button", { name: /^Show more/ }).click();
    await page.waitForFunction((n) => document.querySelectorAll("fieldset .esw-checks input[type=checkbox]").length > n, first);
    await page.waitForFunction(() => document.activeElement?.matches("fieldset .esw-checks input[type=checkbox]"));
    // The filter narrows the list to matches and says how many.
    const filter = fieldset.getByLabel("Filter custom fields");
    const label = (await fieldset.locator(".esw-checks label").nth(3).textContent()).trim();
    await filter.fill(label);
    await page.waitForFunction((l) => [...document.querySelectorAll("fieldset .esw-checks label")].some((e) => e.textContent.trim() === l)
      && document.querySelectorAll("fieldset .esw-checks label").length <= 50, label);
    assert.match(await fieldset.locator("[role=status]").textContent(), /fields? match/);
    await page.screenshot({ path: screenshotPath(`passthrough-large-${width}`), fullPage: false });
    await fieldset.scrollIntoViewIfNeeded();
    await fieldset.screenshot({ path: screenshotPath(`passthrough-large-fieldset-${width}`) });
    await expectAccessible(page, `passthrough at ${width} px`);
    assert.deepEqual(pageErrors, []);
    await context.close();
  });
}
