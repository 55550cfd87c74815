// Connect's double-click guard (security.md R34, issue 13 point 4): for half a second after the
// review appears Connect is aria-disabled and looks it, and a click then gets a status line
// instead of vanishing; afterwards one click connects once.
import { test } from "node:test";
import { browser, server, useServerAndBrowser } from "./support/suite.mjs";
import assert from "node:assert/strict";
import { newPage, screenshotPath } from "./support/browser.mjs";
import { hostPage, hostRecord, openHost } from "./support/host.mjs";
import { atStep, next, pickProvider, recordInitiates } from "./support/flow.mjs";

useServerAndBrowser();

const CONTACT = { schema: [{ endgrate_type: "crm-contact" }] };

test("Connect looks disabled for its double-click guard and answers a click in it", async () => {
  const { context, page, pageErrors } = await newPage(browser);
  const posts = recordInitiates(page);
  await openHost(page, server.url, { after: "none", session: CONTACT });
  await pickProvider(page, "HubSpot");
  await atStep(page, "Review and connect");
  const connect = page.getByRole("button", { name: "Connect" });
  assert.equal(await connect.getAttribute("aria-disabled"), "true", "disabled while the guard holds");
  assert.ok(Number(await connect.evaluate((b) => getComputedStyle(b).opacity)) < 1, "and looks it");
  // Playwright waits for an aria-disabled button to be enabled; a person does not.
  await connect.click({ force: true });
  await page.getByRole("status").filter({ hasText: "Connect is ready in a moment" }).waitFor();
  await page.waitForFunction(() =>
    [...document.querySelectorAll("button")].some((b) => b.textContent === "Connect" && b.getAttribute("aria-disabled") === "false"),
  );
  assert.equal(posts.length, 0, "the early click sent nothing");
  assert.equal(await page.getByText("Connect is ready in a moment").count(), 0, "the line goes when Connect is ready");
  await connect.click();
  await atStep(page, "Connected");
  assert.equal(posts.length, 1);
  assert.deepEqual(pageErrors, []);
  await context.close();
});
