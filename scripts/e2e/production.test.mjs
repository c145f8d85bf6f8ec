// A production-shaped chain trusts Intel's SGX Root CA from genesis, and nothing on chain
// can make it trust another root (the dev PKI's root, whose private keys are public, least
// of all). It has no sudo key: governance is the council, whose decisions wait an epoch.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';
import { blake2AsHex } from '@polkadot/util-crypto';
import { councilAnnounces } from './lib/azra.mjs';
import { Keyring } from '@polkadot/keyring';
import { nodeBinary, submitAndWatch, useDevNode, waitForBlocks } from './lib/devnode.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const intelRoot = readFileSync(join(root, 'pallets/attestation/src/intel_sgx_root_ca.der'));
const devRoot = readFileSync(join(root, 'runtime/dev-pki/root-ca.der'));

function exportSpec(chain) {
  const run = spawnSync(nodeBinary(), ['export-chain-spec', '--chain', chain], {
    encoding: 'utf8', timeout: 60_000, maxBuffer: 64 * 1024 * 1024,
  });
  assert.equal(run.status, 0, `${run.stdout}${run.stderr}`.slice(-2000));
  return JSON.parse(run.stdout);
}

const ctx = useDevNode(['--chain', 'production']);
const spec = ctx.spec;

spec('the production chain spec is Live and its genesis trusts Intel\'s root only', async () => {
  const exported = exportSpec('production');
  assert.equal(exported.chainType, 'Live');
  assert.equal(exported.id, 'azra');
  const attestation = exported.genesis.runtimeGenesis.patch.attestation;
  assert.deepEqual(Buffer.from(attestation.rootCa), intelRoot);
  assert.deepEqual(attestation.measurements, []);
  assert.deepEqual(attestation.acceptedTcbStatuses, ['UpToDate']);
  // No dev account is endowed beyond the three placeholder council members, and no one
  // holds a sudo key.
  assert.equal(exported.genesis.runtimeGenesis.patch.balances.balances.length, 3);
  assert.equal(exported.genesis.runtimeGenesis.patch.sudo.key, null);
});

spec('no key rules a production chain: sudo is refused, a council decision waits an epoch', async () => {
  const { api, devNode } = ctx;
  await waitForBlocks(api, devNode, { best: 1, finalized: 0 });
  assert.equal((await api.query.attestation.rootCaHash()).toHex(), blake2AsHex(intelRoot, 256));
  assert.equal((await api.query.attestation.intelRootOnly()).toJSON(), true);
  assert.ok((await api.query.sudo.key()).isNone, 'no sudo key');

  const toDevRoot = api.tx.attestation.setRootCa(`0x${devRoot.toString('hex')}`);
  const alice = new Keyring({ type: 'sr25519', ss58Format: 4242 }).addFromUri('//Alice');
  await assert.rejects(
    submitAndWatch(api, api.tx.sudo.sudo(toDevRoot), alice, devNode),
    (err) => err.dispatchError === 'sudo.RequireSudo',
  );

  // Two thirds of the council announce it; it would run a whole epoch (a day) later, where
  // the runtime refuses it (RootCaNotIntel, runtime/tests/presets.rs). Until then anyone can
  // see it coming, and half the council can cancel it.
  const now = (await api.rpc.chain.getHeader()).number.toNumber();
  const announced = await councilAnnounces(api, toDevRoot, devNode);
  const epoch = (await api.query.mint.currentEpoch()).length.toNumber();
  assert.ok(announced.enactAt.toNumber() >= now + epoch, `enactAt ${announced.enactAt} ≥ ${now} + ${epoch}`);
  assert.equal(announced.callHash.toHex(), blake2AsHex(toDevRoot.method.toU8a(), 256));
  assert.ok((await api.query.enactment.announcements(announced.index)).isSome);
  assert.equal((await api.query.attestation.rootCaHash()).toHex(), blake2AsHex(intelRoot, 256));
});
