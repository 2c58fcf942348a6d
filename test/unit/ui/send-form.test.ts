// The popup's Send checks: the recipient (EIP-55, look-alikes of known addresses), the amount in the
// token's decimals against the balance, the accounts that can send, and the calldata proposed.
import { encodeFunctionData, erc20Abi, parseAbi } from 'viem';
import { describe, expect, it } from 'vitest';
import type { TokenHoldingsView } from '../../../src/protocol/holdings';
import type { AccountView } from '../../../src/protocol/private';
import type { SentTransactionView } from '../../../src/protocol/transactions';
import {
  activationProposal, checkAmount, checkRecipient, checkSend, knownAddresses, parseAmount, sendersOf, transferProposal,
} from '../../../src/ui/lib/send-form';

const ALICE = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266';
const BOB = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
const CAROL = '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC';
const DAVE = '0x90F79bf6EB2c4f870365E785982E1f101E93b906';
const TOKEN = '0x5FbDB2315678afecb367f032d93F642f64180aa3';
const SHARE = 10n ** 18n;

const accounts: AccountView[] = [
  { index: 0, address: ALICE, name: '' },
  { index: 1, address: BOB, name: 'Savings' },
  { index: 2, address: CAROL, name: '' },
];

const acme: TokenHoldingsView = {
  token: { chainId: '0x7a69', address: TOKEN, name: 'Acme Holdings Shares', symbol: 'ACME', decimals: 18 },
  chainName: 'Acme Chain',
  hasVotes: true,
  accounts: [
    { address: ALICE, balance: (1500n * SHARE).toString(), votes: '0', delegate: null },
    { address: BOB, balance: '0', votes: '0', delegate: null },
    { address: CAROL, balance: '250', votes: '250', delegate: CAROL },
  ],
  total: (1500n * SHARE + 250n).toString(),
};

/** A transaction the wallet sent to `recipient` (as Activity lists it). */
function sentTo(recipient: string): SentTransactionView {
  return {
    hash: `0x${'11'.repeat(32)}`, chainId: '0x7a69', from: ALICE, nonce: '0', nativeCurrency: { symbol: 'ETH', decimals: 18 }, gas: '50000',
    call: {
      chainId: '31337', to: TOKEN, value: '0', trailingData: undefined, warnings: [],
      action: { kind: 'token-transfer', token: { address: TOKEN, chainId: '31337', known: undefined }, to: recipient, amount: '1' },
    },
    fees: { type: 'eip1559', maxFeePerGas: '1', maxPriorityFeePerGas: '1' }, origin: { kind: 'popup' }, status: 'confirmed',
    blockNumber: '5', failure: undefined, replacedBy: undefined, sentAt: 0,
  };
}

describe('the recipient of a Send', () => {
  it('accepts an all-lowercase or all-uppercase address (no checksum to check) and gives it in EIP-55', () => {
    expect(checkRecipient(DAVE.toLowerCase(), [])).toEqual({ kind: 'ok', address: DAVE, imitates: undefined });
    expect(checkRecipient(`0x${DAVE.slice(2).toUpperCase()}`, [])).toEqual({ kind: 'ok', address: DAVE, imitates: undefined });
    expect(checkRecipient(`  ${DAVE}\n`, [])).toEqual({ kind: 'ok', address: DAVE, imitates: undefined });
  });

  it('refuses a mixed-case address whose EIP-55 checksum is wrong', () => {
    // One letter's case flipped (the F of 0x90F7…): still the same bytes, but not the address as checksummed.
    const mistyped = DAVE.replace('90F7', '90f7');
    expect(mistyped).not.toBe(DAVE);
    expect(checkRecipient(mistyped, [])).toEqual({ kind: 'problem', problem: 'checksum' });
  });

  it('refuses what is not an address, and an empty field', () => {
    for (const text of ['0x1234', DAVE.slice(2), `${DAVE}00`, 'bob.eth', `0x${'g'.repeat(40)}`]) {
      expect(checkRecipient(text, [])).toEqual({ kind: 'problem', problem: 'not-address' });
    }
    expect(checkRecipient('   ', [])).toEqual({ kind: 'problem', problem: 'empty' });
  });

  it('warns of an address that imitates one of the wallet\'s accounts or a past recipient, but not of those themselves', () => {
    const known = knownAddresses(accounts, [sentTo(DAVE)]);
    expect(known).toEqual([ALICE, BOB, CAROL, DAVE]);
    const likeAlice = `0x${ALICE.slice(2, 6)}${'0'.repeat(32)}${ALICE.slice(-4)}`.toLowerCase();
    const likeDave = `0x${DAVE.slice(2, 6)}${'0'.repeat(32)}${DAVE.slice(-4)}`.toLowerCase();
    expect(checkRecipient(likeAlice, known)).toMatchObject({ kind: 'ok', imitates: ALICE });
    expect(checkRecipient(likeDave, known)).toMatchObject({ kind: 'ok', imitates: DAVE });
    expect(checkRecipient(likeDave, knownAddresses(accounts, []))).toMatchObject({ kind: 'ok', imitates: undefined });
    expect(checkRecipient(DAVE, known)).toMatchObject({ kind: 'ok', imitates: undefined });
  });
});

