// Case (a) completed with the keyboard alone in this engine (R39): Tab, arrows, Enter and Space
// sent as WebDriver key actions, no pointer.
import { test } from "node:test";
import assert from "node:assert/strict";
import { ENGINE, atUrl, backend, expectClean, newBrowser, openHost, useEngine } from "./harness.mjs";
import { atStep, isChecked, mappingShown, sleep } from "./ui.mjs";

useEngine();

/** What has focus: its name (aria-label, labels or own text), its kind and id. */
const focused = () => {
  const el = document.activeElement;
  const labels = el?.labels ? [...el.labels].map((l) => l.textContent).join(" ") : "";
  const own = el?.tagName === "SELECT" ? "" : el?.textContent;
  return {
    name: [el?.getAttribute("aria-label"), labels, own].filter(Boolean).join(" | "),
    kind: el?.type || el?.tagName.toLowerCase(),
    id: el?.id,
    value: el?.value,
  };
};

/** Presses Tab until the focused element's name matches `pattern` (and its kind is `kind`). */
async function tabTo(s, pattern, kind) {
  const seen = [];
  for (let i = 0; i < 80; i++) {
    await s.press("Tab");
    const now = await s.exec(focused);
    seen.push(now.name.slice(0, 40));
    if (pattern.test(now.name) && (!kind || now.kind === kind)) return now;
  }
  throw new Error(`${ENGINE}: no focusable element matching ${pattern}; Tab visited: ${seen.join(" / ")}`);
}

test(`${ENGINE}: case (a) completes with the keyboard alone`, async () => {
  const s = await newBrowser();
  await openHost(s, {
    session: {
      schema: [{ endgrate_type: "crm-contact" }],
      schema_selection: true,
      resource_selection: true,
      field_selection: true,
      passthrough_fields: true,
      redirect_url: `${backend.url}/done`,
    },
  });
  await s.waitFor(() => document.querySelector(".esw-provider"), [], { what: "the provider list" });

  await tabTo(s, /Search providers/);
  await s.press("hubs");
  await tabTo(s, /HubSpot/);
  await s.press("Enter");

  await atStep(s, "Choose what to sync");
  await tabTo(s, /Pull into this app/, "checkbox");
  await s.press("Space");
  assert.equal(await isChecked(s, "Pull into this app"), false);
  assert.equal(await isChecked(s, "Push to the provider"), true);
  assert.equal((await s.exec(focused)).kind, "checkbox", "focus stays on the checkbox");
  await tabTo(s, /^Continue$/);
  await s.press("Enter");

  await atStep(s, "Choose resources");
  await tabTo(s, /^Continue$/);
  await s.press("Enter");

  await atStep(s, "Map fields");
  await mappingShown(s, "Phone Number");
  await tabTo(s, /Phone Number\s*phone_number/);
  // The field picker: type to filter, the first match is active, Enter picks it.
  await s.press("mobile");
  await s.press("Enter");
  const picked = await s.exec(() => ({ id: document.activeElement.id, value: document.activeElement.value }));
  assert.match(picked.id, /^esw\d+-map-0-\d+$/, "focus stays in the row's picker");
  assert.equal(picked.value, "Mobile Phone");
  await tabTo(s, /Lifecycle Stage/, "checkbox");
  await s.press("Space");
  await tabTo(s, /^Continue$/);
  await s.press("Enter");

  await atStep(s, "Review and connect");
  await expectClean(s);
  await sleep(600);
  await tabTo(s, /^Connect$/);
  await s.press("Enter");

  await atUrl(s, /\/done\?session_id=/);
  assert.equal(backend.initiates.length, 1);
  const schema = backend.initiates[0].body.end_user_configuration.schemas["crm-contact"];
  assert.deepEqual(schema.methods, { EXPORT: { integration: "create-contacts" } });
  assert.equal(schema.fields.phone_number.provider_field, "mobilephone");
  assert.deepEqual(schema.passthrough_fields, ["lifecyclestage"]);
  await s.close();
});
