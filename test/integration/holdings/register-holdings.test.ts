// The register's facts in the holdings, read by the background's real services from Nordwind Bank's real
// ERC-3643 suite (T-REX from @tokenysolutions/t-rex) on anvil: after each agent action, the next refresh
// shows what the chain now says, in 2 HTTP requests.
import { parseUnits, type Address } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAnvil, type AnvilNode } from '../../../example/registry/chain/anvil';
import { ANVIL_MNEMONIC, anvilAccount } from '../../../example/registry/chain/deploy';
import { deployRestrictedCompany, type DeployedRestrictedCompany } from '../../../example/registry/chain/deploy-trex';
import { freezePartialTokens, removeVerification, setAddressFrozen, setTokenPaused } from '../../../example/registry/chain/trex-actions';
import { CHAIN_ID, walletUnderTest } from './wallet-under-test';

const shares = (n: string) => parseUnits(n, 18).toString();
const [first, second, third] = [0, 1, 2].map((index) => anvilAccount(index).address) as [Address, Address, Address];
/** Funded by anvil but never verified by Nordwind Bank's KYC provider. */
const unverified = anvilAccount(5).address;

let chain: AnvilNode;
let company: DeployedRestrictedCompany;
let subject: Awaited<ReturnType<typeof walletUnderTest>>;

beforeAll(async () => {
  chain = await startAnvil();
  company = await deployRestrictedCompany(chain.rpcUrl);
  subject = await walletUnderTest(chain.rpcUrl, ANVIL_MNEMONIC);
  await subject.tokenManager.add(CHAIN_ID, company.token);
});
afterAll(async () => { await chain.stop(); });

/** A refresh, which must take exactly 2 HTTP requests, and NRDW's holdings in it. */
async function refreshed() {
  const before = subject.counter.requests;
  const view = await subject.holdings.refresh();
  expect(subject.counter.requests - before).toBe(2);
  const nrdw = view.tokens.find((token) => token.token.address === company.token);
  if (nrdw === undefined) throw new Error('NRDW is not in the holdings');
  const row = (address: string) => nrdw.accounts.find((account) => account.address === address);
  return { nrdw, row };
}

describe('holdings of Nordwind Bank\'s T-REX shares on anvil', () => {
  it('recognise the token as ERC-3643 and show each account verified or not, nothing frozen', async () => {
    expect((await subject.db.get('registers', [CHAIN_ID, company.token]))?.standard).toBe('erc3643');
    const { nrdw, row } = await refreshed();
    expect(nrdw.register).toEqual({ standard: 'erc3643', paused: false });
    expect(row(first)).toEqual({ address: first, balance: shares('1000'), register: { frozen: '0', accountFrozen: false, verified: true } });
    expect(row(second)?.register).toEqual({ frozen: '0', accountFrozen: false, verified: true });
    expect(row(unverified)?.register).toEqual({ frozen: '0', accountFrozen: false, verified: false });
  });

  it('show the shares the agent froze, at the next refresh', async () => {
    await freezePartialTokens(chain.rpcUrl, company.token, first, parseUnits('100', 18));
    const { row } = await refreshed();
    expect(row(first)).toEqual({ address: first, balance: shares('1000'), register: { frozen: shares('100'), accountFrozen: false, verified: true } });
  });

  it('show a whole account frozen, then free again', async () => {
    await setAddressFrozen(chain.rpcUrl, company.token, second, true);
    expect((await refreshed()).row(second)?.register?.accountFrozen).toBe(true);
    await setAddressFrozen(chain.rpcUrl, company.token, second, false);
    expect((await refreshed()).row(second)?.register?.accountFrozen).toBe(false);
  });

  it('show the token paused, then running again', async () => {
    await setTokenPaused(chain.rpcUrl, company.token, true);
    expect((await refreshed()).nrdw.register).toEqual({ standard: 'erc3643', paused: true });
    await setTokenPaused(chain.rpcUrl, company.token, false);
    expect((await refreshed()).nrdw.register).toEqual({ standard: 'erc3643', paused: false });
  });

  it('show an investor whose verification the agent revoked as not verified', async () => {
    await removeVerification(chain.rpcUrl, company.identityRegistry, third);
    const { row } = await refreshed();
    expect(row(third)).toEqual({ address: third, balance: shares('100'), register: { frozen: '0', accountFrozen: false, verified: false } });
  });
});
