// Parallel start: `mount` sends the catalog request at once, while the .wasm is still downloading
// and compiling, instead of after the widget has started.
//
// Hand-over point (a small API for the widget's Rust side, which does not read it yet):
//
//   globalThis[Symbol.for("endgrate-session-widget.prefetch")].take(url)
//     → Promise<Response> for exactly that URL (once), or undefined
//
// `url` is the catalog URL as the widget builds it: `{apiBase}/api/integrations`, then
// `provider`, `category`, `provider_list_id` as query parameters in that order. Until the Rust
// side takes the promise, the prefetch still saves the round trip: the reference server marks
// catalog answers cacheable for a minute, so the widget's own request for the same URL is
// answered from the browser's HTTP cache. Prefetching is best effort: options are validated by
// the widget, which reports any problem; anything unusual here just skips the prefetch.

const HANDOVER = Symbol.for("endgrate-session-widget.prefetch");
// Values that need no percent-encoding, so this URL is byte for byte the widget's.
const PLAIN = /^[A-Za-z0-9_.-]{1,200}$/;

function handover() {
  if (!globalThis[HANDOVER]) {
    const pending = new Map();
    globalThis[HANDOVER] = Object.freeze({
      put(url, response) {
        if (!pending.has(url)) pending.set(url, response);
      },
      take(url) {
        const response = pending.get(url);
        pending.delete(url);
        return response;
      },
    });
  }
  return globalThis[HANDOVER];
}

/** The catalog URL the widget will request for `options`, or undefined when unsure. */
export function catalogUrl(options) {
  const apiBase = options?.apiBase ?? "/api/endgrate";
  if (typeof apiBase !== "string" || !apiBase.startsWith("/") || apiBase.startsWith("//")) return undefined;
  const session = options?.session ?? {};
  const params = [];
  for (const key of ["provider", "category", "provider_list_id"]) {
    const value = session[key];
    if (value === undefined || value === null) continue;
    if (typeof value !== "string" || !PLAIN.test(value)) return undefined;
    params.push(`${key}=${value}`);
  }
  return `${apiBase}/api/integrations${params.length ? `?${params.join("&")}` : ""}`;
}

/** Starts the catalog request for `options` and leaves it at the hand-over point. */
export function prefetchCatalog(options) {
  try {
    const url = catalogUrl(options);
    if (!url) return;
    // The widget's own request omits credentials too, so both share one cache entry.
    const response = fetch(url, { credentials: "omit" });
    response.catch(() => {}); // a failure is the widget's to report, from its own request
    handover().put(url, response);
  } catch {
    // best effort (see above)
  }
}
