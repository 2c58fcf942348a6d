import { describe, expect, it } from 'vitest';
import { registerVerdict, type Erc3643Facts, type ProposedTransfers } from '../../../../src/core';

const HOLDER = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266';
const BUYER = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
const OTHER = '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC';
const TOKEN = '0x5FbDB2315678afecb367f032d93F642f64180aa3';
const shares = (n: number) => BigInt(n) * 10n ** 18n;

const one = (amount = shares(100), to = BUYER): ProposedTransfers => ({ token: TOKEN, from: HOLDER, transfers: [{ to, amount }] });
const recipient = { frozen: false, verified: true, compliance: true } as const;
function facts(change: Partial<Erc3643Facts> = {}, count = 1): Erc3643Facts {
  return {
    standard: 'erc3643', paused: false,
    sender: { frozen: false, balance: shares(1000), frozenTokens: 0n },
    recipients: Array.from({ length: count }, () => ({ ...recipient })),
    ...change,
  };
}

describe('the ERC-3643 verdict', () => {
  it('accepts a transfer that passes every rule of T-REX\'s transfer', () => {
    expect(registerVerdict(one(), facts())).toEqual({ kind: 'accepted', standard: 'erc3643' });
  });

  it('refuses any transfer while the token is paused, naming that rule before every other', () => {
    const everythingWrong = facts({
      paused: true, sender: { frozen: true, balance: 0n, frozenTokens: shares(5) },
      recipients: [{ frozen: true, verified: false, compliance: false }],
    });
    expect(registerVerdict(one(), everythingWrong)).toEqual({
      kind: 'refused', standard: 'erc3643', refusal: { rule: 'paused' },
      transfer: { index: 0, count: 1, to: BUYER, amount: shares(100) },
    });
  });

  it('names a frozen sender', () => {
    const verdict = registerVerdict(one(), facts({ sender: { frozen: true, balance: shares(1000), frozenTokens: 0n } }));
    expect(verdict).toMatchObject({ kind: 'refused', refusal: { rule: 'sender-frozen', account: HOLDER } });
  });

  it('names a frozen recipient', () => {
    const verdict = registerVerdict(one(), facts({ recipients: [{ ...recipient, frozen: true }] }));
    expect(verdict).toMatchObject({ kind: 'refused', refusal: { rule: 'recipient-frozen', account: BUYER } });
  });

  it('names a frozen sender before a frozen recipient, and before an unverified one', () => {
    const verdict = registerVerdict(one(), facts({
      sender: { frozen: true, balance: shares(1000), frozenTokens: 0n }, recipients: [{ frozen: true, verified: false, compliance: false }],
    }));
    expect(verdict).toMatchObject({ refusal: { rule: 'sender-frozen' } });
  });

  it('refuses more than the unfrozen shares, with the balance, the frozen part and what can move', () => {
    const verdict = registerVerdict(one(shares(901)), facts({ sender: { frozen: false, balance: shares(1000), frozenTokens: shares(100) } }));
    expect(verdict).toMatchObject({
      kind: 'refused',
      refusal: { rule: 'insufficient-available', account: HOLDER, amount: shares(901), balance: shares(1000), frozen: shares(100), available: shares(900) },
    });
    expect(registerVerdict(one(shares(900)), facts({ sender: { frozen: false, balance: shares(1000), frozenTokens: shares(100) } })).kind).toBe('accepted');
  });

  it('refuses more shares than the sender holds, with nothing frozen', () => {
    expect(registerVerdict(one(shares(1001)), facts())).toMatchObject({ refusal: { rule: 'insufficient-available', frozen: 0n, available: shares(1000) } });
  });

  it('counts nothing as movable when more is frozen than held (T-REX\'s subtraction would revert)', () => {
    const verdict = registerVerdict(one(1n), facts({ sender: { frozen: false, balance: shares(10), frozenTokens: shares(20) } }));
    expect(verdict).toMatchObject({ refusal: { rule: 'insufficient-available', available: 0n } });
  });

  it('checks the unfrozen balance before the recipient\'s verification', () => {
    const verdict = registerVerdict(one(shares(2000)), facts({ recipients: [{ ...recipient, verified: false }] }));
    expect(verdict).toMatchObject({ refusal: { rule: 'insufficient-available' } });
  });

  it('names an unverified recipient', () => {
    const verdict = registerVerdict(one(), facts({ recipients: [{ ...recipient, verified: false, compliance: false }] }));
    expect(verdict).toMatchObject({ refusal: { rule: 'recipient-unverified', account: BUYER } });
  });

  it('refuses what the compliance refuses, after every other rule passed', () => {
    expect(registerVerdict(one(), facts({ recipients: [{ ...recipient, compliance: false }] })))
      .toMatchObject({ refusal: { rule: 'compliance', reverted: false } });
  });

  it('takes a compliance that reverts instead of answering for a refusal', () => {
    expect(registerVerdict(one(), facts({ recipients: [{ ...recipient, compliance: 'reverted' }] })))
      .toMatchObject({ kind: 'refused', refusal: { rule: 'compliance', reverted: true } });
  });

  it('checks a transferFrom against the owner of the shares, whoever sends it', () => {
    const ownersFacts = facts({ sender: { frozen: true, balance: shares(1000), frozenTokens: 0n } });
    expect(registerVerdict({ token: TOKEN, from: OTHER, transfers: [{ to: BUYER, amount: 1n }] }, ownersFacts))
      .toMatchObject({ refusal: { rule: 'sender-frozen', account: OTHER } });
  });
});

describe('the ERC-3643 verdict on a batchTransfer', () => {
  const batch: ProposedTransfers = {
    token: TOKEN, from: HOLDER, transfers: [{ to: BUYER, amount: shares(100) }, { to: OTHER, amount: shares(200) }, { to: BUYER, amount: shares(300) }],
  };

  it('accepts a batch whose every entry passes', () => {
    expect(registerVerdict(batch, facts({}, 3))).toEqual({ kind: 'accepted', standard: 'erc3643' });
  });

  it('names the first refused entry and its recipient', () => {
    const verdict = registerVerdict(batch, facts({ recipients: [{ ...recipient }, { ...recipient, verified: false }, { ...recipient, frozen: true }] }));
    expect(verdict).toEqual({
      kind: 'refused', standard: 'erc3643', refusal: { rule: 'recipient-unverified', account: OTHER },
      transfer: { index: 1, count: 3, to: OTHER, amount: shares(200) },
    });
  });

  it('gives each entry the sender\'s balance after the entries before it', () => {
    const verdict = registerVerdict(batch, facts({ sender: { frozen: false, balance: shares(500), frozenTokens: shares(50) } }, 3));
    expect(verdict).toMatchObject({
      refusal: { rule: 'insufficient-available', balance: shares(200), frozen: shares(50), available: shares(150), amount: shares(300) },
      transfer: { index: 2, to: BUYER },
    });
  });

  it('does not count shares sent to the sender itself as spent', () => {
    const toSelf: ProposedTransfers = { token: TOKEN, from: HOLDER, transfers: [{ to: HOLDER.toLowerCase(), amount: shares(900) }, { to: BUYER, amount: shares(900) }] };
    expect(registerVerdict(toSelf, facts({}, 2)).kind).toBe('accepted');
  });

  it('accepts an empty batch, which moves nothing', () => {
    expect(registerVerdict({ token: TOKEN, from: HOLDER, transfers: [] }, facts({ paused: true }, 0)).kind).toBe('accepted');
  });

  it('refuses facts that do not have one recipient per transfer, as a programming error', () => {
    expect(() => registerVerdict(batch, facts({}, 2))).toThrow(RangeError);
  });
});
