// The page may add its own properties to the provider: older dapps write
// `ethereum.autoRefreshOnNetworkChange = false`, which throws in strict code on a frozen object and stops
// the page. What the wallet defines stays fixed, so one script of a page cannot replace `request` (or the
// `chainId` getter) on the object the page's other scripts use.
import type { ShareholderProvider } from './provider';

/**
 * Makes the provider's own members (methods, getters, `isShareholderWallet`) non-writable and
 * non-configurable on the object itself, bound to it, and freezes its prototype; the object stays
 * extensible.
 */
export function lockProviderMethods(provider: ShareholderProvider): void {
  const prototype = Object.getPrototypeOf(provider) as object;
  for (const name of Object.getOwnPropertyNames(prototype)) {
    if (name === 'constructor') continue;
    const member = Object.getOwnPropertyDescriptor(prototype, name);
    if (typeof member?.value === 'function') {
      // Bound, so `const { request } = ethereum` works as it does with the most used wallets.
      const method = member.value as (...args: unknown[]) => unknown;
      Object.defineProperty(provider, name, { value: method.bind(provider), writable: false, configurable: false, enumerable: false });
    } else if (member?.get !== undefined) {
      Object.defineProperty(provider, name, { get: member.get.bind(provider), configurable: false, enumerable: false });
    }
  }
  Object.defineProperty(provider, 'isShareholderWallet', { writable: false, configurable: false });
  Object.freeze(prototype);
}
