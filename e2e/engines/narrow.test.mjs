// The phone layout in this engine: in a window narrower than the widget's 560 px breakpoint (the
// narrowest each engine's window goes: 390 px in Chromium, about 500 in Firefox and 450 in
// WebKitGTK), the pushed mapping step fits without a horizontal scroll, passes axe, and the flow
// completes with the choice made there.
import { test } from "node:test";
import assert from "node:assert/strict";
import { ENGINE, atUrl, backend, expectClean, newBrowser, openHost, shotPath, useEngine } from "./harness.mjs";
import { atStep, check, chooseProviderField, connect, expectAccessible, mappingShown, next } from "./ui.mjs";

useEngine();

test(`${ENGINE}: the pushed mapping step fits a narrow window and completes`, async () => {
  const s = await newBrowser();
  await s.setWindowSize(390, 844);
  const width = await s.exec(() => window.innerWidth);
  assert.ok(width <= 560, `${ENGINE}: the window is ${width} px wide, not below the breakpoint`);
  await openHost(s, {
    session: {
      provider: "hubspot",
      schema: [{ endgrate_type: "crm-contact" }],
      schema_selection: true,
      field_selection: true,
      redirect_url: `${backend.url}/done`,
    },
  });
  await atStep(s, "Choose what to sync");
  await check(s, "Pull into this app", false);
  await next(s);
  await atStep(s, "Map fields");
  await mappingShown(s, "Phone Number");
  await chooseProviderField(s, "Phone Number", "Mobile Phone");
  const overflow = await s.exec(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `${ENGINE}: the page scrolls sideways by ${overflow} px at ${width} px`);
  await expectAccessible(s, `mapping at ${width} px`);
  await s.exec(() => document.querySelector("h2").scrollIntoView());
  await s.screenshot(shotPath("mapping-narrow"));
  await expectClean(s);
  await next(s);
  await connect(s);
  await atUrl(s, /\/done\?session_id=/);
  const schema = backend.initiates[0].body.end_user_configuration.schemas["crm-contact"];
  assert.deepEqual(schema.methods, { EXPORT: {} });
  assert.deepEqual(schema.fields.phone_number, { provider_field: "mobilephone", upsert: "OVERWRITE" });
});
