/**
 * A throwaway MV3 extension that the rig's self-test installs: a page with labelled controls for the
 * UI helpers, a way to make the extension open a window, a background that reports when it started,
 * and functions that plant known strings in IndexedDB and storage.local.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { FIREFOX_MIN_VERSION } from '../../../scripts/extension-ids';
import type { BrowserKind } from './browser-config';

/** The self-test add-on's gecko id: its own, so it never shares storage with the wallet's. */
export const SELFTEST_GECKO_ID = 'rig-selftest@shareholder-wallet.test';

function manifest(kind: BrowserKind): object {
  const common = { manifest_version: 3, name: 'Rig self-test', version: '1.0', permissions: ['storage'] };
  if (kind === 'chromium') return { ...common, background: { service_worker: 'background.js' } };
  return {
    ...common,
    background: { scripts: ['background.js'] },
    browser_specific_settings: { gecko: { id: SELFTEST_GECKO_ID, strict_min_version: FIREFOX_MIN_VERSION, data_collection_permissions: { required: ['none'] } } },
  };
}

const BACKGROUND = `
const api = globalThis.browser ?? globalThis.chrome;
const startedAt = Date.now() + Math.random();
api.runtime.onMessage.addListener((message, _sender, reply) => {
  if (message === 'started-at') reply(startedAt);
  if (message === 'open-window') {
    api.windows.create({ url: 'window.html', type: 'popup', width: 420, height: 480 }).then(() => reply('opened'));
    return true;
  }
  return false;
});
`;

const PAGE_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Rig self-test</title><script src="page.js" defer></script></head>
<body><h1>Rig self-test</h1>
<label for="note">Note</label><input id="note">
<label>Password <input id="password" type="password" autocomplete="off"></label>
<textarea aria-label="Recovery phrase" id="phrase"></textarea>
<button id="save">Save note</button><button aria-label="Open a window">+</button>
<p id="status" role="status"></p></body></html>
`;

const WINDOW_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Window</title></head>
<body><h1>Extension window</h1><button>Approve</button></body></html>
`;

const PAGE_JS = `
const api = globalThis.browser ?? globalThis.chrome;
const status = (text) => { document.getElementById('status').textContent = text; };
document.getElementById('save').addEventListener('click', () => {
  status('Saved: ' + document.getElementById('note').value + ' / ' + document.getElementById('password').value.length);
});
document.querySelector('[aria-label="Open a window"]').addEventListener('click', () => {
  api.runtime.sendMessage('open-window');
});
function openDb() {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open('rig-selftest', 1);
    request.onupgradeneeded = () => request.result.createObjectStore('kv');
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}
async function put(entries) {
  const db = await openDb();
  await new Promise((resolve, reject) => {
    const tx = db.transaction('kv', 'readwrite');
    for (const [key, value] of Object.entries(entries)) tx.objectStore('kv').put(value, key);
    tx.oncomplete = resolve;
    tx.onerror = () => reject(tx.error);
  });
  db.close();
}
async function get(key) {
  const db = await openDb();
  const value = await new Promise((resolve, reject) => {
    const request = db.transaction('kv').objectStore('kv').get(key);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  db.close();
  return value;
}
/** entries: IndexedDB key -> value (any structured-cloneable value); local: storage.local items. */
async function plant(entries, local) {
  await put(entries);
  await api.storage.local.set(local);
  return 'planted';
}
// Writes count values of length random base64 characters: enough data makes LevelDB write a table.
async function plantNoise(count, length) {
  const entries = {};
  for (let i = 0; i < count; i++) {
    const bytes = crypto.getRandomValues(new Uint8Array((length * 3) / 4));
    let text = '';
    for (const b of bytes) text += String.fromCharCode(b);
    entries['noise-' + String(i).padStart(3, '0')] = btoa(text);
  }
  await put(entries);
  return 'planted';
}
async function readBack(key, localKey) {
  return { idb: await get(key), local: (await api.storage.local.get(localKey))[localKey] };
}
async function backgroundStartedAt() {
  return await api.runtime.sendMessage('started-at');
}
Object.assign(globalThis, { plant, plantNoise, readBack, backgroundStartedAt });
status('Rig self-test ready');
`;

/** The functions page.js puts on the self-test page's global object. */
interface PageFunctions {
  plant(entries: Record<string, unknown>, local: Record<string, unknown>): Promise<string>;
  plantNoise(count: number, length: number): Promise<string>;
  readBack(key: string, localKey: string): Promise<{ idb: unknown; local: unknown }>;
  backgroundStartedAt(): Promise<unknown>;
}

/** Typed calls into an open self-test page. */
export function selftestPage(page: Page): PageFunctions {
  // Each function below runs inside the page, so it cannot share a helper from this module.
  return {
    plant: (entries, local) => page.evaluate((e, l) => (globalThis as unknown as PageFunctions).plant(e, l), entries, local),
    plantNoise: (count, length) => page.evaluate((c, n) => (globalThis as unknown as PageFunctions).plantNoise(c, n), count, length),
    readBack: (key, localKey) => page.evaluate((k, l) => (globalThis as unknown as PageFunctions).readBack(k, l), key, localKey),
    backgroundStartedAt: () => page.evaluate(() => (globalThis as unknown as PageFunctions).backgroundStartedAt()),
  };
}

/**
 * Write the self-test extension for `kind` into `dir` (created if needed) and return `dir`.
 */
export async function writeSelftestExtension(kind: BrowserKind, dir: string): Promise<string> {
  await mkdir(dir, { recursive: true });
  const files: Record<string, string> = {
    'manifest.json': JSON.stringify(manifest(kind), null, 2),
    'background.js': BACKGROUND,
    'page.html': PAGE_HTML,
    'page.js': PAGE_JS,
    'window.html': WINDOW_HTML,
  };
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
  return dir;
}
