/**
 * Reads the content script's test state (the JSON it writes to `data-crosscheck-test` on <html>
 * in test builds) until it matches, for browser tests that follow a run from the page.
 */
import type { Page } from 'playwright-core';

export async function waitForContentState<State>(
  page: Page,
  match: (state: State) => boolean,
  timeoutMs = 90_000,
): Promise<State> {
  const until = Date.now() + timeoutMs;
  let last: State | null = null;
  while (Date.now() < until) {
    const raw = await page.getAttribute('html', 'data-crosscheck-test');
    last = raw === null ? null : (JSON.parse(raw) as State);
    if (last && match(last)) return last;
    await page.waitForTimeout(50);
  }
  throw new Error(`content state never matched; last: ${JSON.stringify(last)}`);
}
