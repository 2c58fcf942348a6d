// Reminders before a proposal closes (issue 14, item 6), against fakes of the browser's alarms,
// notifications and permissions and of the GovernanceService.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createReminderAlarms } from '../../../../src/background/platform/reminder-alarms';
import { createReminderNotifier } from '../../../../src/background/platform/reminder-notifications';
import { REMINDER_REFRESH_ALARM } from '../../../../src/background/services/vote-reminder-names';
import { createVoteReminders, withReminders } from '../../../../src/background/services/vote-reminders';
import type { VotesView } from '../../../../src/protocol/governance';
import { i18n, localeState } from '../../../helpers/locale-messages';
import {
  account, CHAIN, company, DAY, fakeAlarms, fakeGovernance, fakeNotifications, fakePermissions, GOVERNOR, HOUR, NOW, proposal, votes,
} from './reminder-fakes';

const DAY_ALARM = `vote-reminder|${CHAIN}|${GOVERNOR}|42|${String(DAY)}`;
const HOUR_ALARM = `vote-reminder|${CHAIN}|${GOVERNOR}|42|${String(HOUR)}`;
const NOTIFICATION = `vote-reminder|${CHAIN}|${GOVERNOR}|42`;

/** The browser (alarms, notifications, permission) outlives the background; `start()` makes a fresh background on it. */
function setup(view: VotesView, options: { granted?: boolean } = {}) {
  const clock = { now: NOW };
  const alarms = fakeAlarms();
  const notifications = fakeNotifications();
  const permissions = fakePermissions(options.granted ?? true);
  const governance = fakeGovernance(view);
  const votesShown: number[] = [];
  const start = () => createVoteReminders({
    governance: governance.service,
    alarms: createReminderAlarms(alarms.api),
    notifier: createReminderNotifier({
      notifications: () => (permissions.state.granted ? notifications.api : undefined),
      permissions: permissions.api,
      iconUrl: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/icons/icon-128.png',
    }),
    getMessage: i18n.getMessage,
    showVotes: () => { votesShown.push(clock.now); return Promise.resolve(); },
    now: () => clock.now,
  });
  const background = { reminders: start() };
  /** The browser fires alarm `name` at its time: a one-shot alarm is gone, then the background hears of it. */
  async function fire(name: string): Promise<boolean> {
    const alarm = alarms.alarms.get(name);
    if (alarm === undefined) throw new Error(`no alarm ${name}`);
    clock.now = alarm.scheduledTime;
    if (alarm.periodInMinutes === undefined) alarms.alarms.delete(name);
    return background.reminders.onAlarm(name);
  }
  return { clock, alarms, notifications, permissions, governance, votesShown, background, fire, restart: () => { background.reminders = start(); } };
}

beforeEach(() => {
  localeState.locale = 'en';
});

