// EIP-6963 wallet discovery: announce on load and whenever a page asks, and set window.ethereum only
// when no other wallet has.
import type { ShareholderProvider } from './provider';

export interface WalletInfo {
  uuid: string;
  name: string;
  /** A data URI of an image of at least 96×96 (EIP-6963 §Provider Info). */
  icon: string;
  /** Reverse DNS of the wallet (EIP-6963 §rdns). */
  rdns: string;
}

const ICON_SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="96" height="96" viewBox="0 0 96 96">'
  + '<rect width="96" height="96" rx="22" fill="#17408B"/>'
  + '<path d="M48 16 74 26v20c0 17-11 29-26 34-15-5-26-17-26-34V26z" fill="#fff"/>'
  + '<path d="M36 58V46m12 12V38m12 20V30" stroke="#17408B" stroke-width="6" stroke-linecap="round"/></svg>';

export function walletInfo(uuid: string): WalletInfo {
  return {
    uuid,
    name: 'Shareholder Wallet',
    icon: `data:image/svg+xml;base64,${btoa(ICON_SVG)}`,
    rdns: 'org.shareholder-wallet',
  };
}

export function announceProvider(win: Window, info: WalletInfo, provider: ShareholderProvider): void {
  const detail = Object.freeze({ info: Object.freeze({ ...info }), provider });
  const announce = () => { win.dispatchEvent(new CustomEvent('eip6963:announceProvider', { detail })); };
  win.addEventListener('eip6963:requestProvider', announce);
  announce();
  if (!('ethereum' in win)) {
    Object.defineProperty(win, 'ethereum', { value: provider, configurable: true, writable: true, enumerable: false });
  }
}
