// Drives the widget's flow the way a person does (by role and visible name) and records what
// crosses the network: every initiate POST with its body and Idempotency-Key.
import AxeBuilder from "@axe-core/playwright";
import assert from "node:assert/strict";

/** Records initiate POSTs: `{ body, key }` for each. */
export function recordInitiates(page) {
  const posts = [];
  page.on("request", (request) => {
    if (request.method() === "POST" && request.url().endsWith("/session/initiate")) {
      posts.push({ body: JSON.parse(request.postData()), key: request.headers()["idempotency-key"] });
    }
  });
  return posts;
}

/** Waits until the widget shows the step whose heading is `name`. */
export async function atStep(page, name) {
  await page.getByRole("heading", { level: 2, name }).waitFor({ timeout: 15_000 });
}

/** Clicks Continue. */
export const next = (page) => page.getByRole("button", { name: "Continue" }).click();

/** Clicks Connect once the review step's double-click guard has passed. */
export async function connect(page) {
  await atStep(page, "Review and connect");
  await page.waitForTimeout(600);
  await page.getByRole("button", { name: "Connect" }).click();
}

/** Picks a provider from the list by its visible name (picking moves on). */
export async function pickProvider(page, name, search) {
  await page.locator(".esw-provider").first().waitFor({ timeout: 15_000 });
  if (search) await page.getByLabel("Search providers").fill(search);
  await page.getByRole("option", { name: new RegExp(name) }).click();
}

/** axe finds no WCAG 2.1 A/AA violation inside the widget (R38). */
export async function expectAccessible(page, where) {
  const results = await new AxeBuilder({ page })
    .include("#widget-root")
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(", ")}`);
  assert.deepEqual(summary, [], `axe violations at ${where}`);
}

/** The mapping select of one app field, by the field's visible label. */
export const mappingSelect = (page, label) => page.getByRole("combobox", { name: new RegExp(`^${label}`) }).first();
