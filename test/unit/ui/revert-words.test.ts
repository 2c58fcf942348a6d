// Why a transaction would fail, in words, read with the real English and Chinese messages.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { localeState } from '../../helpers/locale-messages';
import { shown } from '../../helpers/sentence-parts';
import { KNOWN_ERRORS, type ErrorParameterType } from '../../../src/core/transactions/known-errors';
import type { CallView, RevertView } from '../../../src/protocol/transactions';
import { failureReason, revertWords, wouldFailSentence } from '../../../src/ui/approval/revert-words';

vi.mock('webextension-polyfill', async () => ({ default: { i18n: (await import('../../helpers/locale-messages')).i18n } }));

const ALICE = '0x8617E340B3D01FA5F11F306F4090FD50E238070D';
const BOB = '0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359';
const TOKEN = '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed';
const ACME = { address: TOKEN, chainId: '31337', known: { name: 'ACME Holdings', symbol: 'ACME', decimals: 18 } };
const PANICS = ['generic', 'assert', 'arithmetic-overflow', 'division-by-zero', 'enum-conversion', 'storage-encoding', 'pop-empty-array',
  'array-out-of-bounds', 'memory-overflow', 'zero-function', 'unknown'] as const;

const custom = (name: (typeof KNOWN_ERRORS)[number]['name'], args: Record<string, string>): RevertView => ({ kind: 'custom', name, selector: '0x12345678', args });
const words = (revert: RevertView) => shown(revertWords(revert, ACME));
const wordsOfUnknownToken = (revert: RevertView) => shown(revertWords(revert, undefined));

const SAMPLE: Record<ErrorParameterType, string> = { address: BOB, bytes32: `0x${'ab'.repeat(32)}`, string: 'text', uint8: '3', uint48: '100', uint256: '1795000000' };

beforeEach(() => { localeState.locale = 'en'; });

describe('revert reasons in words', () => {
  it('says an insufficient balance with both figures in the token\'s units', () => {
    const revert = custom('ERC20InsufficientBalance', { sender: ALICE, balance: '10000000000000000000', needed: '1500000000000000000000' });
    expect(words(revert)).toBe(`<${ALICE}> holds *10* {contract:ACME} but this needs *1,500* {contract:ACME}`);
  });

  it('says the figures of an unknown token as grouped raw units', () => {
    const revert = custom('ERC20InsufficientAllowance', { spender: BOB, allowance: '1000', needed: '25000' });
    expect(wordsOfUnknownToken(revert)).toBe(`<${BOB}> may move only *1,000* but this needs *25,000*`);
  });

  it('words every custom error the wallet decodes, in English and in Chinese, with its arguments', () => {
    for (const locale of ['en', 'zh_CN'] as const) {
      localeState.locale = locale;
      for (const definition of KNOWN_ERRORS) {
        const args = Object.fromEntries(definition.inputs.map(([name, type]) => [name, SAMPLE[type]]));
        const text = words(custom(definition.name, args));
        expect(text, `${locale} ${definition.name}`).not.toMatch(/revert_|proposalState_|\$/);
        for (const [, type] of definition.inputs) {
          if (type === 'address') expect(text, definition.name).toContain(`<${BOB}>`);
        }
      }
    }
  });

  it('names a proposal\'s state in words', () => {
    expect(words(custom('GovernorUnexpectedProposalState', { proposalId: '42', current: '3', expectedStates: `0x${'00'.repeat(32)}` })))
      .toBe('proposal #42 is *defeated*, which does not allow this');
  });

  it('shows an Error(string) reason as the contract\'s words, framed', () => {
    expect(words({ kind: 'error', reason: 'Not enough\u202E shares' })).toBe('the contract says {contract:Not enough\u202E shares}');
  });

  it('words the T-REX require messages it knows and still shows the contract\'s text', () => {
    expect(words({ kind: 'error', reason: 'Pausable: paused' })).toBe('the register has paused this token (the contract says {contract:Pausable: paused})');
    expect(words({ kind: 'error', reason: 'wallet is frozen' })).toContain('frozen');
    expect(words({ kind: 'error', reason: 'Identity is not verified.' })).toContain('not a verified investor');
    expect(words({ kind: 'error', reason: 'Compliance not followed' })).toContain('compliance rules');
    expect(words({ kind: 'error', reason: 'Insufficient Balance' })).toContain('not frozen are not enough');
  });

  it('words the refusal every T-REX transfer to an unverified recipient or against the compliance rules ends in, with the contract\'s text', () => {
    // Token.sol transfer(): after the frozen and balance checks, `revert("Transfer not possible")` unless
    // the recipient is verified and the compliance allows it.
    expect(words({ kind: 'error', reason: 'Transfer not possible' }))
      .toBe('the register refuses this transfer: the recipient is not a verified investor, or the register\'s compliance rules forbid it (the contract says {contract:Transfer not possible})');
  });

  it('words every panic kind with its code in hex', () => {
    expect(words({ kind: 'panic', code: '17', panic: 'arithmetic-overflow' }))
      .toBe('the contract stopped with an internal error: a number became too large or negative (panic code #0x11)');
    for (const locale of ['en', 'zh_CN'] as const) {
      localeState.locale = locale;
      const texts = PANICS.map((panic) => words({ kind: 'panic', code: '0', panic }));
      expect(new Set(texts).size).toBe(PANICS.length);
      for (const text of texts) expect(text).not.toMatch(/panic_/);
    }
  });

  it('shows an unknown error by its selector and unreadable data raw', () => {
    expect(words({ kind: 'unknown', selector: '0xdeadbeef', data: '0xdeadbeef00' })).toBe('the contract refused with an error the wallet does not know (selector #0xdeadbeef)');
    expect(words({ kind: 'unknown', selector: null, data: '0x12' })).toBe('the contract refused with data the wallet cannot read (#0x12)');
  });

  it('says an empty revert plainly, or gives the node\'s message as the node\'s words', () => {
    expect(shown(failureReason({ revert: { kind: 'empty' }, nodeMessage: undefined }, ACME))).toBe('the contract refused without giving a reason');
    expect(shown(failureReason({ revert: { kind: 'empty' }, nodeMessage: 'out of gas' }, ACME))).toBe('the node says {node:out of gas}');
  });

  it('puts the reason in the "would fail" sentence, with the amounts of the call\'s token', () => {
    const call: CallView = {
      chainId: '31337', to: TOKEN, value: '0', trailingData: undefined, warnings: [],
      action: { kind: 'token-transfer', token: ACME, to: BOB, amount: '2000000000000000000' },
    };
    const failure = { revert: custom('ERC20InsufficientBalance', { sender: ALICE, balance: '1000000000000000000', needed: '2000000000000000000' }), nodeMessage: undefined };
    expect(shown(wouldFailSentence(failure, call))).toBe(`This transaction would fail: <${ALICE}> holds *1* {contract:ACME} but this needs *2* {contract:ACME}.`);
    localeState.locale = 'zh_CN';
    expect(shown(wouldFailSentence(failure, call))).toBe(`此交易将会失败:<${ALICE}> 持有 *1* 股 {contract:ACME},但此操作需要 *2* 股 {contract:ACME}。`);
  });
});
