// The engine-neutral test backend: a small HTTP proxy in front of the real reference server, on
// its own origin. The browser only ever talks HTTP to it, so what it does works the same in every
// engine (no DevTools protocol): it serves the test's own pages and files, records every initiate
// POST exactly as the server received it (body and Idempotency-Key), and injects faults on chosen
// routes (a catalog that fails n times, then recovers). Everything else is forwarded untouched to
// the reference server, which is started with this proxy's origin as its public origin.
import { createServer, request } from "node:http";
import { readFileSync, statSync } from "node:fs";
import { extname, join, normalize } from "node:path";
import { startServer } from "./server.mjs";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".mjs": "text/javascript",
  ".css": "text/css",
  ".wasm": "application/wasm",
  ".json": "application/json",
};

/** Starts the reference server behind a proxy. Returns
 * `{ url, initiates, calls, page(), dir(), fault(), reset(), stop() }`. */
export async function startBackend(serverOptions = {}) {
  const pages = new Map();
  const dirs = [];
  const faults = [];
  /** Every initiate POST that reached the backend: `{ body, key }` (body parsed as JSON). */
  const initiates = [];
  /** How many requests each path received (query removed). */
  const calls = new Map();
  let upstream;

  const proxy = createServer((req, res) => {
    const url = new URL(req.url, "http://backend");
    calls.set(url.pathname, (calls.get(url.pathname) ?? 0) + 1);
    const page = pages.get(url.pathname);
    if (page) {
      res.writeHead(page.status ?? 200, { "content-type": page.contentType ?? TYPES[".html"], "cache-control": "no-store", ...page.headers });
      return res.end(page.body);
    }
    for (const { prefix, root } of dirs) {
      if (!url.pathname.startsWith(prefix)) continue;
      const file = normalize(join(root, decodeURIComponent(url.pathname.slice(prefix.length)) || "index.html"));
      if (!file.startsWith(root)) break;
      try {
        if (!statSync(file).isFile()) break;
        res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream", "cache-control": "no-store" });
        return res.end(readFileSync(file));
      } catch {
        break;
      }
    }
    const fault = faults.find((f) => f.remaining > 0 && f.test(url.pathname, req.method));
    if (fault) {
      fault.remaining -= 1;
      req.resume();
      res.writeHead(fault.status, { "content-type": fault.contentType });
      return res.end(fault.body);
    }
    const chunks = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      if (req.method === "POST" && url.pathname.endsWith("/session/initiate")) {
        let parsed;
        try {
          parsed = JSON.parse(body.toString("utf8"));
        } catch {
          parsed = { unparsable: body.toString("utf8") };
        }
        initiates.push({ body: parsed, key: req.headers["idempotency-key"] });
      }
      const forward = request(
        { host: "127.0.0.1", port: upstream.port, method: req.method, path: req.url, headers: req.headers },
        (answer) => {
          res.writeHead(answer.statusCode, answer.headers);
          answer.pipe(res);
        },
      );
      forward.on("error", (error) => {
        res.writeHead(502, { "content-type": "text/plain" });
        res.end(`test backend: the reference server did not answer: ${error.message}`);
      });
      forward.end(body);
    });
  });
  await new Promise((r) => proxy.listen(0, "127.0.0.1", r));
  const url = `http://127.0.0.1:${proxy.address().port}`;
  const extraArgs = [
    "--public-origins", url,
    "--allowed-redirect-origins", url,
    ...(serverOptions.extraArgs ?? []),
  ];
  const server = await startServer({ ...serverOptions, extraArgs });
  upstream = { port: Number(new URL(server.url).port) };

  return {
    url,
    initiates,
    calls,
    server,
    /** Serves `body` at `path` (an exact pathname; any query is accepted). */
    page(path, body, { contentType, headers, status } = {}) {
      pages.set(path, { body, contentType, headers, status });
    },
    /** Serves the files of `root` under `prefix` (e.g. "/npm-app/"). */
    dir(prefix, root) {
      dirs.push({ prefix, root: normalize(root) });
    },
    /** The next `times` requests whose path matches `pattern` get `status` and `body`. */
    fault(pattern, { times = 1, status = 500, body = '{"message":"injected fault"}', contentType = "application/json", method } = {}) {
      const test = (path, m) => (typeof pattern === "string" ? path === pattern : pattern.test(path)) && (!method || m === method);
      const entry = { test, remaining: times, status, body, contentType };
      faults.push(entry);
      return { clear: () => (entry.remaining = 0), get remaining() { return entry.remaining; } };
    },
    /** Forgets recorded requests and faults (pages stay). */
    reset() {
      initiates.length = 0;
      calls.clear();
      faults.length = 0;
    },
    async stop() {
      await new Promise((r) => {
        proxy.close(r);
        proxy.closeAllConnections?.();
      });
      await server.stop();
    },
  };
}
