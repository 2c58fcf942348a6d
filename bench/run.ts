// `npm run bench`: prints figures with their goals; it never fails on a slow machine.
// The browser part needs a build (`npm run build`) and Chromium.
import { benchBrowser } from './browser';
import { benchCore } from './core';

await benchCore();
await benchBrowser();
