// The screen a popup page opened in a window asks for by its address: wallet_showCallsStatus opens
// `popup.html#activity`, a vote reminder's click opens `popup.html#votes`.
import type { Route } from '../app-context';

const ROUTES_BY_HASH: Readonly<Record<string, Route>> = {
  '#activity': { name: 'activity' },
  '#votes': { name: 'votes' },
};

/** The screen to open once the wallet is unlocked; undefined for anything else (the wallet's status decides). */
export function routeOfHash(hash: string): Route | undefined {
  return Object.hasOwn(ROUTES_BY_HASH, hash) ? ROUTES_BY_HASH[hash] : undefined;
}
