// The preview's pure parts: eth_simulateV1's answer read into movements (native ones from the pseudo
// address of traceTransfers), movements netted per account and asset, rows with the fee, and the
// fallback's movements from a decoded call.
import { encodeFunctionData, erc20Abi, type Address } from 'viem';
import { describe, expect, it } from 'vitest';
import { describeCall, type TokenLookup } from '../../../../src/core';
import {
  balanceChanges, balanceDeltas, balanceKey, effectiveGasPrice, previewFee, readSimulation, SimulationAnswerError, transferFromLog,
  transfersFromCall, type AssetTransfer,
} from '../../../../src/core/transactions/preview';
import { ACME, ACME_TRANSFER, ACME_TRANSFER_REVERTED, ETH_SEND, HOLDER, SECOND } from './simulate-answers';

const NATIVE = { kind: 'native' } as const;
const TOKEN = { kind: 'token', address: ACME } as const;
const ZERO = '0x0000000000000000000000000000000000000000';
const THIRD = '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC';
const lookup: TokenLookup = () => ({ name: 'Acme Holdings Shares', symbol: 'ACME', decimals: 18 });

describe('reading eth_simulateV1 with traceTransfers', () => {
  it('reads a native transfer from the log of the pseudo address 0xEeee…EeeE as the native currency moving', () => {
    expect(readSimulation(ETH_SEND)).toEqual({
      status: 'success', gasUsed: 21_000n, returnData: '0x', transfers: [{ asset: NATIVE, from: HOLDER, to: SECOND, amount: 0x1000n }],
    });
  });

  it('reads a token transfer from its Transfer log and ignores the token\'s other events', () => {
    const simulated = readSimulation(ACME_TRANSFER);
    expect(simulated.gasUsed).toBe(0x19974n);
    expect(simulated.transfers).toEqual([{ asset: TOKEN, from: HOLDER, to: SECOND, amount: 100n * 10n ** 18n }]);
  });

  it('reads a reverted call as moving nothing, with its revert data', () => {
    const simulated = readSimulation(ACME_TRANSFER_REVERTED);
    expect(simulated.status).toBe('reverted');
    expect(simulated.transfers).toEqual([]);
    expect(simulated.returnData.startsWith('0xe450d38c')).toBe(true);
  });

  it('takes an ERC-721 Transfer (the token id as a fourth topic) for no fungible movement', () => {
    const [log] = ACME_TRANSFER[0]?.calls[0]?.logs ?? [];
    expect(transferFromLog({ ...log, topics: [...(log?.topics ?? []), `0x${'0'.repeat(63)}7`], data: '0x' })).toBeUndefined();
  });

  it('refuses answers that are not one block with one call of a known status', () => {
    const call = ACME_TRANSFER[0]?.calls[0];
    for (const answer of [null, [], [{}], [{ calls: [call, call] }], [{ calls: [{ ...call, status: '0x2' }] }],
      [{ calls: [{ ...call, gasUsed: 7 }] }], [{ calls: [{ ...call, logs: [{ address: ACME }] }] }]]) {
      expect(() => readSimulation(answer)).toThrow(SimulationAnswerError);
    }
  });
});

