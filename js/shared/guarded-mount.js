// The mount shared by the npm package and the script tag: loads the wasm module once, then mounts.
// A load failure (404, integrity mismatch, CSP without 'wasm-unsafe-eval') never escapes into the
// host page: the element shows a short static message, `onError` and `onEvent` receive
// `{ type: "error", code: "load_failed" }` once, and `mount` resolves to an inert handle.

const LOAD_FAILED_TEXT = "The integration setup could not be loaded. Please reload the page.";

/**
 * @param {() => Promise<unknown>} load initialises the wasm module (called once).
 * @param {(element: Element, options: object) => { destroy(): void }} mountWasm the wasm export.
 */
export function guardedMount(load, mountWasm) {
  let loading;
  return async function mount(element, options = {}) {
    loading ??= load();
    try {
      await loading;
    } catch (cause) {
      loading = undefined;
      const event = { type: "error", code: "load_failed", message: String(cause?.message ?? cause) };
      const note = document.createElement("p");
      note.className = "esw-load-failed";
      note.setAttribute("role", "alert");
      note.textContent = LOAD_FAILED_TEXT;
      element.replaceChildren(note);
      for (const callback of [options.onEvent, options.onError]) {
        try {
          callback?.(event);
        } catch (error) {
          console.error("endgrate widget: a host callback threw", error);
        }
      }
      return { destroy() { note.remove(); } };
    }
    return mountWasm(element, options);
  };
}
