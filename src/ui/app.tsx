// The popup: reads the wallet's state once on open and routes by its status (none → welcome, locked →
// unlock, unlocked → home), then follows what each request returns.
//
// Accessible names, kept stable for the end-to-end tests (English; every one comes from _locales):
//   buttons:  "Create a new wallet", "Restore from recovery phrase" (welcome; also on unlock, after
//             "Forgot password?", and on the damaged-wallet screen), "Continue", "Back", "Create wallet",
//             "Restore wallet", "Unlock", "Lock", "Add account", "Settings", "Copy address", "Rename",
//             "Save", "Cancel", "Reveal recovery phrase" (opens the screen, and submits the password on
//             it), "Change password" (same), "Remove wallet" (same), "Copy" (copies the revealed phrase),
//             "Connected sites", "Activity" (settings), "Disconnect <origin>" (one per connected site),
//             "Show older" (activity), "Speed up", "Cancel transaction", then "Confirm speed-up" /
//             "Confirm cancellation" or "Keep it as it is" (activity, per pending transaction: each in its
//             <li data-hash="0x…"> of the "Transactions" section, whose status is in its <span class="badge">), "Refresh" (home: reads the holdings again; shown once there is a
//             token), "Share tokens" (home and settings: opens the share-tokens screen), "Add a share
//             token" (home, when there is no token: opens the same screen), "Add token", "Remove <SYMBOL>"
//             (one per token, e.g. "Remove ACME"; visible text "Remove"), "Send <SYMBOL>" (on a company's
//             card when an account holds its shares, e.g. "Send ACME"; visible text "Send"; opens the Send
//             screen, headed "Send shares", whose own "Send" proposes the transfer and then opens Activity,
//             whose "Back" then returns home), "Activate my votes" (in an account's row whose shares carry
//             no votes, after "Your N shares carry no votes."; opens Activity once sent), "Votes" (home,
//             beside "Share tokens": opens the Votes screen, headed "Votes"; there: "Refresh", one button per
//             proposal named by its title (opens the screen headed "Proposal", whose "Vote" proposes the
//             vote and then opens Activity, whose "Back" returns to Votes), "Activate my votes" as on home,
//             "Remove the governor of <SYMBOL>" (visible text "Remove"), "Add governor").
//   fields:   "Password", "Repeat password", "Current password", "New password", "Word 1".."Word 24",
//             "Passphrase (optional)" (inside the "Advanced" disclosure), "Auto-lock after" (a select),
//             "Account name", "Type REMOVE to confirm" (remove wallet, and forgot password),
//             "Other length" (restore: a select of 15, 18 or 21 words), "Show words" (checkbox),
//             "Network" (share tokens: a select of the known networks, by name), "Token address",
//             "From account" (send: a select, id "send-from", of the accounts holding the shares, by
//             address), "Recipient address", "Amount", and the checkbox "I have checked every character:
//             this is the address I mean" (only for a recipient that looks like an address the user knows),
//             "Network" (Votes: a select, id "votes-network") and "Governor address"; on a proposal,
//             "Vote from account" (a select, id "vote-from", only when several accounts can vote) and
//             "Reason (optional)"; the radios "For", "Against", "Abstain" (group "Your vote"); the switch
//             "Remind me before votes close" (one per company).
//   holdings: home has a <section> named "Holdings" holding one <article> per company named by the
//             token's name (e.g. "ACME Holdings"); in it one <li data-address="0x…EIP-55"> per account with
//             the figures (formatted with decimals and grouping, e.g. "1,500" or "1,234.5", no symbol) in
//             <dd class="balance">, and for ERC20Votes tokens <dd class="votes"> and <dd class="delegate">
//             ("yourself", "not delegated", one of the wallet's account names, or 0x1234…abcd); the sum in
//             <span class="total">. Per network with tokens, a line "<network>: as of <time>, block N"
//             (<p class="holdings-as-of">), or, when the latest refresh failed, a role="alert" saying the
//             figures are the ones saved as of <time> (block N) and why. While refreshing, the section's
//             role="status" line reads "Reading the latest figures from the chain…" and aria-busy="true".
//   votes:    the Votes screen's <section> named "Votes" (aria-busy while reading) holds one <article> per
//             company named by the token's name, with data-governor; in it the voting power, one
//             <li data-address> per account with <dd class="balance">, <dd class="votes"> and
//             <p class="power"> ("58.8% of shares, 59.1% of votes"); each proposal an <li data-proposal="<id>"
//             data-state="active"> with <p class="your-votes"> and one <li data-account="0x…" data-voted> per
//             account (<span class="weight">, <span class="vote-status">); closed ones' <p class="tally">.
//   restore:  after "Restore wallet", the role="status" line reads "Looking for your accounts…" while the
//             wallet looks for used accounts; home then opens and the notice says "Accounts added: N."
//             and/or which networks could not be reached (or why the search failed).
//   radios:   "12 words", "24 words" (groups "Length of the recovery phrase" on create and "Number of
//             words" on restore), "English", "中文" (group "Word list").
//   confirm:  each asked position is a group named "Word #N" whose options are buttons named by the word;
//             the picked one has aria-pressed="true".
//   content:  the phrase is an <ol> named "Recovery phrase", one <li> per word, the word in
//             <span class="word">; the selected account's full address is in <p class="address">.
//   messages: errors have role="alert" ("Wrong password.", "Word 7 is not in the word list. …",
//             "The token could not be added: <the background's reason>");
//             short confirmations ("Address copied.", "ACME Holdings added.", "ACME Holdings removed.")
//             appear in the role="status" region (the notice, class "notice").
import { render } from 'preact';
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { WalletStatus, WalletView } from '../protocol/private';
import { AppContext, type AppApi, type Clipboard, type Route } from './app-context';
import { call } from './client';
import { routeOfHash } from './lib/route-of-hash';
import { ErrorText } from './components/alerts';
import { Header } from './components/header';
import { Screen } from './components/screen';
import { errorCode, errorMessage } from './errors';
import { t } from './i18n';
import { askHoldingsEarly, firstScreenReady } from './lib/early-holdings';
import { POPUP_MARKS } from './lib/popup-marks';
import { ActivityScreen } from './screens/activity';
import { ConnectedSitesScreen } from './screens/connected-sites';
import { CreateScreen } from './screens/create/create';
import { ForgotScreen } from './screens/forgot';
import { HomeScreen } from './screens/home';
import { ProposalScreen } from './screens/proposal';
import { RestoreScreen } from './screens/restore';
import { SendScreen } from './screens/send';
import { ChangePasswordScreen } from './screens/settings/change-password';
import { RemoveWalletScreen } from './screens/settings/remove-wallet';
import { RevealPhraseScreen } from './screens/settings/reveal-phrase';
import { SettingsScreen } from './screens/settings/settings';
import { TokensScreen } from './screens/tokens';
import { UnlockScreen } from './screens/unlock';
import { VotesScreen } from './screens/votes';
import { WelcomeScreen } from './screens/welcome';

