/**
 * "Read all samples": every sample's full text, so the user can judge for themselves.
 */
import type { AnalysisReport } from '../../core/types.ts';
import { Disclosure } from './Disclosure.tsx';

export function SamplesList({ report }: { report: AnalysisReport }) {
  if (report.samples.length === 0) return null;
  return (
    <Disclosure label="Read all samples" detail={`(${report.samples.length})`} class="cc-samples">
      <ol class="cc-sample-list">
        {report.samples.map((text, i) => (
          <li key={i} class="cc-sample">
            <h4 class="cc-sample-title">
              Sample {i + 1}
              {report.consensus.index === i + 1 && <span class="cc-badge">Consensus</span>}
            </h4>
            <p class="cc-fulltext">{text}</p>
          </li>
        ))}
      </ol>
    </Disclosure>
  );
}
