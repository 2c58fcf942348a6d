// How most screens run a request: one at a time (useBusy), with its failure in the user's words shown
// below. The old message is cleared inside `run`, once the task has really started, so a press ignored
// while another request is under way leaves the message on screen as it was.
import { useState } from 'preact/hooks';
import { useApp } from '../app-context';
import { useBusy } from './use-busy';

export interface Attempt {
  busy: boolean;
  /** The last failure's message; undefined before any, and again while the next task runs. */
  error: string | undefined;
  /** For what a screen checks itself before a task, or a failure it words itself. */
  setError: (error: string | undefined) => void;
  /** Runs `task` unless one is under way: clears the error, then shows `app.failure` of whatever it throws. */
  attempt: (task: () => Promise<void>) => void;
}

export function useAttempt(): Attempt {
  const app = useApp();
  const [busy, run] = useBusy();
  const [error, setError] = useState<string>();
  function attempt(task: () => Promise<void>): void {
    run(async () => {
      setError(undefined);
      try {
        await task();
      } catch (failure) {
        setError(app.failure(failure));
      }
    });
  }
  return { busy, error, setError, attempt };
}