/** While unlocked, how often the popup asks whether the wallet locked itself (auto-lock). */
const POLL_MS = 10_000;
const NOTICE_MS = 5_000;
/** How long, after the wallet's state arrives, the first screen waits for the cached holdings. */
const EARLY_HOLDINGS_GRACE_MS = 150;

const sleep = (ms: number) => new Promise<void>((resolve) => { setTimeout(resolve, ms); });

const ROUTES_BY_STATUS: Record<WalletStatus, readonly Route['name'][]> = {
  none: ['welcome', 'create', 'restore'],
  locked: ['unlock', 'forgot', 'restore'],
  unlocked: ['home', 'settings', 'reveal', 'change-password', 'remove', 'connected-sites', 'activity', 'tokens', 'send', 'votes', 'proposal'],
};

function defaultRoute(status: WalletStatus): Route {
  switch (status) {
    case 'none': return { name: 'welcome' };
    case 'locked': return { name: 'unlock' };
    case 'unlocked': return { name: 'home' };
  }
}

function routeFits(route: Route, status: WalletStatus): boolean {
  return ROUTES_BY_STATUS[status].includes(route.name);
}

function CurrentScreen({ route }: { route: Route }) {
  switch (route.name) {
    case 'welcome': return <WelcomeScreen />;
    case 'create': return <CreateScreen />;
    case 'restore': return <RestoreScreen replace={route.replace} />;
    case 'unlock': return <UnlockScreen />;
    case 'forgot': return <ForgotScreen />;
    case 'home': return <HomeScreen stopped={route.stopped} />;
    case 'settings': return <SettingsScreen />;
    case 'reveal': return <RevealPhraseScreen />;
    case 'change-password': return <ChangePasswordScreen />;
    case 'remove': return <RemoveWalletScreen />;
    case 'connected-sites': return <ConnectedSitesScreen />;
    case 'activity': return <ActivityScreen from={route.from ?? 'settings'} />;
    case 'send': return <SendScreen chainId={route.chainId} token={route.token} />;
    case 'tokens': return <TokensScreen from={route.from} />;
    case 'votes': return <VotesScreen />;
    case 'proposal': return <ProposalScreen chainId={route.chainId} governor={route.governor} id={route.id} />;
  }
}

