/**
 * The main backend, the one that answers again: its fields (BackendFields), Save and Test
 * connection (useBackendActions). Until a choice is saved the form says so, and leaving with
 * unsaved changes asks first.
 */
import { useEffect, useState } from 'preact/hooks';
import { updateSettings } from '../shared/settings-store.ts';
import type { BackendSettings } from '../shared/backend.ts';
import { builtinUnavailableReason } from '../sampling/backends/chrome-builtin.ts';
import { backendForPreset, isDirty, stableJson } from './backend-choice.ts';
import { BackendFields, BackendHints } from './BackendFields.tsx';
import { NoticeView } from './Notice.tsx';
import { useBackendActions } from './useBackendActions.ts';
import { useLeaveWarning } from './useLeaveWarning.ts';
import { SaveState } from './SaveState.tsx';

export function BackendSection(props: { saved: BackendSettings | null }) {
  const [draft, setDraft] = useState<BackendSettings>(props.saved ?? backendForPreset('ollama'));
  const actions = useBackendActions(async (backend) => {
    await updateSettings({ backend });
  });

  // When the backend changes in storage (another options tab), follow it unless mid-save; a write
  // of other settings (a voice, the embedding model) leaves unsaved edits as they are.
  useEffect(() => {
    if (props.saved && !actions.busy) setDraft(props.saved);
  }, [stableJson(props.saved)]);

  // Nothing saved yet: start from the browser's own model where it has one (no key, no server).
  useEffect(() => {
    if (props.saved) return;
    void builtinUnavailableReason().then(
      (reason) => {
        if (reason === null)
          setDraft((d) => (d.presetId === 'ollama' ? backendForPreset('chrome-builtin') : d));
      },
      () => undefined,
    );
  }, []);

  const dirty = isDirty(draft, props.saved);
  useLeaveWarning(dirty && props.saved !== null);

  return (
    <section aria-labelledby="backend-heading">
      <h2 id="backend-heading">Main backend</h2>
      <p class="muted">
        Crosscheck sends the conversation you are reading to this backend to get extra answers.
      </p>
      <form
        class="grid"
        onSubmit={(event) => {
          event.preventDefault();
          void actions.save(draft);
        }}
      >
        <BackendFields
          draft={draft}
          onChange={setDraft}
          onPresetChange={() => actions.setNotice(null)}
        />
        <SaveState
          saved={props.saved !== null}
          dirty={dirty}
          neverSaved="Not saved yet: Crosscheck asks no backend until you press Save."
        />
        <div class="actions">
          <button type="submit" class="button primary" disabled={actions.busy}>
            Save
          </button>
          <button
            type="button"
            class="button"
            disabled={actions.busy}
            onClick={() => void actions.test(draft)}
          >
            Test connection
          </button>
        </div>
      </form>
      <NoticeView notice={actions.notice} />
      <BackendHints draft={draft} />
    </section>
  );
}
