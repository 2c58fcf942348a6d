import { toFunctionSelector } from 'viem';
import { describe, expect, it } from 'vitest';
import {
  ERC7943_FUNGIBLE_INTERFACE_ID, ERC7943_FUNGIBLE_SELECTORS, registerVerdict, type Erc7943Facts, type ProposedTransfers,
} from '../../../../src/core';

const HOLDER = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266';
const BUYER = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
const OTHER = '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC';
const TOKEN = '0x5FbDB2315678afecb367f032d93F642f64180aa3';

const one = (amount = 100n, to = BUYER): ProposedTransfers => ({ token: TOKEN, from: HOLDER, transfers: [{ to, amount }] });
function facts(change: Partial<Erc7943Facts> = {}, count = 1): Erc7943Facts {
  return {
    standard: 'erc7943', supportsInterface: true,
    sender: { canSend: true, balance: 1000n, frozenTokens: 0n },
    recipients: Array.from({ length: count }, () => ({ canReceive: true, canTransfer: true })),
    ...change,
  };
}

describe('the ERC-7943 interface id', () => {
  it('is made of the selectors of IERC7943Fungible\'s six functions', () => {
    for (const [signature, selector] of Object.entries(ERC7943_FUNGIBLE_SELECTORS)) {
      expect(`0x${selector.toString(16).padStart(8, '0')}`, signature).toBe(toFunctionSelector(`function ${signature}`));
    }
    expect(Object.keys(ERC7943_FUNGIBLE_SELECTORS)).toHaveLength(6);
  });

  it('is their XOR, as type(IERC7943Fungible).interfaceId, which the standard gives as 0x3edbb4c4', () => {
    expect(ERC7943_FUNGIBLE_INTERFACE_ID).toBe('0x3edbb4c4');
  });
});

describe('the ERC-7943 verdict', () => {
  it('accepts a transfer the token allows', () => {
    expect(registerVerdict(one(), facts())).toEqual({ kind: 'accepted', standard: 'erc7943' });
  });

  it('cannot check a token that no longer declares the standard, whatever else it says', () => {
    const verdict = registerVerdict(one(), facts({ supportsInterface: false, sender: { canSend: false, balance: 0n, frozenTokens: 0n } }));
    expect(verdict).toEqual({
      kind: 'unchecked', standard: 'erc7943', cause: 'standard',
      message: `the token at ${TOKEN} no longer declares ERC-7943 (supportsInterface(0x3edbb4c4) is false)`,
    });
  });

  it('names a sender that may not send, before a recipient that may not receive', () => {
    const verdict = registerVerdict(one(), facts({
      sender: { canSend: false, balance: 1000n, frozenTokens: 0n }, recipients: [{ canReceive: false, canTransfer: false }],
    }));
    expect(verdict).toEqual({
      kind: 'refused', standard: 'erc7943', refusal: { rule: 'sender-not-allowed', account: HOLDER },
      transfer: { index: 0, count: 1, to: BUYER, amount: 100n },
    });
  });

  it('names a recipient that may not receive, before the unfrozen balance', () => {
    const verdict = registerVerdict(one(5000n), facts({ recipients: [{ canReceive: false, canTransfer: false }] }));
    expect(verdict).toMatchObject({ refusal: { rule: 'recipient-not-allowed', account: BUYER } });
  });

  it('refuses more than the unfrozen balance, before asking canTransfer, with the figures', () => {
    const verdict = registerVerdict(one(901n), facts({
      sender: { canSend: true, balance: 1000n, frozenTokens: 100n }, recipients: [{ canReceive: true, canTransfer: false }],
    }));
    expect(verdict).toMatchObject({ refusal: { rule: 'insufficient-available', amount: 901n, balance: 1000n, frozen: 100n, available: 900n } });
  });

  it('lets nothing move when more is frozen than held, as the standard allows', () => {
    const verdict = registerVerdict(one(1n), facts({ sender: { canSend: true, balance: 10n, frozenTokens: 50n } }));
    expect(verdict).toMatchObject({ refusal: { rule: 'insufficient-available', available: 0n } });
  });

  it('refuses what canTransfer refuses once the other rules pass', () => {
    expect(registerVerdict(one(), facts({ recipients: [{ canReceive: true, canTransfer: false }] })))
      .toMatchObject({ kind: 'refused', refusal: { rule: 'transfer-not-allowed' } });
  });

  it('names the first refused entry of several', () => {
    const batch: ProposedTransfers = { token: TOKEN, from: HOLDER, transfers: [{ to: BUYER, amount: 1n }, { to: OTHER, amount: 2n }] };
    const verdict = registerVerdict(batch, facts({ recipients: [{ canReceive: true, canTransfer: true }, { canReceive: false, canTransfer: false }] }, 2));
    expect(verdict).toMatchObject({ refusal: { rule: 'recipient-not-allowed', account: OTHER }, transfer: { index: 1, count: 2 } });
  });

  it('refuses facts that do not have one recipient per transfer, as a programming error', () => {
    expect(() => registerVerdict(one(), facts({}, 0))).toThrow(RangeError);
  });
});
