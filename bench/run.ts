// `npm run bench`: prints figures with their goals; it never fails on a slow machine.
// The browser part needs a build (`npm run build`) and Chromium; the holdings part starts its own anvil.
import { benchBrowser } from './browser';
import { benchCore } from './core';
import { benchHoldings } from './holdings';

await benchCore();
await benchHoldings();
await benchBrowser();
