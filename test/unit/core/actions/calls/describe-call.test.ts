import { encodeFunctionData, keccak256, toHex, type Hex } from 'viem';
import { describe, expect, it } from 'vitest';
import { describeCall, MAX_UINT256, type CallRequest, type KnownToken } from '../../../../../src/core';
import { KNOWN_CALLS_ABI } from '../../../../../src/core/actions/calls/abi';

const TOKEN = '0x5FbDB2315678afecb367f032d93F642f64180aa3';
const GOVERNOR = '0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512';
const ALICE = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266';
const BOB = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
const CAROL = '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC';
const ACME: KnownToken = { name: 'Acme Holdings', symbol: 'ACME', decimals: 18, totalSupply: 1_000_000n };
const lookup = (chainId: bigint | undefined, address: string) => (chainId === 31337n && address === TOKEN ? ACME : undefined);
const acme = { address: TOKEN, chainId: 31337n, known: ACME };
const NONCE = `0x${'ab'.repeat(32)}` as const;
const R = `0x${'11'.repeat(32)}` as const;
const S = `0x${'22'.repeat(32)}` as const;

function call(data: string | undefined, fields: Partial<CallRequest> = {}): CallRequest {
  return { chainId: 31337n, from: ALICE, to: TOKEN, value: 0n, data, ...fields };
}

const encode = encodeFunctionData as (parameters: { abi: typeof KNOWN_CALLS_ABI; functionName: string; args: readonly unknown[] }) => Hex;
const data = (functionName: string, ...args: readonly unknown[]) => encode({ abi: KNOWN_CALLS_ABI, functionName, args });

