import { describe, expect, it } from 'vitest';
import {
  isVoteReminderAlarm, parseReminderAlarm, remindedAlarmName, reminderAlarmName, REMINDER_REFRESH_ALARM,
} from '../../../../src/background/services/vote-reminder-names';

const KEY = { chainId: '0x7a69', governor: '0x5FbDB2315678afecb367f032d93F642f64180aa3', proposalId: '7483120701346051713769180210685589922988', lead: 3_600_000 };

describe('the vote reminders\' alarm names', () => {
  it('carry everything a firing alarm needs, and read back the same', () => {
    expect(reminderAlarmName(KEY)).toBe('vote-reminder|0x7a69|0x5FbDB2315678afecb367f032d93F642f64180aa3|7483120701346051713769180210685589922988|3600000');
    expect(parseReminderAlarm(reminderAlarmName(KEY))).toEqual(KEY);
  });

  it('are told apart from the wallet\'s other alarms', () => {
    expect([reminderAlarmName(KEY), remindedAlarmName(KEY), REMINDER_REFRESH_ALARM].every(isVoteReminderAlarm)).toBe(true);
    expect(['auto-lock', 'transaction-watch'].some(isVoteReminderAlarm)).toBe(false);
  });

  it('refuse a reminder name that is not one the wallet makes', () => {
    expect(parseReminderAlarm(remindedAlarmName(KEY))).toBeUndefined();
    expect(parseReminderAlarm('vote-reminder|0x7a69|not-an-address|1|3600000')).toBeUndefined();
    expect(parseReminderAlarm(`${reminderAlarmName(KEY)}|extra`)).toBeUndefined();
    expect(parseReminderAlarm('vote-reminder|0x7a69')).toBeUndefined();
  });
});
