// `npm start`: builds the extension for both browsers, starts a local chain (anvil) with the example
// registry deployed and its demo holders, serves the registry site bound to that chain on 127.0.0.1,
// and, where a display exists, opens Chromium with the wallet installed on a demo profile kept in
// .cache/demo-profile, showing the registry. Without a display it prints what to open and how to load
// the unpacked extension by hand, and keeps the site and the chain running. Ctrl-C stops all of it:
// browser, site, chain.
import path from 'node:path';
import puppeteer from 'puppeteer-core';
import { ANVIL_MNEMONIC } from '../example/registry/chain/deploy.js';
import { describeDemo, startRegistryDemo, type RegistryDemo } from '../example/registry/server.js';
import { build } from './build.js';

const ROOT = path.resolve(import.meta.dirname, '..');

function printDemo(demo: RegistryDemo, withBrowser: boolean): void {
  console.log(`
${describeDemo(demo)}

To hold the demo shares, restore the wallet from anvil's phrase (a PUBLIC test phrase that everyone
knows: never send real funds to it):
  ${ANVIL_MNEMONIC}
${withBrowser ? '' : `No display found, so no browser was started. To load the wallet yourself:
  Chrome/Chromium: open chrome://extensions, turn on "Developer mode", click "Load unpacked" and choose
                   ${path.join(ROOT, 'dist/chrome')}
  Firefox:         open about:debugging#/runtime/this-firefox, click "Load Temporary Add-on…" and choose
                   ${path.join(ROOT, 'dist/firefox/manifest.json')}
Then open ${demo.site.url}
`}Press Ctrl-C to stop ${withBrowser ? 'the browser, ' : ''}the site and the chain.`);
}

async function main(): Promise<void> {
  await build();
  const demo = await startRegistryDemo({ restricted: true });
  const stops: (() => Promise<void>)[] = [() => demo.stop()];
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    // In order: the browser first (it talks to the site), then the site and the chain.
    void stops.reduce((done, task) => done.then(task, task), Promise.resolve()).finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  if (process.env.DISPLAY === undefined && process.env.WAYLAND_DISPLAY === undefined) {
    printDemo(demo, false);
    return;
  }
  const browser = await puppeteer.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: false,
    pipe: true,
    enableExtensions: true,
    defaultViewport: null,
    userDataDir: path.join(ROOT, '.cache/demo-profile'),
    args: [
      '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync',
      // Chromium's sandbox refuses to run as root (containers, CI machines).
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    ],
  });
  stops.unshift(() => browser.close());
  const id = await browser.installExtension(path.join(ROOT, 'dist/chrome'));
  const wallet = await browser.newPage();
  await wallet.goto(`chrome-extension://${id}/popup.html`);
  const registry = await browser.newPage();
  await registry.goto(demo.site.url);
  printDemo(demo, true);
  console.log(`Chromium is running with Shareholder Wallet (chrome-extension://${id}/popup.html).`);
  browser.on('disconnected', stop);
}

await main();
