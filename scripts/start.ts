// `npm start`: builds the extension for both browsers, serves the example registry site on 127.0.0.1,
// and, where a display exists, opens Chromium with the wallet installed on a demo profile kept in
// .cache/demo-profile, showing the registry. Without a display it prints how to load the unpacked
// extension by hand and keeps the site running. Ctrl-C stops all of it. (The local chain joins the demo
// with issue 5.)
import path from 'node:path';
import puppeteer from 'puppeteer-core';
import { startRegistrySite } from '../example/registry/server.js';
import { build } from './build.js';

const ROOT = path.resolve(import.meta.dirname, '..');

function printManualSteps(siteUrl: string): void {
  console.log(`
The example registry site is at ${siteUrl}
No display found, so no browser was started. To load the wallet yourself:
  Chrome/Chromium: open chrome://extensions, turn on "Developer mode", click "Load unpacked" and choose
                   ${path.join(ROOT, 'dist/chrome')}
  Firefox:         open about:debugging#/runtime/this-firefox, click "Load Temporary Add-on…" and choose
                   ${path.join(ROOT, 'dist/firefox/manifest.json')}
Press Ctrl-C to stop the site.`);
}

async function main(): Promise<void> {
  await build();
  const site = await startRegistrySite();
  const stops: (() => Promise<void>)[] = [() => site.close()];
  const stop = () => {
    void Promise.allSettled(stops.map((task) => task())).finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  if (process.env.DISPLAY === undefined && process.env.WAYLAND_DISPLAY === undefined) {
    printManualSteps(site.url);
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
  await registry.goto(site.url);
  console.log(`Chromium is running with Shareholder Wallet (chrome-extension://${id}/popup.html)
and the example registry site at ${site.url}. Press Ctrl-C to stop.`);
  browser.on('disconnected', stop);
}

await main();
