// The Trunk demo channel: what `trunk build` makes of index.html (Trunk's loader, the demo with its
// options panel) completes the flow when served beside the reference server's API.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { startServer } from "./support/server.mjs";
import { launchBrowser, newPage } from "./support/browser.mjs";
import { recordInitiates, connect, pickProvider } from "./support/flow.mjs";

const TRUNK_DIST = resolve(process.env.CARGO_TARGET_DIR ?? join(import.meta.dirname, "..", "target"), "trunk-dist");

let server;
let browser;
before(async () => {
  assert.ok(existsSync(join(TRUNK_DIST, "index.html")), `run trunk build first (${TRUNK_DIST})`);
  server = await startServer({ staticDir: TRUNK_DIST });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

test("the Trunk-built demo completes the flow", async () => {
  const { context, page, pageErrors } = await newPage(browser);
  const posts = recordInitiates(page);
  await page.goto(`${server.url}/`);
  await pickProvider(page, "HubSpot");
  for (const step of ["Choose what to sync", "Choose resources", "Map fields"]) {
    await page.getByRole("heading", { level: 2, name: step }).waitFor();
    if (step === "Map fields") await page.getByRole("combobox", { name: /^Email/ }).first().waitFor();
    await page.getByRole("button", { name: "Continue" }).click();
  }
  await connect(page);
  await page.waitForURL(/\/session\?session_id=/);
  assert.equal(posts.length, 1);
  assert.equal(posts[0].body.provider, "hubspot");
  assert.deepEqual(pageErrors, []);
  await context.close();
});
