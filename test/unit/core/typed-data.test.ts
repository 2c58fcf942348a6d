import { TypedDataEncoder, Wallet } from 'ethers';
import { hashTypedData as viemHashTypedData } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { describe, expect, it } from 'vitest';
import { CheckedTypedData, encodeType, hashStruct, hashTypedData, signTypedData, TypedDataError, type TypedData } from '../../../src/core';
import { createRandom, hex } from '../../helpers/random';
import { randomTypedData, withBigInts } from '../../helpers/random-typed-data';
import mailVectors from '../../vectors/eip712-mail.json';

const mailVector = mailVectors.vectors[0] as (typeof mailVectors.vectors)[number];
const mail: TypedData = mailVector.typedData;

/** A deep copy of `base` with `edit` applied, for malformed-input cases. */
function variant(edit: (copy: { types: Record<string, { name: string; type: string }[]>; primaryType: unknown; domain: Record<string, unknown>; message: Record<string, unknown> }) => void): unknown {
  const copy = structuredClone(mail) as Parameters<typeof edit>[0];
  edit(copy);
  return copy;
}

/** A one-field typed data document whose single value has `type`. */
function single(type: string, value: unknown, extraTypes: Record<string, { name: string; type: string }[]> = {}): unknown {
  return {
    types: { EIP712Domain: [{ name: 'name', type: 'string' }], Item: [{ name: 'value', type }], ...extraTypes },
    primaryType: 'Item',
    domain: { name: 'test' },
    message: { value },
  };
}

function expectRefused(input: unknown, message: RegExp): void {
  expect(() => hashTypedData(input)).toThrow(TypedDataError);
  expect(() => hashTypedData(input)).toThrow(message);
}

