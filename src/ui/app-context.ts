// What every screen may use: the wallet's current view, navigation, announcements and the clipboard.
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { WalletView } from '../protocol/private';
import type { StoppedDiscovery } from './lib/holdings';

/** The screens. Which ones may show depends on the wallet's status (see `routeFits` in app.tsx). */
export type Route =
  | { name: 'welcome' }
  | { name: 'create' }
  /** `replace`: the forgot-password path; the existing wallet is removed just before the restored one is written. */
  | { name: 'restore'; replace: boolean }
  | { name: 'unlock' }
  | { name: 'forgot' }
  /** `stopped`: a search for used accounts (after a restore) stopped at its limit; home offers to go on. */
  | { name: 'home'; stopped?: StoppedDiscovery }
  | { name: 'settings' }
  | { name: 'reveal' }
  | { name: 'change-password' }
  | { name: 'remove' }
  | { name: 'connected-sites' }
  /** Back returns to `from` (settings unless said): home after a Send or "Activate my votes", Votes after a vote. */
  | { name: 'activity'; from?: ActivityReturn }
  /** Send one company's shares (the token `token` on `chainId`, as holdings name them). */
  | { name: 'send'; chainId: string; token: string }
  /** The share tokens; Back returns to the screen it was opened from. */
  | { name: 'tokens'; from: 'home' | 'settings' }
  /** The voting centre: each company's proposals, voting power and reminders (issue 14). */
  | { name: 'votes' }
  /** One proposal of the governor `governor` on `chainId`, with its description, tally and the vote controls. */
  | { name: 'proposal'; chainId: string; governor: string; id: string };

/** The screens Activity's Back may return to. */
export type ActivityReturn = 'home' | 'settings' | 'votes';

/**
 * Copies ordinary text (an address) to the clipboard. The recovery phrase is never offered for copying
 * (see reveal-phrase.tsx), so nothing here has to clear a secret later.
 */
export interface Clipboard {
  copy(text: string): Promise<void>;
}

export interface AppApi {
  view: WalletView;
  /** Takes a view the background returned and shows `next`, or the screen the view's status calls for. */
  show(view: WalletView, next?: Route): void;
  go(route: Route): void;
  /** A short status message, shown briefly and read out by screen readers. */
  announce(message: string): void;
  /** The user's words for a failure; a `wrong-state` failure also makes the app read the wallet again. */
  failure(error: unknown): string;
  clipboard: Clipboard;
}

export const AppContext = createContext<AppApi | null>(null);

/** @throws Error when used outside <AppContext.Provider> (a programming error). */
export function useApp(): AppApi {
  const app = useContext(AppContext);
  if (app === null) throw new Error('useApp() needs the AppContext provider of app.tsx');
  return app;
}
