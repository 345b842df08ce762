/**
 * The state of a model download as the options page sees it. The background writes it to
 * `storage.session` under MODEL_DOWNLOAD_KEY (so a reopened options page still shows it) and the
 * options page listens for changes. Pure: also the wording of failures and the thinning of
 * progress events, unit-tested in Node.
 */
/** What a progress listener receives while model files are fetched and the session is created. */
export interface EmbeddingLoadProgress {
  status: 'initiate' | 'download' | 'progress' | 'done' | 'ready' | 'progress_total';
  /** File being fetched, relative to the model folder (absent for 'ready'). */
  file?: string;
  /** 0..100 for 'progress'. */
  progress?: number;
  loaded?: number;
  total?: number;
}

export const MODEL_DOWNLOAD_KEY = 'modelDownload';

export type ModelDownloadState =
  | {
      phase: 'downloading';
      modelId: string;
      /** File being fetched, relative to the repository (null before the first one starts). */
      file: string | null;
      /** 0..100 for `file`. */
      progress: number;
    }
  | { phase: 'ready'; modelId: string; embedderId: string; dimensions: number }
  | { phase: 'error'; modelId: string; error: string; detail?: string };

/** What fetch says when no server answers, in Chromium, Firefox and Node. */
const OFFLINE =
  /failed to fetch|networkerror|network error|fetch failed|err_connection|econnrefused|load failed/i;

/** One sentence the user can act on, plus the underlying reason for the curious. */
export function describeDownloadError(
  label: string,
  host: string,
  error: string,
): { error: string; detail: string } {
  if (OFFLINE.test(error)) {
    return {
      error: `Could not download ${label} — are you offline? ${host} did not answer.`,
      detail: error,
    };
  }
  return { error: `Could not download ${label} from ${host}.`, detail: error };
}

/**
 * Whether a progress event is worth passing on: every status change and new file, but for
 * 'progress' only whole-percent steps (transformers.js reports every network chunk).
 * 'progress_total' is left out: its total grows as files start, so it runs backwards.
 */
export function isWorthReporting(
  previous: EmbeddingLoadProgress | null,
  event: EmbeddingLoadProgress,
): boolean {
  if (event.status === 'progress_total') return false;
  if (event.status !== 'progress' || previous?.status !== 'progress') return true;
  if (previous.file !== event.file) return true;
  return Math.floor(previous.progress ?? 0) !== Math.floor(event.progress ?? 0);
}

/** The next state for a progress event of a running download. */
export function applyProgress(
  state: Extract<ModelDownloadState, { phase: 'downloading' }>,
  event: EmbeddingLoadProgress,
): Extract<ModelDownloadState, { phase: 'downloading' }> {
  switch (event.status) {
    case 'initiate':
    case 'download':
      return { ...state, file: event.file ?? state.file, progress: 0 };
    case 'progress':
      return {
        ...state,
        file: event.file ?? state.file,
        progress: Math.min(100, Math.max(0, event.progress ?? 0)),
      };
    case 'done':
      return { ...state, file: event.file ?? state.file, progress: 100 };
    default:
      return state;
  }
}

/**
 * Debounces a stream of load-progress events down to the ones worth showing (isWorthReporting).
 */
export function thinProgress(
  forward: (event: EmbeddingLoadProgress) => void,
): (event: EmbeddingLoadProgress) => void {
  let previous: EmbeddingLoadProgress | null = null;
  return (event) => {
    if (!isWorthReporting(previous, event)) return;
    previous = event;
    forward(event);
  };
}
