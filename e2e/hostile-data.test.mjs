// Hostile catalog data (security.md R6, R7, R21): names render as text, never markup; logo URLs
// outside the rule fall back to the monogram and are never requested; oversized and malformed
// bodies end in an error state, not a panic.
import { test } from "node:test";
import { browser, server, useServerAndBrowser } from "./support/suite.mjs";
import assert from "node:assert/strict";
import { newPage } from "./support/browser.mjs";
import { openHost } from "./support/host.mjs";

useServerAndBrowser();

const NAMES = [
  "<img src=x onerror=window.__xss=1>",
  '"><svg onload=window.__xss=1>',
  "</textarea><script>window.__xss=1</script>",
  '<a href="javascript:window.__xss=1">x</a>',
  "{{7*7}}",
  "${window.__xss=1}",
  "&lt;b&gt;",
  "\u202Eevil\u202C",
  "👩‍👩‍👧‍👦 Family",
];
const LOGOS = [
  "javascript:window.__xss=1",
  "JaVaScRiPt:window.__xss=1",
  "data:image/svg+xml,<svg onload=window.__xss=1>",
  "http://cdn.allowed.example/a.png",
  "//evil.example/t.gif",
  "https://evil.example/track.gif",
  "https://cdn.allowed.example@evil.example/x.png",
  "/logos/hubspot.svg",
  "https://evil.example/second.png",
];

const catalog = {
  providers: NAMES.map((display_name, i) => ({
    provider: { name: `p${i}`, display_name, image: LOGOS[i], endgrate_provider_type: "CRM" },
    integrations: [{ display_name: "Contact", endgrate_type: "crm-contact", supports_pull: true, supports_push: true }],
  })),
};

test("hostile names render as text and hostile logo URLs are never used", async () => {
  const { context, page, pageErrors } = await newPage(browser);
  const dialogs = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    dialog.dismiss();
  });
  const offOrigin = [];
  page.on("request", (request) => {
    if (!request.url().startsWith(server.url)) offOrigin.push(request.url());
  });
  await page.route("**/api/endgrate/api/integrations*", (route) =>
    route.fulfill({ contentType: "application/json", body: JSON.stringify(catalog) }),
  );
  await openHost(page, server.url, { session: { schema: [{ endgrate_type: "crm-contact" }] } });
  await page.locator(".esw-provider").first().waitFor({ timeout: 15_000 });
  const shown = await page.locator(".esw-provider__name").allTextContents();
  assert.deepEqual(shown.sort(), [...NAMES].sort());
  const images = await page.locator("#widget-root img").evaluateAll((els) => els.map((e) => e.getAttribute("src")));
  assert.deepEqual(images, ["/logos/hubspot.svg"], "only the same-origin logo is used");
  assert.equal(await page.locator("#widget-root img").getAttribute("referrerpolicy"), "no-referrer");
  assert.equal(await page.locator("#widget-root .esw-logo--fallback").count(), NAMES.length - 1);
  assert.equal(await page.locator("#widget-root svg, #widget-root script, #widget-root a").count(), 0);
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => window.__xss), undefined);
  assert.deepEqual(dialogs, []);
  assert.deepEqual(offOrigin, []);
  assert.deepEqual(pageErrors, []);
  await context.close();
});

for (const [name, body] of [
  ["truncated JSON", '{"providers": [{"provider": {"name": "a", "display_'],
  ["wrong types", '{"providers": [{"provider": {"name": 42, "display_name": null}}]}'],
  ["JSON nested 10,000 deep", "[".repeat(10_000) + "]".repeat(10_000)],
  ["a body over 1 MiB", JSON.stringify({ providers: [], padding: "x".repeat(1_100_000) })],
]) {
  test(`a catalog with ${name} ends in an error, not a panic`, async () => {
    const { context, page, pageErrors } = await newPage(browser);
    await page.route("**/api/endgrate/api/integrations*", (route) =>
      route.fulfill({ contentType: "application/json", body }),
    );
    await openHost(page, server.url, { session: { schema: [{ endgrate_type: "crm-contact" }] } });
    await page.getByRole("alert").waitFor({ timeout: 15_000 });
    assert.match(await page.getByRole("alert").textContent(), /couldn't understand/);
    const errors = await page.evaluate(() => window.__host.error);
    assert.deepEqual(errors.map((e) => e.code), ["response_invalid"]);
    assert.deepEqual(pageErrors, []);
    await context.close();
  });
}
