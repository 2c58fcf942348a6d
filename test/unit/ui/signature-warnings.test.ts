// The warnings of signature requests and whether Approve is drawn as dangerous, read with the real
// English and Chinese messages.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ActionView, ApprovalRequest, SignInView } from '../../../src/protocol/approvals';
import { actionDetails, requestSentence } from '../../../src/ui/approval/sentence';
import { isDangerous, noChainNote, personalSignWarnings, typedDataChainDetail } from '../../../src/ui/approval/signature-warnings';
import { localeState } from '../../helpers/locale-messages';
import { shown } from '../../helpers/sentence-parts';

vi.mock('webextension-polyfill', async () => ({ default: { i18n: (await import('../../helpers/locale-messages')).i18n } }));

const ALICE = '0x8617E340B3D01FA5F11F306F4090FD50E238070D';
const BOB = '0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359';
const TOKEN = '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed';
const ORIGIN = 'https://registry.example';

const goodSignIn: SignInView = {
  domain: 'registry.example', scheme: undefined, address: ALICE, uri: ORIGIN, chainId: '1', statement: undefined,
  malformed: false, domainMismatch: false, schemeMismatch: false, addressMismatch: false, chainMismatch: false, siteChainId: '0x1',
};
const personalSign = (signIn: SignInView | undefined, blindHash = false): Extract<ApprovalRequest, { kind: 'personal_sign' }> => ({
  kind: 'personal_sign', account: ALICE, text: 'hello', hex: '0x68656c6c6f', signIn, blindHash,
});
const warningsOf = (request: ReturnType<typeof personalSign>) => personalSignWarnings(request, ORIGIN).map((warning) => `${warning.tone}: ${shown(warning.parts)}`);

beforeEach(() => { localeState.locale = 'en'; });

describe('sign-in warnings', () => {
  it('warns of nothing, and keeps Approve plain, for a sign-in that matches the site, account and chain', () => {
    expect(warningsOf(personalSign(goodSignIn))).toEqual([]);
    expect(isDangerous(personalSign(goodSignIn), ORIGIN)).toBe(false);
    expect(shown(requestSentence(personalSign(goodSignIn)))).toBe(`Sign in to «registry.example» as <${ALICE}>`);
  });

  it('says a malformed sign-in is for its header\'s domain, in the headline and a warning, with a dangerous Approve', () => {
    const malformed: SignInView = { ...goodSignIn, domain: 'bank.example', malformed: true, domainMismatch: true, address: undefined, uri: undefined, chainId: undefined };
    expect(shown(requestSentence(personalSign(malformed)))).toBe('Malformed sign-in message for «bank.example»');
    expect(warningsOf(personalSign(malformed))).toEqual([
      'danger: This sign-in message is for «bank.example», but it was sent by *https://registry.example*. This is a likely phishing attempt.',
      'warning: This message starts as a sign-in to «bank.example» but does not follow the sign-in format (EIP-4361). A site may still accept it as your sign-in to «bank.example»: sign only if you trust it.',
    ]);
    expect(isDangerous(personalSign(malformed), ORIGIN)).toBe(true);
  });

  it('names the account the message gives in the headline, and warns when it, the scheme or the chain is not the site\'s', () => {
    const other: SignInView = { ...goodSignIn, scheme: 'http', address: BOB, chainId: '5', schemeMismatch: true, addressMismatch: true, chainMismatch: true };
    expect(shown(requestSentence(personalSign(other)))).toBe(`Sign in to «registry.example» as <${BOB}>`);
    expect(warningsOf(personalSign(other))).toEqual([
      'danger: This sign-in message is for «http» addresses, but it was sent by *https://registry.example*.',
      `warning: This sign-in message names the account <${BOB}>, but it would be signed by <${ALICE}>.`,
      'warning: This sign-in message is for chain «5», which is not the network this site uses in the wallet (*1*).',
    ]);
    for (const flag of ['schemeMismatch', 'addressMismatch', 'chainMismatch'] as const) {
      expect(isDangerous(personalSign({ ...goodSignIn, scheme: 'http', chainId: '5', [flag]: true }), ORIGIN)).toBe(true);
    }
  });

  it('reads the sign-in warnings in Chinese', () => {
    localeState.locale = 'zh_CN';
    const malformed: SignInView = { ...goodSignIn, malformed: true, address: undefined, uri: undefined, chainId: undefined };
    expect(shown(requestSentence(personalSign(malformed)))).toBe('以下是给 «registry.example» 的格式错误的登录消息');
    expect(warningsOf(personalSign({ ...goodSignIn, chainId: '5', chainMismatch: true }))).toEqual([
      'warning: 此登录消息针对链 «5»，而不是此网站在钱包中使用的网络（*1*）。',
    ]);
  });
});