describe('hashTypedData', () => {
  it('gives the EIP-712 specification encodeType, domain separator, hashStruct and digest for the Mail example', () => {
    expect(encodeType(mail.types, 'Mail')).toBe(mailVector.encodeTypeMail);
    expect(hashStruct(mail.types, 'EIP712Domain', mail.domain)).toBe(mailVector.domainSeparator);
    expect(hashStruct(mail.types, 'Mail', mail.message)).toBe(mailVector.hashStructMessage);
    expect(hashTypedData(mail)).toBe(mailVector.digest);
  });

  it('agrees with viem and ethers on 300 random typed-data documents', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const typedData = randomTypedData(createRandom(seed));
      const { types, domain, message } = withBigInts(typedData);
      const ours = hashTypedData(typedData);
      expect(ours, `seed ${seed}`).toBe(viemHashTypedData({ types: typedData.types, primaryType: 'Root', domain, message }));
      expect(ours, `seed ${seed}`).toBe(TypedDataEncoder.hash(domain, types, message));
    }
  });

  it('accepts an integer as a JSON number, a decimal string or a 0x-hex string alike', () => {
    const digests = [1000, '1000', '0x3e8'].map((value) => hashTypedData(single('uint256', value)));
    expect(new Set(digests).size).toBe(1);
  });

  it('encodes negative integers in two\'s complement like viem', () => {
    const ours = hashTypedData(single('int64', '-5'));
    const theirs = viemHashTypedData({
      types: { EIP712Domain: [{ name: 'name', type: 'string' }], Item: [{ name: 'value', type: 'int64' }] },
      primaryType: 'Item', domain: { name: 'test' }, message: { value: -5n },
    });
    expect(ours).toBe(theirs);
  });

  it('refuses a primaryType that is missing from types', () => {
    expectRefused(variant((c) => { c.primaryType = 'Letter'; }), /primaryType: "Letter" is not defined in types/);
    expectRefused(variant((c) => { delete c.primaryType; }), /primaryType: must be a string/);
  });

  it('refuses a referenced type that is not defined', () => {
    expectRefused(variant((c) => { delete c.types.Person; }), /type "Person" of Mail\.from is referenced but not defined/);
  });

  it('refuses a type name that is not a Solidity type', () => {
    expectRefused(single('uint7', 1), /"uint7" is not an EIP-712 integer type/);
    expectRefused(single('uint', 1), /"uint" is not an EIP-712 integer type/);
    expectRefused(single('int264', 1), /"int264" is not an EIP-712 integer type/);
    expectRefused(single('bytes33', '0x00'), /"bytes33" is not a Solidity type/);
    expectRefused(single('bytes0', '0x'), /"bytes0" is not a Solidity type/);
    expectRefused(single('uint256[0]', []), /fixed array length/);
    expectRefused(single('string;', 'x'), /"string;" is not a type name/);
  });

  it('refuses a struct named after a Solidity type', () => {
    expectRefused(single('address', '0x' + '00'.repeat(20), { address: [{ name: 'x', type: 'bool' }] }), /"address" is a Solidity type and cannot name a struct/);
  });

  it('refuses an integer out of range for its width or sign', () => {
    expectRefused(single('uint8', 256), /256 is out of range for uint8 \(0 … 255\)/);
    expectRefused(single('uint256', '-1'), /-1 is out of range for uint256/);
    expectRefused(single('int8', -129), /-129 is out of range for int8 \(-128 … 127\)/);
    expectRefused(single('int8', '0x80'), /128 is out of range for int8/);
    expectRefused(single('uint256', `0x1${'0'.repeat(64)}`), /out of range for uint256/);
  });

  it('refuses integers that are not integers', () => {
    expectRefused(single('uint256', 1.5), /1\.5 is not a safe integer/);
    expectRefused(single('uint256', 2 ** 60), /is not a safe integer; send large integers as decimal or 0x-hex strings/);
    expectRefused(single('uint256', '1e3'), /expected an integer/);
    expectRefused(single('uint256', ' 12'), /expected an integer/);
    expectRefused(single('uint256', true), /expected an integer .*got boolean/);
    expectRefused(single('uint256', '9'.repeat(100)), /expected an integer .*a string of 100 characters/);
  });

  it('refuses an address or bytesN of the wrong length', () => {
    expectRefused(single('address', '0x1234'), /message\.value: .*not an address/);
    expectRefused(single('address', `0x${'ab'.repeat(21)}`), /not an address/);
    expectRefused(single('bytes32', '0x1234'), /bytes32 needs exactly 32 bytes, got 2/);
    expectRefused(single('bytes4', '0x123'), /0x-hex with an even number of digits/);
    expectRefused(single('bytes', 'hello'), /expected bytes as 0x-hex/);
  });

  it('refuses a mixed-case address whose EIP-55 checksum is wrong', () => {
    expectRefused(variant((c) => { (c.message.to as Record<string, unknown>).wallet = '0xbBbBBBBbbBBBbbbBbbBbbbbBBbBbbbbBbBbbBBbb'; }), /message\.to\.wallet: .*wrong EIP-55 checksum/);
  });

  it('refuses missing and unknown fields rather than signing something other than what is shown', () => {
    expectRefused(variant((c) => { delete c.message.contents; }), /message\.contents: is missing \(type string\)/);
    expectRefused(variant((c) => { c.message.amount = 5; }), /message\.amount: is not a field of Mail/);
    expectRefused(variant((c) => { c.domain.salt = '0x00'; }), /domain\.salt: is not a field of EIP712Domain/);
    expectRefused(JSON.parse('{"types":{"EIP712Domain":[],"A":[{"name":"x","type":"bool"}]},"primaryType":"A","domain":{},"message":{"x":true,"__proto__":{"x":false}}}'), /message\.__proto__: is not a field of A/);
  });

  it('refuses values of the wrong JSON type', () => {
    expectRefused(single('bool', 'true'), /expected true or false, got "true"/);
    expectRefused(single('string', 42), /expected a string, got number/);
    expectRefused(single('uint8[2]', [1]), /uint8\[2\] needs exactly 2 elements, got 1/);
    expectRefused(single('uint8[]', { 0: 1 }), /expected an array/);
    expectRefused(variant((c) => { c.message.from = 'Cow'; }), /message\.from: expected a Person object/);
  });

  it('refuses typed data without an EIP712Domain type, since wallets disagree on how to infer it', () => {
    expectRefused(variant((c) => { delete (c.types as Record<string, unknown>).EIP712Domain; }), /types\.EIP712Domain: is missing/);
  });

  it('refuses malformed structure with the path that is wrong', () => {
    expectRefused(null, /typedData: must be an object/);
    expectRefused(variant((c) => { (c as Record<string, unknown>).types = []; }), /types: must be an object/);
    expectRefused(variant((c) => { (c.types as Record<string, unknown>).Person = { name: 'x' }; }), /types\.Person: must be an array/);
    expectRefused(variant((c) => { c.types.Person?.push({ name: 'name', type: 'string' }); }), /field "name" is defined twice/);
    expectRefused(variant((c) => { (c as Record<string, unknown>).message = 'x'; }), /message: must be an object/);
  });

  it('refuses data nested deeper than the limit, including cyclic objects', () => {
    const node: Record<string, unknown> = {};
    node.next = [node];
    expectRefused({
      types: { EIP712Domain: [], Node: [{ name: 'next', type: 'Node[]' }] }, primaryType: 'Node', domain: {}, message: node,
    }, /nest deeper than 32 levels/);
  });
});

