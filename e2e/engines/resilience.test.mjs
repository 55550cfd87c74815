// No lost work and no duplicate sessions in this engine: a reload in the middle of mapping keeps
// every choice (R24), five quick clicks on Connect send one request (R19, R34), a catalog that
// fails recovers by itself or through Retry (R16, R17) — the faults come from the test backend,
// so they are the same in every engine — and the mapping step's field choice swaps and undoes.
import { test } from "node:test";
import assert from "node:assert/strict";
import { ENGINE, atUrl, backend, expectClean, newBrowser, openHost, useEngine } from "./harness.mjs";
import {
  atStep,
  check,
  chooseProviderField,
  chooseUpsert,
  clickButton,
  connect,
  element,
  expectAccessible,
  isChecked,
  mappingShown,
  next,
  pickProvider,
  providerFieldOf,
  sleep,
  upsertOf,
} from "./ui.mjs";

useEngine();

const CATALOG = "/api/endgrate/api/integrations";
const SESSION = {
  schema: [{ endgrate_type: "crm-contact" }],
  schema_selection: true,
  field_selection: true,
  passthrough_fields: true,
};

async function open(session = SESSION) {
  const s = await newBrowser();
  await openHost(s, { session: { redirect_url: `${backend.url}/done`, ...session } });
  return s;
}

async function toMapping(s) {
  await pickProvider(s, "HubSpot");
  await atStep(s, "Choose what to sync");
  await check(s, "Pull into this app", false);
  await next(s);
  await atStep(s, "Map fields");
  await mappingShown(s, "First Name");
}

test(`${ENGINE}: a reload in the middle of mapping keeps every choice`, async () => {
  const s = await open();
  await toMapping(s);
  await chooseProviderField(s, "Phone Number", "Mobile Phone");
  await chooseProviderField(s, "Company", "");
  await chooseUpsert(s, "Email", "DO_NOT_UPDATE");
  await check(s, "Lead Status");
  await sleep(300);

  await s.refresh();
  await atStep(s, "Map fields");
  await mappingShown(s, "First Name");
  assert.equal(await providerFieldOf(s, "Phone Number"), "Mobile Phone");
  assert.equal(await providerFieldOf(s, "Company"), "");
  assert.equal(await providerFieldOf(s, "First Name"), "First Name");
  assert.equal(await upsertOf(s, "Email"), "DO_NOT_UPDATE");
  assert.equal(await isChecked(s, "Lead Status"), true);
  assert.equal(await isChecked(s, "Lifecycle Stage"), false);
  await expectClean(s);

  await next(s);
  await connect(s);
  await atUrl(s, /\/done\?session_id=/);
  assert.equal(backend.initiates.length, 1);
  const schema = backend.initiates[0].body.end_user_configuration.schemas["crm-contact"];
  assert.deepEqual(schema.methods, { EXPORT: {} });
  assert.deepEqual(schema.fields.phone_number, { provider_field: "mobilephone", upsert: "OVERWRITE" });
  assert.deepEqual(schema.fields.email, { provider_field: "email", upsert: "DO_NOT_UPDATE" });
  assert.equal(schema.fields.company, undefined);
  assert.deepEqual(schema.passthrough_fields, ["hs_lead_status"]);
  await s.close();
});

test(`${ENGINE}: five quick clicks on Connect send one request`, async () => {
  const s = await open({ schema: [{ endgrate_type: "crm-contact" }] });
  await pickProvider(s, "HubSpot");
  await atStep(s, "Review and connect");
  await sleep(600);
  await s.clickTimes(await element(s, "button", /^Connect$/), 5);
  await atUrl(s, /\/done\?session_id=/);
  await sleep(300);
  assert.equal(backend.initiates.length, 1, "one initiate request reached the backend");
  await s.close();
});

test(`${ENGINE}: a double click on the last Continue does not submit on the review step`, async () => {
  const s = await open();
  await toMapping(s);
  await s.clickTimes(await element(s, "button", /^Continue$/), 2);
  await atStep(s, "Review and connect");
  await sleep(700);
  assert.equal(backend.initiates.length, 0, "the second click of the double click must not connect");
  await expectClean(s);
  await s.close();
});

test(`${ENGINE}: a 500 then a 200 on the catalog recovers without the user doing anything`, async () => {
  const s = await newBrowser({ emptyCache: true });
  backend.fault(CATALOG, { times: 1, status: 500, body: '{"message":"boom"}' });
  await openHost(s, { session: { schema: [{ endgrate_type: "crm-contact" }] } });
  await element(s, "[role=option]", /HubSpot/);
  assert.equal(backend.calls.get(CATALOG), 2, "one failed and one good catalog request");
  await expectClean(s);
  await s.close();
});

test(`${ENGINE}: a catalog that keeps failing shows an error with Retry, and Retry recovers`, async () => {
  const s = await newBrowser({ emptyCache: true });
  const fault = backend.fault(CATALOG, { times: 1000, status: 503, body: "<html>proxy error</html>", contentType: "text/html" });
  await openHost(s, { session: { schema: [{ endgrate_type: "crm-contact" }] } });
  const alert = await element(s, "[role=alert]", /server had a problem/);
  assert.equal(backend.calls.get(CATALOG), 3, "three attempts before giving up");
  assert.notEqual(await s.exec(() => document.activeElement?.getAttribute("role")), "alert", "not focused at mount");
  assert.ok(alert);
  await expectAccessible(s, "catalog error");
  fault.clear();
  await clickButton(s, "Retry");
  await element(s, "[role=option]", /HubSpot/);
  await s.waitFor(() => document.activeElement?.textContent === "Choose a provider", [], { what: "focus on the step heading" });
  await expectClean(s);
  await s.close();
});

test(`${ENGINE}: choosing a field another row uses swaps the two rows, and Undo puts both back`, async () => {
  const s = await open({ schema: [{ endgrate_type: "crm-contact" }], provider: "hubspot", field_selection: true });
  await atStep(s, "Map fields");
  await mappingShown(s, "First Name");
  assert.equal(await providerFieldOf(s, "First Name"), "First Name");
  assert.equal(await providerFieldOf(s, "Last Name"), "Last Name");
  await chooseProviderField(s, "First Name", "Last Name");
  const status = await element(s, "[role=status]", /now maps to/);
  assert.ok(status);
  assert.equal(await providerFieldOf(s, "Last Name"), "First Name", "the other row got this row's field");
  await expectAccessible(s, "mapping with a swap notice");
  await clickButton(s, "Undo");
  assert.equal(await providerFieldOf(s, "First Name"), "First Name");
  assert.equal(await providerFieldOf(s, "Last Name"), "Last Name");
  await next(s);
  await connect(s);
  await atUrl(s, /\/done\?session_id=/);
  const fields = backend.initiates[0].body.end_user_configuration.schemas["crm-contact"].fields;
  // Pulled and pushed (HubSpot supports both), so each field carries the upsert default.
  assert.deepEqual(
    [fields.first_name, fields.last_name],
    [{ provider_field: "firstname", upsert: "OVERWRITE" }, { provider_field: "lastname", upsert: "OVERWRITE" }],
  );
  await s.close();
});
