// Cookies on the widget's requests (security.md R32): none by default, even to its own origin;
// with `credentials: "same-origin"` the page's own cookies go to its own backend, on the catalog,
// the field catalog and the initiate POST alike.
import { test } from "node:test";
import assert from "node:assert/strict";
import { browser, server, useServerAndBrowser } from "./support/suite.mjs";
import { newPage } from "./support/browser.mjs";
import { openHost } from "./support/host.mjs";
import { atStep, connect, next, pickProvider } from "./support/flow.mjs";

useServerAndBrowser();

/** Runs the flow with `options` on a page whose origin has a session cookie; returns the cookie
 * header each backend request carried, by path. */
async function cookiesSent(options) {
  const { context, page, pageErrors } = await newPage(browser);
  await context.addCookies([{ name: "host_session", value: "u42", url: server.url }]);
  const seen = [];
  page.on("request", async (request) => {
    const path = new URL(request.url()).pathname;
    if (!path.startsWith("/api/")) return;
    seen.push(request.allHeaders().then((headers) => [path, headers.cookie ?? null]));
  });
  await openHost(page, server.url, { after: "none", ...options, session: { schema: [{ endgrate_type: "crm-contact" }], field_selection: true } });
  await pickProvider(page, "HubSpot");
  await atStep(page, "Map fields");
  await next(page);
  await connect(page);
  await atStep(page, "Connected");
  assert.deepEqual(pageErrors, []);
  const result = await Promise.all(seen);
  await context.close();
  return result;
}

test("by default no request carries the page's cookies, not even to its own origin", async () => {
  const sent = await cookiesSent({});
  assert.deepEqual(
    [...new Set(sent.map(([path]) => path))].sort(),
    ["/api/endgrate/api/fields", "/api/endgrate/api/integrations", "/api/endgrate/session/initiate"],
  );
  assert.deepEqual(sent.filter(([, cookie]) => cookie !== null), []);
});

test("credentials: \"same-origin\" sends the page's own cookies to its own backend", async () => {
  const sent = await cookiesSent({ credentials: "same-origin" });
  assert.ok(sent.length >= 3, JSON.stringify(sent));
  assert.deepEqual(sent.filter(([, cookie]) => cookie !== "host_session=u42"), []);
});
