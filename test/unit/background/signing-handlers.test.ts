import { recoverMessageAddress, recoverTypedDataAddress } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { beforeEach, describe, expect, it } from 'vitest';
import { signDigest } from '../../../src/core';
import { createSigningHandlers } from '../../../src/background/router/signing-handlers';
import type { ActivityDecision, ApprovalRequest } from '../../../src/protocol/approvals';
import { ProviderRpcError } from '../../../src/protocol/eip1193';

// Anvil's first test key: public, never for real shares.
const KEY = '0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80';
const ALICE = privateKeyToAccount(KEY).address;
const SITE = { origin: 'https://registry.example' };

const typedData = {
  types: {
    EIP712Domain: [{ name: 'name', type: 'string' }, { name: 'chainId', type: 'uint256' }],
    Note: [{ name: 'text', type: 'string' }],
  },
  primaryType: 'Note',
  domain: { name: 'Acme', chainId: 1 },
  message: { text: 'hello' },
} as const;

describe('signing handlers, alone', () => {
  let permitted: string[];
  let approve: boolean;
  /** Runs while the approval waits, as a user acting elsewhere would. */
  let meanwhile: () => void;
  let signed: { address: string; digest: Uint8Array }[];
  let asked: ApprovalRequest[];
  let recorded: ActivityDecision[];
  let handlers: ReturnType<typeof createSigningHandlers<typeof SITE>>;

  beforeEach(() => {
    permitted = [ALICE];
    approve = true;
    meanwhile = () => undefined;
    signed = [];
    asked = [];
    recorded = [];
    handlers = createSigningHandlers<typeof SITE>({
      // The wallet service's side of the contract: a digest and an address in, a signature out.
      wallet: {
        signDigest: (address, digest) => {
          signed.push({ address, digest });
          return Promise.resolve(signDigest(Buffer.from(KEY.slice(2), 'hex'), digest));
        },
      },
      sites: { permittedAccounts: () => Promise.resolve(permitted), chainId: () => Promise.resolve('0x1') },
      tokens: { lookup: () => Promise.resolve(() => undefined) },
      ask: (_ctx, _method, request) => {
        asked.push(request);
        meanwhile();
        return approve ? Promise.resolve(undefined) : Promise.reject(new ProviderRpcError(4001, 'rejected'));
      },
      record: (_ctx, _method, _request, decision) => { recorded.push(decision); return Promise.resolve(); },
    });
  });

  it('asks the wallet service to sign the message\'s EIP-191 digest after Approve, and viem recovers the account', async () => {
    const signature = await handlers.personalSign(SITE, ['0x48656c6c6f21', ALICE]);
    expect(asked).toMatchObject([{ kind: 'personal_sign', text: 'Hello!' }]);
    expect(signed.map((entry) => entry.address)).toEqual([ALICE]);
    expect(await recoverMessageAddress({ message: 'Hello!', signature })).toBe(ALICE);
    expect(recorded).toEqual(['approved']);
  });

  it('asks nothing of the wallet service when the user rejects', async () => {
    approve = false;
    await expect(handlers.personalSign(SITE, ['0x48656c6c6f21', ALICE])).rejects.toMatchObject({ code: 4001 });
    expect(signed).toEqual([]);
  });

  it('signs nothing for a site disconnected while its request waited, and records that it failed', async () => {
    meanwhile = () => { permitted = []; };
    await expect(handlers.signTypedDataV4(SITE, [ALICE, JSON.stringify(typedData)])).rejects.toMatchObject({ code: 4100 });
    expect(signed).toEqual([]);
    expect(recorded).toEqual(['failed']);
  });

  it('checks typed data once and signs its digest, a signature viem verifies', async () => {
    const signature = await handlers.signTypedDataV4(SITE, [ALICE, JSON.stringify(typedData)]);
    expect(await recoverTypedDataAddress({ ...typedData, domain: { ...typedData.domain, chainId: 1n }, signature: signature })).toBe(ALICE);
    expect(asked).toMatchObject([{ kind: 'typed_data', chainId: '0x1', primaryType: 'Note', action: { kind: 'generic' } }]);
  });

  it('refuses malformed typed data with -32602 naming the value, before the user is asked', async () => {
    const bad = { ...typedData, message: { text: 5 } };
    await expect(handlers.signTypedDataV4(SITE, [ALICE, bad])).rejects.toMatchObject({ code: -32602, message: 'eth_signTypedData_v4: message.text: expected a string, got number' });
    expect(asked).toEqual([]);
  });

  it('signs eth_signTypedData_v3 by the same digest as v4, and refuses an array field with -32602 before the user is asked', async () => {
    const v3 = await handlers.signTypedDataV3(SITE, [ALICE.toLowerCase(), JSON.stringify(typedData)]);
    expect(v3).toBe(await handlers.signTypedDataV4(SITE, [ALICE, JSON.stringify(typedData)]));
    const withArray = { ...typedData, types: { ...typedData.types, Note: [{ name: 'text', type: 'string[]' }] }, message: { text: ['hello'] } };
    await expect(handlers.signTypedDataV3(SITE, [ALICE, withArray])).rejects.toMatchObject({ code: -32602, message: /^eth_signTypedData_v3: types\.Note\[0\]: "string\[\]" is an array/ });
    expect(asked).toHaveLength(2);
  });
});
