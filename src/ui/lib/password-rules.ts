// The rules a new password must meet, checked in the UI so the user sees which one fails; the
// background checks the length again.
import { MIN_PASSWORD_LENGTH } from '../../protocol/private';

export type PasswordProblem = 'too-short' | 'mismatch';

/** The first rule a new password and its repetition break, or undefined when both are fine. */
export function newPasswordProblem(password: string, repeat: string): PasswordProblem | undefined {
  // `.length` (UTF-16 code units), the same measure the background uses.
  if (password.length < MIN_PASSWORD_LENGTH) return 'too-short';
  if (password !== repeat) return 'mismatch';
  return undefined;
}

/** True when what the user typed is the confirmation word shown on screen (spaces around ignored). */
export function matchesTypedConfirmation(typed: string, word: string): boolean {
  return typed.normalize('NFKC').trim() === word.normalize('NFKC');
}

