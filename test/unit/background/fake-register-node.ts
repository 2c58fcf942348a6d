// A fake node for the register check's unit tests: a `Fetch` that answers JSON-RPC batches of eth_call for
// one ERC-3643 token (with its identity registry and compliance at their own addresses), one ERC-7943
// token and one plain ERC-20, from state a test sets, and the latest block (for a holdings refresh). It
// counts requests and can be broken per function.
import { decodeFunctionData, encodeFunctionResult, parseAbi, type Hex } from 'viem';
import type { Fetch } from '../../../src/background/platform/json-rpc';

export const TREX_TOKEN = '0x5FbDB2315678afecb367f032d93F642f64180aa3';
export const TREX_REGISTRY = '0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512';
export const TREX_COMPLIANCE = '0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0';
export const URWA_TOKEN = '0xCf7Ed3AccA5a467e9e704C703E8D87F634fB0Fc9';
export const PLAIN_TOKEN = '0xDc64a140Aa3E981100a9becA4E685f962f0cF6C9';

const abi = parseAbi([
  'function identityRegistry() view returns (address)',
  'function compliance() view returns (address)',
  'function paused() view returns (bool)',
  'function isFrozen(address) view returns (bool)',
  'function getFrozenTokens(address) view returns (uint256)',
  'function balanceOf(address) view returns (uint256)',
  'function isVerified(address) view returns (bool)',
  'function canTransfer(address, address, uint256) view returns (bool)',
  'function canSend(address) view returns (bool)',
  'function canReceive(address) view returns (bool)',
  'function supportsInterface(bytes4) view returns (bool)',
]);
type FunctionName = (typeof abi)[number]['name'];

/** How the node answers one function: as the contract would, a revert, a node error, a malformed word. */
export type Breakage = 'revert' | 'node-error' | 'malformed';

export interface RegisterState {
  paused: boolean;
  frozen: Set<string>;
  balances: Map<string, bigint>;
  frozenTokens: Map<string, bigint>;
  /** ERC-3643: verified in the identity registry. ERC-7943: allowed to send and receive. */
  allowed: Set<string>;
  /** The compliance (or ERC-7943 canTransfer) refuses transfers above this amount. */
  limit: bigint | undefined;
}

export interface FakeRegisterNode {
  trex: RegisterState;
  urwa: RegisterState & { declares7943: boolean };
  requests: number;
  /** The calls of each request: `function@contract`, contract being trex, registry, compliance, urwa or plain. */
  sent: string[][];
  down: boolean;
  broken: Partial<Record<FunctionName, Breakage>>;
  fetch: Fetch;
}

const fresh = (): RegisterState => ({
  paused: false, frozen: new Set(), balances: new Map(), frozenTokens: new Map(), allowed: new Set(), limit: undefined,
});

const CONTRACTS: Record<string, string> = {
  [TREX_TOKEN.toLowerCase()]: 'trex', [TREX_REGISTRY.toLowerCase()]: 'registry', [TREX_COMPLIANCE.toLowerCase()]: 'compliance',
  [URWA_TOKEN.toLowerCase()]: 'urwa', [PLAIN_TOKEN.toLowerCase()]: 'plain',
};

interface Call { id: number; method: string; params: [{ to: string; data: Hex }, string] }

/** The block the node is at, for a holdings refresh. */
export const BLOCK_NUMBER = '0x10';

function functionOf(data: Hex): FunctionName | undefined {
  try {
    return decodeFunctionData({ abi, data }).functionName;
  } catch {
    return undefined;
  }
}

