/**
 * How this project starts Debian's Chromium, in one place for the browser tests, the benchmarks
 * and the demo. The flags keep it off the network (the machine's closed network otherwise gets
 * a stream of refused connections from background services) and quiet.
 */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const QUIET_CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--no-default-browser-check',
];

/** Flags that load one unpacked extension and no other. */
export function extensionArgs(extensionDir: string): string[] {
  return [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`];
}
