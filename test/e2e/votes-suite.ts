// The voting centre (issue 14) on the example registry's real chain (anvil with Acme's ShareToken and
// ShareholderGovernor): the user adds the company's governor in the Votes screen (a contract that is not
// a governor is refused in plain words); a proposal the registry creates shows there, open, with the time
// left and the holder's weight; the holder votes FOR from the wallet, approved in the approval window, and
// the governor's tally read on chain counts the holder's votes; "Activate my votes" on the Votes screen turns
// the 0 votes of an account that never delegated into its balance. The same suite runs in Chromium and in
// Firefox, one test file each, each with its own chain.
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import { parseUnits, type Address } from 'viem';
import { mnemonicToAccount } from 'viem/accounts';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { shareTokenAbi } from '../../example/registry/chain/abi';
import { startAnvil, type AnvilNode } from '../../example/registry/chain/anvil';
import { createProposal, deployRegistry, proposalVotes, registryPublicClient, sendFromAccount, type DeployedRegistry } from '../../example/registry/chain/deploy';
import { startRegistrySite, type RegistrySite } from '../../example/registry/server';
import { acceptLocalNode, approvalFor, approveThenNext, decide, openRegistry, settled } from './flows/registry';
import { restoreWallet } from './flows/wallet';
import { launchBrowser, type BrowserKind, type RigBrowser } from './rig/browsers';
import { clickButton, fillField, getByRole, queryAllByRole, waitForText } from './rig/ui';

const ANVIL_PHRASE = 'test test test test test test test test test test test junk';
const PASSWORD = 'Shares-are-forever-42';
const [ALICE, , , NEWCOMER] = Array.from({ length: 4 }, (_, index) => mnemonicToAccount(ANVIL_PHRASE, { addressIndex: index }).address) as [Address, Address, Address, Address];
/** Account 2 of the demo cap table gives this many shares to account 3, which never delegated. */
const GIFT = '10';
const NETWORK_NAME = 'Acme registry chain (local)';
const TITLE = 'Approve the 2026 dividend';
const DESCRIPTION = `# ${TITLE}\n\nPay 0.10 ACME per share on 1 July 2026.\nThe board recommends voting For.`;
const shares = (n: string) => parseUnits(n, 18);

/** The Votes screen of a fresh popup, once its first read of the chain is over. */
async function openVotes(rig: RigBrowser): Promise<Page> {
  const popup = await rig.openExtensionPage('popup.html');
  await clickButton(popup, 'Votes', 30_000);
  await getByRole(popup, 'heading', 'Votes').wait();
  await votesSettled(popup);
  return popup;
}

/** Until the Votes screen is no longer reading the chain. */
async function votesSettled(popup: Page): Promise<void> {
  await popup.waitForFunction(() => {
    const section = document.querySelector('section.votes');
    return section !== null && section.getAttribute('aria-busy') !== 'true';
  }, { timeout: 30_000 });
}

/** The text of the first element matching `selector`, once it matches `wanted`. */
async function textOnceMatching(popup: Page, selector: string, wanted: RegExp): Promise<string> {
  const handle = await popup.waitForFunction((css, source) => {
    const text = document.querySelector(css)?.textContent.trim();
    return text !== undefined && new RegExp(source).test(text) ? text : false;
  }, { timeout: 30_000 }, selector, wanted.source);
  return await handle.jsonValue() as string;
}

