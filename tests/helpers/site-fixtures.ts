/**
 * The project's own site fixtures (tests/fixtures/sites/<id>/conversation.html), read from disk:
 * which exist, and what each says about its simulated stream. A fixture states on its
 * `data-fixture-stream` element which done signal ends the stream (`data-fixture-ends-by`: a
 * `DoneReason` of src/content/stream-watch.ts) and how long the stream pauses half-way
 * (`data-fixture-pause`, ms), so a new site's test expectations live in its fixture, not in a
 * table in the test.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DoneReason } from '../../src/content/stream-watch.ts';

export const FIXTURES = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../fixtures/sites',
);

/** Ids of the sites that have a fixture folder. */
export function fixtureSites(): string[] {
  return readdirSync(FIXTURES, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

export function conversationFixture(site: string): string {
  return path.join(FIXTURES, site, 'conversation.html');
}

export interface StreamExpectation {
  /** The signal that must end the simulated stream. */
  reason: DoneReason;
  /** Silence half-way through the stream, ms: longer than the stability window only when a
   * stop button or other signal holds off "stable text" through it. */
  pause: number;
}

const REASONS: readonly DoneReason[] = ['site-flag', 'action-bar', 'stable-text'];

/** What the site's fixture declares about its stream, or null when it declares nothing usable. */
export function streamExpectation(site: string): StreamExpectation | null {
  const file = conversationFixture(site);
  if (!existsSync(file)) return null;
  const html = readFileSync(file, 'utf8');
  const reason = /\bdata-fixture-ends-by="([\w-]+)"/.exec(html)?.[1] as DoneReason | undefined;
  const pause = /\bdata-fixture-pause="(\d+)"/.exec(html)?.[1];
  if (!reason || !REASONS.includes(reason) || pause === undefined) return null;
  return { reason, pause: Number(pause) };
}
