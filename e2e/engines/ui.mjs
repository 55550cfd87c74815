// How the cross-engine scenarios see and drive the widget, over WebDriver: elements found by what
// a person sees (role and visible name), clicked and typed to through the driver. Everything that
// depends on today's markup of a step lives here, so a changed control is adapted in one place;
// the mapping step's field choice in particular is only `chooseProviderField` and
// `providerFieldOf`.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";

const AXE = readFileSync(resolve(import.meta.dirname, "..", "..", "node_modules", "axe-core", "axe.min.js"), "utf8");

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** In the page: the first element matching `selector` whose accessible name (aria-label, its
 * labels' text, or its own text) matches the regular expression `source`. */
function findByName(selector, source, flags) {
  const pattern = new RegExp(source, flags);
  const nameOf = (el) => {
    const label = el.getAttribute("aria-label");
    if (label) return label.trim();
    const labelledby = el.getAttribute("aria-labelledby");
    if (labelledby) {
      return labelledby.split(/\s+/).map((id) => document.getElementById(id)?.textContent ?? "").join(" ").replace(/\s+/g, " ").trim();
    }
    const labels = el.labels ? [...el.labels].map((l) => l.textContent).join(" ") : "";
    if (labels.trim()) return labels.replace(/\s+/g, " ").trim();
    return (el.textContent ?? "").replace(/\s+/g, " ").trim();
  };
  return [...document.querySelectorAll(selector)].find((el) => pattern.test(nameOf(el)) && el.getClientRects().length > 0) ?? null;
}

/** Waits for, and returns, the element of `selector` whose name matches `pattern`. */
export function element(s, selector, pattern, timeout = 15_000) {
  return s.waitFor(findByName, [selector, pattern.source, pattern.flags], { timeout, what: `${selector} named ${pattern}` });
}

/** Waits until the widget shows the step whose heading is `name`. */
export const atStep = (s, name) => element(s, "h2", new RegExp(`^${escape(name)}$`));

/** Clicks the button named `name` exactly. */
export async function clickButton(s, name) {
  await s.click(await element(s, "button", new RegExp(`^${escape(name)}$`)));
}

/** Clicks Continue. */
export const next = (s) => clickButton(s, "Continue");

/** Clicks Connect once the review step's double-click guard (500 ms) has passed. */
export async function connect(s) {
  await atStep(s, "Review and connect");
  await sleep(600);
  await clickButton(s, "Connect");
}

/** Picks a provider by its visible name, after typing `search` into the search box if given. */
export async function pickProvider(s, name, search) {
  await s.waitFor(() => document.querySelector(".esw-provider"), [], { what: "the provider list" });
  if (search) {
    const box = await element(s, "input", /Search providers/);
    await s.click(box);
    await s.type(box, search);
  }
  await s.click(await element(s, "[role=option]", new RegExp(escape(name))));
}

/** Checks (or unchecks) the radio or checkbox named `name`. */
export async function check(s, name, on = true) {
  const input = await element(s, "input[type=radio], input[type=checkbox]", new RegExp(`^${escape(name)}`));
  if ((await s.exec((el) => el.checked, input)) !== on) await s.click(input);
  assert.equal(await s.exec((el) => el.checked, input), on, `${name} is ${on ? "checked" : "unchecked"}`);
}

/** Whether the radio or checkbox named `name` is checked. */
export async function isChecked(s, name) {
  const input = await element(s, "input[type=radio], input[type=checkbox]", new RegExp(`^${escape(name)}`));
  return s.exec((el) => el.checked, input);
}

/** Chooses the option whose value is `value` in the <select> named `pattern`, with the mouse. */
async function selectOption(s, pattern, value) {
  const select = await element(s, "select", pattern);
  const option = await s.exec((el, v) => [...el.options].find((o) => o.value === v) ?? null, select, value);
  assert.ok(option, `the select named ${pattern} offers ${JSON.stringify(value)}`);
  await s.click(option);
  await s.waitFor((el, v) => el.value === v, [select, value], { timeout: 5_000, what: `${pattern} to hold ${value}` });
}

// ---- The mapping step's field choice: adapt these two when the control changes. ----

/** The field picker (an editable combobox) of the app field whose label starts with `row`. */
const picker = (s, row) => element(s, "[role=combobox]", new RegExp(`^${escape(row)}`));

/** Chooses the provider field shown as `label` ("" = not mapped) for the app field whose label
 * starts with `row`, as a person does: click the picker, type the label, click its entry. */
export async function chooseProviderField(s, row, label) {
  const input = await picker(s, row);
  await s.click(input);
  if (label) await s.press(label);
  // An entry another row uses reads "Last Name — used by First Name".
  const name = label ? new RegExp(`^${escape(label)}(?: — .*)?$`) : /Not mapped/;
  await s.click(await element(s, "[role=listbox] [role=option] .esw-picker__name", name));
  await s.waitFor((el) => el.getAttribute("aria-expanded") === "false", [input], { timeout: 5_000, what: `${row}'s popup to close` });
  assert.equal(await providerFieldOf(s, row), label);
}

/** The provider field the picker of `row` shows ("" = not mapped). */
export async function providerFieldOf(s, row) {
  return s.exec((el) => el.value, await picker(s, row));
}

/** Waits until the mapping step's field choices are on screen. */
export const mappingShown = (s, row) => picker(s, row);

// ---- The upsert choice of a pushed field. ----

export const chooseUpsert = (s, row, value) => selectOption(s, new RegExp(`^${escape(row)} — When the field already has data$`), value);

export async function upsertOf(s, row) {
  return s.exec((el) => el.value, await element(s, "select", new RegExp(`^${escape(row)} — When the field already has data$`)));
}

/** axe-core (injected from node_modules) finds no WCAG 2.1 A/AA violation in `context` (R38). */
export async function expectAccessible(s, where, context = "#widget-root") {
  // axe's source is the body of a WebDriver script rather than an eval in the page: WebKit holds
  // an eval run by a driver's script to the page's CSP, and the strict CSP forbids it.
  if (!(await s.exec(() => Boolean(window.axe)))) {
    await s.cmd("POST", "/execute/sync", { script: `${AXE}\n;return typeof window.axe;`, args: [] });
  }
  const summary = await s.execAsync(
    async (ctx) => {
      const results = await window.axe.run(ctx, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
      return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
    },
    context,
  );
  assert.deepEqual(summary, [], `${s.engine}: axe violations at ${where}`);
}

function escape(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
