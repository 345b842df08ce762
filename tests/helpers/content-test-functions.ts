/**
 * Content-side functions that only tests need, bundled into the page harness next to the content
 * modules (see page-harness.ts) and never into the extension:
 * - `offsetsFromRange`, the inverse of dom-text's `rangeFromOffsets`, to check the round trip;
 * - `waitForAnswerDone`, a promise over `watchAnswers` for one finished answer.
 */
import type { DomTextIndex } from '../../src/content/dom-text.ts';
import {
  watchAnswers,
  type AnswerDone,
  type WatchOptions,
} from '../../src/content/stream-watch.ts';
import type { SiteAdapter } from '../../src/content/sites/types.ts';

/** Offsets [start, end) in the index's text of a DOM range (clamped to the indexed element). */
export function offsetsFromRange(
  index: DomTextIndex,
  range: Range,
): { start: number; end: number } {
  const start = offsetOfPoint(index, range.startContainer, range.startOffset);
  const end = offsetOfPoint(index, range.endContainer, range.endOffset);
  return { start, end: Math.max(start, end) };
}

/**
 * Offset in the text of the first character at or after the DOM point (container, offset); the
 * text length when nothing indexed follows it.
 */
function offsetOfPoint(index: DomTextIndex, container: Node, offset: number): number {
  const { nodes, offsetOf, text } = index;
  const byNode = nodeRanges(index);
  const span = container.nodeType === Node.TEXT_NODE ? byNode.get(container as Text) : undefined;
  if (span) {
    // First character of this node whose source offset is >= offset (offsets rise within a node).
    let lo = span.first;
    let hi = span.last + 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (offsetOf[mid]! < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
  // An element boundary, or a text node that contributes nothing (collapsed whitespace): take the
  // first indexed text node that starts at or after the point in document order.
  const point = index.root.ownerDocument.createRange();
  point.setStart(container, offset);
  for (const node of nodes) {
    const s = byNode.get(node);
    if (s && node !== container && point.comparePoint(node, 0) >= 0) return s.first;
  }
  return text.length;
}

const nodeRangeCache = new WeakMap<DomTextIndex, Map<Text, { first: number; last: number }>>();

/** First and last text offset each text node contributes, built once per index. */
function nodeRanges(index: DomTextIndex): Map<Text, { first: number; last: number }> {
  let map = nodeRangeCache.get(index);
  if (map) return map;
  map = new Map();
  const { nodeOf, nodes } = index;
  for (let i = 0; i < nodeOf.length; i++) {
    const n = nodeOf[i]!;
    if (n < 0) continue;
    const node = nodes[n]!;
    const span = map.get(node);
    if (span) span.last = i;
    else map.set(node, { first: i, last: i });
  }
  nodeRangeCache.set(index, map);
  return map;
}

/** Resolves with the next finished answer (the one streaming now, or the one already there). */
export function waitForAnswerDone(
  adapter: SiteAdapter,
  options: WatchOptions & { skipInitial?: boolean },
): Promise<AnswerDone> {
  return new Promise((resolve, reject) => {
    const inner = new AbortController();
    const stop = (): void => inner.abort();
    options.signal.addEventListener('abort', stop, { once: true });
    if (options.signal.aborted) {
      reject(options.signal.reason);
      return;
    }
    options.signal.addEventListener('abort', () => reject(options.signal.reason), { once: true });
    watchAnswers(
      adapter,
      (done) => {
        if (options.skipInitial && done.initial) return;
        inner.abort();
        resolve(done);
      },
      { ...options, signal: inner.signal },
    );
  });
}
