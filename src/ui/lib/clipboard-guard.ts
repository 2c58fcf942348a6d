// Copying a secret (the recovery phrase) to the clipboard, and clearing it again after a while.
//
// Only the page that copied can clear, and only while it is open: a browser-action popup closes as soon
// as the user clicks anywhere else, and its timers die with it. While the popup stays open, though,
// nothing outside it can have written to the clipboard (the user cannot reach another app without
// closing it), so the only later writes are the popup's own, which this guard tracks. That is why it
// clears without reading the clipboard first: reading needs the `clipboardRead` permission, which would
// show the user an alarming prompt and let every extension page read what they copy.

export interface ClipboardDeps {
  writeText: (text: string) => Promise<void>;
  setTimer: (callback: () => void, ms: number) => unknown;
  clearTimer: (timer: unknown) => void;
}

export interface ClipboardGuard {
  /** Copies ordinary text (an address); a pending secret is then no longer on the clipboard. */
  copy(text: string): Promise<void>;
  /**
   * Copies a secret and clears the clipboard after `clearAfterMs` unless something else was copied
   * through this guard meanwhile. `onCleared` runs once the clipboard was cleared.
   */
  copySecret(text: string, clearAfterMs: number, onCleared?: () => void): Promise<void>;
  /** Clears the clipboard now if it still holds a secret copied through this guard. */
  clearSecret(): Promise<void>;
}

/** @throws whatever `writeText` throws (no focus, no permission); the caller tells the user. */
export function createClipboardGuard(deps: ClipboardDeps): ClipboardGuard {
  let pending: { timer: unknown; onCleared: (() => void) | undefined } | undefined;

  function forget(): void {
    if (pending !== undefined) deps.clearTimer(pending.timer);
    pending = undefined;
  }

  async function clearSecret(): Promise<void> {
    if (pending === undefined) return;
    const { onCleared } = pending;
    forget();
    await deps.writeText('');
    onCleared?.();
  }

  return {
    async copy(text) {
      forget();
      await deps.writeText(text);
    },
    async copySecret(text, clearAfterMs, onCleared) {
      forget();
      await deps.writeText(text);
      const timer = deps.setTimer(() => {
        // A failed clear (the page lost focus) cannot be retried usefully; the notice stays unshown.
        clearSecret().catch(() => undefined);
      }, clearAfterMs);
      pending = { timer, onCleared };
    },
    clearSecret,
  };
}
