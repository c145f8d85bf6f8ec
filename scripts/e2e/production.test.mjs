// A production-shaped chain trusts Intel's SGX Root CA from genesis, and nothing on chain,
// not even its governance key, can make it trust another root (the dev PKI's root, whose
// private keys are public, least of all).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';
import { blake2AsHex } from '@polkadot/util-crypto';
import { governed } from './lib/azra.mjs';
import { nodeBinary, useDevNode, waitForBlocks } from './lib/devnode.mjs';

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
  // No dev account is endowed beyond the placeholder governance key.
  assert.equal(exported.genesis.runtimeGenesis.patch.balances.balances.length, 1);
});

spec('governance cannot make a chain that started with Intel\'s root trust another', async () => {
  const { api, devNode } = ctx;
  await waitForBlocks(api, devNode, { best: 1, finalized: 0 });
  assert.equal((await api.query.attestation.rootCaHash()).toHex(), blake2AsHex(intelRoot, 256));
  assert.equal((await api.query.attestation.intelRootOnly()).toJSON(), true);

  for (const [name, candidate] of [['dev root', devRoot], ['any other root', Buffer.from([0x30, 0x03, 2, 1, 1])]]) {
    await assert.rejects(
      governed(api, api.tx.attestation.setRootCa(`0x${candidate.toString('hex')}`), devNode),
      (err) => err.dispatchError === 'attestation.RootCaNotIntel',
      name,
    );
    assert.equal((await api.query.attestation.rootCaHash()).toHex(), blake2AsHex(intelRoot, 256));
  }
});
