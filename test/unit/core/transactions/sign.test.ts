import { Transaction, Wallet } from 'ethers';
import { keccak256, type TransactionSerializable } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { describe, expect, it } from 'vitest';
import {
  checkTransaction, decodeSignedTransaction, MAX_UINT256, privateKeyToAddress, recoverTransactionSender, signTransaction,
  type CheckedTransaction, type TransactionInput,
} from '../../../../src/core';
import { createRandom, hex, type Random } from '../../../helpers/random';

const KEY = Buffer.from('4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318', 'hex');

function randomInteger(random: Random, maxBytes: number): bigint {
  const choice = random.int(6);
  if (choice === 0) return 0n;
  if (choice === 1) return (1n << BigInt(maxBytes * 8)) - 1n;
  return BigInt(hex(random.bytes(1 + random.int(maxBytes))));
}

/** Fields ethers can take too: nonce and chain id within JavaScript's safe integers. */
function randomInput(random: Random, type: TransactionInput['type']): TransactionInput {
  const common = {
    chainId: 1n + BigInt(random.int(2 ** 31)),
    nonce: random.int(3) === 0 ? 0n : BigInt(random.int(2 ** 30)),
    to: random.int(4) === 0 ? null : hex(random.bytes(20)),
    value: randomInteger(random, 32),
    data: hex(random.bytes(random.pick([0, 1, 4, 55, 56, 68, 300, 2000]))),
    gas: 21000n + BigInt(random.int(30_000_000)),
  };
  if (type === 'legacy') return { type: 'legacy', ...common, gasPrice: randomInteger(random, 32) };
  const maxFeePerGas = randomInteger(random, 32);
  return { type: 'eip1559', ...common, maxFeePerGas, maxPriorityFeePerGas: random.int(3) === 0 ? maxFeePerGas : maxFeePerGas / 3n };
}

function forViem(tx: CheckedTransaction): TransactionSerializable {
  const common = {
    chainId: Number(tx.chainId), nonce: Number(tx.nonce), to: tx.to as `0x${string}` | null, value: tx.value, data: tx.data, gas: tx.gas,
  };
  return tx.type === 'legacy'
    ? { type: 'legacy', ...common, gasPrice: tx.gasPrice }
    : { type: 'eip1559', ...common, maxFeePerGas: tx.maxFeePerGas, maxPriorityFeePerGas: tx.maxPriorityFeePerGas };
}

function forEthers(tx: CheckedTransaction) {
  const common = { chainId: tx.chainId, nonce: Number(tx.nonce), to: tx.to, value: tx.value, data: tx.data, gasLimit: tx.gas };
  return tx.type === 'legacy'
    ? { type: 0, ...common, gasPrice: tx.gasPrice }
    : { type: 2, ...common, maxFeePerGas: tx.maxFeePerGas, maxPriorityFeePerGas: tx.maxPriorityFeePerGas };
}

async function expectSameAsViemAndEthers(privateKey: Uint8Array, input: TransactionInput, label: string): Promise<void> {
  const tx = checkTransaction(input);
  const signed = signTransaction(privateKey, tx);
  expect(signed.raw, `${label}: viem`).toBe(await privateKeyToAccount(hex(privateKey)).signTransaction(forViem(tx)));
  expect(signed.raw, `${label}: ethers`).toBe(await new Wallet(hex(privateKey)).signTransaction(forEthers(tx)));
  expect(signed.hash, label).toBe(keccak256(signed.raw));
  expect(recoverTransactionSender(signed.raw), label).toBe(privateKeyToAddress(privateKey));
  expect(Transaction.from(signed.raw).from, label).toBe(privateKeyToAddress(privateKey));
}

