// Voting-centre bench (issue 14), through the background's real services on a local anvil node (fake-indexeddb,
// Node's fetch with every JSON-RPC request recorded):
//   1. catching up 10,000 blocks of a governor's logs with a few proposals spread in them: HTTP requests,
//      eth_getLogs calls and time of adding the governor (probe, deployment search, logs, figures), median of
//      a few fresh wallets;
//   2. refresh() with 5 governors × 50 proposals cached: HTTP requests and time, median.
// Mining is slow on anvil (each block costs more as the chain grows: about 100 s for 10,000 on the project's
// machine), so part 1 mines its blocks once and every run catches up the same chain.
import { startAnvil } from '../example/registry/chain/anvil';
import { createProposal, deployRegistry } from '../example/registry/chain/deploy';
import { CHAIN_ID, governanceUnderTest } from '../test/integration/governance/governance-under-test';
import { measure, median, round, table } from './measure';

const CATCH_UP_BLOCKS = 10_000;
const SPREAD_PROPOSALS = 5;
const CATCH_UP_RUNS = 3;
export const GOVERNORS = 5;
export const PROPOSALS = 50;
const REFRESH_ROUNDS = 10;

/** One JSON-RPC call with Node's fetch and no timeout (viem's 10 s is too short for anvil_mine on a long chain). */
async function call(rpcUrl: string, method: string, params: unknown[] = []): Promise<unknown> {
  const answer = await fetch(rpcUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }) });
  return ((await answer.json()) as { result?: unknown }).result;
}

/** Mines `blocks` empty blocks, a hundred per request. */
async function mine(rpcUrl: string, blocks: number): Promise<void> {
  for (let left = blocks; left > 0; left -= 100) await call(rpcUrl, 'anvil_mine', [`0x${Math.min(100, left).toString(16)}`]);
}

async function benchCatchUp(): Promise<string[][]> {
  const chain = await startAnvil();
  try {
    const registry = await deployRegistry(chain.rpcUrl, { votingPeriod: 20_000 });
    const setUp = performance.now();
    for (let i = 0; i < SPREAD_PROPOSALS; i++) {
      await mine(chain.rpcUrl, CATCH_UP_BLOCKS / SPREAD_PROPOSALS - 2);
      await createProposal(chain.rpcUrl, registry.governor, `# Bench proposal ${i}\nSpread over ${CATCH_UP_BLOCKS} blocks.`);
    }
    const mined = Math.round(performance.now() - setUp);
    const runs: { ms: number; requests: number; logCalls: number; deploymentFound: boolean }[] = [];
    for (let run = 0; run < CATCH_UP_RUNS; run++) {
      const subject = await governanceUnderTest(chain.rpcUrl);
      const started = performance.now();
      const view = await subject.governance.add({ chainId: CHAIN_ID, address: registry.governor });
      const ms = performance.now() - started;
      const found = view.companies[0];
      if (found?.governor.problem !== undefined) throw new Error(`the catch-up failed: ${found.governor.problem.message}`);
      if ((found?.open.length ?? 0) + (found?.closed.length ?? 0) !== SPREAD_PROPOSALS) throw new Error('the catch-up missed proposals');
      runs.push({
        ms, requests: subject.sent.requests, logCalls: subject.sent.calls.filter((sent) => sent.method === 'eth_getLogs').length,
        // The token's delegates are read only from a deployment block found; without one, a bounded lookback is read.
        deploymentFound: found?.totalVotes !== undefined,
      });
    }
    const blocks = Number(await call(chain.rpcUrl, 'eth_blockNumber'));
    console.log(`\ncatching up a governor's logs over ${blocks} blocks (${SPREAD_PROPOSALS} proposals spread in them; mining took ${mined} ms)`);
    return [
      ['catch-up: HTTP requests (add = probe + deployment search + logs + figures)', String(runs[0]?.requests ?? NaN)],
      ['catch-up: eth_getLogs calls', String(runs[0]?.logCalls ?? NaN)],
      ['catch-up: deployment block found by eth_getCode (1) or lookback read (0)', runs[0]?.deploymentFound === true ? '1' : '0'],
      [`catch-up: time, median of ${CATCH_UP_RUNS} fresh wallets (ms)`, String(round(median(runs.map((run) => run.ms)), 1))],
    ];
  } finally {
    await chain.stop();
  }
}

/** Five companies, each with its governor and 50 proposals with a title, open for 400 blocks: the voting centre's bench load. */
export async function deployBenchGovernors(rpcUrl: string): Promise<string[]> {
  const governors: string[] = [];
  for (let g = 0; g < GOVERNORS; g++) {
    const registry = await deployRegistry(rpcUrl, { tokenSymbol: `GV${g}`, governorName: `Bench Governor ${g}`, votingPeriod: 400 });
    for (let p = 0; p < PROPOSALS; p++) await createProposal(rpcUrl, registry.governor, `# Proposal ${p} of company ${g}\nDetails.`);
    governors.push(registry.governor);
  }
  return governors;
}

async function benchCachedRefresh(): Promise<string[][]> {
  const chain = await startAnvil();
  try {
    const governors = await deployBenchGovernors(chain.rpcUrl);
    const subject = await governanceUnderTest(chain.rpcUrl);
    for (const address of governors) await subject.governance.add({ chainId: CHAIN_ID, address });
    const view = await subject.governance.view();
    const cached = (await subject.db.getAll('proposals')).length;
    if (cached !== GOVERNORS * PROPOSALS) throw new Error(`expected ${GOVERNORS * PROPOSALS} cached proposals, found ${cached}`);
    const open = view.companies.reduce((sum, company) => sum + company.open.length, 0);
    const before = subject.sent.requests;
    const sample = await measure(() => subject.governance.refresh(), REFRESH_ROUNDS);
    const requests = (subject.sent.requests - before) / (REFRESH_ROUNDS + 1);
    const viewSample = await measure(() => subject.governance.view(), REFRESH_ROUNDS);
    console.log(`\nrefresh with ${GOVERNORS} governors × ${PROPOSALS} proposals cached (${open} open; 3 accounts)`);
    return [
      ['refresh: HTTP requests', String(round(requests, 1))],
      [`refresh: median of ${REFRESH_ROUNDS} (ms)`, String(round(sample.median, 1))],
      [`refresh: fastest of ${REFRESH_ROUNDS} (ms)`, String(round(sample.min, 1))],
      [`view() from the cache, median of ${REFRESH_ROUNDS} (ms)`, String(round(viewSample.median, 1))],
    ];
  } finally {
    await chain.stop();
  }
}

export async function benchGovernance(): Promise<void> {
  const rows = [...await benchCatchUp(), ...await benchCachedRefresh()];
  console.log(table(['figure', 'value'], rows));
  console.log(JSON.stringify({ bench: 'governance', figures: Object.fromEntries(rows.map((row): [string, number] => [row[0] ?? '', Number(row[1])])) }));
}
