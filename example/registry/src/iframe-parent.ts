// The page around the sandboxed frame: shows the frame's outcome, which it gets by postMessage (the
// frame's origin is opaque, so the parent cannot and should not reach into it).
import { isFrameResult } from './frame-message';
import { byId, setResult } from './ui';

const frame = byId('frame', HTMLIFrameElement);
const output = byId('frame-result', HTMLElement);

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  // Only our own frame, whose sandbox gives it the opaque origin "null".
  if (event.source !== frame.contentWindow || event.origin !== 'null' || !isFrameResult(event.data)) return;
  setResult(output, event.data.state, event.data.text, event.data.code);
});
