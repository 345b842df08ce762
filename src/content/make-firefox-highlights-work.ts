/**
 * Registers CSS Custom Highlights from a content script in both browsers.
 *
 * Chrome runs content scripts in an isolated world that shares the document's HighlightRegistry,
 * so `CSS.highlights.set(name, new Highlight(...ranges))` just works (checked from an isolated
 * world in tests/e2e/sites-highlighter.test.ts). Firefox runs them in a sandbox that sees page
 * objects through Xray wrappers, where WebIDL maplike/setlike objects (HighlightRegistry,
 * Highlight) and constructors have been a known source of trouble. Checked in
 * Firefox ESR 153 (tests/e2e/sites-firefox-highlights.test.ts): the plain API from the content
 * script does land in the page's registry, and so does the page-world route below. The plain API
 * is used when the sandbox exposes it; when it does not (`CSS.highlights` or `Highlight` missing
 * in the content script's scope), the Highlight is built with the page's own constructor through
 * `window.wrappedJSObject` (MDN, "Sharing objects with page scripts") and registered in the page's
 * registry; DOM Ranges cross unchanged because Xrays unwrap DOM objects passed to page functions.
 * That quirk lives here and nowhere else.
 *
 * Either way the page can see (and remove) the highlights, as it could in Chrome.
 */

/** The minimal registry the highlighter needs. */
export interface HighlightSink {
  /** Which route registers: the content script's own API or the page world's. */
  readonly route: 'standard' | 'page-world';
  set(name: string, ranges: readonly Range[]): void;
  delete(name: string): void;
  /** Number of ranges registered under `name` (0 when none), for tests and health checks. */
  size(name: string): number;
}

interface RegistryLike {
  set(name: string, highlight: unknown): unknown;
  delete(name: string): unknown;
  get(name: string): { size: number } | undefined;
}
type HighlightCtor = new (...ranges: Range[]) => { add(range: Range): unknown; size: number };
interface HighlightGlobals {
  CSS?: { highlights?: RegistryLike };
  Highlight?: HighlightCtor;
}

function sinkFor(globals: HighlightGlobals, route: HighlightSink['route']): HighlightSink | null {
  const registry = globals.CSS?.highlights;
  const Ctor = globals.Highlight;
  if (!registry || !Ctor) return null;
  return {
    route,
    set(name, ranges) {
      // Built empty and filled one by one: spreading a sandbox array into a page constructor
      // would hand the page an Xray-wrapped array.
      const highlight = new Ctor();
      for (const range of ranges) highlight.add(range);
      registry.set(name, highlight);
    },
    delete(name) {
      registry.delete(name);
    },
    size(name) {
      return registry.get(name)?.size ?? 0;
    },
  };
}

/** The API as the current script sees it (Chrome, Firefox with the API in the sandbox, pages). */
export function standardSink(win: Window = window): HighlightSink | null {
  return sinkFor(win as unknown as HighlightGlobals, 'standard');
}

/** The page world's API through Firefox's waived Xray; null outside Firefox content scripts. */
export function pageWorldSink(win: Window = window): HighlightSink | null {
  const waived = (win as unknown as { wrappedJSObject?: HighlightGlobals }).wrappedJSObject;
  return waived ? sinkFor(waived, 'page-world') : null;
}

/** The way to register highlights in this context, or null when the browser has no such API. */
export function highlightSink(win: Window = window): HighlightSink | null {
  return standardSink(win) ?? pageWorldSink(win);
}
