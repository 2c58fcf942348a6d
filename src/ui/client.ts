// The popup's connection to the background: the typed private client over `runtime.sendMessage`.
import browser from 'webextension-polyfill';
import { createRpc, type PrivateCall } from './lib/rpc';

export { UiError } from './lib/rpc';

/** Sends a private request to the background. @throws UiError */
export const call: PrivateCall = createRpc({ send: (message) => browser.runtime.sendMessage(message) });
