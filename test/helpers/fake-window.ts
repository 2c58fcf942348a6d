// A minimal window for provider and bridge tests in Node: postMessage delivers a MessageEvent to the
// same window asynchronously, with the sender's origin and this window as the source, like a browser.
export interface FakeWindow extends EventTarget {
  /** The window's own origin (`self.origin`): "null" for a sandboxed frame. */
  origin: string;
  posted: { message: unknown; targetOrigin: string }[];
  postMessage(message: unknown, targetOrigin: string): void;
  /** Delivers a message as if another window (or this one, forged) had posted it. */
  deliver(message: unknown, opts?: { origin?: string; source?: unknown }): void;
}

export function createFakeWindow(origin = 'https://registry.example'): FakeWindow {
  const target = new EventTarget() as FakeWindow;
  target.origin = origin;
  target.posted = [];
  target.deliver = (message, opts = {}) => {
    const event = new MessageEvent('message', { data: structuredClone(message), origin: opts.origin ?? origin });
    Object.defineProperty(event, 'source', { value: 'source' in opts ? opts.source : target });
    target.dispatchEvent(event);
  };
  target.postMessage = (message, targetOrigin) => {
    target.posted.push({ message, targetOrigin });
    const copy = structuredClone(message);
    queueMicrotask(() => { target.deliver(copy); });
  };
  return target;
}

export const tick = () => new Promise((resolve) => { setTimeout(resolve, 0); });
