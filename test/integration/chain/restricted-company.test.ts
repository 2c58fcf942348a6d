// The example registry's second company on a real chain: the ERC-3643 (T-REX) suite deployed on anvil from
// the npm packages' own artifacts, with verified holders, and the rules such a token enforces on transfers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseUnits, toFunctionSelector, type Abi, type AbiFunction, type Address } from 'viem';
import { startAnvil, type AnvilNode } from '../../../example/registry/chain/anvil';
import { anvilAccount, registryPublicClient } from '../../../example/registry/chain/deploy';
import { deployRestrictedCompany, type DeployedRestrictedCompany } from '../../../example/registry/chain/deploy-trex';
import {
  freezePartialTokens, removeVerification, setAddressFrozen, setTokenPaused, transferRestrictedShares, TrexRevertError,
  unfreezePartialTokens,
} from '../../../example/registry/chain/trex-actions';
import {
  identityAbi, idFactoryAbi, trexArtifacts, trexComplianceAbi, trexFactoryAbi, trexIdentityRegistryAbi,
  trexImplementationAuthorityAbi, trexTokenAbi, type TrexContractName,
} from '../../../example/registry/chain/trex-artifacts';

const shares = (n: string) => parseUnits(n, 18);

let chain: AnvilNode;
let company: DeployedRestrictedCompany;
let client: Awaited<ReturnType<typeof registryPublicClient>>;

beforeAll(async () => {
  chain = await startAnvil();
  company = await deployRestrictedCompany(chain.rpcUrl);
  client = await registryPublicClient(chain.rpcUrl);
});
afterAll(async () => { await chain.stop(); });

const balanceOf = (account: Address) =>
  client.readContract({ address: company.token, abi: trexTokenAbi, functionName: 'balanceOf', args: [account] });
const isVerified = (account: Address) =>
  client.readContract({ address: company.identityRegistry, abi: trexIdentityRegistryAbi, functionName: 'isVerified', args: [account] });
const holder = (index: number) => {
  const found = company.holders[index];
  if (found === undefined) throw new Error(`no holder ${index}`);
  return found;
};

