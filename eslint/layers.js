// The dependency direction of ../shared/design.md ("Architecture"), as data the lint rule checks.
// A layer lists the layers it may import (values and types), the layers it may import types from only,
// and the npm packages it may import. A layer missing from every `imports` list is imported by nobody.

/** @typedef {{ imports: string[]; typeImports?: string[]; packages: RegExp[]; onlyFiles?: Record<string, RegExp> }} Layer */

const noble = /^@(noble|scure)\//;
const viem = /^viem(\/|$)/;
const polyfill = /^webextension-polyfill$/;

/** @type {Record<string, Layer>} */
export const layers = {
  'src/core': { imports: ['src/core'], packages: [noble, viem] },
  'src/protocol': { imports: ['src/protocol'], typeImports: ['src/core'], packages: [] },
  'src/background': {
    imports: ['src/background', 'src/core', 'src/protocol'],
    packages: [noble, viem, /^idb$/, polyfill],
  },
  'src/provider/inpage': { imports: ['src/provider/inpage', 'src/protocol'], packages: [] },
  'src/provider/content': { imports: ['src/provider/content', 'src/protocol'], packages: [polyfill] },
  'src/ui': {
    imports: ['src/ui', 'src/protocol', 'src/core'],
    packages: [/^preact(\/|$)/, polyfill],
    // The UI may use the secret-free parts of core only: formatting, addresses, action rendering, the
    // fee arithmetic that reprices a transaction's preview at the fees the user chooses, and governance
    // (proposal states, clocks, the vote call the popup proposes).
    onlyFiles: { 'src/core': /^src\/core\/((address|format|actions|mnemonic-words|governance)(\/|\.ts$)|transactions\/preview\/fee\.ts$)/ },
  },
  'src/entries': {
    imports: ['src/background', 'src/core', 'src/protocol', 'src/provider/inpage', 'src/provider/content', 'src/ui'],
    packages: [/^preact(\/|$)/, polyfill],
  },
};
