/**
 * The watchdog with an in-memory alarms API whose alarms the test fires: it arms and disarms
 * with the runs, and resumes one wake at a time however many arrive together.
 */
import { describe, expect, it } from 'vitest';
import {
  WATCHDOG_ALARM,
  WATCHDOG_PERIOD_MINUTES,
  Watchdog,
  type AlarmsLike,
} from '../../src/background/watchdog.ts';

function memoryAlarms() {
  const alarms = new Map<string, { delayInMinutes?: number; periodInMinutes?: number }>();
  const listeners: ((alarm: { name: string }) => void)[] = [];
  const api: AlarmsLike = {
    create: (name, info) => void alarms.set(name, info),
    clear: (name) => Promise.resolve(alarms.delete(name)),
    onAlarm: { addListener: (listener) => void listeners.push(listener) },
  };
  return { api, alarms, fire: (name: string) => listeners.forEach((l) => l({ name })) };
}

const tick = () => new Promise((r) => setTimeout(r, 10));

describe('watchdog', () => {
  it('uses a 3-second period in test builds', () => {
    expect(WATCHDOG_PERIOD_MINUTES).toBe(0.05);
  });

  it('arms while runs are in flight and disarms when none are', async () => {
    const { api, alarms } = memoryAlarms();
    let inFlight = true;
    const dog = new Watchdog(api, {
      resume: () => Promise.resolve(),
      anyInFlight: () => Promise.resolve(inFlight),
    });
    dog.arm();
    expect(alarms.get(WATCHDOG_ALARM)).toEqual({ delayInMinutes: 0.05, periodInMinutes: 0.05 });
    await dog.wake();
    expect(alarms.has(WATCHDOG_ALARM)).toBe(true);
    inFlight = false;
    await dog.wake();
    await tick();
    expect(alarms.has(WATCHDOG_ALARM)).toBe(false);
  });

  it('resumes on its alarm, one resume at a time', async () => {
    const { api, fire } = memoryAlarms();
    let running = 0;
    let most = 0;
    let resumes = 0;
    const dog = new Watchdog(api, {
      resume: async () => {
        running++;
        most = Math.max(most, running);
        await tick();
        resumes++;
        running--;
      },
      anyInFlight: () => Promise.resolve(false),
    });
    // A worker start-up and two alarms arrive together.
    const startUp = dog.wake();
    fire(WATCHDOG_ALARM);
    fire(WATCHDOG_ALARM);
    fire('some-other-alarm');
    await startUp;
    for (let i = 0; i < 10 && resumes < 3; i++) await tick();
    expect(resumes).toBe(3);
    expect(most).toBe(1);
  });

  it('a failed resume does not stop later ones', async () => {
    const { api } = memoryAlarms();
    let calls = 0;
    const dog = new Watchdog(api, {
      resume: () => (++calls === 1 ? Promise.reject(new Error('storage gone')) : Promise.resolve()),
      anyInFlight: () => Promise.resolve(false),
    });
    await expect(dog.wake()).rejects.toThrow('storage gone');
    await dog.wake();
    expect(calls).toBe(2);
  });
});
