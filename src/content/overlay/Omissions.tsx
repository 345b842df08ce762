/**
 * What most samples say that the answer leaves out, each with how many samples say it and, on
 * request, each sample's own wording.
 */
import type { AnalysisReport } from '../../core/types.ts';
import { sampleName } from '../../shared/source-reading.ts';
import type { SampleSource } from '../../shared/sources.ts';
import { Disclosure } from './Disclosure.tsx';
import { ofSamples, shownOmissions } from './summarise.ts';

interface Props {
  report: AnalysisReport;
  sources: readonly SampleSource[] | null;
}

export function Omissions({ report, sources }: Props) {
  const omissions = shownOmissions(report);
  if (omissions.length === 0) return null;
  return (
    <section class="cc-section cc-omissions-section" aria-labelledby="cc-omissions-title">
      <h3 id="cc-omissions-title" class="cc-section-title">
        <span class="cc-omission-rule" aria-hidden="true" />
        What most samples said that this answer omits
      </h3>
      <ul class="cc-omissions">
        {omissions.map((omission, i) => (
          <li key={i} class="cc-omission">
            <p class="cc-omission-text">{omission.text}</p>
            <Disclosure
              label={`${ofSamples(omission.samples.length, report.samples.length, 'say this', 'says this')}`}
              detail="· their wording"
              class="cc-omission-wording"
            >
              <ul class="cc-wordings">
                {omission.samples.map((sample, k) => (
                  <li key={sample}>
                    <span class="cc-sample-tag">{sampleName(sample, sources)}</span>
                    <span class="cc-quote">{omission.wording[k] ?? ''}</span>
                  </li>
                ))}
              </ul>
            </Disclosure>
          </li>
        ))}
      </ul>
    </section>
  );
}
