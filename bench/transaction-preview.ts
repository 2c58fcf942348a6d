// Transaction preview bench: what computing the preview of a waiting transaction costs on a local anvil
// node, through the background's real preview service (Node's fetch, fake-indexeddb), for an ETH send and
// an ACME transfer, simulated (eth_simulateV1) and by the fallback (a proxy that refuses eth_simulateV1).
// Each round previews a new approval, so nothing is served from the per-approval cache.
import { parseEther, parseUnits } from 'viem';
import { startAnvil } from '../example/registry/chain/anvil';
import { anvilAccount, deployRegistry } from '../example/registry/chain/deploy';
import { startRpcProxy } from '../test/e2e/rig/rpc-proxy';
import { previewUnderTest, tokenTransferData, transactionRequest, waitForApproval } from '../test/integration/transactions/preview-wallet';
import { measure, round, table } from './measure';

const ROUNDS = 20;

export async function benchTransactionPreview(): Promise<void> {
  const chain = await startAnvil();
  const proxy = await startRpcProxy(chain.rpcUrl);
  try {
    const registry = await deployRegistry(chain.rpcUrl);
    proxy.setMode({ kind: 'without-method', method: 'eth_simulateV1' });
    const rows: string[][] = [];
    const cases = [
      { name: 'ETH send', to: '0x000000000000000000000000000000000000dEaD' as const, value: parseEther('0.1'), data: '0x' as const, gas: 21_000n },
      { name: 'ACME transfer', to: registry.token, value: 0n, data: tokenTransferData(anvilAccount(1).address, parseUnits('1', 18)), gas: 120_000n },
    ];
    for (const [label, url] of [['eth_simulateV1', chain.rpcUrl], ['fallback (balance reads)', proxy.url]] as const) {
      const subject = await previewUnderTest(url);
      for (const tx of cases) {
        const request = await transactionRequest(subject.rpc, url, { from: 0, ...tx }, () => undefined);
        const requestsBefore = subject.counter.requests;
        let previews = 0;
        const sample = await measure(async () => {
          previews += 1;
          const preview = await subject.service.preview(waitForApproval(subject.approvals, request));
          subject.approvals.decide({ id: subject.approvals.next()?.id ?? '', approve: false });
          if (preview.status !== 'ready') throw new Error(`no preview: ${preview.reason}`);
        }, ROUNDS);
        const perPreview = (subject.counter.requests - requestsBefore) / previews;
        rows.push([tx.name, label, `${round(sample.median)} ms`, `${round(sample.min)} ms`, String(round(perPreview, 1))]);
      }
    }
    console.log(`\nTransaction preview on local anvil (median of ${ROUNDS}, each a new approval; the first preview on a node also probes it)`);
    console.log(table(['transaction', 'source', 'median', 'min', 'HTTP requests'], rows));
  } finally {
    await proxy.close();
    await chain.stop();
  }
}
