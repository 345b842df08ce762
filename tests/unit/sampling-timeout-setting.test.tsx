// @vitest-environment jsdom
/**
 * The request timeout is the user's to set: the options page's backend form shows it in seconds
 * under the label the timeout message names, Save stores it, and the HTTP backends wait exactly
 * that long on a real socket before saying so.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { act } from 'preact/test-utils';
import { render } from 'preact';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { TIMEOUT_SETTING_LABEL } from '../../src/sampling/errors.ts';
import { settingsFromPreset } from '../../src/shared/presets.ts';
import { collectSamples, sample } from '../../src/sampling/sampler.ts';
import type { BackendSection as BackendSectionType } from '../../src/options/BackendSection.tsx';
import type { BackendSettings } from '../../src/sampling/types.ts';
import type { Settings } from '../../src/shared/settings-schema.ts';
import { fakeExtensionApi } from '../helpers/fake-extension-api.ts';

/** A local server that takes every request and never answers (the test LLM server reads files through URLs jsdom replaces). */
const received: IncomingMessage[] = [];
let silent: Server;
let baseUrl = '';
beforeAll(async () => {
  silent = createServer((req) => received.push(req));
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(silent.address() as AddressInfo).port}/v1`;
});
afterAll(async () => {
  silent.closeAllConnections();
  await new Promise((resolve) => silent.close(resolve));
});

/** Fails instead of hanging if the timeout did not cut the request off. */
function bounded<T>(promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('the request was not cut off')), 10_000);
  });
  return Promise.race([promise, limit]).finally(() => clearTimeout(timer));
}

const ollama = (timeoutMs: number): BackendSettings =>
  settingsFromPreset('ollama', { baseUrl, timeoutMs });

const extension = fakeExtensionApi();
const { stored } = extension;

// Imported once the extension API stand-in is in place: the polyfill checks for it on import.
let BackendSection: typeof BackendSectionType;
beforeAll(async () => {
  extension.install();
  ({ BackendSection } = await import('../../src/options/BackendSection.tsx'));
});

let host: HTMLElement;
afterEach(() => {
  render(null, host);
  host.remove();
});

async function mount(saved: BackendSettings): Promise<HTMLElement> {
  host = document.createElement('div');
  document.body.append(host);
  await act(() => render(<BackendSection saved={saved} />, host));
  return host;
}

function timeoutInput(root: HTMLElement): HTMLInputElement {
  const label = root.querySelector<HTMLLabelElement>('label[for="timeout"]');
  expect(label?.textContent).toBe(TIMEOUT_SETTING_LABEL);
  return root.querySelector<HTMLInputElement>('#timeout')!;
}

describe('the "Wait for a reply" setting', { timeout: 15_000 }, () => {
  it('shows the saved timeout in seconds, and Save stores what the user typed', async () => {
    const root = await mount(ollama(180_000));
    const input = timeoutInput(root);
    expect(input.value).toBe('180');
    expect(input.type).toBe('number');

    await act(() => {
      input.value = '1';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(async () => {
      root.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
      await new Promise((resolve) => setTimeout(resolve, 50));
    });
    expect(root.querySelector('[role="status"]')?.textContent).toBe('Saved.');
    const settings = stored.settings as Settings;
    expect(settings.backend?.timeoutMs).toBe(1000);
  });

  it('ignores a value that is no whole number of seconds from 1 to 3600', async () => {
    const root = await mount(ollama(60_000));
    const input = timeoutInput(root);
    for (const typed of ['0', '-5', '99999']) {
      await act(() => {
        input.value = typed;
        input.dispatchEvent(new Event('input', { bubbles: true }));
      });
    }
    await act(async () => {
      input.value = '60';
      root.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
      await new Promise((resolve) => setTimeout(resolve, 50));
    });
    expect((stored.settings as Settings).backend?.timeoutMs).toBe(60_000);
  });

  it('the saved setting is how long a request waits, and the message names the field', async () => {
    const root = await mount(ollama(60_000));
    await act(() => {
      const input = timeoutInput(root);
      input.value = '1';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(async () => {
      root.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
      await new Promise((resolve) => setTimeout(resolve, 50));
    });
    const backend = (stored.settings as Settings).backend!;
    expect(backend.timeoutMs).toBe(1000);

    const outcome = await bounded(
      collectSamples(
        sample(backend, {
          turns: [{ role: 'user', text: 'Who was the first person on the Moon?' }],
          n: 1,
          temperature: 1,
          maxTokens: 100,
          signal: new AbortController().signal,
        }),
      ),
    );
    expect(outcome.errors[0]?.error).toMatchObject({ kind: 'timeout', retryable: false });
    expect(outcome.errors[0]?.error.message).toMatch(/^No reply within 1 s\./);
    expect(outcome.errors[0]?.error.message).toContain(`raise “${TIMEOUT_SETTING_LABEL}”`);
    expect(received).toHaveLength(1);
  });
});
