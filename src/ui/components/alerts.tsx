// Messages inside a screen: an error (announced at once) and a callout for warnings and notes.
import type { ComponentChildren } from 'preact';
import { AlertIcon, InfoIcon } from './icons';

/** An error announced by screen readers as it appears; give it an `id` to link a control to it. */
export function ErrorText({ id, children }: { id?: string; children: ComponentChildren }) {
  return <p id={id} class="error" role="alert">{children}</p>;
}

/** A boxed warning or note that stays on screen. */
export function Callout({ tone, children }: { tone: 'warning' | 'danger' | 'info'; children: ComponentChildren }) {
  return (
    <div class={`callout callout-${tone}`}>
      {tone === 'info' ? <InfoIcon /> : <AlertIcon />}
      <div class="callout-text">{children}</div>
    </div>
  );
}
