import { describe, expect, it } from 'vitest';
import { WalletError } from '../../../src/background/errors';
import { JsonRpcError, JsonRpcTransportError } from '../../../src/background/platform/json-rpc';
import { failureFromCallError } from '../../../src/background/services/transaction-failure';
import { changesHoldings, refreshHoldingsWhenSettled } from '../../../src/background/services/transaction-settled';
import { sentTransactionView } from '../../../src/background/storage/transaction-store';
import type { CallView, SentTransactionView } from '../../../src/protocol/transactions';
import { pendingRecord, RECIPIENT } from './sent-transactions';

const TOKEN = '0x5FbDB2315678afecb367f032d93F642f64180aa3';
const token = { address: TOKEN, chainId: '31337', known: undefined };

function settledWith(action: CallView['action'], status: SentTransactionView['status'] = 'confirmed'): SentTransactionView {
  const view = sentTransactionView(pendingRecord());
  return { ...view, status, call: { ...view.call, action } };
}

describe('after a transaction is mined', () => {
  it('reads the holdings again after a confirmed share transfer, delegation or vote', () => {
    expect(changesHoldings(settledWith({ kind: 'token-transfer', token, to: RECIPIENT, amount: '1' }))).toBe(true);
    expect(changesHoldings(settledWith({ kind: 'delegate', token, delegatee: RECIPIENT, toSelf: false }))).toBe(true);
    expect(changesHoldings(settledWith({ kind: 'token-batch-transfer', token, transfers: [] }))).toBe(true);
  });

  it('does not read them after a failed share transfer, or after a transfer of the native currency', () => {
    expect(changesHoldings(settledWith({ kind: 'token-transfer', token, to: RECIPIENT, amount: '1' }, 'failed'))).toBe(false);
    expect(changesHoldings(settledWith({ kind: 'native-transfer', to: RECIPIENT }))).toBe(false);
    expect(changesHoldings(settledWith({ kind: 'token-approve', token, spender: RECIPIENT, amount: '1', unlimited: false }))).toBe(false);
  });

  it('refreshes only the network of the transaction, and lets a locked wallet be', async () => {
    const refreshed: string[] = [];
    const settled = refreshHoldingsWhenSettled({ refreshChain: (chainId) => { refreshed.push(chainId); return Promise.resolve(); } });
    const transfer = settledWith({ kind: 'token-transfer', token, to: RECIPIENT, amount: '1' });
    await settled(transfer);
    await settled(settledWith({ kind: 'native-transfer', to: RECIPIENT }));
    expect(refreshed).toEqual([transfer.chainId]);
    const locked = refreshHoldingsWhenSettled({ refreshChain: () => Promise.reject(new WalletError('wrong-state', 'the wallet is locked')) });
    await expect(locked(transfer)).resolves.toBeUndefined();
  });
});

describe('the reason of a failed transaction', () => {
  const reason = '0x08c379a0' + '20'.padStart(64, '0') + '0b'.padStart(64, '0') + Buffer.from('not allowed').toString('hex').padEnd(64, '0');

  it('decodes the revert data of a replay that reverted', () => {
    expect(failureFromCallError(new JsonRpcError(3, 'execution reverted: not allowed', reason))).toEqual({
      revert: { kind: 'error', reason: 'not allowed' }, nodeMessage: undefined,
    });
  });

  it('reads revert data that a node nests in an object', () => {
    expect(failureFromCallError(new JsonRpcError(-32603, 'reverted', { data: reason }))?.revert).toEqual({ kind: 'error', reason: 'not allowed' });
  });

  it('keeps a panic code as a decimal string', () => {
    const panic = `0x4e487b71${'11'.padStart(64, '0')}`;
    expect(failureFromCallError(new JsonRpcError(3, 'execution reverted', panic))?.revert).toEqual({ kind: 'panic', code: '17', panic: 'arithmetic-overflow' });
  });

  it('gives no reason for an error that is not a revert, or a node that cannot be reached', () => {
    expect(failureFromCallError(new JsonRpcError(-32000, 'header not found'))).toBeUndefined();
    expect(failureFromCallError(new JsonRpcTransportError('unreachable', 'the node at x could not be reached'))).toBeUndefined();
    expect(failureFromCallError(new TypeError('boom'))).toBeUndefined();
  });
});
