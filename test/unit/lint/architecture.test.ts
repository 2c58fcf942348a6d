import { Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import { architectureRules } from '../../../eslint.config.js';

const linter = new Linter({ configType: 'flat', cwd: process.cwd() });

/** The architecture-rule messages for `code` placed at `file` (relative to the project root). */
function problems(file: string, code: string): string[] {
  const config = [{ files: ['**/*.ts'], languageOptions: { parser: tseslint.parser } }, ...architectureRules] as Linter.Config[];
  return linter.verify(code, config, { filename: `${process.cwd()}/${file}` }).map((m) => m.message);
}

describe('the dependency direction of design.md, as lint rules', () => {
  it('lets core import noble, scure, viem and itself', () => {
    expect(problems('src/core/x.ts', "import { sha256 } from '@noble/hashes/sha2.js';\nimport { a } from './address';\nimport { keccak256 } from 'viem';\nexport { sha256, a, keccak256 };")).toEqual([]);
  });

  it('refuses idb, the extension polyfill and other packages in core', () => {
    expect(problems('src/core/x.ts', "import { openDB } from 'idb';\nexport { openDB };")).toEqual([
      'src/core may not import the package "idb" (design.md, Architecture)',
    ]);
    expect(problems('src/core/typed-data/x.ts', "import browser from 'webextension-polyfill';\nexport { browser };")).toHaveLength(1);
  });

  it('refuses fetch, the DOM and extension globals in core', () => {
    const found = problems('src/core/x.ts', 'export const a = fetch;\nexport const b = document.title;\nexport const c = chrome.runtime;\nexport const d = indexedDB;');
    expect(found).toHaveLength(4);
    expect(found[0]).toMatch(/src\/core is pure: "fetch"/);
  });

  it('refuses core importing the background, and the UI importing the background', () => {
    expect(problems('src/core/x.ts', "import { a } from '../background/wallet';\nexport { a };")).toEqual([
      'src/core may not import src/background (design.md, Architecture)',
    ]);
    expect(problems('src/ui/screens/home.ts', "import { a } from '../../background/wallet';\nexport { a };")).toHaveLength(1);
  });

  it('lets the UI use only the secret-free parts of core', () => {
    expect(problems('src/ui/x.ts', "import { shortAddress } from '../core/address';\nexport { shortAddress };")).toEqual([]);
    expect(problems('src/ui/x.ts', "import { signDigest } from '../core/sign';\nexport { signDigest };")).toEqual([
      'src/ui may import only the secret-free parts of src/core, not "../core/sign"',
    ]);
  });

  it('lets the UI use the preview\'s fee arithmetic and nothing else of core\'s transactions, which signs', () => {
    expect(problems('src/ui/x.ts', "import { previewFee } from '../core/transactions/preview/fee';\nexport { previewFee };")).toEqual([]);
    expect(problems('src/ui/x.ts', "import { signTransaction } from '../core/transactions/sign';\nexport { signTransaction };")).toHaveLength(1);
    expect(problems('src/ui/x.ts', "import { readSimulation } from '../core/transactions/preview/simulation';\nexport { readSimulation };")).toHaveLength(1);
  });

  it('lets the UI use core\'s governance (proposal states, the vote call it proposes), which holds no secret', () => {
    expect(problems('src/ui/x.ts', "import { encodeCastVote } from '../core/governance/vote-call';\nexport { encodeCastVote };")).toEqual([]);
    expect(problems('src/ui/x.ts', "import { isOpen } from '../core/governance/proposal-state';\nexport { isOpen };")).toEqual([]);
  });

  it('lets protocol import only types from core', () => {
    expect(problems('src/protocol/x.ts', "import type { TypedData } from '../core';\nexport type { TypedData };")).toEqual([]);
    expect(problems('src/protocol/x.ts', "import { hashTypedData } from '../core';\nexport { hashTypedData };")).toEqual([
      'src/protocol may not import src/core (design.md, Architecture)',
    ]);
  });

  it('keeps the in-page provider free of extension APIs, and nobody imports entries', () => {
    expect(problems('src/provider/inpage/x.ts', "import browser from 'webextension-polyfill';\nexport { browser };")).toHaveLength(1);
    expect(problems('src/background/x.ts', "import { a } from '../entries/background';\nexport { a };")).toEqual([
      'src/background may not import src/entries (design.md, Architecture)',
    ]);
  });
});
