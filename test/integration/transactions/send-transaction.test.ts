// eth_sendTransaction through the background's handler on a real chain: the example registry's Acme
// (ERC20Votes + Governor) and Nordwind Bank (a real ERC-3643 T-REX token) on anvil, the wallet's real
// services over Node's fetch and fake-indexeddb, and an approval that approves what it is shown.
import { encodeFunctionData, parseEther, parseUnits, type Address, type Hex } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAnvil, type AnvilNode } from '../../../example/registry/chain/anvil';
import { shareholderGovernorAbi, shareTokenAbi } from '../../../example/registry/chain/abi';
import {
  ANVIL_MNEMONIC, anvilAccount, createProposal, deployRegistry, registryPublicClient, type DeployedRegistry,
} from '../../../example/registry/chain/deploy';
import { deployRestrictedCompany, type DeployedRestrictedCompany } from '../../../example/registry/chain/deploy-trex';
import { trexTokenAbi } from '../../../example/registry/chain/trex-artifacts';
import { decodeSignedTransaction } from '../../../src/core';
import { createTransactionHandlers } from '../../../src/background/router/transaction-handlers';
import { createTransactionProposal } from '../../../src/background/router/transaction-proposal';
import { createSiteService } from '../../../src/background/services/sites';
import type { ApprovalRequest } from '../../../src/protocol/approvals';
import { ProviderRpcError } from '../../../src/protocol/eip1193';
import type { TransactionRequestView } from '../../../src/protocol/transactions';
import { CHAIN_ID, walletUnderTest } from '../holdings/wallet-under-test';

const SITE = { origin: 'http://registry.test' };
const [holder, second] = [0, 1].map((index) => anvilAccount(index).address) as [Address, Address];

let chain: AnvilNode;
let registry: DeployedRegistry;
let nordwind: DeployedRestrictedCompany;
let client: Awaited<ReturnType<typeof registryPublicClient>>;
let subject: Awaited<ReturnType<typeof walletUnderTest>>;
let handlers: ReturnType<typeof createTransactionHandlers<typeof SITE>>;
/** What the approval window was shown, in order. */
const shown: TransactionRequestView[] = [];
/** Whether the fake user approves what is shown. */
let approving = true;

beforeAll(async () => {
  chain = await startAnvil();
  registry = await deployRegistry(chain.rpcUrl);
  nordwind = await deployRestrictedCompany(chain.rpcUrl);
  client = await registryPublicClient(chain.rpcUrl);
  subject = await walletUnderTest(chain.rpcUrl, ANVIL_MNEMONIC);
  await subject.tokens.add(await subject.tokens.describe(CHAIN_ID, registry.token));
  const sites = createSiteService({ db: subject.db, now: Date.now });
  await sites.grant(SITE.origin, [holder]);
  await sites.setChain(SITE.origin, CHAIN_ID);
  handlers = createTransactionHandlers<typeof SITE>({
    wallet: subject.wallet, sites, preparation: subject.transactions.preparation, sending: subject.transactions.sending,
    ask: (_ctx, _method, request: ApprovalRequest) => {
      if (request.kind === 'transaction') shown.push(request.transaction);
      return approving ? Promise.resolve({ id: 'approved', approve: true }) : Promise.reject(new ProviderRpcError(4001, 'the user rejected the request'));
    },
    record: () => Promise.resolve(),
  });
});
afterAll(async () => { await chain.stop(); }); // also when a test failed: no node is left behind

/** Sends through the handler as the registry site would, and waits for the receipt. */
async function sendAndMine(fields: { to: Address; value?: bigint; data?: Hex }) {
  const hash = await handlers.sendTransaction(SITE, [{
    from: holder.toLowerCase(), to: fields.to, ...(fields.value === undefined ? {} : { value: `0x${fields.value.toString(16)}` }),
    ...(fields.data === undefined ? {} : { data: fields.data }),
  }]);
  return client.waitForTransactionReceipt({ hash });
}

