import { describe, expect, it } from 'vitest';
import { createClipboardGuard } from '../../../src/ui/lib/clipboard-guard';

function fakes() {
  const writes: string[] = [];
  const timers = new Map<number, () => void>();
  let next = 1;
  const guard = createClipboardGuard({
    writeText: (text) => { writes.push(text); return Promise.resolve(); },
    setTimer: (callback) => { const id = next++; timers.set(id, callback); return id; },
    clearTimer: (timer) => { timers.delete(timer as number); },
  });
  const fire = async () => {
    for (const [id, callback] of [...timers]) { timers.delete(id); callback(); }
    await new Promise((resolve) => setTimeout(resolve, 0));
  };
  return { guard, writes, timers, fire };
}

describe('copying the recovery phrase', () => {
  it('clears the clipboard when the time is up', async () => {
    const { guard, writes, fire } = fakes();
    let cleared = false;
    await guard.copySecret('legal winner thank', 60_000, () => { cleared = true; });
    expect(writes).toEqual(['legal winner thank']);
    await fire();
    expect(writes).toEqual(['legal winner thank', '']);
    expect(cleared).toBe(true);
  });

  it('leaves the clipboard alone when something else was copied since', async () => {
    const { guard, writes, timers, fire } = fakes();
    await guard.copySecret('legal winner thank', 60_000);
    await guard.copy('0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266');
    expect(timers.size).toBe(0);
    await fire();
    expect(writes).toEqual(['legal winner thank', '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266']);
  });

  it('can clear at once, and only once', async () => {
    const { guard, writes } = fakes();
    await guard.copySecret('legal winner thank', 60_000);
    await guard.clearSecret();
    await guard.clearSecret();
    expect(writes).toEqual(['legal winner thank', '']);
  });
});
