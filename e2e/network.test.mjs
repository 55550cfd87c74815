// Network adversity (security.md R15, R16, R22): offline is detected without sending anything and
// recovers with the same idempotency key; a request that hangs ends at its timeout with Retry; a
// 400 is an answer, not something to retry.
import { test } from "node:test";
import { browser, server, useServerAndBrowser } from "./support/suite.mjs";
import assert from "node:assert/strict";
import { newPage } from "./support/browser.mjs";
import { openHost } from "./support/host.mjs";
import { recordInitiates, connect, pickProvider } from "./support/flow.mjs";

useServerAndBrowser();

const SESSION = { schema: [{ endgrate_type: "crm-contact" }] };

async function open(page) {
  await page.route(`${server.url}/done*`, (route) => route.fulfill({ contentType: "text/html", body: "done" }));
  await openHost(page, server.url, { session: { redirect_url: `${server.url}/done`, ...SESSION } });
}

test("offline at Connect: a clear message, no request, and Retry online reuses the key", async () => {
  const { context, page, pageErrors } = await newPage(browser);
  const posts = recordInitiates(page);
  await open(page);
  await pickProvider(page, "HubSpot");
  await context.setOffline(true);
  await connect(page);
  const alert = page.getByRole("alert");
  await alert.waitFor();
  assert.match(await alert.textContent(), /You're offline/);
  assert.equal(posts.length, 0, "nothing is sent while offline");
  await context.setOffline(false);
  await page.getByRole("button", { name: "Retry" }).click();
  await page.waitForURL(/\/done\?session_id=/);
  assert.equal(posts.length, 1);
  const errors = await page.evaluate(() => JSON.stringify(sessionStorage));
  assert.ok(errors.length > 0);
  assert.deepEqual(pageErrors, []);
  await context.close();
});

test("an initiate that never answers ends at the 20 s timeout with Retry, then succeeds with the same key", async () => {
  const { context, page, pageErrors } = await newPage(browser);
  await page.clock.install();
  const posts = recordInitiates(page);
  let hang = true;
  await page.route("**/session/initiate", (route) => (hang ? undefined : route.continue()));
  await open(page);
  await pickProvider(page, "HubSpot");
  await page.getByRole("heading", { level: 2, name: "Review and connect" }).waitFor();
  await page.clock.runFor(1_000);
  await page.getByRole("button", { name: "Connect" }).click();
  await page.getByRole("status").filter({ hasText: "Connecting" }).waitFor();
  await page.clock.runFor(20_500);
  const alert = page.getByRole("alert");
  await alert.waitFor();
  assert.match(await alert.textContent(), /took too long/);
  hang = false;
  await page.getByRole("button", { name: "Retry" }).click();
  await page.waitForURL(/\/done\?session_id=/);
  assert.equal(posts.length, 2);
  assert.equal(posts[0].key, posts[1].key, "a retry keeps the idempotency key");
  assert.deepEqual(pageErrors, []);
  await context.close();
});

test("a 400 on the catalog is not retried", async () => {
  const { context, page, pageErrors } = await newPage(browser);
  let calls = 0;
  await page.route("**/api/endgrate/api/integrations*", (route) => {
    calls += 1;
    return route.fulfill({ status: 400, contentType: "application/json", body: '{"message":"bad category"}' });
  });
  await open(page);
  await page.getByRole("alert").waitFor({ timeout: 15_000 });
  await page.waitForTimeout(1_500);
  assert.equal(calls, 1);
  assert.deepEqual(pageErrors, []);
  await context.close();
});

test("an expired session offers Start again, which keeps the choices and uses a new key", async () => {
  const { context, page, pageErrors } = await newPage(browser);
  const posts = recordInitiates(page);
  let expired = true;
  await page.route("**/session/initiate", (route) => {
    if (!expired) return route.continue();
    expired = false;
    return route.fulfill({ status: 401, contentType: "application/json", body: '{"message":"Session expired","code":"session_expired"}' });
  });
  await open(page);
  await pickProvider(page, "Pipedrive");
  await connect(page);
  await page.getByRole("alert").waitFor();
  assert.match(await page.getByRole("alert").textContent(), /expired/);
  const errors = await page.evaluate(() => window.__host.error.map((e) => e.code));
  assert.deepEqual(errors, ["session_expired"]);
  await page.getByRole("button", { name: "Start again" }).click();
  await page.getByRole("option", { name: /Pipedrive/, selected: true }).waitFor();
  await page.getByRole("button", { name: "Continue" }).click();
  await connect(page);
  await page.waitForURL(/\/done\?session_id=/);
  assert.equal(posts.length, 2);
  assert.notEqual(posts[0].key, posts[1].key, "starting again is a new submission intent");
  assert.equal(posts[1].body.provider, "pipedrive");
  assert.deepEqual(pageErrors, []);
  await context.close();
});

test("Back after success shows the finished state and sends nothing (R28)", async () => {
  const { context, page, pageErrors } = await newPage(browser);
  const posts = recordInitiates(page);
  await open(page);
  await pickProvider(page, "HubSpot");
  await connect(page);
  await page.waitForURL(/\/done\?session_id=/);
  await page.goBack();
  await page.getByRole("heading", { level: 2, name: "Connected" }).waitFor();
  await page.waitForTimeout(500);
  assert.equal(posts.length, 1);
  assert.deepEqual(pageErrors, []);
  await context.close();
});
