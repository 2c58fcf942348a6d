// Shows what was read from the chain: the cap table and a proposal's tally, as text for people and as
// data-* attributes (base units, decimal strings) for tests.
import { formatUnits, type Address } from 'viem';
import type { CapTable, Tally } from './chain-reads';
import { setResult } from './ui';

/** 1500000000000000000000n → "1,500 ACME" (all decimals kept, integer part grouped). */
export function formatShares(units: bigint, decimals: number, symbol: string): string {
  const [whole = '0', fraction] = formatUnits(units, decimals).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${fraction === undefined ? grouped : `${grouped}.${fraction}`} ${symbol}`;
}

export interface TokenUnits {
  decimals: number;
  symbol: string;
}

/** One holder's row: its data-* attributes (beside data-holder) and the cells people read. */
export interface HolderRow {
  holder: Address;
  data: Record<string, string>;
  cells: string[];
}

/** Any cap table: the holders' rows, the total supply, and which block it was read at. */
export function renderHolders(
  table: HTMLTableElement, totalSupply: HTMLElement, status: HTMLElement,
  read: { rows: HolderRow[]; totalSupply: bigint; blockNumber: bigint }, token: TokenUnits, you: Address | undefined,
): void {
  const body = table.tBodies[0] ?? table.createTBody();
  body.replaceChildren(...read.rows.map(({ holder, data, cells }) => {
    const row = document.createElement('tr');
    row.dataset.holder = holder;
    Object.assign(row.dataset, data);
    if (holder === you) row.dataset.you = '';
    for (const text of [holder, ...cells]) {
      const cell = document.createElement('td');
      cell.textContent = text;
      row.append(cell);
    }
    return row;
  }));
  totalSupply.textContent = formatShares(read.totalSupply, token.decimals, token.symbol);
  totalSupply.dataset.units = read.totalSupply.toString();
  table.dataset.state = 'loaded';
  table.dataset.block = read.blockNumber.toString();
  setResult(status, 'loaded', `Block ${read.blockNumber}: ${read.rows.length} holder${read.rows.length === 1 ? '' : 's'}`);
}

export function renderCapTable(
  table: HTMLTableElement, totalSupply: HTMLElement, status: HTMLElement, capTable: CapTable, token: TokenUnits, you: Address | undefined,
): void {
  const rows = capTable.rows.map(({ holder, balance, votes }): HolderRow => ({
    holder,
    data: { balance: balance.toString(), votes: votes.toString() },
    cells: [formatShares(balance, token.decimals, token.symbol), formatShares(votes, token.decimals, token.symbol)],
  }));
  renderHolders(table, totalSupply, status, { ...capTable, rows }, token, you);
}

export function renderTally(output: HTMLElement, proposalId: bigint, tally: Tally, token: TokenUnits): void {
  const shown = (units: bigint) => formatShares(units, token.decimals, token.symbol);
  setResult(output, 'loaded', `Proposal ${proposalId}: For ${shown(tally.for)} · Against ${shown(tally.against)} · Abstain ${shown(tally.abstain)}`);
  output.dataset.proposalId = proposalId.toString();
  output.dataset.for = tally.for.toString();
  output.dataset.against = tally.against.toString();
  output.dataset.abstain = tally.abstain.toString();
}
