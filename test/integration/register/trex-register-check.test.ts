// The register check against the real ERC-3643 suite (T-REX 4.1.6 from @tokenysolutions/t-rex) on anvil:
// for each rule the agent or the owner can set, the wallet's verdict is compared with what the token does
// when the transfer is attempted from the holder's account.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeFunctionData, parseAbi, parseUnits, toFunctionSelector, type AbiFunction, type Address, type Hex } from 'viem';
import { startAnvil, type AnvilNode } from '../../../example/registry/chain/anvil';
import { anvilAccount, deployNamedToken, registryPublicClient, walletOf } from '../../../example/registry/chain/deploy';
import { deployRestrictedCompany, type DeployedRestrictedCompany } from '../../../example/registry/chain/deploy-trex';
import {
  freezePartialTokens, liftCountryRestriction, removeVerification, restrictCountry, setAddressFrozen, setTokenPaused, unfreezePartialTokens,
} from '../../../example/registry/chain/trex-actions';
import { countryRestrictModuleAbi, trexArtifacts, trexComplianceAbi, trexTokenAbi } from '../../../example/registry/chain/trex-artifacts';
import { createJsonRpcClient } from '../../../src/background/platform/json-rpc';
import { registerHoldingsReads } from '../../../src/background/services/register-holdings-reads';
import { attempt, expectChainAgrees, registerUnderTest, revertReason } from './register-under-test';

const shares = (n: string) => parseUnits(n, 18);
const transferFromAbi = parseAbi(['function transferFrom(address, address, uint256) returns (bool)', 'function approve(address, uint256) returns (bool)']);
const SPENDER = 3;

let chain: AnvilNode;
let company: DeployedRestrictedCompany;
let wallet: Awaited<ReturnType<typeof registerUnderTest>>;
let first: Address;
let second: Address;
let third: Address;

beforeAll(async () => {
  chain = await startAnvil();
  company = await deployRestrictedCompany(chain.rpcUrl);
  wallet = await registerUnderTest(chain.rpcUrl);
  [first, second, third] = [0, 1, 2].map((i) => anvilAccount(i).address) as [Address, Address, Address];
});
afterAll(async () => { await chain.stop(); });

const transferData = (to: Address, amount: bigint) => encodeFunctionData({ abi: trexTokenAbi, functionName: 'transfer', args: [to, amount] });
const check = (from: Address, transfers: { to: Address; amount: bigint }[]) => wallet.register.check(wallet.network, { token: company.token, from, transfers });

/** The verdict on account 0's transfer, and what the token does with it. */
async function holderTransfer(to: Address, amount: bigint) {
  const verdict = await check(first, [{ to, amount }]);
  const outcome = await attempt(chain.rpcUrl, 0, company.token, transferData(to, amount));
  expectChainAgrees(verdict, outcome);
  return { verdict, outcome };
}

