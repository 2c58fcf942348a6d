// EIP-6963 wallet discovery. Every installed wallet announces itself with an `eip6963:announceProvider`
// event (its name, icon, rdns and EIP-1193 provider); the page asks them to (re)announce with
// `eip6963:requestProvider`. Several wallets can live side by side, so the page lists them and lets the
// user choose, instead of taking whatever happens to sit in `window.ethereum`.

/** The EIP-1193 surface this site uses. */
export interface Eip1193Provider {
  request(args: { method: string; params?: unknown }): Promise<unknown>;
  on?(event: string, listener: (...args: unknown[]) => void): unknown;
  removeListener?(event: string, listener: (...args: unknown[]) => void): unknown;
}

/** EIP-6963 §Provider Info. */
export interface WalletInfo {
  uuid: string;
  name: string;
  /** A data URI of an image; shown only through an <img>, never parsed as markup. */
  icon: string;
  /** Reverse DNS of the wallet, e.g. `org.shareholder-wallet`. */
  rdns: string;
}

export interface DiscoveredWallet {
  info: WalletInfo;
  provider: Eip1193Provider;
  /** How the page found it: announced through EIP-6963, or the legacy `window.ethereum` fallback. */
  source: 'eip6963' | 'window.ethereum';
}

export const SHAREHOLDER_WALLET_RDNS = 'org.shareholder-wallet';

/** How long the page waits for announcements before saying that no wallet is installed. */
export const DISCOVERY_GRACE_MS = 500;

function isProvider(value: unknown): value is Eip1193Provider {
  return typeof value === 'object' && value !== null && typeof (value as { request?: unknown }).request === 'function';
}

/** Any script on the page can dispatch an announcement, so its shape is checked before use. */
function parseAnnouncement(detail: unknown): DiscoveredWallet | undefined {
  if (typeof detail !== 'object' || detail === null) return undefined;
  const { info, provider } = detail as { info?: unknown; provider?: unknown };
  if (typeof info !== 'object' || info === null || !isProvider(provider)) return undefined;
  const { uuid, name, icon, rdns } = info as Record<string, unknown>;
  if (typeof uuid !== 'string' || uuid === '' || typeof name !== 'string' || typeof rdns !== 'string') return undefined;
  // EIP-6963 requires a data URI; anything else (a remote URL, script) is dropped, not fetched.
  const safeIcon = typeof icon === 'string' && /^data:image\//i.test(icon) ? icon : '';
  return { info: { uuid, name, icon: safeIcon, rdns }, provider, source: 'eip6963' };
}

/**
 * Starts listening for announcements, asks installed wallets to announce, and calls `onChange` with
 * the list (in order of first announcement, one entry per uuid) each time it grows. Returns a stop
 * function.
 */
export function watchWallets(win: EventTarget, onChange: (wallets: readonly DiscoveredWallet[]) => void): () => void {
  const wallets: DiscoveredWallet[] = [];
  const onAnnounce = (event: Event) => {
    const wallet = parseAnnouncement((event as CustomEvent<unknown>).detail);
    if (wallet === undefined || wallets.some((known) => known.info.uuid === wallet.info.uuid)) return;
    wallets.push(wallet);
    onChange([...wallets]);
  };
  win.addEventListener('eip6963:announceProvider', onAnnounce);
  win.dispatchEvent(new Event('eip6963:requestProvider'));
  return () => { win.removeEventListener('eip6963:announceProvider', onAnnounce); };
}

/** Collects the wallets that announce within `graceMs` (for pages that only need one answer). */
export function discoverWallets(win: EventTarget, graceMs: number = DISCOVERY_GRACE_MS): Promise<readonly DiscoveredWallet[]> {
  return new Promise((resolve) => {
    let found: readonly DiscoveredWallet[] = [];
    const stop = watchWallets(win, (wallets) => { found = wallets; });
    setTimeout(() => { stop(); resolve(found); }, graceMs);
  });
}

/**
 * The pre-6963 way: a provider in `window.ethereum`. Used only when no wallet announced itself, and
 * labelled as such, since it may be any wallet (or several fighting over the property).
 */
export function legacyWallet(ethereum: unknown): DiscoveredWallet | undefined {
  if (!isProvider(ethereum)) return undefined;
  return {
    info: { uuid: 'window.ethereum', name: 'window.ethereum (not announced through EIP-6963)', icon: '', rdns: '' },
    provider: ethereum,
    source: 'window.ethereum',
  };
}

/** Shareholder Wallet when it is installed; otherwise the only wallet, if there is exactly one. */
export function preferredWallet(wallets: readonly DiscoveredWallet[]): DiscoveredWallet | undefined {
  return wallets.find((wallet) => wallet.info.rdns === SHAREHOLDER_WALLET_RDNS) ?? (wallets.length === 1 ? wallets[0] : undefined);
}
