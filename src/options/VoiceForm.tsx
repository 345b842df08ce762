/**
 * One other voice: the same backend fields as the main backend, how many samples it gives (0 keeps
 * it configured but silent), Save voice (which asks for permission to reach its address then),
 * Test connection and Remove.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { errorMessage } from '../shared/messages.ts';
import { SAMPLE_COUNT_MAX } from '../shared/settings-schema.ts';
import type { OtherVoice } from '../shared/sources.ts';
import { isDirty, stableJson } from './backend-choice.ts';
import { BackendFields, BackendHints } from './BackendFields.tsx';
import { NoticeView } from './Notice.tsx';
import { useBackendActions } from './useBackendActions.ts';
import { useLeaveWarning } from './useLeaveWarning.ts';
import { storeVoice } from './voices.ts';
import { SaveState } from './SaveState.tsx';

export function VoiceForm(props: {
  /** 1-based, for its heading. */
  number: number;
  /** What is stored for it, or null while it is new. */
  saved: OtherVoice | null;
  /** The voice to start from: the stored one, or a new one. */
  initial: OtherVoice;
  /** Move focus into it once it appears (it was just added). */
  focusOnMount: boolean;
  onRemove: () => Promise<void>;
}) {
  const [draft, setDraft] = useState<OtherVoice>(props.initial);
  const [removing, setRemoving] = useState(false);
  const actions = useBackendActions((backend) => storeVoice({ ...draft, backend }));
  const formRef = useRef<HTMLFormElement>(null);
  const prefix = `${draft.id}-`;
  const headingId = `${prefix}heading`;

  // When this voice changes in storage (another options tab, the popup's stepper), follow it
  // unless mid-save; a write of other settings leaves the form as it is.
  useEffect(() => {
    if (props.saved && !actions.busy) setDraft(props.saved);
  }, [stableJson(props.saved)]);

  useEffect(() => {
    if (props.focusOnMount) formRef.current?.querySelector('select')?.focus();
  }, []);

  const dirty = isDirty(draft, props.saved);
  useLeaveWarning(dirty && props.saved !== null);
  const busy = actions.busy || removing;

  return (
    <form
      ref={formRef}
      class="voice grid"
      aria-labelledby={headingId}
      onSubmit={(event) => {
        event.preventDefault();
        void actions.save(draft.backend);
      }}
    >
      <h3 id={headingId} class="voice-heading">
        Voice {props.number}
      </h3>
      <BackendFields
        idPrefix={prefix}
        draft={draft.backend}
        onChange={(backend) => setDraft({ ...draft, backend })}
        onPresetChange={() => actions.setNotice(null)}
      />
      <label for={`${prefix}samples`}>Samples per answer</label>
      <div>
        <input
          id={`${prefix}samples`}
          class="samples"
          type="number"
          inputMode="numeric"
          min="0"
          max={SAMPLE_COUNT_MAX}
          step="1"
          required
          aria-describedby={`${prefix}samples-hint`}
          value={draft.samples}
          onInput={(event) => {
            const n = Number(event.currentTarget.value);
            if (Number.isInteger(n) && n >= 0 && n <= SAMPLE_COUNT_MAX)
              setDraft({ ...draft, samples: n });
          }}
        />
        <p id={`${prefix}samples-hint`} class="small muted hint">
          0 keeps this voice configured but silent.
        </p>
      </div>
      <SaveState
        saved={props.saved !== null}
        dirty={dirty}
        neverSaved="Not saved yet: this voice answers once you press Save voice."
      />
      <div class="actions">
        <button type="submit" class="button primary" disabled={busy}>
          Save voice
        </button>
        <button
          type="button"
          class="button"
          disabled={busy}
          onClick={() => void actions.test(draft.backend)}
        >
          Test connection
        </button>
        <button
          type="button"
          class="button danger"
          disabled={busy}
          aria-label={`Remove voice ${props.number}`}
          onClick={() => {
            setRemoving(true);
            props.onRemove().catch((error: unknown) => {
              setRemoving(false);
              actions.setNotice({ kind: 'error', text: errorMessage(error) });
            });
          }}
        >
          Remove
        </button>
      </div>
      <div class="voice-notes">
        <NoticeView notice={actions.notice} />
        <BackendHints draft={draft.backend} />
      </div>
    </form>
  );
}
