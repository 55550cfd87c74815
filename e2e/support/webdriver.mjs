// A thin client of classic W3C WebDriver over node's `fetch`, and the launch settings of the three
// engines: Chromium through chromedriver, Firefox (firefox-esr) through geckodriver, WebKit
// (WebKitGTK's MiniBrowser) through WebKitWebDriver under xvfb-run. All three drivers speak the
// same protocol, so one client and one set of scenarios cover them; no npm dependency.
import { spawn, execFileSync } from "node:child_process";
import { createServer } from "node:net";
import { writeFileSync } from "node:fs";

const ELEMENT = "element-6066-11e4-a52e-4f735466cecf";
const MINIBROWSER = process.env.MINIBROWSER_PATH ?? "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser";

const which = (name) => {
  try {
    return execFileSync("sh", ["-c", `command -v ${name}`], { encoding: "utf8" }).trim();
  } catch {
    return "";
  }
};

/** The engines, each with how its driver starts and the capabilities of a new session. */
export const ENGINES = {
  chromium: {
    driver: () => [process.env.CHROMEDRIVER || which("chromedriver") || "chromedriver"],
    capabilities: () => ({
      browserName: "chrome",
      "goog:chromeOptions": {
        binary: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
        args: [
          "--headless=new",
          "--no-sandbox",
          "--disable-gpu",
          "--disable-quic",
          "--disable-background-networking",
          "--disable-component-update",
          "--no-first-run",
          "--disable-sync",
          "--disable-dev-shm-usage",
          "--window-size=1280,900",
        ],
      },
    }),
  },
  firefox: {
    driver: () => [process.env.GECKODRIVER || which("geckodriver") || "geckodriver"],
    capabilities: () => ({
      browserName: "firefox",
      "moz:firefoxOptions": {
        binary: process.env.FIREFOX_PATH ?? "/usr/bin/firefox-esr",
        args: ["-headless", "--width=1280", "--height=900"],
        // No background traffic to a network that is closed, and no first-run pages.
        prefs: {
          "app.update.enabled": false,
          "browser.shell.checkDefaultBrowser": false,
          "datareporting.policy.dataSubmissionEnabled": false,
          "network.captive-portal-service.enabled": false,
          "extensions.update.enabled": false,
        },
      },
    }),
  },
  webkit: {
    // WebKitGTK has no headless mode: the driver and the MiniBrowser it starts share a virtual X
    // display.
    driver: () => ["xvfb-run", "-a", "-s", "-screen 0 1280x1000x24", process.env.WEBKITWEBDRIVER ?? "WebKitWebDriver"],
    capabilities: () => ({
      browserName: "MiniBrowser",
      "webkitgtk:browserOptions": { binary: MINIBROWSER, args: ["--automation"] },
    }),
  },
};

function freePort() {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address();
      probe.close(() => resolvePort(port));
    });
  });
}

