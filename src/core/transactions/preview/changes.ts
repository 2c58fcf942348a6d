// From movements to the table the approval shows: per account and asset, the net change. Movements of
// the zero address are mints and burns (ERC-20 convention), not an account whose balance anyone holds.
import type { AssetTransfer, PreviewAsset } from './simulation';

const ZERO_ADDRESS = '0x0000000000000000000000000000000000000000';

/** The net change of one account's balance of one asset. */
export interface BalanceDelta {
  account: string;
  asset: PreviewAsset;
  delta: bigint;
}

/** One key per (account, asset), for maps; addresses are compared case-insensitively. */
export function balanceKey(account: string, asset: PreviewAsset): string {
  return `${asset.kind === 'native' ? 'native' : asset.address.toLowerCase()}/${account.toLowerCase()}`;
}

/**
 * The net change per (account, asset) of `transfers`, in the order each pair first moves. A pair whose
 * movements cancel out stays in the list with a delta of 0: something did move, and the reader sees it.
 */
export function balanceDeltas(transfers: readonly AssetTransfer[]): BalanceDelta[] {
  const deltas = new Map<string, BalanceDelta>();
  const add = (account: string, asset: PreviewAsset, amount: bigint) => {
    if (account === ZERO_ADDRESS) return;
    const key = balanceKey(account, asset);
    const entry = deltas.get(key);
    if (entry === undefined) deltas.set(key, { account, asset, delta: amount });
    else entry.delta += amount;
  };
  for (const transfer of transfers) {
    add(transfer.from, transfer.asset, -transfer.amount);
    add(transfer.to, transfer.asset, transfer.amount);
  }
  return [...deltas.values()];
}

/** One row of the preview: an account's balance of an asset before and after. */
export interface BalanceChange {
  account: string;
  sender: boolean;
  asset: PreviewAsset;
  before: bigint;
  after: bigint;
  /** The network fee's share of the change: on the sender's native row only. */
  fee: bigint | undefined;
}

/** The balances to read before the transaction for `deltas`: always the sender's native currency (the fee). */
export function balancesToRead(sender: string, deltas: readonly BalanceDelta[]): { account: string; asset: PreviewAsset }[] {
  const native: PreviewAsset = { kind: 'native' };
  const pairs = [{ account: sender, asset: native }, ...deltas.map(({ account, asset }) => ({ account, asset }))];
  const seen = new Set<string>();
  return pairs.filter(({ account, asset }) => {
    const key = balanceKey(account, asset);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * The preview's rows: the sender's rows first (their native currency first, with the fee taken), then
 * everyone else's in the order they moved.
 * @throws RangeError when `before` has no balance for a pair of `balancesToRead(sender, deltas)`.
 */
export function balanceChanges(params: {
  sender: string;
  deltas: readonly BalanceDelta[];
  before: ReadonlyMap<string, bigint>;
  fee: bigint;
}): BalanceChange[] {
  const { sender, deltas, before, fee } = params;
  const change = new Map(deltas.map((delta) => [balanceKey(delta.account, delta.asset), delta.delta]));
  const isSender = (account: string) => account.toLowerCase() === sender.toLowerCase();
  const rows = balancesToRead(sender, deltas).map(({ account, asset }): BalanceChange => {
    const key = balanceKey(account, asset);
    const start = before.get(key);
    if (start === undefined) throw new RangeError(`no balance before the transaction for ${key}`);
    const paysFee = isSender(account) && asset.kind === 'native';
    const after = start + (change.get(key) ?? 0n) - (paysFee ? fee : 0n);
    return { account, sender: isSender(account), asset, before: start, after, fee: paysFee ? fee : undefined };
  });
  return [...rows.filter((row) => row.sender), ...rows.filter((row) => !row.sender)];
}
