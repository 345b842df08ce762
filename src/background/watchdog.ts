/**
 * Resumes runs that a stopped background left behind, without waiting for a page to wake it.
 * Chrome stops a service worker when it idles or crashes, and a fetch in flight dies with it;
 * nothing would start the worker again until the user opened the popup. While a run is in flight
 * an alarm is armed: alarms wake a stopped worker, whose start-up (and each alarm after it)
 * resumes interrupted runs. Resumes are serialised, so a start-up and an alarm arriving together
 * do not both start the same run. Pure apart from the alarms API it is given, so it is tested in
 * Node.
 */

export const WATCHDOG_ALARM = 'crosscheck-watchdog';
/**
 * 30 s, the shortest period Chrome allows packed extensions. Test builds use 3 s (Chrome lets
 * unpacked extensions go below the minimum) so browser tests see a resume promptly.
 */
export const WATCHDOG_PERIOD_MINUTES = __TEST_HOOKS__ ? 0.05 : 0.5;

/** The part of `browser.alarms` the watchdog uses. */
export interface AlarmsLike {
  create(name: string, info: { delayInMinutes?: number; periodInMinutes?: number }): unknown;
  clear(name: string): Promise<unknown>;
  onAlarm: { addListener(listener: (alarm: { name: string }) => void): void };
}

export interface WatchdogOptions {
  /** Resumes whatever was interrupted; resolves once the resumed runs have started. */
  resume: () => Promise<void>;
  /** Whether any run is still in flight (after a resume), to know when to disarm. */
  anyInFlight: () => Promise<boolean>;
  periodMinutes?: number;
}

export class Watchdog {
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly alarms: AlarmsLike,
    private readonly options: WatchdogOptions,
  ) {
    // Registered at once, at the worker's start, so the alarm that woke the worker is heard.
    alarms.onAlarm.addListener((alarm) => {
      if (alarm.name === WATCHDOG_ALARM) void this.wake();
    });
  }

  /** A run started: make sure an alarm will come if the worker is stopped under it. */
  arm(): void {
    const period = this.options.periodMinutes ?? WATCHDOG_PERIOD_MINUTES;
    void Promise.resolve(
      this.alarms.create(WATCHDOG_ALARM, { delayInMinutes: period, periodInMinutes: period }),
    ).catch(() => undefined);
  }

  /** Nothing runs any more: no alarm needed (and none to wake an idle worker for nothing). */
  disarm(): void {
    void this.alarms.clear(WATCHDOG_ALARM).catch(() => undefined);
  }

  /**
   * Resumes interrupted runs, after any resume already under way; disarms when nothing is left
   * in flight. Call it at start-up too.
   */
  wake(): Promise<void> {
    const next = this.queue.then(async () => {
      await this.options.resume();
      if (await this.options.anyInFlight()) this.arm();
      else this.disarm();
    });
    this.queue = next.catch(() => undefined);
    return next;
  }
}
