// The strict Content-Security-Policy the README recommends to hosts, exactly as the tests apply
// it: no 'unsafe-inline' for scripts or styles; 'wasm-unsafe-eval' is the one allowance, for
// compiling the widget's WebAssembly.
export const STRICT_CSP =
  "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self'; " +
  "connect-src 'self'; base-uri 'none'; object-src 'none'; frame-ancestors 'none'";
