// A shareholder's own transactions, sent by the wallet from the example registry (issue 12): a vote cast
// with the voter's own castVote; Activity following a transaction from pending to confirmed, and a speed-up
// and a cancel made there (anvil with automine off, so transactions wait until the test mines them); an
// ERC-3643 transfer the register would refuse, shown with its reason and sent only by a deliberate step;
// and the libraries sites use, ethers' BrowserProvider and viem's writeContract, unchanged. The registry
// runs on a real chain (anvil) with Acme and Nordwind Bank's T-REX suite; the same suite runs in Chromium
// and in Firefox, one test file each, each with its own chain.
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import { createTestClient, erc20Abi, http, parseEther, parseUnits, type Address, type Hash, type PublicClient } from 'viem';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { proposalVotes, registryPublicClient } from '../../example/registry/chain/deploy';
import { startRegistryDemo, type RegistryDemo } from '../../example/registry/server';
import { listedHashes, openActivity, replaceFromActivity, transactionStatus, waitForStatus } from './flows/activity';
import { acceptLocalNode, approvalFor, approveThenNext, decide, openRegistry, ownTransactionOutcome, sentHash, settled } from './flows/registry';
import { loadViemPage, viemWriteTransfer } from './flows/viem-page';
import { restoreWallet } from './flows/wallet';
import { launchBrowser, type BrowserKind, type RigBrowser } from './rig/browsers';
import { ariaSelector, clickButton, fillField, getByRole, waitForText } from './rig/ui';

const ANVIL_PHRASE = 'test test test test test test test test test test test junk';
const PASSWORD = 'Shares-are-forever-42';
const ALICE: Address = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266';
/** Anvil account 1: a verified NRDW investor, and the Acme transfer form's default recipient. */
const BOB: Address = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
/** Anvil account 5: funded, but not a verified investor in Nordwind Bank's register (deploy-trex.ts). */
const UNVERIFIED: Address = '0x9965507D1a55bcC2695C58ba16FB37d819B0A4dc';
const shares = (n: string) => parseUnits(n, 18);