const FIXED: readonly (readonly [string, TransactionInput])[] = [
  ['a type 2 transfer of 1 ETH on mainnet', {
    type: 'eip1559', chainId: 1n, nonce: 0n, to: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8', value: 10n ** 18n,
    gas: 21000n, maxFeePerGas: 30_000_000_000n, maxPriorityFeePerGas: 1_000_000_000n,
  }],
  ['a type 2 ERC-20 transfer call on anvil', {
    type: 'eip1559', chainId: 31337n, nonce: 7n, to: '0x5FbDB2315678afecb367f032d93F642f64180aa3', gas: 65000n,
    data: '0xa9059cbb00000000000000000000000070997970c51812dc3a010c7d01b50e0d17dc79c80000000000000000000000000000000000000000000000056bc75e2d63100000',
    maxFeePerGas: 2_000_000_000n, maxPriorityFeePerGas: 0n,
  }],
  ['a type 2 contract creation', {
    type: 'eip1559', chainId: 31337n, nonce: 1n, to: null, gas: 3_000_000n, data: `0x${'60'.repeat(5000)}`,
    maxFeePerGas: 10n, maxPriorityFeePerGas: 10n,
  }],
  ['a legacy transfer with the EIP-155 example fields', {
    type: 'legacy', chainId: 1n, nonce: 9n, to: '0x3535353535353535353535353535353535353535', value: 10n ** 18n,
    gas: 21000n, gasPrice: 20_000_000_000n,
  }],
  ['a legacy contract creation with zero everything', { type: 'legacy', chainId: 1n, nonce: 0n, gas: 0n, gasPrice: 0n }],
  ['a type 2 transaction with the largest value and fees', {
    type: 'eip1559', chainId: 31337n, nonce: 2n ** 53n - 1n, to: '0x0000000000000000000000000000000000000000',
    value: MAX_UINT256, gas: 2n ** 64n - 1n, maxFeePerGas: MAX_UINT256, maxPriorityFeePerGas: MAX_UINT256, data: '0x00',
  }],
];

describe('signTransaction', () => {
  it.each(FIXED)('signs %s byte for byte as viem and ethers do', async (label, input) => {
    await expectSameAsViemAndEthers(KEY, input, label);
  });

  it('matches the signed transaction given in EIP-155', () => {
    const tx = checkTransaction(FIXED[3]?.[1] ?? { type: 'legacy', chainId: 0n, nonce: 0n, gas: 0n });
    const eip155Key = Buffer.from('46'.repeat(32), 'hex');
    expect(signTransaction(eip155Key, tx).raw).toBe(
      '0xf86c098504a817c800825208943535353535353535353535353535353535353535880de0b6b3a76400008025a028ef61340bd939bc2195fe537567866003e1a15d3c71ff63e1590620aa636276a067cbe9d8997f761aecb703304b3800ccf555c9f3dc64214b297fb1966a3b6d83',
    );
  });

  it.each(['eip1559', 'legacy'] as const)('agrees with viem and ethers on 150 random %s transactions', async (type) => {
    for (let seed = 1; seed <= 150; seed++) {
      const random = createRandom(9000 + seed);
      const privateKey = random.bytes(32);
      privateKey[0] = 0x33;
      await expectSameAsViemAndEthers(privateKey, randomInput(random, type), `${type} seed ${9000 + seed}`);
    }
  });

  it('is deterministic: the same key and transaction give the same bytes', () => {
    const tx = checkTransaction(FIXED[0]?.[1] ?? { type: 'legacy', chainId: 0n, nonce: 0n, gas: 0n });
    expect(signTransaction(KEY, tx)).toEqual(signTransaction(KEY, tx));
  });

  it('refuses a private key that is not a valid secp256k1 scalar', () => {
    const tx = checkTransaction(FIXED[0]?.[1] ?? { type: 'legacy', chainId: 0n, nonce: 0n, gas: 0n });
    expect(() => signTransaction(new Uint8Array(32), tx)).toThrow(RangeError);
    expect(() => signTransaction(new Uint8Array(31).fill(1), tx)).toThrow(RangeError);
  });
});

describe('decodeSignedTransaction', () => {
  it('gives back the fields that were signed, the signature and the hash', () => {
    for (const [label, input] of FIXED) {
      const tx = checkTransaction(input);
      const signed = signTransaction(KEY, tx);
      const decoded = decodeSignedTransaction(signed.raw);
      expect(decoded.transaction, label).toEqual(tx);
      expect(decoded.hash, label).toBe(signed.hash);
      expect(decoded.from, label).toBe(privateKeyToAddress(KEY));
      const parsed = Transaction.from(signed.raw);
      expect(decoded.signature.r, label).toBe(BigInt(parsed.signature?.r ?? 0));
      expect(decoded.signature.yParity, label).toBe(parsed.signature?.yParity);
    }
  });
});
