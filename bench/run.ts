// `npm run bench`: prints figures with their goals; it never fails on a slow machine.
import { benchCore } from './core';

await benchCore();
