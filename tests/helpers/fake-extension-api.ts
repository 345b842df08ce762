/**
 * What the options page uses of the extension API — storage.local and permissions.request — as a
 * stand-in for jsdom tests. Install it before importing a module that imports
 * webextension-polyfill: the polyfill checks for an extension context on import.
 */
export interface FakeExtensionApi {
  /** storage.local's contents. */
  stored: Record<string, unknown>;
  /** The origins of each permission request, in order. */
  asked: string[][];
  /** Whether permission requests are granted. */
  grant: boolean;
  /** Empties storage and the requests, and grants again. */
  reset(): void;
  /** Puts the stand-in in place as `browser` (and `chrome.runtime.id`, which the polyfill wants). */
  install(): void;
}

export function fakeExtensionApi(): FakeExtensionApi {
  const fake: FakeExtensionApi = {
    stored: {},
    asked: [],
    grant: true,
    reset() {
      for (const key of Object.keys(fake.stored)) delete fake.stored[key];
      fake.asked.length = 0;
      fake.grant = true;
    },
    install() {
      Object.assign(globalThis, {
        chrome: { runtime: { id: browserApi.runtime.id } },
        browser: browserApi,
      });
    },
  };
  const browserApi = {
    runtime: { id: 'crosscheck-test' },
    permissions: {
      request: ({ origins }: { origins: string[] }) => {
        fake.asked.push(origins);
        return Promise.resolve(fake.grant);
      },
    },
    storage: {
      local: {
        get: (key: string) =>
          Promise.resolve(key in fake.stored ? { [key]: fake.stored[key] } : {}),
        set: (items: Record<string, unknown>) => {
          Object.assign(fake.stored, structuredClone(items));
          return Promise.resolve();
        },
      },
    },
  };
  return fake;
}
