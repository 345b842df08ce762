// @vitest-environment jsdom
/**
 * Saving an other voice asks for permission to reach its address at that moment, as the main
 * form does, and says so when it is refused; a bad address or number stops the form (the browser
 * marks the field) before anything is asked or stored; removing one forgets only it.
 */
import { act } from 'preact/test-utils';
import { render } from 'preact';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { VoicesSection as VoicesSectionType } from '../../src/options/VoicesSection.tsx';
import type { Settings } from '../../src/shared/settings-schema.ts';
import type { OtherVoice } from '../../src/shared/sources.ts';
import { fakeExtensionApi } from '../helpers/fake-extension-api.ts';

const extension = fakeExtensionApi();
const { stored, asked } = extension;

let VoicesSection: typeof VoicesSectionType;
beforeAll(async () => {
  extension.install();
  ({ VoicesSection } = await import('../../src/options/VoicesSection.tsx'));
});

let host: HTMLElement;
beforeEach(() => {
  extension.reset();
  host = document.createElement('div');
  document.body.append(host);
});
afterEach(() => {
  render(null, host);
  host.remove();
});

const voices = () => (stored.settings as Settings | undefined)?.otherVoices ?? [];

async function mount(saved: OtherVoice[] = []): Promise<void> {
  await act(() => render(<VoicesSection saved={saved} mode="always" />, host));
}

async function type(selector: string, value: string): Promise<void> {
  const input = host.querySelector<HTMLInputElement | HTMLSelectElement>(selector)!;
  await act(() => {
    input.value = value;
    input.dispatchEvent(
      new Event(input instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }),
    );
  });
}

/** Adds a voice and fills it in as a custom server at `baseUrl`. */
async function addVoice(baseUrl: string, samples = '3'): Promise<void> {
  const add = [...host.querySelectorAll('button')].find((b) => b.textContent === 'Add a voice')!;
  await act(() => add.click());
  await type('form.voice:last-of-type select[id$="-preset"]', 'custom');
  await type('form.voice:last-of-type input[id$="-base-url"]', baseUrl);
  await type('form.voice:last-of-type input[id$="-model"]', 'llama3.2');
  await type('form.voice:last-of-type input[id$="-samples"]', samples);
}

async function saveVoice(): Promise<string> {
  await act(async () => {
    host.querySelector<HTMLButtonElement>('form.voice:last-of-type button[type="submit"]')!.click();
    await new Promise((resolve) => setTimeout(resolve, 50));
  });
  return host.querySelector('form.voice:last-of-type .notice')?.textContent ?? '';
}

describe('other voices in the options page', () => {
  it('asks for its address when a voice is saved, and stores it', async () => {
    await mount();
    await addVoice('http://192.168.1.20:11434/v1');
    expect(await saveVoice()).toBe('Saved.');
    expect(asked).toEqual([['http://192.168.1.20/*']]);
    expect(voices()).toMatchObject([
      { samples: 3, backend: { baseUrl: 'http://192.168.1.20:11434/v1', model: 'llama3.2' } },
    ]);
    expect(voices()[0]!.id).toMatch(/^v-/);
  });

  it('says so when permission is refused, and keeps what was typed', async () => {
    extension.grant = false;
    await mount();
    await addVoice('https://llm.example.org/v1');
    expect(await saveVoice()).toMatch(/^Saved, but without permission to reach this address/);
    expect(voices()).toHaveLength(1);
  });

  it('leaves a bad address or number to the browser’s own check, which marks the field', async () => {
    await mount();
    await addVoice('not a url');
    // The browser's own check stops the form first, and marks the field.
    expect(await saveVoice()).toBe('');
    expect(host.querySelector<HTMLInputElement>('input[id$="-base-url"]')!.validity.valid).toBe(
      false,
    );
    // So does a number out of range: answer length, or more than 10 samples.
    await type('form.voice input[id$="-base-url"]', 'http://127.0.0.1:8080/v1');
    await type('form.voice input[id$="-max-tokens"]', '0');
    expect(await saveVoice()).toBe('');
    await type('form.voice input[id$="-max-tokens"]', '512');
    await type('form.voice input[id$="-samples"]', '11');
    expect(await saveVoice()).toBe('');
    expect(asked).toEqual([]);
    await type('form.voice input[id$="-samples"]', '4');
    expect(await saveVoice()).toBe('Saved.');
    expect(voices()).toMatchObject([{ samples: 4, backend: { maxTokens: 512 } }]);
    expect(asked).toEqual([['http://127.0.0.1/*']]);
  });

  it('removing a saved voice forgets only it', async () => {
    await mount();
    await addVoice('http://127.0.0.1:8080/v1');
    await saveVoice();
    await addVoice('http://127.0.0.1:9090/v1', '0');
    await saveVoice();
    expect(voices().map((v) => v.samples)).toEqual([3, 0]);
    // Storage now holds both; the page shows what it holds.
    await act(() => render(<VoicesSection saved={voices()} mode="always" />, host));
    const remove = host.querySelector<HTMLButtonElement>('button[aria-label="Remove voice 1"]')!;
    await act(async () => {
      remove.click();
      await new Promise((resolve) => setTimeout(resolve, 50));
    });
    expect(voices().map((v) => v.backend.baseUrl)).toEqual(['http://127.0.0.1:9090/v1']);
  });
});
