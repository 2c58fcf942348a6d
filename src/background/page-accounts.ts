// Accounts as pages get them: lowercase hex. EIP-1193 leaves the case open; the most used wallets answer
// eth_accounts, eth_requestAccounts, wallet_getPermissions and accountsChanged in lowercase, and dapps
// that compare addresses as strings (signer == account) fail to match a checksummed one. Pages may send
// any case: every param is compared case-insensitively or checksummed on entry. The wallet's own screens
// and stored records keep EIP-55.

/** `address` as a page gets it. */
export function pageAccount(address: string): string {
  return address.toLowerCase();
}

/** `addresses` as a page gets them, in the same order. */
export function pageAccounts(addresses: readonly string[]): string[] {
  return addresses.map(pageAccount);
}
