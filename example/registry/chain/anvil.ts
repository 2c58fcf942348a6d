// A real local chain for the tests and the demo: the anvil binary from npm (@foundry-rs/anvil-linux-amd64;
// the registry reached here serves no other platform's package, so the wrapper @foundry-rs/anvil cannot be
// installed with npm ci), started
// directly (one process, one PID) on 127.0.0.1 and a free port, stopped by that PID.
//
// Never leave a node behind. The owner of a node stops it, also when a test fails:
//
//   let chain: AnvilNode;
//   beforeAll(async () => { chain = await startAnvil(); });
//   afterAll(async () => { await chain.stop(); });   // runs whether the tests passed or not
//
// and as a safety net this module kills every node it started when the process exits (normally, on an
// uncaught exception, or by SIGINT / SIGTERM / SIGHUP: then, if nobody else handles the signal, it is
// re-raised so the process still ends as it would have). A process killed with SIGKILL cannot clean up;
// its node would stay. A running node does not keep the process alive by itself (see startAnvil).
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createRequire } from 'node:module';
import { Socket } from 'node:net';
import path from 'node:path';

/** The chain id every registry test chain uses (anvil's default, and viem's `foundry` chain). */
export const ANVIL_CHAIN_ID = 31337;
/** How long a node may take to answer `eth_chainId` after it is spawned. */
const READY_TIMEOUT_MS = 10_000;
/** How long `stop()` waits after SIGTERM before it sends SIGKILL. */
const STOP_GRACE_MS = 5_000;
/** Characters of anvil's output kept (for the port and for error messages). */
const OUTPUT_TAIL = 8_192;
// The whole line, newline included: a chunk may end in the middle of the port number.
const LISTENING = /^Listening on 127\.0\.0\.1:(\d+)\r?\n/m;

export interface AnvilNode {
  /** e.g. http://127.0.0.1:41234 */
  rpcUrl: string;
  chainId: number;
  port: number;
  /** The anvil process itself (not a wrapper). */
  pid: number;
  /** Kills the node and resolves once it has exited; safe to call more than once. */
  stop(): Promise<void>;
}

export interface StartAnvilOptions {
  /** A fixed port; by default a free one is picked. */
  port?: number;
  /** Seconds between blocks (interval mining); by default every transaction is mined at once. */
  blockTime?: number;
}

/** Thrown when anvil cannot be started; the message includes what anvil printed. */
export class AnvilStartError extends Error {
  override readonly name = 'AnvilStartError';
}

const ARCH: Partial<Record<NodeJS.Architecture, string>> = { x64: 'amd64', arm64: 'arm64' };

/** The anvil binary of the installed @foundry-rs/anvil-<platform>-<arch> package. */
export function anvilBinary(): string {
  const name = `@foundry-rs/anvil-${process.platform}-${ARCH[process.arch] ?? process.arch}`;
  let dir: string;
  try {
    dir = path.dirname(createRequire(import.meta.url).resolve(`${name}/package.json`));
  } catch {
    throw new AnvilStartError(`${name} is not installed: run npm ci (the project pins the linux-amd64 anvil package)`);
  }
  return path.join(dir, 'bin', process.platform === 'win32' ? 'anvil.exe' : 'anvil');
}

// ---- never leave a node behind -------------------------------------------------------------------

const running = new Set<ChildProcess>();
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

function killAllNow(): void {
  for (const child of running) child.kill('SIGKILL');
  running.clear();
}

function onSignal(signal: NodeJS.Signals): void {
  killAllNow();
  unguard();
  // If this module was the only listener, Node would otherwise swallow the signal: end the process
  // as the signal's default action would have.
  if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
}

const signalHandlers = new Map(SIGNALS.map((signal) => [signal, () => { onSignal(signal); }] as const));

function guard(child: ChildProcess): void {
  if (running.size === 0) {
    process.on('exit', killAllNow);
    for (const [signal, handler] of signalHandlers) process.on(signal, handler);
  }
  running.add(child);
}

function unguard(child?: ChildProcess): void {
  if (child !== undefined) running.delete(child);
  if (running.size > 0) return;
  process.off('exit', killAllNow);
  for (const [signal, handler] of signalHandlers) process.off(signal, handler);
}

// ---- start and stop ------------------------------------------------------------------------------

function exited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

async function waitForExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (exited(child)) return true;
  const timer = new Promise<false>((resolve) => setTimeout(() => { resolve(false); }, ms).unref());
  return Promise.race([once(child, 'exit').then(() => true), timer]);
}

async function answersChainId(rpcUrl: string, child: ChildProcess): Promise<number | undefined> {
  // Give up on this probe when anvil exits (something else may hold the port and never answer).
  const exit = new AbortController();
  const onExit = () => { exit.abort(); };
  child.once('exit', onExit);
  try {
    const response = await fetch(rpcUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'eth_chainId', params: [] }),
      signal: AbortSignal.any([AbortSignal.timeout(1_000), exit.signal]),
    });
    const body = (await response.json()) as { result?: unknown };
    return typeof body.result === 'string' ? Number(body.result) : undefined;
  } catch {
    return undefined; // not listening yet
  } finally {
    child.off('exit', onExit);
  }
}

