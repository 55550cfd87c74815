// One reference server and one browser for a test file (each file runs in its own process):
// `useServerAndBrowser()` starts them before the file's tests and stops them after; `server` and
// `browser` are live bindings that hold them meanwhile.
import { before, after } from "node:test";
import { startServer } from "./server.mjs";
import { launchBrowser } from "./browser.mjs";

export let server;
export let browser;

/** Registers the file's before/after hooks; `serverOptions` go to `startServer`. */
export function useServerAndBrowser(serverOptions) {
  before(async () => {
    server = await startServer(serverOptions);
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });
}
