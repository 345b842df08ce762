/**
 * How many extra answers to ask for: one stepper for the main backend, and once other voices are
 * configured, one per voice too (labelled by its model; 0 keeps it silent), with a note when they
 * only answer about uncertain answers.
 */
import {
  SAMPLE_COUNT_MAX,
  SAMPLE_COUNT_MIN,
  clampSampleCount,
  clampVoiceSamples,
  type Settings,
} from '../shared/settings-schema.ts';
import { sourceLabels } from '../shared/source-labels.ts';
import { MAIN_VOICE_ID } from '../shared/sources.ts';
import { Stepper } from './Stepper.tsx';

const MAIN_STEPPER = {
  id: 'sample-count',
  min: SAMPLE_COUNT_MIN,
  max: SAMPLE_COUNT_MAX,
  groupLabel: 'Extra answers per reply',
  fewerLabel: 'Fewer extra answers',
  moreLabel: 'More extra answers',
  clamp: clampSampleCount,
};

export function SampleCounts(props: {
  settings: Settings;
  save: (patch: Partial<Settings>) => void;
}) {
  const { settings, save } = props;
  const mainStepper = (
    <Stepper
      {...MAIN_STEPPER}
      value={settings.sampleCount}
      onChange={(sampleCount) => save({ sampleCount })}
    />
  );
  if (settings.otherVoices.length === 0) {
    return (
      <section class="row">
        <label class="grow" for="sample-count">
          <div>Extra answers</div>
          <div class="muted small">Asked for each reply; more is slower and costs more</div>
        </label>
        {mainStepper}
      </section>
    );
  }

  const labels = sourceLabels(settings.backend, settings.otherVoices);
  const labelOf = (id: string) => labels.find((l) => l.id === id)?.label;
  const setVoiceSamples = (id: string, samples: number) =>
    save({
      otherVoices: settings.otherVoices.map((v) => (v.id === id ? { ...v, samples } : v)),
    });

  return (
    <section role="group" aria-labelledby="samples-heading" aria-describedby="samples-hint">
      <div id="samples-heading">Extra answers, per source</div>
      <div id="samples-hint" class="muted small">
        Asked for each reply; more is slower and costs more
      </div>
      <div class="row source-row">
        <label class="grow" for="sample-count" data-testid="source-label">
          {labelOf(MAIN_VOICE_ID) ?? 'Main backend'} <span class="muted small">(main)</span>
        </label>
        {mainStepper}
      </div>
      {settings.otherVoices.map((voice) => {
        const label = labelOf(voice.id) ?? voice.backend.model;
        return (
          <div key={voice.id} class="row source-row">
            <label class="grow" for={`samples-${voice.id}`} data-testid="source-label">
              {label}
            </label>
            <Stepper
              id={`samples-${voice.id}`}
              value={voice.samples}
              min={0}
              max={SAMPLE_COUNT_MAX}
              groupLabel={`Answers from ${label}`}
              fewerLabel={`Fewer answers from ${label}`}
              moreLabel={`More answers from ${label}`}
              clamp={clampVoiceSamples}
              onChange={(samples) => setVoiceSamples(voice.id, samples)}
            />
          </div>
        );
      })}
      {settings.otherVoicesMode === 'when-uncertain' && (
        <p class="muted small budget-note">
          Other voices are asked only when the answer looks uncertain.
        </p>
      )}
    </section>
  );
}
