/**
 * The offscreen document's lifecycle under concurrent callers: Chrome lists a document being
 * created before its script listens, so a caller that only looked it up would send into nothing.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';

vi.mock('../../src/shared/messaging.ts', () => ({ listen: vi.fn(), sendToOffscreen: vi.fn() }));

interface FakeChrome {
  listed: boolean;
  loaded: boolean;
  creations: number;
  closes: number;
}

function installFakeChrome(): FakeChrome {
  const state: FakeChrome = { listed: false, loaded: false, creations: 0, closes: 0 };
  vi.stubGlobal('chrome', {
    runtime: {
      getURL: (path: string) => `chrome-extension://id/${path}`,
      ContextType: { OFFSCREEN_DOCUMENT: 'OFFSCREEN_DOCUMENT' },
      getContexts: async () => (state.listed ? [{}] : []),
    },
    offscreen: {
      Reason: { WORKERS: 'WORKERS' },
      createDocument: async () => {
        state.creations++;
        state.listed = true; // listed at once …
        await new Promise((resolve) => setTimeout(resolve, 30));
        state.loaded = true; // … its script listening only once loaded
      },
      closeDocument: async () => {
        state.closes++;
        state.listed = state.loaded = false;
      },
    },
  });
  return state;
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.resetModules();
});

describe('ensureOffscreenDocument', () => {
  it('lets every concurrent caller go on only once the one document has loaded', async () => {
    const chrome = installFakeChrome();
    const { ensureOffscreenDocument } = await import('../../src/background/offscreen-host.ts');
    const loadedWhenDone: boolean[] = [];
    const callers = Array.from({ length: 4 }, async (_, i) => {
      // Stagger them so some look the document up while it is being created.
      await new Promise((resolve) => setTimeout(resolve, i * 5));
      await ensureOffscreenDocument();
      loadedWhenDone.push(chrome.loaded);
    });
    await Promise.all(callers);
    expect(chrome.creations).toBe(1);
    expect(loadedWhenDone).toEqual([true, true, true, true]);
  });

  it('reopens a document closed for idleness when work comes back', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      const chrome = installFakeChrome();
      const host = await import('../../src/background/offscreen-host.ts');
      const release = host.holdOffscreenDocument();
      await host.ensureOffscreenDocument();
      release();
      await vi.advanceTimersByTimeAsync(11_000);
      expect(chrome.closes).toBe(1);
      await host.ensureOffscreenDocument();
      expect(chrome.creations).toBe(2);
      expect(chrome.loaded).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });
});
