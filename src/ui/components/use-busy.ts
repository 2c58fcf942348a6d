// One request at a time per screen: `run` ignores new tasks while one is under way, and `busy` drives
// aria-busy and the look of the buttons. Tasks report their own failures; a stray rejection is dropped
// here so it cannot end as an unhandled rejection.
import { useCallback, useRef, useState } from 'preact/hooks';

export function useBusy(): [busy: boolean, run: (task: () => Promise<void>) => void] {
  const [busy, setBusy] = useState(false);
  const running = useRef(false);
  const run = useCallback((task: () => Promise<void>) => {
    if (running.current) return;
    running.current = true;
    setBusy(true);
    void task()
      .catch(() => undefined)
      .finally(() => {
        running.current = false;
        setBusy(false);
      });
  }, []);
  return [busy, run];
}
