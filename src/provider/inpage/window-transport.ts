// The provider's transport in the page: window.postMessage to the content bridge of the same window,
// with an explicit target origin, and replies accepted only from this window.
import { isPageReplyEnvelope, TO_CONTENT, type PageRequestEnvelope } from '../../protocol/bridge';
import type { ProviderTransport } from './provider';

export function createWindowTransport(win: Window): ProviderTransport {
  // `origin`, not `location.origin`: a sandboxed frame keeps its URL's origin in `location` but its own
  // origin is opaque ("null"). An opaque origin cannot be named as a target; the message still goes only
  // to this same window, where the bridge refuses it for its origin.
  const targetOrigin = win.origin === 'null' ? '*' : win.origin;
  return {
    send(id, request) {
      const envelope: PageRequestEnvelope = { target: TO_CONTENT, id, request };
      win.postMessage(envelope, targetOrigin);
    },
    listen(onReply, onEvent) {
      win.addEventListener('message', (event: MessageEvent<unknown>) => {
        if (event.source !== win || !isPageReplyEnvelope(event.data)) return;
        const data = event.data;
        if ('event' in data) onEvent(data.event);
        else onReply(data.id, data.outcome);
      });
    },
  };
}