/**
 * Starts anvil on 127.0.0.1 (chain id 31337, anvil's default accounts from the mnemonic
 * `test test test test test test test test test test test junk`, 10,000 ETH each) and resolves once it
 * answers `eth_chainId` (typically in well under a second; gives up after 10 s).
 *
 * Without `opts.port`, anvil itself binds a free port (`--port 0`) and the port is read from its
 * "Listening on 127.0.0.1:PORT" line: no window in which another process could take a port picked for
 * it, and the node that answers is certainly this one.
 * The caller must `stop()` it (see the pattern at the top of this file).
 * @throws AnvilStartError with anvil's own output when it exits or does not answer.
 */
export async function startAnvil(opts: StartAnvilOptions = {}): Promise<AnvilNode> {
  const args = ['--host', '127.0.0.1', '--port', String(opts.port ?? 0), '--chain-id', String(ANVIL_CHAIN_ID)];
  if (opts.blockTime !== undefined) args.push('--block-time', String(opts.blockTime));
  const child = spawn(anvilBinary(), args, { stdio: ['ignore', 'pipe', 'pipe'] });
  // anvil prints a banner (the test accounts and their well-known keys) and then
  // "Listening on 127.0.0.1:PORT" on stdout, and its errors on stderr; the tails are kept.
  let stdout = '';
  let stderr = '';
  let port: number | undefined;
  child.stdout.on('data', (chunk: Buffer) => {
    // Always drained (a full pipe would stall anvil); after start-up, one log line per request.
    stdout = (stdout + chunk.toString('utf8')).slice(-OUTPUT_TAIL);
    const listening = port === undefined ? LISTENING.exec(stdout)?.[1] : undefined;
    if (listening !== undefined) port = Number(listening);
  });
  child.stderr.on('data', (chunk: Buffer) => { stderr = (stderr + chunk.toString('utf8')).slice(-OUTPUT_TAIL); });
  const said = () => stderr.trim() || stdout.trim().slice(-1_000) || '(no output)';
  let spawnError: Error | undefined;
  child.once('error', (error) => { spawnError = error; });
  if (child.pid === undefined) {
    await once(child, 'error').catch(() => undefined);
    throw new AnvilStartError(`could not start anvil (${anvilBinary()}): ${spawnError?.message ?? 'no PID'}`);
  }
  guard(child);
  child.once('exit', () => { unguard(child); });
  const pid = child.pid;
  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      if (!exited(child)) {
        child.ref(); // wait for it to exit, even if nothing else keeps this process alive
        child.kill('SIGTERM');
        if (!(await waitForExit(child, STOP_GRACE_MS))) {
          child.kill('SIGKILL');
          await waitForExit(child, STOP_GRACE_MS);
        }
      }
      unguard(child);
    })();
    return stopping;
  };

  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    if (spawnError !== undefined || exited(child)) {
      await stop();
      const how = spawnError?.message ?? `exited with ${child.exitCode ?? child.signalCode ?? '?'}`;
      throw new AnvilStartError(`anvil (port ${opts.port ?? 'any'}) ${how} before it answered:\n${said()}`);
    }
    const rpcUrl = port === undefined ? undefined : `http://127.0.0.1:${port}`;
    const chainId = rpcUrl === undefined ? undefined : await answersChainId(rpcUrl, child);
    if (rpcUrl !== undefined && port !== undefined && chainId !== undefined) {
      // Once it is up, the node does not keep this process alive: a script that forgets stop() still
      // ends, and the exit hook kills the node. (A script that wants the node to run on must keep
      // itself alive.) Until then the child's handles keep the process waiting for it.
      child.unref();
      for (const stream of [child.stdout, child.stderr]) if (stream instanceof Socket) stream.unref();
      return { rpcUrl, chainId, port, pid, stop };
    }
    if (Date.now() > deadline) {
      await stop();
      throw new AnvilStartError(
        `anvil (PID ${pid}) did not ${port === undefined ? 'say where it listens' : `answer eth_chainId on port ${port}`} within ${READY_TIMEOUT_MS / 1000} s:\n${said()}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** PIDs of the anvil nodes this process started and has not seen exit (for tests and diagnostics). */
export function runningAnvilPids(): number[] {
  return [...running].flatMap((child) => (child.pid === undefined ? [] : [child.pid]));
}

/**
 * Keeps a command-line script alive after it has started `chain` and printed what it deployed, until
 * Ctrl-C (or SIGTERM) stops the node and exits: the node's child process does not keep Node running.
 */
export function keepNodeUntilSignal(chain: AnvilNode): void {
  const keepAlive = setInterval(() => undefined, 60_000);
  const stop = () => { clearInterval(keepAlive); void chain.stop().finally(() => process.exit(0)); };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
