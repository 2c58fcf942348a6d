// The registry's contracts compile with solc-js from node_modules, and the result is cached.
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { shareholderGovernorAbi, shareTokenAbi, urwaShareTokenAbi } from '../../../example/registry/chain/abi';
import {
  compileRegistryContracts, compileSolidity, registryContractsCacheFile, renderAbiModule, SolcCompileError,
} from '../../../example/registry/chain/compile';

const cacheDir = await mkdtemp(path.join(tmpdir(), 'registry-contracts-'));
afterAll(async () => { await rm(cacheDir, { recursive: true, force: true }); });

describe('compiling the registry contracts', () => {
  it('compiles the contracts once, and a second call reads the same result from the cache much faster', async () => {
    const coldStart = performance.now();
    const cold = await compileRegistryContracts({ cacheDir });
    const coldMs = performance.now() - coldStart;

    const cachedStart = performance.now();
    const cached = await compileRegistryContracts({ cacheDir });
    const cachedMs = performance.now() - cachedStart;

    expect(cached).toEqual(cold);
    expect(await readdir(cacheDir)).toEqual([path.basename(await registryContractsCacheFile({ cacheDir }))]);
    expect(cachedMs).toBeLessThan(coldMs / 10);
    for (const contract of [cold.ShareToken, cold.ShareholderGovernor, cold.UrwaShareToken]) {
      expect(contract.bytecode).toMatch(/^0x(?:[0-9a-f]{2})+$/);
    }
    const functions = (abi: readonly { type: string; name?: string }[]) =>
      abi.flatMap((entry) => (entry.type === 'function' && entry.name !== undefined ? [entry.name] : []));
    expect(functions(cold.ShareToken.abi)).toEqual(expect.arrayContaining([
      'mint', 'permit', 'delegate', 'getVotes', 'delegates', 'transferWithAuthorization', 'authorizationState', 'nonces',
    ]));
    expect(functions(cold.ShareholderGovernor.abi)).toEqual(expect.arrayContaining([
      'propose', 'castVoteBySig', 'proposalVotes', 'state', 'nonces',
    ]));
    expect(functions(cold.UrwaShareToken.abi)).toEqual(expect.arrayContaining([
      'canSend', 'canReceive', 'canTransfer', 'getFrozenTokens', 'setFrozenTokens', 'forcedTransfer', 'supportsInterface', 'transferWithAuthorization',
    ]));
    console.log(`solc-js: cold compile ${Math.round(coldMs)} ms, cached ${Math.round(cachedMs)} ms`);
  });

  it('keeps abi.ts in step with the compiler (regenerate with compile.ts --write-abi)', async () => {
    const contracts = await compileRegistryContracts({ cacheDir });
    expect(shareTokenAbi).toEqual(contracts.ShareToken.abi);
    expect(shareholderGovernorAbi).toEqual(contracts.ShareholderGovernor.abi);
    expect(urwaShareTokenAbi).toEqual(contracts.UrwaShareToken.abi);
    expect(renderAbiModule(contracts)).toContain('export const shareTokenAbi = [');
  });

  it('reports solc errors with the file, line and solc message', async () => {
    const error = await compileSolidity({ 'Broken.sol': 'pragma solidity ^0.8.24;\ncontract Broken { function f( }\n' })
      .then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(SolcCompileError);
    expect((error as SolcCompileError).message).toMatch(/ParserError[\s\S]*Broken\.sol:2/);
  });

  it('refuses imports from outside OpenZeppelin', async () => {
    await expect(compileSolidity({ 'Sneaky.sol': 'pragma solidity ^0.8.24;\nimport "/etc/passwd";\ncontract S {}\n' }))
      .rejects.toThrow(/only @openzeppelin\/contracts\/\* imports/);
  });
});
