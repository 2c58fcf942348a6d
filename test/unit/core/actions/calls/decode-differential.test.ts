import { decodeFunctionData, encodeFunctionData, toFunctionSelector, type AbiParameter, type Hex } from 'viem';
import { describe, expect, it } from 'vitest';
import { describeCall } from '../../../../../src/core';
import { KNOWN_CALLS_ABI } from '../../../../../src/core/actions/calls/abi';
import { decodeKnownCall } from '../../../../../src/core/actions/calls/decode';
import { createRandom, hex, randomText, type Random } from '../../../../helpers/random';

const SEED = 20261205;
const SENDER = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266';

function randomValue(random: Random, type: string): unknown {
  if (type.endsWith('[]')) return Array.from({ length: random.int(4) }, () => randomValue(random, type.slice(0, -2)));
  if (type === 'address') return hex(random.bytes(20));
  if (type === 'bytes32') return hex(random.bytes(32));
  if (type === 'bytes') return hex(random.bytes(random.int(70)));
  if (type === 'string') return randomText(random, 20);
  if (type === 'uint8') return random.int(random.int(2) === 0 ? 3 : 256);
  return BigInt(hex(random.bytes(random.int(33) || 1)));
}

const encode = encodeFunctionData as (parameters: { abi: typeof KNOWN_CALLS_ABI; functionName: string; args: readonly unknown[] }) => Hex;

function validCall(random: Random): Hex {
  const item = random.pick(KNOWN_CALLS_ABI);
  const args = (item.inputs as readonly AbiParameter[]).map((input) => randomValue(random, input.type));
  return encode({ abi: KNOWN_CALLS_ABI, functionName: item.name, args });
}

/** A valid call with one byte after the selector replaced: often dirty padding, a bad offset or a new value. */
function withOneByteChanged(random: Random, data: Hex): Hex {
  const bytes = (data.length - 10) / 2;
  if (bytes === 0) return data;
  const at = 10 + 2 * random.int(bytes);
  return `${data.slice(0, at)}${hex(random.bytes(1)).slice(2)}${data.slice(at + 2)}` as Hex;
}

describe('calldata decoding', () => {
  it('agrees with viem\'s decodeFunctionData on random arguments of every known call (seed 20261205)', () => {
    const random = createRandom(SEED);
    for (let i = 0; i < 400; i++) {
      const data = validCall(random);
      const ours = decodeKnownCall(data);
      expect(ours?.call, `seed ${SEED} case ${i}`).toEqual(decodeFunctionData({ abi: KNOWN_CALLS_ABI, data }));
      expect(ours?.trailingData).toBeUndefined();
      const described = describeCall({ chainId: 1n, from: SENDER, to: SENDER, value: 0n, data }, () => undefined);
      expect(described.value).toBe(0n);
    }
  });

  it('never throws on random bytes after a known selector, and recognises them only when viem decodes them canonically (seed 20261205)', () => {
    const random = createRandom(SEED + 1);
    const selectors = KNOWN_CALLS_ABI.map((item) => toFunctionSelector(item));
    let recognised = 0;
    for (let i = 0; i < 300; i++) {
      const data = random.int(2) === 0
        ? `${random.pick(selectors)}${hex(random.bytes(random.int(5) * 32 + random.int(2) * random.int(32))).slice(2)}` as Hex
        : withOneByteChanged(random, validCall(random));
      const described = describeCall({ chainId: 1n, from: SENDER, to: SENDER, value: 0n, data }, () => undefined);
      if (described.action.kind === 'unknown') continue;
      recognised++;
      expect(decodeKnownCall(data)?.call, `seed ${SEED + 1} case ${i}`).toEqual(decodeFunctionData({ abi: KNOWN_CALLS_ABI, data }));
    }
    expect(recognised).toBeGreaterThan(0);
  });
});
