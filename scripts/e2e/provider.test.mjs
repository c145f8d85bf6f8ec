// The provider agent (`azra-node provider`) on a real dev node, with nobody stepping in:
// builds go in through `scripts/azra.mjs submit-program` and outputs come back through
// `azra.mjs result`; the agent registers its dev enclave, refuses what it must, proves
// what it can, claims its reward and survives being killed mid-build.
//
// 1. An agent behind a node that corrupts preimage bytes refuses the build (hash
//    mismatch) and never takes it; SIGTERM stops it cleanly. (The honest agent of the
//    next tests starts meanwhile, its filter keeping it off this build.)
// 2. A build whose units are too few for its program is refused (out of fuel) and stays open.
// 3. The known answer: the output comes back byte for byte (kept by the chain, with no
//    deposit left on the provider), the epoch closes, the agent claims, `provider verify`
//    agrees, the metrics count the proof.
// 4. SIGKILL right after acceptance: the restarted agent proves the build, once.
// 5. The node goes away for 10 s (as in a restart): the agent retries, reconnects and proves
//    the next build.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { Keyring } from '@polkadot/keyring';
import { blake2AsHex, xxhashAsHex } from '@polkadot/util-crypto';
import WebSocket, { WebSocketServer } from 'ws';
import { azraRpc } from './lib/azra.mjs';
import { freePort, nodeBinary, submitAndWatch, useDevNode } from './lib/devnode.mjs';
import { killAllAgents, metric, ProviderAgent } from './lib/provider.mjs';

const ctx = useDevNode();
const spec = ctx.spec;
const keyring = new Keyring({ type: 'sr25519', ss58Format: 4242 });
const builder = keyring.addFromUri('//Dave');
const ferdie = keyring.addFromUri('//Ferdie');

const cli = fileURLToPath(new URL('../azra.mjs', import.meta.url));
const PROGRAM = fileURLToPath(new URL('../../node/programs/checksum.wasm', import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), 'azra-provider-e2e-'));
const agents = [];
const state = {};

/** Runs `scripts/azra.mjs <args>` against the dev node; resolves with its stdout. */
async function azra(...args) {
  const { stdout } = await promisify(execFile)(process.execPath, [cli, ...args, '--url', ctx.devNode.url]);
  return stdout;
}

/** Writes a checksum input: `rounds` (u32, little-endian) then `data`; returns its path. */
function inputFile(name, rounds, data) {
  const bytes = Buffer.alloc(4 + data.length);
  bytes.writeUInt32LE(rounds, 0);
  data.copy(bytes, 4);
  const path = join(tmp, name);
  writeFileSync(path, bytes);
  return path;
}

/** Dave submits the example program on `input` through the CLI; resolves with the id and stdout. */
async function submitProgram(input, units) {
  const stdout = await azra('submit-program', PROGRAM, '--input', input, '--units', String(units), '--suri', '//Dave');
  const id = stdout.match(/build id (\d+)/);
  assert.ok(id, `submit-program printed a build id:\n${stdout}`);
  return { buildId: Number(id[1]), stdout };
}

/** `azra.mjs history <id>`: the build's events, one `#block section.Method fields` per line. */
async function history(buildId) {
  return (await azra('history', String(buildId))).split('\n').filter((l) => l.startsWith('#'));
}

const count = (lines, name) => lines.filter((l) => l.includes(` ${name} `)).length;

function startAgent(name, suri, url, prometheusPort = 0, extraArgs = []) {
  const agent = new ProviderAgent(name, [
    '--url', url, '--suri', suri, '--enclave', 'dev', '--enclave-seed', `${suri}Enclave`,
    '--prometheus-port', String(prometheusPort), ...extraArgs,
  ]);
  agents.push(agent);
  return agent;
}

const KNOWN_INPUT = () => inputFile('known.bin', 3, Buffer.from('azra'));
/** The honest agent takes builds of at most this many units: test 1's build is above it. */
const FERDIE_MAX_UNITS = 4000;

/** Ferdie's honest agent, serving metrics on `port`. */
function startFerdie(name, port) {
  return startAgent(name, '//Ferdie', ctx.devNode.url, port, ['--max-units', String(FERDIE_MAX_UNITS)]);
}
const KNOWN_OUTPUT = '21dd073eac4fe274';

/** twox128("Preimage") ++ twox128("PreimageFor"): the prefix of every preimage's bytes in storage. */
const PREIMAGE_FOR = `0x${xxhashAsHex('Preimage', 128).slice(2)}${xxhashAsHex('PreimageFor', 128).slice(2)}`;

