/**
 * The toolbar popup: master switch, switch for the current site, the sample count (per source
 * when other voices are configured), how many underlines (sensitivity), and what is happening on
 * the current tab. Settings are written straight to storage (the popup is a trusted context); the
 * tab's status comes from the background and refreshes when it changes.
 */
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { sendToBackground } from '../shared/messaging.ts';
import { errorMessage } from '../shared/messages.ts';
import type { TabStatus } from '../shared/run-status.ts';
import type { Settings } from '../shared/settings-schema.ts';
import { loadSettings, onSettingsChanged, updateSettings } from '../shared/settings-store.ts';
import { SITES } from '../shared/sites.ts';
import { SENSITIVITIES } from '../core/severity.ts';
import type { Sensitivity } from '../core/types.ts';
import { currentTabId } from './current-tab.ts';
import { Switch } from './Switch.tsx';
import { StatusPanel } from './StatusPanel.tsx';
import { SampleCounts } from './SampleCounts.tsx';

const SENSITIVITY_LABELS: Record<Sensitivity, string> = {
  fewer: 'Fewer',
  balanced: 'Balanced',
  more: 'More',
};

/** The chat sites to name on a page Crosscheck does not run on (the demo page has no hosts). */
const SITE_NAMES = SITES.filter((s) => s.hosts.length > 0).map((s) => s.name);

export function Popup() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [tabId, setTabId] = useState<number | null>(null);
  const [status, setStatus] = useState<TabStatus | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    const lifetime = new AbortController();
    void loadSettings().then(setSettings);
    onSettingsChanged(lifetime.signal, setSettings);
    void currentTabId().then(setTabId);

    return () => lifetime.abort();
  }, []);

  useEffect(() => {
    if (tabId === null) return;
    const refresh = () =>
      sendToBackground('ui/tab-status', { tabId })
        .then(setStatus)
        .catch((error: unknown) => setProblem(errorMessage(error)));
    void refresh();
    // Run progress is kept in storage.session by the background; follow its changes.
    const onChange = (_changes: unknown, area: string) => {
      if (area === 'session' || area === 'local') void refresh();
    };
    browser.storage.onChanged.addListener(onChange);
    return () => browser.storage.onChanged.removeListener(onChange);
  }, [tabId]);

  if (!settings) return <p class="muted pad">Loading…</p>;

  const save = (patch: Partial<Settings>) =>
    updateSettings(patch).catch((error: unknown) => setProblem(errorMessage(error)));
  const site = status?.site ?? null;
  const siteName = site ? (SITES.find((s) => s.id === site)?.name ?? site) : null;
  const siteOn = site !== null && settings.sites[site] !== false;
  const openSettings = () => void browser.runtime.openOptionsPage();
  const send = (type: 'ui/rerun' | 'ui/cancel') =>
    tabId === null
      ? undefined
      : () =>
          void sendToBackground(type, { tabId }).catch((error: unknown) =>
            setProblem(errorMessage(error)),
          );

  return (
    <div class="popup">
      <header class="row">
        <img src="/icons/icon-32.png" alt="" width="20" height="20" />
        <h1>Crosscheck</h1>
        <Switch
          label="Crosscheck on"
          checked={settings.enabled}
          onChange={(enabled) => void save({ enabled })}
        />
      </header>

      <section class="row">
        <div class="grow">
          <div>{siteName ? `On ${siteName}` : 'This page'}</div>
          <div class="muted small">
            {site ? 'Check answers on this site' : 'Crosscheck does not run on this page'}
          </div>
        </div>
        <Switch
          label={siteName ? `Crosscheck on ${siteName}` : 'Crosscheck on this site'}
          checked={siteOn}
          disabled={site === null || !settings.enabled}
          onChange={(on) => site && void save({ sites: { [site]: on } })}
        />
      </section>

      <SampleCounts settings={settings} save={(patch) => void save(patch)} />

      <section class="row">
        <div class="grow" id="sensitivity-label">
          <div>Underlines</div>
          <div class="muted small">Fewer: only the surest; more: also the doubtful</div>
        </div>
        <div class="segmented" role="radiogroup" aria-labelledby="sensitivity-label">
          {SENSITIVITIES.map((value) => (
            <label key={value} class={settings.sensitivity === value ? 'chosen' : ''}>
              <input
                type="radio"
                name="sensitivity"
                value={value}
                checked={settings.sensitivity === value}
                onChange={() => void save({ sensitivity: value })}
              />
              {SENSITIVITY_LABELS[value]}
            </label>
          ))}
        </div>
      </section>

      <StatusPanel
        status={status}
        sensitivity={settings.sensitivity}
        siteNames={SITE_NAMES}
        onRerun={send('ui/rerun')}
        onCancel={send('ui/cancel')}
        onOpenSettings={openSettings}
      />
      {problem && (
        <p class="error small" role="alert">
          {problem}
        </p>
      )}

      <footer>
        <button type="button" class="link" onClick={openSettings}>
          Backend and model settings
        </button>
      </footer>
    </div>
  );
}
