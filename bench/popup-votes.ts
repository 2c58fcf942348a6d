// Browser bench, votes (issue 14): how long the action popup takes, from the start of its navigation, to
// draw the Votes screen with 5 governors × 50 proposals cached, in headless Chromium with the built
// extension, next to the popup's own open (home, no share token known) and an empty extension popup, each
// opened the same way in the same rounds.
import { startAnvil } from '../example/registry/chain/anvil';
import { ANVIL_MNEMONIC } from '../example/registry/chain/deploy';
import { privateResult } from '../test/e2e/flows/private';
import { acceptLocalNode, decide, settledPageCount } from '../test/e2e/flows/registry';
import { restoreWallet } from '../test/e2e/flows/wallet';
import { launchBrowser, type RigBrowser } from '../test/e2e/rig/browsers';
import { startTestPages } from '../test/e2e/rig/test-pages';
import { POPUP_MARKS } from '../src/ui/lib/popup-marks';
import { OPEN_SHOWN_AT_FIRST } from '../src/ui/lib/votes';
import type { Page, WebWorker } from 'puppeteer-core';
import { benchExtension } from './bench-extension';
import { emptyPopupOnce, extensionWorker } from './floors';
import { deployBenchGovernors, GOVERNORS, PROPOSALS } from './governance';
import { median, ratioText, round, table } from './measure';

const ROUNDS = 20;
const CHAIN_ID = '0x7a69';

type Provider = { ethereum: { request(a: unknown): Promise<unknown> } };

/** The network, added by a page as a registry would: connected first, then the user approves the local node. */
async function addNetworkFromPage(rig: RigBrowser, page: Page, rpcUrl: string): Promise<void> {
  const connected = page.evaluate(() => (window as unknown as Provider).ethereum.request({ method: 'eth_requestAccounts' }));
  await decide(await rig.waitForNewExtensionWindow('approval.html', () => Promise.resolve(), 20_000), 'Approve');
  await connected;
  await settledPageCount(rig);
  const added = page.evaluate((url, chainId) => (window as unknown as Provider).ethereum.request({
    method: 'wallet_addEthereumChain', params: [{ chainId, chainName: 'Bench chain', rpcUrls: [url], nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 } }],
  }), rpcUrl, CHAIN_ID);
  const network = await rig.waitForNewExtensionWindow('approval.html', () => Promise.resolve(), 20_000);
  await acceptLocalNode(network);
  await decide(network, 'Approve');
  await added;
}

/**
 * Opens the action popup at `address` (action.setPopup, then action.openPopup in the service worker, while
 * `focused` has the focus), waits until the screen's section is drawn and done reading, and closes it.
 * @returns ms from the popup's navigation start to the screen's `painted` mark.
 */
async function popupOnce(rig: RigBrowser, worker: WebWorker, focused: Page, address: string, painted: string, section: string): Promise<number> {
  await worker.evaluate((popup) => (globalThis as unknown as { chrome: { action: { setPopup(d: object): Promise<void> } } }).chrome.action.setPopup({ popup }), address);
  await focused.bringToFront();
  const opened = rig.browser.waitForTarget((target) => target.url() === rig.extensionUrl(address), { timeout: 10_000 });
  await worker.evaluate('chrome.action.openPopup()');
  const shown = await (await opened).asPage();
  // Each open measured from a quiet wallet: the refresh it starts ends before the next open.
  await shown.waitForFunction((mark, selector) => performance.getEntriesByName(mark).length > 0
    && document.querySelector(selector)?.getAttribute('aria-busy') === 'false', { timeout: 60_000 }, painted, section);
  const ms = await shown.evaluate((mark) => performance.getEntriesByName(mark)[0]?.startTime ?? NaN, painted);
  await shown.close();
  await worker.evaluate(() => (globalThis as unknown as { chrome: { action: { setPopup(d: object): Promise<void> } } }).chrome.action.setPopup({ popup: 'popup.html' }));
  return ms;
}

export async function benchPopupVotes(): Promise<void> {
  const chain = await startAnvil();
  const pages = await startTestPages();
  const extension = benchExtension();
  const rig = await launchBrowser('chromium', { extensionDir: extension.dir });
  try {
    const governors = await deployBenchGovernors(chain.rpcUrl);
    const popup = await rig.openExtensionPage('popup.html');
    await restoreWallet(popup, ANVIL_MNEMONIC, 'benchmark password');
    const page = await rig.browser.newPage();
    await page.goto(pages.url);
    await addNetworkFromPage(rig, page, chain.rpcUrl);
    await privateResult(popup, 'chains.choose', { chainId: CHAIN_ID });
    for (const address of governors) await privateResult(popup, 'governance.add', { chainId: CHAIN_ID, address });
    const cached = await privateResult(popup, 'governance.get', {});
    const proposals = cached.companies.reduce((sum, company) => sum + company.open.length + company.closed.length, 0);
    if (cached.companies.length !== GOVERNORS) throw new Error(`the wallet knows ${cached.companies.length} of ${GOVERNORS} governors`);
    await popup.close();

    const votes: number[] = [];
    const home: number[] = [];
    const emptyPopup: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const worker = await extensionWorker(rig);
      votes.push(await popupOnce(rig, worker, page, 'popup.html#votes', POPUP_MARKS.votesPainted, 'section.votes'));
      home.push(await popupOnce(rig, worker, page, 'popup.html', POPUP_MARKS.holdingsPainted, 'section.holdings'));
      emptyPopup.push(await emptyPopupOnce(rig, worker, page));
    }
    console.log(table([`figure (Chromium action popup, median of ${ROUNDS})`, 'ms', 'ratio', 'goal'], [
      ['floor: empty extension popup, navigation start → first frame', round(median(emptyPopup), 1).toString(), '', ''],
      ['the popup\'s own open: home drawn (no share token known)', round(median(home), 1).toString(), `${ratioText(median(home), median(emptyPopup))} of the floor`, ''],
      [`Votes screen drawn, ${GOVERNORS} governors × ${PROPOSALS} proposals cached (${proposals} in the view; the first ${OPEN_SHOWN_AT_FIRST} open ones of each drawn)`, round(median(votes), 1).toString(),
        `${ratioText(median(votes), median(home))} of the popup's open; ${ratioText(median(votes), median(emptyPopup))} of the floor`, ''],
    ]));
    console.log(JSON.stringify({
      bench: 'browser-votes', unit: `ms (median of ${ROUNDS})`, governors: GOVERNORS, proposalsPerGovernor: PROPOSALS, proposalsInView: proposals, openDrawnFirstPerCompany: OPEN_SHOWN_AT_FIRST,
      votesScreenMs: round(median(votes), 1), popupHomeMs: round(median(home), 1), emptyPopupMs: round(median(emptyPopup), 1),
      ratioToPopupOpen: round(median(votes) / median(home), 2),
    }));
  } finally {
    await rig.close();
    await pages.close();
    await chain.stop();
    extension.remove();
  }
}
