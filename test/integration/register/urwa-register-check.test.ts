// The register check against the example registry's own ERC-7943 token (UrwaShareToken, compiled with
// solc-js) on anvil: for each of the standard's rules, the wallet's verdict is compared with what the token
// does when the transfer is attempted (a holder's transfer, a spender's transferFrom, a relayed ERC-3009
// authorization), and the token itself is checked against the standard.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeErrorResult, encodeFunctionData, parseSignature, parseUnits, toHex, type Address, type Hex } from 'viem';
import { ERC7943_FUNGIBLE_INTERFACE_ID, transfersOfTypedData, type ShareholderAction } from '../../../src/core';
import { urwaShareTokenAbi } from '../../../example/registry/chain/abi';
import { startAnvil, type AnvilNode } from '../../../example/registry/chain/anvil';
import { anvilAccount, registryPublicClient, RELAYER_ACCOUNT_INDEX } from '../../../example/registry/chain/deploy';
import { deployUrwaCompany, type DeployedUrwaCompany } from '../../../example/registry/chain/deploy-urwa';
import {
  approveUrwaShares, forcedTransfer, setFrozenTokens, setReceiveAllowed, setSendAllowed, setTransferLimit,
} from '../../../example/registry/chain/urwa-actions';
import { createJsonRpcClient } from '../../../src/background/platform/json-rpc';
import { registerHoldingsReads } from '../../../src/background/services/register-holdings-reads';
import { attempt, expectChainAgrees, registerUnderTest, revertReason, type ChainOutcome } from './register-under-test';

const shares = (n: string) => parseUnits(n, 18);
const SPENDER = 3;

let chain: AnvilNode;
let company: DeployedUrwaCompany;
let wallet: Awaited<ReturnType<typeof registerUnderTest>>;
let client: Awaited<ReturnType<typeof registryPublicClient>>;
let first: Address;
let second: Address;
let third: Address;

beforeAll(async () => {
  chain = await startAnvil();
  company = await deployUrwaCompany(chain.rpcUrl);
  wallet = await registerUnderTest(chain.rpcUrl);
  client = await registryPublicClient(chain.rpcUrl);
  [first, second, third] = [0, 1, 2].map((i) => anvilAccount(i).address) as [Address, Address, Address];
});
afterAll(async () => { await chain.stop(); });

const read = (functionName: 'balanceOf' | 'getFrozenTokens', account: Address) =>
  client.readContract({ address: company.token, abi: urwaShareTokenAbi, functionName, args: [account] });

/** The token's custom error in a revert the node reports as "custom error 0x<selector>: <arguments>". */
function errorName(outcome: ChainOutcome): string | undefined {
  const found = /custom error (0x[0-9a-f]{8}):? ?([0-9a-f]*)/.exec(revertReason(outcome));
  if (found === null) return undefined;
  return decodeErrorResult({ abi: urwaShareTokenAbi, data: `${found[1] ?? ''}${found[2] ?? ''}` as Hex }).errorName;
}
const check = (from: Address, to: Address, amount: bigint) => wallet.register.check(wallet.network, { token: company.token, from, transfers: [{ to, amount }] });

/** The verdict on account 0's transfer, and what the token does with it. */
async function holderTransfer(to: Address, amount: bigint) {
  const verdict = await check(first, to, amount);
  const outcome = await attempt(chain.rpcUrl, 0, company.token, encodeFunctionData({ abi: urwaShareTokenAbi, functionName: 'transfer', args: [to, amount] }));
  expectChainAgrees(verdict, outcome);
  return { verdict, outcome };
}

describe('the example ERC-7943 share token', () => {
  it('declares IERC7943Fungible under the interface id the wallet computes, and ERC-165, but not 0xffffffff', async () => {
    const supports = (id: Hex) => client.readContract({ address: company.token, abi: urwaShareTokenAbi, functionName: 'supportsInterface', args: [id] });
    expect(await supports(ERC7943_FUNGIBLE_INTERFACE_ID as Hex)).toBe(true);
    expect(await supports('0x01ffc9a7')).toBe(true);
    expect(await supports('0xffffffff')).toBe(false);
  });

  it('lets the agent take frozen shares with forcedTransfer, unfreezing them first', async () => {
    await setFrozenTokens(chain.rpcUrl, company.token, second, shares('400'));
    await forcedTransfer(chain.rpcUrl, company.token, second, first, shares('100'));
    expect(await read('getFrozenTokens', second)).toBe(shares('300'));
    expect(await read('balanceOf', second)).toBe(shares('300'));
    await forcedTransfer(chain.rpcUrl, company.token, first, second, shares('100'));
    await setFrozenTokens(chain.rpcUrl, company.token, second, 0n);
  });
});

