/**
 * The options page: where the user picks the backend that answers again, the other voices that
 * answer too, and the embedding model.
 * Each part is its own section component.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Settings } from '../shared/settings-schema.ts';
import { loadSettings, onSettingsChanged } from '../shared/settings-store.ts';
import { BackendSection } from './BackendSection.tsx';
import { ModelSection } from './ModelSection.tsx';
import { VoicesSection } from './VoicesSection.tsx';

export function Options() {
  const [settings, setSettings] = useState<Settings | null>(null);
  useEffect(() => {
    const lifetime = new AbortController();
    void loadSettings().then(setSettings);
    onSettingsChanged(lifetime.signal, setSettings);
    return () => lifetime.abort();
  }, []);

  return (
    <div class="page">
      <header>
        <img src="/icons/icon-48.png" alt="" width="32" height="32" />
        <div>
          <h1>Crosscheck settings</h1>
          <p class="muted">Where extra answers come from, and how they are compared.</p>
        </div>
      </header>
      {!settings ? (
        <p class="muted">Loading…</p>
      ) : (
        <>
          <BackendSection saved={settings.backend} />
          <VoicesSection saved={settings.otherVoices} mode={settings.otherVoicesMode} />
          <ModelSection saved={settings.embeddingModel} />
        </>
      )}
    </div>
  );
}
