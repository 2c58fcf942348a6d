import { describe, expect, it } from 'vitest';
import { transfersOfCall, transfersOfTypedData, type CallAction, type ShareholderAction, type TokenRef } from '../../../../src/core';

const SENDER = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266';
const OWNER = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
const BUYER = '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC';
const token: TokenRef = { address: '0x5FbDB2315678afecb367f032d93F642f64180aa3', chainId: 31337n, known: undefined };

describe('the transfers a request asks the register about', () => {
  it('takes the sender\'s shares for a transfer', () => {
    expect(transfersOfCall({ kind: 'token-transfer', token, to: BUYER, amount: 5n }, SENDER))
      .toEqual({ token: token.address, from: SENDER, transfers: [{ to: BUYER, amount: 5n }] });
  });

  it('takes the owner\'s shares, not the sender\'s, for a transferFrom', () => {
    expect(transfersOfCall({ kind: 'token-transfer-from', token, from: OWNER, to: BUYER, amount: 5n }, SENDER))
      .toEqual({ token: token.address, from: OWNER, transfers: [{ to: BUYER, amount: 5n }] });
  });

  it('keeps a batchTransfer\'s recipients in order', () => {
    const action: CallAction = { kind: 'token-batch-transfer', token, transfers: [{ to: BUYER, amount: 1n }, { to: OWNER, amount: 2n }] };
    expect(transfersOfCall(action, SENDER)?.transfers).toEqual([{ to: BUYER, amount: 1n }, { to: OWNER, amount: 2n }]);
  });

  it('takes the signer\'s shares for a submitted ERC-3009 authorization', () => {
    const action: CallAction = {
      kind: 'authorized-transfer', mode: 'receive', token, from: OWNER, to: SENDER, amount: 7n, validAfter: 0n, validBefore: 1n, nonce: `0x${'00'.repeat(32)}`,
    };
    expect(transfersOfCall(action, SENDER)).toEqual({ token: token.address, from: OWNER, transfers: [{ to: SENDER, amount: 7n }] });
  });

  it('has nothing to ask about an approval or a vote', () => {
    expect(transfersOfCall({ kind: 'token-approve', token, spender: BUYER, amount: 1n, unlimited: false }, SENDER)).toBeUndefined();
    expect(transfersOfCall({ kind: 'native-transfer', to: BUYER }, SENDER)).toBeUndefined();
  });

  it('takes the signer\'s shares for a TransferWithAuthorization to sign, and nothing for a permit', () => {
    const transfer: ShareholderAction = { kind: 'transfer', token, from: OWNER, to: BUYER, amount: 3n, validAfter: 0n, validBefore: 9n, submitter: 'anyone' };
    expect(transfersOfTypedData(transfer)).toEqual({ token: token.address, from: OWNER, transfers: [{ to: BUYER, amount: 3n }] });
    // A ReceiveWithAuthorization moves the same shares; only who may submit it differs.
    expect(transfersOfTypedData({ ...transfer, submitter: 'recipient' })).toEqual({ token: token.address, from: OWNER, transfers: [{ to: BUYER, amount: 3n }] });
    const permit: ShareholderAction = { kind: 'permit', token, owner: OWNER, spender: BUYER, amount: 3n, unlimited: false, deadline: 9n };
    expect(transfersOfTypedData(permit)).toBeUndefined();
  });
});
