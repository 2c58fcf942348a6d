// A labelled text or password input with its hint and its error, linked by aria-describedby.
import type { Ref } from 'preact';
import { useId } from 'preact/hooks';
import { TextInput } from './text-input';

interface FieldProps {
  label: string;
  value: string;
  onValue: (value: string) => void;
  type?: 'text' | 'password';
  /** `current-password`, `new-password`, or `off`. */
  autoComplete: string;
  hint?: string | undefined;
  error?: string | undefined;
  inputRef?: Ref<HTMLInputElement> | undefined;
  maxLength?: number | undefined;
  disabled?: boolean | undefined;
}

export function Field({ label, value, onValue, type = 'text', autoComplete, hint, error, inputRef, maxLength, disabled }: FieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint === undefined ? '' : hintId, error === undefined ? '' : errorId].filter((part) => part !== '').join(' ');
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <TextInput
        id={id}
        inputRef={inputRef}
        secret={type === 'password'}
        value={value}
        onInput={(event) => { onValue(event.currentTarget.value); }}
        autocomplete={autoComplete}
        autocapitalize="off"
        spellcheck={false}
        maxLength={maxLength}
        disabled={disabled}
        aria-invalid={error === undefined ? undefined : true}
        aria-describedby={describedBy === '' ? undefined : describedBy}
      />
      {error !== undefined && <p id={errorId} class="error" role="alert">{error}</p>}
      {hint !== undefined && <p id={hintId} class="hint">{hint}</p>}
    </div>
  );
}
