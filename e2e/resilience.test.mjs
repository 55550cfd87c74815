// No lost work and no duplicate sessions: a reload in the middle of mapping keeps every choice
// (R24), a double click sends one request (R19, R34), and a failing catalog recovers by itself
// (R16) or through Retry with the same idempotency key (R17).
import { test } from "node:test";
import { browser, server, useServerAndBrowser } from "./support/suite.mjs";
import assert from "node:assert/strict";
import { newPage } from "./support/browser.mjs";
import { openHost } from "./support/host.mjs";
import { recordInitiates, atStep, next, connect, pickProvider, mappingSelect, expectAccessible } from "./support/flow.mjs";
import { chooseField } from "./support/picker.mjs";

useServerAndBrowser();

const SESSION = {
  schema: [{ endgrate_type: "crm-contact" }],
  schema_selection: true,
  field_selection: true,
  passthrough_fields: true,
};

async function open(session = SESSION) {
  const { context, page, pageErrors } = await newPage(browser);
  const posts = recordInitiates(page);
  await page.route(`${server.url}/done*`, (route) => route.fulfill({ contentType: "text/html", body: "done" }));
  await openHost(page, server.url, { session: { redirect_url: `${server.url}/done`, ...session } });
  return { context, page, pageErrors, posts };
}

async function toMapping(page) {
  await pickProvider(page, "HubSpot");
  await atStep(page, "Choose what to sync");
  await page.getByRole("checkbox", { name: "Pull into this app" }).uncheck();
  await next(page);
  await atStep(page, "Map fields");
  await mappingSelect(page, "First Name").waitFor();
}

test("a reload in the middle of mapping keeps every choice", async () => {
  const { context, page, pageErrors, posts } = await open();
  await toMapping(page);
  await chooseField(page, "Phone Number", "mob", "Mobile Phone");
  await chooseField(page, "Company", "", null);
  await page.getByRole("combobox", { name: "Email — When the field already has data" }).selectOption("DO_NOT_UPDATE");
  await page.getByRole("checkbox", { name: "Lead Status" }).check();
  await page.waitForTimeout(300);

  await page.reload();
  await atStep(page, "Map fields");
  await mappingSelect(page, "First Name").waitFor();
  assert.equal(await mappingSelect(page, "Phone Number").inputValue(), "Mobile Phone");
  assert.equal(await mappingSelect(page, "Company").inputValue(), "");
  assert.equal(await mappingSelect(page, "First Name").inputValue(), "First Name");
  assert.equal(
    await page.getByRole("combobox", { name: "Email — When the field already has data" }).inputValue(),
    "DO_NOT_UPDATE",
  );
  assert.equal(await page.getByRole("checkbox", { name: "Lead Status" }).isChecked(), true);
  assert.equal(await page.getByRole("checkbox", { name: "Lifecycle Stage" }).isChecked(), false);

  await next(page);
  await connect(page);
  await page.waitForURL(/\/done\?session_id=/);
  const schema = posts[0].body.end_user_configuration.schemas["crm-contact"];
  assert.deepEqual(schema.methods, { EXPORT: {} });
  assert.deepEqual(schema.fields.phone_number, { provider_field: "mobilephone", upsert: "OVERWRITE" });
  assert.deepEqual(schema.fields.email, { provider_field: "email", upsert: "DO_NOT_UPDATE" });
  assert.equal(schema.fields.company, undefined);
  assert.deepEqual(schema.passthrough_fields, ["hs_lead_status"]);
  assert.deepEqual(pageErrors, []);
  await context.close();
});

test("a double click on Connect, or five clicks, sends one request", async () => {
  const { context, page, pageErrors, posts } = await open({ schema: [{ endgrate_type: "crm-contact" }] });
  await pickProvider(page, "HubSpot");
  await atStep(page, "Review and connect");
  await page.waitForTimeout(600);
  await page.getByRole("button", { name: "Connect" }).click({ clickCount: 5, delay: 5 });
  await page.waitForURL(/\/done\?session_id=/);
  assert.equal(posts.length, 1);
  assert.deepEqual(pageErrors, []);
  await context.close();
});

test("a double click on the last Continue does not submit on the review step", async () => {
  const { context, page, pageErrors, posts } = await open();
  await toMapping(page);
  await page.getByRole("button", { name: "Continue" }).dblclick();
  await atStep(page, "Review and connect");
  await page.waitForTimeout(700);
  assert.equal(posts.length, 0, "the second click of the double click must not connect");
  assert.deepEqual(pageErrors, []);
  await context.close();
});

