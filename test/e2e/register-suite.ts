// The share register's transfer check before signing (issue 13 §3), from the example registry's "Send NRDW"
// on a real chain (anvil) with Nordwind Bank's T-REX suite: a transfer to an investor the identity registry
// does not know is refused in words before signing and approving it takes a deliberate tick; shares the
// bank's agent froze are counted ("N of your M NRDW are frozen; K can move"), and once unfrozen the same
// transfer is accepted and mined; a node that fails during the check gives "could not check", which never
// blocks. The wallet reaches the chain through a proxy the test can break; the test and the agent use anvil
// directly. The same suite runs in Chromium and in Firefox, one test file each, each with its own chain.
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import { erc20Abi, parseUnits, type Address, type Hash, type PublicClient } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAnvil, type AnvilNode } from '../../example/registry/chain/anvil';
import { deployRegistry, registryPublicClient } from '../../example/registry/chain/deploy';
import { deployRestrictedCompany, type DeployedRestrictedCompany } from '../../example/registry/chain/deploy-trex';
import { freezePartialTokens, unfreezePartialTokens } from '../../example/registry/chain/trex-actions';
import { startRegistrySite, type RegistrySite } from '../../example/registry/server';
import { acceptLocalNode, approvalFor, approveThenNext, decide, openRegistry, sentHash, settled } from './flows/registry';
import { restoreWallet } from './flows/wallet';
import { launchBrowser, type BrowserKind, type RigBrowser } from './rig/browsers';
import { startRpcProxy, type RpcProxy } from './rig/rpc-proxy';
import { ariaSelector, clickButton, fillField, getByRole, queryAllByRole, waitForText } from './rig/ui';

const ANVIL_PHRASE = 'test test test test test test test test test test test junk';
const PASSWORD = 'Shares-are-forever-42';
const ALICE: Address = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266';
/** Anvil account 1: a verified NRDW investor. */
const BOB: Address = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
const SEND_ANYWAY = 'Send it anyway: I understand it will fail and still costs a fee';
const shares = (n: string) => parseUnits(n, 18);

/** The register's verdict as the approval window words it, once checked: the contract's framing labels left out. */
async function verdictIn(approval: Page): Promise<string> {
  const section = await approval.waitForSelector('section.register-verdict:not([aria-busy="true"])', { timeout: 20_000 });
  if (section === null) throw new Error('the approval window shows no register verdict');
  return section.evaluate((element) => {
    const copy = element.cloneNode(true) as HTMLElement;
    for (const hidden of copy.querySelectorAll('h2, .outside-label')) hidden.remove();
    return copy.textContent.replace(/\s+/g, ' ').trim();
  });
}

/** Approve's `disabled` once the window's decision guard has passed (Reject is enabled by then). */
async function approveDisabled(approval: Page): Promise<boolean> {
  await getByRole(approval, 'button', 'Reject').setWaitForEnabled(true).wait();
  return approval.$eval(ariaSelector('Approve', 'button'), (button) => (button as HTMLButtonElement).disabled);
}

/** Waits until Approve can be pressed (a click in the window holds both buttons for a moment: its decision guard). */
async function approveEnabled(approval: Page): Promise<void> {
  await getByRole(approval, 'button', 'Approve').setWaitForEnabled(true).wait();
}

