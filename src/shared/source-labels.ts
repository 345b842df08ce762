/**
 * Names of the sample sources for people: the model's name, and where two sources share one, the
 * host it runs on too ("llama3.2 (127.0.0.1:11434)"), so the popup, the card and the cost lines
 * tell them apart. Never includes a key.
 */
import type { BackendSettings } from './backend.ts';
import { MAIN_VOICE_ID, type OtherVoice, type SampleSource } from './sources.ts';

function host(backend: BackendSettings): string {
  try {
    return new URL(backend.baseUrl).host;
  } catch {
    return backend.baseUrl;
  }
}

/** The main voice first (when a backend is set), then each other voice in order. */
export function sourceLabels(
  main: BackendSettings | null,
  voices: readonly OtherVoice[],
): SampleSource[] {
  const entries = [
    ...(main ? [{ id: MAIN_VOICE_ID, backend: main }] : []),
    ...voices.map((v) => ({ id: v.id, backend: v.backend })),
  ];
  const plain = entries.map((e, i) => e.backend.model || (i === 0 && main ? 'Main' : 'Voice'));
  const withHost = entries.map((e, i) =>
    plain.filter((p) => p === plain[i]).length > 1 && host(e.backend)
      ? `${plain[i]} (${host(e.backend)})`
      : plain[i]!,
  );
  // Still alike (same model on the same server): number them in order.
  return entries.map((e, i) => {
    const same = withHost.filter((l) => l === withHost[i]).length;
    const nth = withHost.slice(0, i + 1).filter((l) => l === withHost[i]).length;
    return { id: e.id, label: same > 1 ? `${withHost[i]} #${nth}` : withHost[i]! };
  });
}
