// The end-user flow through the real server, for the four option shapes of the issue: the exact
// body the backend received and the final URL. Also screenshots of every step at desktop and phone
// widths, and axe at every step.
import { test } from "node:test";
import { browser, server, useServerAndBrowser } from "./support/suite.mjs";
import assert from "node:assert/strict";
import { newPage, screenshotPath } from "./support/browser.mjs";
import { openHost, hostRecord } from "./support/host.mjs";
import { recordInitiates, atStep, next, connect, pickProvider, expectAccessible, mappingSelect } from "./support/flow.mjs";
import { chooseField } from "./support/picker.mjs";

useServerAndBrowser();

/** Opens a host page whose redirect target is a stub page on the same origin. */
async function open(session, { width = 1280 } = {}) {
  const { context, page, pageErrors } = await newPage(browser, { width });
  const posts = recordInitiates(page);
  await page.route(`${server.url}/done*`, (route) =>
    route.fulfill({ contentType: "text/html", body: "<!doctype html><title>Done</title><p>Back in the app</p>" }),
  );
  await openHost(page, server.url, { after: "redirect", session: { redirect_url: `${server.url}/done`, ...session } });
  assert.equal((await hostRecord(page)).mount, "ok");
  return { context, page, pageErrors, posts };
}

/** After Connect: one POST, success reported once, and the page went to redirect_url?session_id=… */
async function expectRedirected(page, posts, pageErrors) {
  await page.waitForURL(/\/done\?session_id=/);
  const url = new URL(page.url());
  assert.equal(url.origin + url.pathname, `${server.url}/done`);
  assert.match(url.searchParams.get("session_id"), /^[0-9a-f]{24}$/);
  assert.equal(posts.length, 1, "exactly one initiate request");
  assert.match(posts[0].key, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  assert.deepEqual(pageErrors, []);
  const sessionId = url.searchParams.get("session_id");
  const stored = await page.evaluate(() => JSON.stringify(sessionStorage));
  assert.ok(!stored.includes(sessionId), "the session id is never stored (R25)");
  return sessionId;
}

const shoot = (page, name) => page.screenshot({ path: screenshotPath(name), fullPage: true });

for (const width of [1280, 375]) {
  test(`(a) every selection flag on with passthrough fields, at ${width} px`, async () => {
    const { context, page, pageErrors, posts } = await open(
      {
        schema: [{ endgrate_type: "crm-contact" }],
        schema_selection: true,
        resource_selection: true,
        field_selection: true,
        passthrough_fields: true,
        default_upsert_setting: "SET_IF_NOT_SET",
      },
      { width },
    );
    await atStep(page, "Choose a provider");
    await page.locator(".esw-provider").first().waitFor();
    await expectAccessible(page, "provider");
    await shoot(page, `step-1-provider-${width}`);
    await pickProvider(page, "HubSpot", "hubs");

    await atStep(page, "Choose what to sync");
    // Both directions start checked; this flow pushes only.
    await page.getByRole("checkbox", { name: "Pull into this app" }).uncheck();
    await expectAccessible(page, "schemas");
    await shoot(page, `step-2-schemas-${width}`);
    await next(page);

    await atStep(page, "Choose resources");
    assert.equal(await page.getByRole("combobox").count(), 0, "one fitting integration is stated, not asked");
    assert.equal(await page.locator(".esw-resource").textContent(), "Push to the provider Create Contacts");
    await expectAccessible(page, "resources");
    await shoot(page, `step-3-resources-${width}`);
    await next(page);

    await atStep(page, "Map fields");
    await mappingSelect(page, "First Name").waitFor();
    assert.equal(await mappingSelect(page, "First Name").inputValue(), "First Name", "suggestion preselected");
    await chooseField(page, "Phone Number", "mob", "Mobile Phone");
    await page.getByRole("combobox", { name: "Email — When the field already has data" }).selectOption("OVERWRITE");
    await page.getByRole("checkbox", { name: "Lifecycle Stage" }).check();
    await expectAccessible(page, "mapping");
    await shoot(page, `step-4-mapping-${width}`);
    await next(page);

    await atStep(page, "Review and connect");
    await expectAccessible(page, "review");
    await shoot(page, `step-5-review-${width}`);
    const stored = await page.evaluate(() => JSON.stringify(sessionStorage));
    assert.ok(stored.includes("mobilephone"), "progress is kept in sessionStorage");
    await connect(page);
    const sessionId = await expectRedirected(page, posts, pageErrors);

    const upsert = "SET_IF_NOT_SET";
    assert.deepEqual(posts[0].body, {
      schema: [{ endgrate_type: "crm-contact" }],
      schema_selection: true,
      resource_selection: true,
      field_selection: true,
      passthrough_fields: true,
      default_upsert_setting: upsert,
      redirect_url: `${server.url}/done`,
      provider: "hubspot",
      end_user_configuration: {
        schemas: {
          "crm-contact": {
            methods: { EXPORT: { integration: "create-contacts" } },
            fields: {
              city: { provider_field: "city", upsert },
              company: { provider_field: "company", upsert },
              country: { provider_field: "country", upsert },
              email: { provider_field: "email", upsert: "OVERWRITE" },
              first_name: { provider_field: "firstname", upsert },
              job_title: { provider_field: "jobtitle", upsert },
              last_name: { provider_field: "lastname", upsert },
              phone_number: { provider_field: "mobilephone", upsert },
            },
            passthrough_fields: ["lifecyclestage"],
          },
        },
      },
    });
    assert.ok(sessionId);
    await context.close();
  });
}

test("(b) provider preset with field selection only starts at mapping, pulled and pushed, with upsert", async () => {
  const { context, page, pageErrors, posts } = await open({
    schema: [{ endgrate_type: "crm-contact" }],
    provider: "hubspot",
    field_selection: true,
  });
  await atStep(page, "Map fields");
  assert.equal(await page.locator(".esw-eyebrow").textContent(), "Step 1 of 2");
  await mappingSelect(page, "Email").waitFor();
  // Without schema_selection the schema is used in both directions HubSpot supports, so the
  // pushed fields carry the upsert choice.
  assert.equal(await page.getByRole("combobox", { name: /When the field already has data/ }).count(), 8);
  await next(page);
  await connect(page);
  await expectRedirected(page, posts, pageErrors);
  assert.deepEqual(posts[0].body, {
    field_selection: true,
    provider: "hubspot",
    redirect_url: `${server.url}/done`,
    schema: [{ endgrate_type: "crm-contact" }],
    end_user_configuration: {
      schemas: {
        "crm-contact": {
          methods: { IMPORT: {}, EXPORT: {} },
          fields: {
            city: { provider_field: "city", upsert: "OVERWRITE" },
            company: { provider_field: "company", upsert: "OVERWRITE" },
            country: { provider_field: "country", upsert: "OVERWRITE" },
            email: { provider_field: "email", upsert: "OVERWRITE" },
            first_name: { provider_field: "firstname", upsert: "OVERWRITE" },
            job_title: { provider_field: "jobtitle", upsert: "OVERWRITE" },
            last_name: { provider_field: "lastname", upsert: "OVERWRITE" },
            phone_number: { provider_field: "phone", upsert: "OVERWRITE" },
          },
        },
      },
    },
  });
  await context.close();
});

test("(c) every selection flag off: provider, then review", async () => {
  const { context, page, pageErrors, posts } = await open({ schema: [{ endgrate_type: "crm-contact" }] });
  await atStep(page, "Choose a provider");
  await pickProvider(page, "Pipedrive");
  await connect(page);
  await expectRedirected(page, posts, pageErrors);
  assert.deepEqual(posts[0].body, {
    provider: "pipedrive",
    redirect_url: `${server.url}/done`,
    schema: [{ endgrate_type: "crm-contact" }],
    end_user_configuration: { schemas: { "crm-contact": { methods: { IMPORT: {}, EXPORT: {} } } } },
  });
  await context.close();
});

test("(d) category only: CRM providers, every CRM schema the provider offers", async () => {
  const { context, page, pageErrors, posts } = await open({ category: "CRM" });
  await atStep(page, "Choose a provider");
  await page.locator(".esw-provider").first().waitFor();
  const categories = await page.locator(".esw-provider__category").allTextContents();
  assert.deepEqual([...new Set(categories)], ["CRM"]);
  await pickProvider(page, "HubSpot");
  await connect(page);
  await expectRedirected(page, posts, pageErrors);
  const types = ["crm-company", "crm-contact", "crm-deal", "crm-note", "crm-task", "crm-ticket"];
  assert.deepEqual(posts[0].body, {
    category: "CRM",
    provider: "hubspot",
    redirect_url: `${server.url}/done`,
    schema: types.map((endgrate_type) => ({ endgrate_type })),
    end_user_configuration: { schemas: Object.fromEntries(types.map((t) => [t, { methods: { IMPORT: {}, EXPORT: {} } }])) },
  });
  await context.close();
});
