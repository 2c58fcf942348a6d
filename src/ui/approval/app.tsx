// The approval window: a separate extension window the background opens when a site asks for something.
// It shows the oldest pending request (`approval.next`), sends the user's decision (`approval.decide`),
// then shows the next one or closes itself. A locked wallet is unlocked here first.
//
// Accessible names, kept stable for the end-to-end tests (English; every one comes from _locales):
//   buttons:  "Approve", "Reject" (every kind of request; Reject also while locked or without a wallet),
//             "Unlock", "Close", "Try again", "Show the next request".
//   fields:   "Password" (locked wallet); connect: one checkbox per account, named by the account's name
//             and short address, in the group "Accounts the site may see"; add_chain with a node on this
//             computer or network: the checkbox "I run this node on my computer or network myself".
//             transaction: the radio group "Fee" ("Slow", "Normal", "Fast", "Custom"); with Custom the
//             fields "Max fee (gwei per gas)" and "Priority fee (gwei per gas)" (legacy chains: "Gas price
//             (gwei)"); for one that would fail, the checkbox "Send it anyway: I understand it will fail and
//             still costs a fee", which Approve waits for.
//   content:  the heading (h1) names the kind of request and has focus on each new request; its place in
//             the queue ("Request 2 of 3, from <origin>") is in <p class="queue-position">; the
//             requesting origin is in <p class="site-origin">; warnings that must not be missed (unlimited
//             permit, sign-in domain mismatch, unrecognised typed data) have role="alert"; the message
//             of personal_sign is in <pre class="page-text"> inside the figure "Message from the site".
//             add_chain and watch_asset show their values in a <dl class="details"> (the RPC URL and
//             the token contract in full). A frame inside a page whose site is unknown adds a warning
//             (role="alert", "The outer site cannot be determined…").
//             transaction: the call in <p class="lead-sentence">; warnings (would fail, contract creation,
//             look-alike recipient, unlimited approval, unrecognised call, value sent to a contract) have
//             role="alert"; the fee in the section named "Network fee" (<dl class="details">: "Most it can
//             cost", "Likely cost", "Per gas", "Gas limit"); an unrecognised call's data in the disclosure
//             "Raw data (N bytes)".
//             calls (EIP-5792 batch): the heading "Send N transactions", each call in <li class="calls-item">
//             headed "Transaction i of N" with its warnings and sentence, the total fee in the section
//             "Network fee" ("Most it can cost", "Likely cost"); when any call would fail, the same "Send it
//             anyway…" checkbox, which Approve waits for.
//             A share transfer (transaction, batch call, ERC-3009 typed data) has the register's verdict in
//             <section class="register-verdict"> named "Share register" (aria-busy while checked; a refusal
//             is role="alert"); a refusal asks for "Send it anyway…" (typed data: "Sign it anyway: I
//             understand the register will refuse this transfer"), which Approve waits for.
//   Approve and Reject carry the `disabled` attribute while a decision is under way and for about a second
//   after each request is drawn or the window regains focus or visibility (use-decision-guard.ts).
import { render } from 'preact';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { ApprovalDecision, QueuedApproval } from '../../protocol/approvals';
import type { WalletView } from '../../protocol/private';
import { call as backgroundCall } from '../client';
import { Header } from '../components/header';
import { useBusy } from '../components/use-busy';
import { errorMessage } from '../errors';
import { t } from '../i18n';
import type { PrivateCall } from '../lib/rpc';
import { RequestScreen } from './request-screen';
import { EmptyScreen, FailedScreen, GoneScreen, NoWalletScreen, UnreachableScreen } from './status-screens';
import { UnlockScreen } from './unlock';
import { usePressTracker } from './use-decision-guard';

/**
 * While a request is on screen, how often the window asks whether it is still pending. Each ask is also
 * an event for the background, which keeps an MV3 service worker from being stopped while the user reads
 * (Chrome stops an idle worker after about 30 s; the pending request itself survives a restart, but a
 * live worker answers at once).
 */
const POLL_MS = 15_000;
/** How long "No request is waiting" stays before the window closes. */
const CLOSE_AFTER_MS = 1_500;

type Stage =
  | { name: 'loading' }
  | { name: 'request'; pending: QueuedApproval }
  /** Nothing to show: on opening (`done` false) or after the last decision (`done` true). */
  | { name: 'empty'; done: boolean }
  | { name: 'gone'; next: QueuedApproval | null }
  | { name: 'failed'; message: string }
  | { name: 'unreachable'; message: string };

export interface ApprovalAppProps {
  call: PrivateCall;
  closeWindow: () => void;
  pollMs?: number;
  closeAfterMs?: number;
}

