// Address poisoning: an attacker sends dust from an address made to share the first and last hex
// characters of one the victim uses, hoping it is copied from the history. Wallets and explorers show
// addresses shortened to about 4 characters at each end (0x1234…abcd), so that is what gets imitated.

/** How many hex characters at each end a look-alike shares with the address it imitates. */
export const IMITATED_CHARACTERS = 4;

function hexBody(address: string): string | undefined {
  return /^0x[0-9a-fA-F]{40}$/.test(address) ? address.slice(2).toLowerCase() : undefined;
}

/**
 * The known address that `recipient` imitates: one sharing its first and last 4 or more hex characters
 * (after 0x, in any case) without being the same address. Undefined when it imitates none, or is itself known.
 * Entries of `known` that are not addresses are ignored.
 */
export function findImitatedAddress(recipient: string, known: readonly string[]): string | undefined {
  const body = hexBody(recipient);
  if (body === undefined) return undefined;
  const bodies = known.map((address) => ({ address, body: hexBody(address) }));
  if (bodies.some((entry) => entry.body === body)) return undefined;
  const head = body.slice(0, IMITATED_CHARACTERS);
  const tail = body.slice(-IMITATED_CHARACTERS);
  return bodies.find((entry) => entry.body?.startsWith(head) === true && entry.body.endsWith(tail))?.address;
}
