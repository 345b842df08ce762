/**
 * Keeps Chrome's service worker alive while a run waits on slow backends. Chrome stops a worker
 * after 30 s without extension events or API calls, even with a fetch in flight; calling a
 * trivial extension API every 20 s is the documented way to extend its life. Firefox's event
 * page has a similar idle timer, which the same calls reset.
 */
import browser from 'webextension-polyfill';

const PERIOD_MS = 20_000;
let holders = 0;
let timer: ReturnType<typeof setInterval> | undefined;

/** Holds the worker alive until the returned function is called. */
export function holdAlive(): () => void {
  holders++;
  timer ??= setInterval(() => void browser.runtime.getPlatformInfo(), PERIOD_MS);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    holders--;
    if (holders === 0) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}