describe('the amount of a Send', () => {
  it('reads whole and decimal shares in the token\'s decimals, without floats', () => {
    expect(parseAmount('10', 18)).toEqual({ kind: 'ok', units: 10n * SHARE });
    expect(parseAmount(' 2.5 ', 18)).toEqual({ kind: 'ok', units: 25n * SHARE / 10n });
    expect(parseAmount('.5', 2)).toEqual({ kind: 'ok', units: 50n });
    expect(parseAmount('10.', 0)).toEqual({ kind: 'ok', units: 10n });
    expect(parseAmount('0.000000000000000001', 18)).toEqual({ kind: 'ok', units: 1n });
    expect(parseAmount('123456789012345678901234567890.123456789012345678', 18)).toEqual({ kind: 'ok', units: 123456789012345678901234567890123456789012345678n });
  });

  it('refuses malformed amounts: signs, grouping commas, exponents, two points, letters', () => {
    for (const text of ['-1', '+1', '1,000', '1e3', '1.2.3', 'ten', '.', '0x10', '1 000', '9'.repeat(81)]) {
      expect(parseAmount(text, 18), text).toEqual({ kind: 'problem', problem: 'malformed' });
    }
    expect(parseAmount('', 18)).toEqual({ kind: 'problem', problem: 'empty' });
  });

  it('refuses zero, and more decimals than the token has', () => {
    expect(parseAmount('0', 18)).toEqual({ kind: 'problem', problem: 'zero' });
    expect(parseAmount('0.000', 18)).toEqual({ kind: 'problem', problem: 'zero' });
    expect(parseAmount('1.5', 0)).toEqual({ kind: 'problem', problem: 'too-many-decimals' });
    expect(parseAmount('0.0000000000000000001', 18)).toEqual({ kind: 'problem', problem: 'too-many-decimals' });
  });

  it('refuses more than the account\'s balance, and takes all of it', () => {
    expect(checkAmount('1500', 18, 1500n * SHARE)).toEqual({ kind: 'ok', units: 1500n * SHARE });
    expect(checkAmount('1500.000000000000000001', 18, 1500n * SHARE)).toEqual({ kind: 'problem', problem: 'above-balance' });
    expect(checkAmount('0', 18, 0n)).toEqual({ kind: 'problem', problem: 'zero' });
  });
});

describe('a Send as a whole', () => {
  const senders = sendersOf(acme, accounts);
  const input = { senders, from: ALICE, recipient: DAVE, amount: '10', decimals: 18, known: knownAddresses(accounts, []), lookalikeChecked: false };

  it('offers the accounts of the wallet that hold shares of the company, with their balances', () => {
    expect(senders).toEqual([{ account: accounts[0], balance: 1500n * SHARE }, { account: accounts[2], balance: 250n }]);
    expect(sendersOf({ ...acme, accounts: [{ address: DAVE, balance: '5' }] }, accounts)).toEqual([]);
  });

  it('is ready to propose once the account, recipient and amount are right', () => {
    expect(checkSend(input).transfer).toEqual({ from: ALICE, to: DAVE, units: 10n * SHARE });
  });

  it('checks the amount against the chosen account\'s balance', () => {
    expect(checkSend({ ...input, from: CAROL }).amount).toEqual({ kind: 'problem', problem: 'above-balance' });
    expect(checkSend({ ...input, from: CAROL }).transfer).toBeUndefined();
  });

  it('waits for the user to confirm a look-alike recipient', () => {
    const likeBob = `0x${BOB.slice(2, 6)}${'0'.repeat(32)}${BOB.slice(-4)}`.toLowerCase();
    expect(checkSend({ ...input, recipient: likeBob })).toMatchObject({ lookalikeUnconfirmed: true, transfer: undefined });
    expect(checkSend({ ...input, recipient: likeBob, lookalikeChecked: true })).toMatchObject({ lookalikeUnconfirmed: false, transfer: { units: 10n * SHARE } });
  });
});

describe('what the popup proposes', () => {
  it('a transfer: the token called with transfer(to, amount) as viem encodes it with its ERC-20 ABI, and no ether', () => {
    expect(transferProposal(acme.token, { from: ALICE, to: DAVE, units: 10n * SHARE })).toEqual({
      chainId: '0x7a69', from: ALICE, to: TOKEN, value: '0',
      data: encodeFunctionData({ abi: erc20Abi, functionName: 'transfer', args: [DAVE, 10n * SHARE] }),
    });
  });

  it('a vote activation: delegate(self) from the holder, as viem encodes it', () => {
    expect(activationProposal(acme.token, ALICE)).toEqual({
      chainId: '0x7a69', from: ALICE, to: TOKEN, value: '0',
      data: encodeFunctionData({ abi: parseAbi(['function delegate(address delegatee)']), functionName: 'delegate', args: [ALICE] }),
    });
  });

  it('names the chain in lowercase hex even when holdings carry it in decimal', () => {
    expect(activationProposal({ ...acme.token, chainId: '31337' }, ALICE).chainId).toBe('0x7a69');
  });
});
