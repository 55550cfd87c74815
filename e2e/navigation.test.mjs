// Navigation that the browser refuses is never silent (R14): a widget whose page sits in a
// sandboxed frame cannot send the tab on, so it shows a Continue link to the validated URL and
// tells the host once with `navigation_blocked`.
import { test } from "node:test";
import assert from "node:assert/strict";
import { browser, server, useServerAndBrowser } from "./support/suite.mjs";
import { newPage, screenshotPath } from "./support/browser.mjs";
import { hostPage } from "./support/host.mjs";
import { connect, pickProvider } from "./support/flow.mjs";

useServerAndBrowser();

test("in a sandboxed frame without top navigation, the redirect becomes a visible Continue link", async () => {
  const { context, page, pageErrors } = await newPage(browser);
  const options = {
    after: "redirect",
    session: { redirect_url: `${server.url}/done`, schema: [{ endgrate_type: "crm-contact" }], field_selection: true },
  };
  await page.route(`${server.url}/framed-host.html`, (route) =>
    route.fulfill({ contentType: "text/html", body: hostPage(options) }),
  );
  await page.route(`${server.url}/outer.html`, (route) =>
    route.fulfill({
      contentType: "text/html",
      body: `<!doctype html><title>Portal</title>
        <iframe title="App" sandbox="allow-scripts allow-same-origin" src="/framed-host.html"
          style="width: 900px; height: 760px; border: 0"></iframe>`,
    }),
  );
  await page.goto(`${server.url}/outer.html`);
  const frame = page.frames().find((f) => f.url().endsWith("/framed-host.html")) ??
    (await page.waitForEvent("frameattached"));
  await frame.waitForFunction(() => window.__host && window.__host.mount !== "pending");

  await pickProvider(frame, "HubSpot");
  await frame.getByRole("heading", { level: 2, name: "Map fields" }).waitFor();
  await frame.getByRole("button", { name: "Continue" }).click();
  await connect(frame);

  const link = frame.getByRole("link", { name: "Continue" });
  await link.waitFor({ timeout: 5_000 });
  const href = new URL(await link.getAttribute("href"));
  assert.equal(href.origin + href.pathname, `${server.url}/done`);
  assert.match(href.searchParams.get("session_id"), /^[0-9a-f]{24}$/);
  assert.equal(await link.getAttribute("target"), "_blank");
  assert.match(await link.getAttribute("rel"), /noopener/);
  assert.equal(page.url(), `${server.url}/outer.html`, "the tab stayed where it was");

  const host = await frame.evaluate(() => window.__host);
  assert.deepEqual(host.events.filter((e) => e.type === "navigation_blocked"), [{ type: "navigation_blocked" }]);
  assert.equal(host.success.length, 1, "the session was still created once");
  await page.screenshot({ path: screenshotPath("navigation-blocked-1280"), fullPage: true });
  assert.deepEqual(pageErrors, []);
  await context.close();
});

test("a return's session_id and state leave the address bar before the widget's first request (R4)", async () => {
  const { context, page, pageErrors } = await newPage(browser);
  const catalogReferers = [];
  page.on("request", (request) => {
    if (request.url().includes("/api/endgrate/api/integrations")) catalogReferers.push(request.headers()["referer"] ?? "");
  });
  await page.route(/\/return-host\.html/, (route) =>
    route.fulfill({ contentType: "text/html", body: hostPage({ session: { schema: [{ endgrate_type: "crm-contact" }] } }) }),
  );
  await page.goto(`${server.url}/return-host.html?keep=1&session_id=SENTINEL4&state=SENTINEL5#step`);
  await page.waitForFunction(() => window.__host && window.__host.mount !== "pending");
  await page.locator(".esw-provider").first().waitFor({ timeout: 15_000 });

  assert.equal(page.url(), `${server.url}/return-host.html?keep=1#step`, "only the return parameters are gone");
  assert.ok(catalogReferers.length > 0, "the catalog was requested");
  for (const referer of catalogReferers) assert.ok(!/SENTINEL/.test(referer), `referer ${referer}`);
  assert.deepEqual(pageErrors, []);
  await context.close();
});
