import { describe, expect, it } from 'vitest';
import { createApprovalService, WAITING_LIMIT } from '../../../src/background/services/approvals';
import type { ApprovalRequest } from '../../../src/protocol/approvals';

const SITE = 'https://registry.example';
const ALICE = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266';

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
  const sign = (origin = SITE) => approvals.request({
    origin, topOrigin: undefined, requester: 'port-1', request: { kind: 'personal_sign', account: ALICE, text: 'Hello!', hex: '0x48656c6c6f21', signIn: undefined },
  });
  return { approvals, opened, focused, connect, sign };
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

describe('the place of a request in the queue', () => {
  it('counts from the first request since the queue was empty, so the one after a decision reads "2 of 2"', async () => {
    const { approvals, connect, sign } = setUp();
    const first = sign();
    await tick();
    expect(approvals.next()).toMatchObject({ position: 1, queueSize: 1 });
    const second = connect();
    const third = connect('https://other.example');
    await tick();
    const shown = approvals.next();
    expect(shown).toMatchObject({ position: 1, queueSize: 3, request: { kind: 'personal_sign' } });
    approvals.decide({ id: shown?.id ?? '', approve: true });
    await first;
    const next = approvals.next();
    expect(next).toMatchObject({ position: 2, queueSize: 3, origin: SITE, request: { kind: 'connect' } });
    approvals.decide({ id: next?.id ?? '', approve: false });
    await expect(second).rejects.toMatchObject({ code: 4001 });
    expect(approvals.next()).toMatchObject({ position: 3, queueSize: 3, origin: 'https://other.example' });
    approvals.windowClosed(1);
    await expect(third).rejects.toMatchObject({ code: 4001 });
  });

  it('starts again at 1 once the queue was empty', async () => {
    const { approvals, sign } = setUp();
    const first = sign();
    await tick();
    approvals.decide({ id: approvals.next()?.id ?? '', approve: true });
    await first;
    void sign().catch(() => undefined);
    await tick();
    expect(approvals.next()).toMatchObject({ position: 1, queueSize: 1 });
  });
});

describe('a site disconnected while its requests wait', () => {
  it('rejects every waiting request of that site with 4100 and leaves the others waiting', async () => {
    const { approvals, connect, sign } = setUp();
    const signature = sign();
    const other = connect('https://other.example');
    await tick();
    approvals.originRevoked(SITE);
    await expect(signature).rejects.toMatchObject({ code: 4100, message: `${SITE} was disconnected from the wallet while this request waited` });
    expect(approvals.next()).toMatchObject({ origin: 'https://other.example', position: 2, queueSize: 2 });
    approvals.windowClosed(1);
    await expect(other).rejects.toMatchObject({ code: 4001 });
  });

  it('keeps whether the outer site of a frame is unknown with the request', async () => {
    const { approvals } = setUp();
    void approvals.request({ origin: SITE, topOrigin: undefined, topOriginUnknown: true, requester: 'port-1', request: { kind: 'connect' } }).catch(() => undefined);
    await tick();
    expect(approvals.next()).toMatchObject({ origin: SITE, topOrigin: undefined, topOriginUnknown: true });
  });
});

describe('how many requests one site may have waiting', () => {
  const transaction: ApprovalRequest = {
    kind: 'transaction',
    transaction: {
      chainId: '0x7a69', networkName: 'Anvil', from: ALICE, data: '0x', nativeCurrency: { symbol: 'ETH', decimals: 18 }, gas: '21000', nonce: '0',
      failure: undefined, lookalike: undefined,
      fees: { proposed: { type: 'legacy', gasPrice: '1' }, suggested: undefined, suggestedUsed: false, baseFeePerGas: undefined },
      call: { chainId: '31337', to: ALICE, value: '1', action: { kind: 'native-transfer', to: ALICE }, trailingData: undefined, warnings: [] },
    },
  };

  it('refuses a second signature request from the same site with -32002 while one waits, and takes one from another site', async () => {
    const { approvals, sign } = setUp();
    void sign().catch(() => undefined);
    await expect(sign()).rejects.toMatchObject({ code: -32002, message: `a personal_sign request from ${SITE} is already waiting for the user` });
    void sign('https://other.example').catch(() => undefined);
    await tick();
    expect(approvals.next()).toMatchObject({ queueSize: 2 });
  });

  it(`lines up to ${String(WAITING_LIMIT.transaction)} transactions from one site, shown in the order they came, and refuses the next with -32002`, async () => {
    const { approvals } = setUp();
    const limit = WAITING_LIMIT.transaction ?? 1;
    const send = () => approvals.request({ origin: SITE, topOrigin: undefined, requester: 'port-1', request: transaction });
    const waiting = Array.from({ length: limit }, () => send());
    for (const promise of waiting) promise.catch(() => undefined);
    await expect(send()).rejects.toMatchObject({ code: -32002, message: `${String(limit)} transaction requests from ${SITE} are already waiting for the user` });
    await tick();
    expect(approvals.next()).toMatchObject({ id: 'request-1', position: 1, queueSize: limit });
    approvals.decide({ id: 'request-1', approve: true, transaction: {} });
    await expect(waiting[0]).resolves.toMatchObject({ id: 'request-1' });
    expect(approvals.next()).toMatchObject({ id: 'request-2', position: 2, queueSize: limit });
    void send().catch(() => undefined);
    await tick();
    expect(approvals.next()).toMatchObject({ queueSize: limit + 1 });
  });
});
