// Puts the register's facts (register-holdings-reads.ts) on the holdings rows they belong to, as the
// cache stores them: a fact the node left unknown is left out rather than stored as undefined.
import type { StoredHoldingRow, StoredRegisterFacts, StoredRegisterToken } from '../storage/schema';
import type { RegisterHoldingRow, RegisterHoldingToken } from './register-holdings-reads';

const key = (token: string, account: string) => `${token.toLowerCase()} ${account.toLowerCase()}`;

function storedFacts(row: RegisterHoldingRow): StoredRegisterFacts {
  const facts: StoredRegisterFacts = {};
  if (row.frozenTokens !== undefined) facts.frozenTokens = row.frozenTokens;
  if (row.accountFrozen !== undefined) facts.accountFrozen = row.accountFrozen;
  if (row.verified !== undefined) facts.verified = row.verified;
  if (row.canSend !== undefined) facts.canSend = row.canSend;
  if (row.canReceive !== undefined) facts.canReceive = row.canReceive;
  return facts;
}

function storedToken(token: RegisterHoldingToken): StoredRegisterToken {
  return { token: token.token, standard: token.standard, ...(token.paused === undefined ? {} : { paused: token.paused }) };
}

/** `rows` with each restricted token's facts on its account's row, and the restricted tokens themselves. */
export function withRegisterFacts(
  rows: readonly StoredHoldingRow[],
  facts: { tokens: readonly RegisterHoldingToken[]; rows: readonly RegisterHoldingRow[] },
): { rows: StoredHoldingRow[]; registerTokens: StoredRegisterToken[] } {
  const byKey = new Map(facts.rows.map((row) => [key(row.token, row.account), row]));
  return {
    rows: rows.map((row) => {
      const found = byKey.get(key(row.token, row.account));
      return found === undefined ? row : { ...row, register: storedFacts(found) };
    }),
    registerTokens: facts.tokens.map(storedToken),
  };
}
