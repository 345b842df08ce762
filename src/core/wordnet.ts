/**
 * How two words relate in WordNet 3.1, from the compact table scripts/build-wordnet.ts derives:
 * opposites ("explicit"/"implicit", "huge"/"tiny"), sibling terms under one hypernym or one
 * adjective head ("second"/"third", "husband"/"wife") or synonyms (one synset). Used to tell a
 * paraphrase from a change of fact when nearly identical sentences differ in one word.
 */
import { irregularBase, stem } from './lexical.ts';
import type { WordChange } from './types.ts';
import { WORDNET_TABLE } from './wordnet-table.ts';

interface Entry {
  same: readonly string[];
  up: readonly string[];
  cluster: readonly string[];
  opposite: readonly string[];
}

let table: Map<string, Entry> | null = null;

/** Parsed on first use, so loading the core costs nothing until a one-word change is seen. */
function entries(): Map<string, Entry> {
  if (table) return table;
  table = new Map();
  const ids = (field: string | undefined) => (field ? field.split(',') : []);
  for (const line of WORDNET_TABLE.split(';')) {
    const [word, same, up, cluster, opposite] = line.split('|');
    table.set(word!, {
      same: ids(same),
      up: ids(up),
      cluster: ids(cluster),
      opposite: ids(opposite),
    });
  }
  return table;
}

/**
 * The table's entries for a word as written: as is, as the base of an irregular form and
 * without inflection endings, merged ("rose" is the flower and the past of "rise").
 */
function lookup(word: string): Entry | undefined {
  const w = word.toLowerCase();
  const map = entries();
  const candidates = new Set([w, irregularBase(w), stem(w), w.replace(/e?s$/, '')]);
  for (const c of [
    w.replace(/e?d$/, ''),
    w.replace(/d$/, ''),
    w.replace(/ing$/, ''),
    w.replace(/ing$/, 'e'),
  ]) {
    candidates.add(c);
  }
  candidates.add(w.replace(/ied$|ies$/, 'y'));
  const found = [...candidates].flatMap((c) => map.get(c) ?? []);
  if (found.length <= 1) return found[0];
  const merge = (key: keyof Entry) => found.flatMap((e) => e[key]);
  return {
    same: merge('same'),
    up: merge('up'),
    cluster: merge('cluster'),
    opposite: merge('opposite'),
  };
}

const meets = (a: readonly string[], b: readonly string[]) => a.some((x) => b.includes(x));

/** Whether WordNet knows a word as written, in any of its forms ("Board", "University"). */
export function inWordNet(word: string): boolean {
  return lookup(word) !== undefined;
}

/** The relation between two different words, strongest first; null when WordNet has none. */
export function wordRelation(a: string, b: string): Exclude<WordChange, 'swap'> | null {
  if (a.toLowerCase() === b.toLowerCase()) return null;
  const x = lookup(a);
  const y = lookup(b);
  if (!x || !y) return null;
  if (meets(x.opposite, y.cluster) || meets(y.opposite, x.cluster)) return 'antonym';
  if (meets(x.same, y.same)) return 'synonym';
  if (meets(x.up, y.up)) return 'sibling';
  return null;
}

/**
 * Every link WordNet has between two words, as a rank for a learned model: 4 opposites, 3 sibling
 * terms, 2 one the other's direct hypernym ("dog"/"animal": a more general word, often a
 * paraphrase), 1 synonyms, 0 none; -1 when either word is not in the table (rare words, names).
 */
export function wordLink(a: string, b: string): number {
  const x = lookup(a);
  const y = lookup(b);
  if (!x || !y) return -1;
  if (meets(x.opposite, y.cluster) || meets(y.opposite, x.cluster)) return 4;
  if (meets(x.same, y.same)) return 1;
  if (meets(x.same, y.up) || meets(y.same, x.up)) return 2;
  if (meets(x.up, y.up)) return 3;
  return 0;
}
