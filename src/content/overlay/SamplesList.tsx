/**
 * "Read all samples": every sample's full text, so the user can judge for themselves.
 */
import type { AnalysisReport } from '../../core/types.ts';
import { sampleName } from '../../shared/source-reading.ts';
import type { SampleSource } from '../../shared/sources.ts';
import { Disclosure } from './Disclosure.tsx';

interface Props {
  report: AnalysisReport;
  sources: readonly SampleSource[] | null;
}

export function SamplesList({ report, sources }: Props) {
  if (report.samples.length === 0) return null;
  return (
    <Disclosure label="Read all samples" detail={`(${report.samples.length})`} class="cc-samples">
      <ol class="cc-sample-list">
        {report.samples.map((text, i) => (
          <li key={i} class="cc-sample">
            <h4 class="cc-sample-title">
              {sampleName(i, sources)}
              {report.consensus.index === i + 1 && <span class="cc-badge">Consensus</span>}
            </h4>
            <p class="cc-fulltext">{text}</p>
          </li>
        ))}
      </ol>
    </Disclosure>
  );
}
