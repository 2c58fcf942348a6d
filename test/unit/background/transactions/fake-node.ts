// A fake node for the transaction services' unit tests: a JsonRpcClient answering the reads a transaction
// needs (latest block, fee history, gas price, gas estimate, pending count) and eth_sendRawTransaction,
// with knobs to make it a chain without a base fee, a call that reverts, or a node that refuses a send.
import { JsonRpcError, JsonRpcTransportError, type JsonRpcClient } from '../../../../src/background/platform/json-rpc';

export interface FakeNode {
  client: JsonRpcClient;
  /** undefined: a chain without EIP-1559. */
  baseFee: bigint | undefined;
  rewards: bigint[];
  gasPrice: bigint;
  blockGasLimit: bigint;
  /** What eth_estimateGas answers: a number, or the JSON-RPC error it fails with. */
  estimate: bigint | JsonRpcError;
  /** eth_getTransactionCount(from, 'pending') by lowercase address. */
  pendingCounts: Map<string, bigint>;
  /** What eth_sendRawTransaction does: accept (counting the nonce as pending), refuse, or not answer. */
  send: 'accept' | 'refuse' | 'unreachable';
  /** Raw transactions received, in order. */
  sent: string[];
  /** Every method called, in order. */
  calls: string[];
}

const hex = (value: bigint) => `0x${value.toString(16)}`;

export function createFakeNode(url: string): FakeNode {
  const node: FakeNode = {
    baseFee: 1_000_000_000n,
    rewards: [2_000_000_000n, 1_000_000_000n, 3_000_000_000n],
    gasPrice: 5_000_000_000n,
    blockGasLimit: 30_000_000n,
    estimate: 21_000n,
    pendingCounts: new Map(),
    send: 'accept',
    sent: [],
    calls: [],
    client: {
      request: (requestedUrl, method, params = []) => {
        node.calls.push(method);
        if (requestedUrl !== url) return Promise.reject(new JsonRpcTransportError('unreachable', `the node at ${requestedUrl} could not be reached`));
        try {
          return Promise.resolve(answer(method, params));
        } catch (error) {
          return Promise.reject(error instanceof Error ? error : new Error(String(error)));
        }
      },
      batch: () => Promise.reject(new Error('the transaction services send no batches')),
    },
  };

  function answer(method: string, params: readonly unknown[]): unknown {
    switch (method) {
      case 'eth_getBlockByNumber':
        return { number: '0x10', gasLimit: hex(node.blockGasLimit), ...(node.baseFee === undefined ? {} : { baseFeePerGas: hex(node.baseFee) }) };
      case 'eth_feeHistory':
        if (node.baseFee === undefined) throw new JsonRpcError(-32601, 'the method eth_feeHistory does not exist');
        return { oldestBlock: '0xc', baseFeePerGas: [...node.rewards.map(() => hex(node.baseFee ?? 0n)), hex(node.baseFee)], reward: node.rewards.map((reward) => [hex(reward)]) };
      case 'eth_gasPrice':
        return hex(node.gasPrice);
      case 'eth_estimateGas':
        if (node.estimate instanceof JsonRpcError) throw node.estimate;
        return hex(node.estimate);
      case 'eth_getTransactionCount':
        return hex(node.pendingCounts.get(String(params[0]).toLowerCase()) ?? 0n);
      case 'eth_sendRawTransaction':
        if (node.send === 'unreachable') throw new JsonRpcTransportError('timeout', `the node at ${url} did not answer`);
        if (node.send === 'refuse') throw new JsonRpcError(-32000, 'insufficient funds for gas * price + value');
        node.sent.push(String(params[0]));
        return '0x';
      default:
        throw new JsonRpcError(-32601, `the method ${method} does not exist`);
    }
  }

  return node;
}
