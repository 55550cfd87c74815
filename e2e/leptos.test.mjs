// The Leptos channel: examples/leptos_app.rs, a Rust app embedding <SessionWidget/>, completes the
// flow against the reference server and hears the outcome on its Rust callback.
import { test } from "node:test";
import { browser, server, useServerAndBrowser } from "./support/suite.mjs";
import assert from "node:assert/strict";
import { newPage, screenshotPath } from "./support/browser.mjs";
import { recordInitiates, atStep, next, connect, pickProvider } from "./support/flow.mjs";

useServerAndBrowser();

test("a Leptos app completes the flow through <SessionWidget/>", async () => {
  const { context, page, pageErrors } = await newPage(browser);
  const posts = recordInitiates(page);
  await page.goto(`${server.url}/leptos-example/`);
  await page.getByRole("heading", { level: 1, name: "Integrations" }).waitFor({ timeout: 20_000 });
  await pickProvider(page, "HubSpot");
  await atStep(page, "Map fields");
  await page.getByRole("combobox", { name: /^Email/ }).first().waitFor();
  await next(page);
  await connect(page);
  await page.getByRole("heading", { level: 2, name: "Connected" }).waitFor();
  const status = await page.getByRole("status").first().textContent();
  assert.match(status, /^Connected: "[0-9a-f]{24}"$/, "the app's Rust callback heard success");
  assert.equal(posts.length, 1);
  assert.equal(posts[0].body.provider, "hubspot");
  assert.ok(posts[0].body.end_user_configuration.schemas["crm-contact"].fields.email);
  await page.screenshot({ path: screenshotPath("leptos-app-done"), fullPage: true });
  assert.deepEqual(pageErrors, []);
  await context.close();
});
