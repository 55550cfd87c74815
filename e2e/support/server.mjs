// Starts the real reference server for a test: its own temporary data directory, a free port,
// the built widget in dist/. Resolves once the server has printed its demo URL.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const ROOT = resolve(import.meta.dirname, "..", "..");
const BIN = process.env.ESW_SERVER_BIN ?? join(ROOT, "target", "server", "endgrate-widget-server");
/** The built widget (scripts/build-widget.sh); ESW_DIST points elsewhere for a parallel build. */
export const DIST = process.env.ESW_DIST ?? join(ROOT, "dist");

/** Starts a server serving `staticDir`; `extraArgs` and `env` are passed on.
 * Returns { url, logs(), stop() }. */
export async function startServer({ extraArgs = [], env = {}, staticDir = DIST } = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), "esw-e2e-"));
  const child = spawn(
    BIN,
    ["--port", "0", "--data-dir", dataDir, "--static-dir", staticDir, ...extraArgs],
    { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] },
  );
  let output = "";
  const url = await new Promise((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 20_000);
    const onData = (chunk) => {
      output += chunk;
      const match = output.match(/Demo: (http:\/\/127\.0\.0\.1:\d+)\//);
      if (match) {
        clearTimeout(timer);
        resolveUrl(match[1]);
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.on("exit", (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
  return {
    url,
    logs: () => output,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once("exit", r));
        child.kill("SIGTERM");
        await exited;
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
