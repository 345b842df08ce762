/**
 * Chat sites are single-page apps: a new conversation is a URL change without a page load.
 * Calls `onChange` when the URL changes, using the Navigation API where the browser has it and a
 * cheap once-a-second comparison otherwise (a content script cannot see the page's history calls).
 */
export function onUrlChange(signal: AbortSignal, onChange: (url: URL) => void): void {
  let last = location.href;
  const check = (): void => {
    if (location.href === last) return;
    last = location.href;
    onChange(new URL(last));
  };
  const navigation = (globalThis as { navigation?: EventTarget }).navigation;
  // `navigatesuccess` fires after the URL has changed.
  navigation?.addEventListener('navigatesuccess', check, { signal });
  const timer = setInterval(check, 1000);
  signal.addEventListener('abort', () => clearInterval(timer), { once: true });
}
