import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { encodeAbiParameters, encodeErrorResult, getAddress, parseAbiItem } from 'viem';
import { describe, expect, it } from 'vitest';
import { decodeRevert, KNOWN_ERRORS, type KnownErrorDefinition } from '../../../../src/core';
import { createRandom, hex, type Random } from '../../../helpers/random';

const OPENZEPPELIN = path.resolve('node_modules/@openzeppelin/contracts');
const FROM_5_0 = new Set(['GovernorNotQueuedProposal', 'GovernorQueueNotImplemented']);

function solidityFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return solidityFiles(full);
    return entry.name.endsWith('.sol') ? [full] : [];
  });
}

/** Every `error Name(...)` OpenZeppelin declares, as `Name(type name,...)`, with its enum as uint8 (ABI spec). */
function openZeppelinErrors(): Map<string, Set<string>> {
  const declared = new Map<string, Set<string>>();
  for (const file of solidityFiles(OPENZEPPELIN)) {
    for (const match of readFileSync(file, 'utf8').matchAll(/^\s*error\s+(\w+)\(([^)]*)\);/gm)) {
      const [, name = '', params = ''] = match;
      const normalised = params.split(',').map((param) => param.trim().replace(/^ProposalState\b/, 'uint8')).filter(Boolean).join(',');
      declared.set(name, (declared.get(name) ?? new Set()).add(`${name}(${normalised})`));
    }
  }
  return declared;
}

function humanReadable(definition: KnownErrorDefinition): string {
  return `${definition.name}(${definition.inputs.map(([name, type]) => `${type} ${name}`).join(',')})`;
}

/** The error as an ABI item for viem, which computes the selector on its own. */
function abiItem(definition: KnownErrorDefinition) {
  return { type: 'error' as const, name: definition.name, inputs: definition.inputs.map(([name, type]) => ({ name, type })) };
}

function randomArgument(random: Random, type: string): bigint | string {
  switch (type) {
    case 'address': return getAddress(hex(random.bytes(20)));
    case 'bytes32': return hex(random.bytes(32));
    case 'uint8': return BigInt(random.int(256));
    case 'uint48': return BigInt(hex(random.bytes(6)));
    case 'string': return 'Ünïcode 股份';
    default: return random.int(2) === 0 ? BigInt(hex(random.bytes(32))) : BigInt(random.int(1000));
  }
}

describe('decodeRevert: custom errors', () => {
  const declared = openZeppelinErrors();

  it.each(KNOWN_ERRORS.filter(({ name }) => !FROM_5_0.has(name)).map((definition) => [definition.name, definition] as const))(
    'knows %s exactly as OpenZeppelin Contracts declares it',
    (name, definition) => {
      expect(declared.get(name)).toContain(humanReadable(definition));
    },
  );

  it.each(KNOWN_ERRORS.map((definition) => [definition.name, definition] as const))(
    'decodes %s encoded by viem, with its arguments',
    (_name, definition) => {
      const random = createRandom(definition.name.length * 7919);
      const args = definition.inputs.map(([, type]) => randomArgument(random, type));
      const data = encodeErrorResult({ abi: [abiItem(definition)], errorName: definition.name, args });
      expect(decodeRevert(data)).toEqual({
        kind: 'custom', name: definition.name, selector: data.slice(0, 10),
        args: Object.fromEntries(definition.inputs.map(([name], index) => [name, args[index]])),
      });
    },
  );

  it('knows the two Governor errors of OpenZeppelin 5.0 that 5.7 no longer declares, by their 5.0 selector', () => {
    for (const name of FROM_5_0) expect(declared.has(name)).toBe(false);
    // GovernorNotQueuedProposal's selector as listed in OpenZeppelin 5.0's compiled IGovernor artifacts.
    expect(decodeRevert(`0xd5ddb825${'00'.repeat(31)}07`)).toMatchObject({ kind: 'custom', name: 'GovernorNotQueuedProposal', args: { proposalId: 7n } });
    expect(decodeRevert(encodeErrorResult({ abi: [parseAbiItem('error GovernorQueueNotImplemented()')], errorName: 'GovernorQueueNotImplemented' })))
      .toMatchObject({ kind: 'custom', name: 'GovernorQueueNotImplemented', args: {} });
  });

  it('includes the errors the example registry\'s ShareToken and governor can raise', () => {
    const names = KNOWN_ERRORS.map((definition) => definition.name);
    expect(names).toEqual(expect.arrayContaining([
      'ERC3009InvalidSignature', 'ERC3009InvalidAuthorizationTime', 'ERC3009UsedAuthorization', 'ERC2612ExpiredSignature',
      'VotesExpiredSignature', 'GovernorAlreadyCastVote', 'GovernorUnexpectedProposalState', 'InvalidAccountNonce',
    ]));
  });
});

