// Field mapping at real-world size (issue 16) against the reference server's seeded Atlas CRM,
// whose contact object has 450 fields, most of them custom: a keyboard-only mapping through the
// field pickers, axe with a popup open and closed, screenshots at 1280 and 375 px, and a reload
// in the middle of the mapping that keeps every choice.
import { test } from "node:test";
import { browser, server, useServerAndBrowser } from "./support/suite.mjs";
import assert from "node:assert/strict";
import { newPage, screenshotPath } from "./support/browser.mjs";
import { openHost } from "./support/host.mjs";
import { atStep, expectAccessible, mappingSelect } from "./support/flow.mjs";
import { chooseField, entryNames, mappedNames } from "./support/picker.mjs";

useServerAndBrowser();

// An app schema of 24 fields: the usual contact fields and app names for CRM custom properties.
const names = [
  "first_name", "last_name", "email", "phone_number", "company", "job_title", "city", "country",
  "account_tier", "billing_status", "support_priority", "marketing_channel", "sales_owner",
  "partner_reference", "event_interest", "renewal_stage", "campaign_source", "contract_status",
  "trial_segment", "referral_code", "loyalty_tier", "webinar_interest", "territory_owner",
];
const properties = Object.fromEntries(names.map((n) => [n, { type: "string", title: n[0].toUpperCase() + n.slice(1).replaceAll("_", " ") }]));
properties.email.format = "email";
properties.lead_score = { type: "number", title: "Lead score" };
const SESSION = {
  provider: "atlascrm",
  schema: [{ endgrate_type: "crm-contact", properties, required: ["email", "last_name", "account_tier"] }],
  field_selection: true,
};

async function open(width = 1280) {
  const { context, page, pageErrors } = await newPage(browser, { width, height: 900 });
  await openHost(page, server.url, { after: "none", session: SESSION });
  await atStep(page, "Map fields");
  await mappingSelect(page, "Lead score").waitFor({ timeout: 15_000 });
  return { context, page, pageErrors };
}

/** Presses Tab until the focused element is row `label`'s picker. */
async function tabToPicker(page, label) {
  for (let i = 0; i < 120; i++) {
    await page.keyboard.press("Tab");
    const at = await page.evaluate(() => {
      const el = document.activeElement;
      return el?.getAttribute("role") === "combobox" ? el.labels[0]?.querySelector(".esw-field-name")?.textContent : null;
    });
    if (at === label) return;
  }
  throw new Error(`no picker for ${label}`);
}

const focusedValue = (page) => page.evaluate(() => document.activeElement.value);

test("a 450-field provider is mapped with the keyboard alone", async () => {
  const { context, page, pageErrors } = await open();
  assert.match(await page.locator(".esw-mapping__count").textContent(), /^\d+ of 24 mapped$/);
  // Suggestions came with the fields: Account tier (required) has one, so only what we change counts.
  await tabToPicker(page, "Lead score");
  await page.keyboard.type("renewal sc");
  assert.equal(await page.locator("[role=listbox] [role=option]").first().locator(".esw-picker__name").textContent(), "Renewal Score");
  await page.keyboard.press("Enter");
  assert.equal(await focusedValue(page), "Renewal Score", "Enter picks the first match; focus stays");
  // Down opens on the current choice; Home goes to the first entry (the suggestion, or Not mapped).
  await tabToPicker(page, "Company");
  await page.keyboard.press("ArrowDown");
  const active = () => page.evaluate(() => document.getElementById(document.activeElement.getAttribute("aria-activedescendant"))?.textContent);
  assert.match(await active(), /^Company Name/);
  await page.keyboard.press("End");
  const last = await active();
  assert.ok(last && !last.startsWith("Company Name"), "End reaches the last compatible field");
  assert.ok((await page.locator("[role=option]").count()) <= 13, "only the entries in view are in the DOM");
  await page.keyboard.press("Escape");
  assert.equal(await focusedValue(page), "Company Name", "Escape keeps the choice");
  // A typo still finds the field; Tab takes the active entry and moves on.
  await tabToPicker(page, "Territory owner");
  await page.keyboard.type("teritory ow");
  await page.keyboard.press("Tab");
  assert.equal(await page.locator(".esw-table tbody tr", { hasText: "territory_owner" }).locator("[role=combobox]").inputValue(), "Territory Owner");
  // Required fields left? The blocker says so and takes focus to the first.
  const blocker = page.locator(".esw-mapping__blocker");
  if ((await blocker.textContent()).length > 0) {
    await blocker.getByRole("button").focus();
    await page.keyboard.press("Enter");
  }
  // Continue, by keyboard.
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press("Tab");
    if ((await page.evaluate(() => document.activeElement.textContent)) === "Continue") break;
  }
  await page.keyboard.press("Enter");
  await atStep(page, "Review and connect");
  assert.match(await page.locator(".esw-root").textContent(), /Renewal Score/);
  assert.deepEqual(pageErrors, []);
  await context.close();
});

