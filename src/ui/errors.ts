// Failures in the user's words: each error code and each recovery-phrase problem to a localised sentence.
import type { MnemonicProblem } from '../protocol/private';
import { t } from './i18n';
import { UiError, type UiErrorCode } from './lib/rpc';

function codeMessage(code: UiErrorCode): string {
  switch (code) {
    case 'wrong-password':
      return t('error_wrongPassword');
    case 'unlock-blocked':
      return t('error_unlockBlocked');
    case 'invalid-params':
      return t('error_invalidParams');
    case 'wrong-state':
      return t('error_wrongState');
    case 'rejected':
      return t('error_rejected');
    case 'vault-damaged':
      return t('error_vaultDamaged');
    case 'unreachable':
      return t('error_unreachable');
    case 'internal':
      return t('error_internal');
  }
}

/** What to tell the user about a failed request (or any unexpected failure). */
export function errorMessage(error: unknown): string {
  return codeMessage(error instanceof UiError ? error.code : 'internal');
}

/** The background's own words about a failure (English, for a developer or a precise reason), or ''. */
export function errorDetail(error: unknown): string {
  return error instanceof UiError ? error.message : '';
}

/** The code of a failed request, `internal` for anything that is not a UiError. */
export function errorCode(error: unknown): UiErrorCode {
  return error instanceof UiError ? error.code : 'internal';
}

/** Epoch ms of the next allowed attempt, when the failure carries one. */
export function retryAtOf(error: unknown): number | undefined {
  return error instanceof UiError ? error.retryAt : undefined;
}

/** "Word 7 is not in the word list", "Wrong number of words", "The phrase's checksum does not match". */
export function mnemonicProblemMessage(problem: MnemonicProblem): string {
  switch (problem.kind) {
    case 'empty':
      return t('problem_empty');
    case 'word-count':
      return t('problem_wordCount', [problem.count]);
    case 'unknown-word':
      return t('problem_unknownWord', [problem.position]);
    case 'checksum':
      return t('problem_checksum');
  }
}
