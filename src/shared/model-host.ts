/**
 * Where remote embedding models are downloaded from, and the host permissions that takes.
 * Production builds always use the Hugging Face hub. Test builds (`__TEST_HOOKS__`) honour a
 * `storage.local` key naming a hub-compatible server on 127.0.0.1, so the e2e test runs the real
 * download code without the hub; the bundler drops that branch from real builds. Pure: the
 * storage read is in shared/model-host-store.ts.
 */

export const HUB_HOST = 'https://huggingface.co/';

/** Test builds only: `{ [TEST_MODEL_HOST_KEY]: 'http://127.0.0.1:PORT/' }` in storage.local. */
export const TEST_MODEL_HOST_KEY = 'test:modelHost';

/** The host to use given what storage holds under TEST_MODEL_HOST_KEY (ignored unless `testHooks`). */
export function resolveModelHost(stored: unknown, testHooks: boolean): string {
  if (testHooks && typeof stored === 'string' && URL.canParse(stored)) return stored;
  return HUB_HOST;
}

/**
 * Match patterns the download needs. The hub answers model files with a redirect to its
 * content-delivery hosts (cdn-lfs.hf.co, cas-bridge.xethub.hf.co, …), all under hf.co.
 */
export function hostPermissionsFor(host: string): string[] {
  const url = new URL(host);
  if (url.href === HUB_HOST) return ['https://huggingface.co/*', 'https://*.hf.co/*'];
  return [`${url.protocol}//${url.hostname}/*`];
}

/** The host name to show the user ("huggingface.co"). */
export function hostLabel(host: string): string {
  return new URL(host).host;
}
