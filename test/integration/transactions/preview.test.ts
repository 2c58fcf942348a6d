// The preview of a transaction on a real anvil node: what it says each balance will be equals the balance
// after the same transaction is signed, sent and mined; a node without eth_simulateV1 gets the fallback.
import { parseEther, parseUnits } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAnvil, type AnvilNode } from '../../../example/registry/chain/anvil';
import { anvilAccount, deployRegistry, type DeployedRegistry } from '../../../example/registry/chain/deploy';
import type { PreviewView } from '../../../src/protocol/transactions';
import { startRpcProxy, type RpcProxy } from '../../e2e/rig/rpc-proxy';
import { CHAIN_ID } from '../holdings/wallet-under-test';
import {
  balanceNow, previewUnderTest, sendAsApproved, tokenTransferData, transactionRequest, waitForApproval,
} from './preview-wallet';

const [holder, second] = [0, 1].map((index) => anvilAccount(index).address) as [`0x${string}`, `0x${string}`];
const stranger = '0x000000000000000000000000000000000000dEaD';

let chain: AnvilNode;
let registry: DeployedRegistry;
let proxy: RpcProxy;

beforeAll(async () => {
  chain = await startAnvil();
  registry = await deployRegistry(chain.rpcUrl);
  proxy = await startRpcProxy(chain.rpcUrl);
  proxy.setMode({ kind: 'without-method', method: 'eth_simulateV1' });
});
afterAll(async () => {
  await proxy.close();
  await chain.stop();
});

type Ready = Extract<PreviewView, { status: 'ready' }>;

function ready(preview: PreviewView): Ready {
  if (preview.status !== 'ready') throw new Error(`no preview: ${preview.reason}`);
  return preview;
}

/** Sends what the preview previewed and checks every row's "after" against the chain after mining. */
async function expectPreviewToMatchTheChain(subject: Awaited<ReturnType<typeof previewUnderTest>>, preview: Ready, request: Parameters<typeof sendAsApproved>[2]) {
  const url = chain.rpcUrl;
  for (const row of preview.changes) {
    const token = row.asset.kind === 'token' ? row.asset.address : undefined;
    expect(await balanceNow(subject.rpc, url, row.account, token)).toBe(BigInt(row.before));
  }
  const receipt = await sendAsApproved(subject.rpc, url, request, 0);
  expect(receipt.status).toBe('0x1');
  for (const row of preview.changes) {
    const token = row.asset.kind === 'token' ? row.asset.address : undefined;
    // The fee's price is the next block's base fee, which the preview can only estimate: the rest must be exact.
    const paidFee = row.fee === undefined ? 0n : receipt.fee - BigInt(row.fee);
    expect(await balanceNow(subject.rpc, url, row.account, token), `${row.account} ${token ?? 'ETH'}`).toBe(BigInt(row.after) - paidFee);
  }
  if (preview.source === 'simulation') expect(preview.fee.gasUsed).toBe(receipt.gasUsed.toString());
}

