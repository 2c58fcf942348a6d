// The message the sandboxed frame (frame.html) sends its parent (iframe.html) with its outcome.

/**
 * The frame's outcomes: pending (asking), error (the wallet refused, with its code, or gave no
 * answer), rejected (refused with 4001), connected (the wallet shared accounts with an opaque origin,
 * which it must not), no-wallet (no provider reached the frame).
 */
export type FrameState = 'pending' | 'error' | 'rejected' | 'connected' | 'no-wallet';

export interface FrameResult {
  type: 'registry-frame-result';
  state: FrameState;
  text: string;
  code?: number;
}

const STATES: readonly string[] = ['pending', 'error', 'rejected', 'connected', 'no-wallet'];

export function isFrameResult(value: unknown): value is FrameResult {
  if (typeof value !== 'object' || value === null) return false;
  const { type, state, text, code } = value as Record<string, unknown>;
  return type === 'registry-frame-result' && typeof state === 'string' && STATES.includes(state)
    && typeof text === 'string' && (code === undefined || (typeof code === 'number' && Number.isInteger(code)));
}
