// Drives the mapping step's field pickers (editable comboboxes with a listbox popup) the way a
// person does: by the row's visible label, typing, and the entry's visible name.
import { mappingSelect } from "./flow.mjs";

/** The open popup's entries' names (without their type and marks). */
export const entryNames = (page) => page.locator("[role=listbox] [role=option] .esw-picker__name").allTextContents();

/** Opens row `label`'s picker with a click, types `query` (when given) and clicks the entry
 * whose name starts with `name` (`null`: "Not mapped"). */
export async function chooseField(page, label, query, name) {
  const input = mappingSelect(page, label);
  await input.click();
  if (query) await input.fill(query);
  const entry = page.getByRole("option", { name: name === null ? /Not mapped/ : new RegExp(`^${escape(name)}`) }).first();
  await entry.click();
  await page.waitForFunction((el) => el.getAttribute("aria-expanded") === "false", await input.elementHandle());
}

/** Every row's app-field key → the name its picker shows ("" when not mapped). */
export const mappedNames = (page) =>
  page.evaluate(() =>
    Object.fromEntries(
      [...document.querySelectorAll(".esw-table tbody tr")].map((tr) => [
        tr.querySelector(".esw-field-key").textContent,
        tr.querySelector("[role=combobox]").value,
      ]),
    ),
  );

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
