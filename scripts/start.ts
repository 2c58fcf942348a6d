// `npm start`: builds the extension for both browsers and, where a display exists, opens Chromium with
// it installed on a demo profile kept in .cache/demo-profile. Without a display it prints how to load
// the unpacked extension by hand. Ctrl-C closes the browser. (The local chain and the example registry
// site join the demo with issues 4 and 5.)
import path from 'node:path';
import puppeteer from 'puppeteer-core';
import { build } from './build.js';

const ROOT = path.resolve(import.meta.dirname, '..');

function printManualSteps(): void {
  console.log(`
No display found, so no browser was started. To load the wallet yourself:
  Chrome/Chromium: open chrome://extensions, turn on "Developer mode", click "Load unpacked" and choose
                   ${path.join(ROOT, 'dist/chrome')}
  Firefox:         open about:debugging#/runtime/this-firefox, click "Load Temporary Add-on…" and choose
                   ${path.join(ROOT, 'dist/firefox/manifest.json')}`);
}

async function main(): Promise<void> {
  await build();
  if (process.env.DISPLAY === undefined && process.env.WAYLAND_DISPLAY === undefined) {
    printManualSteps();
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
  const id = await browser.installExtension(path.join(ROOT, 'dist/chrome'));
  const page = await browser.newPage();
  await page.goto(`chrome-extension://${id}/popup.html`);
  console.log(`Chromium is running with Shareholder Wallet (chrome-extension://${id}/). Press Ctrl-C to stop.`);
  const stop = () => { void browser.close().finally(() => process.exit(0)); };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  browser.on('disconnected', () => process.exit(0));
}

await main();
