// A transaction's warnings, most serious first, and which make Approve a dangerous action.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { localeState } from '../../helpers/locale-messages';
import { shown } from '../../helpers/sentence-parts';
import type { CallView, TransactionRequestView } from '../../../src/protocol/transactions';
import { isDangerous } from '../../../src/ui/approval/signature-warnings';
import { isDangerousTransaction, transactionWarnings } from '../../../src/ui/approval/transaction-warnings';

vi.mock('webextension-polyfill', async () => ({ default: { i18n: (await import('../../helpers/locale-messages')).i18n } }));

const ALICE = '0x8617E340B3D01FA5F11F306F4090FD50E238070D';
const LOOKALIKE = '0x8617aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa8070D';
const TOKEN = '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed';
const ACME = { address: TOKEN, chainId: '31337', known: { name: 'ACME Holdings', symbol: 'ACME', decimals: 18 } };

function view(call: Partial<CallView> & Pick<CallView, 'action'>, extra: Partial<TransactionRequestView> = {}): TransactionRequestView {
  return {
    chainId: '0x7a69', networkName: 'Anvil', from: ALICE, data: '0x', nativeCurrency: { symbol: 'ETH', decimals: 18 }, gas: '21000', nonce: '0', failure: undefined, lookalike: undefined,
    fees: { proposed: { type: 'legacy', gasPrice: '1' }, suggested: undefined, suggestedUsed: false, baseFeePerGas: undefined },
    call: { chainId: '31337', to: TOKEN, value: '0', trailingData: undefined, warnings: [], ...call },
    ...extra,
  };
}
const warnings = (request: TransactionRequestView) => transactionWarnings(request).map((warning) => `${warning.tone}: ${shown(warning.parts)}`);
const transfer = { kind: 'token-transfer' as const, token: ACME, to: LOOKALIKE, amount: '1' };

beforeEach(() => { localeState.locale = 'en'; });

describe('the warnings of a transaction', () => {
  it('has none for a plain transfer of known shares, and Approve is not dangerous', () => {
    const plain = view({ action: transfer });
    expect(warnings(plain)).toEqual([]);
    expect(isDangerousTransaction(plain)).toBe(false);
  });

  it('flags a contract creation as a danger', () => {
    expect(warnings(view({ to: undefined, action: { kind: 'contract-creation', bytecode: '0x60' }, warnings: ['contract-creation'] })))
      .toEqual(['danger: This transaction creates a new contract. Approve only if you meant to deploy code yourself.']);
  });

  it('flags an unrecognised call as a caution', () => {
    expect(warnings(view({ action: { kind: 'unknown', to: TOKEN, selector: '0x12345678', data: '0x12345678' }, warnings: ['unrecognised'] })))
      .toEqual(['warning: The wallet does not recognise this call, so it cannot tell you what it does. Approve only if you trust the site and the contract.']);
  });

  it('flags an unlimited approval as a danger naming the spender and the token', () => {
    const request = view({ action: { kind: 'token-approve', token: ACME, spender: ALICE, amount: '1', unlimited: true }, warnings: ['unlimited-approval'] });
    expect(warnings(request)).toEqual([`danger: Unlimited: <${ALICE}> could move all your {contract:ACME} shares.`]);
    expect(isDangerous({ kind: 'transaction', transaction: request }, 'https://registry.example')).toBe(true);
  });

  it('flags a recipient that imitates a known address, with both in full', () => {
    expect(warnings(view({ action: transfer }, { lookalike: { recipient: LOOKALIKE, imitates: ALICE } }))).toEqual([
      `danger: The recipient <${LOOKALIKE}> looks like <${ALICE}>, an address you know, but is not it. Check every character: look-alike addresses are used to steal.`,
    ]);
  });

  it('flags currency sent along with a contract call', () => {
    expect(warnings(view({ action: transfer, value: '1000000000000000000' }))).toEqual(['warning: This call also sends *1* {site:ETH} to the contract.']);
  });

  it('notes extra bytes after a recognised call', () => {
    expect(warnings(view({ action: transfer, trailingData: '0xabcd' }))).toEqual(['info: The call carries extra data after its arguments, which the contract ignores: #0xabcd']);
  });

  it('puts a failure first and makes Approve dangerous', () => {
    const failing = view({ action: transfer, warnings: ['unrecognised'] }, { failure: { revert: { kind: 'error', reason: 'Pausable: paused' }, nodeMessage: undefined } });
    expect(warnings(failing)[0]).toBe('danger: This transaction would fail: the register has paused this token (the contract says {contract:Pausable: paused}).');
    expect(isDangerousTransaction(failing)).toBe(true);
  });
});
