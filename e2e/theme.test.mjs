// Theming and languages (issue: "looks native to the host app"): theme colours arrive as custom
// properties on the widget root, dark mode applies, the host page's own elements keep their
// computed styles, and the widget speaks the `locale` option or else the browser's language.
import { test } from "node:test";
import { browser, server, useServerAndBrowser } from "./support/suite.mjs";
import assert from "node:assert/strict";
import { newPage, screenshotPath } from "./support/browser.mjs";
import { openHost, hostRecord, WIDGET_DIR } from "./support/host.mjs";
import { expectAccessible, pickProvider } from "./support/flow.mjs";

useServerAndBrowser();

const SESSION = { schema: [{ endgrate_type: "crm-contact" }] };

/** A host page with its own styles for the elements the widget also uses. */
const hostWithOwnStyles = (options) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Styled host</title>
<style>
  body { font-family: Georgia, serif; color: rgb(20, 20, 80); background: rgb(250, 245, 235); }
  h1, h2 { font-size: 30px; color: rgb(120, 0, 0); margin: 10px; }
  p { line-height: 2; letter-spacing: 1px; }
  button { background: rgb(0, 100, 0); color: white; border-radius: 0; padding: 3px; }
  input, select { border: 3px dashed rgb(200, 0, 200); }
  ul li { list-style: square; margin: 4px; }
  table td { padding: 9px; border: 1px solid black; }
</style>
<link rel="stylesheet" href="${WIDGET_DIR}/endgrate-session-widget.css">
</head><body>
<h1 id="h">Host heading</h1><h2 id="h2">Host subheading</h2><p id="p">Host paragraph</p>
<button id="b">Host button</button><input id="i"><select id="s"><option>x</option></select>
<ul><li id="li">Host item</li></ul><table><tr><td id="td">cell</td></tr></table>
<div id="widget-root"></div>
<script type="module">
  import { mount } from "${WIDGET_DIR}/endgrate-session-widget.js";
  window.__host = { events: [], error: [], mount: "pending" };
  mount(document.getElementById("widget-root"), { ...${JSON.stringify(options)},
    onEvent: (e) => window.__host.events.push(e), onError: (e) => window.__host.error.push(e) })
    .then((h) => { window.__handle = h; window.__host.mount = "ok"; }, (e) => { window.__host.mount = "rejected: " + e.message; });
</script></body></html>`;

const HOST_IDS = ["h", "h2", "p", "b", "i", "s", "li", "td"];
const snapshot = (page) =>
  page.evaluate((ids) => {
    const props = ["color", "background-color", "font-family", "font-size", "margin", "padding",
      "border", "border-radius", "line-height", "letter-spacing", "list-style-type"];
    return Object.fromEntries(ids.map((id) => {
      const style = getComputedStyle(document.getElementById(id));
      return [id, props.map((p) => style.getPropertyValue(p)).join("|")];
    }));
  }, HOST_IDS);

test("dark theme with a host colour applies to the widget and leaks nothing into the host page", async () => {
  const { context, page, pageErrors } = await newPage(browser);
  await page.route(`${server.url}/styled.html`, (route) =>
    route.fulfill({ contentType: "text/html", body: hostWithOwnStyles({ session: SESSION, theme: { mode: "dark", colorPrimary: "#0f766e" } }) }),
  );
  // The host's styles before the widget (and its stylesheet) take part…
  await page.route(`${server.url}${WIDGET_DIR}/endgrate-session-widget.css`, (route) => route.abort());
  await page.goto(`${server.url}/styled.html`);
  const before = await snapshot(page);
  // …and after the widget is mounted with its stylesheet.
  await page.unroute(`${server.url}${WIDGET_DIR}/endgrate-session-widget.css`);
  await page.goto(`${server.url}/styled.html`);
  await page.locator(".esw-provider").first().waitFor({ timeout: 15_000 });
  assert.deepEqual(await snapshot(page), before, "host elements keep their computed styles");

  const root = page.locator(".esw-root");
  assert.equal(await root.getAttribute("data-mode"), "dark");
  assert.equal(await root.evaluate((el) => getComputedStyle(el).getPropertyValue("--esw-color-primary").trim()), "#0f766e");
  assert.equal(await root.evaluate((el) => getComputedStyle(el).backgroundColor), "rgb(21, 24, 33)");
  const heading = await page.locator(".esw-heading").evaluate((el) => [getComputedStyle(el).color, getComputedStyle(el).fontSize]);
  assert.notEqual(heading[0], "rgb(120, 0, 0)", "the host's h2 colour does not reach the widget");
  assert.notEqual(heading[1], "30px", "nor its h2 size");
  await page.locator("#widget-root").screenshot({ path: screenshotPath("theme-dark-1280") });
  assert.deepEqual(pageErrors, []);
  await context.close();
});

test("the dark theme passes axe on the provider and mapping steps", async () => {
  const { context, page, pageErrors } = await newPage(browser);
  await openHost(page, server.url, {
    theme: { mode: "dark" },
    session: { ...SESSION, field_selection: true, schema_selection: true },
  });
  await page.locator(".esw-provider").first().waitFor({ timeout: 15_000 });
  await expectAccessible(page, "provider, dark");
  await pickProvider(page, "HubSpot");
  await page.getByRole("checkbox", { name: "Pull into this app" }).uncheck();
  await page.getByRole("button", { name: "Continue" }).click();
  await page.getByRole("combobox", { name: /^Email/ }).first().waitFor();
  await expectAccessible(page, "mapping, dark");
  assert.deepEqual(pageErrors, []);
  await context.close();
});

test("a colour that could escape into CSS is refused and names theme.colorPrimary", async () => {
  const { context, page } = await newPage(browser);
  await openHost(page, server.url, { session: SESSION, theme: { colorPrimary: "red;background:url(https://evil.example/x)" } });
  const host = await hostRecord(page);
  assert.deepEqual(host.error.map((e) => [e.code, e.field]), [["config_invalid", "theme.colorPrimary"]]);
  await context.close();
});

test("locale de shows the widget in German", async () => {
  const { context, page, pageErrors } = await newPage(browser);
  await openHost(page, server.url, { session: SESSION, locale: "de" });
  await page.getByRole("heading", { level: 2, name: "Anbieter wählen" }).waitFor();
  assert.equal(await page.locator(".esw-root").getAttribute("lang"), "de");
  await page.getByRole("button", { name: "Abbrechen" }).waitFor();
  await page.locator(".esw-provider").first().waitFor();
  await page.locator("#widget-root").screenshot({ path: screenshotPath("locale-de-1280") });
  assert.deepEqual(pageErrors, []);
  await context.close();
});

test("without a locale option the browser's language decides", async () => {
  const context = await browser.newContext({ locale: "fr-FR" });
  const page = await context.newPage();
  await openHost(page, server.url, { session: SESSION });
  await page.getByRole("heading", { level: 2, name: "Choisir un fournisseur" }).waitFor();
  await context.close();
  const spanish = await browser.newContext({ locale: "es-MX" });
  const other = await spanish.newPage();
  await openHost(other, server.url, { session: SESSION });
  await other.getByRole("heading", { level: 2, name: "Elegir un proveedor" }).waitFor();
  await spanish.close();
});
