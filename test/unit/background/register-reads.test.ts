import { encodeFunctionData, parseAbi, toFunctionSelector } from 'viem';
import { describe, expect, it } from 'vitest';
import {
  erc3643TransferCalls, erc7943TransferCalls, probeCalls, readProbe, REGISTER_SELECTORS, RegisterReadError,
} from '../../../src/background/services/register-reads';
import type { BatchItem } from '../../../src/background/platform/json-rpc';
import { JsonRpcError } from '../../../src/background/platform/json-rpc';

const TOKEN = '0x5FbDB2315678afecb367f032d93F642f64180aa3';
const REGISTRY = '0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512';
const COMPLIANCE = '0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0';
const HOLDER = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266';
const BUYER = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
const word = (hex: string) => `0x${hex.padStart(64, '0')}`;
const ok = (result: unknown): BatchItem => ({ ok: true, result });
const reverted: BatchItem = { ok: false, error: new JsonRpcError(3, 'execution reverted') };
const data = (call: { params?: readonly unknown[] } | undefined) => (call?.params?.[0] as { data: string }).data;

const SIGNATURES: Record<keyof typeof REGISTER_SELECTORS, string> = {
  identityRegistry: 'identityRegistry()', compliance: 'compliance()', paused: 'paused()', isFrozen: 'isFrozen(address)',
  getFrozenTokens: 'getFrozenTokens(address)', isVerified: 'isVerified(address)', canTransfer: 'canTransfer(address,address,uint256)',
  canSend: 'canSend(address)', canReceive: 'canReceive(address)', balanceOf: 'balanceOf(address)', supportsInterface: 'supportsInterface(bytes4)',
};

describe('the register reads', () => {
  it('use the selectors of the functions they name', () => {
    for (const [name, selector] of Object.entries(REGISTER_SELECTORS)) {
      expect(toFunctionSelector(`function ${SIGNATURES[name as keyof typeof SIGNATURES]}`), name).toBe(selector);
    }
  });

  it('encode every call as viem encodes it, at the latest block', () => {
    const abi = parseAbi([
      'function canTransfer(address, address, uint256) view returns (bool)', 'function isVerified(address) view returns (bool)',
      'function supportsInterface(bytes4) view returns (bool)',
    ]);
    const proposed = { token: TOKEN, from: HOLDER.toLowerCase(), transfers: [{ to: BUYER, amount: 10n ** 18n }] };
    const calls = erc3643TransferCalls(proposed, { paused: false, identityRegistry: REGISTRY, compliance: COMPLIANCE });
    expect(calls.map((call) => call.params?.[1])).toEqual(calls.map(() => 'latest'));
    expect(calls[4]?.params?.[0]).toEqual({ to: REGISTRY, data: encodeFunctionData({ abi, functionName: 'isVerified', args: [BUYER] }) });
    expect(calls[5]?.params?.[0]).toEqual({ to: COMPLIANCE, data: encodeFunctionData({ abi, functionName: 'canTransfer', args: [HOLDER, BUYER, 10n ** 18n] }) });
    expect(data(probeCalls(TOKEN)[4])).toBe(encodeFunctionData({ abi, functionName: 'supportsInterface', args: ['0x3edbb4c4'] }));
    expect(data(erc7943TransferCalls(proposed)[0])).toBe(encodeFunctionData({ abi, functionName: 'supportsInterface', args: ['0x3edbb4c4'] }));
  });
});

describe('recognising a restricted token', () => {
  const yes = ok(word('1'));
  const no = ok(word('0'));

  it('takes a token that names its identity registry and compliance for ERC-3643', () => {
    expect(readProbe('http://n', [ok(word(REGISTRY.slice(2).toLowerCase())), ok(word(COMPLIANCE.slice(2))), reverted, reverted, reverted]))
      .toEqual({ standard: 'erc3643', identityRegistry: REGISTRY, compliance: COMPLIANCE });
  });

  it('does not take a zero registry or a word that is not an address for ERC-3643', () => {
    expect(readProbe('http://n', [ok(word('0')), ok(word(COMPLIANCE.slice(2))), reverted, reverted, reverted])).toEqual({ standard: 'plain' });
    expect(readProbe('http://n', [ok(`0x${'ff'.repeat(32)}`), ok(word(COMPLIANCE.slice(2))), reverted, reverted, reverted])).toEqual({ standard: 'plain' });
  });

  it('takes a token that passes ERC-165 detection and declares IERC7943Fungible for ERC-7943', () => {
    expect(readProbe('http://n', [reverted, reverted, yes, no, yes])).toEqual({ standard: 'erc7943' });
  });

  it('does not believe a contract that says yes to every interface, 0xffffffff included', () => {
    expect(readProbe('http://n', [reverted, reverted, yes, yes, yes])).toEqual({ standard: 'plain' });
  });

  it('takes a token that reverts or answers nothing for every probe for a plain token', () => {
    expect(readProbe('http://n', [reverted, ok('0x'), reverted, ok('0x'), reverted])).toEqual({ standard: 'plain' });
  });

  it('never takes a node\'s failure for an answer', () => {
    const limited: BatchItem = { ok: false, error: new JsonRpcError(-32005, 'rate limited') };
    expect(() => readProbe('http://n', [reverted, reverted, yes, no, limited])).toThrow(RegisterReadError);
    expect(() => readProbe('http://n', [reverted, reverted, yes, no, limited])).toThrow('the node at http://n answered with an error: rate limited');
  });
});
