// A registry site connects and asks for signatures; the shareholder decides in the approval window
// (issue 4). The site lives on a real local chain (anvil, the registry's contracts deployed with demo
// holders): it adds its network and token to the wallet, and relays the transfers and votes the wallet
// signs, which the contracts must accept (issue 5). The same suite runs in Chromium and in Firefox, one
// test file each, each with its own chain.
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import { encodeFunctionData, parseUnits, recoverTypedDataAddress, type Address, type Hex } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shareTokenAbi } from '../../example/registry/chain/abi';
import type { CallsStatus } from '../../src/protocol/dapp-methods';
import { proposalVotes, registryPublicClient } from '../../example/registry/chain/deploy';
import { startRegistryDemo, type RegistryDemo } from '../../example/registry/server';
import { acceptLocalNode, approvalFor, approveThenNext, capTableRow, countPages, decide, settledPageCount, openRegistry, resetState, settled } from './flows/registry';
import { lock, restoreWallet, unlock } from './flows/wallet';
import { launchBrowser, type BrowserKind, type RigBrowser } from './rig/browsers';
import { startTestPages } from './rig/test-pages';
import { ariaSelector, clickButton, fillField, waitForText } from './rig/ui';

const ANVIL_PHRASE = 'test test test test test test test test test test test junk';
const ALICE = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266';
/** Anvil account 1, the transfer form's default recipient; holds 800 ACME after deployment. */
const BOB = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
/** Anvil account 2, another holder of the registry. */
const CAROL = '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC';
/** Anvil's first test key (ALICE's), public: signs a message in the test for personal_ecRecover to recover. */
const ALICE_KEY = '0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80';
const shares = (n: string) => parseUnits(n, 18);
const PASSWORD = 'Shares-are-forever-42';

/** Fires a request from the page's window.ethereum and returns its result or its error code. */
function pageRequest(page: Page, method: string, params?: unknown[]): Promise<unknown> {
  return page.evaluate(async (m, p) => {
    const provider = (window as unknown as { ethereum: { request(a: unknown): Promise<unknown> } }).ethereum;
    try {
      return { result: await provider.request(p === undefined ? { method: m } : { method: m, params: p }) };
    } catch (error) {
      return { code: (error as { code?: number }).code, message: (error as Error).message };
    }
  }, method, params);
}