/**
 * Activity, when this popup opens right after the last one's transaction was sent (the toolbar popup
 * closed when the approval window opened, so it could not show it); otherwise where the app would go.
 */
async function landingRoute(): Promise<Route | undefined> {
  try {
    return (await call('popup.landing', {})).screen === 'activity' ? { name: 'activity', from: 'home' } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * `firstView`: the wallet's state, asked for as the popup mounted rather than after its first frame.
 * `firstRoute`: the screen to open on when the wallet's status allows it.
 */
export function App({ clipboard, firstView, firstRoute }: { clipboard: Clipboard; firstView: Promise<WalletView>; firstRoute?: Route | undefined }) {
  const [view, setView] = useState<WalletView>();
  const [route, setRoute] = useState<Route>(firstRoute ?? { name: 'welcome' });
  const [loadError, setLoadError] = useState<string>();
  const [notice, setNotice] = useState('');
  const noticeTimer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const lastStatus = useRef<WalletStatus>(undefined);

  const announce = useCallback((message: string) => {
    clearTimeout(noticeTimer.current);
    setNotice(message);
    noticeTimer.current = setTimeout(() => { setNotice(''); }, NOTICE_MS);
  }, []);

  const show = useCallback((next: WalletView, to?: Route) => {
    if (lastStatus.current === 'unlocked' && next.status === 'locked' && to === undefined) announce(t('notice_locked'));
    lastStatus.current = next.status;
    setView(next);
    setRoute((current) => {
      const wanted = to ?? current;
      return routeFits(wanted, next.status) ? wanted : defaultRoute(next.status);
    });
  }, [announce]);

  const firstLoad = useRef(true);
  const load = useCallback(async () => {
    try {
      // The first load takes the answer asked for at mount, and waits for the early holdings too (both
      // are in flight together), so home opens with its figures already drawn; but never long after the
      // wallet answered: a slow holdings answer then arrives in the open holdings section instead.
      const first = firstLoad.current;
      const asked = first ? firstView : call('wallet.get', {});
      if (first) {
        firstLoad.current = false;
        await firstScreenReady(asked, EARLY_HOLDINGS_GRACE_MS, sleep);
        performance.mark(POPUP_MARKS.answered);
      }
      const answered = await asked;
      show(answered, first && answered.status === 'unlocked' ? await landingRoute() : undefined);
      setLoadError(undefined);
    } catch (error) {
      setLoadError(errorMessage(error));
    }
  }, [show, firstView]);

  useEffect(() => { void load(); }, [load]);

  // The background locks by itself after idle time; notice it, so no secret stays on screen.
  const unlocked = view?.status === 'unlocked';
  useEffect(() => {
    if (!unlocked) return undefined;
    const timer = setInterval(() => { void load(); }, POLL_MS);
    return () => { clearInterval(timer); };
  }, [unlocked, load]);

  const app = useMemo<AppApi | undefined>(() => view === undefined ? undefined : {
    view,
    show,
    go: (next) => { setRoute(routeFits(next, view.status) ? next : defaultRoute(view.status)); },
    announce,
    failure: (error) => {
      const code = errorCode(error);
      if (code === 'wrong-state' || code === 'vault-damaged') void load();
      return errorMessage(error);
    },
    clipboard,
  }, [view, show, announce, load, clipboard]);

  return (
    <div class="app">
      <Header status={view?.status} />
      <div class="notice" role="status">{notice === '' ? null : <span class="notice-text">{notice}</span>}</div>
      <main class="main">
        {app !== undefined && (
          <AppContext.Provider value={app}>
            <CurrentScreen key={route.name} route={route} />
          </AppContext.Provider>
        )}
        {app === undefined && loadError !== undefined && (
          <Screen
            title={t('error_title')}
            actions={<button type="button" class="btn btn-primary" onClick={() => { void load(); }}>{t('common_retry')}</button>}
          >
            <ErrorText>{loadError}</ErrorText>
          </Screen>
        )}
        {app === undefined && loadError === undefined && <p class="loading" role="status">{t('common_loading')}</p>}
      </main>
    </div>
  );
}

/** Renders the popup into `root`. */
export function mountPopup(root: HTMLElement): void {
  document.documentElement.lang = t('lang');
  document.title = t('extName');
  const clipboard: Clipboard = { copy: (text) => navigator.clipboard.writeText(text) };
  // Both first requests go out now, before the first frame, and travel together (see App's load).
  const firstView = call('wallet.get', {});
  firstView.catch(() => undefined); // handled where the App awaits it; this keeps an early refusal from counting as unhandled
  askHoldingsEarly(() => call('holdings.get', {}));
  render(<App clipboard={clipboard} firstView={firstView} firstRoute={routeOfHash(location.hash)} />, root);
}
