/**
 * The background's wiring, shared by Chrome's service worker and Firefox's event page: message
 * handlers, settings broadcast, and tab bookkeeping. The per-browser entry files pass in what
 * differs (where the embedding model runs).
 */
import browser from 'webextension-polyfill';
import { listen, sendToTab } from '../shared/messaging.ts';
import { isSiteEnabled, publicSettings, type Settings } from '../shared/settings-schema.ts';
import {
  loadSettings,
  migrateStoredSettings,
  onSettingsChanged,
} from '../shared/settings-store.ts';
import type { TabStatus } from '../shared/run-status.ts';
import { testConnection } from '../sampling/test-connection.ts';
import { TabStore } from './tab-store.ts';
import { seedTestSettings } from './test-seed.ts';
import { RunController, type RunServices } from './run-controller.ts';
import { boundCapture } from './text-caps.ts';
import { Watchdog } from './watchdog.ts';
import { listenForModelDownloads, type ModelLoader } from './model-download.ts';
import { builtinUnavailableReason } from '../sampling/backends/chrome-builtin.ts';
import { SETUP_BADGE, badgeFor } from './badge.ts';
import { showBadge } from './toolbar-badge.ts';

/** What a warm-up embeds: any sentence will do. */
const WARM_UP_TEXT = 'An answer is being written.';

export function startBackground(services: RunServices & { models?: ModelLoader }): void {
  // Test builds store packaged settings first. Everything that reads or rewrites settings waits
  // for that: a capture arriving meanwhile would run without the test's backend, and the
  // install-time migration's read-modify-write could put the unseeded settings back.
  const seeded = __TEST_HOOKS__ ? seedTestSettings().catch(() => undefined) : Promise.resolve();
  const currentSettings = (): Promise<Settings> => seeded.then(loadSettings);
  const tabs = new TabStore();
  const runs: RunController = new RunController(tabs, services, {
    onBusy: () => watchdog.arm(),
    onIdle: () => watchdog.disarm(),
  });
  // Set up before the first await, so an alarm that woke a stopped worker is heard.
  const watchdog = new Watchdog(browser.alarms, {
    resume: () => runs.recoverInterrupted(currentSettings),
    anyInFlight: () => Promise.resolve(runs.running > 0),
  });
  const lifetime = new AbortController();

  browser.runtime.onInstalled.addListener((details) => {
    void seeded.then(migrateStoredSettings);
    // A new user's first stop: the settings, with the choice that needs no key first. (Not in
    // test builds, whose browser tests count the tabs they open.)
    if (details.reason === 'install' && !__TEST_HOOKS__) void browser.runtime.openOptionsPage();
  });

  listen(
    ['cs/hello', 'cs/capture', 'cs/warm-up', 'cs/cancel', 'cs/stop', 'cs/open-options'],
    ['content'],
    {
      'cs/hello': async ({ site, url, health }, sender) => {
        const tabId = requireTab(sender);
        const previous = await tabs.get(tabId);
        // A hello means a fresh page or a new conversation: whatever ran for the old one stops.
        if (previous && previous.url !== url) runs.cancel(tabId, 'the page navigated');
        await tabs.update(tabId, (record) => ({
          ...record,
          site,
          url,
          health,
          ...(record.url !== url ? { capture: null, run: { phase: 'idle' as const } } : {}),
        }));
        return publicSettings(await currentSettings(), site ?? '');
      },
      'cs/capture': async ({ capture, trigger }, sender) => {
        const tabId = requireTab(sender);
        const settings = await currentSettings();
        if (!isSiteEnabled(settings, capture.site)) {
          return { accepted: false, reason: 'Crosscheck is off for this site.' };
        }
        void runs.start(tabId, boundCapture(capture), settings, { trigger });
        return { accepted: true };
      },
      'cs/warm-up': async ({ site }) => {
        const settings = await currentSettings();
        // One short sentence loads the model the check will use (the offscreen document closes
        // again when no check follows); its failure is the check's to report, not this.
        if (isSiteEnabled(settings, site)) {
          const embedder = services.embedderFor?.(settings) ?? services.embedder;
          void embedder.embed([WARM_UP_TEXT]).catch(() => undefined);
        }
        return null;
      },
      'cs/cancel': ({ reason }, sender) => {
        runs.cancel(requireTab(sender), reason);
        return null;
      },
      'cs/stop': async (_payload, sender) => {
        await runs.stop(requireTab(sender));
        return null;
      },
      'cs/open-options': async () => {
        await browser.runtime.openOptionsPage();
        return null;
      },
    },
    lifetime.signal,
  );

  listen(
    ['ui/tab-status', 'ui/rerun', 'ui/cancel', 'ui/test-connection'],
    ['extension'],
    {
      'ui/test-connection': ({ backend }) => testConnection(backend),
      'ui/tab-status': async ({ tabId }) => tabStatus(tabs, tabId, await currentSettings()),
      'ui/rerun': async ({ tabId }) => {
        const record = await tabs.get(tabId);
        if (!record?.capture) return { started: false };
        void runs.start(tabId, record.capture, await currentSettings(), { trigger: 'user' });
        return { started: true };
      },
      'ui/cancel': async ({ tabId }) => {
        await runs.stop(tabId);
        return null;
      },
    },
    lifetime.signal,
  );

  // The options page's "Download and use" for optional embedding models.
  if (services.models) listenForModelDownloads(services.models, lifetime.signal);

  // Settings reach open tabs live; turning a site off cancels its run.
  onSettingsChanged(lifetime.signal, (settings) => {
    void broadcastSettings(tabs, runs, settings);
    void showSetupBadge(settings);
  });
  void currentSettings().then(showSetupBadge);

  browser.tabs.onRemoved.addListener((tabId) => {
    runs.cancel(tabId, 'the tab was closed');
    void tabs.remove(tabId);
  });

  // A worker (re)started while runs were in flight resumes them, with or without an alarm.
  void watchdog.wake();
}

