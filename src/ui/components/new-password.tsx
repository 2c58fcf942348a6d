// The new password, entered twice, with the rule that fails shown under the field it concerns.
import { MIN_PASSWORD_LENGTH } from '../../protocol/private';
import { t } from '../i18n';
import type { PasswordProblem } from '../lib/password-rules';
import { Field } from './field';

interface NewPasswordProps {
  password: string;
  repeat: string;
  onPassword: (value: string) => void;
  onRepeat: (value: string) => void;
  /** Shown only after the user tried to go on. */
  problem: PasswordProblem | undefined;
  /** "Password" on create, "New password" on restore and change. */
  label: 'password' | 'new-password';
}

export function NewPasswordFields({ password, repeat, onPassword, onRepeat, problem, label }: NewPasswordProps) {
  return (
    <>
      <Field
        label={label === 'password' ? t('field_password') : t('field_newPassword')}
        type="password"
        autoComplete="new-password"
        value={password}
        onValue={onPassword}
        hint={t('password_rule', [MIN_PASSWORD_LENGTH])}
        error={problem === 'too-short' ? t('password_tooShort', [MIN_PASSWORD_LENGTH]) : undefined}
      />
      <Field
        label={t('field_repeatPassword')}
        type="password"
        autoComplete="new-password"
        value={repeat}
        onValue={onRepeat}
        error={problem === 'mismatch' ? t('password_mismatch') : undefined}
      />
    </>
  );
}