describe('the preview of a transaction on a node with eth_simulateV1 (anvil)', () => {
  it('shows an ETH send as the sender\'s and the recipient\'s balances after it, which is what mining it gives', async () => {
    const subject = await previewUnderTest(chain.rpcUrl);
    const request = await transactionRequest(subject.rpc, chain.rpcUrl, { from: 0, to: stranger, value: parseEther('1.5'), data: '0x', gas: 21_000n }, () => undefined);
    const preview = ready(await subject.service.preview(waitForApproval(subject.approvals, request)));
    expect(preview.source).toBe('simulation');
    expect(preview.changes.map((row) => [row.account, row.asset.kind, BigInt(row.after) - BigInt(row.before) + BigInt(row.fee ?? '0')])).toEqual([
      [holder, 'native', -parseEther('1.5')],
      [stranger, 'native', parseEther('1.5')],
    ]);
    expect(preview.fee.gasUsed).toBe('21000');
    await expectPreviewToMatchTheChain(subject, preview, request);
  });

  it('shows an ACME transfer as both holders\' shares before and after, with the symbol the contract answers, matching the chain after mining', async () => {
    const subject = await previewUnderTest(chain.rpcUrl);
    const amount = parseUnits('100', 18);
    const request = await transactionRequest(subject.rpc, chain.rpcUrl, { from: 0, to: registry.token, value: 0n, data: tokenTransferData(second, amount), gas: 120_000n }, () => undefined);
    const preview = ready(await subject.service.preview(waitForApproval(subject.approvals, request)));
    expect(preview.source).toBe('simulation');
    const acme = { kind: 'token', address: registry.token, symbol: 'ACME', decimals: 18, known: 'contract' };
    expect(preview.changes.map(({ account, asset, before, after }) => ({ account, asset, before, after }))).toEqual([
      { account: holder, asset: { kind: 'native', symbol: 'ETH', decimals: 18 }, before: expect.any(String) as unknown, after: expect.any(String) as unknown },
      { account: holder, asset: acme, before: parseUnits('1500', 18).toString(), after: parseUnits('1400', 18).toString() },
      { account: second, asset: acme, before: parseUnits('800', 18).toString(), after: parseUnits('900', 18).toString() },
    ]);
    await expectPreviewToMatchTheChain(subject, preview, request);
    expect(await subject.db.get('chains', CHAIN_ID)).toMatchObject({ simulation: { rpcUrl: chain.rpcUrl, supported: true } });
  });

  it('shows a transfer of more shares than the holder has as failing, with the token\'s own error, and only the fee leaving', async () => {
    const subject = await previewUnderTest(chain.rpcUrl);
    const request = await transactionRequest(subject.rpc, chain.rpcUrl, { from: 0, to: registry.token, value: 0n, data: tokenTransferData(second, parseUnits('1000000', 18)), gas: 120_000n }, () => undefined);
    const preview = ready(await subject.service.preview(waitForApproval(subject.approvals, request)));
    expect(preview.reverted).toMatchObject({ kind: 'custom', name: 'ERC20InsufficientBalance' });
    expect(preview.changes).toHaveLength(1);
    expect(preview.changes[0]).toMatchObject({ account: holder, asset: { kind: 'native' }, fee: preview.fee.likely });
    expect(BigInt(preview.changes[0]?.before ?? '0') - BigInt(preview.changes[0]?.after ?? '0')).toBe(BigInt(preview.fee.likely));
  });
});

describe('the preview on a node that refuses eth_simulateV1', () => {
  it('falls back to balances read before and the call\'s amounts, labelled as such, matching the chain after mining', async () => {
    const subject = await previewUnderTest(proxy.url);
    const amount = parseUnits('25', 18);
    const request = await transactionRequest(subject.rpc, proxy.url, { from: 0, to: registry.token, value: 0n, data: tokenTransferData(second, amount), gas: 120_000n }, () => undefined);
    const preview = ready(await subject.service.preview(waitForApproval(subject.approvals, request)));
    expect(preview.source).toBe('balance-reads');
    expect(preview.fee.gasUsed).toBeUndefined();
    expect(preview.changes.slice(1).map((row) => [row.account, BigInt(row.after) - BigInt(row.before)])).toEqual([[holder, -amount], [second, amount]]);
    await expectPreviewToMatchTheChain(subject, preview, request);
  });

  it('asks the node once and remembers, on the network\'s record, that it has no eth_simulateV1', async () => {
    const subject = await previewUnderTest(proxy.url);
    const asked = () => proxy.received.filter((request) => request.body.includes('"eth_simulateV1"')).length;
    const before = asked();
    for (let i = 0; i < 2; i += 1) {
      const request = await transactionRequest(subject.rpc, proxy.url, { from: 0, to: stranger, value: 1n, data: '0x', gas: 21_000n }, () => undefined);
      expect(ready(await subject.service.preview(waitForApproval(subject.approvals, request))).source).toBe('balance-reads');
      subject.approvals.decide({ id: subject.approvals.next()?.id ?? '', approve: false });
    }
    expect(asked() - before).toBe(1);
    expect(await subject.db.get('chains', CHAIN_ID)).toMatchObject({ simulation: { rpcUrl: proxy.url, supported: false } });
  });
});
