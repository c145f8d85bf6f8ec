// Starts several real `azra-node`s of one chain (`--chain local` by default) on free loopback
// ports, the first of them the others' bootnode, as scripts/local-testnet.sh does.
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before } from 'node:test';
import { promisify } from 'node:util';
import { DevNode, freePort, nodeBinary, specMarkingFailures } from './devnode.mjs';

/**
 * The network key of the `i`-th node (0-based): the fixed key `i + 1`, as in
 * scripts/local-testnet.sh. Validators need a persistent network key; these are public dev
 * keys, never for production.
 */
export function nodeKey(i) {
  return (i + 1).toString(16).padStart(64, '0');
}

/** The peer id of the first node, whose network key is `nodeKey(0)`. */
export const FIRST_PEER_ID = '12D3KooWEyoppNCUx8Yx66oV9fJnriXwCcXwDDUA2kj6vnc6iDEp';

const NETWORK_LOG_TAIL_LINES = 25;

/** The nodes of one network, by name; `logTail()` makes it usable wherever a DevNode's is. */
export class Network {
  constructor(nodes, specDir) {
    this.nodes = nodes;
    this.specDir = specDir;
  }

  /** Every node's last lines, each under its name, for failure messages. */
  logTail(n = NETWORK_LOG_TAIL_LINES) {
    return Object.entries(this.nodes)
      .map(([name, node]) => `=== ${name} ===\n${node.logTail(n)}`)
      .join('\n');
  }

  /** Stops every node (each: SIGINT, then SIGKILL after 15 s), all at once. */
  async stop() {
    await Promise.all(Object.values(this.nodes).map((node) => node.stop()));
    rmSync(this.specDir, { recursive: true, force: true });
  }
}

/**
 * Writes `chain`'s raw chain spec into `dir` and returns its path. Nodes started from it skip
 * building the genesis state from the preset (a runtime call each): five debug nodes on two
 * cores start about twice as fast.
 */
export async function exportRawSpec(chain, dir) {
  const output = join(dir, 'chain-raw.json');
  await promisify(execFile)(nodeBinary(), ['export-chain-spec', '--chain', chain, '--raw', '--output', output]);
  return output;
}

/**
 * Spawns one node per entry of `specs` (`{ name, args, prometheus }`, e.g. `{ name: 'alice',
 * args: ['--alice'] }`), each with the raw spec of `chain` (exported once), `--tmp`, its own
 * RPC and P2P ports and network key `nodeKey(i)`. Every node after the first uses the first
 * as its bootnode. Prometheus is off unless `prometheus` is true (then on a free port:
 * `node.prometheusPort`, read with `metric`). Resolves once all are spawned (not yet serving
 * RPC: `connect()` the ones you need).
 */
export async function startNetwork(specs, { chain = 'local' } = {}) {
  const specDir = mkdtempSync(join(tmpdir(), 'azra-network-'));
  const rawSpec = await exportRawSpec(chain, specDir).catch((err) => {
    rmSync(specDir, { recursive: true, force: true });
    throw err;
  });
  const ports = [];
  for (const { prometheus } of specs) {
    const prometheusPort = prometheus ? await freePort() : null;
    ports.push({ rpc: await freePort(), p2p: await freePort(), prometheus: prometheusPort });
  }
  const bootnode = `/ip4/127.0.0.1/tcp/${ports[0].p2p}/p2p/${FIRST_PEER_ID}`;
  const nodes = {};
  specs.forEach(({ name, args = [] }, i) => {
    const prometheus = ports[i].prometheus
      ? ['--prometheus-port', String(ports[i].prometheus)]
      : ['--no-prometheus'];
    const nodeArgs = [
      '--chain', rawSpec,
      '--tmp',
      '--rpc-port', String(ports[i].rpc),
      '--listen-addr', `/ip4/127.0.0.1/tcp/${ports[i].p2p}`,
      '--node-key', nodeKey(i),
      ...prometheus,
      '--no-telemetry',
      '--no-mdns',
      '--allow-private-ip',
      ...(i > 0 ? ['--bootnodes', bootnode] : []),
      ...args,
    ];
    const child = spawn(nodeBinary(), nodeArgs, { stdio: ['ignore', 'pipe', 'pipe'] });
    const node = new DevNode(child, ports[i].rpc);
    node.prometheusPort = ports[i].prometheus;
    child.on('error', (err) => node.lines.push(`failed to start ${nodeBinary()}: ${err.message}`));
    nodes[name] = node;
  });
  return new Network(nodes, specDir);
}

/**
 * The value of the Prometheus series `name` that `devNode` (started with `prometheus: true`)
 * serves now, summed over its labels; 0 if it serves none.
 */
export async function metric(devNode, name) {
  const response = await fetch(`http://127.0.0.1:${devNode.prometheusPort}/metrics`);
  if (!response.ok) throw new Error(`metrics of port ${devNode.prometheusPort}: HTTP ${response.status}`);
  let sum = 0;
  for (const line of (await response.text()).split('\n')) {
    const match = line.match(/^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{[^}]*\})?\s+(\S+)/);
    if (match && match[1] === name) sum += Number(match[2]);
  }
  return sum;
}

/**
 * Collects the lines of `devNode`'s output that match `pattern`, from now on, into the
 * returned array (as `match` results).
 */
export function watchLog(devNode, pattern) {
  const matches = [];
  for (const stream of [devNode.child.stdout, devNode.child.stderr]) {
    let partial = '';
    stream.on('data', (chunk) => {
      const lines = (partial + chunk.toString()).split('\n');
      partial = lines.pop();
      for (const line of lines) {
        const match = line.match(pattern);
        if (match) matches.push(match);
      }
    });
  }
  return matches;
}

/**
 * Gives a test file one network for all its tests, like devnode.mjs's `useDevNode`: started
 * before the first test (and `connect`ed for every name in `connect`: `ctx.apis[name]`),
 * every node stopped after the last, with every node's log tail printed if a test failed.
 * Use `ctx.spec` instead of `test`.
 */
export function useNetwork(specs, { chain = 'local', connect = [specs[0].name] } = {}) {
  const ctx = { network: null, apis: {}, failed: false };
  before(async () => {
    ctx.network = await startNetwork(specs, { chain });
    const apis = await Promise.all(connect.map((name) => ctx.network.nodes[name].connect()));
    connect.forEach((name, i) => { ctx.apis[name] = apis[i]; });
  });
  after(async () => {
    if (ctx.failed && ctx.network) console.error(ctx.network.logTail());
    if (ctx.network) await ctx.network.stop();
  });
  ctx.spec = specMarkingFailures(ctx);
  return ctx;
}
