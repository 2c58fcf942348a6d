// Browser bench, holdings: how long the popup takes, from the start of its navigation, to show the cached
// holdings of 20 accounts × 50 share tokens, in headless Chromium with the built extension.
// The wallet learns the chain and tokens the way the popup's "Share tokens" screen adds them.
import path from 'node:path';
import { mnemonicToAccount } from 'viem/accounts';
import { startAnvil } from '../example/registry/chain/anvil';
import { ANVIL_MNEMONIC } from '../example/registry/chain/deploy';
import { privateResult } from '../test/e2e/flows/private';
import { restoreWallet } from '../test/e2e/flows/wallet';
import { decide } from '../test/e2e/flows/registry';
import { launchBrowser } from '../test/e2e/rig/browsers';
import { startTestPages } from '../test/e2e/rig/test-pages';
import { deployTokens } from './holdings';
import { round, table } from './measure';

const ACCOUNTS = 20;
const TOKENS = 50;
const ROUNDS = 20;
const CHAIN_ID = '0x7a69';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

export async function benchPopupHoldings(): Promise<void> {
  const chain = await startAnvil();
  const pages = await startTestPages();
  const rig = await launchBrowser('chromium', { extensionDir: path.resolve('dist/chrome') });
  try {
    const holders = Array.from({ length: ACCOUNTS }, (_, index) => mnemonicToAccount(ANVIL_MNEMONIC, { addressIndex: index }).address);
    const tokens = await deployTokens(chain.rpcUrl, TOKENS, holders);
    const popup = await rig.openExtensionPage('popup.html');
    await restoreWallet(popup, ANVIL_MNEMONIC, 'benchmark password');
    // The network, added by a page as a registry would (the user approves it).
    const page = await rig.browser.newPage();
    await page.goto(pages.url);
    const added = page.evaluate((rpcUrl, chainId) => (window as unknown as { ethereum: { request(a: unknown): Promise<unknown> } }).ethereum.request({
      method: 'wallet_addEthereumChain', params: [{ chainId, chainName: 'Bench chain', rpcUrls: [rpcUrl], nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 } }],
    }), chain.rpcUrl, CHAIN_ID);
    await decide(await rig.waitForNewExtensionWindow('approval.html', () => Promise.resolve(), 20_000), 'Approve');
    await added;
    // Each token added from the popup runs discovery (which finds the 20 holders) and a refresh.
    for (const address of tokens) await privateResult(popup, 'tokens.add', { chainId: CHAIN_ID, address });
    await popup.close();

    const times: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const opened = await rig.browser.newPage();
      await opened.goto(rig.extensionUrl('popup.html'), { waitUntil: 'domcontentloaded' });
      // performance.now() in the popup counts from the start of its navigation.
      // Interactive: every company's card with its total, and the Refresh button; with more than three
      // companies, a company lists its accounts when opened (COMPANIES_OPEN_AT_ONCE in src/ui/lib/holdings.ts).
      const shownAt = await opened.waitForFunction((count) => document.querySelectorAll('section.holdings article .total').length >= count
        && document.querySelector('section.holdings button') !== null ? performance.now() : false, { polling: 'mutation', timeout: 30_000 }, TOKENS);
      times.push(Number(await shownAt.jsonValue()));
      await opened.close();
    }
    const figure = round(median(times), 1);
    console.log(table([`figure (Chromium, median of ${ROUNDS})`, 'ms', 'goal'], [
      [`popup opened → holdings interactive, ${ACCOUNTS} accounts × ${TOKENS} tokens cached`, figure.toString(), '<= 100'],
    ]));
    console.log(JSON.stringify({ bench: 'browser-holdings', unit: `ms (median of ${ROUNDS})`, accounts: ACCOUNTS, tokens: TOKENS, popupToHoldingsMs: figure }));
  } finally {
    await rig.close();
    await pages.close();
    await chain.stop();
  }
}
