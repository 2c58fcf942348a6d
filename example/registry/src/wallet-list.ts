// The wallets the page found, as radios (name, icon, rdns): EIP-6963 lets several wallets live side by
// side, so the user chooses. Icons are data URIs checked in discover.ts, shown only through <img>.
import type { DiscoveredWallet } from './discover';

/** Renders `wallets` into `container` (`data-state`, `data-count`; one label.wallet-option each). */
export function renderWalletList(
  container: HTMLElement,
  wallets: readonly DiscoveredWallet[],
  state: 'searching' | 'found' | 'none',
  chosen: DiscoveredWallet | undefined,
  onChoose: (wallet: DiscoveredWallet) => void,
): void {
  container.dataset.state = state;
  container.dataset.count = String(wallets.length);
  if (wallets.length === 0) {
    const empty = document.createElement('p');
    empty.className = state === 'none' ? 'empty none' : 'empty';
    empty.textContent = state === 'none'
      ? 'No wallet found. Install Shareholder Wallet (or another EIP-6963 wallet) and reload this page.'
      : 'Looking for wallets…';
    container.replaceChildren(empty);
    return;
  }
  container.replaceChildren(...wallets.map((wallet) => {
    const option = document.createElement('label');
    option.className = 'wallet-option';
    option.dataset.rdns = wallet.info.rdns;
    option.dataset.source = wallet.source;
    const radio = document.createElement('input');
    radio.type = 'radio';
    radio.name = 'wallet';
    radio.value = wallet.info.uuid;
    radio.checked = chosen === wallet;
    radio.addEventListener('change', () => { onChoose(wallet); });
    const icon = document.createElement('img');
    icon.alt = '';
    icon.width = 32;
    icon.height = 32;
    if (wallet.info.icon === '') icon.className = 'no-icon';
    else icon.src = wallet.info.icon;
    const name = document.createElement('span');
    name.className = 'wallet-name';
    name.textContent = wallet.info.name;
    const detail = document.createElement('span');
    detail.className = 'wallet-detail';
    detail.textContent = wallet.source === 'eip6963' ? wallet.info.rdns : 'Legacy injection: this could be any wallet';
    const text = document.createElement('span');
    text.className = 'wallet-text';
    text.append(name, detail);
    option.append(radio, icon, text);
    return option;
  }));
}
