import { describe, expect, it } from 'vitest';
import { CheckedTypedData, describeTypedData, formatUnits, MAX_UINT256, TypedDataError, type KnownToken, type TokenLookup, type TypedDataField } from '../../../../src/core';

const TOKEN = '0x5FbDB2315678afecb367f032d93F642f64180aa3';
const GOVERNOR = '0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512';
const ALICE = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266';
const BOB = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
const ACME: KnownToken = { name: 'Acme Holdings', symbol: 'ACME', decimals: 18 };

const domainFields: TypedDataField[] = [
  { name: 'name', type: 'string' }, { name: 'version', type: 'string' },
  { name: 'chainId', type: 'uint256' }, { name: 'verifyingContract', type: 'address' },
];
const lookup = (chainId: bigint | undefined, address: string) => (chainId === 31337n && address === TOKEN ? ACME : undefined);

function typed(primaryType: string, fields: TypedDataField[], message: Record<string, unknown>, verifyingContract = TOKEN) {
  return {
    types: { EIP712Domain: domainFields, [primaryType]: fields },
    primaryType,
    domain: { name: 'Acme Holdings', version: '1', chainId: 31337, verifyingContract },
    message,
  };
}

const transferFields: TypedDataField[] = [
  { name: 'from', type: 'address' }, { name: 'to', type: 'address' }, { name: 'value', type: 'uint256' },
  { name: 'validAfter', type: 'uint256' }, { name: 'validBefore', type: 'uint256' }, { name: 'nonce', type: 'bytes32' },
];
const transferMessage = { from: ALICE, to: BOB, value: '1500000000000000000000', validAfter: 0, validBefore: 4102444800, nonce: `0x${'01'.repeat(32)}` };
const permitFields: TypedDataField[] = [
  { name: 'owner', type: 'address' }, { name: 'spender', type: 'address' }, { name: 'value', type: 'uint256' },
  { name: 'nonce', type: 'uint256' }, { name: 'deadline', type: 'uint256' },
];
/** snapshot.js's Vote (vote2Types: proposal bytes32, choice uint32), with `edit` applied to each field. */
function snapshotVote(edit: (field: TypedDataField) => TypedDataField = (field) => field, message: Record<string, unknown> = {}) {
  const fields: TypedDataField[] = [
    { name: 'from', type: 'address' }, { name: 'space', type: 'string' }, { name: 'timestamp', type: 'uint64' },
    { name: 'proposal', type: 'bytes32' }, { name: 'choice', type: 'uint32' }, { name: 'reason', type: 'string' },
    { name: 'app', type: 'string' }, { name: 'metadata', type: 'string' },
  ];
  return {
    types: { EIP712Domain: [{ name: 'name', type: 'string' }, { name: 'version', type: 'string' }], Vote: fields.map(edit) },
    primaryType: 'Vote',
    domain: { name: 'snapshot', version: '0.1.4' },
    message: { from: ALICE, space: 'acme.eth', timestamp: 1700000000, proposal: `0x${'ab'.repeat(32)}`, choice: 1, reason: '', app: 'snapshot', metadata: '{}', ...message } as Record<string, unknown>,
  };
}
const ballotFields: TypedDataField[] = [
  { name: 'proposalId', type: 'uint256' }, { name: 'support', type: 'uint8' }, { name: 'voter', type: 'address' }, { name: 'nonce', type: 'uint256' },
];

/** What the router does: check the page's typed data once, then describe the checked value. */
function describeChecked(typedData: unknown, tokens: TokenLookup) {
  return describeTypedData(CheckedTypedData.from(typedData), tokens);
}

