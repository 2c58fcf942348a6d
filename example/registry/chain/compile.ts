// Compiles the example registry's contracts (example/registry/contracts/*.sol) with solc-js from
// node_modules (never a downloaded compiler), with OpenZeppelin Contracts from node_modules too.
//
// The result is cached in .cache/contracts/<sha256>.json, keyed by the contract sources, the solc and
// OpenZeppelin versions and the compiler settings, so only the first run after a change pays for solc
// (a few seconds); later calls read one small JSON file. Parallel processes may compile at once: each
// writes a temporary file and renames it into place, so nobody reads a half-written cache entry.
//
//   npx tsx example/registry/chain/compile.ts              compiles (or reads the cache) and prints sizes
//   npx tsx example/registry/chain/compile.ts --write-abi  also rewrites abi.ts from the compiler's ABIs
import { createHash, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Abi, Hex } from 'viem';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const CONTRACTS_DIR = path.resolve(HERE, '../contracts');
const REPO_ROOT = path.resolve(HERE, '../../..');
export const CONTRACTS_CACHE = path.join(REPO_ROOT, '.cache', 'contracts');

const require = createRequire(import.meta.url);
const OPENZEPPELIN_PREFIX = '@openzeppelin/contracts/';
const OPENZEPPELIN_DIR = path.dirname(require.resolve('@openzeppelin/contracts/package.json'));

/** The contracts this module compiles, by name; each lives in `<name>.sol`. */
export const REGISTRY_CONTRACT_NAMES = ['ShareToken', 'ShareholderGovernor', 'UrwaShareToken'] as const;
export type RegistryContractName = (typeof REGISTRY_CONTRACT_NAMES)[number];

export interface CompiledContract {
  /** The contract's ABI as solc emits it. For typed viem calls use the `as const` copies in abi.ts. */
  abi: Abi;
  /** Creation bytecode (constructor arguments not included). */
  bytecode: Hex;
}

export type RegistryContracts = Record<RegistryContractName, CompiledContract>;

/**
 * Compiler settings; part of the cache key. `cancun` runs on anvil and on every current EVM chain;
 * the optimizer keeps the governor under the 24 kB code-size limit.
 */
export const SOLC_SETTINGS = {
  optimizer: { enabled: true, runs: 200 },
  evmVersion: 'cancun',
  outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object'] } },
} as const;

// solc-js ships without useful types (`any`); this is the part of its API used here.
interface SolcImportResult {
  contents?: string;
  error?: string;
}
interface Solc {
  version(): string;
  compile(input: string, callbacks: { import: (unitName: string) => SolcImportResult }): string;
}
interface SolcMessage {
  severity: 'error' | 'warning' | 'info';
  formattedMessage?: string;
  message: string;
}
interface SolcOutput {
  errors?: SolcMessage[];
  contracts?: Record<string, Record<string, { abi: Abi; evm: { bytecode: { object: string } } }>>;
}

async function packageVersion(name: string): Promise<string> {
  const file = require.resolve(`${name}/package.json`);
  const parsed = JSON.parse(await readFile(file, 'utf8')) as { version?: unknown };
  return typeof parsed.version === 'string' ? parsed.version : '?';
}

async function readSources(): Promise<Record<string, string>> {
  const sources: Record<string, string> = {};
  for (const name of REGISTRY_CONTRACT_NAMES) {
    sources[`${name}.sol`] = await readFile(path.join(CONTRACTS_DIR, `${name}.sol`), 'utf8');
  }
  return sources;
}

/**
 * solc asks for every import by its unit name (relative imports inside OpenZeppelin arrive already
 * resolved to `@openzeppelin/contracts/...`). Only OpenZeppelin files are served, and only from inside
 * its package folder.
 */