export function votesSuite(kind: BrowserKind): void {
  describe(`the voting centre in ${kind}`, () => {
    let chain: AnvilNode;
    let registry: DeployedRegistry;
    let site: RegistrySite;
    let rig: RigBrowser;
    let proposalId: bigint;
    /** The company's card on the Votes screen. */
    let card: string;

    async function chainRead(functionName: 'balanceOf' | 'getVotes', holder: Address): Promise<bigint> {
      const client = await registryPublicClient(chain.rpcUrl);
      return client.readContract({ address: registry.token, abi: shareTokenAbi, functionName, args: [holder] });
    }

    beforeAll(async () => {
      chain = await startAnvil();
      registry = await deployRegistry(chain.rpcUrl);
      card = `section.votes article[aria-label="${registry.tokenName}"]`;
      // Account 3 receives shares and never delegates: they carry no votes until it activates them.
      await sendFromAccount(chain.rpcUrl, 2, 'transfer', async (wallet, client) => {
        const { request } = await client.simulateContract({
          account: wallet.account, address: registry.token, abi: shareTokenAbi, functionName: 'transfer', args: [NEWCOMER, shares(GIFT)],
        });
        return wallet.writeContract(request);
      });
      site = await startRegistrySite({ chain: { rpcUrl: chain.rpcUrl, deployment: registry } });
      rig = await launchBrowser(kind, { extensionDir: path.resolve(kind === 'chromium' ? 'dist/chrome' : 'dist/firefox') });
      const popup = await rig.openExtensionPage('popup.html');
      await restoreWallet(popup, ANVIL_PHRASE, PASSWORD);
      await popup.close();

      // The registry connects account 0 and adds its network and token; the user then chooses the network,
      // so the wallet finds the phrase's used accounts there (0-9: anvil funds them all).
      const page = await openRegistry(rig, site.url);
      await decide(await approvalFor(rig, page, 'Connect wallet'), 'Approve');
      expect(await settled(page, '#account')).toMatchObject({ state: 'connected', text: ALICE });
      expect(await settled(page, '#cap-table')).toMatchObject({ state: 'loaded' });
      const network = await approvalFor(rig, page, 'Add Acme to wallet');
      await waitForText(network, chain.rpcUrl);
      await acceptLocalNode(network);
      await decide(await approveThenNext(rig, network, 'Show a share token'), 'Approve');
      expect(await settled(page, '#add-to-wallet-result')).toMatchObject({ state: 'added' });
      const home = await rig.openExtensionPage('popup.html');
      await clickButton(home, `Read all my accounts on ${NETWORK_NAME}`, 30_000);
      await waitForText(home, `All your accounts are read on ${NETWORK_NAME} now.`, 60_000);
      await home.close();
    });

    afterAll(async () => {
      await rig.close();
      await site.close();
      await chain.stop();
    });

    it('adds the company\'s governor by its address, after refusing in plain words a contract that is not a governor', async () => {
      const popup = await openVotes(rig);
      await fillField(popup, 'Governor address', registry.token);
      await clickButton(popup, 'Add governor');
      await waitForText(popup, 'The governor could not be added: ');
      expect(await popup.$(card)).toBeNull();

      await fillField(popup, 'Governor address', registry.governor);
      await clickButton(popup, 'Add governor');
      await popup.waitForSelector(card, { timeout: 30_000 });
      expect(await popup.$eval(card, (article) => article.getAttribute('data-governor'))).toBe(registry.governor);
      expect(await popup.$eval(card, (article) => article.textContent)).toContain(registry.governorName);
      // Each account's part of the shares (1,500 of 2,550) and, once the votes were counted, of the votes.
      await clickButton(popup, 'Refresh');
      await votesSettled(popup);
      expect(await textOnceMatching(popup, `${card} li[data-address="${ALICE}"] .power`, /^58\.8% of shares/)).toMatch(/^58\.8% of shares(, \d+(\.\d)?% of votes)?$/);
      await popup.close();
    });

    it('shows a proposal the registry created as open, with the time left and the holder\'s votes', async () => {
      proposalId = await createProposal(chain.rpcUrl, registry.governor, DESCRIPTION);
      const popup = await openVotes(rig);
      const item = `${card} li[data-proposal="${proposalId}"]`;
      await popup.waitForSelector(item, { timeout: 30_000 });
      expect(await popup.$eval(item, (li) => li.getAttribute('data-state'))).toBe('active');
      expect(await popup.$eval(`${item} .proposal-title`, (button) => button.textContent.trim())).toBe(TITLE);
      expect(await popup.$eval(`${item} .time-left`, (line) => line.textContent.trim())).toMatch(/^closes (in \d+ (minutes?|hours?|days?)|any moment now)$/);
      const alice = `${item} li[data-account="${ALICE}"]`;
      expect(await popup.$eval(`${alice} .weight`, (span) => span.textContent.trim())).toBe('1,500 votes');
      expect(await popup.$eval(`${alice} .vote-status`, (span) => span.textContent.trim())).toBe('has not voted yet');
      expect(await popup.$eval(`${item} li[data-account="${NEWCOMER}"] .vote-status`, (span) => span.textContent.trim())).toBe('no votes on this proposal');
      // Accounts 0, 1 and 2 carried 1,500 + 800 + 240 votes at the snapshot.
      expect(await popup.$eval(`${item} .your-votes`, (line) => line.textContent)).toContain('2,540');
      await popup.close();
    });

    it('votes FOR from the wallet: the approval window names the vote, and the governor\'s tally on chain counts the holder\'s votes', async () => {
      expect(await proposalVotes(chain.rpcUrl, registry.governor, proposalId)).toEqual({ against: 0n, for: 0n, abstain: 0n });
      const popup = await openVotes(rig);
      await clickButton(popup, TITLE);
      await getByRole(popup, 'heading', 'Proposal').wait();
      // The rest of the description, as the proposer wrote it.
      await waitForText(popup, 'The board recommends voting For.');
      // Accounts 0, 1 and 2 can vote: the user chooses which.
      await popup.select('#vote-from', ALICE);
      await getByRole(popup, 'radio', 'For').click();
      await fillField(popup, 'Reason (optional)', 'A good year.');
      const approval = await rig.waitForNewExtensionWindow('approval.html', () => clickButton(popup, 'Vote'), 20_000);
      await waitForText(approval, 'Vote FOR');
      await waitForText(approval, 'Network fee');
      await decide(approval, 'Approve');
      await popup.bringToFront();
      await getByRole(popup, 'heading', 'Activity', 30_000).wait();
      await vi.waitFor(async () => {
        expect(await proposalVotes(chain.rpcUrl, registry.governor, proposalId)).toEqual({ against: 0n, for: shares('1500'), abstain: 0n });
      }, { timeout: 30_000, interval: 200 });

      // Back on the Votes screen, read again: the account has voted For.
      await clickButton(popup, 'Back');
      await votesSettled(popup);
      const alice = `${card} li[data-proposal="${proposalId}"] li[data-account="${ALICE}"]`;
      expect(await textOnceMatching(popup, `${alice} .vote-status`, /^voted/)).toBe('voted For');
      await popup.close();
    });

    it('activates the votes of an account whose shares carry none: its votes then equal its balance, on chain and on screen', async () => {
      expect(await chainRead('getVotes', NEWCOMER)).toBe(0n);
      const popup = await openVotes(rig);
      const row = `${card} li[data-address="${NEWCOMER}"]`;
      expect(await textOnceMatching(popup, row, /carry no votes/)).toContain(`Your ${GIFT} shares carry no votes.`);
      expect(await popup.$eval(`${row} .votes`, (dd) => dd.textContent.trim())).toBe('0');
      // Only the account that never delegated is offered it.
      expect(await queryAllByRole(popup, 'button', 'Activate my votes')).toHaveLength(1);
      const approval = await rig.waitForNewExtensionWindow('approval.html', () => clickButton(popup, 'Activate my votes'), 20_000);
      await waitForText(approval, 'Activate your votes');
      await decide(approval, 'Approve');
      await popup.bringToFront();
      await getByRole(popup, 'heading', 'Activity', 30_000).wait();
      await vi.waitFor(async () => { expect(await chainRead('getVotes', NEWCOMER)).toBeGreaterThan(0n); }, { timeout: 30_000, interval: 200 });
      expect(await chainRead('getVotes', NEWCOMER)).toBe(await chainRead('balanceOf', NEWCOMER));

      await clickButton(popup, 'Back');
      await votesSettled(popup);
      expect(await textOnceMatching(popup, `${row} .votes`, new RegExp(`^${GIFT}$`))).toBe(GIFT);
      expect(await popup.$eval(row, (li) => li.textContent)).not.toContain('carry no votes');
      expect(await queryAllByRole(popup, 'button', 'Activate my votes')).toEqual([]);
      await popup.close();
    });
  });
}
