/**
 * Firefox has no protocol command to stop an extension's background page. With
 * --remote-allow-system-access, WebDriver BiDi can evaluate script in the browser's own (chrome)
 * window, where the extension's parent-process object offers terminateBackground(): the call behind
 * about:debugging's "Terminate background script". The rig sends these BiDi commands over
 * puppeteer's own connection (Firefox accepts one BiDi session).
 */
import type { Browser } from 'puppeteer-core';

interface BidiSend {
  send(method: string, params: object): Promise<{ result: unknown }>;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** puppeteer's BiDi connection; the property is public on its BidiBrowser but not in the Browser type. */
function bidiConnection(browser: Browser): BidiSend {
  const connection: unknown = Reflect.get(browser, 'connection');
  if (!isRecord(connection) || typeof connection.send !== 'function') {
    throw new Error('stopBackground (Firefox): this puppeteer Browser exposes no BiDi connection');
  }
  return connection as unknown as BidiSend;
}

/** The browsing context of the top-level browser.xhtml window, in BiDi's chrome scope. */
async function chromeContext(connection: BidiSend): Promise<string> {
  const { result } = await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome' });
  const contexts = isRecord(result) && Array.isArray(result.contexts) ? (result.contexts as unknown[]) : [];
  for (const context of contexts) {
    if (isRecord(context) && typeof context.context === 'string' && context.url === 'chrome://browser/content/browser.xhtml') {
      return context.context;
    }
  }
  throw new Error('stopBackground (Firefox): no chrome window (was Firefox started with --remote-allow-system-access?)');
}

/** Runs in the parent process; `id` is the add-on's gecko id. Returns the background state after. */
const TERMINATE = `async (id) => {
  const { ExtensionParent } = ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs');
  const extension = ExtensionParent.GlobalManager.getExtension(id);
  if (!extension) throw new Error('no running extension with id ' + id);
  await extension.terminateBackground();
  return String(extension.backgroundState);
}`;

/**
 * Stop the background page of the add-on `geckoId` now; its next event starts it again.
 * @throws Error when the chrome scope is unavailable or the add-on is not running.
 */
export async function terminateFirefoxBackground(browser: Browser, geckoId: string): Promise<string> {
  const connection = bidiConnection(browser);
  const context = await chromeContext(connection);
  const { result } = await connection.send('script.callFunction', {
    functionDeclaration: TERMINATE, awaitPromise: true, target: { context },
    arguments: [{ type: 'string', value: geckoId }],
  });
  if (!isRecord(result) || result.type !== 'success') {
    throw new Error(`stopBackground (Firefox): terminateBackground failed: ${JSON.stringify(result)}`);
  }
  const value = isRecord(result.result) ? result.result.value : undefined;
  return typeof value === 'string' ? value : 'unknown';
}
