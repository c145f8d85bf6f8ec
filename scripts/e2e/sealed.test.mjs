// A sealed build end to end, with the CLI only on the builder's side: Dave seals an input
// carrying a marker string to provider Ferdie's enclave, Ferdie's agent (`azra-node
// provider`) opens it in its enclave, runs the program, seals the output to Dave's key and
// proves it; `azra.mjs result --key` gives Dave the plaintext, which matches his own dry run
// (`azra-node run`). Then nothing public knows it: every storage value (preimages included)
// at a block during the run and at the end, every extrinsic of every block and every event
// of every block is scanned for the marker and for the output's plaintext.
//
// Around it: Eve, an eligible provider that is not a recipient, cannot accept; an envelope
// with one byte changed and one made for another genesis are refused by the agent before it
// accepts (no bond at risk), and stay open for their builder to cancel.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { Keyring } from '@polkadot/keyring';
import { u8aToHex } from '@polkadot/util';
import { blake2AsHex, randomAsHex, xxhashAsHex } from '@polkadot/util-crypto';
import { azraRpc } from './lib/azra.mjs';
import { nodeBinary, submitAndWatch, useDevNode } from './lib/devnode.mjs';
import { killAllAgents, ProviderAgent } from './lib/provider.mjs';
import { seal } from '../lib/sealing.mjs';

const ctx = useDevNode();
const spec = ctx.spec;
const keyring = new Keyring({ type: 'sr25519', ss58Format: 4242 });
const dave = keyring.addFromUri('//Dave');

const cli = fileURLToPath(new URL('../azra.mjs', import.meta.url));
const PROGRAM = fileURLToPath(new URL('../../node/programs/checksum.wasm', import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), 'azra-sealed-e2e-'));
// Fresh per run, so nothing else on the chain can carry it by chance.
const MARKER = `azra-sealed-marker-${randomAsHex(8).slice(2)}`;
const state = {};
let ferdie;

/** Runs `scripts/azra.mjs <args>` against the dev node; resolves with { stdout, stderr }. */
function azra(...args) {
  return promisify(execFile)(process.execPath, [cli, ...args, '--url', ctx.devNode.url]);
}

/** 0x-less lowercase hex of a string or bytes, for scans of hex-encoded chain data. */
const hexOf = (value) => Buffer.from(value).toString('hex');

/** Every hex string in `value` (a JSON-like tree) that contains one of `needles`. */
function findIn(value, needles, where, found) {
  if (typeof value === 'string') {
    const text = value.toLowerCase();
    for (const needle of needles) if (text.includes(needle)) found.push(`${where}: ${needle}`);
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => findIn(v, needles, `${where}[${i}]`, found));
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) findIn(v, needles, `${where}.${k}`, found);
  }
  return found;
}

/** Every storage value at block `hash`, as hex: all keys, a page at a time. */
async function allStorage(api, hash) {
  const provider = api._rpcCore.provider;
  const values = [];
  let start = null;
  for (;;) {
    const keys = await provider.send('state_getKeysPaged', ['0x', 1000, start, hash]);
    if (keys.length === 0) break;
    const changes = await provider.send('state_queryStorageAt', [keys, hash]);
    for (const change of changes) for (const [key, value] of change.changes) values.push([key, value]);
    if (keys.length < 1000) break;
    start = keys[keys.length - 1];
  }
  return values;
}

/** The places at block `hash` (its state) and in blocks 0..=its number (extrinsics, events) holding a needle. */
async function scanChain(api, hash, needles) {
  const provider = api._rpcCore.provider;
  const found = [];
  const storage = await allStorage(api, hash);
  assert.ok(storage.length > 100, `a whole state was read (${storage.length} values)`);
  findIn(storage, needles, `state@${hash}`, found);
  const eventsKey = `0x${xxhashAsHex('System', 128).slice(2)}${xxhashAsHex('Events', 128).slice(2)}`;
  const head = await provider.send('chain_getHeader', [hash]);
  const last = parseInt(head.number, 16);
  for (let n = 0; n <= last; n++) {
    const blockHash = await provider.send('chain_getBlockHash', [n]);
    const block = await provider.send('chain_getBlock', [blockHash]);
    findIn(block.block.extrinsics, needles, `block ${n} extrinsics`, found);
    findIn(await provider.send('state_getStorage', [eventsKey, blockHash]), needles, `block ${n} events`, found);
  }
  return { found, blocks: last + 1, values: storage.length };
}

