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

export function renderCapTable(
  table: HTMLTableElement, totalSupply: HTMLElement, status: HTMLElement, capTable: CapTable, token: TokenUnits, you: Address | undefined,
): void {
  const body = table.tBodies[0] ?? table.createTBody();
  body.replaceChildren(...capTable.rows.map(({ holder, balance, votes }) => {
    const row = document.createElement('tr');
    row.dataset.holder = holder;
    row.dataset.balance = balance.toString();
    row.dataset.votes = votes.toString();
    if (holder === you) row.dataset.you = '';
    for (const text of [holder, formatShares(balance, token.decimals, token.symbol), formatShares(votes, token.decimals, token.symbol)]) {
      const cell = document.createElement('td');
      cell.textContent = text;
      row.append(cell);
    }
    return row;
  }));
  totalSupply.textContent = formatShares(capTable.totalSupply, token.decimals, token.symbol);
  totalSupply.dataset.units = capTable.totalSupply.toString();
  table.dataset.state = 'loaded';
  table.dataset.block = capTable.blockNumber.toString();
  setResult(status, 'loaded', `Block ${capTable.blockNumber}: ${capTable.rows.length} holder${capTable.rows.length === 1 ? '' : 's'}`);
}

export function renderTally(output: HTMLElement, proposalId: bigint, tally: Tally, token: TokenUnits): void {
  const shown = (units: bigint) => formatShares(units, token.decimals, token.symbol);
  setResult(output, 'loaded', `Proposal ${proposalId}: For ${shown(tally.for)} · Against ${shown(tally.against)} · Abstain ${shown(tally.abstain)}`);
  output.dataset.proposalId = proposalId.toString();
  output.dataset.for = tally.for.toString();
  output.dataset.against = tally.against.toString();
  output.dataset.abstain = tally.abstain.toString();
}
