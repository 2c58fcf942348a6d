import { describe, expect, it } from 'vitest';
import {
  ApiRequestError, MAX_DESCRIPTION_LENGTH, parseAgentRequest, parseProposalRequest, parseTransferRelay, parseVoteRelay,
} from '../../../example/registry/api/validate';

const ALICE = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266';
const BOB = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
const SIGNATURE = `0x${'11'.repeat(32)}${'22'.repeat(32)}1b`;
const NONCE = `0x${'ab'.repeat(32)}`;

function transfer(overrides: Record<string, unknown> = {}, outer: Record<string, unknown> = {}) {
  return {
    authorization: { from: ALICE, to: BOB, value: '100000000000000000000', validAfter: '0', validBefore: '1700003600', nonce: NONCE, ...overrides },
    signature: SIGNATURE,
    ...outer,
  };
}

/** The 400 message parse() throws for `body`. */
function refusal(parse: (body: unknown) => unknown, body: unknown): string {
  try {
    parse(body);
  } catch (error) {
    expect(error).toBeInstanceOf(ApiRequestError);
    expect((error as ApiRequestError).status).toBe(400);
    return (error as Error).message;
  }
  throw new Error('accepted');
}

describe('the registry server\'s request checks', () => {
  it('accepts a well-formed transfer relay and checksums its addresses', () => {
    const parsed = parseTransferRelay(transfer({ from: ALICE.toLowerCase() }));
    expect(parsed.authorization.from).toBe(ALICE);
    expect(parsed.authorization.value).toBe('100000000000000000000');
    expect(parsed.signature).toBe(SIGNATURE);
  });

  it('refuses bodies that are not objects', () => {
    for (const body of [null, [], 'text', 42, true]) expect(refusal(parseTransferRelay, body)).toMatch(/^body must be an object/);
  });

  it('refuses missing and unknown fields, naming them', () => {
    const { nonce: _dropped, ...withoutNonce } = transfer().authorization;
    expect(refusal(parseTransferRelay, { authorization: withoutNonce, signature: SIGNATURE })).toBe('authorization.nonce is missing');
    expect(refusal(parseTransferRelay, transfer({ extra: 1 }))).toBe('authorization has unknown field "extra"');
    expect(refusal(parseTransferRelay, transfer({}, { relayer: ALICE }))).toBe('body has unknown field "relayer"');
  });

  it('refuses amounts that are not uint256 decimal strings', () => {
    for (const value of [100, '-1', '01', '1e18', '0x10', ' 1', (2n ** 256n).toString(), '']) {
      expect(refusal(parseTransferRelay, transfer({ value }))).toMatch(/^authorization\.value must be a uint256 as a decimal string/);
    }
    expect(parseTransferRelay(transfer({ value: (2n ** 256n - 1n).toString() })).authorization.value).toBe((2n ** 256n - 1n).toString());
  });

  it('refuses malformed addresses, nonces and signatures', () => {
    expect(refusal(parseTransferRelay, transfer({ to: '0x1234' }))).toMatch(/^authorization\.to must be an address/);
    expect(refusal(parseTransferRelay, transfer({ nonce: '0xab' }))).toMatch(/^authorization\.nonce must be 32 bytes/);
    expect(refusal(parseTransferRelay, transfer({}, { signature: `${SIGNATURE}00` }))).toMatch(/^signature must be 65 bytes/);
    expect(refusal(parseTransferRelay, transfer({}, { signature: `0x${'11'.repeat(64)}1d` }))).toBe('signature: v must be 27 or 28 (or 0 or 1), got 29');
    expect(refusal(parseTransferRelay, transfer({}, { signature: `0x${'00'.repeat(32)}${'22'.repeat(32)}1b` }))).toMatch(/^signature: r and s must be in \[1, n\)/);
    expect(refusal(parseTransferRelay, transfer({}, { signature: `0x${'11'.repeat(32)}${'ff'.repeat(32)}1c` }))).toMatch(/^signature: r and s/);
  });

  it('accepts a proposal description and refuses empty, long or control-character ones', () => {
    expect(parseProposalRequest({ description: 'Approve the 2025 accounts' })).toEqual({ description: 'Approve the 2025 accounts' });
    for (const description of ['', '   ', 'x'.repeat(MAX_DESCRIPTION_LENGTH + 1), 42]) {
      expect(refusal(parseProposalRequest, { description })).toMatch(/^description must be a non-empty string/);
    }
    expect(refusal(parseProposalRequest, { description: 'line\nbreak' })).toBe('description must not contain control characters');
  });

  it('accepts a vote relay and refuses a support outside 0, 1, 2', () => {
    const vote = { proposalId: '123', support: 1, voter: ALICE, signature: SIGNATURE };
    expect(parseVoteRelay(vote)).toEqual(vote);
    for (const support of [3, -1, '1', 1.5, null]) expect(refusal(parseVoteRelay, { ...vote, support })).toMatch(/^support must be 0 \(Against\), 1 \(For\) or 2 \(Abstain\)/);
    expect(refusal(parseVoteRelay, { ...vote, proposalId: 123 })).toMatch(/^proposalId must be a uint256/);
  });
});

describe('an agent request', () => {
  const refusal = (body: unknown) => {
    try {
      parseAgentRequest(body);
    } catch (error) {
      return error instanceof ApiRequestError ? `${error.status} ${error.message}` : String(error);
    }
    return 'accepted';
  };

  it('takes exactly the fields each action needs: shares and a holder, a holder, or nothing', () => {
    expect(parseAgentRequest({ action: 'freeze-shares', holder: BOB.toLowerCase(), shares: '100' })).toEqual({ action: 'freeze-shares', holder: BOB, shares: '100' });
    expect(parseAgentRequest({ action: 'revoke-verification', holder: ALICE })).toEqual({ action: 'revoke-verification', holder: ALICE });
    expect(parseAgentRequest({ action: 'pause' })).toEqual({ action: 'pause' });
  });

  it('refuses an unknown action, a missing or extra field, a bad holder and zero shares, naming the field', () => {
    expect(refusal({ action: 'burn', holder: ALICE })).toMatch(/^400 body\.action must be one of freeze-shares, .*, got "burn"$/);
    expect(refusal([])).toMatch(/^400 body\.action must be one of/);
    expect(refusal({ action: 'freeze-account' })).toBe('400 body.holder is missing');
    expect(refusal({ action: 'unpause', holder: ALICE })).toBe('400 body has unknown field "holder"');
    expect(refusal({ action: 'freeze-account', holder: '0x1234' })).toBe('400 body.holder must be an address (0x and 40 hex digits), got "0x1234"');
    expect(refusal({ action: 'unfreeze-shares', holder: ALICE, shares: '0' })).toBe('400 body.shares must be more than 0');
    expect(refusal({ action: 'unfreeze-shares', holder: ALICE, shares: 5 })).toBe('400 body.shares must be a uint256 as a decimal string, got number');
  });
});
