// Which nodes answer eth_simulateV1: found by the first preview on a network and remembered, in memory and
// on the network's stored record, so later previews on a node without it go straight to the fallback
// instead of asking again. The answer belongs to the node (the RPC URL), not the chain id: a replaced RPC
// is asked afresh. Nodes get upgraded, so what was found is asked again after a week.
import type { WalletDatabase } from '../storage/database';
import type { SimulationSupport, StoredChain } from '../storage/schema';

/** How long a finding is trusted before a preview asks the node again. */
export const SIMULATION_SUPPORT_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export function createSimulationSupport(deps: { db: WalletDatabase; now: () => number }) {
  const { db, now } = deps;
  const inMemory = new Map<string, SimulationSupport>();

  const fresh = (found: SimulationSupport | undefined, rpcUrl: string): found is SimulationSupport =>
    found !== undefined && found.rpcUrl === rpcUrl && now() - found.checkedAt < SIMULATION_SUPPORT_TTL_MS;

  return {
    /** Whether `chain`'s node answers eth_simulateV1, or undefined when that is not known (or too old). */
    known(chain: StoredChain): boolean | undefined {
      const remembered = inMemory.get(chain.chainId);
      if (fresh(remembered, chain.rpcUrl)) return remembered.supported;
      return fresh(chain.simulation, chain.rpcUrl) ? chain.simulation.supported : undefined;
    },

    /** Remembers what the node at `chain.rpcUrl` did; stored on the network's record unless the record changed URL meanwhile. */
    async remember(chain: StoredChain, supported: boolean): Promise<void> {
      const found: SimulationSupport = { rpcUrl: chain.rpcUrl, supported, checkedAt: now() };
      inMemory.set(chain.chainId, found);
      const transaction = db.transaction('chains', 'readwrite');
      const stored = await transaction.store.get(chain.chainId);
      if (stored !== undefined && stored.rpcUrl === chain.rpcUrl) await transaction.store.put({ ...stored, simulation: found });
      await transaction.done;
    },
  };
}

export type SimulationSupportMemory = ReturnType<typeof createSimulationSupport>;
