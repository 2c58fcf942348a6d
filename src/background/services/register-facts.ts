// The register check before a share transfer is signed: what the token is (probed once per network and
// token, remembered in IndexedDB), then the register's facts about the proposed transfer, read in as few
// requests as the standard allows, and the verdict drawn from them (core/register).
//   ERC-3643: one JSON-RPC batch of the token's own state (paused, identity registry, compliance), then one
//             of the accounts' facts, which needs the registry's and the compliance's addresses.
//   ERC-7943: one batch; every function is the token's own.
// Reads are at the latest block. Nothing here throws to the caller: a node that fails gives "could not
// check" with the reason, which never blocks the shareholder.
import { registerVerdict, toChecksumAddress, type ProposedTransfers, type RegisterCheck, type RegisterFacts, type RegisterStandard } from '../../core';
import { JsonRpcError, type BatchCall, type BatchItem, type JsonRpcClient } from '../platform/json-rpc';
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

/**
 * Probes that ride along in a request the caller makes anyway (the holdings refresh's block request), so
 * that recognising a newly seen token costs no request of its own.
 */
export interface RegisterProbes {
  /** The remembered records of the tokens asked about. */
  known: StoredRegister[];
  /** The probe calls of the tokens never probed (or forgotten), in the order of the tokens asked about. */
  calls: BatchCall[];
  /**
   * Reads the answers to `calls`, remembers what they show and returns those records. A token whose
   * probe the node failed is left out, unremembered, to be probed next time. Never throws for a node's answer.
   */
  remember(items: readonly BatchItem[]): Promise<StoredRegister[]>;
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

  async function rememberProbe(network: RegisterNetwork, address: string, items: readonly BatchItem[]): Promise<StoredRegister> {
    const record: StoredRegister = { schema: 1, chainId: network.chainId, address, checkedAt: deps.now(), ...readProbe(network.rpcUrl, items) };
    await db.put('registers', record);
    return record;
  }

  async function probe(network: RegisterNetwork, address: string): Promise<StoredRegister['standard']> {
    return (await rememberProbe(network, address, await rpc.batch(network.rpcUrl, probeCalls(address)))).standard;
  }

  async function probesAlong(network: RegisterNetwork, tokens: readonly string[]): Promise<RegisterProbes> {
    const remembered = new Map((await db.getAll('registers'))
      .filter((record) => record.chainId === network.chainId)
      .map((record) => [record.address, record]));
    const addresses = tokens.map((token) => toChecksumAddress(token));
    const probes = addresses.filter((address) => !remembered.has(address)).map((address) => ({ address, calls: probeCalls(address) }));
    return {
      known: addresses.flatMap((address) => remembered.get(address) ?? []),
      calls: probes.flatMap((pending) => pending.calls),
      async remember(items) {
        let offset = 0;
        const found = await Promise.all(probes.map(async ({ address, calls }) => {
          const start = offset;
          offset += calls.length;
          const answers = items.slice(start, offset);
          try {
            return [await rememberProbe(network, address, answers)];
          } catch (error) {
            if (error instanceof RegisterReadError) return [];
            throw error;
          }
        }));
        return found.flat();
      },
    };
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
     * What is remembered of `tokens` on `network`, and the probes of the others for the caller to send
     * with a request of its own (see RegisterProbes).
     */
    probesAlong,

    /** Forgets what `token` is on `network`, so that it is probed afresh (its register moved). */
    forget,

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