describe('scheduling vote reminders', () => {
  it('sets a reminder a day and an hour before a proposal that closes in 2 days', async () => {
    const rig = setup(votes(company([proposal({ closesAt: NOW + 2 * DAY })])));
    await rig.background.reminders.reschedule(await rig.governance.service.view());
    expect(rig.alarms.named('vote-reminder|')).toEqual({ [DAY_ALARM]: NOW + DAY, [HOUR_ALARM]: NOW + 2 * DAY - HOUR });
  });

  it('sets none for a proposal that closes in 30 minutes, the hour before it already past', async () => {
    const rig = setup(votes(company([proposal({ closesAt: NOW + 30 * 60 * 1000 })])));
    await rig.background.reminders.reschedule(await rig.governance.service.view());
    expect(rig.alarms.named('vote-reminder|')).toEqual({});
  });

  it('sets them for a pending proposal too, whose voting has not started', async () => {
    const rig = setup(votes(company([proposal({ state: 'pending', closesAt: NOW + 3 * HOUR })])));
    await rig.background.reminders.reschedule(await rig.governance.service.view());
    expect(Object.keys(rig.alarms.named('vote-reminder|'))).toEqual([HOUR_ALARM]);
  });

  it('keeps an alarm that is already set for the same time rather than setting it again', async () => {
    const rig = setup(votes(company([proposal()])));
    const view = await rig.governance.service.view();
    await rig.background.reminders.reschedule(view);
    const first = rig.alarms.alarms.get(DAY_ALARM);
    await rig.background.reminders.reschedule(view);
    expect(rig.alarms.alarms.get(DAY_ALARM)).toBe(first);
  });

  it('moves the alarms when the close moves (a block clock estimated again)', async () => {
    const rig = setup(votes(company([proposal({ closesAt: NOW + 2 * DAY })])));
    await rig.background.reminders.reschedule(await rig.governance.service.view());
    await rig.background.reminders.reschedule(votes(company([proposal({ closesAt: NOW + 2 * DAY + 5 * 60_000 })])));
    expect(rig.alarms.named('vote-reminder|')[HOUR_ALARM]).toBe(NOW + 2 * DAY + 5 * 60_000 - HOUR);
  });

  it('clears the alarms once every account with votes has voted', async () => {
    const rig = setup(votes(company([proposal({ accounts: [account(), account({ account: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8', weight: '0' })] })])));
    await rig.background.reminders.reschedule(await rig.governance.service.view());
    await rig.background.reminders.reschedule(votes(company([proposal({
      accounts: [account({ voted: true, choice: 'for' }), account({ account: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8', weight: '0' })],
    })])));
    expect(rig.alarms.named('vote-reminder|')).toEqual({});
  });

  it('sets none when the only account that has not voted has no votes on the proposal', async () => {
    const rig = setup(votes(company([proposal({ accounts: [account({ weight: '0' })] })])));
    await rig.background.reminders.reschedule(await rig.governance.service.view());
    expect(rig.alarms.named('vote-reminder|')).toEqual({});
  });

  it('clears the alarms when the company turns reminders off', async () => {
    const rig = setup(votes(company([proposal()])));
    const governance = withReminders(rig.governance.service, rig.background.reminders);
    await governance.refresh();
    expect(Object.keys(rig.alarms.named('vote-reminder|'))).toHaveLength(2);
    await governance.setReminders({ chainId: CHAIN, address: GOVERNOR, on: false });
    expect(rig.alarms.named('vote-reminder')).toEqual({});
  });

  it('clears the alarms of a proposal that closed', async () => {
    const rig = setup(votes(company([proposal()])));
    await rig.background.reminders.reschedule(await rig.governance.service.view());
    await rig.background.reminders.reschedule(votes(company([], { closed: [proposal({ state: 'canceled' })] })));
    expect(rig.alarms.named('vote-reminder|')).toEqual({});
  });

  it('clears only its own alarms', async () => {
    const rig = setup(votes(company([proposal()], { remindersOn: false })));
    await rig.alarms.api.create('auto-lock', { when: NOW + HOUR });
    await rig.alarms.api.create('transaction-watch', { periodInMinutes: 0.5 });
    await rig.background.reminders.reschedule(await rig.governance.service.view());
    expect([...rig.alarms.alarms.keys()].sort()).toEqual(['auto-lock', 'transaction-watch']);
  });

  it('schedules nothing without the notifications permission, and clears what was scheduled', async () => {
    const rig = setup(votes(company([proposal()])));
    await rig.background.reminders.reschedule(await rig.governance.service.view());
    rig.permissions.state.granted = false;
    await rig.background.reminders.reschedule(await rig.governance.service.view());
    expect(rig.alarms.named('vote-')).toEqual({});
  });

  it('never throws when the permission cannot be asked about', async () => {
    const rig = setup(votes(company([proposal()])));
    const reminders = createVoteReminders({
      governance: rig.governance.service, alarms: createReminderAlarms(rig.alarms.api),
      notifier: createReminderNotifier({
        notifications: () => undefined, permissions: { contains: () => Promise.reject(new Error('Only permissions specified in the manifest may be requested.')) }, iconUrl: '',
      }),
      getMessage: i18n.getMessage, showVotes: () => Promise.resolve(), now: () => NOW,
    });
    await expect(reminders.reschedule(await rig.governance.service.view())).resolves.toBeUndefined();
    expect(rig.alarms.named('vote-')).toEqual({});
  });

  it('reschedules after every refresh, governor added or removed, and reminders switch the router asks for', async () => {
    const rig = setup(votes(company([proposal()], { remindersOn: false })));
    const governance = withReminders(rig.governance.service, rig.background.reminders);
    await governance.setReminders({ chainId: CHAIN, address: GOVERNOR, on: true });
    expect(Object.keys(rig.alarms.named('vote-reminder|'))).toHaveLength(2);
    rig.governance.state.onChain = votes(company([proposal(), proposal({ id: '43', closesAt: NOW + 3 * DAY })]));
    await governance.refresh();
    expect(Object.keys(rig.alarms.named('vote-reminder|'))).toHaveLength(4);
    rig.governance.state.cached = votes();
    await governance.remove({ chainId: CHAIN, address: GOVERNOR });
    expect(rig.alarms.named('vote-reminder|')).toEqual({});
  });
});

describe('the periodic refresh for new proposals', () => {
  it('runs every 6 hours only while some company has reminders on', async () => {
    const rig = setup(votes(company([], { remindersOn: false }), company([], { address: '0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0', remindersOn: true })));
    await rig.background.reminders.reschedule(await rig.governance.service.view());
    expect(rig.alarms.alarms.get(REMINDER_REFRESH_ALARM)?.periodInMinutes).toBe(360);
    await rig.background.reminders.reschedule(votes(company([], { remindersOn: false })));
    expect(rig.alarms.alarms.has(REMINDER_REFRESH_ALARM)).toBe(false);
  });

  it('is not pushed back by each reschedule', async () => {
    const rig = setup(votes(company([])));
    await rig.background.reminders.reschedule(await rig.governance.service.view());
    const first = rig.alarms.alarms.get(REMINDER_REFRESH_ALARM);
    rig.clock.now = NOW + HOUR;
    await rig.background.reminders.reschedule(await rig.governance.service.view());
    expect(rig.alarms.alarms.get(REMINDER_REFRESH_ALARM)).toBe(first);
  });

  it('refreshes the votes when it fires, so a new proposal gets its reminders without the popup', async () => {
    const rig = setup(votes(company([])));
    await rig.background.reminders.reschedule(await rig.governance.service.view());
    rig.governance.state.onChain = votes(company([proposal({ closesAt: NOW + 3 * DAY })]));
    expect(await rig.fire(REMINDER_REFRESH_ALARM)).toBe(true);
    expect(rig.governance.state.refreshes).toBe(1);
    expect(Object.keys(rig.alarms.named('vote-reminder|'))).toEqual([DAY_ALARM, HOUR_ALARM]);
  });
});

describe('a reminder that comes due', () => {
  it('shows one notification naming the company and the proposal, with no amounts or addresses', async () => {
    const rig = setup(votes(company([proposal({ closesAt: NOW + 2 * DAY })])));
    await rig.background.reminders.reschedule(await rig.governance.service.view());
    expect(await rig.fire(HOUR_ALARM)).toBe(true);
    expect(rig.notifications.created).toEqual([{
      id: NOTIFICATION, title: 'Vote reminder',
      message: "Acme Holdings: voting on 'Approve the 2026 dividend' closes in 1 hour; you have not voted",
    }]);
    expect(rig.notifications.created[0]?.message).not.toMatch(/0x|1500|1,500/);
  });

  it('shows it in Chinese for a Chinese browser', async () => {
    localeState.locale = 'zh_CN';
    const rig = setup(votes(company([proposal({ closesAt: NOW + 2 * DAY })], { companyName: '华东控股' })));
    await rig.background.reminders.reschedule(await rig.governance.service.view());
    await rig.fire(DAY_ALARM);
    expect(rig.notifications.created).toEqual([{
      id: NOTIFICATION, title: '投票提醒', message: '华东控股：“Approve the 2026 dividend”的投票将在 24 小时后截止，您还没有投票',
    }]);
  });

  it('says the time actually left when the alarm comes late', async () => {
    const rig = setup(votes(company([proposal({ closesAt: NOW + 2 * DAY })])));
    await rig.background.reminders.reschedule(await rig.governance.service.view());
    rig.alarms.alarms.set(HOUR_ALARM, { name: HOUR_ALARM, scheduledTime: NOW + 2 * DAY - 20 * 60_000 });
    await rig.fire(HOUR_ALARM);
    expect(rig.notifications.created[0]?.message).toContain('closes in 20 minutes');
  });

  it('shows none when a refresh finds the account has voted since', async () => {
    const rig = setup(votes(company([proposal()])));
    await rig.background.reminders.reschedule(await rig.governance.service.view());
    rig.governance.state.onChain = votes(company([proposal({ accounts: [account({ voted: true, choice: 'against' })] })]));
    await rig.fire(DAY_ALARM);
    expect(rig.notifications.created).toEqual([]);
    expect(rig.alarms.named('vote-reminder|')).toEqual({});
  });

  it('shows none when a refresh finds the proposal closed', async () => {
    const rig = setup(votes(company([proposal()])));
    await rig.background.reminders.reschedule(await rig.governance.service.view());
    rig.governance.state.onChain = votes(company([], { closed: [proposal({ state: 'defeated' })] }));
    await rig.fire(DAY_ALARM);
    expect(rig.notifications.created).toEqual([]);
  });

  it('goes by the cached votes when the refresh fails (the wallet is locked, the node is down)', async () => {
    const rig = setup(votes(company([proposal()])));
    await rig.background.reminders.reschedule(await rig.governance.service.view());
    rig.governance.state.refreshFails = true;
    await rig.fire(DAY_ALARM);
    expect(rig.governance.state.refreshes).toBe(1);
    expect(rig.notifications.created.map((notice) => notice.id)).toEqual([NOTIFICATION]);
  });

  it('shows none and reads nothing once the permission was taken back', async () => {
    const rig = setup(votes(company([proposal()])));
    await rig.background.reminders.reschedule(await rig.governance.service.view());
    rig.permissions.state.granted = false;
    await expect(rig.fire(DAY_ALARM)).resolves.toBe(true);
    expect(rig.notifications.created).toEqual([]);
    expect(rig.governance.state.refreshes).toBe(0);
    expect(rig.alarms.named('vote-')).toEqual({});
  });

  it('shows each reminder once, even when a block clock\'s close is estimated later after it fired', async () => {
    const rig = setup(votes(company([proposal({ closesAt: NOW + 2 * DAY })])));
    await rig.background.reminders.reschedule(await rig.governance.service.view());
    rig.governance.state.onChain = votes(company([proposal({ closesAt: NOW + 2 * DAY + 2 * 60_000 })]));
    await rig.fire(HOUR_ALARM);
    expect(rig.alarms.named('vote-reminder|')).toEqual({});
    expect(rig.notifications.created).toHaveLength(1);
  });

  it('works in a background started after the one that scheduled it, from the alarm\'s name alone', async () => {
    const rig = setup(votes(company([proposal()])));
    await rig.background.reminders.reschedule(await rig.governance.service.view());
    rig.restart();
    await rig.fire(DAY_ALARM);
    expect(rig.notifications.created.map((notice) => notice.id)).toEqual([NOTIFICATION]);
  });

  it('shows the company\'s and the proposal\'s names on one line with hidden characters written out, capped', async () => {
    const rig = setup(votes(company([proposal({ title: `Approve\u202E ${'x'.repeat(200)}` })], { companyName: 'Acme\u200B\nHoldings\u{E0101}' })));
    await rig.background.reminders.reschedule(await rig.governance.service.view());
    await rig.fire(DAY_ALARM);
    const message = rig.notifications.created[0]?.message ?? '';
    expect(message).toMatch(/^Acme\[U\+200B\] Holdings\[U\+E0101\]: voting on 'Approve\[U\+202E\] x+…' closes in 24 hours/);
    expect(message).not.toMatch(/[\u202E\u200B\n]/);
    expect(message.length).toBeLessThan(200);
  });

  it('leaves alarms that are not its own to others', async () => {
    const rig = setup(votes());
    expect(await rig.background.reminders.onAlarm('auto-lock')).toBe(false);
    expect(await rig.background.reminders.onAlarm('transaction-watch')).toBe(false);
  });
});

describe('a click on a reminder', () => {
  it('opens the Votes screen and clears the notification', async () => {
    const rig = setup(votes(company([proposal()])));
    await rig.background.reminders.reschedule(await rig.governance.service.view());
    await rig.fire(DAY_ALARM);
    expect(await rig.background.reminders.onNotificationClicked(NOTIFICATION)).toBe(true);
    expect(rig.votesShown).toHaveLength(1);
    expect(rig.notifications.shown.size).toBe(0);
  });

  it('leaves other notifications alone', async () => {
    const rig = setup(votes());
    expect(await rig.background.reminders.onNotificationClicked('something-else')).toBe(false);
    expect(rig.votesShown).toEqual([]);
  });
});

describe('a background that starts', () => {
  it('schedules the reminders again from the cached votes (Firefox forgets alarms when the browser restarts)', async () => {
    const rig = setup(votes(company([proposal()])));
    await rig.background.reminders.resume();
    expect(Object.keys(rig.alarms.named('vote-reminder|'))).toEqual([DAY_ALARM, HOUR_ALARM]);
    expect(rig.governance.state.refreshes).toBe(0);
  });

  it('does not fail while the voting centre cannot answer', async () => {
    const rig = setup(votes());
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    rig.governance.service.view = () => Promise.reject(new Error('the voting centre is not available yet'));
    await expect(rig.background.reminders.resume()).resolves.toBeUndefined();
    expect(logged).toHaveBeenCalledWith('resuming vote reminders failed', 'Error');
    logged.mockRestore();
  });
});
