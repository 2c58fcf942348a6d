// Browser bench, holdings: how long the action popup takes, from the start of its navigation, to show the
// cached holdings of 20 accounts × 50 share tokens, in headless Chromium with the built extension, next to
// an empty extension popup opened the same way in the same rounds (the floor, issue 12).
// The wallet learns the chain and tokens the way the popup's "Share tokens" screen adds them.
import { mnemonicToAccount } from 'viem/accounts';
import { startAnvil } from '../example/registry/chain/anvil';
import { ANVIL_MNEMONIC } from '../example/registry/chain/deploy';
import { privateResult } from '../test/e2e/flows/private';
import { restoreWallet } from '../test/e2e/flows/wallet';
import { acceptLocalNode, decide, settledPageCount } from '../test/e2e/flows/registry';
import { launchBrowser } from '../test/e2e/rig/browsers';
import { startTestPages } from '../test/e2e/rig/test-pages';
import { POPUP_MARKS } from '../src/ui/lib/popup-marks';
import { benchExtension } from './bench-extension';
import { emptyPopupOnce, extensionWorker } from './floors';
import { deployTokens } from './holdings';
import { median, ratioText, round, table } from './measure';

const ACCOUNTS = 20;
const TOKENS = 50;
const ROUNDS = 20;
const CHAIN_ID = '0x7a69';

/** When, from the start of the popup's navigation, each step of an open happened (POPUP_MARKS). */
interface PopupMarks {
  scriptRan: number;
  answered: number;
  holdingsDrawn: number;
  holdingsPainted: number;
}

/**
 * Runs in the popup (so no named inner functions: tsx would wrap them in a helper the page lacks).
 * @throws Error if a mark is missing, or the holdings drawn are not every company's.
 */
function readMarks(tokens: number, names: typeof POPUP_MARKS): PopupMarks {
  const cards = document.querySelectorAll('section.holdings article .total').length;
  if (cards < tokens || document.querySelector('section.holdings button') === null) throw new Error(`the popup drew ${cards} of ${tokens} companies, or no Refresh button`);
  const [scriptRan = NaN, answered = NaN, holdingsDrawn = NaN, holdingsPainted = NaN] = [names.scriptRan, names.answered, names.holdingsDrawn, names.holdingsPainted]
    .map((name) => performance.getEntriesByName(name)[0]?.startTime ?? NaN);
  if ([scriptRan, answered, holdingsDrawn, holdingsPainted].some(Number.isNaN)) throw new Error('the popup did not set all its marks');
  return { scriptRan, answered, holdingsDrawn, holdingsPainted };
}

export async function benchPopupHoldings(): Promise<void> {
  const chain = await startAnvil();
  const pages = await startTestPages();
  const extension = benchExtension();
  const rig = await launchBrowser('chromium', { extensionDir: extension.dir });
  try {
    const holders = Array.from({ length: ACCOUNTS }, (_, index) => mnemonicToAccount(ANVIL_MNEMONIC, { addressIndex: index }).address);
    const tokens = await deployTokens(chain.rpcUrl, TOKENS, holders);
    const popup = await rig.openExtensionPage('popup.html');
    await restoreWallet(popup, ANVIL_MNEMONIC, 'benchmark password');
    // The network, added by a page as a registry would: connected first, then the user approves the
    // network (anvil is on this computer, so the local-node box is ticked).
    const page = await rig.browser.newPage();
    await page.goto(pages.url);
    const connected = page.evaluate(() => (window as unknown as { ethereum: { request(a: unknown): Promise<unknown> } }).ethereum.request({ method: 'eth_requestAccounts' }));
    await decide(await rig.waitForNewExtensionWindow('approval.html', () => Promise.resolve(), 20_000), 'Approve');
    await connected;
    await settledPageCount(rig);
    const added = page.evaluate((rpcUrl, chainId) => (window as unknown as { ethereum: { request(a: unknown): Promise<unknown> } }).ethereum.request({
      method: 'wallet_addEthereumChain', params: [{ chainId, chainName: 'Bench chain', rpcUrls: [rpcUrl], nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 } }],
    }), chain.rpcUrl, CHAIN_ID);
    const network = await rig.waitForNewExtensionWindow('approval.html', () => Promise.resolve(), 20_000);
    await acceptLocalNode(network);
    await decide(network, 'Approve');
    await added;
    // Each token added from the popup runs discovery (which finds the 20 holders) and a refresh.
    for (const address of tokens) await privateResult(popup, 'tokens.add', { chainId: CHAIN_ID, address });
    await popup.close();

    // The real action popup, opened the way a click opens it (action.openPopup, called in the service
    // worker), while a normal tab has the focus. The popup's own User Timing marks give the times, counted
    // from the start of its navigation; puppeteer attaches to the popup too late to time it from outside.
    const marks: PopupMarks[] = [];
    const emptyPopup: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const worker = await extensionWorker(rig);
      await page.bringToFront();
      const opened = rig.browser.waitForTarget((target) => target.url() === rig.extensionUrl('popup.html'), { timeout: 10_000 });
      await worker.evaluate('chrome.action.openPopup()');
      const shown = await (await opened).asPage();
      // Each open measured from a quiet wallet: the refresh it starts ends before the next open.
      await shown.waitForFunction((painted) => performance.getEntriesByName(painted).length > 0
        && document.querySelector('section.holdings')?.getAttribute('aria-busy') === 'false', { timeout: 30_000 }, POPUP_MARKS.holdingsPainted);
      marks.push(await shown.evaluate(readMarks, TOKENS, POPUP_MARKS));
      await shown.close();
      emptyPopup.push(await emptyPopupOnce(rig, worker, page));
    }
    const times = marks.map((mark) => mark.holdingsPainted);
    const figure = round(median(times), 1);
    const floor = round(median(emptyPopup), 1);
    const scriptRan = round(median(marks.map((mark) => mark.scriptRan)), 1);
    const answered = round(median(marks.map((mark) => mark.answered)), 1);
    const drawn = round(median(marks.map((mark) => mark.holdingsDrawn)), 1);
    console.log(table([`figure (Chromium action popup, median of ${ROUNDS})`, 'ms', 'ratio to floor', 'goal'], [
      ['floor: empty extension popup, navigation start → first frame', floor.toString(), '', ''],
      [`popup opened → holdings interactive, ${ACCOUNTS} accounts × ${TOKENS} tokens cached`, figure.toString(), ratioText(median(times), median(emptyPopup)), '<= 100; <= 1.5x'],
      ['  of which: the popup\'s first script runs', scriptRan.toString(), '', ''],
      ['  of which: the wallet and its cached holdings have answered', answered.toString(), '', ''],
      ['  of which: the figures are in the document (the rest is style, layout, paint)', drawn.toString(), '', ''],
    ]));
    console.log(JSON.stringify({
      bench: 'browser-holdings', unit: `ms (median of ${ROUNDS})`, accounts: ACCOUNTS, tokens: TOKENS,
      popupToHoldingsMs: figure, emptyPopupMs: floor, popupRatio: round(median(times) / median(emptyPopup), 2), popupScriptMs: scriptRan, popupAnswersMs: answered, popupHoldingsInDocumentMs: drawn,
    }));
  } finally {
    await rig.close();
    await pages.close();
    await chain.stop();
    extension.remove();
  }
}
