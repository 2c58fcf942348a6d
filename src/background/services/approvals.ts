// The approval queue: one window shows one request at a time, oldest first. A second request of the same
// kind from the same site while one waits is refused with -32002, except transactions: a site may line up
// a few (an approval and then the deposit, several transfers), each reviewed in turn. Closing the window rejects every
// waiting request with 4001. Requests live in memory only: if the background stops, the page's Port
// drops, the content bridge answers 4900, and the window finds nothing left to approve (nothing is
// signed twice, nothing hangs). Revoking a site rejects its waiting requests with 4100.
import type { ApprovalDecision, ApprovalKind, ApprovalRequest, PendingApproval, QueuedApproval } from '../../protocol/approvals';
import { WalletError } from '../errors';
import { rpcErrors } from '../rpc-error';

/** The approval window, as the browser gives it; injected so tests run without a browser. */
export interface ApprovalWindows {
  /** Opens the approval window and returns its id. */
  open(): Promise<number>;
  focus(windowId: number): Promise<void>;
}

interface Waiting {
  approval: PendingApproval;
  /** Which page connection asked: its requests are dropped when it goes away. */
  requester: string;
  resolve: (decision: ApprovalDecision & { approve: true }) => void;
  reject: (error: Error) => void;
}

/**
 * How many requests of a kind one site may have waiting at once. One for most: a second connect or
 * signature while one waits is a page repeating itself. Transactions come in sequences that dapps send
 * without waiting for the first answer; ten bounds what a hostile page can pile up in front of the user.
 */
export const WAITING_LIMIT: Partial<Record<ApprovalKind, number>> = { transaction: 10 };

export function createApprovalService(deps: { windows: ApprovalWindows; now: () => number; newId: () => string }) {
  const queue: Waiting[] = [];
  let windowId: number | undefined;
  let opening: Promise<number> | undefined;
  // The window closes itself once `next` tells it nothing is waiting. A request that comes after that
  // must get a window of its own: focusing the closing one would succeed, and its removal would then
  // reject the request as if the user had closed it.
  let windowClosing = false;
  // Requests that left the queue since it was last empty: the next one shown is number `left + 1`.
  let left = 0;

  async function showWindow(): Promise<void> {
    if (windowId !== undefined && !windowClosing) {
      try {
        await deps.windows.focus(windowId);
        return;
      } catch {
        // The user closed it without the browser telling us yet: open a new one.
        windowId = undefined;
      }
    }
    opening ??= deps.windows.open().finally(() => { opening = undefined; });
    windowId = await opening;
    windowClosing = false;
  }

  function remove(entry: Waiting): void {
    const index = queue.indexOf(entry);
    if (index < 0) return;
    queue.splice(index, 1);
    left = queue.length === 0 ? 0 : left + 1;
  }

  return {
    /**
     * Waits for the user's decision on `request`.
     * @throws ProviderRpcError -32002 when the same site already has its WAITING_LIMIT (1 unless said) of
     *   this kind waiting; 4001 on reject.
     */
    request(params: {
      origin: string; topOrigin: string | undefined; topOriginUnknown?: true; requester: string; request: ApprovalRequest;
    }): Promise<ApprovalDecision & { approve: true }> {
      const kind: ApprovalKind = params.request.kind;
      const limit = WAITING_LIMIT[kind] ?? 1;
      const waiting = queue.filter((entry) => entry.approval.origin === params.origin && entry.approval.request.kind === kind).length;
      if (waiting >= limit) {
        const already = limit === 1 ? `a ${kind} request` : `${String(limit)} ${kind} requests`;
        return Promise.reject(rpcErrors.pending(`${already} from ${params.origin} ${limit === 1 ? 'is' : 'are'} already waiting for the user`));
      }
      return new Promise((resolve, reject) => {
        const approval: PendingApproval = {
          id: deps.newId(), origin: params.origin, topOrigin: params.topOrigin, request: params.request, createdAt: deps.now(),
          ...(params.topOriginUnknown === true ? { topOriginUnknown: true } : {}),
        };
        queue.push({ approval, requester: params.requester, resolve, reject });
        showWindow().catch(() => {
          const entry = queue.find((waiting) => waiting.approval.id === approval.id);
          if (entry !== undefined) remove(entry);
          reject(rpcErrors.internal('the approval window could not be opened'));
        });
      });
    },

    /** The request the window should show: the oldest waiting one, with its place in the queue. */
    next(): QueuedApproval | null {
      const oldest = queue[0]?.approval;
      if (oldest === undefined) {
        windowClosing = true;
        return null;
      }
      return { ...oldest, position: left + 1, queueSize: left + queue.length };
    },

    /** The waiting approval with this id, or undefined once it was decided, dropped or never existed. */
    pending(id: string): PendingApproval | undefined {
      return queue.find((waiting) => waiting.approval.id === id)?.approval;
    },

    /** @throws WalletError invalid-params when the request is no longer waiting. */
    decide(decision: ApprovalDecision): void {
      const entry = queue.find((waiting) => waiting.approval.id === decision.id);
      if (entry === undefined) throw new WalletError('invalid-params', 'this request is no longer waiting; nothing was signed');
      remove(entry);
      if (decision.approve) entry.resolve(decision);
      else entry.reject(rpcErrors.userRejected());
    },

    /** The browser closed a window: when it was ours, every waiting request is rejected (4001). */
    windowClosed(closedId: number): void {
      if (closedId !== windowId) return;
      windowId = undefined;
      left = 0;
      for (const entry of queue.splice(0)) entry.reject(rpcErrors.userRejected('the user closed the approval window'));
    },

    /**
     * The user disconnected `origin` (popup or wallet_revokePermissions): nothing it asked may be approved
     * any more, so its waiting requests are rejected with 4100.
     */
    originRevoked(origin: string): void {
      for (const entry of queue.filter((waiting) => waiting.approval.origin === origin)) {
        remove(entry);
        entry.reject(rpcErrors.unauthorized(`${origin} was disconnected from the wallet while this request waited`));
      }
    },

    /** A page went away: its waiting requests have no one to answer, so they are dropped. */
    requesterGone(requester: string): void {
      for (const entry of queue.filter((waiting) => waiting.requester === requester)) {
        remove(entry);
        entry.reject(rpcErrors.userRejected('the page that asked is gone'));
      }
    },
  };
}

export type ApprovalService = ReturnType<typeof createApprovalService>;
