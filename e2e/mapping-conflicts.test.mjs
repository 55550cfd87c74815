// A mapping choice never silently undoes another (issue 13, point 1), with the issue's own
// shapes: an app schema whose required Last name the provider calls "Family name". Arrowing
// through a closed select commits every option it passes in Chromium; taking a field another row
// uses swaps the two rows with a notice and Undo; a passed-through field says so.
import { test } from "node:test";
import { browser, server, useServerAndBrowser } from "./support/suite.mjs";
import assert from "node:assert/strict";
import { newPage, screenshotPath } from "./support/browser.mjs";
import { openHost } from "./support/host.mjs";
import { atStep, expectAccessible, mappingSelect } from "./support/flow.mjs";

useServerAndBrowser();

const FIELDS = {
  schema_fields: [
    { name: "first_name", title: "First name", type: "string" },
    { name: "last_name", title: "Last name", type: "string", required: true },
    { name: "phone", title: "Phone", type: "string" },
  ],
  provider_fields: [
    { name: "given_name", title: "Given name", type: "string" },
    { name: "family_name", title: "Family name", type: "string" },
    { name: "phone", title: "Phone", type: "string" },
    { name: "segment", title: "Segment", type: "string", custom: true },
  ],
};

async function open() {
  const { context, page, pageErrors } = await newPage(browser);
  await page.route("**/api/endgrate/api/fields*", (route) =>
    route.fulfill({ contentType: "application/json", body: JSON.stringify(FIELDS) }),
  );
  await openHost(page, server.url, {
    after: "none",
    session: {
      provider: "hubspot",
      schema: [{ endgrate_type: "crm-contact" }],
      field_selection: true,
      passthrough_fields: true,
    },
  });
  await atStep(page, "Map fields");
  await mappingSelect(page, "Phone").waitFor();
  return { context, page, pageErrors };
}

const values = (page) =>
  page.evaluate(() =>
    Object.fromEntries([...document.querySelectorAll("select[id^='esw-map-']")].map((s) => [s.id.split("-").pop(), s.value])),
  );
const notice = (page) => page.locator(".esw-mapping__notice");

test("ArrowUp then ArrowDown on Phone's closed select leaves Last name mapped", async () => {
  const { context, page, pageErrors } = await open();
  const before = { first_name: "given_name", last_name: "family_name", phone: "phone" };
  assert.deepEqual(await values(page), before);
  await mappingSelect(page, "Phone").focus();
  await page.keyboard.press("ArrowUp");
  // Chromium commits the option above: Family name, which Last name had.
  await page.waitForFunction(() => document.querySelector("#esw-map-crm-contact-phone").value === "family_name");
  assert.equal((await values(page)).last_name, "phone", "Last name was given Phone's field, not left unmapped");
  assert.match(await notice(page).textContent(), /Phone now maps to Family name\. Last name, which had it, now maps to Phone\./);
  await page.keyboard.press("ArrowDown");
  await page.waitForFunction(() => document.querySelector("#esw-map-crm-contact-phone").value === "phone");
  assert.deepEqual(await values(page), before, "every row as it was");
  assert.equal(await notice(page).textContent(), "");
  assert.equal(await page.evaluate(() => document.activeElement.id), "esw-map-crm-contact-phone");
  assert.deepEqual(pageErrors, []);
  await context.close();
});

test("a field used by another row says so, taking it swaps with a notice, and Undo restores both", async () => {
  const { context, page, pageErrors } = await open();
  const names = await mappingSelect(page, "Phone").locator("option").allTextContents();
  assert.deepEqual(names, [
    "— Not mapped —",
    "Given name — used by First name",
    "Family name — used by Last name",
    "Phone",
    "Segment",
  ]);
  await mappingSelect(page, "Phone").selectOption("family_name");
  const status = page.getByRole("status").filter({ hasText: "Phone now maps to Family name" });
  await status.waitFor();
  assert.equal((await values(page)).last_name, "phone");
  assert.equal(await page.locator(".esw-issue").count(), 0, "no required-field issue: nothing was lost");
  await expectAccessible(page, "mapping step with a swap notice");
  await page.screenshot({ path: screenshotPath("mapping-conflict-notice-1280"), fullPage: true });
  await status.getByRole("button", { name: "Undo" }).click();
  assert.deepEqual(await values(page), { first_name: "given_name", last_name: "family_name", phone: "phone" });
  assert.equal(await notice(page).textContent(), "");
  assert.equal(await page.evaluate(() => document.activeElement.id), "esw-map-crm-contact-phone", "focus back on the row");
  assert.deepEqual(pageErrors, []);
  await context.close();
});

test("a passed-through field is explained, marked in the select, and taking it says so", async () => {
  const { context, page, pageErrors } = await open();
  const fieldset = page.locator("fieldset");
  assert.match(await fieldset.textContent(), /Choosing one in a row above maps it instead/);
  await fieldset.getByRole("checkbox", { name: "Segment" }).check();
  await page.waitForFunction(() =>
    [...document.querySelectorAll("#esw-map-crm-contact-phone option")].some((o) => o.textContent === "Segment — passed through"),
  );
  await mappingSelect(page, "Phone").selectOption("segment");
  await page.getByRole("status").filter({ hasText: "Segment is no longer passed through" }).waitFor();
  assert.equal(await fieldset.getByRole("checkbox", { name: "Segment" }).count(), 0, "mapped now, not a passthrough candidate");
  await page.getByRole("button", { name: "Undo" }).click();
  assert.equal(await fieldset.getByRole("checkbox", { name: "Segment" }).isChecked(), true);
  assert.equal((await values(page)).phone, "phone");
  assert.deepEqual(pageErrors, []);
  await context.close();
});
