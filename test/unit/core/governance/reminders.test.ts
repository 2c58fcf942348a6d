import { describe, expect, it } from 'vitest';
import { reminderSchedule } from '../../../../src/core/governance/reminders';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const NOW = 1_800_000_000_000;

describe('the reminders before a proposal closes', () => {
  it('come a day and an hour before the close, soonest first', () => {
    expect(reminderSchedule(NOW + 3 * DAY, NOW, false)).toEqual([
      { at: NOW + 2 * DAY, lead: DAY },
      { at: NOW + 3 * DAY - HOUR, lead: HOUR },
    ]);
  });

  it('drop a reminder whose time has passed rather than send it late', () => {
    expect(reminderSchedule(NOW + 5 * HOUR, NOW, false)).toEqual([{ at: NOW + 4 * HOUR, lead: HOUR }]);
    expect(reminderSchedule(NOW + 30 * 60 * 1000, NOW, false)).toEqual([]);
  });

  it('are none once the holder has voted or voting has closed', () => {
    expect(reminderSchedule(NOW + 3 * DAY, NOW, true)).toEqual([]);
    expect(reminderSchedule(NOW, NOW, false)).toEqual([]);
  });
});
