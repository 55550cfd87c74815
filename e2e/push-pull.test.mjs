// Push + Pull sessions (issue 12) through the real server: a schema pulled only, pushed only, or
// both, each flow checking the exact body the server received; the upsert column exactly where
// data is pushed; resources per direction stated by display name, and a schema given only by
// title matched to a provider resource per direction, its fields mapped against that resource's and
// the session configured as it. Screenshots of the schema, resource,
// mapping and review steps for a schema both pulled and pushed.
import { test } from "node:test";
import { browser, server, useServerAndBrowser } from "./support/suite.mjs";
import assert from "node:assert/strict";
import { newPage, screenshotPath } from "./support/browser.mjs";
import { openHost, hostRecord } from "./support/host.mjs";
import { recordInitiates, atStep, next, connect, pickProvider, expectAccessible, mappingSelect } from "./support/flow.mjs";

useServerAndBrowser();

const SESSION = {
  schema: [{ endgrate_type: "crm-contact" }],
  schema_selection: true,
  resource_selection: true,
  field_selection: true,
  default_upsert_setting: "DO_NOT_UPDATE",
};

/** HubSpot's suggested mapping of the contact schema, with `upsert` on each field when pushed. */
function contactFields(upsert) {
  const pairs = {
    city: "city",
    company: "company",
    country: "country",
    email: "email",
    first_name: "firstname",
    job_title: "jobtitle",
    last_name: "lastname",
    phone_number: "phone",
  };
  return Object.fromEntries(
    Object.entries(pairs).map(([field, provider_field]) => [field, upsert ? { provider_field, upsert } : { provider_field }]),
  );
}

async function open(session = SESSION) {
  const { context, page, pageErrors } = await newPage(browser, { width: 1280 });
  const posts = recordInitiates(page);
  await page.route(`${server.url}/done*`, (route) => route.fulfill({ contentType: "text/html", body: "done" }));
  await openHost(page, server.url, { after: "redirect", session: { redirect_url: `${server.url}/done`, ...session } });
  assert.equal((await hostRecord(page)).mount, "ok");
  return { context, page, pageErrors, posts };
}

const upsertSelects = (page) => page.getByRole("combobox", { name: /When the field already has data/ });
const reviewLines = (page) => page.locator(".esw-summary__row").nth(1).locator("li").allTextContents();
const shoot = (page, name) => page.screenshot({ path: screenshotPath(name), fullPage: true });

/** Provider, then the schema step with `uncheck` (direction names) switched off. */
async function toSchemas(page, uncheck) {
  await pickProvider(page, "HubSpot", "hubs");
  await atStep(page, "Choose what to sync");
  const pull = page.getByRole("checkbox", { name: "Pull into this app" });
  const push = page.getByRole("checkbox", { name: "Push to the provider" });
  assert.equal(await pull.isChecked(), true, "every supported direction starts on");
  assert.equal(await push.isChecked(), true);
  for (const name of uncheck) await page.getByRole("checkbox", { name }).uncheck();
}

async function submitted(page, posts, pageErrors) {
  await connect(page);
  await page.waitForURL(/\/done\?session_id=/);
  assert.equal(posts.length, 1);
  assert.deepEqual(pageErrors, []);
  return posts[0].body;
}

/** Presses the hosted page's Authorize for `sessionId`, then reads the session's configuration
 * as the host backend would (with the local API key). */
async function authorizedConfiguration(sessionId) {
  const authorize = await fetch(`${server.url}/session/authorize`, {
    method: "POST",
    headers: { origin: server.url, "content-type": "application/x-www-form-urlencoded" },
    body: `session_id=${sessionId}`,
    redirect: "manual",
  });
  assert.ok(authorize.status < 400, `authorize: ${authorize.status}`);
  const key = server.logs().match(/Local API key: (\S+)/)[1];
  return fetch(`${server.url}/api/session/configuration?session_id=${sessionId}`, {
    headers: { authorization: `Bearer ${key}` },
  }).then((r) => r.json());
}