describe('the restricted company (ERC-3643) on anvil', () => {
  it('calls only functions that the packages\' own ABIs declare', async () => {
    const artifacts = await trexArtifacts();
    const typed: [TrexContractName, Abi][] = [
      ['Token', trexTokenAbi], ['IdentityRegistry', trexIdentityRegistryAbi], ['ModularCompliance', trexComplianceAbi],
      ['TREXImplementationAuthority', trexImplementationAuthorityAbi], ['TREXFactory', trexFactoryAbi],
      ['IdFactory', idFactoryAbi], ['ClaimIssuer', identityAbi],
    ];
    for (const [name, abi] of typed) {
      const selectors = (list: Abi) => list.filter((item): item is AbiFunction => item.type === 'function').map(toFunctionSelector);
      const shipped = new Set(selectors(artifacts[name].abi));
      for (const selector of selectors(abi)) expect(shipped, `${name} ${selector}`).toContain(selector);
    }
  });

  it('deploys a token with its name, symbol, decimals, registry and compliance, unpaused', async () => {
    const read = <const F extends 'name' | 'symbol' | 'decimals' | 'totalSupply' | 'paused' | 'identityRegistry' | 'compliance'>(functionName: F) =>
      client.readContract({ address: company.token, abi: trexTokenAbi, functionName });
    expect(await read('name')).toBe('Nordwind Bank Restricted Shares');
    expect(await read('symbol')).toBe('NRDW');
    expect(await read('decimals')).toBe(18);
    expect(await read('totalSupply')).toBe(shares('1500'));
    expect(await read('paused')).toBe(false);
    expect(await read('identityRegistry')).toBe(company.identityRegistry);
    expect(await read('compliance')).toBe(company.compliance);
    expect(await client.readContract({ address: company.compliance, abi: trexComplianceAbi, functionName: 'getTokenBound' }))
      .toBe(company.token);
    expect(await client.readContract({ address: company.token, abi: trexTokenAbi, functionName: 'isAgent', args: [company.agent] }))
      .toBe(true);
  });

  it('gives each verified holder its shares and its KYC claim, and leaves the outsider unverified', async () => {
    expect(company.holders.map((h) => h.address)).toEqual([0, 1, 2].map((i) => anvilAccount(i).address));
    for (const { address, shares: held, identity, country } of company.holders) {
      expect(await balanceOf(address)).toBe(held);
      expect(await isVerified(address)).toBe(true);
      expect(await client.readContract({ address: company.identityRegistry, abi: trexIdentityRegistryAbi, functionName: 'identity', args: [address] }))
        .toBe(identity);
      expect(await client.readContract({ address: company.identityRegistry, abi: trexIdentityRegistryAbi, functionName: 'investorCountry', args: [address] }))
        .toBe(country);
    }
    expect(company.unverified).toBe(anvilAccount(5).address);
    expect(await isVerified(company.unverified)).toBe(false);
  });

  it('mines a transfer between verified holders, estimated by the node above a plain ERC-20\'s gas', async () => {
    const [from, to] = [holder(0), holder(1)];
    const gas = await client.estimateContractGas({
      account: from.address, address: company.token, abi: trexTokenAbi, functionName: 'transfer', args: [to.address, shares('10')],
    });
    expect(gas).toBeGreaterThan(100_000n); // T-REX checks identity and compliance on every transfer
    const before = [await balanceOf(from.address), await balanceOf(to.address)];
    const { blockNumber } = await transferRestrictedShares(chain.rpcUrl, company.token, from.account, to.address, shares('10'));
    expect(blockNumber).toBeGreaterThan(company.blockNumber);
    expect(await balanceOf(from.address)).toBe((before[0] ?? 0n) - shares('10'));
    expect(await balanceOf(to.address)).toBe((before[1] ?? 0n) + shares('10'));
  });

  it('refuses a transfer to an unverified address with T-REX\'s "Transfer not possible"', async () => {
    const sent = transferRestrictedShares(chain.rpcUrl, company.token, holder(0).account, company.unverified, shares('1'));
    await expect(sent).rejects.toBeInstanceOf(TrexRevertError);
    await expect(sent).rejects.toMatchObject({ reason: 'Transfer not possible' });
    expect(await balanceOf(company.unverified)).toBe(0n);
  });

  it('refuses a transfer to a holder whose verification the agent removed', async () => {
    const [from, to] = [holder(1), holder(2)];
    await removeVerification(chain.rpcUrl, company.identityRegistry, to.address);
    expect(await isVerified(to.address)).toBe(false);
    await expect(transferRestrictedShares(chain.rpcUrl, company.token, from.account, to.address, shares('1')))
      .rejects.toMatchObject({ reason: 'Transfer not possible' });
  });

  it('refuses a transfer from a frozen address, and lets it move again once unfrozen', async () => {
    const [from, to] = [holder(0), holder(1)];
    await setAddressFrozen(chain.rpcUrl, company.token, from.address);
    await expect(transferRestrictedShares(chain.rpcUrl, company.token, from.account, to.address, shares('1')))
      .rejects.toMatchObject({ reason: 'wallet is frozen' });
    await setAddressFrozen(chain.rpcUrl, company.token, from.address, false);
    await transferRestrictedShares(chain.rpcUrl, company.token, from.account, to.address, shares('1'));
  });

  it('refuses to move frozen shares but moves the rest', async () => {
    const [from, to] = [holder(1), holder(0)];
    const balance = await balanceOf(from.address);
    await freezePartialTokens(chain.rpcUrl, company.token, from.address, balance - shares('5'));
    await expect(transferRestrictedShares(chain.rpcUrl, company.token, from.account, to.address, shares('6')))
      .rejects.toMatchObject({ reason: 'Insufficient Balance' });
    await transferRestrictedShares(chain.rpcUrl, company.token, from.account, to.address, shares('5'));
    await unfreezePartialTokens(chain.rpcUrl, company.token, from.address, balance - shares('5'));
  });

  it('refuses every transfer while the agent has paused the token', async () => {
    const [from, to] = [holder(0), holder(1)];
    await setTokenPaused(chain.rpcUrl, company.token);
    await expect(transferRestrictedShares(chain.rpcUrl, company.token, from.account, to.address, shares('1')))
      .rejects.toMatchObject({ reason: 'Pausable: paused' });
    await setTokenPaused(chain.rpcUrl, company.token, false);
    await transferRestrictedShares(chain.rpcUrl, company.token, from.account, to.address, shares('1'));
  });

  it('lets only the agent freeze an address', async () => {
    await expect(setAddressFrozen(chain.rpcUrl, company.token, holder(1).address, true, { agent: holder(0).account }))
      .rejects.toMatchObject({ reason: 'AgentRole: caller does not have the Agent role' });
  });
});