for (const width of [1280, 375]) {
  test(`the 450-field mapping passes axe with the popup closed and open, at ${width} px`, async () => {
    const { context, page, pageErrors } = await open(width);
    await expectAccessible(page, `mapping, popup closed, ${width} px`);
    await page.screenshot({ path: screenshotPath(`mapping-450-closed-${width}`), fullPage: false });
    const input = mappingSelect(page, "Account tier");
    await input.scrollIntoViewIfNeeded();
    await input.click();
    await input.fill("acc");
    await page.locator("[role=listbox] [role=option]").first().waitFor();
    assert.equal(await page.locator("[role=listbox]").count(), 1, "one popup");
    assert.match(await page.getByRole("status").filter({ hasText: /fields? match/ }).textContent(), /^\d+ fields match$/);
    await expectAccessible(page, `mapping, popup open, ${width} px`);
    await page.screenshot({ path: screenshotPath(`mapping-450-open-${width}`), fullPage: false });
    const box = await page.locator(".esw-picker__popup").boundingBox();
    assert.ok(box.x >= 0 && box.x + box.width <= width, `the popup fits the viewport: ${JSON.stringify(box)}`);
    // A tap picks like a click.
    await page.locator("[role=listbox] [role=option]").nth(1).click();
    assert.equal(await page.locator("[role=listbox]").count(), 0);
    assert.deepEqual(pageErrors, []);
    await context.close();
  });
}

test("a reload in the middle of a large mapping keeps every choice", async () => {
  const { context, page, pageErrors } = await open();
  await chooseField(page, "Lead score", "survey sc", "Survey Score");
  await chooseField(page, "City", "", null);
  await chooseField(page, "Loyalty tier", "loyalty seg", "Loyalty Segment");
  await chooseField(page, "Sales owner", "partner ow", "Partner Owner");
  const before = await mappedNames(page);
  assert.equal(before.lead_score, "Survey Score");
  assert.equal(before.city, "");
  assert.equal(before.loyalty_tier, "Loyalty Segment");
  await page.waitForTimeout(300);
  await page.reload();
  await atStep(page, "Map fields");
  await mappingSelect(page, "Lead score").waitFor({ timeout: 15_000 });
  assert.deepEqual(await mappedNames(page), before);
  // The picker still lists the provider's fields after the reload.
  await mappingSelect(page, "City").click();
  assert.ok((await entryNames(page)).includes("— Not mapped —"));
  assert.deepEqual(pageErrors, []);
  await context.close();
});

// A long table: 120 app fields, so the rows skip rendering while off screen and the first of
// them are built before the rest.
const LONG = Object.fromEntries(
  Array.from({ length: 120 }, (_, i) => [`app_field_${i}`, { type: "string", title: `App field ${i}` }]),
);
LONG.app_field_110 = { type: "string", title: "Renewal stage" };

test("a table of 120 fields: every row arrives, the last rows map and a reload keeps them", async () => {
  const { context, page, pageErrors } = await newPage(browser, { width: 1280, height: 900 });
  const session = { provider: "atlascrm", schema: [{ endgrate_type: "crm-contact", properties: LONG }], field_selection: true };
  await openHost(page, server.url, { after: "none", session });
  await atStep(page, "Map fields");
  await mappingSelect(page, "App field 119").waitFor({ state: "attached", timeout: 15_000 });
  assert.equal(await page.locator(".esw-table tbody tr").count(), 120);
  assert.equal(await page.locator(".esw-table.esw-table--long").count(), 1);
  await chooseField(page, "Renewal stage", "renewal sta", "Renewal Stage");
  await chooseField(page, "App field 119", "lead sta", "Lead Stage");
  const before = await mappedNames(page);
  assert.equal(before.app_field_110, "Renewal Stage");
  assert.equal(before.app_field_119, "Lead Stage");
  await page.waitForTimeout(300);
  await page.reload();
  await atStep(page, "Map fields");
  await mappingSelect(page, "App field 119").waitFor({ state: "attached", timeout: 15_000 });
  assert.deepEqual(await mappedNames(page), before);
  assert.deepEqual(pageErrors, []);
  await context.close();
});
