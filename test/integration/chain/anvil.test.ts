// A real anvil node starts on a free loopback port and stops by its PID, leaving nothing behind.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createServer, type AddressInfo, type Socket } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { AnvilStartError, runningAnvilPids, startAnvil, type AnvilNode } from '../../../example/registry/chain/anvil';

/** Whether `pid` runs; a zombie (dead, not yet reaped by an init that never reaps) does not count. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return process.platform !== 'linux'; // no /proc to ask: kill(0) said it is there
  }
}

const ANVIL_MODULE = fileURLToPath(new URL('../../../example/registry/chain/anvil.ts', import.meta.url));

/** Runs a Node script (with tsx) that starts anvil and prints its PID; resolves with that PID. */
async function scriptStartingAnvil(then: string): Promise<{ anvilPid: number; exit: Promise<number | null>; kill(): void }> {
  const code = `const { startAnvil } = await import(${JSON.stringify(ANVIL_MODULE)});
    const node = await startAnvil();
    console.log(node.pid);
    ${then}`;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], { stdio: ['ignore', 'pipe', 'inherit'] });
  const exit = once(child, 'exit').then(([status]) => status as number | null);
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => { out += chunk.toString(); });
  const pid = await new Promise<number>((resolve, reject) => {
    child.stdout.on('data', () => { const match = /^(\d+)$/m.exec(out); if (match?.[1] !== undefined) resolve(Number(match[1])); });
    void exit.then(() => { reject(new Error(`the script ended before anvil started: ${out}`)); });
  });
  return { anvilPid: pid, exit, kill: () => child.kill('SIGTERM') };
}

function killIfAlive(pid: number): void {
  if (alive(pid)) process.kill(pid, 'SIGKILL');
}

async function eventually(check: () => boolean, ms = 5_000): Promise<boolean> {
  for (const deadline = Date.now() + ms; Date.now() < deadline; await new Promise((r) => setTimeout(r, 50))) {
    if (check()) return true;
  }
  return check();
}

async function rpc(url: string, method: string): Promise<unknown> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params: [] }),
  });
  return ((await response.json()) as { result?: unknown }).result;
}

// Whatever happens in a test, no node outlives this file.
const started: AnvilNode[] = [];
afterAll(async () => { await Promise.all(started.map((node) => node.stop())); });

describe('anvil', () => {
  it('starts on a free loopback port, answers JSON-RPC, and is gone after stop()', async () => {
    const startedAt = performance.now();
    const node = await startAnvil();
    started.push(node);
    const startMs = performance.now() - startedAt;

    expect(node.rpcUrl).toBe(`http://127.0.0.1:${node.port}`);
    expect(node.chainId).toBe(31337);
    expect(alive(node.pid)).toBe(true);
    expect(runningAnvilPids()).toContain(node.pid);
    expect(await rpc(node.rpcUrl, 'eth_chainId')).toBe('0x7a69');
    expect(await rpc(node.rpcUrl, 'eth_blockNumber')).toBe('0x0');

    await node.stop();
    expect(alive(node.pid)).toBe(false);
    expect(runningAnvilPids()).not.toContain(node.pid);
    await node.stop(); // a second stop is harmless
    await expect(rpc(node.rpcUrl, 'eth_chainId')).rejects.toThrow();
    console.log(`anvil ready in ${Math.round(startMs)} ms`);
  });

  it('runs two nodes side by side, each on its own port, each with its own chain', async () => {
    const [a, b] = await Promise.all([startAnvil(), startAnvil({ blockTime: 1 })]);
    started.push(a, b);
    expect(a.port).not.toBe(b.port);
    expect(a.pid).not.toBe(b.pid);
    await Promise.all([a.stop(), b.stop()]);
    expect([alive(a.pid), alive(b.pid)]).toEqual([false, false]);
  });

  it('fails with anvil\'s own message when the requested port is taken, leaving no process behind', async () => {
    const sockets = new Set<Socket>();
    const blocker = createServer((socket) => { sockets.add(socket); });
    blocker.listen(0, '127.0.0.1');
    await once(blocker, 'listening');
    const { port } = blocker.address() as AddressInfo;
    try {
      const before = runningAnvilPids();
      const error = await startAnvil({ port }).then((node) => { started.push(node); }, (e: unknown) => e);
      expect(error).toBeInstanceOf(AnvilStartError);
      expect((error as Error).message).toMatch(/Address already in use/);
      expect(runningAnvilPids()).toEqual(before);
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => blocker.close(resolve));
    }
  });

  it('kills the node when the process that started it ends without stop()', async () => {
    const script = await scriptStartingAnvil('/* forgets node.stop() and simply ends */');
    try {
      expect(await script.exit).toBe(0);
      expect(await eventually(() => !alive(script.anvilPid))).toBe(true);
    } finally {
      killIfAlive(script.anvilPid); // should the test fail, do not leave the orphan running
    }
  });

  it('kills the node when the process that started it is terminated by a signal', async () => {
    const script = await scriptStartingAnvil('setInterval(() => {}, 1000); // runs until killed');
    try {
      expect(alive(script.anvilPid)).toBe(true);
      script.kill();
      await script.exit;
      expect(await eventually(() => !alive(script.anvilPid))).toBe(true);
    } finally {
      script.kill();
      killIfAlive(script.anvilPid);
    }
  });
});
