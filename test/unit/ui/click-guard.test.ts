import { describe, expect, it } from 'vitest';
import { createClickGuard, createPressTracker, DECISION_DELAY_MS } from '../../../src/ui/lib/click-guard';

describe('the decision guard of the approval window', () => {
  it('holds the buttons for the delay after a request is put on screen, then releases them', () => {
    const guard = createClickGuard(1000);
    guard.arm(5000);
    expect(guard.holding(5000)).toBe(true);
    expect(guard.holding(5999)).toBe(true);
    expect(guard.releaseAt()).toBe(6000);
    expect(guard.holding(6000)).toBe(false);
  });

  it('refuses a click that comes within the delay, whatever its press', () => {
    const guard = createClickGuard(1000);
    guard.arm(5000);
    expect(guard.accepts(5060, 5040)).toBe(false);
    expect(guard.accepts(5400, 5300)).toBe(false);
    expect(guard.accepts(5999, undefined)).toBe(false);
  });

  it('accepts a click after the delay whose press began once the request was on screen', () => {
    const guard = createClickGuard(1000);
    guard.arm(5000);
    expect(guard.accepts(6100, 6050)).toBe(true);
    expect(guard.accepts(6100, 5000)).toBe(true);
  });

  it('refuses a click after the delay whose press began before the request was painted', () => {
    const guard = createClickGuard(1000);
    guard.arm(5000);
    expect(guard.accepts(7000, 4990)).toBe(false);
  });

  it('judges an activation without a press (assistive technology) by time alone', () => {
    const guard = createClickGuard(1000);
    guard.arm(5000);
    expect(guard.accepts(6000, undefined)).toBe(true);
  });

  it('starts over when the window regains focus or becomes visible, and a press before that is refused', () => {
    const guard = createClickGuard(1000);
    guard.arm(5000);
    expect(guard.holding(6500)).toBe(false);
    guard.arm(6500); // blur, then focus: another window was over this one
    expect(guard.holding(6501)).toBe(true);
    expect(guard.accepts(6600, 6550)).toBe(false);
    expect(guard.accepts(7600, 6490)).toBe(false);
    expect(guard.accepts(7600, 7550)).toBe(true);
  });

  it('never moves the start back when armed with an older time', () => {
    const guard = createClickGuard(1000);
    guard.arm(5000);
    guard.arm(4000);
    expect(guard.holding(5500)).toBe(true);
  });

  it('holds for about a second by default', () => {
    expect(DECISION_DELAY_MS).toBe(1000);
    const guard = createClickGuard();
    guard.arm(0);
    expect(guard.holding(DECISION_DELAY_MS - 1)).toBe(true);
  });
});

describe('the press tracker of the approval window', () => {
  it('gives the latest press once, so each press belongs to one activation', () => {
    const presses = createPressTracker();
    expect(presses.take()).toBeUndefined();
    presses.pressed(10);
    presses.pressed(20);
    expect(presses.take()).toBe(20);
    expect(presses.take()).toBeUndefined();
  });
});
