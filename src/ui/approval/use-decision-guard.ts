// Wires the click guard (../lib/click-guard.ts) to the approval window. The window keeps one press tracker
// (every press, with the time the browser gave it); each request on screen gets its own guard, armed when
// the request is drawn (and again on the frame that paints it) and whenever the window gains or loses
// focus or changes visibility. `holding` drives the buttons' `disabled` attribute; `guarded` wraps a
// decision so that it also refuses a click the attribute did not stop (one whose press began before the
// request was painted, or one that came before the attribute was drawn).
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { createClickGuard, createPressTracker, type ClickGuard, type PressTracker } from '../lib/click-guard';

const PRESSES = ['pointerdown', 'mousedown', 'keydown'] as const;

/** The window's press tracker: call once, in the component that lives as long as the window. */
export function usePressTracker(): PressTracker {
  const tracker = useRef<PressTracker>(undefined);
  tracker.current ??= createPressTracker();
  const presses = tracker.current;
  useEffect(() => {
    const press = (event: Event) => {
      // A held key repeats keydown: the press began with the first one.
      if (event instanceof KeyboardEvent && event.repeat) return;
      presses.pressed(event.timeStamp);
    };
    // Capture phase: noted before any button's handler runs.
    for (const type of PRESSES) window.addEventListener(type, press, true);
    return () => {
      for (const type of PRESSES) window.removeEventListener(type, press, true);
    };
  }, [presses]);
  return presses;
}

export interface DecisionGuard {
  /** The decision buttons must be disabled now. */
  holding: boolean;
  /** `action` as a click handler that does nothing while the guard refuses the click. */
  guarded: (action: () => void) => () => void;
}

/** Call once per request on screen: a component keyed by the request gets a fresh guard per request. */
export function useDecisionGuard(presses: PressTracker): DecisionGuard {
  const guard = useRef<ClickGuard>(undefined);
  guard.current ??= createClickGuard();
  const current = guard.current;
  const [holding, setHolding] = useState(true);

  useLayoutEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const release = () => {
      clearTimeout(timer);
      const wait = current.releaseAt() - performance.now();
      if (wait <= 0) setHolding(false);
      else timer = setTimeout(release, wait);
    };
    const arm = () => {
      current.arm(performance.now());
      setHolding(true);
      release();
    };
    arm();
    // The request is painted with the next frame: a press before it was aimed at what was there before.
    const frame = requestAnimationFrame(arm);
    window.addEventListener('focus', arm);
    window.addEventListener('blur', arm);
    document.addEventListener('visibilitychange', arm);
    return () => {
      clearTimeout(timer);
      cancelAnimationFrame(frame);
      window.removeEventListener('focus', arm);
      window.removeEventListener('blur', arm);
      document.removeEventListener('visibilitychange', arm);
    };
  }, [current]);

  const guarded = useCallback((action: () => void) => () => {
    if (current.accepts(performance.now(), presses.take())) action();
  }, [current, presses]);

  return { holding, guarded };
}
