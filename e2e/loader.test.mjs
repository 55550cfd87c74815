// The script-tag loader: the .wasm is compiled while it streams and still checked against the
// SHA-384 baked into the module, so a tampered file that is still valid WebAssembly (only the hash
// can tell) is refused and never instantiated.
import { test } from "node:test";
import assert from "node:assert/strict";
import { browser, server, useServerAndBrowser } from "./support/suite.mjs";
import { newPage } from "./support/browser.mjs";
import { WIDGET_DIR } from "./support/host.mjs";
import { STRICT_CSP } from "./support/csp.mjs";

useServerAndBrowser();

const WASM = `${WIDGET_DIR}/endgrate-session-widget_bg.wasm`;
const HOST_SCRIPT = `import { mount } from "${WIDGET_DIR}/endgrate-session-widget.js";
window.__events = [];
window.__handle = await mount(document.getElementById("root"), {
  session: { schema: [{ endgrate_type: "crm-contact" }] },
  onEvent: (event) => window.__events.push(event),
});`;

/** A page under the strict CSP whose module mounts the widget; counts instantiations. */
async function openHost(tab) {
  await tab.addInitScript(() => {
    window.__instantiated = 0;
    for (const name of ["instantiate", "instantiateStreaming"]) {
      const original = WebAssembly[name];
      WebAssembly[name] = (...args) => {
        window.__instantiated += 1;
        return original.apply(WebAssembly, args);
      };
    }
  });
  await tab.route(`${server.url}/loader-host.js`, (route) =>
    route.fulfill({ contentType: "text/javascript", body: HOST_SCRIPT }),
  );
  await tab.route(`${server.url}/loader.html`, (route) =>
    route.fulfill({
      contentType: "text/html",
      headers: { "Content-Security-Policy": STRICT_CSP },
      body: `<!doctype html><html lang="en"><head><title>loader</title>
<script type="module" src="/loader-host.js"></script></head><body><div id="root"></div></body></html>`,
    }),
  );
  await tab.goto(`${server.url}/loader.html`);
}

test("a tampered .wasm that is still valid WebAssembly is refused by its hash and never instantiated", async () => {
  const { context, page: tab, pageErrors } = await newPage(browser);
  await tab.route(`${server.url}${WASM}`, async (route) => {
    const response = await route.fetch();
    // A custom section appended: the module still compiles, only the hash can tell.
    const section = Buffer.from([0x00, 0x05, 0x04, ...Buffer.from("evil")]);
    await route.fulfill({ response, body: Buffer.concat([Buffer.from(await response.body()), section]) });
  });
  await openHost(tab);
  await tab.waitForFunction(() => window.__handle !== undefined);
  const { events, instantiated, rendered } = await tab.evaluate(() => ({
    events: window.__events,
    instantiated: window.__instantiated,
    rendered: document.querySelector(".esw-root") !== null,
  }));
  assert.deepEqual(events.map((e) => e.code), ["load_failed"]);
  assert.match(events[0].message, /integrity/);
  assert.equal(instantiated, 0);
  assert.equal(rendered, false);
  assert.deepEqual(pageErrors, []);
  await context.close();
});