describe('a personal_sign of exactly 32 bytes', () => {
  it('is warned of as blind signing, as a danger, with a dangerous Approve', () => {
    expect(warningsOf(personalSign(undefined, true))).toEqual([
      'danger: This message is exactly 32 bytes, the size of a hash. A contract can take your signature of it as consent to whatever that hash stands for, which the wallet cannot show you (blind signing). Sign only if you know exactly what it is.',
    ]);
    expect(isDangerous(personalSign(undefined, true), ORIGIN)).toBe(true);
    expect(isDangerous(personalSign(undefined, false), ORIGIN)).toBe(false);
  });
});

describe('typed data', () => {
  const ACME = { address: TOKEN, chainId: undefined, known: { name: 'ACME Holdings', symbol: 'ACME', decimals: 18 } };
  const transfer: ActionView = { kind: 'transfer', token: ACME, from: ALICE, to: BOB, amount: '1', validAfter: '0', validBefore: '1795000000', submitter: 'anyone' };
  const snapshot: ActionView = {
    kind: 'snapshot-vote', space: 'acme.eth', proposal: '0xabc', choice: '1', voter: ALICE, reason: undefined, app: 'snapshot', metadata: '{"x":1}',
  };
  const typed = (action: ActionView, chainId: string | undefined): Extract<ApprovalRequest, { kind: 'typed_data' }> => ({
    kind: 'typed_data', account: ALICE, chainId, action, primaryType: 'X',
  });

  it('says typed data without a chain is tied to no chain, as a danger with a dangerous Approve', () => {
    expect(shown(typedDataChainDetail(typed(transfer, undefined)).parts)).toBe('Not tied to any chain');
    expect(shown(typedDataChainDetail(typed(transfer, '0x1')).parts)).toBe('#0x1');
    expect(noChainNote(typed(transfer, undefined))).toMatchObject({ tone: 'danger' });
    expect(shown(noChainNote(typed(transfer, undefined))?.parts ?? [])).toBe('This signature is not tied to any chain: it is valid on every network where this contract exists.');
    expect(noChainNote(typed(transfer, '0x1'))).toBeUndefined();
    expect(isDangerous(typed(transfer, undefined), ORIGIN)).toBe(true);
    expect(isDangerous(typed(transfer, '0x1'), ORIGIN)).toBe(false);
  });

  it('says a Snapshot vote is signed off-chain, as a plain note that keeps Approve plain', () => {
    expect(noChainNote(typed(snapshot, undefined))).toMatchObject({ tone: 'info' });
    expect(shown(noChainNote(typed(snapshot, undefined))?.parts ?? [])).toBe('This signature is not tied to any chain: Snapshot votes are signed off-chain and counted by Snapshot.');
    expect(isDangerous(typed(snapshot, undefined), ORIGIN)).toBe(false);
  });

  it('shows the app and metadata a Snapshot vote signs, and the params of an ExtendedBallot, as page text', () => {
    const details = (action: ActionView) => actionDetails(action).map((detail) => `${detail.label}: ${shown(detail.parts)}`);
    expect(details(snapshot).slice(-2)).toEqual(['App: «snapshot»', 'Metadata: «{"x":1}»']);
    const ballot: ActionView = { kind: 'vote', governor: TOKEN, chainId: '1', proposalId: '7', support: 'for', voter: ALICE, reason: undefined, params: '0x00ff12' };
    expect(details(ballot).at(-1)).toBe('Extra vote data: «0x00ff12»');
    localeState.locale = 'zh_CN';
    expect(details(ballot).at(-1)).toBe('附加投票数据: «0x00ff12»');
  });
});