describe('describeTypedData', () => {
  it('recognises an ERC-3009 share transfer and names the token the wallet knows', () => {
    expect(describeChecked(typed('TransferWithAuthorization', transferFields, transferMessage), lookup)).toEqual({
      kind: 'transfer', token: { address: TOKEN, chainId: 31337n, known: ACME }, from: ALICE, to: BOB,
      amount: 1500000000000000000000n, validAfter: 0n, validBefore: 4102444800n, submitter: 'anyone',
    });
  });

  it('recognises an ERC-3009 ReceiveWithAuthorization as the same transfer, which only the recipient can submit', () => {
    expect(describeChecked(typed('ReceiveWithAuthorization', transferFields, transferMessage), lookup)).toEqual({
      kind: 'transfer', token: { address: TOKEN, chainId: 31337n, known: ACME }, from: ALICE, to: BOB,
      amount: 1500000000000000000000n, validAfter: 0n, validBefore: 4102444800n, submitter: 'recipient',
    });
    // One field more or retyped, and it is generic typed data.
    expect(describeChecked(typed('ReceiveWithAuthorization', [...transferFields, { name: 'memo', type: 'string' }], { ...transferMessage, memo: 'x' }), lookup))
      .toMatchObject({ kind: 'generic' });
  });

  it('leaves the token unknown when the wallet does not hold it, whatever the page calls it', () => {
    const action = describeChecked({ ...typed('TransferWithAuthorization', transferFields, transferMessage), domain: {
      name: 'Totally Real Bank Shares', version: '1', chainId: 1, verifyingContract: TOKEN,
    } }, lookup);
    expect(action).toMatchObject({ kind: 'transfer', token: { known: undefined, chainId: 1n } });
  });

  it('recognises an ERC-2612 permit and flags an unlimited amount', () => {
    const fields = [{ name: 'owner', type: 'address' }, { name: 'spender', type: 'address' }, { name: 'value', type: 'uint256' },
      { name: 'nonce', type: 'uint256' }, { name: 'deadline', type: 'uint256' }];
    const limited = describeChecked(typed('Permit', fields, { owner: ALICE, spender: BOB, value: 10, nonce: 0, deadline: 99 }), lookup);
    expect(limited).toMatchObject({ kind: 'permit', amount: 10n, unlimited: false, deadline: 99n });
    const unlimited = describeChecked(typed('Permit', fields, { owner: ALICE, spender: BOB, value: `0x${'f'.repeat(64)}`, nonce: 0, deadline: 99 }), lookup);
    expect(unlimited).toMatchObject({ kind: 'permit', amount: MAX_UINT256, unlimited: true });
  });

  it('flags a permit of at least 2^255 as unlimited, such as 2^256 - 2, and 2^255 - 1 not', () => {
    const permit = (value: bigint, tokens = lookup) => describeChecked(typed('Permit', permitFields, { owner: ALICE, spender: BOB, value: value.toString(), nonce: 0, deadline: 99 }), tokens);
    expect(permit(MAX_UINT256 - 1n)).toMatchObject({ unlimited: true });
    expect(permit(1n << 255n)).toMatchObject({ unlimited: true });
    expect(permit((1n << 255n) - 1n)).toMatchObject({ unlimited: false });
  });

  it('flags a permit of more than the token\'s known total supply as unlimited, and one of all of it not', () => {
    const withSupply = () => ({ ...ACME, totalSupply: 1_000_000n });
    const permit = (value: bigint) => describeChecked(typed('Permit', permitFields, { owner: ALICE, spender: BOB, value: value.toString(), nonce: 0, deadline: 99 }), withSupply);
    expect(permit(1_000_001n)).toMatchObject({ unlimited: true });
    expect(permit(1_000_000n)).toMatchObject({ unlimited: false });
  });

  it('recognises Governor Ballot and ExtendedBallot votes with For, Against and Abstain', () => {
    const supports = [0, 1, 2].map((support) => describeChecked(typed('Ballot', ballotFields, { proposalId: '123456789012345678901234567890', support, voter: ALICE, nonce: 0 }, GOVERNOR), lookup));
    expect(supports.map((a) => a.kind === 'vote' && a.support)).toEqual(['against', 'for', 'abstain']);
    expect(supports[1]).toMatchObject({ governor: GOVERNOR, chainId: 31337n, proposalId: 123456789012345678901234567890n, voter: ALICE, reason: undefined });
    const extended = describeChecked(typed('ExtendedBallot', [...ballotFields, { name: 'reason', type: 'string' }, { name: 'params', type: 'bytes' }],
      { proposalId: 7, support: 1, voter: ALICE, nonce: 1, reason: 'Good for holders', params: '0x' }, GOVERNOR), lookup);
    expect(extended).toMatchObject({ kind: 'vote', support: 'for', reason: 'Good for holders', params: undefined });
  });

  it('shows the params an ExtendedBallot signs, as hex, when they are not empty', () => {
    const fields = [...ballotFields, { name: 'reason', type: 'string' }, { name: 'params', type: 'bytes' }];
    const vote = describeChecked(typed('ExtendedBallot', fields, { proposalId: 7, support: 1, voter: ALICE, nonce: 1, reason: '', params: '0x00FF12' }, GOVERNOR), lookup);
    expect(vote).toMatchObject({ kind: 'vote', reason: undefined, params: '0x00ff12' });
  });

  it('shows a ballot with a support value outside 0-2 as generic, not as a vote', () => {
    expect(describeChecked(typed('Ballot', ballotFields, { proposalId: 1, support: 3, voter: ALICE, nonce: 0 }, GOVERNOR), lookup).kind).toBe('generic');
  });

  it('recognises an ERC20Votes delegation', () => {
    const fields = [{ name: 'delegatee', type: 'address' }, { name: 'nonce', type: 'uint256' }, { name: 'expiry', type: 'uint256' }];
    expect(describeChecked(typed('Delegation', fields, { delegatee: BOB, nonce: 0, expiry: 5 }), lookup)).toEqual({
      kind: 'delegation', token: { address: TOKEN, chainId: 31337n, known: ACME }, delegatee: BOB, expiry: 5n,
    });
  });

  it('recognises a Snapshot off-chain vote, with the app and metadata it signs', () => {
    expect(describeChecked(snapshotVote(), lookup)).toEqual({
      kind: 'snapshot-vote', space: 'acme.eth', proposal: `0x${'ab'.repeat(32)}`, choice: '1', voter: ALICE, reason: undefined,
      app: 'snapshot', metadata: '{}',
    });
  });

  it('recognises each of Snapshot\'s six Vote types: proposal as string or bytes32, choice as uint32, uint32[] or string', () => {
    const choices = { uint32: 1, 'uint32[]': [1, 3], string: '{"1":2}' } as const;
    for (const proposal of ['string', 'bytes32'] as const) {
      for (const [choiceType, choice] of Object.entries(choices)) {
        const vote = snapshotVote((field) => field.name === 'proposal' ? { ...field, type: proposal } : field.name === 'choice' ? { ...field, type: choiceType } : field,
          { proposal: proposal === 'string' ? 'QmProposal' : `0x${'ab'.repeat(32)}`, choice });
        expect(describeChecked(vote, lookup)).toMatchObject({ kind: 'snapshot-vote', choice: JSON.stringify(choice) });
      }
    }
  });

  it('shows a Snapshot look-alike Vote with an extra, missing or retyped field as generic', () => {
    const extra = snapshotVote((field) => field, { delegate: BOB });
    extra.types.Vote.push({ name: 'delegate', type: 'address' });
    expect(describeChecked(extra, lookup).kind).toBe('generic');
    const missing = snapshotVote((field) => field);
    missing.types.Vote = missing.types.Vote.filter((field) => field.name !== 'metadata');
    delete missing.message.metadata;
    expect(describeChecked(missing, lookup).kind).toBe('generic');
    expect(describeChecked(snapshotVote((field) => field.name === 'timestamp' ? { ...field, type: 'uint256' } : field), lookup).kind).toBe('generic');
  });

  it('treats a look-alike transfer with an extra or reordered field as generic', () => {
    const extra = [...transferFields, { name: 'memo', type: 'string' }];
    expect(describeChecked(typed('TransferWithAuthorization', extra, { ...transferMessage, memo: 'hi' }), lookup).kind).toBe('generic');
    const reordered = [transferFields[1], transferFields[0], ...transferFields.slice(2)] as TypedDataField[];
    expect(describeChecked(typed('TransferWithAuthorization', reordered, transferMessage), lookup).kind).toBe('generic');
  });

  it('shows anything else as a generic structure of labelled, normalised values', () => {
    const action = describeChecked({
      types: { EIP712Domain: [{ name: 'name', type: 'string' }], Order: [{ name: 'who', type: 'address' }, { name: 'qty', type: 'uint8[]' }, { name: 'ok', type: 'bool' }] },
      primaryType: 'Order', domain: { name: 'Shop' },
      message: { who: ALICE.toLowerCase(), qty: ['0x02', 3], ok: true },
    }, lookup);
    expect(action).toEqual({
      kind: 'generic', primaryType: 'Order',
      domain: [{ name: 'name', type: 'string', value: 'Shop' }],
      message: [
        { name: 'who', type: 'address', value: ALICE },
        { name: 'qty', type: 'uint8[]', value: [{ name: '[0]', type: 'uint8', value: '2' }, { name: '[1]', type: 'uint8', value: '3' }] },
        { name: 'ok', type: 'bool', value: 'true' },
      ],
    });
  });

  it('refuses malformed typed data with the same errors as signing', () => {
    expect(() => describeChecked(typed('TransferWithAuthorization', transferFields, { ...transferMessage, value: -1 }), lookup)).toThrow(TypedDataError);
  });
});

describe('formatUnits', () => {
  it('formats token units with decimals and grouping, without float rounding', () => {
    expect(formatUnits(1500000000000000000000n, 18)).toBe('1,500');
    expect(formatUnits(1234567891234567890123456789n, 18)).toBe('1,234,567,891.234567890123456789');
    expect(formatUnits(5n, 18)).toBe('0.000000000000000005');
    expect(formatUnits(-1234500n, 2)).toBe('-12,345');
    expect(formatUnits(0n, 0)).toBe('0');
    expect(() => formatUnits(1n, -1)).toThrow(RangeError);
  });
});