/**
 * A WebSocket man in the middle in front of `target`: forwards every message both ways but
 * flips the last byte of every `state_getStorage` answer under `PreimageFor` (the bytes
 * keep their length; their hash changes). With `tamper: false` it only relays, and a test
 * can cut its connections.
 */
function tamperingProxy(target, { tamper = true } = {}) {
  // `down`: every new connection is dropped at once, as while the node restarts.
  const proxy = { tampered: 0, server: null, url: null, down: false, refused: 0 };
  return new Promise((resolve, reject) => {
    proxy.server = new WebSocketServer({ host: '127.0.0.1', port: 0 }, () => {
      proxy.url = `ws://127.0.0.1:${proxy.server.address().port}`;
      resolve(proxy);
    });
    proxy.server.on('error', reject);
    proxy.server.on('connection', (client) => {
      if (proxy.down) {
        proxy.refused += 1;
        client.terminate();
        return;
      }
      const upstream = new WebSocket(target);
      const queued = [];
      const watched = new Set();
      upstream.on('open', () => queued.splice(0).forEach((m) => upstream.send(m)));
      client.on('message', (data) => {
        const text = data.toString();
        try {
          const request = JSON.parse(text);
          if (request.method === 'state_getStorage' && String(request.params?.[0]).startsWith(PREIMAGE_FOR)) {
            watched.add(request.id);
          }
        } catch { /* not JSON: forward as is */ }
        if (upstream.readyState === WebSocket.OPEN) upstream.send(text); else queued.push(text);
      });
      upstream.on('message', (data) => {
        let text = data.toString();
        try {
          const answer = JSON.parse(text);
          if (watched.delete(answer.id) && tamper && typeof answer.result === 'string' && answer.result.length > 2) {
            const flipped = (parseInt(answer.result.slice(-2), 16) ^ 0xff).toString(16).padStart(2, '0');
            answer.result = `${answer.result.slice(0, -2)}${flipped}`;
            text = JSON.stringify(answer);
            proxy.tampered += 1;
          }
        } catch { /* not JSON: forward as is */ }
        if (client.readyState === WebSocket.OPEN) client.send(text);
      });
      const closeBoth = () => { client.close(); upstream.close(); };
      client.on('close', closeBoth);
      upstream.on('close', closeBoth);
      client.on('error', closeBoth);
      upstream.on('error', closeBoth);
    });
  });
}

after(async () => {
  // AZRA_E2E_PRINT_AGENTS=1 prints every agent's whole log, passed or failed.
  if (ctx.failed || process.env.AZRA_E2E_PRINT_AGENTS) {
    for (const agent of agents) console.error(agent.logTail(process.env.AZRA_E2E_PRINT_AGENTS ? Infinity : 80));
  }
  await killAllAgents();
  for (const proxy of [state.proxy, state.relay]) {
    if (!proxy) continue;
    for (const client of proxy.server.clients) client.terminate();
    await new Promise((resolve) => proxy.server.close(resolve));
  }
  rmSync(tmp, { recursive: true, force: true });
});

spec('1. behind a node that corrupts preimages the agent refuses the build (hash mismatch) and never takes it', async () => {
  const { api, devNode } = ctx;
  state.proxy = await tamperingProxy(devNode.url);
  const eve = startAgent('agent //Eve (tampered node)', '//Eve', state.proxy.url);

  // Above Ferdie's --max-units: only Eve looks at this build.
  const { buildId, stdout } = await submitProgram(KNOWN_INPUT(), FERDIE_MAX_UNITS + 1000);
  assert.match(stdout, /noting the program 0x[0-9a-f]{64} \(\d+ bytes\)/);
  assert.match(stdout, /noting the input 0x[0-9a-f]{64} \(8 bytes\)/);
  assert.match(stdout, /spec hash 0x[0-9a-f]{64}\ninput hash 0x[0-9a-f]{64}/);

  // Eve stores the dev collateral; then Ferdie registers while Eve is still at it.
  await eve.waitForLine(/collateral stored/, 120_000, devNode);
  state.metricsPort = await freePort();
  state.agent = startFerdie('agent //Ferdie', state.metricsPort);

  await eve.waitForLine(new RegExp(`build ${buildId}: refused: program hash mismatch`), 120_000, devNode);
  assert.ok(state.proxy.tampered > 0, 'the proxy corrupted preimage bytes');
  assert.equal((await azraRpc(api, 'azra_build', [buildId])).state.status, 'open');

  const [exit] = await Promise.all([
    eve.kill('SIGTERM'),
    // Out of the open builds.
    submitAndWatch(api, api.tx.burn.cancelBuild(buildId), builder, devNode),
  ]);
  assert.deepEqual(exit, { code: 0, signal: null }, `the agent exits 0 on SIGTERM\n${eve.logTail()}`);
  assert.ok(eve.lines.some((l) => l.includes('SIGTERM: stopping')), 'the agent logs SIGTERM: stopping');
  assert.ok(!eve.lines.some((l) => /: accepted$/.test(l.trim())), 'the agent accepted nothing');
  assert.ok(!state.agent.lines.some((l) => l.includes(`build ${buildId}:`)), 'Ferdie left it to Eve (--max-units)');
  const events = await history(buildId);
  assert.equal(count(events, 'burn.BuildSubmitted'), 1, events.join('\n'));
  assert.equal(count(events, 'burn.BuildAccepted'), 0, events.join('\n'));
  assert.equal(count(events, 'burn.BuildExpired'), 1, 'cancelled by its builder');
});

