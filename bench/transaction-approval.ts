// Browser bench, transactions (issue 12): on a local anvil with the example registry deployed, the
// registry page asks eth_sendTransaction for a share transfer (ACME `transfer`, 1 share to another holder),
// and the shareholder approves it. Timed: the request until the approval window shows the preview of what
// it changes (and, within that, until it shows the request), next to an empty extension window opened the
// same way in the same rounds (the floor); and "Approve" until the page has the transaction's hash. The
// same rounds send a transfer of Nordwind Bank's ERC-3643 shares (NRDW) too, timed until the window shows
// both the preview and the register's verdict (issue 13), as a ratio to the plain ACME figure. Each round
// waits for its transactions to be mined and their windows to close, so the next starts from a quiet wallet.
import { encodeFunctionData, erc20Abi, parseUnits, type Hash } from 'viem';
import { registryPublicClient } from '../example/registry/chain/deploy';
import { startRegistryDemo } from '../example/registry/server';
import { acceptLocalNode, decide } from '../test/e2e/flows/registry';
import type { RigBrowser } from '../test/e2e/rig/browsers';
import type { Page } from 'puppeteer-core';
import { APPROVAL_SHOWN, benchExtension } from './bench-extension';
import { connectedBenchPage } from './connected-page';
import { emptyWindowOnce, extensionWorker } from './floors';
import { median, ratioText, round, table } from './measure';
import { askedAt, startTimedRequest, timedAnswer } from './timed-request';
import { approveNow, closed, nextExtensionWindow, shownAt } from './window-timing';

const ROUNDS = 20;
const ALICE = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266';
/** Anvil account 1, a demo holder. */
const BOB = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';

/** Asks `method` from the page, approves it (after `prepare`) and waits for the answer and for the window to close. */
async function approveSetUp(rig: RigBrowser, page: Page, method: string, params: unknown, prepare: (approval: Page) => Promise<void> = () => Promise.resolve()): Promise<void> {
  const opened = nextExtensionWindow(rig, 'approval.html');
  await startTimedRequest(page, method, params);
  const approval = await opened;
  const windowClosed = closed(approval);
  await prepare(approval);
  await decide(approval, 'Approve');
  await timedAnswer(page);
  await windowClosed;
}

/**
 * One restricted-share round: the request until the window shows both its preview and the register's
 * verdict (whichever comes last), then approved and mined like the plain rounds.
 * @returns the time from the request to the later of the two, in ms.
 */
async function restrictedRound(rig: RigBrowser, page: Page, client: Awaited<ReturnType<typeof registryPublicClient>>, transfer: { from: string; to: string; data: string }): Promise<number> {
  const opened = nextExtensionWindow(rig, 'approval.html');
  await startTimedRequest(page, 'eth_sendTransaction', [transfer]);
  const approval = await opened;
  const windowClosed = closed(approval);
  const [preview, verdict] = await Promise.all([shownAt(approval, APPROVAL_SHOWN.preview.name), shownAt(approval, APPROVAL_SHOWN.verdict.name)]);
  const said = await approval.$eval('section.register-verdict', (el) => el.textContent);
  if (!said.includes('would accept')) throw new Error(`the register's verdict on the bench's NRDW transfer is not an acceptance: ${said}`);
  const asked = await askedAt(page);
  await approveNow(approval);
  const answer = await timedAnswer(page);
  await windowClosed;
  const receipt = await client.waitForTransactionReceipt({ hash: answer.result as Hash });
  if (receipt.status !== 'success') throw new Error(`the bench's NRDW transfer ${receipt.transactionHash} reverted`);
  return Math.max(preview.painted, verdict.painted) - asked;
}

