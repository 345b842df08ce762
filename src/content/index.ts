/**
 * Content script entry: finds the site adapter for this page, says hello to the background, and
 * keeps the settings the background sends. Everything it starts is tied to one AbortSignal that
 * navigation or turning Crosscheck off aborts.
 */
import { listen, sendToBackground } from '../shared/messaging.ts';
import type { PublicSettings } from '../shared/settings-schema.ts';
import { siteIdForHost } from './site-id.ts';
import { probeStorageLocal, publishTestState } from './test-hooks.ts';

interface ContentState {
  site: string | null;
  settings: PublicSettings | null;
  connected: boolean;
  storageLocalReadable?: boolean;
}

const state: ContentState = {
  site: siteIdForHost(location.hostname),
  settings: null,
  connected: false,
};

function changed(): void {
  if (__TEST_HOOKS__) publishTestState(state);
}

listen(['bg/settings', 'bg/run', 'bg/page-status', 'bg/recapture'], ['extension'], {
  'bg/settings': ({ settings }) => {
    state.settings = settings;
    changed();
    return null;
  },
  'bg/run': () => null,
  'bg/page-status': () => ({ site: state.site, health: null, settings: state.settings }),
  'bg/recapture': () => ({ captured: false }),
});

async function hello(): Promise<void> {
  state.settings = await sendToBackground('cs/hello', {
    site: state.site,
    url: location.href,
    health: null,
  });
  state.connected = true;
  changed();
}

if (__TEST_HOOKS__) {
  void probeStorageLocal().then((readable) => {
    state.storageLocalReadable = readable;
    changed();
  });
}

hello().catch((error: unknown) => {
  console.warn('[crosscheck] background unreachable', error);
});
