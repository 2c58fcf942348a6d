// A fake node for the background's unit tests: a `Fetch` that answers JSON-RPC (single calls and batches)
// from a small in-memory chain of ERC-20 tokens, counting the HTTP requests it gets. A test can break it
// (down, garbage, a malformed balanceOf) to see how the wallet copes.
import { decodeFunctionData, encodeFunctionResult, erc20Abi, getAddress, zeroAddress, type Hex } from 'viem';
import type { Fetch } from '../../../src/background/platform/json-rpc';

/** What a refresh reads beyond ERC-20 (OpenZeppelin ERC20Votes). */
export const votesAbi = [
  { type: 'function', name: 'getVotes', stateMutability: 'view', inputs: [{ name: 'account', type: 'address' }], outputs: [{ name: '', type: 'uint256' }] },
  { type: 'function', name: 'delegates', stateMutability: 'view', inputs: [{ name: 'account', type: 'address' }], outputs: [{ name: '', type: 'address' }] },
] as const;

export interface FakeToken {
  name: string;
  symbol: string;
  decimals: number;
  /** ERC20Votes: answers getVotes and delegates; a plain ERC-20 reverts them (or answers `0x`). */
  votes: boolean;
  balances: Map<string, bigint>;
  delegates: Map<string, string>;
  /** How a plain token answers getVotes / delegates. */
  plainAnswer?: 'revert' | 'empty';
}

export interface RpcCall { id: unknown; method: string; params: unknown[] }

export interface FakeChain {
  blockNumber: bigint;
  blockTime: bigint;
  tokens: Map<string, FakeToken>;
  native: Map<string, bigint>;
  nonces: Map<string, bigint>;
  /** HTTP requests received (a batch is one). */
  requests: number;
  /** The methods of each request's calls. */
  sent: string[][];
  /** Each request's body as sent, to see which addresses the node was asked about. */
  bodies: string[];
  /** `every-address-used`: a node that answers a nonce of 1 for every address (unbounded discovery). */
  mode: 'ok' | 'down' | 'garbage' | 'bad-balance' | 'hang' | 'every-address-used';
  addToken(address: string, token: Partial<FakeToken> & { symbol: string }): void;
  /** Gives `account` shares of the token (and, for ERC20Votes, self-delegates it). */
  give(token: string, account: string, amount: bigint): void;
  /** The JSON-RPC answer to one call. */
  answer(call: RpcCall): unknown;
  fetch: Fetch;
}

const abi = [...erc20Abi, ...votesAbi];