const bodyWith = (choice) => ({
  ...SESSION,
  redirect_url: `${server.url}/done`,
  provider: "hubspot",
  end_user_configuration: { schemas: { "crm-contact": choice } },
});

test("pull only: one resource stated, no upsert column, no upsert in the body", async () => {
  const { context, page, pageErrors, posts } = await open();
  await toSchemas(page, ["Push to the provider"]);
  await next(page);
  await atStep(page, "Choose resources");
  assert.deepEqual(await page.locator(".esw-resource").allTextContents(), ["Pull into this app Get Contacts"]);
  assert.equal(await page.locator("select").count(), 0, "a single fitting integration is not a one-entry select");
  await next(page);
  await atStep(page, "Map fields");
  await mappingSelect(page, "Email").waitFor();
  assert.equal(await upsertSelects(page).count(), 0);
  await next(page);
  await atStep(page, "Review and connect");
  assert.equal((await reviewLines(page))[0], "Pull into this app: Get Contacts");
  const body = await submitted(page, posts, pageErrors);
  assert.deepEqual(
    body,
    bodyWith({ methods: { IMPORT: { integration: "get-contacts" } }, fields: contactFields(null) }),
  );
  await context.close();
});

test("push only: the upsert choice on every field, starting from default_upsert_setting", async () => {
  const { context, page, pageErrors, posts } = await open();
  await toSchemas(page, ["Pull into this app"]);
  await next(page);
  await atStep(page, "Choose resources");
  assert.deepEqual(await page.locator(".esw-resource").allTextContents(), ["Push to the provider Create Contacts"]);
  await next(page);
  await atStep(page, "Map fields");
  await mappingSelect(page, "Email").waitFor();
  assert.equal(await upsertSelects(page).count(), 8);
  assert.equal(await upsertSelects(page).first().inputValue(), "DO_NOT_UPDATE");
  await next(page);
  const body = await submitted(page, posts, pageErrors);
  assert.deepEqual(
    body,
    bodyWith({ methods: { EXPORT: { integration: "create-contacts" } }, fields: contactFields("DO_NOT_UPDATE") }),
  );
  await context.close();
});

test("pulled and pushed: one mapping, a resource per direction, upsert on every field", async () => {
  const { context, page, pageErrors, posts } = await open();
  await toSchemas(page, []);
  await expectAccessible(page, "schemas, both directions");
  await shoot(page, "push-pull-1-schemas");
  await next(page);

  await atStep(page, "Choose resources");
  assert.deepEqual(await page.locator(".esw-resource").allTextContents(), [
    "Pull into this app Get Contacts",
    "Push to the provider Create Contacts",
  ]);
  await expectAccessible(page, "resources, both directions");
  await shoot(page, "push-pull-2-resources");
  await next(page);

  await atStep(page, "Map fields");
  await mappingSelect(page, "Email").waitFor();
  assert.equal(await page.locator("table.esw-table").count(), 1, "one mapping for both directions");
  assert.equal(await upsertSelects(page).count(), 8);
  await page.getByRole("combobox", { name: "Email — When the field already has data" }).selectOption("SET_IF_NOT_SET");
  await expectAccessible(page, "mapping, both directions");
  await shoot(page, "push-pull-3-mapping");
  await next(page);

  await atStep(page, "Review and connect");
  const lines = await reviewLines(page);
  assert.deepEqual(lines.slice(0, 2), ["Pull into this app: Get Contacts", "Push to the provider: Create Contacts"]);
  assert.ok(!lines.join("\n").includes("create-contacts"), "never the id");
  await expectAccessible(page, "review, both directions");
  await shoot(page, "push-pull-4-review");
  const body = await submitted(page, posts, pageErrors);
  const fields = contactFields("DO_NOT_UPDATE");
  fields.email.upsert = "SET_IF_NOT_SET";
  assert.deepEqual(
    body,
    bodyWith({
      methods: { IMPORT: { integration: "get-contacts" }, EXPORT: { integration: "create-contacts" } },
      fields,
    }),
  );

  // The server stored it as sent and returns it from the configuration endpoint.
  const sessionId = new URL(page.url()).searchParams.get("session_id");
  await context.close();
  const config = await authorizedConfiguration(sessionId);
  assert.deepEqual(config.end_user_configuration, body.end_user_configuration);
});

