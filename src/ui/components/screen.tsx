// One screen: its <h1>, its content and its bottom row of actions. On mount, focus goes to the heading
// (or stays with the field a screen focuses itself), so keyboard and screen-reader users start at the top
// of each new screen.
import type { ComponentChildren } from 'preact';
import { useEffect, useId, useRef } from 'preact/hooks';

interface ScreenProps {
  title: string;
  children: ComponentChildren;
  /** Buttons at the bottom; the primary one last. */
  actions?: ComponentChildren;
  /** When set, the screen is a form: Enter in a field submits it. */
  onSubmit?: () => void;
  /** `none` when the screen focuses one of its fields itself. */
  focus?: 'heading' | 'none';
  busy?: boolean;
  /** Decoration above the heading (a logo). */
  before?: ComponentChildren;
}

export function Screen({ title, children, actions, onSubmit, focus = 'heading', busy = false, before }: ScreenProps) {
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focus === 'heading') heading.current?.focus();
  }, [focus]);

  const body = (
    <>
      <div class="screen-body">
        {before}
        <h1 id={id} ref={heading} tabIndex={-1}>{title}</h1>
        {children}
      </div>
      {actions !== undefined && <div class="actions">{actions}</div>}
    </>
  );
  if (onSubmit === undefined) {
    return <section class="screen" aria-labelledby={id} aria-busy={busy}>{body}</section>;
  }
  return (
    <form
      class="screen"
      aria-labelledby={id}
      aria-busy={busy}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (!busy) onSubmit();
      }}
    >
      {body}
    </form>
  );
}
