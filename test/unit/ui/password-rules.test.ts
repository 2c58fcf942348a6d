import { describe, expect, it } from 'vitest';
import { MIN_PASSWORD_LENGTH } from '../../../src/protocol/private';
import { secondsUntil } from '../../../src/ui/lib/countdown';
import { matchesTypedConfirmation, newPasswordProblem } from '../../../src/ui/lib/password-rules';

describe('new password rules', () => {
  it('needs at least the minimum length, before anything else', () => {
    expect(MIN_PASSWORD_LENGTH).toBe(8);
    expect(newPasswordProblem('1234567', '1234567')).toBe('too-short');
    expect(newPasswordProblem('1234567', 'other')).toBe('too-short');
  });

  it('needs the repetition to match', () => {
    expect(newPasswordProblem('12345678', '12345679')).toBe('mismatch');
    expect(newPasswordProblem('12345678', '')).toBe('mismatch');
  });

  it('accepts a long enough password typed twice', () => {
    expect(newPasswordProblem('12345678', '12345678')).toBeUndefined();
    expect(newPasswordProblem('股东钱包的密码很安全', '股东钱包的密码很安全')).toBeUndefined();
  });
});

describe('typed confirmation', () => {
  it('accepts the word as shown, with spaces around', () => {
    expect(matchesTypedConfirmation('REMOVE', 'REMOVE')).toBe(true);
    expect(matchesTypedConfirmation('  REMOVE ', 'REMOVE')).toBe(true);
    expect(matchesTypedConfirmation('删除', '删除')).toBe(true);
  });

  it('refuses anything else', () => {
    expect(matchesTypedConfirmation('remove', 'REMOVE')).toBe(false);
    expect(matchesTypedConfirmation('REMOV', 'REMOVE')).toBe(false);
    expect(matchesTypedConfirmation('', 'REMOVE')).toBe(false);
  });
});

describe('the retry countdown', () => {
  it('rounds up to whole seconds and stops at zero', () => {
    expect(secondsUntil(10_500, 10_000)).toBe(1);
    expect(secondsUntil(14_000, 10_000)).toBe(4);
    expect(secondsUntil(9_000, 10_000)).toBe(0);
    expect(secondsUntil(undefined, 10_000)).toBe(0);
  });
});