export function dappSuite(kind: BrowserKind): void {
  describe(`a registry site and the wallet in ${kind}`, () => {
    let rig: RigBrowser;
    let demo: RegistryDemo;
    let site: RegistryDemo['site'];
    let registry: Page;

    /** What the token contract itself says, read in the test (not through the page or the wallet). */
    async function balanceOf(holder: Address): Promise<bigint> {
      const client = await registryPublicClient(demo.chain.rpcUrl);
      return client.readContract({ address: demo.registry.token, abi: shareTokenAbi, functionName: 'balanceOf', args: [holder] });
    }

    beforeAll(async () => {
      demo = await startRegistryDemo();
      site = demo.site;
      rig = await launchBrowser(kind, { extensionDir: path.resolve(kind === 'chromium' ? 'dist/chrome' : 'dist/firefox') });
      const popup = await rig.openExtensionPage('popup.html');
      await restoreWallet(popup, ANVIL_PHRASE, PASSWORD);
      await popup.close();
      registry = await openRegistry(rig, site.url);
    });

    afterAll(async () => {
      await rig.close();
      await demo.stop();
    });

    it('announces itself through EIP-6963 and is window.ethereum', async () => {
      expect(await registry.$eval('#wallets', (el) => el.textContent)).toContain('Shareholder Wallet');
      expect(await pageRequest(registry, 'eth_accounts')).toEqual({ result: [] });
    });

    it('answers 4001 when the user rejects the connection', async () => {
      const approval = await approvalFor(rig, registry, 'Connect wallet');
      await waitForText(approval, registry.url().replace(/\/$/, ''));
      await decide(approval, 'Reject');
      expect(await settled(registry, '#account')).toMatchObject({ state: 'rejected', code: '4001' });
    });

    it('connects with the account the user approves', async () => {
      await resetState(registry, '#account');
      const approval = await approvalFor(rig, registry, 'Connect wallet');
      await decide(approval, 'Approve');
      expect(await settled(registry, '#account')).toMatchObject({ state: 'connected', text: ALICE });
    });

    it('signs a share transfer the user approves, which viem verifies in the page', async () => {
      const approval = await approvalFor(rig, registry, 'Sign share transfer');
      await waitForText(approval, 'Transfer');
      await decide(approval, 'Approve');
      expect(await settled(registry, '#transfer-result')).toMatchObject({ state: 'verified', text: 'Signature verified' });
    });

    it('answers 4001 when the user rejects a transfer', async () => {
      await resetState(registry, '#transfer-result');
      const approval = await approvalFor(rig, registry, 'Sign share transfer');
      await decide(approval, 'Reject');
      expect(await settled(registry, '#transfer-result')).toMatchObject({ state: 'rejected', code: '4001' });
    });

    it('answers 4001 when the user closes the approval window', async () => {
      await resetState(registry, '#transfer-result');
      const approval = await approvalFor(rig, registry, 'Sign share transfer');
      await approval.close();
      expect(await settled(registry, '#transfer-result')).toMatchObject({ state: 'rejected', code: '4001' });
    });

    it('signs a vote the user approves, which viem verifies in the page', async () => {
      const approval = await approvalFor(rig, registry, 'Sign vote');
      await waitForText(approval, 'proposal');
      await decide(approval, 'Approve');
      expect(await settled(registry, '#vote-result')).toMatchObject({ state: 'verified' });
    });

    it('refuses typed data for another chain with -32602, without asking the user', async () => {
      await clickButton(registry, 'Sign transfer on chain 5');
      expect(await settled(registry, '#mismatch-result')).toMatchObject({ state: 'error', code: '-32602' });
    });

    it('adds the registry\'s network and then its share token, each approved by the user', async () => {
      expect(await settled(registry, '#cap-table')).toMatchObject({ state: 'loaded' });
      const network = await approvalFor(rig, registry, 'Add Acme to wallet');
      await waitForText(network, 'Add a network');
      await waitForText(network, demo.chain.rpcUrl);
      // anvil is on this computer: a separately worded choice, Approve enabled only once it is ticked.
      await waitForText(network, 'This site asks the wallet to use a server on your own computer or local network');
      expect(await network.$eval(ariaSelector('Approve', 'button'), (button) => (button as HTMLButtonElement).disabled)).toBe(true);
      await acceptLocalNode(network);
      const token = await approveThenNext(rig, network, 'Show a share token');
      await waitForText(token, 'ACME');
      await decide(token, 'Approve');
      expect(await settled(registry, '#add-to-wallet-result')).toMatchObject({ state: 'added' });
      expect(await registry.$eval('#chain', (el) => el.getAttribute('data-chain-id'))).toBe('31337');
    });

    it('words another site\'s node for the registry\'s network as a replacement, with both nodes and who uses the network', async () => {
      const pages = await startTestPages();
      const other = await rig.browser.newPage();
      try {
        await other.goto(pages.url);
        const connected = pageRequest(other, 'eth_requestAccounts');
        await decide(await rig.waitForNewExtensionWindow('approval.html', () => Promise.resolve(), 20_000), 'Approve');
        // Pages get accounts in lowercase, as the most used wallets answer (viem and ethers checksum them again).
        expect(await connected).toEqual({ result: [ALICE.toLowerCase()] });
        // The connection's window closes itself first, so the next request is in a window of its own.
        await settledPageCount(rig);
        const replacement = 'https://rpc.replacement.example/';
        const answer = pageRequest(other, 'wallet_addEthereumChain', [{
          chainId: '0x7a69', chainName: 'Acme Registry Chain', rpcUrls: [replacement], nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
        }]);
        const approval = await rig.waitForNewExtensionWindow('approval.html', () => Promise.resolve(), 20_000);
        await waitForText(approval, 'Replace a network\'s node');
        await waitForText(approval, 'asks to replace the node of network');
        for (const text of [demo.chain.rpcUrl, replacement, new URL(site.url).origin, 'your holdings on this network (share tokens: 1)']) {
          await waitForText(approval, text);
        }
        await decide(approval, 'Reject');
        expect(await answer).toMatchObject({ code: 4001 });
        // The registry keeps its node.
        expect(await pageRequest(registry, 'eth_chainId')).toEqual({ result: '0x7a69' });
      } finally {
        await other.close();
        await pages.close();
      }
    });

    it('refuses, without asking the user, a token whose claimed symbol or decimals differ from the chain', async () => {
      const pagesBefore = await settledPageCount(rig);
      await clickButton(registry, 'Add token with wrong symbol');
      expect(await settled(registry, '#watch-wrong-symbol-result')).toMatchObject({ state: 'error', code: '-32602' });
      await clickButton(registry, 'Add token with wrong decimals');
      expect(await settled(registry, '#watch-wrong-decimals-result')).toMatchObject({ state: 'error', code: '-32602' });
      // The refusal comes before any approval would be asked for: no window was opened.
      expect(await countPages(rig)).toBe(pagesBefore);
    });

    it('moves shares on chain: a transfer signed in the wallet and relayed by the site', async () => {
      expect(await balanceOf(ALICE)).toBe(shares('1500'));
      expect(await balanceOf(BOB)).toBe(shares('800'));
      await fillField(registry, 'Shares', '100');
      const approval = await approvalFor(rig, registry, 'Send shares');
      await waitForText(approval, 'Transfer');
      await decide(approval, 'Approve');
      expect(await settled(registry, '#send-result')).toMatchObject({ state: 'relayed' });
      expect(await balanceOf(ALICE)).toBe(shares('1400'));
      expect(await balanceOf(BOB)).toBe(shares('900'));
      // The page re-read the cap table from the chain before saying "relayed".
      expect(await capTableRow(registry, ALICE)).toMatchObject({ balance: shares('1400').toString() });
      expect(await capTableRow(registry, BOB)).toMatchObject({ balance: shares('900').toString() });
    });

    it('counts a vote on chain: a ballot signed in the wallet and relayed by the site', async () => {
      await clickButton(registry, 'Create proposal');
      const created = await settled(registry, '#proposal-result');
      expect(created).toMatchObject({ state: 'created' });
      const proposalId = BigInt(await registry.$eval('#proposal-result', (el) => el.getAttribute('data-proposal-id') ?? ''));
      expect(await proposalVotes(demo.chain.rpcUrl, demo.registry.governor, proposalId)).toEqual({ against: 0n, for: 0n, abstain: 0n });
      const approval = await approvalFor(rig, registry, 'Vote on chain');
      await waitForText(approval, 'proposal');
      await decide(approval, 'Approve');
      expect(await settled(registry, '#vote-chain-result')).toMatchObject({ state: 'counted' });
      // Alice voted For with her 1,400 shares (self-delegated; the transfer above came before the proposal).
      expect(await proposalVotes(demo.chain.rpcUrl, demo.registry.governor, proposalId)).toEqual({ against: 0n, for: shares('1400'), abstain: 0n });
      expect(await registry.$eval('#tally', (el) => el.getAttribute('data-for'))).toBe(shares('1400').toString());
    });

    it('moves shares with the holder\'s own transaction: the approval says what it sends and what it costs, and the cap table changes', async () => {
      expect(await balanceOf(ALICE)).toBe(shares('1400'));
      await fillField(registry, 'Shares', '50');
      const approval = await approvalFor(rig, registry, 'Send shares on chain');
      await waitForText(approval, 'Network fee');
      await waitForText(approval, 'ACME');
      await decide(approval, 'Approve');
      const mined = await registry.waitForSelector('#send-onchain-result:is([data-state="mined"], [data-state="failed"], [data-state="error"], [data-state="rejected"])', { timeout: 30_000 });
      expect(await mined?.evaluate((el) => el.getAttribute('data-state'))).toBe('mined');
      expect(await balanceOf(ALICE)).toBe(shares('1350'));
      expect(await balanceOf(BOB)).toBe(shares('950'));
      expect(await capTableRow(registry, ALICE)).toMatchObject({ balance: shares('1350').toString() });
    });

    it('unlocks a locked wallet inside the approval window, then signs', async () => {
      const popup = await rig.openExtensionPage('popup.html');
      await lock(popup);
      await popup.close();
      // Locking tells the site accountsChanged []; it asks to connect again, and the window unlocks first.
      expect(await pageRequest(registry, 'eth_accounts')).toEqual({ result: [] });
      await resetState(registry, '#account');
      const approval = await approvalFor(rig, registry, 'Connect wallet');
      await fillField(approval, 'Password', PASSWORD);
      await clickButton(approval, 'Unlock');
      await decide(approval, 'Approve');
      expect(await settled(registry, '#account')).toMatchObject({ state: 'connected', text: ALICE });
      await resetState(registry, '#vote-result');
      await decide(await approvalFor(rig, registry, 'Sign vote'), 'Approve');
      expect(await settled(registry, '#vote-result')).toMatchObject({ state: 'verified' });
    });

    it('answers all of 20 concurrent requests from one page', async () => {
      const answers = await registry.evaluate(async () => {
        const provider = (window as unknown as { ethereum: { request(a: unknown): Promise<unknown> } }).ethereum;
        const methods = ['eth_chainId', 'eth_accounts', 'wallet_getPermissions', 'eth_sign', 'no_such_method'];
        return Promise.all(Array.from({ length: 20 }, (_, i) => provider.request({ method: methods[i % methods.length] })
          .then(() => 'result', (error: unknown) => String((error as { code?: number }).code))));
      });
      expect(answers).toEqual(Array.from({ length: 4 }, () => ['result', 'result', 'result', '4200', '4200']).flat());
    });

    it('works unchanged with an ethers BrowserProvider', async () => {
      // ethers' own browser bundle, loaded into the registry page as a site using ethers would.
      await registry.addScriptTag({ path: path.resolve('node_modules/ethers/dist/ethers.umd.min.js') });
      const result = registry.evaluate(async () => {
        const { ethers } = window as unknown as { ethers: { BrowserProvider: new (p: unknown) => { getSigner(): Promise<{ getAddress(): Promise<string>; signMessage(m: string): Promise<string> }> }; verifyMessage(m: string, s: string): string } };
        const provider = new ethers.BrowserProvider((window as unknown as { ethereum: unknown }).ethereum);
        const signer = await provider.getSigner();
        const signature = await signer.signMessage('Shareholder Wallet works with ethers');
        return { address: await signer.getAddress(), recovered: ethers.verifyMessage('Shareholder Wallet works with ethers', signature) };
      });
      const approval = await rig.waitForNewExtensionWindow('approval.html', () => Promise.resolve(), 20_000);
      await waitForText(approval, 'Shareholder Wallet works with ethers');
      await decide(approval, 'Approve');
      expect(await result).toEqual({ address: ALICE, recovered: ALICE });
    });

    it('works with older dapps: a page sets its own property on ethereum, reads net_version, recovers a signer and asks for eth_signTypedData_v3', async () => {
      await settledPageCount(rig);
      const props = await registry.evaluate(() => {
        const ethereum = (window as unknown as { ethereum: Record<string, unknown> }).ethereum;
        ethereum.autoRefreshOnNetworkChange = false;
        let replaced = 'kept';
        try {
          ethereum.request = () => 'hijacked';
        } catch {
          replaced = 'refused';
        }
        return { autoRefresh: ethereum.autoRefreshOnNetworkChange, request: typeof ethereum.request, replaced };
      });
      expect(props).toEqual({ autoRefresh: false, request: 'function', replaced: 'kept' });
      expect(await pageRequest(registry, 'eth_chainId')).toEqual({ result: '0x7a69' });
      expect(await pageRequest(registry, 'net_version')).toEqual({ result: '31337' });
      const message = 'Shareholder Wallet recovers signers';
      const signature = await privateKeyToAccount(ALICE_KEY).signMessage({ message });
      expect(await pageRequest(registry, 'personal_ecRecover', [message, signature])).toEqual({ result: ALICE.toLowerCase() });
      const typedData = {
        types: {
          EIP712Domain: [{ name: 'name', type: 'string' }, { name: 'version', type: 'string' }, { name: 'chainId', type: 'uint256' }, { name: 'verifyingContract', type: 'address' }],
          TransferWithAuthorization: [{ name: 'from', type: 'address' }, { name: 'to', type: 'address' }, { name: 'value', type: 'uint256' },
            { name: 'validAfter', type: 'uint256' }, { name: 'validBefore', type: 'uint256' }, { name: 'nonce', type: 'bytes32' }],
        },
        primaryType: 'TransferWithAuthorization',
        domain: { name: 'Acme Holdings Shares', version: '1', chainId: 31337, verifyingContract: demo.registry.token },
        message: { from: ALICE.toLowerCase(), to: BOB, value: shares('3').toString(), validAfter: 0, validBefore: 4102444800, nonce: `0x${'0c'.repeat(32)}` as const },
      } as const;
      let answer: Promise<unknown> = Promise.resolve();
      const approval = await rig.waitForNewExtensionWindow('approval.html', () => {
        answer = pageRequest(registry, 'eth_signTypedData_v3', [ALICE.toLowerCase(), JSON.stringify(typedData)]);
        return Promise.resolve();
      }, 20_000);
      await waitForText(approval, 'Transfer');
      await decide(approval, 'Approve');
      const { result } = await answer as { result: `0x${string}` };
      expect(await recoverTypedDataAddress({
        types: typedData.types, primaryType: typedData.primaryType, domain: { ...typedData.domain, chainId: 31337n }, signature: result,
        message: { from: ALICE, to: BOB, value: shares('3'), validAfter: 0n, validBefore: 4102444800n, nonce: typedData.message.nonce },
      })).toBe(ALICE);
    });

    it('sends a batch of two share transfers (EIP-5792): one review, both mined one after another, getCallsStatus 200 with two receipts, and the balances change', async () => {
      await settledPageCount(rig);
      const token = demo.registry.token;
      const before = await Promise.all([ALICE, BOB, CAROL].map((holder) => balanceOf(holder as Address)));
      expect(await pageRequest(registry, 'wallet_getCapabilities', [ALICE.toLowerCase()])).toEqual({ result: { '0x7a69': { atomic: { status: 'unsupported' } } } });
      const transfer = (to: Address, amount: string): Hex => encodeFunctionData({ abi: shareTokenAbi, functionName: 'transfer', args: [to, shares(amount)] });
      const batch = {
        version: '2.0.0', chainId: '0x7a69', atomicRequired: false, from: ALICE.toLowerCase(),
        calls: [{ to: token, data: transfer(BOB, '5') }, { to: token, data: transfer(CAROL, '7') }],
      };
      let answer: Promise<unknown> = Promise.resolve();
      const approval = await rig.waitForNewExtensionWindow('approval.html', () => {
        answer = pageRequest(registry, 'wallet_sendCalls', [batch]);
        return Promise.resolve();
      }, 20_000);
      await waitForText(approval, 'Send 2 transactions');
      await waitForText(approval, 'Transaction 2 of 2');
      await waitForText(approval, 'Network fee');
      await waitForText(approval, 'ACME');
      await decide(approval, 'Approve');
      const { result } = await answer as { result: { id: string } };
      expect(result.id).toMatch(/^0x[0-9a-f]{64}$/);

      // The watcher reads the receipts in the background; the page asks until the batch is confirmed.
      const confirmed = await registry.waitForFunction(async (id) => {
        const provider = (window as unknown as { ethereum: { request(a: unknown): Promise<CallsStatus> } }).ethereum;
        const status = await provider.request({ method: 'wallet_getCallsStatus', params: [id] });
        return status.status === 200 ? status : undefined;
      }, { timeout: 60_000, polling: 500 }, result.id);
      const status = await confirmed.jsonValue();
      if (status === undefined) throw new Error('the batch was not confirmed');
      expect(status).toMatchObject({ version: '2.0.0', id: result.id, chainId: '0x7a69', atomic: false });
      expect(status.receipts.map((receipt) => receipt.status)).toEqual(['0x1', '0x1']);
      const client = await registryPublicClient(demo.chain.rpcUrl);
      const sent = await Promise.all(status.receipts.map((receipt) => client.getTransaction({ hash: receipt.transactionHash })));
      expect(sent.map((transaction) => transaction.from.toLowerCase())).toEqual([ALICE.toLowerCase(), ALICE.toLowerCase()]);
      expect((sent[1]?.nonce ?? 0) - (sent[0]?.nonce ?? 0)).toBe(1);
      expect(await Promise.all([ALICE, BOB, CAROL].map((holder) => balanceOf(holder as Address)))).toEqual([
        (before[0] ?? 0n) - shares('12'), (before[1] ?? 0n) + shares('5'), (before[2] ?? 0n) + shares('7'),
      ]);

      // wallet_showCallsStatus opens the wallet's Activity, where both transactions are listed.
      let shown: Promise<unknown> = Promise.resolve();
      const activity = await rig.waitForNewExtensionWindow('popup.html', () => {
        shown = pageRequest(registry, 'wallet_showCallsStatus', [result.id]);
        return Promise.resolve();
      }, 20_000);
      expect(await shown).toEqual({ result: null });
      for (const receipt of status.receipts) await activity.waitForSelector(`li[data-hash="${receipt.transactionHash}"]`, { timeout: 20_000 });
      await activity.close();
      // An id this site never got is unknown to it.
      expect(await pageRequest(registry, 'wallet_getCallsStatus', [`0x${'00'.repeat(32)}`])).toMatchObject({ code: 5730 });
    });

    it('disconnects: after revoking, eth_accounts is empty', async () => {
      await clickButton(registry, 'Disconnect');
      expect(await settled(registry, '#eth-accounts')).toMatchObject({ text: '[]' });
      expect(await pageRequest(registry, 'eth_accounts')).toEqual({ result: [] });
    });

    it('refuses a sandboxed iframe (an opaque origin) with 4100', async () => {
      const page = await rig.browser.newPage();
      await page.goto(new URL('iframe.html', site.url).href);
      expect(await settled(page, '#frame-result')).toMatchObject({ state: 'error', code: '4100' });
      await page.close();
    });

    it('gives the page exactly one answer (4900) when the background stops while an approval is open', async () => {
      await unlockIfNeeded(rig);
      await resetState(registry, '#account');
      const approval = await approvalFor(rig, registry, 'Connect wallet');
      await rig.stopBackground();
      expect(await settled(registry, '#account')).toMatchObject({ code: '4900' });
      // The restarted background has no such request: approving it signs nothing and says so.
      await decide(approval, 'Approve');
      await waitForText(approval, 'no longer pending');
      // One answer only: the page did not receive a late result after the 4900.
      await new Promise((resolve) => setTimeout(resolve, 1000));
      expect(await registry.$eval('#account', (el) => el.getAttribute('data-code'))).toBe('4900');
      expect(await pageRequest(registry, 'eth_accounts')).toEqual({ result: [] });
    });
  });
}

async function unlockIfNeeded(rig: RigBrowser): Promise<void> {
  const popup = await rig.openExtensionPage('popup.html');
  const locked = await popup.$('aria/Unlock[role="button"]');
  if (locked !== null) await unlock(popup, PASSWORD);
  await popup.close();
}
