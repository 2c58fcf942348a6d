// Shows the restricted company's cap table: text for people, data-* attributes (base units, decimal
// strings, "true" / "false") for tests.
import type { Address } from 'viem';
import type { RestrictedCompanyInfo } from './api-types';
import { formatShares, renderHolders, type HolderRow } from './cap-table-view';
import type { RestrictedCapTable, RestrictedCapTableRow } from './restricted-reads';

/** "Verified", "Not verified", and what is frozen: the register's facts about one holder, in words. */
export function describeHolderStatus(row: Pick<RestrictedCapTableRow, 'verified' | 'frozen' | 'addressFrozen'>, token: RestrictedCompanyInfo['token']): string {
  const parts = [row.verified ? 'Verified' : 'Not verified'];
  if (row.addressFrozen) parts.push('address frozen');
  if (row.frozen > 0n) parts.push(`${formatShares(row.frozen, token.decimals, token.symbol)} frozen`);
  return parts.join(', ');
}

export function renderRestrictedCapTable(
  table: HTMLTableElement, totalSupply: HTMLElement, status: HTMLElement, capTable: RestrictedCapTable,
  token: RestrictedCompanyInfo['token'], you: Address | undefined,
): void {
  const rows = capTable.rows.map((row): HolderRow => ({
    holder: row.holder,
    data: { balance: row.balance.toString(), frozen: row.frozen.toString(), addressFrozen: String(row.addressFrozen), verified: String(row.verified) },
    cells: [formatShares(row.balance, token.decimals, token.symbol), describeHolderStatus(row, token)],
  }));
  renderHolders(table, totalSupply, status, { ...capTable, rows }, token, you);
}