export function registerSuite(kind: BrowserKind): void {
  describe(`the register's transfer check before signing in ${kind}`, () => {
    let node: AnvilNode;
    let company: DeployedRestrictedCompany;
    let proxy: RpcProxy;
    let site: RegistrySite;
    let rig: RigBrowser;
    let registry: Page;
    let chain: PublicClient;

    beforeAll(async () => {
      node = await startAnvil();
      const deployment = await deployRegistry(node.rpcUrl);
      company = await deployRestrictedCompany(node.rpcUrl);
      chain = await registryPublicClient(node.rpcUrl);
      proxy = await startRpcProxy(node.rpcUrl);
      site = await startRegistrySite({ chain: { rpcUrl: node.rpcUrl, deployment, restricted: company, browserRpcUrl: proxy.url } });
      rig = await launchBrowser(kind, { extensionDir: path.resolve(kind === 'chromium' ? 'dist/chrome' : 'dist/firefox') });
      const onboarding = await rig.openExtensionPage('popup.html');
      await restoreWallet(onboarding, ANVIL_PHRASE, PASSWORD);
      await onboarding.close();
      registry = await openRegistry(rig, site.url);
      await connectAndAddNetwork(rig, registry, proxy.url);
      // The wallet knows NRDW (name, symbol, decimals from the chain), so amounts read as shares.
      const popup = await rig.openExtensionPage('popup.html');
      await clickButton(popup, 'Share tokens');
      await fillField(popup, 'Token address', company.token);
      await clickButton(popup, 'Add token');
      await getByRole(popup, 'button', `Remove ${company.tokenSymbol}`).wait();
      await popup.close();
      await registry.bringToFront();
      expect(await settled(registry, '#restricted-deployment')).toMatchObject({ state: 'loaded' });
    });

    afterAll(async () => {
      await rig.close();
      await site.close();
      await proxy.close();
      await node.stop();
    });

    /** Fills the NRDW form and presses "Send NRDW": the approval window it opens. */
    async function sendNrdw(to: Address, amount: string): Promise<Page> {
      await registry.bringToFront();
      await fillField(registry, 'NRDW recipient', to);
      await fillField(registry, 'NRDW shares', amount);
      return approvalFor(rig, registry, 'Send NRDW');
    }

    it('names an unverified recipient before signing, and approving the transfer takes the deliberate tick', async () => {
      const approval = await sendNrdw(company.unverified, '10');
      expect(await verdictIn(approval)).toBe(`${company.unverified} is not a verified investor of ${company.tokenName}`);
      expect(await approveDisabled(approval)).toBe(true);
      await getByRole(approval, 'checkbox', SEND_ANYWAY).click();
      await approveEnabled(approval);
      await decide(approval, 'Reject');
    });

    it('counts the shares the agent froze, and accepts the same transfer once they are unfrozen, which then mines', async () => {
      await freezePartialTokens(node.rpcUrl, company.token, ALICE, shares('950'));
      const refused = await sendNrdw(BOB, '100');
      expect(await verdictIn(refused)).toBe('950 of your 1,000 NRDW are frozen; 50 can move');
      await decide(refused, 'Reject');
      await unfreezePartialTokens(node.rpcUrl, company.token, ALICE, shares('950'));
      const bobBefore = await chain.readContract({ address: company.token, abi: erc20Abi, functionName: 'balanceOf', args: [BOB] });
      const accepted = await sendNrdw(BOB, '100');
      expect(await verdictIn(accepted)).toBe('The register would accept this transfer');
      await approveEnabled(accepted);
      await decide(accepted, 'Approve');
      const hash = await sentHash(registry, '#restricted-send-result', '#restricted-send-tx') as Hash;
      expect((await chain.waitForTransactionReceipt({ hash })).status).toBe('success');
      expect(await chain.readContract({ address: company.token, abi: erc20Abi, functionName: 'balanceOf', args: [BOB] })).toBe(bobBefore + shares('100'));
    });

    it('says it could not check when the node fails during the check, and still lets the user approve', async () => {
      // The wallet's eth_call fails (the register's reads); sending and fees still reach the node.
      proxy.setMode({ kind: 'without-method', method: 'eth_call' });
      try {
        const approval = await sendNrdw(BOB, '1');
        const verdict = await verdictIn(approval);
        expect(verdict).toContain('Could not check with the register: the network\'s node failed to answer. You can still decide.');
        expect(verdict).toContain(`Details: the node at ${proxy.url}`);
        await approveEnabled(approval);
        expect(await queryAllByRole(approval, 'checkbox', SEND_ANYWAY)).toHaveLength(0);
        await decide(approval, 'Approve');
        const hash = await sentHash(registry, '#restricted-send-result', '#restricted-send-tx') as Hash;
        expect((await chain.waitForTransactionReceipt({ hash })).status).toBe('success');
      } finally {
        proxy.setMode({ kind: 'pass' });
      }
    });
  });
}

/** Connects the registry to account 0, then adds its network (a node on this computer, here the proxy) and Acme's token. */
async function connectAndAddNetwork(rig: RigBrowser, registry: Page, rpcUrl: string): Promise<void> {
  await decide(await approvalFor(rig, registry, 'Connect wallet'), 'Approve');
  expect(await settled(registry, '#account')).toMatchObject({ state: 'connected', text: ALICE });
  const network = await approvalFor(rig, registry, 'Add Acme to wallet');
  await waitForText(network, rpcUrl);
  await acceptLocalNode(network);
  await decide(await approveThenNext(rig, network, 'Show a share token'), 'Approve');
  expect(await settled(registry, '#add-to-wallet-result')).toMatchObject({ state: 'added' });
}
