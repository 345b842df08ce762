/**
 * Keeps `storage.local` (which holds the backend API key) out of content scripts' reach. Chrome
 * lets content scripts read storage.local unless the access level says otherwise. Firefox has no
 * such switch for storage.local; there our content script simply never reads storage and gets
 * settings by message (see PublicSettings).
 */
export async function restrictStorageToTrustedContexts(): Promise<void> {
  const local = chrome.storage.local as chrome.storage.StorageArea & {
    setAccessLevel?: (options: { accessLevel: string }) => Promise<void>;
  };
  await local.setAccessLevel?.({ accessLevel: 'TRUSTED_CONTEXTS' });
}