test("a schema given only by title is matched to a provider resource in each direction", async () => {
  const person = { title: "Person", properties: { email: { type: "string", format: "email" }, name: { type: "string" } } };
  const { context, page, pageErrors, posts } = await open({ provider: "hubspot", schema: [person], resource_selection: true });
  await atStep(page, "Choose resources");
  const pull = page.getByRole("combobox", { name: "Pull into this app — Person" });
  const push = page.getByRole("combobox", { name: "Push to the provider — Person" });
  assert.equal(await pull.inputValue(), "", "nothing is chosen for the user");
  const offered = await pull.locator("option").allTextContents();
  assert.equal(offered[0], "Choose a resource…");
  // Every HubSpot integration that can be pulled, by display name, in catalog order.
  assert.deepEqual(offered.slice(1), ["Get Companies", "Get Contacts", "Get Deals", "Get Notes", "Get Tasks", "Get Tickets"]);
  await pull.selectOption({ label: "Get Contacts" });
  await push.selectOption({ label: "Create Contacts" });
  await expectAccessible(page, "resources, matched by title");
  await shoot(page, "push-pull-5-resources-by-title");
  await next(page);
  const body = await submitted(page, posts, pageErrors);
  assert.deepEqual(body, {
    provider: "hubspot",
    resource_selection: true,
    redirect_url: `${server.url}/done`,
    schema: [person],
    end_user_configuration: {
      schemas: { Person: { methods: { IMPORT: { integration: "get-contacts" }, EXPORT: { integration: "create-contacts" } } } },
    },
  });
  await context.close();
});

test("a schema given only by title maps the fields of the resource it is matched to, and is configured as it", async () => {
  const opportunity = { title: "Opportunity", properties: { amount: { type: "number" }, title: { type: "string" } } };
  const { context, page, pageErrors, posts } = await open({
    provider: "hubspot",
    schema: [opportunity],
    resource_selection: true,
    field_selection: true,
    passthrough_fields: true,
    default_upsert_setting: "OVERWRITE",
  });
  await atStep(page, "Choose resources");
  await page.getByRole("combobox", { name: "Pull into this app — Opportunity" }).selectOption({ label: "Get Deals" });
  await page.getByRole("combobox", { name: "Push to the provider — Opportunity" }).selectOption({ label: "Create Deals" });
  await next(page);
  await atStep(page, "Map fields");
  // The deal's fields, not the contact's: `amount` is suggested by name, Deal Name is picked.
  await mappingSelect(page, "amount").waitFor();
  assert.equal(await mappingSelect(page, "amount").inputValue(), "Amount");
  const title = mappingSelect(page, "title");
  await title.click();
  // Every deal key starts with "deal": the field whose shown name does too comes first.
  await title.fill("deal");
  await page.getByRole("listbox").getByRole("option").first().filter({ hasText: "Deal Name" }).waitFor();
  await title.press("Enter");
  await page.getByRole("checkbox", { name: "Currency" }).check();
  await next(page);
  await atStep(page, "Review and connect");
  const body = await submitted(page, posts, pageErrors);
  assert.deepEqual(body.end_user_configuration, {
    schemas: {
      Opportunity: {
        methods: { IMPORT: { integration: "get-deals" }, EXPORT: { integration: "create-deals" } },
        fields: { amount: { provider_field: "amount", upsert: "OVERWRITE" }, title: { provider_field: "dealname", upsert: "OVERWRITE" } },
        passthrough_fields: ["deal_currency_code"],
      },
    },
  });

  const sessionId = new URL(page.url()).searchParams.get("session_id");
  await context.close();
  const config = await authorizedConfiguration(sessionId);
  const entry = config.schemas.Opportunity;
  assert.deepEqual(entry.integration_info, { name: "get-deals", display_name: "Get Deals", method: "IMPORT" });
  assert.equal(entry.passthrough_fields.properties.deal_currency_code.title, "Currency");
});
