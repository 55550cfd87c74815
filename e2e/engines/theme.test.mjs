// The theme's colours are what this engine paints, not only what the CSS says: the mapping step's
// selects and the provider search box, screenshot by the driver, have the widget's own background
// in light and dark mode. (WebKitGTK paints a <select> with its native look, a light grey fill,
// unless the widget opts out of it: in dark mode that left light text on light grey.)
import { test } from "node:test";
import assert from "node:assert/strict";
import { ENGINE, newBrowser, openHost, useEngine } from "./harness.mjs";
import { element, mappingShown } from "./ui.mjs";
import { dominantColour } from "../support/png.mjs";

useEngine();

const BACKGROUND = { light: [0xff, 0xff, 0xff], dark: [0x15, 0x18, 0x21] };

/** The colour the engine painted most of `el` with. */
async function painted(s, el) {
  const { png, rect } = await s.elementInScreenshot(el);
  return dominantColour(png, rect);
}

const close = (a, b) => a.every((v, i) => Math.abs(v - b[i]) <= 12);

for (const mode of ["light", "dark"]) {
  test(`${ENGINE}: in ${mode} mode the selects and the search box are painted on the theme's background`, async () => {
    const s = await newBrowser();
    await openHost(s, { theme: { mode }, session: { schema: [{ endgrate_type: "crm-contact" }], field_selection: true } });
    const search = await element(s, "input", /Search providers/);
    const colours = { search: await painted(s, search) };
    await s.click(await element(s, "[role=option]", /HubSpot/));
    await mappingShown(s, "First Name");
    colours.select = await painted(s, await element(s, "select", /^First Name/));
    for (const [what, colour] of Object.entries(colours)) {
      assert.ok(close(colour, BACKGROUND[mode]), `${ENGINE}: the ${what} is painted rgb(${colour}), expected about rgb(${BACKGROUND[mode]})`);
    }
  });
}
