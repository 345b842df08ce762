import { describe, expect, it } from 'vitest';
import { envelope, parseEnvelope, REQUEST_CHECKS } from '../../src/shared/messages.ts';

const capture = {
  site: 'chatgpt',
  conversationId: 'c/123',
  turns: [{ role: 'user', text: 'Who wrote Dracula?' }],
  answer: 'Bram Stoker wrote Dracula in 1897.',
};

describe('message validation', () => {
  it('accepts a well-formed message of a handled type', () => {
    const parsed = parseEnvelope(
      envelope('cs/capture', {
        capture: { ...capture, turns: [{ role: 'user', text: 'Q' }] },
        trigger: 'new-answer',
      }),
      ['cs/capture'],
    );
    expect(parsed.ok).toBe(true);
  });

  it('ignores messages that are not ours, without calling them malformed', () => {
    for (const message of [null, 'hello', { type: 'cs/capture' }, { crosscheck: 2, type: 'x' }]) {
      const parsed = parseEnvelope(message, ['cs/capture']);
      expect(parsed).toMatchObject({ ok: false, ours: false });
    }
  });

  it('does not handle types meant for another receiver', () => {
    const parsed = parseEnvelope(envelope('ui/rerun', { tabId: 1 }), ['cs/capture', 'cs/hello']);
    expect(parsed).toMatchObject({ ok: false, ours: false });
    if (!parsed.ok) expect(parsed.reason).toContain('ui/rerun');
  });

  it('rejects malformed payloads with a reason naming the field', () => {
    const cases: [unknown, string][] = [
      [{ capture: { ...capture, answer: 7 }, trigger: 'user' }, 'capture.answer must be a string'],
      [
        { capture: { ...capture, turns: [{ role: 'system', text: 'x' }] }, trigger: 'user' },
        'turns[0].role',
      ],
      [{ capture: { ...capture, turns: 'nope' }, trigger: 'user' }, 'turns must be an array'],
      [
        { capture: { ...capture, answer: 'x'.repeat(5_000_001) }, trigger: 'user' },
        'longer than 5000000',
      ],
      [{ trigger: 'new-answer' }, 'capture must be an object'],
      [{ capture, trigger: 'whenever' }, 'trigger must be one of'],
    ];
    for (const [payload, reason] of cases) {
      const parsed = parseEnvelope({ crosscheck: 1, type: 'cs/capture', payload }, ['cs/capture']);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) {
        expect(parsed.ours).toBe(true);
        expect(parsed.reason).toContain(reason);
      }
    }
  });

  it('checks settings pushed to content scripts', () => {
    const check = REQUEST_CHECKS['bg/settings'];
    const settings = { enabled: true, siteEnabled: false, sensitivity: 'more' };
    expect(check({ settings })).toBeNull();
    expect(check({ settings: { ...settings, siteEnabled: 'yes' } })).toContain(
      'settings.siteEnabled must be a boolean',
    );
    expect(check({ settings: { ...settings, sensitivity: 'all' } })).not.toBeNull();
  });

  it('has a check for every message type', () => {
    for (const [type, check] of Object.entries(REQUEST_CHECKS)) {
      expect(typeof check, type).toBe('function');
      expect(check(undefined), type).not.toBeNull();
    }
  });
});
