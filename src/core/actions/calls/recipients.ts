// Whom a call sent something to, for the address-poisoning check's list of addresses the user knows.

/** The parts of a described call (or its JSON view) that name where it sent. */
export interface CallDestination {
  /** The contract called or the recipient; undefined for a contract creation. */
  to: string | undefined;
  action: { kind: string; to?: string; transfers?: readonly { to: string }[] };
}

/** The recipients of a transfer (each of a batch), else the address called; none for a contract creation. */
export function addressesSentTo(call: CallDestination): string[] {
  const { action, to } = call;
  if (action.to !== undefined) return [action.to];
  if (action.transfers !== undefined) return action.transfers.map((transfer) => transfer.to);
  return to === undefined ? [] : [to];
}

/** Every address the calls sent to, each once (first seen first), in the letter case given. */
export function pastRecipients(calls: readonly CallDestination[]): string[] {
  return [...new Set(calls.flatMap(addressesSentTo))];
}
