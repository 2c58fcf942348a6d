import { encodeFunctionData, erc20Abi, toFunctionSelector } from 'viem';
import { describe, expect, it } from 'vitest';
import { HOLDINGS_SELECTORS, holdingsCalls, readHoldings, uintAnswer } from '../../../src/background/services/holdings-reads';
import { votesAbi } from './fake-chain';

const ALICE = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266';
const TOKEN = { address: '0x5FbDB2315678afecb367f032d93F642f64180aa3', symbol: 'ACME' };
const word = (hex: string) => `0x${hex.padStart(64, '0')}`;

describe('holdings reads', () => {
  it('uses the selectors of balanceOf, getVotes and delegates, encoding the account as viem does', () => {
    for (const [name, selector] of Object.entries(HOLDINGS_SELECTORS)) expect(toFunctionSelector(`${name}(address)`), name).toBe(selector);
    const [balance, votes, delegates] = holdingsCalls([TOKEN], [ALICE.toLowerCase()], '0x10');
    expect(balance).toEqual({ method: 'eth_call', params: [{ to: TOKEN.address, data: encodeFunctionData({ abi: erc20Abi, functionName: 'balanceOf', args: [ALICE] }) }, '0x10'] });
    expect(votes?.params?.[0]).toMatchObject({ data: encodeFunctionData({ abi: votesAbi, functionName: 'getVotes', args: [ALICE] }) });
    expect(delegates?.params?.[0]).toMatchObject({ data: encodeFunctionData({ abi: votesAbi, functionName: 'delegates', args: [ALICE] }) });
  });

  it('reads a uint256 only from exactly one 32-byte word', () => {
    expect(uintAnswer({ ok: true, result: word('2a') })).toBe('42');
    for (const result of ['0x', '0x2a', `${word('2a')}00`, 42, null]) expect(uintAnswer({ ok: true, result }), String(result)).toBeUndefined();
  });

  it('takes a token whose delegates answer is not an address for a plain ERC-20, without failing', () => {
    const items = [{ ok: true, result: word('5') }, { ok: true, result: word('5') }, { ok: true, result: `0x${'ff'.repeat(32)}` }] as const;
    expect(readHoldings('http://n', [TOKEN], [ALICE], items)).toEqual({ rows: [{ token: TOKEN.address, account: ALICE, balance: '5' }], votesTokens: [] });
  });

  it('fails on a balanceOf the node refused, naming the token', () => {
    const refused = { ok: false, error: Object.assign(new Error('execution reverted'), { code: 3 }) };
    expect(() => readHoldings('http://n', [TOKEN], [ALICE], [refused as never, { ok: true, result: word('0') }, { ok: true, result: word('0') }]))
      .toThrow('the node at http://n refused balanceOf of ACME (0x5FbDB2315678afecb367f032d93F642f64180aa3): execution reverted');
  });
});