export function transactionsSuite(kind: BrowserKind): void {
  describe(`a shareholder's own transactions in ${kind}`, () => {
    let rig: RigBrowser;
    let demo: RegistryDemo;
    let registry: Page;
    let chain: PublicClient;
    let node: ReturnType<typeof anvilControl>;

    beforeAll(async () => {
      demo = await startRegistryDemo({ restricted: true });
      chain = await registryPublicClient(demo.chain.rpcUrl);
      node = anvilControl(demo.chain.rpcUrl);
      rig = await launchBrowser(kind, { extensionDir: path.resolve(kind === 'chromium' ? 'dist/chrome' : 'dist/firefox') });
      const popup = await rig.openExtensionPage('popup.html');
      await restoreWallet(popup, ANVIL_PHRASE, PASSWORD);
      await popup.close();
      registry = await openRegistry(rig, demo.site.url);
      await connectAndAddNetwork(rig, registry, demo.chain.rpcUrl);
    });

    afterAll(async () => {
      await rig.close();
      await demo.stop();
    });

    function balanceOf(token: Address, holder: Address): Promise<bigint> {
      return chain.readContract({ address: token, abi: erc20Abi, functionName: 'balanceOf', args: [holder] });
    }

    it('counts a vote cast with the voter\'s own castVote transaction, which the approval names with its fee', async () => {
      await clickButton(registry, 'Create proposal');
      expect(await settled(registry, '#proposal-result')).toMatchObject({ state: 'created' });
      const proposalId = BigInt(await registry.$eval('#proposal-result', (el) => el.getAttribute('data-proposal-id') ?? ''));
      expect(await proposalVotes(demo.chain.rpcUrl, demo.registry.governor, proposalId)).toEqual({ against: 0n, for: 0n, abstain: 0n });
      const approval = await approvalFor(rig, registry, 'Cast vote on chain');
      // "Vote FOR on proposal <id>" until the wallet has read the proposal, then "Vote FOR <title> at <company>…".
      await waitForText(approval, 'Vote FOR');
      await waitForText(approval, 'Governor contract');
      await waitForText(approval, 'Network fee');
      await decide(approval, 'Approve');
      expect(await ownTransactionOutcome(registry, '#cast-vote-result')).toMatchObject({ state: 'mined' });
      // Alice votes For with her 1,500 shares (self-delegated at deployment).
      expect(await proposalVotes(demo.chain.rpcUrl, demo.registry.governor, proposalId)).toEqual({ against: 0n, for: shares('1500'), abstain: 0n });
      expect(await registry.$eval('#tally', (el) => el.getAttribute('data-for'))).toBe(shares('1500').toString());
    });

    describe('with anvil mining only when the test says so', () => {
      afterEach(async () => {
        await node.setAutomine(true);
      });

      /** Sends 1 ACME to Bob with "Send shares on chain", approved, and returns the hash the page got. */
      async function sendOneShare(): Promise<Hash> {
        await fillField(registry, 'Shares', '1');
        const approval = await approvalFor(rig, registry, 'Send shares on chain');
        await waitForText(approval, 'Network fee');
        await decide(approval, 'Approve');
        return await sentHash(registry, '#send-onchain-result', '#send-onchain-tx') as Hash;
      }

      it('shows a sent transaction in Activity as pending, then confirmed in the block that mined it', async () => {
        await node.setAutomine(false);
        const bobBefore = await balanceOf(demo.registry.token, BOB);
        const hash = await sendOneShare();
        const popup = await openActivity(rig, hash);
        try {
          expect(await transactionStatus(popup, hash)).toBe('Pending');
          expect(await rawReceipt(chain, hash)).toBeNull();
          await node.mine();
          const receipt = await chain.getTransactionReceipt({ hash });
          expect(receipt.status).toBe('success');
          expect(await waitForStatus(popup, hash, 'Confirmed')).toBe(`Confirmed in block ${receipt.blockNumber}`);
        } finally {
          await popup.close();
        }
        expect(await ownTransactionOutcome(registry, '#send-onchain-result')).toMatchObject({ state: 'mined' });
        expect(await balanceOf(demo.registry.token, BOB)).toBe(bobBefore + shares('1'));
      });

      it('speeds up a pending transaction from Activity: the same call and nonce with both fees 10% higher takes its place', async () => {
        await node.setAutomine(false);
        const hash = await sendOneShare();
        const original = await chain.getTransaction({ hash });
        const popup = await openActivity(rig, hash);
        try {
          const faster = await replaceFromActivity(popup, hash, 'speed-up') as Hash;
          const replacement = await chain.getTransaction({ hash: faster });
          expect(replacement).toMatchObject({ from: original.from, to: original.to, input: original.input, value: original.value, nonce: original.nonce });
          expect(atLeastTenPercentMore(replacement.maxFeePerGas, original.maxFeePerGas)).toBe(true);
          expect(atLeastTenPercentMore(replacement.maxPriorityFeePerGas, original.maxPriorityFeePerGas)).toBe(true);
          await node.mine();
          const receipt = await chain.getTransactionReceipt({ hash: faster });
          expect(receipt.status).toBe('success');
          expect(await rawReceipt(chain, hash)).toBeNull();
          expect(await waitForStatus(popup, faster, 'Confirmed')).toBe(`Confirmed in block ${receipt.blockNumber}`);
          expect(await waitForStatus(popup, hash, 'Replaced')).toBe('Replaced by your speed-up');
          // The page followed the replacement (viem's replacement detection) and says it was sped up.
          expect(await ownTransactionOutcome(registry, '#send-onchain-result')).toMatchObject({ state: 'mined', text: expect.stringContaining(`sped up: ${faster}`) as unknown });
        } finally {
          await popup.close();
        }
      });

      it('cancels a pending transaction from Activity: a 0-value transaction to oneself with the same nonce is mined instead', async () => {
        await node.setAutomine(false);
        const bobBefore = await balanceOf(demo.registry.token, BOB);
        const hash = await sendOneShare();
        const original = await chain.getTransaction({ hash });
        const popup = await openActivity(rig, hash);
        try {
          const cancel = await replaceFromActivity(popup, hash, 'cancel') as Hash;
          const replacement = await chain.getTransaction({ hash: cancel });
          expect(replacement).toMatchObject({ from: original.from, to: ALICE.toLowerCase(), value: 0n, input: '0x', nonce: original.nonce });
          expect(atLeastTenPercentMore(replacement.maxFeePerGas, original.maxFeePerGas)).toBe(true);
          expect(atLeastTenPercentMore(replacement.maxPriorityFeePerGas, original.maxPriorityFeePerGas)).toBe(true);
          await node.mine();
          expect((await chain.getTransactionReceipt({ hash: cancel })).status).toBe('success');
          // The original was never mined: no receipt, and the node no longer knows it.
          expect(await rawReceipt(chain, hash)).toBeNull();
          expect(await chain.request({ method: 'eth_getTransactionByHash', params: [hash] })).toBeNull();
          expect(await waitForStatus(popup, cancel, 'Confirmed')).toMatch(/^Confirmed in block \d+$/);
          expect(await waitForStatus(popup, hash, 'Cancelled')).toBe('Cancelled by your cancellation');
        } finally {
          await popup.close();
        }
        expect(await ownTransactionOutcome(registry, '#send-onchain-result')).toMatchObject({ state: 'cancelled' });
        expect(await balanceOf(demo.registry.token, BOB)).toBe(bobBefore);
      });
    });

    it('says before approval that an NRDW transfer to an unverified investor would fail and why, and sends it only after a deliberate step', async () => {
      const restricted = demo.restricted;
      if (restricted === undefined) throw new Error('the demo runs without Nordwind Bank');
      expect(await settled(registry, '#restricted-deployment')).toMatchObject({ state: 'loaded' });
      await fillField(registry, 'NRDW recipient', UNVERIFIED);
      const approval = await approvalFor(rig, registry, 'Send NRDW');
      // In the wallet's words, then the contract's own (T-REX's Token.transfer cannot say which check refused).
      await waitForText(approval, 'This transaction would fail: the register refuses this transfer: the recipient is not a verified investor');
      await waitForText(approval, 'Transfer not possible');
      await waitForText(approval, 'Network fee');
      // Once the window's decision guard has passed (Reject is enabled), Approve still waits for the deliberate step.
      await getByRole(approval, 'button', 'Reject').setWaitForEnabled(true).wait();
      expect(await approval.$eval(ariaSelector('Approve', 'button'), (button) => (button as HTMLButtonElement).disabled)).toBe(true);
      await getByRole(approval, 'checkbox', 'Send it anyway: I understand it will fail and still costs a fee').click();
      await decide(approval, 'Approve');
      const hash = await sentHash(registry, '#restricted-send-result', '#restricted-send-tx');
      expect(await ownTransactionOutcome(registry, '#restricted-send-result')).toMatchObject({ state: 'failed' });
      expect((await chain.getTransactionReceipt({ hash: hash as Hash })).status).toBe('reverted');
      expect(await balanceOf(restricted.token, UNVERIFIED)).toBe(0n);
      const popup = await openActivity(rig, hash);
      try {
        const status = await waitForStatus(popup, hash, 'Failed: the register refuses this transfer');
        expect(status).toContain('Transfer not possible');
      } finally {
        await popup.close();
      }
    });

    it('sends ether with an ethers BrowserProvider signer, unchanged', async () => {
      await registry.addScriptTag({ path: path.resolve('node_modules/ethers/dist/ethers.umd.min.js') });
      const value = parseEther('0.25');
      const bobBefore = await chain.getBalance({ address: BOB });
      const sent = registry.evaluate(async (to, wei) => {
        type Signer = { sendTransaction(tx: { to: string; value: bigint }): Promise<{ hash: string }> };
        const { ethers } = window as unknown as { ethers: { BrowserProvider: new (p: unknown) => { getSigner(): Promise<Signer> } } };
        const signer = await new ethers.BrowserProvider((window as unknown as { ethereum: unknown }).ethereum).getSigner();
        return (await signer.sendTransaction({ to, value: BigInt(wei) })).hash;
      }, BOB, value.toString());
      const approval = await rig.waitForNewExtensionWindow('approval.html', () => Promise.resolve(), 20_000);
      await waitForText(approval, 'Send 0.25');
      await waitForText(approval, 'Network fee');
      await decide(approval, 'Approve');
      const hash = await sent as Hash;
      const receipt = await chain.waitForTransactionReceipt({ hash });
      expect(receipt).toMatchObject({ status: 'success', from: ALICE.toLowerCase(), to: BOB.toLowerCase() });
      expect(await chain.getBalance({ address: BOB })).toBe(bobBefore + value);
    });

    it('moves shares with viem\'s writeContract from a page that uses viem as its documentation shows, unchanged', async () => {
      await loadViemPage(registry);
      const bobBefore = await balanceOf(demo.registry.token, BOB);
      let sent: ReturnType<typeof viemWriteTransfer> = Promise.resolve({ hash: undefined, code: undefined, message: 'not sent' });
      const approval = await rig.waitForNewExtensionWindow('approval.html', () => {
        sent = viemWriteTransfer(registry, demo.registry.token, BOB, shares('2').toString());
        return Promise.resolve();
      }, 20_000);
      await waitForText(approval, 'ACME');
      await waitForText(approval, 'Network fee');
      await decide(approval, 'Approve');
      const { hash, message } = await sent;
      expect(message).toBeUndefined();
      const receipt = await chain.waitForTransactionReceipt({ hash: hash as Hash });
      expect(receipt.status).toBe('success');
      expect(await balanceOf(demo.registry.token, BOB)).toBe(bobBefore + shares('2'));
      // Sent by the wallet, it is in Activity too.
      const popup = await openActivity(rig, hash ?? '');
      try {
        expect(await listedHashes(popup)).toContain(hash);
      } finally {
        await popup.close();
      }
    });
  });
}