export function ApprovalApp({ call, closeWindow, pollMs = POLL_MS, closeAfterMs = CLOSE_AFTER_MS }: ApprovalAppProps) {
  const [stage, setStage] = useState<Stage>({ name: 'loading' });
  const [wallet, setWallet] = useState<WalletView>();
  const [deciding, run] = useBusy();
  const presses = usePressTracker();
  // What the poll compares against: the id on screen, and whether a decision is under way (the request
  // then leaves the queue because of us, which is not "gone").
  const shownId = useRef<string>(undefined);
  const decidingNow = useRef(false);

  const show = useCallback((next: Stage) => {
    shownId.current = next.name === 'request' ? next.pending.id : undefined;
    setStage(next);
  }, []);

  const load = useCallback(async () => {
    try {
      const [pending, view] = await Promise.all([call('approval.next', {}), call('wallet.get', {})]);
      setWallet(view);
      show(pending === null ? { name: 'empty', done: false } : { name: 'request', pending });
    } catch (failure) {
      show({ name: 'unreachable', message: errorMessage(failure) });
    }
  }, [call, show]);

  useEffect(() => { void load(); }, [load]);

  const currentId = stage.name === 'request' ? stage.pending.id : undefined;
  useEffect(() => {
    if (currentId === undefined) return undefined;
    const timer = setInterval(() => {
      Promise.all([call('approval.next', {}), call('wallet.get', {})]).then(([pending, view]) => {
        if (shownId.current !== currentId || decidingNow.current) return;
        setWallet(view); // it may have locked itself meanwhile: the unlock form then comes back
        // The same request keeps its screen (and its guard); only its place in the queue is refreshed.
        show(pending?.id === currentId ? { name: 'request', pending } : { name: 'gone', next: pending });
      }, () => undefined); // not answering now: keep the request on screen; the next poll asks again
    }, pollMs);
    return () => { clearInterval(timer); };
  }, [currentId, call, show, pollMs]);

  const decide = useCallback((decision: ApprovalDecision) => {
    run(async () => {
      decidingNow.current = true;
      try {
        try {
          await call('approval.decide', decision);
        } catch (failure) {
          // Most often the request went away meanwhile (the page closed, the background restarted):
          // say exactly that when the queue confirms it, else show the failure as it is.
          const next = await call('approval.next', {}).catch(() => undefined);
          show(next !== undefined && next?.id !== decision.id
            ? { name: 'gone', next }
            : { name: 'failed', message: errorMessage(failure) });
          return;
        }
        const next = await call('approval.next', {});
        if (next === null) {
          show({ name: 'empty', done: true });
          closeWindow();
        } else {
          show({ name: 'request', pending: next });
        }
      } catch (failure) {
        show({ name: 'unreachable', message: errorMessage(failure) });
      } finally {
        decidingNow.current = false;
      }
    });
  }, [call, closeWindow, run, show]);

  function requestScreen(pending: QueuedApproval, view: WalletView) {
    const reject = () => { decide({ id: pending.id, approve: false }); };
    if (view.status === 'none' || view.vaultDamaged === true) {
      return <NoWalletScreen key={pending.id} pending={pending} damaged={view.status !== 'none'} deciding={deciding} onReject={reject} />;
    }
    if (view.status === 'locked') {
      return <UnlockScreen key={pending.id} pending={pending} wallet={view} call={call} onWallet={setWallet} onReject={reject} deciding={deciding} />;
    }
    // Keyed by the request, so each new request is a new screen: fresh choices, focus on its heading.
    return <RequestScreen key={pending.id} pending={pending} accounts={view.accounts} busy={deciding} presses={presses} onDecide={decide} call={call} />;
  }

  function body() {
    switch (stage.name) {
      case 'loading':
        return <p class="loading" role="status">{t('common_loading')}</p>;
      case 'request':
        return wallet === undefined ? null : requestScreen(stage.pending, wallet);
      case 'empty':
        return <EmptyScreen done={stage.done} onClose={closeWindow} closeAfterMs={closeAfterMs} />;
      case 'gone': {
        const { next } = stage;
        return <GoneScreen next={next} onClose={closeWindow} onNext={() => { if (next !== null) show({ name: 'request', pending: next }); }} />;
      }
      case 'failed':
        return <FailedScreen message={stage.message} onClose={closeWindow} onRetry={() => { show({ name: 'loading' }); void load(); }} />;
      case 'unreachable':
        return <UnreachableScreen message={stage.message} onClose={closeWindow} onRetry={() => { show({ name: 'loading' }); void load(); }} />;
    }
  }

  return (
    <div class="app">
      <Header status={wallet?.status} />
      <main class="main">{body()}</main>
    </div>
  );
}

/** Renders the approval window into `root`. */
export function mountApproval(root: HTMLElement): void {
  document.documentElement.lang = t('lang');
  document.title = t('approval_windowTitle');
  render(<ApprovalApp call={backgroundCall} closeWindow={() => { window.close(); }} />, root);
}
