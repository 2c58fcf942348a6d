// The wrong-password delay as the screens show it: seconds left until the next attempt, ticking while a
// delay is on, and cleared once it has passed.
import { useEffect, useState } from 'preact/hooks';
import { secondsUntil } from '../lib/countdown';
import { useNow } from './use-now';

export function useRetryCountdown(initialRetryAt?: number) {
  const [retryAt, setRetryAt] = useState<number | undefined>(initialRetryAt);
  const secondsLeft = secondsUntil(retryAt, useNow(retryAt !== undefined));
  useEffect(() => {
    if (secondsLeft <= 0 && retryAt !== undefined) setRetryAt(undefined);
  }, [secondsLeft, retryAt]);
  return { secondsLeft, blocked: secondsLeft > 0, setRetryAt };
}