/** Connects the registry to account 0, then adds its network (a node on this computer) and Acme's token. */
async function connectAndAddNetwork(rig: RigBrowser, registry: Page, rpcUrl: string): Promise<void> {
  await decide(await approvalFor(rig, registry, 'Connect wallet'), 'Approve');
  expect(await settled(registry, '#account')).toMatchObject({ state: 'connected', text: ALICE });
  expect(await settled(registry, '#cap-table')).toMatchObject({ state: 'loaded' });
  const network = await approvalFor(rig, registry, 'Add Acme to wallet');
  await waitForText(network, rpcUrl);
  await acceptLocalNode(network);
  await decide(await approveThenNext(rig, network, 'Show a share token'), 'Approve');
  expect(await settled(registry, '#add-to-wallet-result')).toMatchObject({ state: 'added' });
}

/** Anvil's own controls (its test RPC methods): mining on every transaction or only when asked. */
function anvilControl(rpcUrl: string) {
  const client = createTestClient({ mode: 'anvil', transport: http(rpcUrl) });
  return {
    setAutomine: (on: boolean) => client.setAutomine(on),
    mine: () => client.mine({ blocks: 1 }),
  };
}

/** eth_getTransactionReceipt as the node answers it: null while (or if ever) the transaction is not mined. */
function rawReceipt(chain: PublicClient, hash: Hash): Promise<unknown> {
  return chain.request({ method: 'eth_getTransactionReceipt', params: [hash] });
}

/** A replacement fee nodes accept: at least 10% above the fee it replaces (go-ethereum's price bump). */
function atLeastTenPercentMore(replacement: bigint | undefined, original: bigint | undefined): boolean {
  return replacement !== undefined && original !== undefined && replacement * 10n >= original * 11n;
}
