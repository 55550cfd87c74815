// Streaming compile with the integrity check kept: the .wasm is compiled while it downloads, a
// tee'd copy of the same bytes is hashed (SHA-384) alongside, and the module is returned — so it
// can be instantiated — only when the hash equals the one baked in at build time. Nothing of the
// widget runs unless it matches. (`fetch(url, { integrity })` holds the whole body until it has
// arrived and been checked, so compilation could never overlap the download.)
//
// The .wasm is fetched in CORS mode with same-origin credentials, as the module script itself is
// (`crossorigin="anonymous"`): a host page's `<link rel="preload" as="fetch" crossorigin>` of the
// same URL is then the response used, so the download can start with the page, not after the
// module has arrived. A cross-origin widget host never receives cookies in this mode.

/**
 * @param {URL} url the .wasm next to this module.
 * @param {string} integrity `sha384-<base64>`.
 * @returns {Promise<WebAssembly.Module | Response>} a compiled module whose bytes matched, or —
 *   without SubtleCrypto (not a secure context) or streaming compilation — a Response the browser
 *   itself checked against `integrity`.
 */
export async function compileVerified(url, integrity) {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle || typeof WebAssembly.compileStreaming !== "function") {
    return fetch(url, { integrity, credentials: "same-origin" });
  }
  const response = await fetch(url, { credentials: "same-origin" });
  if (!response.ok || !response.body) {
    throw new Error(`the widget's .wasm could not be loaded (HTTP ${response.status})`);
  }
  const [toCompile, toHash] = response.body.tee();
  const compiled = WebAssembly.compileStreaming(
    new Response(toCompile, { headers: { "Content-Type": "application/wasm" } }),
  );
  const digest = new Response(toHash).arrayBuffer().then((bytes) => subtle.digest("SHA-384", bytes));
  const [module, hash] = await Promise.all([compiled, digest]);
  const actual = `sha384-${btoa(String.fromCharCode(...new Uint8Array(hash)))}`;
  if (actual !== integrity) {
    throw new Error("the widget's .wasm does not match its integrity hash");
  }
  return module;
}
