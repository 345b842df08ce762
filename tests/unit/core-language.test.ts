import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/core/analysis.ts';
import { detectLanguage, OTHER_LANGUAGE_NOTICE } from '../../src/core/language.ts';
import { tokenize } from '../../src/core/lexical.ts';
import { segment } from '../../src/core/segment.ts';
import { bagOfWordsEmbedder } from './core-test-embedder.ts';

const GERMAN =
  'Die Brooklyn Bridge wurde 1883 eröffnet und verbindet Manhattan mit Brooklyn. Sie war damals ' +
  'die längste Hängebrücke der Welt. Ihr Architekt John Augustus Roebling starb noch vor dem ' +
  'Beginn der Bauarbeiten, sein Sohn Washington führte sie zu Ende.';
const CHINESE =
  '布鲁克林大桥于1883年开通，连接曼哈顿和布鲁克林。它当时是世界上最长的悬索桥。' +
  '设计师约翰·罗布林在施工开始前去世，他的儿子华盛顿完成了这座桥。这座桥至今仍在使用，每天有很多车辆通过。';
const ENGLISH_TABLE = [
  'Here is the timeline of the bridge:',
  '',
  '| Year | Event |',
  '|---|---|',
  '| 1869 | Construction begins |',
  '| 1872 | Roebling falls ill |',
  '| 1883 | Bridge opens to traffic |',
  '| 1884 | Barnum leads elephants across |',
  '| 1964 | Named a National Historic Landmark |',
].join('\n');

describe('language', () => {
  it('reads English prose, English tables and short texts as English', () => {
    expect(detectLanguage('The bridge opened in 1883 and was the longest of its time.')).toBe('en');
    expect(detectLanguage(ENGLISH_TABLE)).toBe('en');
    expect(detectLanguage('Paris.')).toBe('en');
    expect(detectLanguage('Die Brücke wurde 1883 eröffnet.')).toBe('en'); // too short to tell
  });

  it('tells German and Chinese apart from English', () => {
    expect(detectLanguage(GERMAN)).toBe('other');
    expect(detectLanguage(CHINESE)).toBe('other');
  });

  it('splits other languages into sentences and words with Intl.Segmenter, offsets exact', () => {
    const chinese = segment(CHINESE, 'other');
    expect(chinese.map((s) => s.text)).toEqual([
      '布鲁克林大桥于1883年开通，连接曼哈顿和布鲁克林。',
      '它当时是世界上最长的悬索桥。',
      '设计师约翰·罗布林在施工开始前去世，他的儿子华盛顿完成了这座桥。',
      '这座桥至今仍在使用，每天有很多车辆通过。',
    ]);
    for (const s of chinese) expect(CHINESE.slice(s.start, s.end)).toBe(s.text);

    const text = 'Sie war 1.595 Meter lang, nicht 2.000 Meter.';
    const tokens = tokenize(text, false, 'other');
    expect(tokens.map((t) => [t.norm, t.kind])).toEqual([
      ['sie', 'word'],
      ['war', 'word'],
      ['1.595', 'number'],
      ['meter', 'word'],
      ['lang', 'word'],
      ['nicht', 'word'],
      ['2.000', 'number'],
      ['meter', 'word'],
    ]);
    for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.raw);
  });

  it('says in the report that an answer not in English got the language-neutral checks only', async () => {
    const embedder = bagOfWordsEmbedder();
    const other = await analyze(GERMAN, [GERMAN.replace('1883', '1885')], embedder);
    expect(other.notice).toContain(OTHER_LANGUAGE_NOTICE);
    // The changed year is still found: numbers are compared in every language.
    expect(other.sentences[0]!.score).toBeGreaterThan(other.sentences[1]!.score);

    const english = await analyze(ENGLISH_TABLE, [ENGLISH_TABLE], embedder);
    expect(english.notice ?? '').not.toContain(OTHER_LANGUAGE_NOTICE);
  });
});
