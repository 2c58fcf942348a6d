// The register check before a share transfer is signed: what the token is (probed once per network and
// token, remembered in IndexedDB), then the register's facts about the proposed transfer, read in as few
// requests as the standard allows, and the verdict drawn from them (core/register).
//   ERC-3643: one JSON-RPC batch of the token's own state (paused, identity registry, compliance), then one
//             of the accounts' facts, which needs the registry's and the compliance's addresses.
//   ERC-7943: one batch; every function is the token's own.
// Reads are at the latest block. Nothing here throws to the caller: a node that fails gives "could not
// check" with the reason, which never blocks the shareholder.
import { registerVerdict, toChecksumAddress, type ProposedTransfers, type RegisterCheck, type RegisterFacts, type RegisterStandard } from '../../core';
import { JsonRpcError, type JsonRpcClient } from '../platform/json-rpc';
import type { WalletDatabase } from '../storage/database';
import type { StoredRegister } from '../storage/schema';
import {
  erc3643TokenCalls, erc3643TransferCalls, erc7943TransferCalls, probeCalls, readErc3643Token, readErc3643Transfer,
  readErc7943Transfer, readProbe, RegisterReadError,
} from './register-reads';

/** The network a token lives on, as the chains store has it (chain id 0x-hex). */
export interface RegisterNetwork {
  chainId: string;
  rpcUrl: string;
}

export interface RegisterFactsDeps {
  db: WalletDatabase;
  rpc: JsonRpcClient;
  now: () => number;
}

/** A node's failure in words for the user: names the RPC, never carries anything secret. */
function nodeFailure(url: string, error: JsonRpcError): string {
  // Transport failures already say "the node at <url> …"; a JSON-RPC error is the node's own words.
  return error.message.startsWith('the node at ') ? error.message : `the node at ${url} answered with an error: ${error.message}`;
}

export function createRegisterFacts(deps: RegisterFactsDeps) {
  const { db, rpc } = deps;
  /** Probes under way, so that checks started together probe a token once. */
  const probing = new Map<string, Promise<StoredRegister['standard']>>();

  async function probe(network: RegisterNetwork, address: string): Promise<StoredRegister['standard']> {
    const found = readProbe(network.rpcUrl, await rpc.batch(network.rpcUrl, probeCalls(address)));
    await db.put('registers', { schema: 1, chainId: network.chainId, address, checkedAt: deps.now(), ...found });
    return found.standard;
  }

  async function forget(network: RegisterNetwork, token: string): Promise<void> {
    await db.delete('registers', [network.chainId, toChecksumAddress(token)]);
  }

  /**
   * What `token` is on `network`: remembered, or probed (one batch) and remembered.
   * @throws JsonRpcError or RegisterReadError when the node failed; nothing is remembered then.
   */
  async function standardOf(network: RegisterNetwork, token: string): Promise<StoredRegister['standard']> {
    const address = toChecksumAddress(token);
    const stored = await db.get('registers', [network.chainId, address]);
    if (stored !== undefined) return stored.standard;
    const key = `${network.chainId} ${address}`;
    let running = probing.get(key);
    if (running === undefined) {
      running = probe(network, address);
      probing.set(key, running);
      void running.finally(() => probing.delete(key)).catch(() => undefined);
    }
    return running;
  }

  /**
   * The register's facts about `proposed` on a token of `standard`.
   * @throws JsonRpcError or RegisterReadError when the node failed or a contract answered nonsense.
   */
  async function readFacts(network: RegisterNetwork, standard: RegisterStandard, proposed: ProposedTransfers): Promise<RegisterFacts> {
    const url = network.rpcUrl;
    if (standard === 'erc7943') return readErc7943Transfer(url, proposed, await rpc.batch(url, erc7943TransferCalls(proposed)));
    const state = readErc3643Token(url, proposed.token, await rpc.batch(url, erc3643TokenCalls(proposed.token)));
    return readErc3643Transfer(url, proposed, state, await rpc.batch(url, erc3643TransferCalls(proposed, state)));
  }

  return {
    standardOf,

    /**
     * The register's verdict on `proposed` (a token on `network`): 'unrestricted' for a plain token,
     * accepted, the first rule that refuses it, or "could not check" with the reason. Never throws.
     */
    async check(network: RegisterNetwork, proposed: ProposedTransfers): Promise<RegisterCheck> {
      let standard: RegisterStandard | undefined;
      try {
        const found = await standardOf(network, proposed.token);
        if (found === 'plain') return { kind: 'unrestricted' };
        standard = found;
        const verdict = registerVerdict(proposed, await readFacts(network, found, proposed));
        // A token that no longer answers as its standard (an upgraded proxy) is probed afresh next time.
        if (verdict.kind === 'unchecked' && verdict.cause === 'standard') await forget(network, proposed.token);
        return verdict;
      } catch (error) {
        if (error instanceof RegisterReadError) {
          if (error.failure !== 'node') await forget(network, proposed.token).catch(() => undefined);
          return { kind: 'unchecked', standard, cause: error.failure, message: error.message };
        }
        if (error instanceof JsonRpcError) return { kind: 'unchecked', standard, cause: 'node', message: nodeFailure(network.rpcUrl, error) };
        // Only the kind: an unexpected error's text could hold anything.
        console.error('register check failed', error instanceof Error ? error.name : typeof error);
        return { kind: 'unchecked', standard, cause: 'node', message: `checking the register through ${network.rpcUrl} failed unexpectedly` };
      }
    },
  };
}

export type RegisterFactsService = ReturnType<typeof createRegisterFacts>;
