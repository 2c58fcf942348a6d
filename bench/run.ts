// `npm run bench`: prints figures with their goals; it never fails on a slow machine.
// The browser parts need a build (`npm run build`) and Chromium; the holdings parts start their own anvil.
import { benchBrowser } from './browser';
import { benchCore } from './core';
import { benchHoldings } from './holdings';
import { benchPopupHoldings } from './popup-holdings';

await benchCore();
await benchHoldings();
await benchBrowser();
await benchPopupHoldings();
