/**
 * Other voices: further backends or models whose answers are compared with the main backend's, to
 * catch what one model repeats with confidence. Up to MAX_OTHER_VOICES, each its own form
 * (VoiceForm); and when they are asked: always, or only when the answer looks uncertain.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { errorMessage } from '../shared/messages.ts';
import { updateSettings } from '../shared/settings-store.ts';
import { MAX_OTHER_VOICES, type OtherVoice, type OtherVoicesMode } from '../shared/sources.ts';
import { NoticeView, type Notice } from './Notice.tsx';
import { VoiceForm } from './VoiceForm.tsx';
import { forgetVoice, newVoice } from './voices.ts';
import { ChoiceCard } from './ChoiceCard.tsx';

const MODES: { value: OtherVoicesMode; label: string; hint: string }[] = [
  {
    value: 'always',
    label: 'Always, together with the main backend',
    hint: 'Every answer is checked by every voice.',
  },
  {
    value: 'when-uncertain',
    label: 'Only when the answer looks uncertain (saves cost)',
    hint: 'Asked after the main backend’s samples leave a sentence in doubt; a consistent answer costs nothing more.',
  },
];

export function VoicesSection(props: { saved: OtherVoice[]; mode: OtherVoicesMode }) {
  // Voices added here and not saved yet; once stored they come back in props.saved.
  const [added, setAdded] = useState<OtherVoice[]>([]);
  const [justAdded, setJustAdded] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const savedIds = new Set(props.saved.map((v) => v.id));
  const voices = [...props.saved, ...added.filter((v) => !savedIds.has(v.id))];
  // Once stored, a voice is no longer "added here": removed in another tab, it stays removed.
  useEffect(() => {
    setAdded((list) => list.filter((v) => !savedIds.has(v.id)));
  }, [props.saved]);
  const full = voices.length >= MAX_OTHER_VOICES;

  const remove = async (voice: OtherVoice) => {
    if (savedIds.has(voice.id)) await forgetVoice(voice.id);
    setAdded((list) => list.filter((v) => v.id !== voice.id));
    addButton.current?.focus();
  };

  const chooseMode = (otherVoicesMode: OtherVoicesMode) => {
    setNotice(null);
    updateSettings({ otherVoicesMode }).then(
      () => setNotice({ kind: 'ok', text: 'Saved.' }),
      (error: unknown) => setNotice({ kind: 'error', text: errorMessage(error) }),
    );
  };

  return (
    <section aria-labelledby="voices-heading">
      <h2 id="voices-heading">Other voices</h2>
      <p class="muted">
        Another model catches the errors your main backend repeats with confidence in every sample:
        its answers are compared along with the main backend’s.
      </p>
      {voices.map((voice, i) => (
        <VoiceForm
          key={voice.id}
          number={i + 1}
          saved={props.saved.find((v) => v.id === voice.id) ?? null}
          initial={voice}
          focusOnMount={voice.id === justAdded}
          onRemove={() => remove(voice)}
        />
      ))}
      <div class="voices-add">
        <button
          ref={addButton}
          type="button"
          class="button"
          disabled={full}
          aria-describedby="voices-add-hint"
          onClick={() => {
            const voice = newVoice();
            setAdded((list) => [...list, voice]);
            setJustAdded(voice.id);
          }}
        >
          Add a voice
        </button>
        <span id="voices-add-hint" class="small muted">
          {full
            ? `At most ${MAX_OTHER_VOICES} other voices.`
            : voices.length === 0
              ? 'None yet: only the main backend answers.'
              : `Up to ${MAX_OTHER_VOICES} other voices.`}
        </span>
      </div>
      {voices.length > 0 && (
        <fieldset class="choices voices-mode">
          <legend>When to ask the other voices</legend>
          {MODES.map((mode) => (
            <ChoiceCard
              key={mode.value}
              name="voices-mode"
              value={mode.value}
              checked={props.mode === mode.value}
              onChoose={() => chooseMode(mode.value)}
            >
              <span class="block">{mode.label}</span>
              <span class="small muted block">{mode.hint}</span>
            </ChoiceCard>
          ))}
          <NoticeView notice={notice} />
        </fieldset>
      )}
    </section>
  );
}