describe('the register check of an ERC-7943 token on anvil', () => {
  it('recognises the token by ERC-165, once', async () => {
    const before = wallet.counter.requests;
    expect(await wallet.register.standardOf(wallet.network, company.token)).toBe('erc7943');
    expect(await wallet.register.standardOf(wallet.network, company.token)).toBe('erc7943');
    expect(wallet.counter.requests - before).toBe(1);
  });

  it('accepts a transfer between allowed holders in one request, and the chain mines it', async () => {
    await wallet.register.standardOf(wallet.network, company.token);
    const before = wallet.counter.requests;
    expect((await holderTransfer(second, shares('10'))).verdict).toEqual({ kind: 'accepted', standard: 'erc7943' });
    expect(wallet.counter.requests - before).toBe(1);
  });

  it('names a sender the agent stopped from sending, before a recipient who may not receive, as the token refuses it', async () => {
    await setSendAllowed(chain.rpcUrl, company.token, first, false);
    try {
      const { verdict, outcome } = await holderTransfer(company.outsider, 1n);
      expect(verdict).toMatchObject({ kind: 'refused', refusal: { rule: 'sender-not-allowed', account: first } });
      expect(errorName(outcome)).toBe('ERC7943CannotSend');
    } finally {
      await setSendAllowed(chain.rpcUrl, company.token, first, true);
    }
  });

  it('names a recipient who may not receive, as the token refuses it', async () => {
    const { verdict, outcome } = await holderTransfer(company.outsider, 1n);
    expect(verdict).toMatchObject({ kind: 'refused', refusal: { rule: 'recipient-not-allowed', account: company.outsider } });
    expect(errorName(outcome)).toBe('ERC7943CannotReceive');
  });

  it('names a recipient the agent stopped from receiving, and accepts again once allowed', async () => {
    await setReceiveAllowed(chain.rpcUrl, company.token, third, false);
    expect((await holderTransfer(third, 1n)).verdict).toMatchObject({ refusal: { rule: 'recipient-not-allowed', account: third } });
    await setReceiveAllowed(chain.rpcUrl, company.token, third, true);
    expect((await holderTransfer(third, 1n)).verdict.kind).toBe('accepted');
  });

  it('says how many shares are frozen and how many can move; the token refuses more and mines what can move', async () => {
    const balance = await read('balanceOf', first);
    await setFrozenTokens(chain.rpcUrl, company.token, first, shares('100'));
    try {
      const { verdict, outcome } = await holderTransfer(second, balance - shares('99'));
      expect(verdict).toMatchObject({
        refusal: { rule: 'insufficient-available', balance, frozen: shares('100'), available: balance - shares('100'), amount: balance - shares('99') },
      });
      expect(errorName(outcome)).toBe('ERC7943InsufficientUnfrozenBalance');
      expect((await holderTransfer(second, shares('1'))).verdict.kind).toBe('accepted');
    } finally {
      await setFrozenTokens(chain.rpcUrl, company.token, first, 0n);
    }
  });

  it('lets nothing move when the agent froze more than the holder holds, as the token does, and the holdings read say so', async () => {
    await setFrozenTokens(chain.rpcUrl, company.token, first, shares('5000'));
    try {
      const { verdict } = await holderTransfer(second, 1n);
      expect(verdict).toMatchObject({ refusal: { rule: 'insufficient-available', frozen: shares('5000'), available: 0n } });
      const stored = await wallet.db.get('registers', [wallet.network.chainId, company.token]);
      if (stored === undefined) throw new Error('the token was probed in an earlier test');
      const reads = registerHoldingsReads([stored], [first, company.outsider], 'latest');
      expect(reads.read(await createJsonRpcClient((url, init) => fetch(url, init)).batch(chain.rpcUrl, reads.calls)).rows).toEqual([
        { token: company.token, account: first, frozenTokens: shares('5000').toString(), canSend: true, canReceive: true },
        { token: company.token, account: company.outsider, frozenTokens: '0', canSend: false, canReceive: false },
      ]);
    } finally {
      await setFrozenTokens(chain.rpcUrl, company.token, first, 0n);
    }
  });

  it('refuses what only canTransfer refuses (a cap per transfer), as the token does', async () => {
    await setTransferLimit(chain.rpcUrl, company.token, shares('5'));
    try {
      const { verdict, outcome } = await holderTransfer(second, shares('6'));
      expect(verdict).toMatchObject({ refusal: { rule: 'transfer-not-allowed' } });
      expect(errorName(outcome)).toBe('ERC7943CannotTransfer');
      expect((await holderTransfer(second, shares('5'))).verdict.kind).toBe('accepted');
    } finally {
      await setTransferLimit(chain.rpcUrl, company.token, 0n);
    }
  });

  it('checks a transferFrom against the owner of the shares, not the sender, as the token does', async () => {
    await approveUrwaShares(chain.rpcUrl, company.token, 1, anvilAccount(SPENDER).address, shares('50'));
    const data = encodeFunctionData({ abi: urwaShareTokenAbi, functionName: 'transferFrom', args: [second, first, shares('5')] });
    await setSendAllowed(chain.rpcUrl, company.token, second, false);
    try {
      const verdict = await check(second, first, shares('5'));
      expect(verdict).toMatchObject({ refusal: { rule: 'sender-not-allowed', account: second } });
      expectChainAgrees(verdict, await attempt(chain.rpcUrl, SPENDER, company.token, data));
    } finally {
      await setSendAllowed(chain.rpcUrl, company.token, second, true);
    }
    const verdict = await check(second, first, shares('5'));
    expect(verdict.kind).toBe('accepted');
    expectChainAgrees(verdict, await attempt(chain.rpcUrl, SPENDER, company.token, data));
  });

  it('checks an ERC-3009 authorization the holder signs, as the token refuses or mines it when relayed', async () => {
    const holder = anvilAccount(0);
    let nonce = 0;
    async function signedAuthorization(to: Address, value: bigint) {
      nonce += 1;
      const message = { from: holder.address, to, value, validAfter: 0n, validBefore: 2n ** 48n, nonce: toHex(nonce, { size: 32 }) };
      const signature = await holder.signTypedData({
        domain: { name: company.tokenName, version: '1', chainId: company.chainId, verifyingContract: company.token },
        types: { TransferWithAuthorization: [
          { name: 'from', type: 'address' }, { name: 'to', type: 'address' }, { name: 'value', type: 'uint256' },
          { name: 'validAfter', type: 'uint256' }, { name: 'validBefore', type: 'uint256' }, { name: 'nonce', type: 'bytes32' },
        ] },
        primaryType: 'TransferWithAuthorization', message,
      });
      const { v, r, s } = parseSignature(signature);
      const action: ShareholderAction = {
        kind: 'transfer', token: { address: company.token, chainId: BigInt(company.chainId), known: undefined },
        from: holder.address, to, amount: value, validAfter: 0n, validBefore: message.validBefore, submitter: 'anyone',
      };
      const proposed = transfersOfTypedData(action);
      if (proposed === undefined) throw new Error('a TransferWithAuthorization is a transfer');
      return {
        verdict: await wallet.register.check(wallet.network, proposed),
        relay: encodeFunctionData({
          abi: urwaShareTokenAbi, functionName: 'transferWithAuthorization',
          args: [message.from, message.to, message.value, message.validAfter, message.validBefore, message.nonce, Number(v), r, s],
        }),
      };
    }
    const refused = await signedAuthorization(company.outsider, 1n);
    expect(refused.verdict).toMatchObject({ refusal: { rule: 'recipient-not-allowed', account: company.outsider } });
    expectChainAgrees(refused.verdict, await attempt(chain.rpcUrl, RELAYER_ACCOUNT_INDEX, company.token, refused.relay));
    const accepted = await signedAuthorization(second, shares('1'));
    expect(accepted.verdict.kind).toBe('accepted');
    expectChainAgrees(accepted.verdict, await attempt(chain.rpcUrl, RELAYER_ACCOUNT_INDEX, company.token, accepted.relay));
  });
});