/** Dave submits a sealed build of the example program whose input preimage is `envelope`, by hand. */
async function submitEnvelope(envelope, recipient, outputKey) {
  const { api, devNode } = ctx;
  await submitAndWatch(api, api.tx.preimage.notePreimage(u8aToHex(envelope)), dave, devNode);
  const { events } = await submitAndWatch(api, api.tx.burn.submitSealedBuild(
    state.specHash, blake2AsHex(envelope, 256), 100, null, 10n ** 15n, [recipient], outputKey,
  ), dave, devNode);
  const submitted = events.find(({ event }) => event.section === 'burn' && event.method === 'BuildSubmitted');
  assert.ok(submitted, 'the sealed build was submitted');
  return submitted.event.data.buildId.toNumber();
}

after(async () => {
  if (ctx.failed || process.env.AZRA_E2E_PRINT_AGENTS) {
    if (ferdie) console.error(ferdie.logTail(process.env.AZRA_E2E_PRINT_AGENTS ? Infinity : 80));
  }
  await killAllAgents();
  rmSync(tmp, { recursive: true, force: true });
});

spec('1. Ferdie\'s agent registers its enclave with a sealing key; Eve registers one by hand', async () => {
  const { devNode } = ctx;
  ferdie = new ProviderAgent('agent //Ferdie', [
    '--url', devNode.url, '--suri', '//Ferdie', '--enclave', 'dev', '--enclave-seed', '//FerdieEnclave',
    '--prometheus-port', '0',
  ]);
  await ferdie.waitForLine(/enclave registered/, 180_000, devNode);
  await azra('register-enclave', '--suri', '//Eve');
  const { stdout } = await azra('sealing-keys');
  const { enclaves } = JSON.parse(stdout);
  assert.equal(enclaves.length, 2, stdout);
  const byProvider = (address) => enclaves.find((e) => e.provider === address);
  state.ferdieEnclave = byProvider(keyring.addFromUri('//Ferdie').address);
  state.eveEnclave = byProvider(keyring.addFromUri('//Eve').address);
  assert.ok(state.ferdieEnclave && state.eveEnclave, stdout);
  assert.match(state.ferdieEnclave.sealingKey, /^0x[0-9a-f]{64}$/);

  state.keyFile = join(tmp, 'dave.key');
  await promisify(execFile)(process.execPath, [cli, 'keygen', '--out', state.keyFile]);
  state.outputKey = JSON.parse(readFileSync(state.keyFile, 'utf8')).publicKey;
  const program = readFileSync(PROGRAM);
  state.specHash = blake2AsHex(program, 256);
  // The program is public: noted once, here.
  await submitAndWatch(ctx.api, ctx.api.tx.preimage.notePreimage(u8aToHex(program)), dave, devNode);
});

spec('2. a tampered envelope and one made for another genesis are refused before accepting; Eve cannot take them', async () => {
  const { api, devNode } = ctx;
  const recipient = { Sr25519: state.ferdieEnclave.enclaveKey.public };
  const payload = Buffer.concat([Buffer.from([1, 0, 0, 0]), Buffer.from('not the marker')]);
  const context = { genesisHash: api.genesisHash.toU8a(), builder: dave.publicKey, specHash: Buffer.from(state.specHash.slice(2), 'hex') };
  const sealingKey = new Uint8Array(Buffer.from(state.ferdieEnclave.sealingKey.slice(2), 'hex'));

  const tampered = await seal({ purpose: 'input', recipients: [sealingKey], context, payload });
  tampered[tampered.length - 1] ^= 1;
  const foreign = await seal({
    purpose: 'input', recipients: [sealingKey], payload,
    context: { ...context, genesisHash: new Uint8Array(32).fill(0x77) },
  });
  state.refused = [
    await submitEnvelope(tampered, recipient, state.outputKey),
    await submitEnvelope(foreign, recipient, state.outputKey),
  ];
  for (const id of state.refused) {
    await ferdie.waitForLine(new RegExp(`build ${id}: refused: the sealed input does not open`), 120_000, devNode);
  }
  // Eve is eligible, but her enclave is not a recipient.
  await assert.rejects(azra('accept-build', String(state.refused[0]), '--suri', '//Eve'), (err) => {
    assert.match(err.stderr, /attestation\.NotARecipient/);
    return true;
  });
  for (const id of state.refused) {
    const build = await azraRpc(api, 'azra_build', [id]);
    assert.equal(build.state.status, 'open', 'never accepted');
    assert.deepEqual(build.sealed.recipients, [state.ferdieEnclave.enclaveKey]);
    assert.equal(build.sealed.outputKey, state.outputKey);
  }
});