function readImport(unitName: string): SolcImportResult {
  if (!unitName.startsWith(OPENZEPPELIN_PREFIX)) {
    return { error: `only ${OPENZEPPELIN_PREFIX}* imports are available to the registry contracts` };
  }
  const file = path.resolve(OPENZEPPELIN_DIR, unitName.slice(OPENZEPPELIN_PREFIX.length));
  if (!file.startsWith(OPENZEPPELIN_DIR + path.sep)) return { error: `${unitName} leaves the OpenZeppelin package` };
  try {
    return { contents: readFileSync(file, 'utf8') };
  } catch (error) {
    return { error: `cannot read ${unitName}: ${(error as Error).message}` };
  }
}

/** Thrown when solc reports errors; the message holds solc's own formatted messages. */
export class SolcCompileError extends Error {
  override readonly name = 'SolcCompileError';
  constructor(readonly messages: readonly string[]) {
    super(`solc could not compile the registry contracts (${CONTRACTS_DIR}):\n\n${messages.join('\n')}`);
  }
}

/**
 * Compiles Solidity sources (file name → source text; imports limited to OpenZeppelin) with solc-js and
 * the registry's settings, uncached: every contract of every file, by file and contract name.
 * @throws SolcCompileError with solc's messages when the sources do not compile.
 */
export async function compileSolidity(
  sources: Record<string, string>,
): Promise<Record<string, Record<string, CompiledContract>>> {
  // Loaded only on a cache miss: soljson is a large Emscripten module that takes a while to start.
  const { default: solcModule } = await import('solc');
  const solc = solcModule as unknown as Solc;
  const input = {
    language: 'Solidity',
    sources: Object.fromEntries(Object.entries(sources).map(([file, content]) => [file, { content }])),
    settings: SOLC_SETTINGS,
  };
  const output = JSON.parse(solc.compile(JSON.stringify(input), { import: readImport })) as SolcOutput;
  const errors = (output.errors ?? []).filter((message) => message.severity === 'error');
  if (errors.length > 0) throw new SolcCompileError(errors.map((message) => message.formattedMessage ?? message.message));
  const compiled: Record<string, Record<string, CompiledContract>> = {};
  for (const [file, contracts] of Object.entries(output.contracts ?? {})) {
    compiled[file] = {};
    for (const [name, contract] of Object.entries(contracts)) {
      compiled[file][name] = { abi: contract.abi, bytecode: `0x${contract.evm.bytecode.object}` };
    }
  }
  return compiled;
}

async function runSolc(sources: Record<string, string>): Promise<RegistryContracts> {
  const output = await compileSolidity(sources);
  const compiled: Partial<RegistryContracts> = {};
  for (const name of REGISTRY_CONTRACT_NAMES) {
    const contract = output[`${name}.sol`]?.[name];
    if (contract === undefined || contract.bytecode === '0x') {
      throw new SolcCompileError([`no bytecode for ${name} in solc's output (is it abstract, or misnamed?)`]);
    }
    compiled[name] = contract;
  }
  return compiled as RegistryContracts;
}

function isCompiledContract(value: unknown): value is CompiledContract {
  if (typeof value !== 'object' || value === null) return false;
  const { abi, bytecode } = value as { abi?: unknown; bytecode?: unknown };
  return Array.isArray(abi) && typeof bytecode === 'string' && /^0x[0-9a-f]+$/.test(bytecode);
}

async function readCache(file: string): Promise<RegistryContracts | undefined> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(file, 'utf8'));
  } catch {
    return undefined; // missing or unreadable: compile again
  }
  if (typeof parsed !== 'object' || parsed === null) return undefined;
  const contracts = (parsed as { contracts?: unknown }).contracts;
  if (typeof contracts !== 'object' || contracts === null) return undefined;
  const byName = contracts as Record<string, unknown>;
  return REGISTRY_CONTRACT_NAMES.every((name) => isCompiledContract(byName[name]))
    ? (contracts as RegistryContracts)
    : undefined;
}

async function writeCache(file: string, key: Record<string, string>, contracts: RegistryContracts): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temp = path.join(path.dirname(file), `.tmp-${process.pid}-${randomUUID()}.json`);
  try {
    await writeFile(temp, `${JSON.stringify({ ...key, contracts })}\n`);
    await rename(temp, file);
  } finally {
    await rm(temp, { force: true });
  }
}