describe('eth_sendTransaction on a real chain', () => {
  it('sends ether, which is mined and arrives', async () => {
    const before = await client.getBalance({ address: second });
    const receipt = await sendAndMine({ to: second, value: parseEther('1.5') });
    expect(receipt.status).toBe('success');
    expect(await client.getBalance({ address: second })).toBe(before + parseEther('1.5'));
    expect(shown.at(-1)?.call.action).toEqual({ kind: 'native-transfer', to: second });
  });

  it('transfers ACME shares (ERC-20), shown in the token\'s own symbol, and the balances change', async () => {
    const amount = parseUnits('100', 18);
    const receipt = await sendAndMine({
      to: registry.token, data: encodeFunctionData({ abi: shareTokenAbi, functionName: 'transfer', args: [second, amount] }),
    });
    expect(receipt.status).toBe('success');
    const balanceOf = (account: Address) => client.readContract({ address: registry.token, abi: shareTokenAbi, functionName: 'balanceOf', args: [account] });
    expect(await balanceOf(holder)).toBe(parseUnits('1400', 18));
    expect(await balanceOf(second)).toBe(parseUnits('900', 18));
    expect(shown.at(-1)?.call.action).toMatchObject({ kind: 'token-transfer', to: second, amount: amount.toString(), token: { known: { symbol: 'ACME' } } });
    expect(shown.at(-1)?.failure).toBeUndefined();
  });

  it('casts a vote on the Acme governor, which the governor counts', async () => {
    const proposalId = await createProposal(chain.rpcUrl, registry.governor, 'Approve the 2026 accounts (sent by the holder)');
    const receipt = await sendAndMine({
      to: registry.governor, data: encodeFunctionData({ abi: shareholderGovernorAbi, functionName: 'castVote', args: [proposalId, 1] }),
    });
    expect(receipt.status).toBe('success');
    expect(await client.readContract({ address: registry.governor, abi: shareholderGovernorAbi, functionName: 'hasVoted', args: [proposalId, holder] })).toBe(true);
    const [, forVotes] = await client.readContract({ address: registry.governor, abi: shareholderGovernorAbi, functionName: 'proposalVotes', args: [proposalId] });
    expect(forVotes).toBe(parseUnits('1400', 18));
    expect(shown.at(-1)?.call.action).toMatchObject({ kind: 'vote', proposalId: proposalId.toString(), support: 'for', voter: holder });
  });

  it('delegates the holder\'s votes to another account, which then holds them', async () => {
    const receipt = await sendAndMine({
      to: registry.token, data: encodeFunctionData({ abi: shareTokenAbi, functionName: 'delegate', args: [second] }),
    });
    expect(receipt.status).toBe('success');
    expect(await client.readContract({ address: registry.token, abi: shareTokenAbi, functionName: 'delegates', args: [holder] })).toBe(second);
    expect(shown.at(-1)?.call.action).toMatchObject({ kind: 'delegate', delegatee: second, toSelf: false });
  });

  it('transfers Nordwind shares (ERC-3643 T-REX) between verified holders with the gas the node measured', async () => {
    const amount = parseUnits('25', 18);
    const balanceOf = (account: Address) => client.readContract({ address: nordwind.token, abi: trexTokenAbi, functionName: 'balanceOf', args: [account] });
    const before = await balanceOf(second);
    const receipt = await sendAndMine({ to: nordwind.token, data: encodeFunctionData({ abi: trexTokenAbi, functionName: 'transfer', args: [second, amount] }) });
    expect(receipt.status).toBe('success');
    expect(await balanceOf(second)).toBe(before + amount);
    expect(BigInt(shown.at(-1)?.gas ?? '0')).toBeGreaterThan(receipt.gasUsed);
  });

  it('shows a transfer to an unverified account as failing, with T-REX\'s reason, before the user approves', async () => {
    approving = false;
    try {
      await expect(handlers.sendTransaction(SITE, [{
        from: holder, to: nordwind.token, data: encodeFunctionData({ abi: trexTokenAbi, functionName: 'transfer', args: [nordwind.unverified, 1n] }),
      }])).rejects.toMatchObject({ code: 4001 });
    } finally {
      approving = true;
    }
    expect(shown.at(-1)?.failure).toEqual({ revert: { kind: 'error', reason: 'Transfer not possible' }, nodeMessage: undefined });
  });

  it('gives ten requests sent at once consecutive nonces, and all ten are mined', async () => {
    const start = BigInt(await client.getTransactionCount({ address: holder, blockTag: 'pending' }));
    const hashes = await Promise.all(Array.from({ length: 10 }, (_, i) => handlers.sendTransaction(SITE, [{ from: holder, to: second, value: `0x${(i + 1).toString(16)}` }])));
    const receipts = await Promise.all(hashes.map((hash) => client.waitForTransactionReceipt({ hash })));
    expect(receipts.every((receipt) => receipt.status === 'success')).toBe(true);
    const nonces = await Promise.all(hashes.map(async (hash) => BigInt((await client.getTransaction({ hash })).nonce)));
    expect(nonces.sort((a, b) => Number(a - b))).toEqual(Array.from({ length: 10 }, (_, i) => start + BigInt(i)));
    const stored = await Promise.all(hashes.map((hash) => subject.db.get('transactions', hash)));
    expect(stored.map((record) => decodeSignedTransaction(record?.raw ?? '').hash)).toEqual(hashes);
  });

  it('sends the popup\'s own transaction (transactions.propose), shown as the extension\'s, which is mined', async () => {
    const origins: string[] = [];
    const proposal = createTransactionProposal({
      wallet: subject.wallet, transactions: subject.transactions, extensionBaseUrl: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/', newId: () => 'popup',
      landing: { sent: () => Promise.resolve() },
      approvals: { request: (params) => { origins.push(params.origin); return Promise.resolve({ id: 'approved', approve: true }); } },
    });
    const before = await client.getBalance({ address: second });
    const { hash } = await proposal.propose({ chainId: CHAIN_ID, from: holder, to: second, value: parseEther('0.25').toString(), data: '0x' });
    expect((await client.waitForTransactionReceipt({ hash: hash as Hex })).status).toBe('success');
    expect(await client.getBalance({ address: second })).toBe(before + parseEther('0.25'));
    expect(origins).toEqual(['chrome-extension://abcdefghijklmnopabcdefghijklmnop']);
    expect((await subject.db.get('transactions', hash))?.origin).toEqual({ kind: 'popup' });
  });
});
