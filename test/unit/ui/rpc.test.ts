import { describe, expect, it } from 'vitest';
import type { PrivateRequest, WalletView } from '../../../src/protocol/private';
import { createRpc, UiError } from '../../../src/ui/lib/rpc';

const VIEW: WalletView = { status: 'locked', accounts: [], autoLockMinutes: 15 };
const NO_RECEIVER = new Error('Could not establish connection. Receiving end does not exist.');

function fakeSend(answers: (unknown)[]) {
  const sent: PrivateRequest[] = [];
  return {
    sent,
    send: (message: PrivateRequest): Promise<unknown> => {
      sent.push(message);
      const answer = answers.shift();
      return answer instanceof Error ? Promise.reject(answer) : Promise.resolve(answer);
    },
  };
}

const noSleep = () => Promise.resolve();

describe('the popup client of the private catalogue', () => {
  it('sends the method on the private channel and returns the result', async () => {
    const transport = fakeSend([{ ok: true, result: VIEW }]);
    const call = createRpc({ send: transport.send, sleep: noSleep });
    await expect(call('wallet.get', {})).resolves.toEqual(VIEW);
    expect(transport.sent).toEqual([{ channel: 'shareholder-wallet/private', method: 'wallet.get', params: {} }]);
  });

  it('throws a UiError with the code and the retry time of a refusal', async () => {
    const transport = fakeSend([{ ok: false, error: { code: 'wrong-password', message: 'wrong password', retryAt: 1234 } }]);
    const call = createRpc({ send: transport.send, sleep: noSleep });
    const error = await call('wallet.unlock', { password: 'x' }).catch((failure: unknown) => failure);
    expect(error).toBeInstanceOf(UiError);
    expect(error).toMatchObject({ code: 'wrong-password', retryAt: 1234 });
  });

  it('keeps a rejection in the approval window apart from a wrong state', async () => {
    const params = { chainId: '0x7a69', from: '0x', to: '0x', value: '0', data: '0x' };
    const rejected = createRpc({ send: fakeSend([{ ok: false, error: { code: 'rejected', message: 'rejected; nothing was sent' } }]).send, sleep: noSleep });
    await expect(rejected('transactions.propose', params)).rejects.toMatchObject({ code: 'rejected', message: 'rejected; nothing was sent' });
    const locked = createRpc({ send: fakeSend([{ ok: false, error: { code: 'wrong-state', message: 'locked' } }]).send, sleep: noSleep });
    await expect(locked('transactions.propose', params)).rejects.toMatchObject({ code: 'wrong-state' });
  });

  it('sends again while the background is not there yet, then answers', async () => {
    const transport = fakeSend([NO_RECEIVER, undefined, { ok: true, result: VIEW }]);
    const waits: number[] = [];
    const call = createRpc({ send: transport.send, sleep: (ms) => { waits.push(ms); return Promise.resolve(); }, retryDelaysMs: [10, 20, 30] });
    await expect(call('accounts.add', {})).resolves.toEqual(VIEW);
    expect(transport.sent).toHaveLength(3);
    expect(waits).toEqual([10, 20]);
  });

  it('gives up as unreachable after the last retry', async () => {
    const transport = fakeSend([NO_RECEIVER, NO_RECEIVER, NO_RECEIVER]);
    const call = createRpc({ send: transport.send, sleep: noSleep, retryDelaysMs: [1, 1] });
    await expect(call('wallet.get', {})).rejects.toMatchObject({ code: 'unreachable' });
    expect(transport.sent).toHaveLength(3);
  });

  it('does not repeat a state-changing request that may have been handled', async () => {
    const transport = fakeSend([new Error('The message port closed before a response was received.'), { ok: true, result: VIEW }]);
    const call = createRpc({ send: transport.send, sleep: noSleep });
    await expect(call('accounts.add', {})).rejects.toMatchObject({ code: 'unreachable' });
    expect(transport.sent).toHaveLength(1);
  });

  it('repeats a read after any transport failure', async () => {
    const transport = fakeSend([new Error('The message port closed before a response was received.'), { ok: true, result: VIEW }]);
    const call = createRpc({ send: transport.send, sleep: noSleep });
    await expect(call('wallet.get', {})).resolves.toEqual(VIEW);
  });

  it('refuses an answer of an unknown shape', async () => {
    for (const answer of [null, 'ok', { ok: 'yes' }, { ok: false, error: { code: 'nope', message: 'x' } }]) {
      const call = createRpc({ send: fakeSend([answer]).send, sleep: noSleep });
      await expect(call('wallet.get', {})).rejects.toMatchObject({ code: 'internal' });
    }
  });
});
