/**
 * Word-level alignment of two sentences by a longest common subsequence: which positions each
 * side keeps, and the places where they differ as pairs of replaced runs ("top two" / "bottom
 * two" → [["bottom"], ["top"]]), so a change is read where it stands even when the changed word
 * also occurs elsewhere in the sentence.
 */

/** Which positions of a and of b a longest common subsequence of them keeps. */
export function matchedPositions(
  a: readonly string[],
  b: readonly string[],
): [boolean[], boolean[]] {
  const n = a.length;
  const m = b.length;
  const len = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      len[i]![j] =
        a[i] === b[j] ? len[i + 1]![j + 1]! + 1 : Math.max(len[i + 1]![j]!, len[i]![j + 1]!);
    }
  }
  const inA = new Array<boolean>(n).fill(false);
  const inB = new Array<boolean>(m).fill(false);
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      inA[i++] = true;
      inB[j++] = true;
    } else if (len[i + 1]![j]! >= len[i]![j + 1]!) i++;
    else j++;
  }
  return [inA, inB];
}

/** The places where a and b differ, each as the run of a's positions and of b's that one
 * replaces with the other (either may be empty: words only added or only dropped). */
export function replacedRuns(a: readonly string[], b: readonly string[]): [number[], number[]][] {
  const [inA, inB] = matchedPositions(a, b);
  const runs: [number[], number[]][] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const runA: number[] = [];
    const runB: number[] = [];
    while (i < a.length && !inA[i]) runA.push(i++);
    while (j < b.length && !inB[j]) runB.push(j++);
    if (runA.length > 0 || runB.length > 0) runs.push([runA, runB]);
    // Both now stand on the same kept word (or at the end): step past it together.
    if (i < a.length && j < b.length) {
      i++;
      j++;
    } else {
      i = Math.max(i, a.length);
      j = Math.max(j, b.length);
    }
  }
  return runs;
}