export function createFakeChain(opts: { blockNumber?: bigint; blockTime?: bigint } = {}): FakeChain {
  const chain: FakeChain = {
    blockNumber: opts.blockNumber ?? 0x10n,
    blockTime: opts.blockTime ?? 1_700_000_000n,
    tokens: new Map<string, FakeToken>(),
    native: new Map<string, bigint>(),
    nonces: new Map<string, bigint>(),
    requests: 0,
    sent: [],
    bodies: [],
    mode: 'ok',

    addToken(address: string, token: Partial<FakeToken> & { symbol: string }): void {
      chain.tokens.set(address.toLowerCase(), {
        name: `${token.symbol} Shares`, decimals: 18, votes: true, balances: new Map(), delegates: new Map(), ...token,
      });
    },

    give(token: string, account: string, amount: bigint): void {
      const state = chain.tokens.get(token.toLowerCase());
      if (state === undefined) throw new Error(`no token ${token}`);
      state.balances.set(account.toLowerCase(), amount);
      if (state.votes) state.delegates.set(account.toLowerCase(), getAddress(account));
    },

    answer(call: RpcCall): unknown {
      const result = (value: unknown) => ({ jsonrpc: '2.0', id: call.id, result: value });
      const error = (message: string) => ({ jsonrpc: '2.0', id: call.id, error: { code: 3, message } });
      const [first] = call.params;
      switch (call.method) {
        case 'eth_chainId': return result('0x7a69');
        case 'eth_getBlockByNumber':
          return result({ number: `0x${chain.blockNumber.toString(16)}`, timestamp: `0x${chain.blockTime.toString(16)}`, hash: `0x${'ab'.repeat(32)}` });
        case 'eth_getBalance': return result(`0x${(chain.native.get(String(first).toLowerCase()) ?? 0n).toString(16)}`);
        case 'eth_getTransactionCount':
          if (chain.mode === 'every-address-used') return result('0x1');
          return result(`0x${(chain.nonces.get(String(first).toLowerCase()) ?? 0n).toString(16)}`);
        case 'eth_call': {
          const { to, data } = first as { to: string; data: Hex };
          const token = chain.tokens.get(to.toLowerCase());
          if (token === undefined) return result('0x');
          let decoded: ReturnType<typeof decodeFunctionData<typeof abi>>;
          try {
            decoded = decodeFunctionData({ abi, data });
          } catch {
            // A function a plain ERC-20 does not have (the register probe's identityRegistry, supportsInterface).
            return error('execution reverted');
          }
          // viem leaves args undefined for a function without inputs (name, symbol, decimals).
          const [arg] = (decoded.args as readonly unknown[] | undefined) ?? [];
          const holder = typeof arg === 'string' ? arg.toLowerCase() : '';
          switch (decoded.functionName) {
            case 'name': return result(encodeFunctionResult({ abi: erc20Abi, functionName: 'name', result: token.name }));
            case 'symbol': return result(encodeFunctionResult({ abi: erc20Abi, functionName: 'symbol', result: token.symbol }));
            case 'decimals': return result(encodeFunctionResult({ abi: erc20Abi, functionName: 'decimals', result: token.decimals }));
            case 'totalSupply':
              return result(encodeFunctionResult({ abi: erc20Abi, functionName: 'totalSupply', result: [...token.balances.values()].reduce((sum, balance) => sum + balance, 0n) }));
            case 'balanceOf':
              if (chain.mode === 'bad-balance') return result('0x1234');
              return result(encodeFunctionResult({ abi: erc20Abi, functionName: 'balanceOf', result: token.balances.get(holder) ?? 0n }));
            case 'getVotes': case 'delegates': {
              if (!token.votes) return token.plainAnswer === 'empty' ? result('0x') : error('execution reverted');
              if (decoded.functionName === 'delegates') {
                const delegate = (token.delegates.get(holder) ?? zeroAddress) as Hex;
                return result(encodeFunctionResult({ abi: votesAbi, functionName: 'delegates', result: delegate }));
              }
              const votes = [...token.delegates].filter(([, to]) => to.toLowerCase() === holder)
                .reduce((sum, [from]) => sum + (token.balances.get(from) ?? 0n), 0n);
              return result(encodeFunctionResult({ abi: votesAbi, functionName: 'getVotes', result: votes }));
            }
            default: return error('execution reverted');
          }
        }
        default: return { jsonrpc: '2.0', id: call.id, error: { code: -32601, message: `${call.method} not found` } };
      }
    },

    fetch: (_url, init) => {
      chain.requests += 1;
      const body = JSON.parse(init.body) as RpcCall | RpcCall[];
      const calls = Array.isArray(body) ? body : [body];
      chain.sent.push(calls.map((call) => call.method));
      chain.bodies.push(init.body);
      if (chain.mode === 'down') return Promise.reject(new TypeError('fetch failed'));
      if (chain.mode === 'hang') {
        return new Promise((_resolve, reject) => { init.signal.addEventListener('abort', () => { reject(new Error('aborted')); }); });
      }
      const json: unknown = chain.mode === 'garbage' ? '<html>502</html>'
        // Batches are answered in reverse order: the client must match answers by id.
        : Array.isArray(body) ? calls.map((call) => chain.answer(call)).reverse() : chain.answer(calls[0] as RpcCall);
      return Promise.resolve(new Response(JSON.stringify(json)));
    },
  };
  return chain;
}

/** Whether any request `chain` received names `address` (as a param, or inside call data), in any letter case. */
export function wasAskedAbout(chain: FakeChain, address: string): boolean {
  const needle = address.toLowerCase().replace(/^0x/, '');
  return chain.bodies.some((body) => body.toLowerCase().includes(needle));
}