describe('balance deltas', () => {
  it('nets movements per account and asset, keeps pairs that cancel out, and leaves out the zero address of mints and burns', () => {
    const transfers: AssetTransfer[] = [
      { asset: TOKEN, from: HOLDER, to: SECOND, amount: 5n },
      { asset: TOKEN, from: SECOND, to: HOLDER, amount: 5n },
      { asset: NATIVE, from: HOLDER, to: THIRD, amount: 7n },
      { asset: TOKEN, from: ZERO, to: THIRD, amount: 9n },
    ];
    expect(balanceDeltas(transfers)).toEqual([
      { account: HOLDER, asset: TOKEN, delta: 0n },
      { account: SECOND, asset: TOKEN, delta: 0n },
      { account: HOLDER, asset: NATIVE, delta: -7n },
      { account: THIRD, asset: NATIVE, delta: 7n },
      { account: THIRD, asset: TOKEN, delta: 9n },
    ]);
  });

  it('puts the sender first, always with a native row that pays the fee', () => {
    const deltas = balanceDeltas([{ asset: TOKEN, from: HOLDER, to: SECOND, amount: 100n }]);
    const before = new Map([[balanceKey(HOLDER, NATIVE), 1000n], [balanceKey(HOLDER, TOKEN), 1500n], [balanceKey(SECOND.toLowerCase(), TOKEN), 800n]]);
    expect(balanceChanges({ sender: HOLDER, deltas, before, fee: 3n })).toEqual([
      { account: HOLDER, sender: true, asset: NATIVE, before: 1000n, after: 997n, fee: 3n },
      { account: HOLDER, sender: true, asset: TOKEN, before: 1500n, after: 1400n, fee: undefined },
      { account: SECOND, sender: false, asset: TOKEN, before: 800n, after: 900n, fee: undefined },
    ]);
  });

  it('refuses to make rows without every balance before', () => {
    expect(() => balanceChanges({ sender: HOLDER, deltas: [], before: new Map(), fee: 0n })).toThrow(RangeError);
  });
});

describe('the fee', () => {
  const eip1559 = { type: 'eip1559', maxFeePerGas: 100n, maxPriorityFeePerGas: 2n } as const;

  it('prices gas at base fee + priority fee, capped at the max fee, and the legacy gas price as it is', () => {
    expect(effectiveGasPrice(eip1559, 30n)).toBe(32n);
    expect(effectiveGasPrice(eip1559, 99n)).toBe(100n);
    expect(effectiveGasPrice(eip1559, undefined)).toBe(100n);
    expect(effectiveGasPrice({ type: 'legacy', gasPrice: 7n }, 30n)).toBe(7n);
  });

  it('counts the gas used when simulated, the whole limit otherwise, and the limit at the max fee as the most', () => {
    expect(previewFee({ gasUsed: 21_000n, gasLimit: 30_000n, fees: eip1559, baseFee: 30n })).toEqual({ gasUsed: 21_000n, likely: 21_000n * 32n, max: 30_000n * 100n });
    expect(previewFee({ gasUsed: undefined, gasLimit: 30_000n, fees: eip1559, baseFee: 30n }).likely).toBe(30_000n * 32n);
  });
});

describe('the fallback\'s movements from the call', () => {
  const call = (to: string | undefined, data: string, value = 0n) => describeCall({ chainId: 31337n, from: HOLDER, to, value, data }, lookup);
  const transfer = (method: 'transfer', to: string, amount: bigint) => encodeFunctionData({ abi: erc20Abi, functionName: method, args: [to as Address, amount] });

  it('moves the native value of a plain send to its recipient', () => {
    expect(transfersFromCall(call(SECOND, '0x', 5n), HOLDER)).toEqual([{ asset: NATIVE, from: HOLDER, to: SECOND, amount: 5n }]);
  });

  it('moves a token transfer\'s amount from the sender, and a transferFrom\'s from its owner', () => {
    expect(transfersFromCall(call(ACME, transfer('transfer', SECOND, 100n)), HOLDER)).toEqual([{ asset: TOKEN, from: HOLDER, to: SECOND, amount: 100n }]);
    const data = encodeFunctionData({ abi: erc20Abi, functionName: 'transferFrom', args: [THIRD, SECOND, 4n] });
    expect(transfersFromCall(call(ACME, data), HOLDER)).toEqual([{ asset: TOKEN, from: THIRD, to: SECOND, amount: 4n }]);
  });

  it('moves nothing for an allowance', () => {
    const data = encodeFunctionData({ abi: erc20Abi, functionName: 'approve', args: [SECOND, 4n] });
    expect(transfersFromCall(call(ACME, data), HOLDER)).toEqual([]);
  });

  it('has no reading for an unknown call or a contract creation, which could move anything', () => {
    expect(transfersFromCall(call(ACME, '0xdeadbeef'), HOLDER)).toBeUndefined();
    expect(transfersFromCall(call(undefined, '0x6080'), HOLDER)).toBeUndefined();
  });
});
