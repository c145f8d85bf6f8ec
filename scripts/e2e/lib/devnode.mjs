// Starts a real `azra-node --dev --tmp` on free loopback ports and connects @polkadot/api.
import { spawn } from 'node:child_process';
import { connect as tcpConnect, createServer } from 'node:net';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { ApiPromise, WsProvider } from '@polkadot/api';

const LOG_TAIL_LINES = 60;

/** A TCP port on 127.0.0.1 that nothing listens on right now. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Where the built node is: $AZRA_NODE, else the shared cargo target dir. */
export function nodeBinary() {
  if (process.env.AZRA_NODE) return process.env.AZRA_NODE;
  const target = process.env.CARGO_TARGET_DIR ?? join(homedir(), '.cache', 'azra-target');
  return join(target, 'debug', 'azra-node');
}

/** Resolves with `promise`, or rejects after `ms` with `what` and the node's log tail. */
export function withTimeout(promise, ms, what, devNode) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`timed out after ${ms} ms waiting for ${what}${devNode ? `\n${devNode.logTail()}` : ''}`)),
      ms,
    );
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export class DevNode {
  constructor(child, rpcPort) {
    this.child = child;
    this.rpcPort = rpcPort;
    this.lines = [];
    this.exited = null;
    const keep = (chunk) => {
      for (const line of chunk.toString().split('\n')) {
        if (line.trim() === '') continue;
        this.lines.push(line);
        if (this.lines.length > 500) this.lines.shift();
      }
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    this.exitPromise = new Promise((resolve) => {
      child.on('exit', (code, signal) => {
        this.exited = { code, signal };
        resolve(this.exited);
      });
    });
  }

  /** The last lines the node printed, for failure messages. */
  logTail(n = LOG_TAIL_LINES) {
    const status = this.exited ? ` (node exited: code ${this.exited.code}, signal ${this.exited.signal})` : '';
    return `--- azra-node log tail${status} ---\n${this.lines.slice(-n).join('\n')}\n--- end of log ---`;
  }

  get url() {
    return `ws://127.0.0.1:${this.rpcPort}`;
  }

  /** Resolves once the RPC port accepts TCP connections (or the node has exited). */
  async rpcListening() {
    for (;;) {
      if (this.exited) throw new Error(`azra-node exited before serving RPC\n${this.logTail()}`);
      const open = await new Promise((resolve) => {
        const socket = tcpConnect(this.rpcPort, '127.0.0.1');
        socket.once('connect', () => { socket.destroy(); resolve(true); });
        socket.once('error', () => resolve(false));
      });
      if (open) return;
      await new Promise((r) => setTimeout(r, 250));
    }
  }

  /**
   * Connects @polkadot/api once the RPC server answers. A debug node spends about 20 s of
   * CPU building its genesis state (compiling the runtime) before it serves RPC; with three
   * test files starting nodes at once on two cores that can pass a minute, hence 150 s.
   */
  async connect(timeoutMs = 150_000) {
    await withTimeout(this.rpcListening(), timeoutMs, `RPC port ${this.rpcPort} to open`, this);
    const provider = new WsProvider(this.url, 500);
    const api = await withTimeout(ApiPromise.create({ provider, noInitWarn: true }), timeoutMs, `RPC at ${this.url}`, this);
    this.api = api;
    return api;
  }

  /** Disconnects the client and stops the node: SIGINT, then SIGKILL after 15 s. */
  async stop() {
    if (this.api) await this.api.disconnect().catch(() => {});
    if (this.exited) return;
    this.child.kill('SIGINT');
    const killer = setTimeout(() => this.child.kill('SIGKILL'), 15_000);
    await this.exitPromise;
    clearTimeout(killer);
  }
}

/** Spawns `azra-node --dev --tmp` on free loopback ports. */
export async function startDevNode(extraArgs = []) {
  const rpcPort = await freePort();
  const p2pPort = await freePort();
  const args = [
    '--dev',
    '--tmp',
    '--rpc-port', String(rpcPort),
    '--listen-addr', `/ip4/127.0.0.1/tcp/${p2pPort}`,
    '--no-prometheus',
    '--no-telemetry',
    '--no-mdns',
    ...extraArgs,
  ];
  const child = spawn(nodeBinary(), args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const devNode = new DevNode(child, rpcPort);
  devNode.p2pPort = p2pPort;
  child.on('error', (err) => devNode.lines.push(`failed to start ${nodeBinary()}: ${err.message}`));
  return devNode;
}

/** Waits until best and finalized block numbers reach the given heights. */
export async function waitForBlocks(api, devNode, { best, finalized }, timeoutMs = 90_000) {
  const reached = new Promise((resolve, reject) => {
    let bestNow = 0;
    let finalizedNow = 0;
    let unsubs = [];
    const check = () => {
      if (bestNow >= best && finalizedNow >= finalized) {
        unsubs.forEach((u) => u());
        resolve({ best: bestNow, finalized: finalizedNow });
      }
    };
    Promise.all([
      api.rpc.chain.subscribeNewHeads((h) => { bestNow = h.number.toNumber(); check(); }),
      api.rpc.chain.subscribeFinalizedHeads((h) => { finalizedNow = h.number.toNumber(); check(); }),
    ]).then((u) => { unsubs = u; check(); }, reject);
  });
  return withTimeout(reached, timeoutMs, `best block ≥ ${best} and finalized block ≥ ${finalized}`, devNode);
}

/**
 * Signs and submits `tx`, resolving with its events once it is in a block.
 * Rejects with the pallet's error name (e.g. `burn.PriceAboveMax`) if dispatch failed.
 */
export function submitAndWatch(api, tx, signer, devNode, timeoutMs = 60_000) {
  const included = new Promise((resolve, reject) => {
    let unsub = () => {};
    tx.signAndSend(signer, ({ status, events, dispatchError }) => {
      if (status.isInvalid || status.isDropped || status.isUsurped) {
        unsub();
        reject(new Error(`transaction ${status.type}`));
        return;
      }
      if (!status.isInBlock) return;
      unsub();
      if (dispatchError) {
        let name = dispatchError.toString();
        if (dispatchError.isModule) {
          const meta = api.registry.findMetaError(dispatchError.asModule);
          name = `${meta.section}.${meta.name}`;
        }
        const err = new Error(`dispatch failed: ${name}`);
        err.dispatchError = name;
        reject(err);
        return;
      }
      resolve({ blockHash: status.asInBlock, events });
    }).then((u) => { unsub = u; }, reject);
  });
  return withTimeout(included, timeoutMs, 'transaction inclusion', devNode);
}

/**
 * Gives a test file one dev node for all its tests: started before the first, stopped
 * after the last, with the node's log tail printed if any test failed. Use `ctx.spec`
 * instead of `test` so failures are noticed; `ctx.api` and `ctx.devNode` are set once the
 * node is up.
 */
export function useDevNode(extraArgs = []) {
  const ctx = { devNode: null, api: null, failed: false };
  before(async () => {
    ctx.devNode = await startDevNode(extraArgs);
    ctx.api = await ctx.devNode.connect();
  });
  after(async () => {
    if (ctx.failed && ctx.devNode) console.error(ctx.devNode.logTail());
    if (ctx.devNode) await ctx.devNode.stop();
  });
  ctx.spec = specMarkingFailures(ctx);
  return ctx;
}

/** `test`, except that a failing test sets `ctx.failed`, so `after` can print the logs. */
export function specMarkingFailures(ctx) {
  return (name, fn) =>
    test(name, async () => {
      try {
        await fn();
      } catch (err) {
        ctx.failed = true;
        throw err;
      }
    });
}