spec('3. a sealed input reaches only the enclave; the builder alone reads the output, and it is right', async () => {
  const { api, devNode } = ctx;
  const plain = join(tmp, 'secret.bin');
  writeFileSync(plain, Buffer.concat([Buffer.from([3, 0, 0, 0]), Buffer.from(MARKER)]));
  const { stdout } = await azra('submit-program', PROGRAM, '--input', plain, '--units', '200', '--suri', '//Dave',
    '--sealed', '--key', state.keyFile, '--to', state.ferdieEnclave.enclaveKey.public);
  assert.match(stdout, /submitting a sealed build/);
  assert.match(stdout, /program 0x[0-9a-f]{64} \(\d+ bytes\) already noted/);
  const buildId = Number(stdout.match(/build id (\d+)/)[1]);
  assert.doesNotMatch(stdout, new RegExp(MARKER));

  // During the run: the build is in state, its envelope noted, the agent at work.
  await ferdie.waitForLine(new RegExp(`build ${buildId}: accepted`), 180_000, devNode);
  state.during = (await api.rpc.chain.getBlockHash()).toHex();

  const out = join(tmp, 'output.bin');
  await assert.rejects(azra('result', String(buildId)), /is sealed: its output opens only with --key/);
  const result = await azra('result', String(buildId), '--key', state.keyFile, '--out', out, '--timeout', '300');
  assert.match(result.stderr, /opened the sealed output: 8 bytes/);
  const output = readFileSync(out);

  // The builder's own dry run of the same program and plaintext agrees.
  const dry = JSON.parse((await promisify(execFile)(nodeBinary(), ['run', PROGRAM, '--input', plain, '--units', '200'])).stdout);
  assert.equal(`0x${output.toString('hex')}`, dry.output);
  const build = await azraRpc(api, 'azra_build', [buildId]);
  assert.equal(build.state.status, 'completed');
  assert.equal(build.state.unitsUsed, dry.unitsUsed);
  assert.notEqual(build.state.outputHash, dry.outputHash, 'the proof commits to the sealed output, not the plaintext');
  state.output = output;
  state.buildId = buildId;
});

spec('4. no storage value, extrinsic or event, during or after, holds the marker or the output', async () => {
  const { api } = ctx;
  const needles = [hexOf(MARKER), hexOf(state.output)];
  const atEnd = (await api.rpc.chain.getFinalizedHead()).toHex();
  for (const hash of [state.during, atEnd]) {
    const { found, blocks, values } = await scanChain(api, hash, needles);
    assert.deepEqual(found, [], `scanned ${values} storage values and ${blocks} blocks up to ${hash}`);
  }
  // The scan finds what is there: the envelopes' magic (in preimages and in the notes'
  // extrinsics) and the output key (in the BuildSealed events).
  const { found } = await scanChain(api, atEnd, [hexOf('AZRASEAL'), state.outputKey.slice(2)]);
  for (const where of [/^state@/, /extrinsics/, /events/]) {
    assert.ok(found.some((place) => where.test(place)), `the scan reads ${where}: ${found.join(', ')}`);
  }
  // Nor did the agent log them.
  const outputHex = state.output.toString('hex');
  const logged = ferdie.lines.filter((line) => line.includes(MARKER) || line.toLowerCase().includes(outputHex));
  assert.deepEqual(logged, []);
});

spec('5. the refused builds are cancelled for a full refund', async () => {
  const { api, devNode } = ctx;
  for (const id of state.refused) {
    const { events } = await submitAndWatch(api, api.tx.burn.cancelBuild(id), dave, devNode);
    assert.ok(events.some(({ event }) => event.section === 'burn' && event.method === 'BuildRefunded'));
  }
});
