import { describe, expect, it } from 'vitest';
import {
  encodeAbiParameters, hashStruct, hashTypedData, keccak256, recoverTypedDataAddress, toHex, verifyTypedData, type Hex,
} from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { DEMO_RECIPIENT } from '../../../example/registry/src/config';
import { GOVERNOR, TOKEN } from './registry-fixture';
import {
  ballot, BALLOT_TYPES, parseProposalId, randomNonce, sharesToUnits, transferWithAuthorization,
  TRANSFER_WITH_AUTHORIZATION_TYPES, validityWindow,
} from '../../../example/registry/src/typed-data';

// anvil's first well-known test key: only ever used for tests.
const holder = privateKeyToAccount('0xac0974bec39a17e8a6f1f4e5a3b1b2b3b4b5b6b7b8b9babbbcbdbebfc0c1c2c3');
const NONCE: Hex = `0x${'ab'.repeat(32)}`;

function transfer(chainId = 31337) {
  return transferWithAuthorization(
    { name: TOKEN.name, chainId, verifyingContract: TOKEN.address },
    { from: holder.address, to: DEMO_RECIPIENT, value: 100n * 10n ** 18n, validAfter: 0n, validBefore: 1_700_003_600n, nonce: NONCE },
  );
}

function vote(chainId = 31337) {
  return ballot(
    { name: GOVERNOR.name, chainId, verifyingContract: GOVERNOR.address },
    { proposalId: 42n, support: 'For', voter: holder.address, nonce: 0n },
  );
}

/** The EIP-712 `encodeType` of a struct without dependencies, written out from its field list. */
function typeString(name: string, fields: readonly { name: string; type: string }[]): string {
  return `${name}(${fields.map((field) => `${field.type} ${field.name}`).join(',')})`;
}

describe('ERC-3009 share transfer typed data', () => {
  it('has exactly the TransferWithAuthorization type of ERC-3009', () => {
    expect(typeString('TransferWithAuthorization', TRANSFER_WITH_AUTHORIZATION_TYPES.TransferWithAuthorization)).toBe(
      'TransferWithAuthorization(address from,address to,uint256 value,uint256 validAfter,uint256 validBefore,bytes32 nonce)',
    );
  });

  it('is hashed by viem with the typehash of that type string', () => {
    const data = transfer();
    const typehash = keccak256(toHex('TransferWithAuthorization(address from,address to,uint256 value,uint256 validAfter,uint256 validBefore,bytes32 nonce)'));
    const { from, to, value, validAfter, validBefore, nonce } = data.message;
    const expected = keccak256(encodeAbiParameters(
      [{ type: 'bytes32' }, { type: 'address' }, { type: 'address' }, { type: 'uint256' }, { type: 'uint256' }, { type: 'uint256' }, { type: 'bytes32' }],
      [typehash, from, to, value, validAfter, validBefore, nonce],
    ));
    expect(hashStruct({ data: data.message, primaryType: 'TransferWithAuthorization', types: data.types })).toBe(expected);
  });

  it('names the share token, version 1, the given chain and the token contract in its domain', () => {
    expect(transfer(31337).domain).toEqual({
      name: 'Acme Holdings Shares', version: '1', chainId: 31337, verifyingContract: TOKEN.address,
    });
    expect(transfer(5).domain.chainId).toBe(5);
    expect(transfer().primaryType).toBe('TransferWithAuthorization');
  });

  it('hashes differently on another chain, so a signature for one chain is useless on another', () => {
    expect(hashTypedData(transfer(31337))).not.toBe(hashTypedData(transfer(5)));
  });

  it('is signed by a local account and verified by viem against that account only', async () => {
    const data = transfer();
    const signature = await holder.signTypedData(data);
    expect(await verifyTypedData({ address: holder.address, signature, ...data })).toBe(true);
    expect(await verifyTypedData({ address: DEMO_RECIPIENT, signature, ...data })).toBe(false);
    expect(await recoverTypedDataAddress({ signature, ...transfer(5) })).not.toBe(holder.address);
  });
});

describe('Governor ballot typed data', () => {
  it('has exactly the Ballot type of OpenZeppelin Governor 5', () => {
    expect(typeString('Ballot', BALLOT_TYPES.Ballot)).toBe('Ballot(uint256 proposalId,uint8 support,address voter,uint256 nonce)');
  });

  it('is hashed by viem with the typehash of that type string', () => {
    const data = vote();
    const typehash = keccak256(toHex('Ballot(uint256 proposalId,uint8 support,address voter,uint256 nonce)'));
    const expected = keccak256(encodeAbiParameters(
      [{ type: 'bytes32' }, { type: 'uint256' }, { type: 'uint8' }, { type: 'address' }, { type: 'uint256' }],
      [typehash, 42n, 1, holder.address, 0n],
    ));
    expect(hashStruct({ data: data.message, primaryType: 'Ballot', types: data.types })).toBe(expected);
  });

  it('names the governor, version 1, the given chain and the governor contract in its domain', () => {
    expect(vote().domain).toEqual({ name: 'Acme Shareholder Governor', version: '1', chainId: 31337, verifyingContract: GOVERNOR.address });
  });

  it('encodes For as 1, Against as 0 and Abstain as 2', () => {
    const governor = { name: GOVERNOR.name, chainId: 1, verifyingContract: GOVERNOR.address };
    const support = (choice: 'For' | 'Against' | 'Abstain') => ballot(governor, { proposalId: 1n, support: choice, voter: holder.address, nonce: 0n }).message.support;
    expect([support('For'), support('Against'), support('Abstain')]).toEqual([1, 0, 2]);
  });

  it('is signed by a local account and verified by viem', async () => {
    const data = vote();
    const signature = await holder.signTypedData(data);
    expect(await verifyTypedData({ address: holder.address, signature, ...data })).toBe(true);
  });
});

describe('form values', () => {
  it('turns shares into 18-decimal units, fractions included', () => {
    expect(sharesToUnits('100')).toBe(100n * 10n ** 18n);
    expect(sharesToUnits(' 12.5 ')).toBe(125n * 10n ** 17n);
    expect(sharesToUnits('0.000000000000000001')).toBe(1n);
  });

  it('refuses shares that are empty, zero, negative, not a number or finer than 18 decimals', () => {
    for (const bad of ['', '0', '0.0', '-1', 'abc', '1e3', '1.0000000000000000001']) expect(() => sharesToUnits(bad), bad).toThrow(RangeError);
  });

  it('reads a proposal id as a uint256, as large as Governor ids get', () => {
    const id = 2n ** 256n - 1n;
    expect(parseProposalId(id.toString())).toBe(id);
    for (const bad of ['', '-1', '1.5', '0x10', (2n ** 256n).toString()]) expect(() => parseProposalId(bad), bad).toThrow(RangeError);
  });

  it('makes a fresh 32-byte nonce each time', () => {
    const a = randomNonce();
    expect(a).toMatch(/^0x[0-9a-f]{64}$/);
    expect(randomNonce()).not.toBe(a);
  });

  it('makes a transfer valid from 0 until an hour from now', () => {
    expect(validityWindow(1_700_000_000_999)).toEqual({ validAfter: 0n, validBefore: 1_700_003_600n });
  });
});
