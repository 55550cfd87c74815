// Launches Debian's Chromium through playwright-core (never a downloaded browser) with the flags
// this machine needs: no sandbox as root, and no background traffic to a network that is closed.
import { chromium } from "playwright-core";
import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";

export const ARTIFACTS = resolve(import.meta.dirname, "..", "artifacts");
mkdirSync(ARTIFACTS, { recursive: true });

/** `args`: further command-line flags (a benchmark's diagnostic run). */
export function launchBrowser({ args = [] } = {}) {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
      "--disable-sync",
      "--disable-dev-shm-usage",
      ...args,
    ],
  });
}

/** A fresh context and page that fail the test on any uncaught page error. */
export async function newPage(browser, { width = 1280, height = 900 } = {}) {
  const context = await browser.newContext({ viewport: { width, height } });
  const page = await context.newPage();
  const pageErrors = [];
  page.on("pageerror", (error) => pageErrors.push(error));
  return { context, page, pageErrors };
}

export const screenshotPath = (name) => join(ARTIFACTS, `${name}.png`);
