// The isolated-world bridge: takes requests from this window's page, forwards them over a runtime Port
// to the background, and posts replies and events back with an explicit target origin (style.md §4).
import type { Runtime } from 'webextension-polyfill';
import { ErrorCode, type RpcErrorData } from '../../protocol/eip1193';
import {
  isPageRequestEnvelope, isPortMessage, MAX_REQUEST_BYTES, PORT_NAME, TO_PAGE,
  type PageReplyEnvelope, type PortRequest, type RpcOutcome,
} from '../../protocol/bridge';

export interface BridgeDeps {
  win: Window;
  connect: (name: string) => Runtime.Port;
}

const DISCONNECTED: RpcErrorData = {
  code: ErrorCode.disconnected,
  message: 'the wallet stopped while handling this request; nothing was signed, please try again',
};

/**
 * The Port is opened on the page's first request, not at load: a page that never talks to the wallet
 * never wakes the background. After a disconnect the next request opens a new one.
 */
export function startContentBridge({ win, connect }: BridgeDeps): void {
  const origin = win.origin;
  const pending = new Set<string>();
  let port: Runtime.Port | undefined;

  const post = (envelope: PageReplyEnvelope) => {
    // "null" (an opaque origin) cannot be a target origin; this window is still the only receiver.
    win.postMessage(envelope, origin === 'null' ? '*' : origin);
  };
  const reply = (id: string, outcome: RpcOutcome) => {
    pending.delete(id);
    post({ target: TO_PAGE, id, outcome });
  };

  function open(): Runtime.Port {
    const opened = connect(PORT_NAME);
    opened.onMessage.addListener((message: unknown) => {
      if (!isPortMessage(message)) return;
      if ('event' in message) post({ target: TO_PAGE, event: message.event });
      else if (pending.has(message.id)) reply(message.id, message.outcome);
    });
    opened.onDisconnect.addListener(() => {
      port = undefined;
      // A request in flight when the background stopped gets one answer, never silence.
      for (const id of [...pending]) reply(id, { error: DISCONNECTED });
    });
    return opened;
  }

  win.addEventListener('message', (event: MessageEvent<unknown>) => {
    if (event.source !== win || event.origin !== origin || !isPageRequestEnvelope(event.data)) return;
    const { id, request } = event.data;
    if (pending.has(id)) return;
    pending.add(id);
    // An opaque origin (a sandboxed frame) has no identity to grant permissions to.
    if (origin === 'null') {
      reply(id, { error: { code: ErrorCode.unauthorized, message: 'requests from an opaque origin (such as a sandboxed frame) are refused' } });
      return;
    }
    let size: number;
    try {
      size = JSON.stringify(request).length;
    } catch {
      reply(id, { error: { code: ErrorCode.invalidParams, message: `${request.method}: params must be JSON` } });
      return;
    }
    if (size > MAX_REQUEST_BYTES) {
      reply(id, { error: { code: ErrorCode.invalidParams, message: `${request.method}: the request is larger than ${MAX_REQUEST_BYTES} bytes` } });
      return;
    }
    const message: PortRequest = { id, request };
    try {
      port ??= open();
      port.postMessage(message);
    } catch {
      reply(id, { error: DISCONNECTED });
    }
  });
}
