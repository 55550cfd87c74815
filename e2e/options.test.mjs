// Options are validated at mount, before any request (security.md R1, R10): a secret-looking or
// invalid option is refused with an error naming it, onError fires once, the end user sees one
// sentence, and the network stays silent.
import { test } from "node:test";
import { browser, server, useServerAndBrowser } from "./support/suite.mjs";
import assert from "node:assert/strict";
import { newPage } from "./support/browser.mjs";
import { openHost, hostRecord } from "./support/host.mjs";

useServerAndBrowser();

const BAD_OPTIONS = [
  { options: { apiKey: "eg_live_SENTINEL" }, code: "config_invalid", field: "apiKey" },
  { options: { session: { api_key: "eg_live_SENTINEL" } }, code: "config_invalid", field: "session.api_key" },
  { options: { authorization: "Bearer SENTINEL" }, code: "config_invalid", field: "authorization" },
  {
    options: { initiateUrl: "https://endgrate.com/api/session/initiate" },
    code: "config_invalid",
    field: "initiateUrl",
  },
  { options: { session: { redirect_url: "javascript:alert(1)" } }, code: "redirect_not_allowed", field: "session.redirect_url" },
  { options: { session: { redirect_url: "https://evil.example/done" } }, code: "redirect_not_allowed", field: "session.redirect_url" },
  { options: { session: { default_upsert_setting: "MERGE" } }, code: "config_invalid", field: "session.default_upsert_setting" },
  { options: { theme: { colorPrimary: "red;background:url(https://evil.example/x)" } }, code: "config_invalid", field: "theme.colorPrimary" },
  { options: { sesion: {} }, code: "config_invalid", field: "sesion" },
];

for (const { options, code, field } of BAD_OPTIONS) {
  test(`refuses ${JSON.stringify(options)} with ${code} on ${field} before any request`, async () => {
    const { context, page, pageErrors } = await newPage(browser);
    const apiRequests = [];
    page.on("request", (request) => {
      if (new URL(request.url()).pathname.startsWith("/api/")) apiRequests.push(request.url());
    });
    await openHost(page, server.url, options);
    const host = await hostRecord(page);
    assert.match(host.mount, /^rejected: /);
    assert.ok(host.mount.includes(field), `message should name ${field}: ${host.mount}`);
    assert.equal(host.error.length, 1, "onError fires exactly once");
    assert.equal(host.error[0].code, code);
    assert.equal(host.error[0].field, field);
    assert.equal(host.events.length, 1, "onEvent sees the same single error");
    await page.getByRole("alert").waitFor();
    assert.match(await page.getByRole("alert").textContent(), /isn't configured correctly/);
    assert.deepEqual(apiRequests, []);
    assert.ok(!(await page.locator("#widget-root").innerHTML()).includes("SENTINEL"), "no secret rendered");
    assert.deepEqual(pageErrors, []);
    await context.close();
  });
}