export async function benchTransactionApproval(): Promise<void> {
  const demo = await startRegistryDemo({ restricted: true });
  const extension = benchExtension();
  try {
    const { rig, page } = await connectedBenchPage(demo.site.url, extension.dir);
    try {
      const { registry, chain } = demo;
      // The registry's network and share token, added as the registry page adds them (anvil is on this
      // computer, so the local-node box is ticked).
      await approveSetUp(rig, page, 'wallet_addEthereumChain', [{
        chainId: `0x${chain.chainId.toString(16)}`, chainName: 'Acme registry chain', rpcUrls: [chain.rpcUrl],
        nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
      }], acceptLocalNode);
      // EIP-747 takes its params as an object, not an array.
      await approveSetUp(rig, page, 'wallet_watchAsset', { type: 'ERC20', options: { address: registry.token, symbol: registry.tokenSymbol, decimals: registry.decimals } });
      const restricted = demo.restricted;
      if (restricted === undefined) throw new Error('the demo started without Nordwind Bank');
      await approveSetUp(rig, page, 'wallet_watchAsset', { type: 'ERC20', options: { address: restricted.token, symbol: restricted.tokenSymbol, decimals: restricted.decimals } });
      const client = await registryPublicClient(chain.rpcUrl);
      const transfer = { from: ALICE, to: registry.token, data: encodeFunctionData({ abi: erc20Abi, functionName: 'transfer', args: [BOB, parseUnits('1', registry.decimals)] }) };
      // Accounts 0 and 1 are both verified Nordwind Bank investors: the register accepts the transfer.
      const restrictedTransfer = { from: ALICE, to: restricted.token, data: encodeFunctionData({ abi: erc20Abi, functionName: 'transfer', args: [BOB, parseUnits('1', restricted.decimals)] }) };

      const toReady: number[] = [];
      const toPreview: number[] = [];
      const previewPart: number[] = [];
      const toHash: number[] = [];
      const emptyWindow: number[] = [];
      const restrictedToInformed: number[] = [];
      for (let i = 0; i < ROUNDS; i++) {
        const opened = nextExtensionWindow(rig, 'approval.html');
        await startTimedRequest(page, 'eth_sendTransaction', [transfer]);
        const approval = await opened;
        const windowClosed = closed(approval);
        const request = await shownAt(approval, APPROVAL_SHOWN.request.name);
        const preview = await shownAt(approval, APPROVAL_SHOWN.preview.name);
        const rows = await approval.$$eval('section.preview .preview-table tbody tr', (found) => found.length);
        if (rows === 0) throw new Error(`the approval window shows no preview rows: ${await approval.$eval('section.preview', (el) => el.textContent)}`);
        const asked = await askedAt(page);
        toReady.push(request.painted - asked);
        toPreview.push(preview.painted - asked);
        previewPart.push(preview.painted - request.painted);
        const approved = await approveNow(approval);
        const answer = await timedAnswer(page);
        toHash.push(answer.at - approved);
        await windowClosed;
        const receipt = await client.waitForTransactionReceipt({ hash: answer.result as Hash });
        if (receipt.status !== 'success') throw new Error(`the bench's share transfer ${receipt.transactionHash} reverted`);
        emptyWindow.push(await emptyWindowOnce(rig, await extensionWorker(rig)));
        restrictedToInformed.push(await restrictedRound(rig, page, client, restrictedTransfer));
      }

      const floor = median(emptyWindow);
      const figures = {
        emptyWindowMs: round(floor, 1),
        requestToPreviewMs: round(median(toPreview), 1),
        requestToApprovalWindowMs: round(median(toReady), 1),
        previewAfterRequestShownMs: round(median(previewPart), 1),
        approveToHashMs: round(median(toHash), 1),
        restrictedRequestToVerdictMs: round(median(restrictedToInformed), 1),
      };
      console.log(table([`figure (Chromium, local anvil, ${registry.tokenSymbol} transfer; median of ${ROUNDS})`, 'measured', 'ratio to floor', 'goal'], [
        ['floor: empty extension window, windows.create → first frame', `${figures.emptyWindowMs} ms`, '', ''],
        ['eth_sendTransaction request → approval window with the preview shown', `${figures.requestToPreviewMs} ms`, ratioText(median(toPreview), floor), ''],
        ['  of which: request → approval window ready (the request drawn)', `${figures.requestToApprovalWindowMs} ms`, ratioText(median(toReady), floor), '<= 1.5x'],
        ['  of which: the preview, after the request was drawn', `${figures.previewAfterRequestShownMs} ms`, '', ''],
        ['"Approve" → transaction hash at the page', `${figures.approveToHashMs} ms`, '', ''],
      ]));
      console.log(table([`figure (Chromium, local anvil, ${restricted.tokenSymbol} (ERC-3643) transfer; median of ${ROUNDS})`, 'measured', `ratio to the ${registry.tokenSymbol} figure`], [
        ['eth_sendTransaction request → approval window with the preview and the register\'s verdict shown', `${figures.restrictedRequestToVerdictMs} ms`, ratioText(median(restrictedToInformed), median(toPreview))],
      ]));
      console.log(JSON.stringify({ bench: 'transaction-approval', unit: `ms (median of ${ROUNDS})`, ...figures, restrictedRatio: round(median(restrictedToInformed) / median(toPreview), 2) }));
    } finally {
      await rig.close();
    }
  } finally {
    extension.remove();
    await demo.stop();
  }
}
