// Keeps a decision from landing on a request the user has not seen. A click meant for one request must
// not approve the next one, drawn in the same window at the same place; a page must not get a click
// through by covering the approval window with its own window and moving it away. So whenever a request
// is put on screen, and whenever the window regains focus or becomes visible, the decision buttons stay
// disabled for a while, and a click whose press (mouse, pen, touch or key) began before that moment is
// refused even after the wait: the press was aimed at something else.
//
// Time is passed in (milliseconds on one clock, e.g. performance.now() and Event.timeStamp), so the unit
// tests use a fake clock.

/** How long the buttons stay disabled after a request is shown or the window comes back. */
export const DECISION_DELAY_MS = 1_000;

export interface ClickGuard {
  /** A request was put on screen, or the window regained focus or became visible, at `now`. */
  arm(now: number): void;
  /** Whether the buttons must be disabled at `now`. */
  holding(now: number): boolean;
  /** When the buttons may be enabled again. */
  releaseAt(): number;
  /**
   * Whether an activation (a click, or a key that clicks) at `now`, whose press began at `pressAt`, may
   * act. `pressAt` is undefined for an activation without a press (assistive technology): judged by time.
   */
  accepts(now: number, pressAt: number | undefined): boolean;
}

export function createClickGuard(delayMs: number = DECISION_DELAY_MS): ClickGuard {
  let armedAt = Number.NEGATIVE_INFINITY;
  return {
    arm(now) {
      armedAt = Math.max(armedAt, now);
    },
    holding(now) {
      return now < armedAt + delayMs;
    },
    releaseAt() {
      return armedAt + delayMs;
    },
    accepts(now, pressAt) {
      if (now < armedAt + delayMs) return false;
      return pressAt === undefined || pressAt >= armedAt;
    },
  };
}

/**
 * The start of the press an activation belongs to. One tracker serves the whole window, so a press that
 * began on one request is still known when the next request is on screen.
 */
export interface PressTracker {
  /** A press (pointerdown, mousedown, or a keydown that is not a key repeat) began at `at`. */
  pressed(at: number): void;
  /** The start of the latest press not yet taken, then forgets it: each press belongs to one activation. */
  take(): number | undefined;
}

export function createPressTracker(): PressTracker {
  let pressAt: number | undefined;
  return {
    pressed(at) {
      pressAt = at;
    },
    take() {
      const at = pressAt;
      pressAt = undefined;
      return at;
    },
  };
}
