// A running dev node upgraded through governance to a second runtime, then used.
//
// runtime/build.rs builds, beside the genesis runtime the node embeds, the same runtime one
// `spec_version` later and with the metadata hash (AZRA, 12 decimals) embedded:
// `azra_runtime_next*.wasm` in the same `wbuild` folder. This file:
// 1. shows that the genesis runtime of a debug build refuses a metadata-hash (mode 1)
//    signature (`CannotLookup`, what offline signers saw), and writes some state to check
//    later;
// 2. upgrades: the council announces `system.authorizeUpgrade(hash)`, nobody can apply the
//    code before the announcement runs, then anyone applies it with
//    `system.applyAuthorizedUpgrade(code)` (other code is refused);
// 3. checks the state written before is intact, and runs the burn-to-mint loop on the new
//    runtime: Dave submits a program build, and Ferdie's provider agent, running since
//    before the upgrade, proves it and claims;
// 4. signs in metadata-hash mode 1, as offline signers do, and is accepted; a wrong hash is
//    refused.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { after } from 'node:test';
import { Keyring } from '@polkadot/keyring';
import { u8aToHex } from '@polkadot/util';
import { blake2AsHex } from '@polkadot/util-crypto';
import { merkleizeMetadata } from '@polkadot-api/merkleize-metadata';
import { nodeBinary, submitAndWatch, useDevNode, waitForBlocks } from './lib/devnode.mjs';
import { azraRpc, councilAnnounces, eventOf } from './lib/azra.mjs';
import { killAllAgents, ProviderAgent } from './lib/provider.mjs';

const ctx = useDevNode();
const spec = ctx.spec;
const keyring = new Keyring({ type: 'sr25519', ss58Format: 4242 });
const [alice, dave, ferdie] = ['//Alice', '//Dave', '//Ferdie'].map((uri) => keyring.addFromUri(uri));

// Release builds compact and compress the blob; debug builds leave it as compiled.
const WBUILD = join(dirname(nodeBinary()), 'wbuild', 'azra-runtime');
const NEXT_RUNTIME = ['azra_runtime_next.compact.compressed.wasm', 'azra_runtime_next.wasm']
  .map((name) => join(WBUILD, name))
  .find((path) => existsSync(path));
const cli = fileURLToPath(new URL('../azra.mjs', import.meta.url));
const PROGRAM = fileURLToPath(new URL('../../node/programs/checksum.wasm', import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), 'azra-upgrade-e2e-'));
const state = {};

after(() => killAllAgents());

/** Runs `scripts/azra.mjs <args>` against the dev node; resolves with its stdout. */
async function azra(...args) {
  const { stdout } = await promisify(execFile)(process.execPath, [cli, ...args, '--url', ctx.devNode.url]);
  return stdout;
}

/** The metadata hash a mode-1 signer computes from the chain's own V15 metadata. */
async function metadataHash(api) {
  const opaque = (await api.call.metadata.metadataAtVersion(15)).unwrap();
  return u8aToHex(merkleizeMetadata(opaque.toU8a(true), { decimals: 12, tokenSymbol: 'AZRA' }).digest());
}

spec('1. the genesis runtime refuses a mode-1 signature; state is written to check later', async () => {
  const { api, devNode } = ctx;
  assert.equal((await api.rpc.state.getRuntimeVersion()).specVersion.toNumber(), 109);
  const hash = await metadataHash(api);
  await assert.rejects(
    api.tx.system.remark('0x01').signAndSend(alice, { mode: 1, metadataHash: hash }),
    /CannotLookup/,
    'a debug build embeds no metadata hash: mode 1 cannot be checked (what offline signers saw)',
  );

  const price = (await api.query.burn.pricePerUnit()).toBigInt();
  const { events } = await submitAndWatch(
    api, api.tx.burn.submitBuild(`0x${'11'.repeat(32)}`, `0x${'22'.repeat(32)}`, 7, null, price * 7n), dave, devNode,
  );
  state.buildId = eventOf(events, 'burn', 'BuildSubmitted').buildId.toNumber();
  state.build = await azraRpc(api, 'azra_build', [state.buildId]);
  state.supply = await azraRpc(api, 'azra_supply');
  state.daveFree = (await api.query.system.account(dave.address)).data.free.toBigInt();
  assert.equal(state.build.builder, dave.address);

  // Ferdie's provider agent registers its enclave now and keeps running across the upgrade.
  state.agent = new ProviderAgent('ferdie', [
    '--url', devNode.url, '--suri', '//Ferdie', '--enclave', 'dev', '--enclave-seed', '//FerdieEnclave',
    '--prometheus-port', '0',
  ]);
  await state.agent.waitForLine(/enclave registered/, 120_000, devNode);
});

