// Runs inside <iframe sandbox="allow-scripts">: an opaque origin. It asks for accounts the way any
// page would; a wallet must refuse, since it cannot tell the user which site is asking. The outcome is
// shown here and sent to the parent page.
import { discoverWallets, legacyWallet, preferredWallet } from './discover';
import type { FrameResult, FrameState } from './frame-message';
import { byId, setResult } from './ui';
import { describeError, errorText } from './errors';

/** A refusal takes milliseconds; no answer at all within this time is reported as such. */
const ANSWER_TIMEOUT_MS = 10_000;

const output = byId('frame-result', HTMLElement);

function report(state: FrameState, text: string, code?: number): void {
  setResult(output, state, text, code);
  const message: FrameResult = code === undefined ? { type: 'registry-frame-result', state, text } : { type: 'registry-frame-result', state, text, code };
  // This document's own origin is opaque ("null"), but its URL is on the site's origin, which is the
  // parent's: name it as the target rather than "*".
  window.parent.postMessage(message, new URL(window.location.href).origin);
}

async function main(): Promise<void> {
  report('pending', 'Asking the wallet for accounts…');
  const wallets = await discoverWallets(window);
  const wallet = preferredWallet(wallets) ?? wallets[0] ?? legacyWallet((window as Window & { ethereum?: unknown }).ethereum);
  if (wallet === undefined) {
    report('no-wallet', 'No wallet found in the sandboxed frame');
    return;
  }
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => { reject(new Error(`No answer from ${wallet.info.name} within ${ANSWER_TIMEOUT_MS / 1000} s`)); }, ANSWER_TIMEOUT_MS);
  });
  try {
    const accounts = await Promise.race([wallet.provider.request({ method: 'eth_requestAccounts' }), timeout]);
    report('connected', `Connected: ${JSON.stringify(accounts)} (a wallet must refuse a sandboxed frame)`);
  } catch (error) {
    const described = describeError(error);
    report(described.code === 4001 ? 'rejected' : 'error', errorText(described), described.code);
  } finally {
    clearTimeout(timer);
  }
}

void main();