/** Removes cache entries of older sources (and temporary files left by a crashed writer). */
async function pruneCache(dir: string, keep: string): Promise<void> {
  for (const entry of await readdir(dir)) {
    if (entry === keep || !/^([0-9a-f]{64}|\.tmp-.*)\.json$/.test(entry)) continue;
    const file = path.join(dir, entry);
    // A temporary file younger than a minute may be another process's compile in progress; one that is
    // gone already was renamed or pruned by someone else.
    const age = await stat(file).then((info) => Date.now() - info.mtimeMs, () => undefined);
    if (age !== undefined && (!entry.startsWith('.tmp-') || age > 60_000)) await rm(file, { force: true });
  }
}

/** Where the compiled contracts for the current sources, compiler and settings are (or would be) cached. */
export async function registryContractsCacheFile(opts: CompileOptions = {}): Promise<string> {
  return (await cacheKey(opts.cacheDir ?? CONTRACTS_CACHE)).file;
}

export interface CompileOptions {
  /** Where compiled contracts are cached; default .cache/contracts/ in the repository. */
  cacheDir?: string;
}

async function cacheKey(cacheDir: string) {
  const sources = await readSources();
  const key = {
    solc: await packageVersion('solc'),
    openzeppelin: await packageVersion('@openzeppelin/contracts'),
  };
  const hash = createHash('sha256')
    .update(JSON.stringify({ ...key, settings: SOLC_SETTINGS, sources }))
    .digest('hex');
  return { sources, key, hash, file: path.join(cacheDir, `${hash}.json`) };
}

/**
 * The registry's contracts compiled: ABI and creation bytecode of ShareToken, ShareholderGovernor and UrwaShareToken.
 * Reads .cache/contracts/ when the sources, compiler and settings are unchanged; otherwise runs solc-js
 * (a few seconds) and caches the result.
 * @throws SolcCompileError with solc's messages when the sources do not compile.
 */
export async function compileRegistryContracts(opts: CompileOptions = {}): Promise<RegistryContracts> {
  const cacheDir = opts.cacheDir ?? CONTRACTS_CACHE;
  const { sources, key, hash, file } = await cacheKey(cacheDir);
  const cached = await readCache(file);
  if (cached !== undefined) return cached;
  const contracts = await runSolc(sources);
  await writeCache(file, key, contracts);
  await pruneCache(cacheDir, `${hash}.json`);
  return contracts;
}

/** abi.ts, generated from the compiler's output: the ABIs `as const`, so viem types every call. */
export function renderAbiModule(contracts: RegistryContracts): string {
  const constName = (name: RegistryContractName) => `${name[0]?.toLowerCase() ?? ''}${name.slice(1)}Abi`;
  const body = REGISTRY_CONTRACT_NAMES.map((name) =>
    `export const ${constName(name)} = [\n${contracts[name].abi.map((entry) => `  ${JSON.stringify(entry)},\n`).join('')}] as const;\n`);
  return [
    '// Generated by `npx tsx example/registry/chain/compile.ts --write-abi` from the contracts in',
    '// example/registry/contracts/. Do not edit: change the .sol file and regenerate (a test checks they agree).',
    '',
    body.join('\n'),
  ].join('\n');
}

async function main(): Promise<void> {
  const started = performance.now();
  const contracts = await compileRegistryContracts();
  const ms = Math.round(performance.now() - started);
  for (const name of REGISTRY_CONTRACT_NAMES) {
    console.log(`${name}: ${(contracts[name].bytecode.length - 2) / 2} bytes of creation code, ${contracts[name].abi.length} ABI entries`);
  }
  console.log(`${ms} ms; cache: ${path.relative(REPO_ROOT, await registryContractsCacheFile())}`);
  if (process.argv.includes('--write-abi')) {
    const out = path.join(HERE, 'abi.ts');
    await writeFile(out, renderAbiModule(contracts));
    console.log(`wrote ${path.relative(REPO_ROOT, out)}`);
  }
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
