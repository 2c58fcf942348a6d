// Shows the restricted company's cap table: text for people, data-* attributes (base units, decimal
// strings, "true" / "false") for tests.
import type { Address } from 'viem';
import type { RestrictedCompanyInfo } from './api-types';
import { formatShares } from './cap-table-view';
import type { RestrictedCapTable, RestrictedCapTableRow } from './restricted-reads';
import { setResult } from './ui';

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
  const body = table.tBodies[0] ?? table.createTBody();
  body.replaceChildren(...capTable.rows.map((row) => {
    const tr = document.createElement('tr');
    tr.dataset.holder = row.holder;
    tr.dataset.balance = row.balance.toString();
    tr.dataset.frozen = row.frozen.toString();
    tr.dataset.addressFrozen = String(row.addressFrozen);
    tr.dataset.verified = String(row.verified);
    if (row.holder === you) tr.dataset.you = '';
    for (const text of [row.holder, formatShares(row.balance, token.decimals, token.symbol), describeHolderStatus(row, token)]) {
      const cell = document.createElement('td');
      cell.textContent = text;
      tr.append(cell);
    }
    return tr;
  }));
  totalSupply.textContent = formatShares(capTable.totalSupply, token.decimals, token.symbol);
  totalSupply.dataset.units = capTable.totalSupply.toString();
  table.dataset.state = 'loaded';
  table.dataset.block = capTable.blockNumber.toString();
  setResult(status, 'loaded', `Block ${capTable.blockNumber}: ${capTable.rows.length} holder${capTable.rows.length === 1 ? '' : 's'}`);
}