test("a 500 then a 200 on the catalog recovers without the user doing anything", async () => {
  const { context, page, pageErrors } = await newPage(browser);
  let calls = 0;
  await page.route("**/api/endgrate/api/integrations*", async (route) => {
    calls += 1;
    if (calls === 1) return route.fulfill({ status: 500, contentType: "application/json", body: '{"message":"boom"}' });
    return route.continue();
  });
  await openHost(page, server.url, { session: { schema: [{ endgrate_type: "crm-contact" }] } });
  await page.getByRole("option", { name: /HubSpot/ }).waitFor({ timeout: 15_000 });
  assert.equal(calls, 2);
  assert.deepEqual(pageErrors, []);
  await context.close();
});

test("a catalog that keeps failing shows an error with Retry, and Retry recovers", async () => {
  const { context, page, pageErrors } = await newPage(browser);
  let failing = true;
  let calls = 0;
  await page.route("**/api/endgrate/api/integrations*", (route) => {
    calls += 1;
    return failing ? route.fulfill({ status: 503, body: "<html>proxy error</html>" }) : route.continue();
  });
  await openHost(page, server.url, { session: { schema: [{ endgrate_type: "crm-contact" }] } });
  const alert = page.getByRole("alert");
  await alert.waitFor({ timeout: 15_000 });
  assert.equal(calls, 3, "three attempts before giving up");
  assert.match(await alert.textContent(), /server had a problem/);
  // The failure is the first thing the widget shows: announced (role=alert), not focused, since
  // focus moves only in answer to the user's own action in the widget.
  assert.notEqual(await page.evaluate(() => document.activeElement?.getAttribute("role")), "alert");
  await expectAccessible(page, "catalog error");
  failing = false;
  await page.getByRole("button", { name: "Retry" }).click();
  await page.getByRole("option", { name: /HubSpot/ }).waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), "Choose a provider", "after Retry, focus follows");
  assert.deepEqual(pageErrors, []);
  await context.close();
});

test("a failed Connect keeps the idempotency key on Retry", async () => {
  const { context, page, pageErrors, posts } = await open({ schema: [{ endgrate_type: "crm-contact" }] });
  let first = true;
  await page.route("**/session/initiate", (route) => {
    if (first) {
      first = false;
      return route.abort("connectionreset");
    }
    return route.continue();
  });
  await pickProvider(page, "HubSpot");
  await connect(page);
  await page.getByRole("alert").waitFor();
  await page.getByRole("button", { name: "Retry" }).click();
  await page.waitForURL(/\/done\?session_id=/);
  assert.equal(posts.length, 2);
  assert.equal(posts[0].key, posts[1].key);
  assert.deepEqual(posts[0].body, posts[1].body);
  assert.deepEqual(pageErrors, []);
  await context.close();
});

test("storage that throws does not break the flow and says progress won't survive a refresh", async () => {
  const { context, page, pageErrors, posts } = await (async () => {
    const opened = await newPage(browser);
    await opened.page.addInitScript(() => {
      Storage.prototype.setItem = () => {
        throw new DOMException("quota", "QuotaExceededError");
      };
    });
    return { ...opened, posts: recordInitiates(opened.page) };
  })();
  await page.route(`${server.url}/done*`, (route) => route.fulfill({ contentType: "text/html", body: "done" }));
  await openHost(page, server.url, { session: { schema: [{ endgrate_type: "crm-contact" }], redirect_url: `${server.url}/done` } });
  await pickProvider(page, "HubSpot");
  await page.getByText("Your progress won't survive a page refresh in this browser.").waitFor();
  const events = await page.evaluate(() => window.__host.events.map((e) => e.type));
  assert.equal(events.filter((t) => t === "storage_unavailable").length, 1);
  await connect(page);
  await page.waitForURL(/\/done\?session_id=/);
  assert.equal(posts.length, 1);
  assert.deepEqual(pageErrors, []);
  await context.close();
});

test("tampered saved progress is discarded with a notice, never trusted", async () => {
  const { context, page, pageErrors } = await newPage(browser);
  await page.addInitScript(() => {
    // Whatever key the widget reads its progress from, it gets a hostile, invalid state.
    const original = Storage.prototype.getItem;
    Storage.prototype.getItem = function (key) {
      if (key.startsWith("endgrate-session-widget:")) {
        return '{"version":999,"provider":"<img src=x onerror=window.__xss=1>","step":"review"}';
      }
      return original.call(this, key);
    };
  });
  await openHost(page, server.url, { session: { schema: [{ endgrate_type: "crm-contact" }] } });
  await page.getByText("We couldn't restore your previous progress").waitFor();
  await page.getByRole("heading", { level: 2, name: "Choose a provider" }).waitFor();
  assert.equal(await page.evaluate(() => window.__xss), undefined);
  assert.equal(await page.locator("#widget-root img[src='x']").count(), 0);
  assert.deepEqual(pageErrors, []);
  await context.close();
});
