/**
 * A contradiction probe over two sentence vectors. The bundled encoder (Universal Sentence
 * Encoder lite) was trained partly on natural-language inference, so how two vectors differ —
 * their element-wise product and absolute difference — carries some sign of "these two
 * statements cannot both be true" that cosine similarity alone does not. A linear read-out of
 * those 1,024 numbers, fitted on ChatProtect's development pairs together with the rest of the
 * evidence by bench/quality/train-probe.ts, gives a margin: the higher, the more the pair leans
 * to contradiction (0 is ChatProtect's average pair; only the rank means anything, and the
 * one-sample severity trees weigh it).
 * The weights belong to one encoder build; with any other encoder there is no probe.
 */
import { CONTRADICTION_PROBE } from './contradiction-probe-weights.ts';

/** Whether the probe was fitted on this encoder's vectors. */
export function probeFits(embedderId: string, dimensions: number): boolean {
  return (
    embedderId === CONTRADICTION_PROBE.embedderId &&
    dimensions * 2 === CONTRADICTION_PROBE.weights.length
  );
}

/** The probe's margin for two unit vectors of the encoder it was fitted on. */
export function contradictionMargin(a: Float32Array, b: Float32Array): number {
  const w = CONTRADICTION_PROBE.weights;
  const d = a.length;
  let z = CONTRADICTION_PROBE.offset;
  for (let i = 0; i < d; i++) {
    const x = a[i]!;
    const y = b[i]!;
    z += w[i]! * x * y + w[d + i]! * Math.abs(x - y);
  }
  return z;
}