spec('2. a build that needs more fuel than its units pay for is refused and stays open', async () => {
  const { api, devNode } = ctx;
  // Rounds 100 over 1 KiB needs 21 units; 5 are offered.
  const { buildId } = await submitProgram(inputFile('heavy.bin', 100, Buffer.alloc(1024, 0xab)), 5);
  await state.agent.waitForLine(new RegExp(`build ${buildId}: refused: stopped: .*fuel limit`), 150_000, devNode);
  const build = await azraRpc(api, 'azra_build', [buildId]);
  assert.equal(build.state.status, 'open');
  const events = await history(buildId);
  assert.equal(count(events, 'burn.BuildAccepted'), 0, events.join('\n'));
  assert.equal(count(events, 'mint.WorkAccepted'), 0, events.join('\n'));

  // The builder's views list it as open.
  const open = JSON.parse(await azra('open-builds', '--limit', '10'));
  assert.deepEqual(open.map((b) => b.id), [buildId], 'the only open build (test 1 cancelled its own)');
  const mine = JSON.parse(await azra('my-builds', '--suri', '//Dave'));
  assert.deepEqual(mine.map((b) => [b.id, b.state.status]), [[buildId - 1, 'expired'], [buildId, 'open']]);
  assert.ok(mine.every((b) => b.builder === builder.address && b.submittedAt > 0));
  assert.deepEqual(JSON.parse(await azra('my-builds', '--suri', '//Eve')), []);
});

spec('3. submit-program → the agent proves → result returns the known output; the agent claims; verify agrees', async () => {
  const { api, devNode } = ctx;
  const agent = state.agent;
  const { buildId, stdout } = await submitProgram(KNOWN_INPUT(), 5);
  assert.match(stdout, /program 0x[0-9a-f]{64} \(\d+ bytes\) already noted/, 'test 1 noted the program');
  assert.match(stdout, /input 0x[0-9a-f]{64} \(8 bytes\) already noted/, 'test 1 noted the input');

  const out = join(tmp, 'known.out');
  assert.match(await azra('result', String(buildId), '--out', out, '--timeout', '150'), /wrote 8 bytes/);
  assert.equal(readFileSync(out).toString('hex'), KNOWN_OUTPUT);
  assert.equal((await azra('result', String(buildId))).trim(), `0x${KNOWN_OUTPUT}`);
  await agent.waitForLine(new RegExp(`build ${buildId}: proven \\(1 of 5 units`), 30_000, devNode);
  await agent.waitForLine(/output 0x[0-9a-f]{64}: deposit taken back/, 30_000, devNode);
  // The proof made the chain keep the output while the build's record stays, and the
  // agent unnoted it after the proof: Ferdie holds no output deposit.
  const outputHash = blake2AsHex(Buffer.from(KNOWN_OUTPUT, 'hex'), 256);
  const status = await api.query.preimage.requestStatusFor(outputHash);
  assert.ok(status.isSome && status.unwrap().isRequested, 'the chain requested the output');
  const holds = await api.query.balances.holds(ferdie.address);
  assert.ok(holds.every((hold) => !hold.id.isPreimage), 'Ferdie holds no preimage deposit');

  const proof = (await history(buildId)).find((l) => l.includes(' mint.WorkAccepted '));
  assert.ok(proof, 'a mint.WorkAccepted event');
  const epoch = Number(proof.match(/ epoch=(\d+)/)[1]);
  const [, epochs, plancks] = await agent.waitForLine(/claimed epochs \[([\d, ]+)\]: (\d+) plancks/, 150_000, devNode);
  assert.ok(epochs.split(',').map(Number).includes(epoch), `the agent claimed epoch ${epoch}`);
  const earned = BigInt(plancks);
  assert.ok(earned > 0n, 'Ferdie was paid');
  const [record] = await azraRpc(api, 'azra_epochs', [epoch, epoch]);
  assert.equal(BigInt(record.mintedRewards), earned, 'the one provider of the epoch was minted what it claimed');
  const report = await azraRpc(api, 'azra_provider', [ferdie.address]);
  assert.ok(report.unpaid.every((u) => u.epoch !== epoch), 'nothing left unpaid for the epoch');

  const { stdout: verified } = await promisify(execFile)(
    nodeBinary(), ['provider', 'verify', String(buildId), '--url', devNode.url],
  );
  const verdict = JSON.parse(verified);
  assert.equal(verdict.matches, true, verified);
  assert.equal(verdict.rerun.unitsUsed, 1);

  assert.ok((await metric(state.metricsPort, 'azra_provider_builds_proven_total')) >= 1);
  assert.equal(await metric(state.metricsPort, 'azra_provider_earned_plancks_total'), Number(earned));
});

