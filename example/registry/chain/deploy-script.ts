// The deploy modules double as scripts (`npx tsx example/registry/chain/deploy-trex.ts`): run directly, one
// starts its own anvil, deploys, prints what it deployed and keeps the node until Ctrl-C. Imported, it does
// nothing, so tests deploy on their own node.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { keepNodeUntilSignal, startAnvil } from './anvil';

/**
 * When `moduleUrl` (the caller's `import.meta.url`) is the script node was started with: deploys on a new
 * anvil and prints `describe`'s lines under the node's address.
 */
export async function runAsDeployScript<T>(moduleUrl: string, deploy: (rpcUrl: string) => Promise<T>, describe: (deployed: T) => string[]): Promise<void> {
  const script = process.argv[1];
  if (script === undefined || path.resolve(script) !== fileURLToPath(moduleUrl)) return;
  const chain = await startAnvil();
  try {
    const started = performance.now();
    const deployed = await deploy(chain.rpcUrl);
    console.log(`anvil ${chain.rpcUrl} (chain ${chain.chainId}, PID ${chain.pid}); deployed in ${Math.round(performance.now() - started)} ms`);
    for (const line of describe(deployed)) console.log(`  ${line}`);
    console.log('Ctrl-C stops the node.');
  } catch (error) {
    await chain.stop();
    throw error;
  }
  keepNodeUntilSignal(chain);
}
