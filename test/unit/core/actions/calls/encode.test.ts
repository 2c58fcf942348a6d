import { encodeFunctionData, erc20Abi, getAddress, parseAbi } from 'viem';
import { describe, expect, it } from 'vitest';
import { describeCall, encodeDelegate, encodeTransfer, MAX_UINT256 } from '../../../../../src/core';
import { createRandom, hex } from '../../../../helpers/random';

const SEED = 20261214;
const TOKEN = '0x5FbDB2315678afecb367f032d93F642f64180aa3';
const ALICE = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266';
const BOB = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
/** OpenZeppelin 5 governance/utils/Votes.sol, written out independently of the wallet's ABI. */
const votesAbi = parseAbi(['function delegate(address delegatee)']);

describe('the calls the wallet proposes itself', () => {
  it('encodes transfer(to, amount) exactly as viem does with its own ERC-20 ABI, on random inputs (seed 20261214)', () => {
    const random = createRandom(SEED);
    for (let i = 0; i < 200; i++) {
      const to = getAddress(hex(random.bytes(20)));
      const amount = i === 0 ? MAX_UINT256 : BigInt(hex(random.bytes(1 + random.int(32))));
      expect(encodeTransfer(to, amount)).toBe(encodeFunctionData({ abi: erc20Abi, functionName: 'transfer', args: [to, amount] }));
      expect(encodeTransfer(to.toLowerCase(), amount)).toBe(encodeTransfer(to, amount));
    }
  });

  it('encodes delegate(delegatee) exactly as viem does with the Votes ABI', () => {
    const random = createRandom(SEED + 1);
    for (let i = 0; i < 50; i++) {
      const delegatee = getAddress(hex(random.bytes(20)));
      expect(encodeDelegate(delegatee)).toBe(encodeFunctionData({ abi: votesAbi, functionName: 'delegate', args: [delegatee] }));
    }
  });

  it('proposes what the approval window then describes: a share transfer, and activating one\'s own votes', () => {
    const request = { chainId: 31337n, from: ALICE, to: TOKEN, value: 0n };
    expect(describeCall({ ...request, data: encodeTransfer(BOB, 10n ** 19n) }, () => undefined).action)
      .toMatchObject({ kind: 'token-transfer', to: BOB, amount: 10n ** 19n });
    expect(describeCall({ ...request, data: encodeDelegate(ALICE) }, () => undefined).action)
      .toMatchObject({ kind: 'delegate', delegatee: ALICE, toSelf: true });
  });

  it('refuses a recipient with a wrong EIP-55 checksum or that is no address, and an amount outside uint256', () => {
    const mistyped = `${BOB.slice(0, -1)}c`;
    expect(() => encodeTransfer(mistyped, 1n)).toThrow(TypeError);
    expect(() => encodeTransfer(mistyped, 1n)).toThrow(/wrong EIP-55 checksum/);
    expect(() => encodeDelegate('0x1234')).toThrow(TypeError);
    expect(() => encodeTransfer(BOB, -1n)).toThrow(RangeError);
    expect(() => encodeTransfer(BOB, MAX_UINT256 + 1n)).toThrow(RangeError);
  });
});
