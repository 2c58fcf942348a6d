// Where a contract's logs start: its deployment block, found by asking for its code at several blocks per
// request (core/governance/deployment-search.ts). A node that keeps no old state (not an archive node)
// refuses such questions; the caller then reads a bounded lookback instead.
import { narrowSearch, searchPoints, type DeploymentSearch } from '../../core/governance/deployment-search';
import type { JsonRpcClient } from '../platform/json-rpc';

/**
 * How far back the logs are read when the deployment cannot be found: about a month of Ethereum blocks
 * (12 s), longer than the voting period of the governors in use (a week or two), so open proposals and
 * the recent closed ones are found.
 */
export const LOOKBACK_BLOCKS = 216_000n;

const hex = (block: bigint) => `0x${block.toString(16)}`;

/**
 * The first block at which `address` has code (it has code at `latest`), or undefined when the node would
 * not tell (it refused or answered nonsense for an old block).
 * @throws JsonRpcError when a whole request failed.
 */
export async function deploymentBlock(rpc: JsonRpcClient, url: string, address: string, latest: bigint): Promise<bigint | undefined> {
  let search: DeploymentSearch = { low: -1n, high: latest };
  for (let points = searchPoints(search); points.length > 0; points = searchPoints(search)) {
    const items = await rpc.batch(url, points.map((block) => ({ method: 'eth_getCode', params: [address, hex(block)] })));
    const hasCode: boolean[] = [];
    for (const item of items) {
      if (!item.ok || typeof item.result !== 'string' || !/^0x(?:[0-9a-fA-F]{2})*$/.test(item.result)) return undefined;
      hasCode.push(item.result.length > 2);
    }
    search = narrowSearch(search, points, hasCode);
  }
  return search.high;
}
