// The current time, ticking every second while `active`: drives the "Try again in N s" countdowns.
import { useEffect, useState } from 'preact/hooks';

export function useNow(active: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    setNow(Date.now());
    if (!active) return undefined;
    const timer = setInterval(() => { setNow(Date.now()); }, 250);
    return () => { clearInterval(timer); };
  }, [active]);
  return now;
}