describe('decodeRevert: Solidity\'s built-in errors', () => {
  it('reads Error(string), as OpenZeppelin 4 and ERC-3643 T-REX tokens revert with require messages', () => {
    const data = encodeErrorResult({ abi: [parseAbiItem('error Error(string)')], errorName: 'Error', args: ['Transfer not possible'] });
    expect(decodeRevert(data)).toEqual({ kind: 'error', reason: 'Transfer not possible' });
    const empty = encodeErrorResult({ abi: [parseAbiItem('error Error(string)')], errorName: 'Error', args: [''] });
    expect(decodeRevert(empty)).toEqual({ kind: 'error', reason: '' });
  });

  it.each([
    [0x00n, 'generic'], [0x01n, 'assert'], [0x11n, 'arithmetic-overflow'], [0x12n, 'division-by-zero'],
    [0x21n, 'enum-conversion'], [0x22n, 'storage-encoding'], [0x31n, 'pop-empty-array'], [0x32n, 'array-out-of-bounds'],
    [0x41n, 'memory-overflow'], [0x51n, 'zero-function'], [0x99n, 'unknown'], [2n ** 256n - 1n, 'unknown'],
  ] as const)('reads Panic(%s) as %s', (code, panic) => {
    const data = encodeErrorResult({ abi: [parseAbiItem('error Panic(uint256)')], errorName: 'Panic', args: [code] });
    expect(decodeRevert(data)).toEqual({ kind: 'panic', code, panic });
  });
});

describe('decodeRevert: data it cannot read', () => {
  const errorSelector = '0x08c379a0';
  const insufficientBalance = encodeErrorResult({
    abi: [parseAbiItem('error ERC20InsufficientBalance(address sender,uint256 balance,uint256 needed)')],
    errorName: 'ERC20InsufficientBalance', args: ['0x70997970C51812dc3A010C7d01b50e0d17dc79C8', 1n, 2n],
  });

  it('reads no data as an empty revert', () => {
    expect(decodeRevert('0x')).toEqual({ kind: 'empty' });
  });

  it('keeps an unknown selector and its data', () => {
    expect(decodeRevert('0xDEADBEEF01')).toEqual({ kind: 'unknown', selector: '0xdeadbeef', data: '0xdeadbeef01' });
  });

  it.each([
    ['fewer than 4 bytes', '0x1234', '0x1234'],
    ['odd hex', '0x123', '0x'],
    ['text that is not hex', 'execution reverted', '0x'],
    ['a number', 42, '0x'],
    ['null', null, '0x'],
  ])('reads %s as unknown without a selector', (_label, data, kept) => {
    expect(decodeRevert(data)).toEqual({ kind: 'unknown', selector: null, data: kept });
  });

  it.each([
    ['a known error cut short', insufficientBalance.slice(0, -2)],
    ['a known error with no arguments at all', insufficientBalance.slice(0, 10)],
    ['an address with bytes in its padding', `${insufficientBalance.slice(0, 10)}ff${insufficientBalance.slice(12)}`],
    ['Error(string) whose length runs past the data', `${errorSelector}${encodeAbiParameters([{ type: 'uint256' }, { type: 'uint256' }], [32n, 1000n]).slice(2)}`],
    ['Error(string) whose offset runs past the data', `${errorSelector}${encodeAbiParameters([{ type: 'uint256' }], [2n ** 200n]).slice(2)}`],
    ['Error(string) whose offset is not a whole word', `${errorSelector}${encodeAbiParameters([{ type: 'uint256' }, { type: 'uint256' }], [33n, 0n]).slice(2)}`],
    ['Error(string) that is not UTF-8', `${errorSelector}${encodeAbiParameters([{ type: 'uint256' }, { type: 'uint256' }], [32n, 2n]).slice(2)}${'ff'.repeat(32)}`],
    ['a uint48 argument above 2^48', encodeErrorResult({
      abi: [parseAbiItem('error ERC5805FutureLookup(uint256 timepoint, uint256 clock)')], errorName: 'ERC5805FutureLookup', args: [1n, 2n ** 48n],
    })],
    ['a Panic with no code', '0x4e487b71'],
  ])('reads %s as unknown, keeping the selector and the data', (_label, data) => {
    expect(decodeRevert(data)).toEqual({ kind: 'unknown', selector: data.slice(0, 10), data });
  });

  it('never throws on 500 random byte strings, some starting with a known selector', () => {
    const selectors = ['0x08c379a0', '0x4e487b71', ...KNOWN_ERRORS.map((definition) => encodeErrorResult({
      abi: [abiItem(definition)], errorName: definition.name,
      args: definition.inputs.map(([, type]) => randomArgument(createRandom(1), type)),
    }).slice(0, 10))];
    for (let seed = 1; seed <= 500; seed++) {
      const random = createRandom(seed);
      const body = hex(random.bytes(random.int(200))).slice(2);
      const data = random.int(2) === 0 ? `${random.pick(selectors)}${body}` : `0x${body}`;
      expect(() => decodeRevert(data), `seed ${seed}`).not.toThrow();
    }
  });
});