function requireTab(sender: browser.Runtime.MessageSender): number {
  const tabId = sender.tab?.id;
  if (tabId === undefined) throw new Error('message has no tab');
  return tabId;
}

async function tabStatus(tabs: TabStore, tabId: number, settings: Settings): Promise<TabStatus> {
  const record = await tabs.get(tabId);
  return {
    site: record?.site ?? null,
    siteEnabled: record?.site ? isSiteEnabled(settings, record.site) : settings.enabled,
    health: record?.health ?? null,
    run: record?.run ?? { phase: 'idle' },
    backendReady: await backendReady(settings),
  };
}

async function broadcastSettings(
  tabs: TabStore,
  runs: RunController,
  settings: Settings,
): Promise<void> {
  for (const record of await tabs.all()) {
    const site = record.site ?? '';
    // The badge counts what the page shows, which the sensitivity decides.
    if (record.run.phase === 'done')
      void showBadge(badgeFor(record.run, settings.sensitivity), record.tabId);
    if (record.site && !isSiteEnabled(settings, record.site)) {
      runs.cancel(record.tabId, 'Crosscheck was turned off for this site');
    }
    await sendToTab(record.tabId, 'bg/settings', {
      settings: publicSettings(settings, site),
    }).catch(() => {
      // The tab went away or has no content script any more; nothing to tell it.
    });
  }
}

/** Whether a run could ask anyone: a chosen backend, or the browser's built-in model. */
async function backendReady(settings: Settings): Promise<boolean> {
  return settings.backend !== null || (await builtinUnavailableReason()) === null;
}

/** The default badge says "needs setup" while no backend is chosen and none is built in. */
async function showSetupBadge(settings: Settings): Promise<void> {
  const missing = !(await backendReady(settings));
  await showBadge(
    missing ? SETUP_BADGE : { text: '', colour: SETUP_BADGE.colour, title: 'Crosscheck' },
  );
}
