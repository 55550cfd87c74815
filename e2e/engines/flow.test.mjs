// The four option shapes of the flow in this engine, through the real server: the exact body the
// backend received, one request with a UUIDv4 Idempotency-Key, the final URL, no page error, and
// axe at every step of case (a). Also the mapping step's screenshot of this engine.
import { test } from "node:test";
import assert from "node:assert/strict";
import { ENGINE, atUrl, backend, expectClean, newBrowser, openHost, shotPath, useEngine } from "./harness.mjs";
import {
  atStep,
  check,
  chooseProviderField,
  chooseUpsert,
  connect,
  element,
  expectAccessible,
  mappingShown,
  next,
  pickProvider,
  providerFieldOf,
} from "./ui.mjs";

useEngine();

async function open(session) {
  const s = await newBrowser();
  await openHost(s, { after: "redirect", session: { redirect_url: `${backend.url}/done`, ...session } });
  assert.equal(await s.exec(() => window.__host.mount), "ok");
  return s;
}

/** After Connect: the page went to redirect_url?session_id=…, after exactly one request. */
async function expectRedirected(s) {
  const url = await atUrl(s, /\/done\?session_id=/);
  assert.equal(url.origin + url.pathname, `${backend.url}/done`);
  assert.match(url.searchParams.get("session_id"), /^[0-9a-f]{24}$/);
  assert.equal(backend.initiates.length, 1, "exactly one initiate request");
  assert.match(backend.initiates[0].key, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  return backend.initiates[0].body;
}

test(`${ENGINE}: (a) every selection flag on with passthrough fields, axe at every step`, async () => {
  const s = await open({
    schema: [{ endgrate_type: "crm-contact" }],
    schema_selection: true,
    resource_selection: true,
    field_selection: true,
    passthrough_fields: true,
    default_upsert_setting: "SET_IF_NOT_SET",
  });
  await atStep(s, "Choose a provider");
  await s.waitFor(() => document.querySelector(".esw-provider"));
  await expectAccessible(s, "provider");
  await pickProvider(s, "HubSpot", "hubs");

  await atStep(s, "Choose what to sync");
  // Both directions start checked; this flow pushes only.
  await check(s, "Pull into this app", false);
  await expectAccessible(s, "schemas");
  await next(s);

  await atStep(s, "Choose resources");
  assert.equal(await s.exec(() => document.querySelectorAll("#widget-root select").length), 0, "one fitting integration is stated, not asked");
  assert.equal(await s.exec(() => document.querySelector(".esw-resource").textContent), "Push to the provider Create Contacts");
  await expectAccessible(s, "resources");
  await next(s);

  await atStep(s, "Map fields");
  await mappingShown(s, "First Name");
  assert.equal(await providerFieldOf(s, "First Name"), "First Name", "suggestion preselected");
  await chooseProviderField(s, "Phone Number", "Mobile Phone");
  await chooseUpsert(s, "Email", "OVERWRITE");
  await check(s, "Lifecycle Stage");
  await expectAccessible(s, "mapping");
  await s.exec(() => document.querySelector("h2").scrollIntoView());
  await s.screenshot(shotPath("mapping"));
  await next(s);

  await atStep(s, "Review and connect");
  await expectAccessible(s, "review");
  await expectClean(s);
  await connect(s);
  const body = await expectRedirected(s);
  const upsert = "SET_IF_NOT_SET";
  assert.deepEqual(body, {
    schema: [{ endgrate_type: "crm-contact" }],
    schema_selection: true,
    resource_selection: true,
    field_selection: true,
    passthrough_fields: true,
    default_upsert_setting: upsert,
    redirect_url: `${backend.url}/done`,
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
  await s.close();
});

test(`${ENGINE}: (b) provider preset with field selection only starts at mapping, pulled and pushed, with upsert`, async () => {
  const s = await open({ schema: [{ endgrate_type: "crm-contact" }], provider: "hubspot", field_selection: true });
  await atStep(s, "Map fields");
  await mappingShown(s, "Email");
  assert.equal(await s.exec(() => document.querySelector(".esw-eyebrow").textContent), "Step 1 of 2");
  assert.equal(
    await s.exec(() => [...document.querySelectorAll("select")].filter((el) => /When the field already has data/.test(el.getAttribute("aria-label") ?? "")).length),
    8,
    "without schema_selection the schema is pulled and pushed: every mapped field has the upsert choice",
  );
  await expectAccessible(s, "mapping (pull and push)");
  await next(s);
  await connect(s);
  const body = await expectRedirected(s);
  assert.deepEqual(body, {
    field_selection: true,
    provider: "hubspot",
    redirect_url: `${backend.url}/done`,
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
  await s.close();
});

test(`${ENGINE}: (c) every selection flag off: provider, then review`, async () => {
  const s = await open({ schema: [{ endgrate_type: "crm-contact" }] });
  await atStep(s, "Choose a provider");
  await pickProvider(s, "Pipedrive");
  await connect(s);
  const body = await expectRedirected(s);
  assert.deepEqual(body, {
    provider: "pipedrive",
    redirect_url: `${backend.url}/done`,
    schema: [{ endgrate_type: "crm-contact" }],
    end_user_configuration: { schemas: { "crm-contact": { methods: { IMPORT: {}, EXPORT: {} } } } },
  });
  await s.close();
});

test(`${ENGINE}: (d) category only: CRM providers, every CRM schema the provider offers`, async () => {
  const s = await open({ category: "CRM" });
  await atStep(s, "Choose a provider");
  await s.waitFor(() => document.querySelector(".esw-provider"));
  const categories = await s.exec(() => [...document.querySelectorAll(".esw-provider__category")].map((el) => el.textContent));
  assert.deepEqual([...new Set(categories)], ["CRM"]);
  await pickProvider(s, "HubSpot");
  await connect(s);
  const body = await expectRedirected(s);
  const types = ["crm-company", "crm-contact", "crm-deal", "crm-note", "crm-task", "crm-ticket"];
  assert.deepEqual(body, {
    category: "CRM",
    provider: "hubspot",
    redirect_url: `${backend.url}/done`,
    schema: types.map((endgrate_type) => ({ endgrate_type })),
    end_user_configuration: { schemas: Object.fromEntries(types.map((t) => [t, { methods: { IMPORT: {}, EXPORT: {} } }])) },
  });
  await s.close();
});