describe('describeCall', () => {
  it('describes a call without data as a native-currency transfer', () => {
    for (const empty of [undefined, '0x']) {
      expect(describeCall(call(empty, { to: BOB.toLowerCase(), value: 10n ** 15n }), lookup)).toEqual({
        chainId: 31337n, to: BOB, value: 10n ** 15n, action: { kind: 'native-transfer', to: BOB }, trailingData: undefined, warnings: [],
      });
    }
  });

  it('describes a call without a recipient as a contract creation and flags it', () => {
    expect(describeCall(call('0x6080604052', { to: undefined, value: 5n }), lookup)).toEqual({
      chainId: 31337n, to: undefined, value: 5n, action: { kind: 'contract-creation', bytecode: '0x6080604052' },
      trailingData: undefined, warnings: ['contract-creation'],
    });
  });

  it('describes an ERC-20 (or ERC-3643) transfer with the token the wallet knows', () => {
    expect(describeCall(call(data('transfer', BOB, 1500n * 10n ** 18n)), lookup)).toMatchObject({
      to: TOKEN, action: { kind: 'token-transfer', token: acme, to: BOB, amount: 1500n * 10n ** 18n }, warnings: [],
    });
  });

  it('leaves the token unknown when the wallet does not know the contract', () => {
    expect(describeCall(call(data('transfer', BOB, 1n), { to: CAROL }), lookup).action).toMatchObject({ token: { address: CAROL, known: undefined } });
  });

  it('describes an ERC-20 transferFrom', () => {
    expect(describeCall(call(data('transferFrom', BOB, CAROL, 7n)), lookup).action).toEqual({ kind: 'token-transfer-from', token: acme, from: BOB, to: CAROL, amount: 7n });
  });

  it('flags an approval of 2^256 - 1, of 2^255 and of more than the known total supply as unlimited', () => {
    for (const amount of [MAX_UINT256, 1n << 255n, 1_000_001n]) {
      expect(describeCall(call(data('approve', BOB, amount)), lookup)).toMatchObject({
        action: { kind: 'token-approve', token: acme, spender: BOB, amount, unlimited: true }, warnings: ['unlimited-approval'],
      });
    }
  });

  it('does not flag an approval of 2^255 - 1 of a token without a known supply, nor one of the whole supply', () => {
    expect(describeCall(call(data('approve', BOB, (1n << 255n) - 1n), { to: CAROL }), lookup)).toMatchObject({ action: { unlimited: false }, warnings: [] });
    expect(describeCall(call(data('approve', BOB, 1_000_000n)), lookup)).toMatchObject({ action: { unlimited: false }, warnings: [] });
  });

  it('describes an ERC-3643 batchTransfer as one transfer per recipient', () => {
    expect(describeCall(call(data('batchTransfer', [BOB, CAROL], [1n, 2n])), lookup).action).toEqual({
      kind: 'token-batch-transfer', token: acme, transfers: [{ to: BOB, amount: 1n }, { to: CAROL, amount: 2n }],
    });
  });

  it('shows a batchTransfer whose lists differ in length as unrecognised', () => {
    expect(describeCall(call(data('batchTransfer', [BOB, CAROL], [1n])), lookup)).toMatchObject({ action: { kind: 'unknown', selector: '0x88d695b2' }, warnings: ['unrecognised'] });
  });

  it('describes delegating to oneself as activating one\'s votes, and to someone else as giving them away', () => {
    expect(describeCall(call(data('delegate', ALICE), { from: ALICE.toLowerCase() }), lookup).action).toEqual({ kind: 'delegate', token: acme, delegatee: ALICE, toSelf: true });
    expect(describeCall(call(data('delegate', BOB)), lookup).action).toEqual({ kind: 'delegate', token: acme, delegatee: BOB, toSelf: false });
  });

  it('describes a delegateBySig with the signed delegatee, nonce and expiry', () => {
    expect(describeCall(call(data('delegateBySig', BOB, 3n, 99n, 27, R, S)), lookup).action).toEqual({ kind: 'delegate-by-signature', token: acme, delegatee: BOB, nonce: 3n, expiry: 99n });
  });

  it('describes each Governor castVote form with Against, For and Abstain, the voter and the reason', () => {
    const vote = (calldata: Hex) => describeCall(call(calldata, { to: GOVERNOR.toLowerCase() }), lookup).action;
    expect([0, 1, 2].map((support) => vote(data('castVote', 42n, support)))).toEqual(['against', 'for', 'abstain'].map((support) => ({
      kind: 'vote', governor: GOVERNOR, chainId: 31337n, proposalId: 42n, support, voter: ALICE, bySignature: false, reason: undefined, params: undefined,
    })));
    expect(vote(data('castVoteWithReason', 42n, 1, 'Good for holders'))).toMatchObject({ support: 'for', reason: 'Good for holders', params: undefined });
    expect(vote(data('castVoteWithReasonAndParams', 42n, 0, '', '0x00FF'))).toMatchObject({ support: 'against', reason: undefined, params: '0x00ff' });
    expect(vote(data('castVoteBySig', 42n, 2, BOB, '0x1234'))).toMatchObject({ support: 'abstain', voter: BOB, bySignature: true });
    expect(vote(data('castVoteWithReasonAndParamsBySig', 42n, 1, BOB, 'why', '0x', '0x1234'))).toMatchObject({ voter: BOB, bySignature: true, reason: 'why' });
  });

  it('shows a vote with a support value outside 0-2 as unrecognised', () => {
    expect(describeCall(call(data('castVote', 42n, 3), { to: GOVERNOR }), lookup).action.kind).toBe('unknown');
  });

  it('describes Governor propose, queue and execute with the calls of the proposal', () => {
    const inner = data('transfer', BOB, 5n);
    const calls = [{ target: TOKEN, value: 0n, calldata: inner }];
    const args = [[TOKEN], [0n], [inner]] as const;
    const on = (calldata: Hex) => describeCall(call(calldata, { to: GOVERNOR }), lookup).action;
    expect(on(data('propose', ...args, '# Pay Bob'))).toEqual({ kind: 'propose', governor: GOVERNOR, calls, description: '# Pay Bob' });
    const descriptionHash = keccak256(toHex('# Pay Bob'));
    expect(on(data('queue', ...args, descriptionHash))).toEqual({ kind: 'queue', governor: GOVERNOR, calls, descriptionHash });
    expect(on(data('execute', ...args, descriptionHash))).toEqual({ kind: 'execute', governor: GOVERNOR, calls, descriptionHash });
  });

  it('shows a proposal whose targets, values and calldatas differ in length as unrecognised', () => {
    expect(describeCall(call(data('propose', [TOKEN], [0n, 1n], ['0x'], 'x'), { to: GOVERNOR }), lookup).action.kind).toBe('unknown');
  });

  it('describes ERC-3009 transfers and receipts with authorization, in the v, r, s and the bytes forms', () => {
    const expected = { token: acme, from: BOB, to: CAROL, amount: 9n, validAfter: 1n, validBefore: 2n, nonce: NONCE };
    const authorization = [BOB, CAROL, 9n, 1n, 2n, NONCE] as const;
    expect(describeCall(call(data('transferWithAuthorization', ...authorization, 28, R, S)), lookup).action).toEqual({ kind: 'authorized-transfer', mode: 'transfer', ...expected });
    expect(describeCall(call(data('transferWithAuthorization', ...authorization, `0x${'33'.repeat(65)}`)), lookup).action).toEqual({ kind: 'authorized-transfer', mode: 'transfer', ...expected });
    expect(describeCall(call(data('receiveWithAuthorization', ...authorization, 27, R, S)), lookup).action).toEqual({ kind: 'authorized-transfer', mode: 'receive', ...expected });
  });

  it('keeps the value visible when a call sends native currency too', () => {
    expect(describeCall(call(data('castVote', 1n, 1), { to: GOVERNOR, value: 123n }), lookup)).toMatchObject({ value: 123n, action: { kind: 'vote' } });
    expect(describeCall(call('0xdeadbeef', { value: 9n }), lookup)).toMatchObject({ value: 9n, action: { kind: 'unknown' } });
  });

  it('shows an unknown selector with its raw data, flagged as unrecognised', () => {
    expect(describeCall(call('0xDEADBEEF0001'), lookup)).toEqual({
      chainId: 31337n, to: TOKEN, value: 0n, action: { kind: 'unknown', to: TOKEN, selector: '0xdeadbeef', data: '0xdeadbeef0001' },
      trailingData: undefined, warnings: ['unrecognised'],
    });
    expect(describeCall(call('0x1234'), lookup).action).toEqual({ kind: 'unknown', to: TOKEN, selector: undefined, data: '0x1234' });
  });

  it('shows a known selector with short, dirty or out-of-range arguments as unrecognised, without throwing', () => {
    const transfer = data('transfer', BOB, 5n);
    const dirtyAddress = `${transfer.slice(0, 10)}ff${transfer.slice(12)}`;
    const castVote = data('castVote', 1n, 1);
    const supportAbove255 = `${castVote.slice(0, -4)}0101`;
    for (const malformed of [transfer.slice(0, -2), transfer.slice(0, 10), dirtyAddress, supportAbove255]) {
      expect(describeCall(call(malformed), lookup)).toMatchObject({ action: { kind: 'unknown', data: malformed.toLowerCase() }, warnings: ['unrecognised'] });
    }
  });

  it('keeps bytes appended after a recognised call visible as trailing data', () => {
    expect(describeCall(call(`${data('transfer', BOB, 5n)}C0FFEE`), lookup)).toMatchObject({ action: { kind: 'token-transfer', amount: 5n }, trailingData: '0xc0ffee' });
  });

  it('refuses data that is not hex of whole bytes, and a recipient that is not an address, with a TypeError', () => {
    expect(() => describeCall(call('0x123'), lookup)).toThrow(TypeError);
    expect(() => describeCall(call('a9059cbb'), lookup)).toThrow(TypeError);
    expect(() => describeCall(call('0x', { to: '0x1234' }), lookup)).toThrow(TypeError);
  });
});