describe('CheckedTypedData', () => {
  it('holds the digest, the typed data and the domain\'s chain id, checked once', () => {
    const checked = CheckedTypedData.from(mail);
    expect(hex(checked.digest)).toBe(mailVector.digest);
    expect(checked.data.primaryType).toBe('Mail');
    expect(checked.chainId).toBe(1n);
    expect(CheckedTypedData.from({ ...mail, types: { ...mail.types, EIP712Domain: [] }, domain: {} }).chainId).toBeUndefined();
  });

  it('refuses a malformed value as signing would, naming it', () => {
    expect(() => CheckedTypedData.from({ ...mail, message: { ...mail.message, contents: 5 } })).toThrow('message.contents: expected a string, got number');
  });
});

describe('CheckedTypedData for eth_signTypedData_v3', () => {
  it('gives the same digest as v4 where v3 is defined, as for the EIP-712 Mail example', () => {
    expect(hex(CheckedTypedData.from(mail, 'v3').digest)).toBe(mailVector.digest);
  });

  it('refuses an array field under v3, naming it, and accepts it under v4', () => {
    const withArray = single('uint256[]', [1, 2]);
    expect(() => CheckedTypedData.from(withArray, 'v3')).toThrow(new TypedDataError('types.Item[0]', '"uint256[]" is an array, which eth_signTypedData_v3 does not define; use eth_signTypedData_v4'));
    expect(() => CheckedTypedData.from(single('Person[2][]', [], { Person: [{ name: 'name', type: 'string' }] }), 'v3')).toThrow(/types\.Item\[0\]: "Person\[2\]\[\]" is an array/);
    expect(CheckedTypedData.from(withArray).digest).toHaveLength(32);
  });

  it('refuses a struct that contains itself under v3, naming the way round, before the values are read', () => {
    const recursive = single('Node', { next: { next: {} } }, {
      Node: [{ name: 'next', type: 'Leaf' }],
      Leaf: [{ name: 'parent', type: 'Node' }],
    });
    expect(() => CheckedTypedData.from(recursive, 'v3')).toThrow('types.Node: Node contains itself (Node → Leaf → Node), which eth_signTypedData_v3 does not define; use eth_signTypedData_v4');
    expect(() => CheckedTypedData.from(recursive)).toThrow(/message\.value\.next\.next/);
  });

  it('accepts under v3 a struct used twice that does not contain itself', () => {
    const twice = single('Pair', { a: { name: 'a' }, b: { name: 'b' } }, { Pair: [{ name: 'a', type: 'Person' }, { name: 'b', type: 'Person' }], Person: [{ name: 'name', type: 'string' }] });
    expect(hex(CheckedTypedData.from(twice, 'v3').digest)).toBe(hex(CheckedTypedData.from(twice).digest));
  });

  it('finds no cycle in 60 layers of types that each refer twice to the next, without walking all 2^60 ways through', () => {
    const layers: Record<string, { name: string; type: string }[]> = {};
    for (let i = 0; i < 60; i++) layers[`L${i}`] = i === 59 ? [{ name: 'end', type: 'bool' }] : [{ name: 'a', type: `L${i + 1}` }, { name: 'b', type: `L${i + 1}` }];
    const deep = single('bool', true, layers);
    expect(CheckedTypedData.from(deep, 'v3').digest).toHaveLength(32);
  });
});

describe('signTypedData', () => {
  it('gives the EIP-712 specification signature for the Mail example', () => {
    const cow = Buffer.from(mailVector.privateKey.slice(2), 'hex');
    const { r, s, v } = mailVector.signature;
    expect(signTypedData(cow, CheckedTypedData.from(mail))).toBe(`${r}${s.slice(2)}${v.toString(16)}`);
  });

  it('agrees with viem and ethers signatures on 40 random documents and keys', async () => {
    for (let seed = 1; seed <= 40; seed++) {
      const random = createRandom(1000 + seed);
      const typedData = randomTypedData(random);
      const key = random.bytes(32);
      key[0] = 1; // keep the key below the curve order
      const { types, domain, message } = withBigInts(typedData);
      const ours = signTypedData(key, CheckedTypedData.from(typedData));
      expect(ours, `seed ${seed}`).toBe(await privateKeyToAccount(hex(key)).signTypedData({ types: typedData.types, primaryType: 'Root', domain, message }));
      expect(ours, `seed ${seed}`).toBe(await new Wallet(hex(key)).signTypedData(domain, types, message));
    }
  });

  it('refuses a private key that is not a valid secp256k1 scalar', () => {
    const checked = CheckedTypedData.from(mail);
    expect(() => signTypedData(new Uint8Array(32), checked)).toThrow(RangeError);
    expect(() => signTypedData(new Uint8Array(31).fill(1), checked)).toThrow(/32 bytes/);
  });
});