spec('2. the council authorizes the next runtime; it is applied only after the announcement runs', async () => {
  const { api, devNode } = ctx;
  assert.ok(NEXT_RUNTIME, `runtime/build.rs built the next runtime in ${WBUILD}`);
  const code = readFileSync(NEXT_RUNTIME);
  const codeHash = blake2AsHex(code, 256);

  await assert.rejects(
    submitAndWatch(api, api.tx.system.applyAuthorizedUpgrade(u8aToHex(code)), ferdie, devNode),
    /dispatch failed: system\.NothingAuthorized|transaction Invalid|1010/,
    'nothing is authorized before the council',
  );
  const { enactAt } = await councilAnnounces(api, api.tx.system.authorizeUpgrade(codeHash), devNode);
  assert.ok((await api.query.system.authorizedUpgrade()).isNone, 'announced, not yet authorized');
  await waitForBlocks(api, devNode, { best: enactAt.toNumber() + 1, finalized: 0 }, 180_000);
  const authorized = await api.query.system.authorizedUpgrade();
  assert.ok(authorized.isSome, 'the announcement ran as Root');
  assert.equal(authorized.unwrap().codeHash.toHex(), codeHash);

  // Other code than the authorized one is refused.
  const other = Buffer.from(code);
  other[other.length - 1] ^= 0xff;
  await assert.rejects(
    submitAndWatch(api, api.tx.system.applyAuthorizedUpgrade(u8aToHex(other)), ferdie, devNode),
    /Unauthorized|transaction Invalid|1010/,
  );

  // The inclusion block's events are decoded while the client switches metadata, so the
  // checks below read state instead: the code, the spent authorization, the version.
  await submitAndWatch(
    api, api.tx.system.applyAuthorizedUpgrade(u8aToHex(code)), ferdie, devNode, 120_000,
  );
  const header = await api.rpc.chain.getHeader();
  await waitForBlocks(api, devNode, { best: header.number.toNumber() + 2, finalized: header.number.toNumber() });
  assert.equal((await api.rpc.state.getRuntimeVersion()).specVersion.toNumber(), 110);
  // `:code` (hex 0x3a636f6465) holds the runtime; the node hashes storage with BLAKE2-256.
  assert.equal((await api.rpc.state.getStorageHash('0x3a636f6465')).toHex(), codeHash, 'the chain runs the new code');
  assert.ok((await api.query.system.authorizedUpgrade()).isNone, 'the authorization was used up');
  assert.equal((await api.query.system.lastRuntimeUpgrade()).unwrap().specVersion.toNumber(), 110);
});

spec('3. state written before the upgrade is intact, and the burn-to-mint loop runs on the new runtime', async () => {
  const { api, devNode } = ctx;
  assert.deepEqual(await azraRpc(api, 'azra_build', [state.buildId]), state.build);
  assert.equal((await api.query.system.account(dave.address)).data.free.toBigInt(), state.daveFree);
  const supply = await azraRpc(api, 'azra_supply');
  for (const field of ['genesisIssuance', 'burned', 'minted', 'refunded']) {
    assert.equal(supply[field], state.supply[field], `${field} unchanged by the upgrade`);
  }

  const agent = state.agent;
  const input = join(tmp, 'input.bin');
  const bytes = Buffer.alloc(8);
  bytes.writeUInt32LE(3, 0);
  bytes.write('azra', 4);
  writeFileSync(input, bytes);
  const stdout = await azra('submit-program', PROGRAM, '--input', input, '--units', '5', '--suri', '//Dave');
  const buildId = Number(stdout.match(/build id (\d+)/)?.[1]);
  assert.ok(Number.isInteger(buildId), `submit-program printed a build id:\n${stdout}`);
  await agent.waitForLine(new RegExp(`build ${buildId}: proven`), 150_000, devNode);
  const [, , plancks] = await agent.waitForLine(/claimed epochs \[([\d, ]+)\]: (\d+) plancks/, 150_000, devNode);
  assert.ok(BigInt(plancks) > 0n, 'Ferdie was minted a reward on the new runtime');
  await agent.kill();
});

spec('4. a transaction signed in metadata-hash mode 1 is accepted; a wrong hash is refused', async () => {
  const { api } = ctx;
  const hash = await metadataHash(api);
  const wrong = `${hash.slice(0, -2)}${hash.endsWith('00') ? '01' : '00'}`;
  await assert.rejects(
    api.tx.system.remark('0x02').signAndSend(alice, { mode: 1, metadataHash: wrong }),
    /bad signature/i,
  );
  const included = new Promise((resolve, reject) => {
    api.tx.system.remark('0x03')
      .signAndSend(alice, { mode: 1, metadataHash: hash }, ({ status, dispatchError, events }) => {
        if (!status.isInBlock) return;
        if (dispatchError) reject(new Error(dispatchError.toString()));
        else resolve(events);
      })
      .catch(reject);
  });
  const events = await included;
  eventOf(events, 'system', 'ExtrinsicSuccess');
});
