/**
 * Content script entry. Finds the site adapter for the page, says hello to the background (which
 * answers with the settings a content script may know), watches for answers that finish
 * streaming, captures them, and draws the background's results. Everything it starts hangs off
 * one AbortController per page URL, so a single-page-app navigation or turning Crosscheck off
 * removes every observer, listener, highlight and overlay at once.
 */
import { listen, sendToBackground } from '../shared/messaging.ts';
import type { CaptureTrigger } from '../shared/messages.ts';
import type { RunStatus, SiteHealth } from '../shared/run-status.ts';
import type { PublicSettings } from '../shared/settings-schema.ts';
import { AnswerSession } from './answer-session.ts';
import { onUrlChange } from './navigation.ts';
import { captureLatest } from './sites/capture.ts';
import { adapterFor } from './sites/registry.ts';
import type { SiteAdapter } from './sites/types.ts';
import { watchAnswers } from './stream-watch.ts';
import { probeStorageLocal, publishTestState } from './test-hooks.ts';

/** A page whose turns have not rendered yet is not broken: look again after this long. */
const HEALTH_RECHECK_MS = 5000;

interface PageState {
  adapter: SiteAdapter | null;
  url: URL;
  settings: PublicSettings | null;
  health: SiteHealth | null;
  connected: boolean;
  session: AnswerSession | null;
  conversationId: string | null;
  captures: number;
  storageLocalReadable?: boolean;
}

const state: PageState = {
  adapter: adapterFor(new URL(location.href)),
  url: new URL(location.href),
  settings: null,
  health: null,
  connected: false,
  session: null,
  conversationId: null,
  captures: 0,
};

let page = new AbortController();
let watching: AbortController | null = null;
let sessionScope: AbortController | null = null;

function changed(): void {
  if (!__TEST_HOOKS__) return;
  const run = state.session?.status() ?? null;
  publishTestState({
    site: state.adapter?.id ?? null,
    connected: state.connected,
    settings: state.settings,
    health: state.health,
    captures: state.captures,
    run: run
      ? {
          phase: run.phase,
          ...('done' in run ? { done: run.done, total: run.total } : {}),
          ...(run.phase === 'error' ? { message: run.message } : {}),
        }
      : null,
    highlights: state.session?.highlightCount() ?? 0,
    storageLocalReadable: state.storageLocalReadable,
  });
}

function active(): boolean {
  return state.adapter !== null && state.settings?.enabled === true && state.settings.siteEnabled;
}

function checkHealth(): SiteHealth | null {
  if (!state.adapter) return null;
  const { ok, problems } = state.adapter.health(document, state.url);
  return { ok, problems };
}

async function hello(): Promise<void> {
  state.health = checkHealth();
  state.settings = await sendToBackground('cs/hello', {
    site: state.adapter?.id ?? null,
    url: state.url.href,
    health: state.health,
  });
  state.connected = true;
  changed();
}

/** Captures the latest answer and asks the background to check it. */
function capture(trigger: CaptureTrigger): boolean {
  const adapter = state.adapter;
  if (!adapter || !active()) return false;
  const captured = captureLatest(adapter, state.url);
  if (!captured) return false;
  if (state.session?.element !== captured.answer.element) {
    sessionScope?.abort();
    sessionScope = new AbortController();
    state.session = new AnswerSession({
      adapter,
      answer: captured.answer,
      answerText: captured.capture.answer,
      signal: AbortSignal.any([page.signal, sessionScope.signal]),
      onRerun: () => void capture('user'),
      ...(state.settings ? { sensitivity: state.settings.sensitivity } : {}),
      onOpenSettings: () => void sendToBackground('cs/open-options', {}).catch(() => undefined),
      onCancel: () => void sendToBackground('cs/stop', {}).catch(() => undefined),
    });
  }
  state.conversationId = captured.capture.conversationId;
  state.captures++;
  changed();
  sendToBackground('cs/capture', { capture: captured.capture, trigger }).then(
    (reply) => {
      if (!reply.accepted)
        state.session?.update({ phase: 'error', message: reply.reason ?? 'Not checked.' });
    },
    (error: unknown) =>
      state.session?.update({
        phase: 'error',
        message: `Crosscheck could not start: ${String(error)}`,
      }),
  );
  return true;
}

/** At most this often while an answer streams: the background keeps the model loaded between. */
const WARM_UP_EVERY_MS = 5000;
let lastWarmUp = -Infinity;

/** An answer is streaming: its check will need the model, which can load meanwhile. */
function warmUp(): void {
  const site = state.adapter?.id;
  const now = performance.now();
  if (!site || !active() || now - lastWarmUp < WARM_UP_EVERY_MS) return;
  lastWarmUp = now;
  sendToBackground('cs/warm-up', { site }).catch(() => undefined);
}

function startWatching(): void {
  if (watching || !state.adapter) return;
  watching = new AbortController();
  watchAnswers(state.adapter, (done) => void capture(done.initial ? 'page-load' : 'new-answer'), {
    signal: AbortSignal.any([page.signal, watching.signal]),
    onStreaming: warmUp,
  });
}

function stopWatching(): void {
  watching?.abort();
  watching = null;
  sessionScope?.abort();
  state.session = null;
}

function applySettings(settings: PublicSettings): void {
  state.settings = settings;
  state.session?.setSensitivity(settings.sensitivity);
  if (active()) startWatching();
  else stopWatching();
  changed();
}

function onRun(conversationId: string, run: RunStatus): void {
  if (conversationId !== state.conversationId || !state.session) return;
  state.session.update(run);
  changed();
}

function startPage(): void {
  // Everything of the previous URL goes: its watcher, overlay, highlights and timers.
  stopWatching();
  page.abort();
  page = new AbortController();
  const { signal } = page;
  state.url = new URL(location.href);
  state.adapter = adapterFor(state.url);
  state.session = null;
  state.conversationId = null;
  hello().then(
    () => {
      if (state.settings) applySettings(state.settings);
      const recheck = setTimeout(() => {
        const health = checkHealth();
        if (JSON.stringify(health) !== JSON.stringify(state.health)) void hello();
      }, HEALTH_RECHECK_MS);
      signal.addEventListener('abort', () => clearTimeout(recheck), { once: true });
    },
    (error: unknown) => console.warn('[crosscheck] background unreachable', error),
  );
}

listen(['bg/settings', 'bg/run'], ['extension'], {
  'bg/settings': ({ settings }) => {
    applySettings(settings);
    return null;
  },
  'bg/run': ({ conversationId, run }) => {
    onRun(conversationId, run);
    return null;
  },
});

onUrlChange(new AbortController().signal, () => {
  void sendToBackground('cs/cancel', { reason: 'the page navigated' }).catch(() => undefined);
  startPage();
});

if (__TEST_HOOKS__) {
  void probeStorageLocal().then((readable) => {
    state.storageLocalReadable = readable;
    changed();
  });
}

startPage();
