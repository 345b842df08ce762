/**
 * Speed of the sampling layer, network excluded: the test server answers every request after a
 * fixed latency L, so the wall-clock time of N samples shows what our scheduling adds. Parallel
 * sampling should finish N samples in about one L (target ≤ 1.15 × L) whether the server honours
 * `n` (one call) or not (N parallel calls), as long as the concurrency cap is ≥ N.
 *
 * `benchSamplingSpeed()` is exported for bench/speed.ts; `tsx bench/speed-sampling.ts
 * [--latency 300] [--repeats 3]` runs it alone.
 */
import { fileURLToPath, pathToFileURL } from 'node:url';
import { runnerImport } from 'vite';
import { ConcurrencyLimiter } from '../src/sampling/limiter.ts';
import { settingsFromPreset } from '../src/shared/presets.ts';
import type * as Sampler from '../src/sampling/sampler.ts';
import type { BackendSettings } from '../src/sampling/types.ts';
import { startLlmServer } from '../tests/helpers/llm-server.ts';

// The sampler finds its backend modules with `import.meta.glob`, which only vite expands (tsx
// does not): load it through vite's module runner, transformed as the extension's build does.
const SAMPLER = fileURLToPath(new URL('../src/sampling/sampler.ts', import.meta.url));
const { collectSamples, forgetLearnedBatching, sample } = (
  await runnerImport<typeof Sampler>(SAMPLER, {
    configFile: false,
    logLevel: 'warn',
  })
).module;

export interface SamplingSpeedRow {
  format: string;
  n: number;
  /** Median wall-clock time over the repeats, ms. */
  ms: number;
  /** ms / latency. */
  ratio: number;
  /** HTTP requests one run made. */
  requests: number;
  /** Samples that came back (should be n). */
  samples: number;
}

export interface SamplingSpeedOptions {
  latencyMs?: number;
  ns?: number[];
  repeats?: number;
  concurrency?: number;
  log?: (line: string) => void;
}

interface Scenario {
  format: string;
  presetId: string;
  nMode: 'honour' | 'ignore';
  /** Forget what earlier runs learned about `n` before each run (a first encounter). */
  cold?: boolean;
}

const SCENARIOS: Scenario[] = [
  { format: 'openai (n honoured)', presetId: 'openai', nMode: 'honour' },
  // The preset says n works but the server ignores it: the first run needs a second round trip
  // for the missing samples; later runs remember and send parallel singles.
  {
    format: 'openai (n ignored, first encounter)',
    presetId: 'openai',
    nMode: 'ignore',
    cold: true,
  },
  { format: 'openai (n ignored, remembered)', presetId: 'openai', nMode: 'ignore' },
  { format: 'openai-compatible, parallel singles (Ollama)', presetId: 'ollama', nMode: 'honour' },
  { format: 'anthropic', presetId: 'anthropic', nMode: 'honour' },
  { format: 'gemini (candidateCount)', presetId: 'gemini', nMode: 'honour' },
];

export async function benchSamplingSpeed(
  options: SamplingSpeedOptions = {},
): Promise<SamplingSpeedRow[]> {
  const latencyMs = options.latencyMs ?? 300;
  const ns = options.ns ?? [1, 4, 10];
  const repeats = options.repeats ?? 3;
  const concurrency = options.concurrency ?? 10;
  const log = options.log ?? ((line: string) => console.log(line));
  const server = await startLlmServer({ delayMs: latencyMs });
  const rows: SamplingSpeedRow[] = [];
  try {
    log(
      `Sampling speed: server latency L = ${latencyMs} ms, concurrency cap ${concurrency}, median of ${repeats}`,
    );
    log(
      `${'format'.padEnd(52)} ${'N'.padStart(3)} ${'ms'.padStart(7)} ${'× L'.padStart(6)} ${'requests'.padStart(9)}`,
    );
    for (const scenario of SCENARIOS) {
      server.nMode = scenario.nMode;
      const base = settingsFromPreset(scenario.presetId);
      const settings: BackendSettings = {
        ...base,
        baseUrl: base.kind === 'openai' ? `${server.url}/v1` : server.url,
        apiKey: 'bench-key-not-secret',
        concurrency,
        timeoutMs: Math.max(5_000, latencyMs * 20),
      };
      for (const n of ns) {
        const times: number[] = [];
        let requests = 0;
        let samples = 0;
        // One unmeasured run first, so connection setup is not counted against the scheduler.
        for (let run = 0; run <= repeats; run += 1) {
          server.resetStats();
          if (scenario.cold) forgetLearnedBatching();
          const started = performance.now();
          const outcome = await collectSamples(
            sample(
              settings,
              {
                turns: [{ role: 'user', text: 'who is under the mask of darth vader' }],
                n,
                temperature: 1,
                maxTokens: 512,
                signal: AbortSignal.timeout(Math.max(10_000, latencyMs * 40)),
              },
              { limiter: new ConcurrencyLimiter(concurrency) },
            ),
          );
          const elapsed = performance.now() - started;
          if (run > 0) times.push(elapsed);
          requests = server.calls();
          samples = outcome.samples.length;
        }
        times.sort((a, b) => a - b);
        const ms = Math.round(times[Math.floor(times.length / 2)] ?? Number.NaN);
        const row: SamplingSpeedRow = {
          format: scenario.format,
          n,
          ms,
          ratio: ms / latencyMs,
          requests,
          samples,
        };
        rows.push(row);
        log(
          `${row.format.padEnd(52)} ${String(n).padStart(3)} ${String(ms).padStart(7)} ${row.ratio.toFixed(2).padStart(6)} ${String(requests).padStart(9)}${samples === n ? '' : `  (only ${samples} samples!)`}`,
        );
      }
    }
    // Baseline: the same number of bare parallel fetches, no sampling layer, to separate what
    // Node's HTTP client and the in-process server cost from what the scheduler adds.
    for (const n of ns.filter((x) => x > 1)) {
      const times: number[] = [];
      const body = JSON.stringify({
        model: 'm',
        messages: [{ role: 'user', content: 'who is under the mask of darth vader' }],
      });
      for (let run = 0; run <= repeats; run += 1) {
        const started = performance.now();
        await Promise.all(
          Array.from({ length: n }, () =>
            fetch(`${server.url}/v1/chat/completions`, {
              method: 'POST',
              body,
              headers: { 'content-type': 'application/json' },
            }).then((r) => r.text()),
          ),
        );
        if (run > 0) times.push(performance.now() - started);
      }
      times.sort((a, b) => a - b);
      const ms = Math.round(times[Math.floor(times.length / 2)] ?? Number.NaN);
      log(
        `${'baseline: bare parallel fetch() calls'.padEnd(52)} ${String(n).padStart(3)} ${String(ms).padStart(7)} ${(ms / latencyMs).toFixed(2).padStart(6)} ${String(n).padStart(9)}`,
      );
    }
    const parallel = rows.filter((r) => !r.format.includes('first encounter'));
    const worst = parallel.reduce((a, b) => (b.ratio > a.ratio ? b : a));
    log(
      `Worst parallel run: ${worst.ratio.toFixed(2)} × L (${worst.format}, N=${worst.n}); target ≤ 1.15 × L. A first encounter with a server that ignores n needs a second round trip by design (≈ 2 × L).`,
    );
  } finally {
    await server.stop();
  }
  return rows;
}

function argValue(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const latencyMs = Number(argValue('--latency') ?? 300);
  const repeats = Number(argValue('--repeats') ?? 3);
  await benchSamplingSpeed({ latencyMs, repeats });
}
