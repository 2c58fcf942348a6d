import { describe, expect, it } from 'vitest';
import { createApprovalService } from '../../../src/background/services/approvals';

const SITE = 'https://registry.example';

function setUp() {
  const opened: number[] = [];
  const focused: number[] = [];
  let ids = 0;
  let requests = 0;
  const approvals = createApprovalService({
    windows: {
      open: () => { opened.push(++ids); return Promise.resolve(ids); },
      focus: (windowId) => { focused.push(windowId); return Promise.resolve(); },
    },
    now: () => 0,
    newId: () => `request-${String(++requests)}`,
  });
  const connect = (origin = SITE) => approvals.request({ origin, topOrigin: undefined, requester: 'port-1', request: { kind: 'connect' } });
  return { approvals, opened, focused, connect };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('approval windows', () => {
  it('shows a request that comes while another is on screen in the same window', async () => {
    const { approvals, opened, focused, connect } = setUp();
    void connect(SITE).catch(() => undefined);
    await tick();
    void connect('https://other.example').catch(() => undefined);
    await tick();
    expect(opened).toEqual([1]);
    expect(focused).toEqual([1]);
    expect(approvals.next()?.origin).toBe(SITE);
  });

  it('rejects what is waiting with 4001 when the user closes the window', async () => {
    const { approvals, connect } = setUp();
    const answer = connect();
    await tick();
    approvals.windowClosed(1);
    await expect(answer).rejects.toMatchObject({ code: 4001 });
  });

  it('opens a new window for a request that comes after the window heard nothing is waiting, and the closing one does not reject it', async () => {
    const { approvals, opened, connect } = setUp();
    const first = connect();
    await tick();
    const shown = approvals.next();
    if (shown === null) throw new Error('the first request is not waiting');
    approvals.decide({ id: shown.id, approve: true, accounts: ['0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266'] });
    await first;
    expect(approvals.next()).toBeNull(); // the window closes itself on this answer
    const second = connect();
    await tick();
    expect(opened).toEqual([1, 2]);
    approvals.windowClosed(1); // the closing window is reported gone only now
    const waiting = approvals.next();
    expect(waiting).not.toBeNull();
    approvals.decide({ id: waiting?.id ?? '', approve: false });
    // Rejected by the user's decision in the new window, not as if the user had closed a window.
    const refusal = await second.then(() => undefined, (error: unknown) => error);
    expect(refusal).toMatchObject({ code: 4001 });
    expect(refusal instanceof Error ? refusal.message : '').not.toContain('closed');
  });
});
