// An <input> that is either a password field or a plain text field. Preact types `type` as a union of
// exact attribute sets, so each kind is rendered with its own literal type.
import type { PartialInputHTMLAttributes, Ref } from 'preact';

export type TextInputProps = Omit<PartialInputHTMLAttributes<HTMLInputElement>, 'type' | 'role' | 'ref'> & {
  secret: boolean;
  inputRef?: Ref<HTMLInputElement> | undefined;
};

export function TextInput({ secret, inputRef, ...props }: TextInputProps) {
  return secret
    ? <input {...props} ref={inputRef ?? null} type="password" />
    : <input {...props} ref={inputRef ?? null} type="text" />;
}
