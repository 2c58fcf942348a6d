// A batch moves shares one recipient after another, so each entry sees the sender's balance after the
// entries before it (ERC-3643 `batchTransfer` calls `transfer` per recipient). Frozen shares do not change
// within the batch: only the agent changes them.
import type { RegisterStandard, RegisterRefusal, RegisterVerdict, SenderPosition, ShareTransfer } from './types';

const sameAddress = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** What the sender holds, and may move, when entry `index` runs. */
export function positionAt(from: string, transfers: readonly ShareTransfer[], index: number, start: SenderPosition) {
  // A transfer to oneself leaves the balance as it was.
  const spent = transfers.slice(0, index).reduce((sum, { to, amount }) => (sameAddress(to, from) ? sum : sum + amount), 0n);
  const balance = start.balance > spent ? start.balance - spent : 0n;
  const available = balance > start.frozenTokens ? balance - start.frozenTokens : 0n;
  return { balance, frozen: start.frozenTokens, available };
}

/** The refusal for more than the unfrozen shares at entry `index`, or undefined when the amount fits. */
export function availableRefusal(from: string, transfers: readonly ShareTransfer[], index: number, start: SenderPosition): RegisterRefusal | undefined {
  const entry = transfers[index];
  if (entry === undefined) return undefined;
  const { balance, frozen, available } = positionAt(from, transfers, index, start);
  return entry.amount > available ? { rule: 'insufficient-available', account: from, amount: entry.amount, balance, frozen, available } : undefined;
}

/** The verdict naming `refusal` of entry `index`. */
export function refused(standard: RegisterStandard, refusal: RegisterRefusal, transfers: readonly ShareTransfer[], index: number): RegisterVerdict {
  const entry = transfers[index];
  if (entry === undefined) throw new RangeError(`no transfer ${index} of ${transfers.length}`);
  return { kind: 'refused', standard, refusal, transfer: { index, count: transfers.length, to: entry.to, amount: entry.amount } };
}
