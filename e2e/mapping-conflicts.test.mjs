// A mapping choice never silently undoes another (issue 13, point 1), with the issue's own
// shapes: an app schema whose required Last name the provider calls "Family name". Arrowing
// through a field picker commits nothing until a pick; taking a field another row uses swaps the
// two rows with a notice and Undo; a passed-through field says so.
import { test } from "node:test";
import { browser, server, useServerAndBrowser } from "./support/suite.mjs";
import assert from "node:assert/strict";
import { newPage, screenshotPath } from "./support/browser.mjs";
import { openHost } from "./support/host.mjs";
import { atStep, expectAccessible, mappingSelect } from "./support/flow.mjs";
import { chooseField, entryNames, mappedNames } from "./support/picker.mjs";

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

const values = mappedNames;
const notice = (page) => page.locator(".esw-mapping__notice");
const BEFORE = { first_name: "Given name", last_name: "Family name", phone: "Phone" };

test("arrowing through Phone's picker and leaving with Escape changes nothing", async () => {
  const { context, page, pageErrors } = await open();
  assert.deepEqual(await values(page), BEFORE);
  const phone = mappingSelect(page, "Phone");
  await phone.focus();
  await page.keyboard.press("ArrowDown");
  assert.equal(await phone.getAttribute("aria-expanded"), "true");
  await page.keyboard.press("ArrowUp");
  await page.keyboard.press("ArrowUp");
  await page.keyboard.press("Escape");
  assert.equal(await phone.getAttribute("aria-expanded"), "false");
  assert.deepEqual(await values(page), BEFORE, "every row as it was");
  assert.equal(await notice(page).textContent(), "");
  assert.equal(await page.evaluate(() => document.activeElement.labels[0].textContent.startsWith("Phone")), true);
  assert.deepEqual(pageErrors, []);
  await context.close();
});

test("a field used by another row says so, taking it swaps with a notice, and Undo restores both", async () => {
  const { context, page, pageErrors } = await open();
  await mappingSelect(page, "Phone").click();
  assert.deepEqual(await entryNames(page), [
    "Phone",
    "— Not mapped —",
    "Given name — used by First name",
    "Family name — used by Last name",
    "Segment",
  ]);
  assert.match(await page.getByRole("listbox").getByRole("option").first().textContent(), /Suggested/);
  assert.match(await page.getByRole("option", { name: /^Segment/ }).textContent(), /Custom/);
  await expectAccessible(page, "mapping step with a picker open");
  await page.getByRole("option", { name: /^Family name/ }).click();
  const status = page.getByRole("status").filter({ hasText: "Phone now maps to Family name" });
  await status.waitFor();
  assert.equal((await values(page)).last_name, "Phone");
  assert.equal(await page.locator(".esw-issue:not([hidden])").count(), 0, "no required-field issue: nothing was lost");
  await expectAccessible(page, "mapping step with a swap notice");
  await page.screenshot({ path: screenshotPath("mapping-conflict-notice-1280"), fullPage: true });
  await status.getByRole("button", { name: "Undo" }).click();
  assert.deepEqual(await values(page), BEFORE);
  assert.equal(await notice(page).textContent(), "");
  assert.match(await page.evaluate(() => document.activeElement.id), /^esw\d+-map-0-2$/, "focus back on the row");
  assert.deepEqual(pageErrors, []);
  await context.close();
});

test("a passed-through field is explained, marked in the select, and taking it says so", async () => {
  const { context, page, pageErrors } = await open();
  const fieldset = page.locator("fieldset");
  assert.match(await fieldset.textContent(), /Choosing one in a row above maps it instead/);
  await fieldset.getByRole("checkbox", { name: "Segment" }).check();
  await mappingSelect(page, "Phone").click();
  assert.ok((await entryNames(page)).includes("Segment — passed through"));
  await page.keyboard.press("Escape");
  await chooseField(page, "Phone", "segm", "Segment");
  await page.getByRole("status").filter({ hasText: "Segment is no longer passed through" }).waitFor();
  assert.equal(await fieldset.getByRole("checkbox", { name: "Segment" }).count(), 0, "mapped now, not a passthrough candidate");
  await page.getByRole("button", { name: "Undo" }).click();
  assert.equal(await fieldset.getByRole("checkbox", { name: "Segment" }).isChecked(), true);
  assert.equal((await values(page)).phone, "Phone");
  assert.deepEqual(pageErrors, []);
  await context.close();
});
