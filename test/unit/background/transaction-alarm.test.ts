import type { Alarms } from 'webextension-polyfill';
import { describe, expect, it } from 'vitest';
import { createWatchAlarm, TRANSACTION_WATCH_ALARM } from '../../../src/background/platform/transaction-alarm';

function fakeAlarms() {
  const alarms = new Map<string, Alarms.CreateAlarmInfoType>();
  const api = {
    create: (name: string, info: Alarms.CreateAlarmInfoType) => { alarms.set(name, info); return Promise.resolve(); },
    clear: (name: string) => Promise.resolve(alarms.delete(name)),
  };
  return { alarms, api: api as unknown as Alarms.Static };
}

describe('transaction watch alarm', () => {
  it('asks the browser to wake the background every 30 seconds, the shortest period Chrome allows an installed extension', async () => {
    const { alarms, api } = fakeAlarms();
    await createWatchAlarm(api).start();
    expect(alarms.get(TRANSACTION_WATCH_ALARM)).toEqual({ delayInMinutes: 0.5, periodInMinutes: 0.5 });
  });

  it('clears only its own alarm when nothing is pending', async () => {
    const { alarms, api } = fakeAlarms();
    alarms.set('auto-lock', { when: 1 });
    const alarm = createWatchAlarm(api);
    await alarm.start();
    await alarm.stop();
    expect([...alarms.keys()]).toEqual(['auto-lock']);
  });
});
