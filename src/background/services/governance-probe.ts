// Telling a Governor from any other contract, and reading what the wallet shows of it. A contract counts as
// an OpenZeppelin-style Governor (IGovernor, v4.9 and v5) when it answers COUNTING_MODE() (IGovernor's
// "support=bravo&quorum=..." description of how it counts), token() (its ERC20Votes / ERC-5805 token), and
// votingPeriod() and proposalThreshold(); its ERC-6372 CLOCK_MODE() names its clock, and a governor without
// one counts blocks. Two requests: the governor's answers, then its token's name, symbol and decimals.
import { toChecksumAddress } from '../../core';
import { ClockModeError, parseClockMode } from '../../core/governance/clock';
import type { JsonRpcClient } from '../platform/json-rpc';
import { asAddress, asBigint, asString, governorAnswer, governorCall, tokenAnswer, tokenCall } from './governance-calls';

/** What a governor and its token say of themselves (contract text). */
export interface GovernorFacts {
  name: string;
  token: string;
  companyName: string;
  symbol: string;
  decimals: number;
  clock: 'blocknumber' | 'timestamp';
}

/** The contract is not a Governor the wallet can read; the message says why in plain words. */
export class NotAGovernorError extends Error {
  override readonly name = 'NotAGovernorError';
}

/**
 * What the governor at `address` (on the node at `url`; `where` names it for the user, e.g.
 * "0x… on Acme Chain") says of itself and its token, read at the latest block.
 * @throws NotAGovernorError when it does not answer as a Governor; GovernanceReadError or JsonRpcError when the node failed.
 */
export async function probeGovernor(rpc: JsonRpcClient, url: string, address: string, where: string): Promise<GovernorFacts> {
  const at = 'latest';
  const items = await rpc.batch(url, [
    { method: 'eth_getCode', params: [address, at] },
    governorCall(address, at, 'COUNTING_MODE'),
    governorCall(address, at, 'token'),
    governorCall(address, at, 'votingPeriod'),
    governorCall(address, at, 'proposalThreshold'),
    governorCall(address, at, 'CLOCK_MODE'),
    governorCall(address, at, 'name'),
  ]);
  const code = items[0];
  if (code?.ok === true && (code.result === '0x' || code.result === '0x0')) {
    throw new NotAGovernorError(`${where} is not a Governor contract: there is no contract at that address`);
  }
  const missing = (fn: string) => new NotAGovernorError(`${where} is not a Governor contract: it does not answer ${fn}()`);
  const counting = asString(governorAnswer('COUNTING_MODE', items[1], url));
  if (counting === undefined) throw missing('COUNTING_MODE');
  const token = asAddress(governorAnswer('token', items[2], url));
  if (token === undefined || BigInt(token) === 0n) throw missing('token');
  if (asBigint(governorAnswer('votingPeriod', items[3], url)) === undefined) throw missing('votingPeriod');
  if (asBigint(governorAnswer('proposalThreshold', items[4], url)) === undefined) throw missing('proposalThreshold');
  let clock: GovernorFacts['clock'];
  try {
    clock = parseClockMode(asString(governorAnswer('CLOCK_MODE', items[5], url))).mode;
  } catch (error) {
    if (error instanceof ClockModeError) throw new NotAGovernorError(`${where} keeps time in a way the wallet cannot read: ${error.message}`);
    throw error;
  }
  const name = asString(governorAnswer('name', items[6], url)) ?? '';

  const tokenAddress = toChecksumAddress(token);
  const [tokenName, symbol, decimals] = await rpc.batch(url, [
    tokenCall(tokenAddress, at, 'name'), tokenCall(tokenAddress, at, 'symbol'), tokenCall(tokenAddress, at, 'decimals'),
  ]);
  const companyName = asString(tokenAnswer('name', tokenName, url));
  const tokenSymbol = asString(tokenAnswer('symbol', symbol, url));
  const tokenDecimals = tokenAnswer('decimals', decimals, url);
  if (companyName === undefined || tokenSymbol === undefined || typeof tokenDecimals !== 'number') {
    throw new NotAGovernorError(`${where} is not a Governor over share tokens: its token ${tokenAddress} does not answer name(), symbol() and decimals()`);
  }
  return { name, token: tokenAddress, companyName, symbol: tokenSymbol, decimals: tokenDecimals, clock };
}