spec('4. killed right after accepting, the restarted agent proves the build exactly once', async () => {
  const { api, devNode } = ctx;
  // Rounds 2000 over 4 KiB: about 1,650 units.
  const { buildId } = await submitProgram(inputFile('long.bin', 2000, Buffer.alloc(4096, 0x5a)), FERDIE_MAX_UNITS);
  await state.agent.waitForLine(new RegExp(`build ${buildId}: accepted`), 150_000, devNode);
  const killed = await state.agent.kill('SIGKILL');
  assert.equal(killed.signal, 'SIGKILL');
  assert.ok(!state.agent.lines.some((l) => l.includes(`build ${buildId}: proven`)), 'killed before proving');
  const assigned = await azraRpc(api, 'azra_build', [buildId]);
  assert.equal(assigned.state.status, 'assigned');
  assert.equal(assigned.state.provider, ferdie.address);

  const port = await freePort();
  const restarted = startFerdie('agent //Ferdie (restarted)', port);
  state.agent = restarted;
  await restarted.waitForLine(new RegExp(`build ${buildId}: proven`), 150_000, devNode);
  const completed = await azraRpc(api, 'azra_build', [buildId]);
  assert.equal(completed.state.status, 'completed');
  assert.equal(completed.state.provider, ferdie.address);

  const events = await history(buildId);
  const all = events.join('\n');
  assert.equal(count(events, 'burn.BuildAccepted'), 1, all);
  assert.equal(count(events, 'burn.BuildCompleted'), 1, all);
  assert.equal(count(events, 'mint.WorkAccepted'), 1, all);
  assert.equal(count(events, 'burn.BuildReleased'), 0, all);
  assert.equal(count(events, 'burn.BondForfeited'), 0, all);
  assert.equal(await metric(port, 'azra_provider_builds_proven_total'), 1);
});

spec('5. after losing its node for a while (as in a node restart) the agent reconnects and goes on working', async () => {
  const { devNode } = ctx;
  // Ferdie's agent again, now through a relay that can cut its connection.
  await state.agent.kill('SIGTERM');
  state.relay = await tamperingProxy(devNode.url, { tamper: false });
  const agent = startAgent('agent //Ferdie (relayed)', '//Ferdie', state.relay.url, 0, ['--max-units', String(FERDIE_MAX_UNITS)]);
  await agent.waitForLine(/connected to /, 60_000, devNode);
  // The node goes away for 10 s: the connection drops and reconnecting fails meanwhile.
  state.relay.down = true;
  for (const client of state.relay.server.clients) client.terminate();
  await agent.waitForLine(/reconnecting in/, 60_000, devNode);
  await new Promise((resolve) => setTimeout(resolve, 10_000));
  state.relay.down = false;
  assert.ok(state.relay.refused >= 2, 'the agent kept trying while the node was away');

  const { buildId } = await submitProgram(KNOWN_INPUT(), 5);
  await agent.waitForLine(new RegExp(`build ${buildId}: proven`), 150_000, devNode);
  assert.ok(agent.lines.filter((l) => /connected to /.test(l)).length >= 2, 'it reconnected');
  assert.equal(agent.exited, null, 'the agent kept running');
});
