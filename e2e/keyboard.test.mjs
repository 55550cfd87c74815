// Case (a) completed with the keyboard alone (R39): Tab, arrows, Enter and Space, no mouse.
import { test } from "node:test";
import { browser, server, useServerAndBrowser } from "./support/suite.mjs";
import assert from "node:assert/strict";
import { newPage } from "./support/browser.mjs";
import { openHost } from "./support/host.mjs";
import { recordInitiates, atStep } from "./support/flow.mjs";

useServerAndBrowser();

/** Presses Tab until the focused element's name (aria-label, label or own text) matches
 * `pattern`, and its tag or input type is `kind` when given. */
async function tabTo(page, pattern, kind) {
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => {
      const el = document.activeElement;
      const labels = el?.labels ? [...el.labels].map((l) => l.textContent).join(" ") : "";
      const own = el?.tagName === "SELECT" ? "" : el?.textContent;
      return {
        name: [el?.getAttribute("aria-label"), labels, own].filter(Boolean).join(" | "),
        kind: el?.type || el?.tagName.toLowerCase(),
      };
    });
    if (pattern.test(focused.name) && (!kind || focused.kind === kind)) return;
  }
  throw new Error(`no focusable element matching ${pattern}`);
}


test("case (a) completes with the keyboard alone", async () => {
  const { context, page, pageErrors } = await newPage(browser);
  const posts = recordInitiates(page);
  await page.route(`${server.url}/done*`, (route) => route.fulfill({ contentType: "text/html", body: "done" }));
  await openHost(page, server.url, {
    session: {
      schema: [{ endgrate_type: "crm-contact" }],
      schema_selection: true,
      resource_selection: true,
      field_selection: true,
      passthrough_fields: true,
      redirect_url: `${server.url}/done`,
    },
  });
  await page.locator(".esw-provider").first().waitFor({ timeout: 15_000 });

  await tabTo(page, /Search providers/);
  await page.keyboard.type("hubs");
  await tabTo(page, /HubSpot/);
  await page.keyboard.press("Enter");

  await atStep(page, "Choose what to sync");
  await tabTo(page, /Pull into this app/, "checkbox");
  await page.keyboard.press("Space");
  assert.equal(await page.getByRole("checkbox", { name: "Pull into this app" }).isChecked(), false);
  assert.equal(await page.getByRole("checkbox", { name: "Push to the provider" }).isChecked(), true);
  assert.equal(await page.evaluate(() => document.activeElement.type), "checkbox", "focus stays on the checkbox");
  await tabTo(page, /^Continue$/);
  await page.keyboard.press("Enter");

  await atStep(page, "Choose resources");
  await tabTo(page, /^Continue$/);
  await page.keyboard.press("Enter");

  await atStep(page, "Map fields");
  await page.getByRole("combobox", { name: /^Phone Number/ }).first().waitFor();
  await tabTo(page, /Phone Number\s*phone_number/);
  // The field picker: type to filter, the first match is active, Enter picks it.
  await page.keyboard.type("mobile");
  await page.keyboard.press("Enter");
  const focused = await page.evaluate(() => ({ id: document.activeElement.id, value: document.activeElement.value }));
  assert.match(focused.id, /^esw\d+-map-0-\d+$/, "focus stays in the row's picker");
  assert.equal(focused.value, "Mobile Phone");
  await tabTo(page, /Lifecycle Stage/, "checkbox");
  await page.keyboard.press("Space");
  await tabTo(page, /^Continue$/);
  await page.keyboard.press("Enter");

  await atStep(page, "Review and connect");
  await page.waitForTimeout(600);
  await tabTo(page, /^Connect$/);
  await page.keyboard.press("Enter");

  await page.waitForURL(/\/done\?session_id=/);
  assert.equal(posts.length, 1);
  const schema = posts[0].body.end_user_configuration.schemas["crm-contact"];
  assert.deepEqual(schema.methods, { EXPORT: { integration: "create-contacts" } });
  assert.equal(schema.fields.phone_number.provider_field, "mobilephone");
  assert.deepEqual(schema.passthrough_fields, ["lifecyclestage"]);
  assert.deepEqual(pageErrors, []);
  await context.close();
});
