import { encodeFunctionData, erc20Abi, toFunctionSelector } from 'viem';
import { describe, expect, it } from 'vitest';
import { HOLDINGS_SELECTORS, holdingsCalls, readHoldings, TOTAL_SUPPLY_SELECTOR, uintAnswer } from '../../../src/background/services/holdings-reads';
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
    expect(readHoldings('http://n', [TOKEN], [ALICE], items)).toEqual({ rows: [{ token: TOKEN.address, account: ALICE, balance: '5' }], votesTokens: [], supplies: {} });
  });

  it('asks each token for its totalSupply after every account\'s calls, at the same block', () => {
    expect(toFunctionSelector('totalSupply()')).toBe(TOTAL_SUPPLY_SELECTOR);
    const other = { address: '0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512', symbol: 'BETA' };
    const calls = holdingsCalls([TOKEN, other], [ALICE], '0x10');
    expect(calls).toHaveLength(2 * 3 + 2);
    expect(calls.slice(6)).toEqual([TOKEN, other].map((token) => ({ method: 'eth_call', params: [{ to: token.address, data: TOTAL_SUPPLY_SELECTOR }, '0x10'] })));
  });

  it('keeps the total supply of the tokens that answered it, and leaves it unknown for one that did not', () => {
    const other = { address: '0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512', symbol: 'BETA' };
    const accountCalls = Array.from({ length: 6 }, () => ({ ok: true, result: word('5') }) as const);
    const reverted = { ok: false, error: Object.assign(new Error('execution reverted'), { code: 3 }) };
    const items = [...accountCalls, { ok: true, result: word('3e8') } as const, reverted as never];
    expect(readHoldings('http://n', [TOKEN, other], [ALICE], items).supplies).toEqual({ [TOKEN.address]: '1000' });
  });

  it('fails on a balanceOf the node refused, naming the token', () => {
    const refused = { ok: false, error: Object.assign(new Error('execution reverted'), { code: 3 }) };
    expect(() => readHoldings('http://n', [TOKEN], [ALICE], [refused as never, { ok: true, result: word('0') }, { ok: true, result: word('0') }]))
      .toThrow('the node at http://n refused balanceOf of ACME (0x5FbDB2315678afecb367f032d93F642f64180aa3): execution reverted');
  });
});