describe('the register check of a T-REX token on anvil', () => {
  it('recognises the T-REX token once, and a plain ERC-20 as unrestricted', async () => {
    expect(await wallet.register.standardOf(wallet.network, company.token)).toBe('erc3643');
    const plain = await deployNamedToken(chain.rpcUrl, { name: 'Plain Shares', symbol: 'PLN' });
    expect(await wallet.register.check(wallet.network, { token: plain, from: first, transfers: [{ to: second, amount: 1n }] })).toEqual({ kind: 'unrestricted' });
    expect(await wallet.db.get('registers', [wallet.network.chainId, plain])).toMatchObject({ standard: 'plain' });
  });

  it('accepts a transfer between verified holders in two requests, and the chain mines it', async () => {
    await wallet.register.standardOf(wallet.network, company.token);
    const before = wallet.counter.requests;
    const { verdict } = await holderTransfer(second, shares('10'));
    expect(verdict).toEqual({ kind: 'accepted', standard: 'erc3643' });
    expect(wallet.counter.requests - before).toBe(2);
  });

  it('refuses every transfer while the agent has paused the token, as the token does', async () => {
    await setTokenPaused(chain.rpcUrl, company.token, true);
    try {
      const { verdict, outcome } = await holderTransfer(second, 1n);
      expect(verdict).toMatchObject({ kind: 'refused', refusal: { rule: 'paused' } });
      expect(revertReason(outcome)).toContain('Pausable: paused');
    } finally {
      await setTokenPaused(chain.rpcUrl, company.token, false);
    }
  });

  it('says how many shares are frozen and how many can move; the token refuses more and mines what can move', async () => {
    await freezePartialTokens(chain.rpcUrl, company.token, first, shares('100'));
    try {
      const balance = shares('990');
      const { verdict, outcome } = await holderTransfer(second, shares('891'));
      expect(verdict).toMatchObject({
        kind: 'refused', refusal: { rule: 'insufficient-available', balance, frozen: shares('100'), available: shares('890'), amount: shares('891') },
      });
      expect(revertReason(outcome)).toContain('Insufficient Balance');
      expect((await holderTransfer(second, shares('1'))).verdict.kind).toBe('accepted');
    } finally {
      await unfreezePartialTokens(chain.rpcUrl, company.token, first, shares('100'));
    }
  });

  it('reads each account\'s frozen shares, whole-account freeze and verification for the holdings, as the token has them', async () => {
    await freezePartialTokens(chain.rpcUrl, company.token, first, shares('100'));
    await setAddressFrozen(chain.rpcUrl, company.token, second, true);
    try {
      const stored = await wallet.db.get('registers', [wallet.network.chainId, company.token]);
      if (stored === undefined) throw new Error('the token was probed in an earlier test');
      const reads = registerHoldingsReads([stored], [first, second, company.unverified], 'latest');
      const { tokens, rows } = reads.read(await createJsonRpcClient((url, init) => fetch(url, init)).batch(chain.rpcUrl, reads.calls));
      expect(tokens).toEqual([{ token: company.token, standard: 'erc3643', paused: false }]);
      expect(rows).toEqual([
        { token: company.token, account: first, frozenTokens: shares('100').toString(), accountFrozen: false, verified: true },
        { token: company.token, account: second, frozenTokens: '0', accountFrozen: true, verified: true },
        { token: company.token, account: company.unverified, frozenTokens: '0', accountFrozen: false, verified: false },
      ]);
    } finally {
      await unfreezePartialTokens(chain.rpcUrl, company.token, first, shares('100'));
      await setAddressFrozen(chain.rpcUrl, company.token, second, false);
    }
  });

  it('names a frozen sender, before an unverified recipient, as the token refuses it', async () => {
    await setAddressFrozen(chain.rpcUrl, company.token, first, true);
    try {
      const { verdict, outcome } = await holderTransfer(company.unverified, 1n);
      expect(verdict).toMatchObject({ kind: 'refused', refusal: { rule: 'sender-frozen', account: first } });
      expect(revertReason(outcome)).toContain('wallet is frozen');
    } finally {
      await setAddressFrozen(chain.rpcUrl, company.token, first, false);
    }
  });

  it('names a frozen recipient, as the token refuses it', async () => {
    await setAddressFrozen(chain.rpcUrl, company.token, second, true);
    try {
      const { verdict, outcome } = await holderTransfer(second, 1n);
      expect(verdict).toMatchObject({ kind: 'refused', refusal: { rule: 'recipient-frozen', account: second } });
      expect(revertReason(outcome)).toContain('wallet is frozen');
    } finally {
      await setAddressFrozen(chain.rpcUrl, company.token, second, false);
    }
  });

  it('names a recipient who is not a verified investor, as the token refuses it', async () => {
    const { verdict, outcome } = await holderTransfer(company.unverified, 1n);
    expect(verdict).toMatchObject({ kind: 'refused', refusal: { rule: 'recipient-unverified', account: company.unverified } });
    expect(revertReason(outcome)).toContain('Transfer not possible');
  });

  it('refuses what T-REX\'s own CountryRestrictModule refuses in the compliance, and accepts again once it is lifted', async () => {
    const artifacts = await trexArtifacts();
    const declared = (name: 'ModularCompliance' | 'CountryRestrictModule') =>
      new Set(artifacts[name].abi.filter((item): item is AbiFunction => item.type === 'function').map(toFunctionSelector));
    for (const item of trexComplianceAbi) expect(declared('ModularCompliance')).toContain(toFunctionSelector(item));
    for (const item of countryRestrictModuleAbi) expect(declared('CountryRestrictModule')).toContain(toFunctionSelector(item));

    const france = 250; // the third holder's registered country
    const module = await restrictCountry(chain.rpcUrl, company.compliance, france);
    const { verdict, outcome } = await holderTransfer(third, 1n);
    expect(verdict).toMatchObject({ kind: 'refused', refusal: { rule: 'compliance', reverted: false } });
    expect(revertReason(outcome)).toContain('Transfer not possible');
    await liftCountryRestriction(chain.rpcUrl, company.compliance, module, france);
    expect((await holderTransfer(third, 1n)).verdict.kind).toBe('accepted');
  });

  it('checks a transferFrom against the owner of the shares, not the sender, as the token does', async () => {
    const spender = anvilAccount(SPENDER).address;
    const [owner, client] = await Promise.all([walletOf(chain.rpcUrl, 1), registryPublicClient(chain.rpcUrl)]);
    await client.waitForTransactionReceipt({
      hash: await owner.writeContract({ address: company.token, abi: transferFromAbi, functionName: 'approve', args: [spender, shares('50')] }),
    });
    const data = (amount: bigint): Hex => encodeFunctionData({ abi: transferFromAbi, functionName: 'transferFrom', args: [second, first, amount] });

    await setAddressFrozen(chain.rpcUrl, company.token, second, true);
    try {
      const verdict = await check(second, [{ to: first, amount: shares('5') }]);
      expect(verdict).toMatchObject({ kind: 'refused', refusal: { rule: 'sender-frozen', account: second } });
      expectChainAgrees(verdict, await attempt(chain.rpcUrl, SPENDER, company.token, data(shares('5'))));
    } finally {
      await setAddressFrozen(chain.rpcUrl, company.token, second, false);
    }
    const verdict = await check(second, [{ to: first, amount: shares('5') }]);
    expect(verdict.kind).toBe('accepted');
    expectChainAgrees(verdict, await attempt(chain.rpcUrl, SPENDER, company.token, data(shares('5'))));
  });

  it('names the first refused recipient of a batchTransfer, which the token refuses as a whole, and mines a batch it accepts', async () => {
    const batchData = (to: Address[], amounts: bigint[]) => encodeFunctionData({ abi: trexTokenAbi, functionName: 'batchTransfer', args: [to, amounts] });
    const refused = await check(first, [{ to: second, amount: 1n }, { to: company.unverified, amount: 2n }, { to: third, amount: 3n }]);
    expect(refused).toMatchObject({ kind: 'refused', refusal: { rule: 'recipient-unverified', account: company.unverified }, transfer: { index: 1, count: 3 } });
    expectChainAgrees(refused, await attempt(chain.rpcUrl, 0, company.token, batchData([second, company.unverified, third], [1n, 2n, 3n])));

    const accepted = await check(first, [{ to: second, amount: 1n }, { to: third, amount: 2n }]);
    expect(accepted.kind).toBe('accepted');
    expectChainAgrees(accepted, await attempt(chain.rpcUrl, 0, company.token, batchData([second, third], [1n, 2n])));
  });

  it('names a holder whose verification the agent removed, as the token refuses it', async () => {
    await removeVerification(chain.rpcUrl, company.identityRegistry, third);
    const { verdict } = await holderTransfer(third, 1n);
    expect(verdict).toMatchObject({ kind: 'refused', refusal: { rule: 'recipient-unverified', account: third } });
  });

  it('could not check through a node that does not answer, and says which', async () => {
    const dead = { chainId: wallet.network.chainId, rpcUrl: 'http://127.0.0.1:9' };
    expect(await wallet.register.check(dead, { token: company.token, from: first, transfers: [{ to: second, amount: 1n }] })).toEqual({
      kind: 'unchecked', standard: 'erc3643', cause: 'node', message: 'the node at http://127.0.0.1:9 could not be reached',
    });
  });
});