export function createFakeRegisterNode(): FakeRegisterNode {
  const node: FakeRegisterNode = {
    trex: fresh(), urwa: { ...fresh(), declares7943: true }, requests: 0, sent: [], down: false, broken: {},
    fetch: (_url, init) => {
      node.requests += 1;
      if (node.down) return Promise.reject(new TypeError('fetch failed'));
      const body = JSON.parse(init.body) as Call | Call[];
      const calls = Array.isArray(body) ? body : [body];
      node.sent.push(calls.map((call) => {
        if (call.method !== 'eth_call') return call.method;
        return `${functionOf(call.params[0].data) ?? '?'}@${CONTRACTS[call.params[0].to.toLowerCase()] ?? '?'}`;
      }));
      // Answered in reverse: the client matches answers by id.
      return Promise.resolve(new Response(JSON.stringify(Array.isArray(body) ? calls.map(answer).reverse() : answer(body))));
    },
  };

  function answer(call: Call): unknown {
    const ok = (result: unknown) => ({ jsonrpc: '2.0', id: call.id, result });
    const reverted = { jsonrpc: '2.0', id: call.id, error: { code: 3, message: 'execution reverted', data: '0x' } };
    // The holdings refresh reads its block first (with the register probes, the first time).
    if (call.method === 'eth_getBlockByNumber') return ok({ number: BLOCK_NUMBER, timestamp: '0x6553f100' });
    const { to, data } = call.params[0];
    const contract = CONTRACTS[to.toLowerCase()];
    // A function none of these contracts has (ERC20Votes' getVotes, totalSupply) reverts.
    if (functionOf(data) === undefined) return reverted;
    const decoded = decodeFunctionData({ abi, data });
    const breakage = node.broken[decoded.functionName];
    if (breakage === 'revert') return reverted;
    if (breakage === 'node-error') return { jsonrpc: '2.0', id: call.id, error: { code: -32005, message: 'rate limited' } };
    if (breakage === 'malformed') return ok('0x1234');
    // viem leaves args undefined for a function without inputs (its type says otherwise).
    const args = (decoded as { args?: readonly unknown[] }).args ?? [];
    const account = (i: number) => String(args[i]).toLowerCase();
    const encode = (result: bigint | boolean | Hex) => ok(encodeFunctionResult({ abi, functionName: decoded.functionName, result }));
    const trex = node.trex;
    const urwa = node.urwa;
    switch (`${decoded.functionName}@${contract ?? '?'}`) {
      case 'identityRegistry@trex': return encode(TREX_REGISTRY);
      case 'compliance@trex': return encode(TREX_COMPLIANCE);
      case 'paused@trex': return encode(trex.paused);
      case 'isFrozen@trex': return encode(trex.frozen.has(account(0)));
      case 'getFrozenTokens@trex': return encode(trex.frozenTokens.get(account(0)) ?? 0n);
      case 'balanceOf@trex': return encode(trex.balances.get(account(0)) ?? 0n);
      case 'isVerified@registry': return encode(trex.allowed.has(account(0)));
      case 'canTransfer@compliance': return encode(trex.limit === undefined || (args[2] as bigint) <= trex.limit);
      case 'supportsInterface@urwa': {
        const id = String(args[0]);
        return encode(id === '0x01ffc9a7' || (id === '0x3edbb4c4' && urwa.declares7943));
      }
      case 'canSend@urwa': return encode(urwa.allowed.has(account(0)));
      case 'canReceive@urwa': return encode(urwa.allowed.has(account(0)));
      case 'balanceOf@urwa': return encode(urwa.balances.get(account(0)) ?? 0n);
      case 'getFrozenTokens@urwa': return encode(urwa.frozenTokens.get(account(0)) ?? 0n);
      case 'canTransfer@urwa': {
        const from = account(0);
        const amount = args[2] as bigint;
        const unfrozen = (urwa.balances.get(from) ?? 0n) - (urwa.frozenTokens.get(from) ?? 0n);
        return encode(urwa.allowed.has(from) && urwa.allowed.has(account(1)) && amount <= unfrozen && (urwa.limit === undefined || amount <= urwa.limit));
      }
      case 'balanceOf@plain': return encode(0n);
      default: return reverted; // no such function: a contract without a fallback reverts
    }
  }
  return node;
}