/** Starts `engine`'s driver on a free port; resolves once it reports ready. */
export async function startDriver(engine) {
  const spec = ENGINES[engine];
  if (!spec) throw new Error(`unknown engine "${engine}"`);
  const port = await freePort();
  const [command, ...args] = spec.driver();
  const child = spawn(command, [...args, `--port=${port}`], { stdio: ["ignore", "pipe", "pipe"], detached: true });
  let output = "";
  child.stdout.on("data", (c) => (output += c));
  child.stderr.on("data", (c) => (output += c));
  const exited = new Promise((r) => child.once("exit", r));
  // The driver runs in its own process group (so xvfb-run's children stop with it); if this
  // process ends without `stop()` (a failed hook, an uncaught error), the group goes too.
  const killGroup = () => {
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {
      // already gone
    }
  };
  process.once("exit", killGroup);
  child.once("exit", () => process.removeListener("exit", killGroup));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${engine}: ${command} exited with ${child.exitCode}:\n${output}`);
    try {
      const status = await (await fetch(`${base}/status`)).json();
      if (status.value?.ready !== false) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${engine}: ${command} did not become ready in 20 s:\n${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    engine,
    base,
    logs: () => output,
    async stop() {
      if (child.exitCode === null) {
        // The driver's process group: xvfb-run, Xvfb and WebKitWebDriver together.
        try {
          process.kill(-child.pid, "SIGTERM");
        } catch {
          child.kill("SIGTERM");
        }
        await exited;
      }
    },
  };
}

/** A WebDriver error that names the command that failed. */
export class WebDriverError extends Error {
  constructor(engine, what, value) {
    super(`${engine}: ${what}: ${value?.error ?? "error"}: ${value?.message ?? JSON.stringify(value)}`);
    this.code = value?.error;
  }
}

/** Opens a new browser session on a running driver. */
export async function newSession(driver) {
  const response = await fetch(`${driver.base}/session`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ capabilities: { alwaysMatch: { ...ENGINES[driver.engine].capabilities(), pageLoadStrategy: "normal" } } }),
  });
  const json = await response.json();
  if (!response.ok) throw new WebDriverError(driver.engine, "new session", json.value);
  const session = new Session(driver, json.value.sessionId, json.value.capabilities);
  await session.cmd("POST", "/timeouts", { script: 30_000, pageLoad: 30_000, implicit: 0 });
  return session;
}

const isElement = (value) => value && typeof value === "object" && ELEMENT in value;

/** One browser session: navigation, scripts, elements, keys and screenshots. */
export class Session {
  constructor(driver, id, capabilities) {
    this.driver = driver;
    this.engine = driver.engine;
    this.id = id;
    this.capabilities = capabilities;
  }

  async cmd(method, path, body) {
    const response = await fetch(`${this.driver.base}/session/${this.id}${path}`, {
      method,
      headers: body === undefined ? {} : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = await response.json();
    if (!response.ok) throw new WebDriverError(this.engine, `${method} ${path}`, json.value);
    return json.value;
  }

  goto(url) {
    return this.cmd("POST", "/url", { url });
  }

  url() {
    return this.cmd("GET", "/url");
  }

  refresh() {
    return this.cmd("POST", "/refresh", {});
  }

  /** Runs `fn(...args)` in the page and returns its (JSON or element) result. */
  exec(fn, ...args) {
    return this.cmd("POST", "/execute/sync", { script: `return (${fn}).apply(null, arguments);`, args });
  }

  /** Runs the async `fn(...args)` in the page and returns what its promise resolves to. */
  execAsync(fn, ...args) {
    const script = `const done = arguments[arguments.length - 1];
      Promise.resolve((${fn}).apply(null, Array.prototype.slice.call(arguments, 0, -1)))
        .then((value) => done({ ok: value }), (error) => done({ error: String(error) + "\\n" + String((error && error.stack) || "") }));`;
    return this.cmd("POST", "/execute/async", { script, args }).then((result) => {
      if (result && "error" in result) throw new Error(`${this.engine}: page script failed: ${result.error}`);
      return result?.ok;
    });
  }

  /** Polls `fn(...args)` in the page until it returns something truthy; returns that. */
  async waitFor(fn, args = [], { timeout = 15_000, what = String(fn) } = {}) {
    const deadline = Date.now() + timeout;
    let last;
    for (;;) {
      try {
        last = await this.exec(fn, ...args);
        if (last) return last;
      } catch (error) {
        // A navigation in flight can interrupt a script; try again until the deadline.
        last = error.message;
      }
      if (Date.now() > deadline) throw new Error(`${this.engine}: timed out after ${timeout} ms waiting for ${what} (last: ${JSON.stringify(last)})`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /** Clicks an element (a reference returned by `exec`) the way a user does, through the driver. */
  click(element) {
    if (!isElement(element)) throw new Error(`${this.engine}: click needs an element, got ${JSON.stringify(element)}`);
    return this.cmd("POST", `/element/${element[ELEMENT]}/click`, {});
  }

  /** Types `text` into an element. */
  type(element, text) {
    return this.cmd("POST", `/element/${element[ELEMENT]}/value`, { text });
  }

  /** Presses keys on whatever has focus: each entry is a key name of KEYS or literal text. */
  async press(...keys) {
    const actions = [];
    for (const key of keys) {
      const values = KEYS[key] ? [KEYS[key]] : [...key];
      for (const value of values) actions.push({ type: "keyDown", value }, { type: "keyUp", value });
    }
    await this.cmd("POST", "/actions", { actions: [{ type: "key", id: "keyboard", actions }] });
    await this.cmd("DELETE", "/actions");
  }

  /** `count` quick pointer clicks on the element's centre (a double click, or more). */
  async clickTimes(element, count, pause = 10) {
    // Pointer actions need their target inside the viewport (Firefox refuses one outside it).
    await this.exec((el) => el.scrollIntoView({ block: "center" }), element);
    const actions = [{ type: "pointerMove", origin: element, x: 0, y: 0, duration: 0 }];
    for (let i = 0; i < count; i++) {
      actions.push({ type: "pointerDown", button: 0 }, { type: "pointerUp", button: 0 });
      if (i < count - 1) actions.push({ type: "pause", duration: pause });
    }
    await this.cmd("POST", "/actions", {
      actions: [{ type: "pointer", id: "mouse", parameters: { pointerType: "mouse" }, actions }],
    });
    await this.cmd("DELETE", "/actions");
  }

  async screenshot(path) {
    const data = await this.cmd("GET", "/screenshot");
    writeFileSync(path, Buffer.from(data, "base64"));
  }

  /** The viewport's PNG and where `element` is in it, in the PNG's pixels: `{ png, rect }`.
   * (WebKitGTK's element screenshot comes back all black under Xvfb; its viewport screenshot is
   * right, so every engine crops the viewport's.) */
  async elementInScreenshot(element) {
    const rect = await this.exec((el) => {
      el.scrollIntoView({ block: "center" });
      const r = el.getBoundingClientRect();
      const k = window.devicePixelRatio || 1;
      return { x: Math.round(r.left * k), y: Math.round(r.top * k), width: Math.round(r.width * k), height: Math.round(r.height * k) };
    }, element);
    const png = Buffer.from(await this.cmd("GET", "/screenshot"), "base64");
    return { png, rect };
  }

  async setWindowSize(width, height) {
    try {
      await this.cmd("POST", "/window/rect", { width, height });
    } catch {
      // A driver without window management keeps its default size.
    }
  }

  close() {
    return this.cmd("DELETE", "").catch(() => {});
  }
}

/** WebDriver's code points for the keys the scenarios press. */
export const KEYS = {
  Tab: "\uE004",
  Enter: "\uE007",
  Space: "\uE00D",
  ArrowLeft: "\uE012",
  ArrowUp: "\uE013",
  ArrowRight: "\uE014",
  ArrowDown: "\uE015",
  Home: "\uE011",
  End: "\uE010",
  Escape: "\uE00C",
};
