// The register's facts in the popup's holdings (issue 13): the example registry on a real chain (anvil)
// with Nordwind Bank's T-REX suite; its agent acts through the registry's agent page (the server sends
// the agent's transactions), and the popup, opened afresh, shows what the register now says of the
// holder: frozen and available shares, then that it is no longer a verified investor. The same suite
// runs in Chromium and in Firefox, one test file each, each with its own chain.
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import type { Address } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRegistryDemo, type RegistryDemo } from '../../example/registry/server';
import { privateResult } from './flows/private';
import { acceptLocalNode, approvalFor, approveThenNext, decide, openRegistry, settled } from './flows/registry';
import { restoreWallet } from './flows/wallet';
import { launchBrowser, type BrowserKind, type RigBrowser } from './rig/browsers';
import { clickButton, fillField, waitForText } from './rig/ui';

const ANVIL_PHRASE = 'test test test test test test test test test test test junk';
const PASSWORD = 'Shares-are-forever-42';
/** Anvil account 0: holds 1,000 NRDW, a verified investor (deploy-trex.ts). */
const ALICE: Address = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266';
const UI_TIMEOUT_MS = 20_000;

export function registerHoldingsSuite(kind: BrowserKind): void {
  describe(`the register's facts in the holdings in ${kind}`, () => {
    let rig: RigBrowser;
    let demo: RegistryDemo;
    let registry: Page;
    let nrdw: Address;

    beforeAll(async () => {
      demo = await startRegistryDemo({ restricted: true });
      if (demo.restricted === undefined) throw new Error('the demo runs without Nordwind Bank');
      nrdw = demo.restricted.token;
      rig = await launchBrowser(kind, { extensionDir: path.resolve(kind === 'chromium' ? 'dist/chrome' : 'dist/firefox') });
      const popup = await rig.openExtensionPage('popup.html');
      await restoreWallet(popup, ANVIL_PHRASE, PASSWORD);
      registry = await openRegistry(rig, demo.site.url);
      await decide(await approvalFor(rig, registry, 'Connect wallet'), 'Approve');
      const network = await approvalFor(rig, registry, 'Add Acme to wallet');
      await acceptLocalNode(network);
      await decide(await approveThenNext(rig, network, 'Show a share token'), 'Approve');
      expect(await settled(registry, '#add-to-wallet-result')).toMatchObject({ state: 'added' });
      // The shareholder adds Nordwind Bank's token by its address (the popup's add-token form sends this).
      await privateResult(popup, 'tokens.add', { chainId: `0x${demo.registry.chainId.toString(16)}`, address: nrdw });
      await popup.close();
    });

    afterAll(async () => {
      await rig.close();
      await demo.stop();
    });

    /** The agent page's action on `holder`, done once the registry's server says it was mined. */
    async function agentActs(button: string, holder: Address, shares?: string): Promise<void> {
      await registry.bringToFront();
      await fillField(registry, 'Holder', holder);
      if (shares !== undefined) await fillField(registry, 'Shares to freeze or unfreeze', shares);
      await clickButton(registry, button);
      expect(await settled(registry, '#agent-result')).toMatchObject({ state: 'done' });
    }

    /** The popup opened afresh (it refreshes the holdings), once `holder`'s NRDW row says `text` as its `fact`. */
    async function popupShows(holder: Address, fact: string, text: string): Promise<Page> {
      const popup = await rig.openExtensionPage('popup.html');
      const selector = `[data-token="${nrdw}"] [data-address="${holder}"] [data-fact="${fact}"]`;
      await popup.waitForFunction((s, t) => document.querySelector(s)?.textContent === t, { timeout: UI_TIMEOUT_MS }, selector, text);
      return popup;
    }

    it('shows an NRDW holder "100 frozen, 900 available to move" after the agent freezes 100 of their shares', async () => {
      await agentActs('Freeze shares', ALICE, '100');
      const popup = await popupShows(ALICE, 'frozen', '100 frozen, 900 available to move');
      await waitForText(popup, 'Verified investor');
      await popup.close();
    });

    it('shows "Not a verified investor" for an account whose verification the agent revoked', async () => {
      await agentActs('Revoke verification', ALICE);
      const popup = await popupShows(ALICE, 'not-verified', 'Not a verified investor: cannot receive these shares');
      await popup.close();
    });
  });
}
