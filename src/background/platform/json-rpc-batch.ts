// Matching a JSON-RPC 2.0 batch answer (§6) to its calls. The node may answer in any order; each answer
// carries the id of its call. Anything that cannot be matched one to one is garbage for the whole batch:
// guessing which answer belongs to which call could show one account's shares as another's.
import { JsonRpcError, nodeError, notJsonRpc } from './json-rpc-errors';

export interface BatchCall {
  method: string;
  params?: readonly unknown[];
}

/** One call's answer: its result, or the JSON-RPC error the node answered for that call alone. */
export type BatchItem = { ok: true; result: unknown } | { ok: false; error: JsonRpcError };

/**
 * The answers of the calls with `ids`, in that order.
 * @throws JsonRpcTransportError when `body` is not an array of exactly one answer per id; JsonRpcError
 *   with the node's code and message when it refused the batch as a whole.
 */
export function matchBatchAnswers(url: string, ids: readonly number[], body: unknown): BatchItem[] {
  if (!Array.isArray(body)) {
    // A node that refuses the batch itself (too large, or batches disabled) answers one error object.
    if (typeof body === 'object' && body !== null && 'error' in body) {
      const refused = nodeError(body.error);
      throw new JsonRpcError(refused.code, `the node at ${url} refused the batch: ${refused.message}`, refused.data);
    }
    throw notJsonRpc(url, 'a batch answer must be an array');
  }
  if (body.length !== ids.length) throw notJsonRpc(url, `${body.length} answers to ${ids.length} calls`);
  const position = new Map(ids.map((id, i) => [id, i]));
  const items: (BatchItem | undefined)[] = ids.map(() => undefined);
  for (const answer of body) {
    if (typeof answer !== 'object' || answer === null) throw notJsonRpc(url, 'an answer is not an object');
    const { id, result, error } = answer as { id?: unknown; result?: unknown; error?: unknown };
    const i = typeof id === 'number' ? position.get(id) : undefined;
    if (i === undefined) throw notJsonRpc(url, `an answer has an id that no call had: ${id === undefined ? 'none' : JSON.stringify(id)}`);
    if (items[i] !== undefined) throw notJsonRpc(url, `two answers have the id ${String(id)}`);
    if (error !== undefined) items[i] = { ok: false, error: nodeError(error) };
    else if ('result' in answer) items[i] = { ok: true, result };
    else throw notJsonRpc(url, `the answer ${String(id)} has neither a result nor an error`);
  }
  // Exactly as many answers as calls, each id once: every call has its answer.
  return items as BatchItem[];
}
