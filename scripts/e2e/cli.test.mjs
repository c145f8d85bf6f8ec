// The node's command line refuses bad chain specs with a clear message, never a panic.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { nodeBinary } from './lib/devnode.mjs';

function azraNode(...args) {
  const run = spawnSync(nodeBinary(), args, { encoding: 'utf8', timeout: 60_000, maxBuffer: 64 * 1024 * 1024 });
  return { code: run.status, stdout: run.stdout, output: `${run.stdout}${run.stderr}` };
}

const dir = mkdtempSync(join(tmpdir(), 'azra-cli-'));

test('a --chain path that does not exist is named in the error', () => {
  const missing = join(dir, 'missing.json');
  const { code, output } = azraNode('--chain', missing, '--tmp');
  assert.notEqual(code, 0);
  assert.match(output, new RegExp(`cannot use \`${missing}\` as a chain spec`));
  assert.doesNotMatch(output, /panicked/);
});

test('a malformed chain spec is refused with the parse error', () => {
  const malformed = join(dir, 'malformed.json');
  writeFileSync(malformed, '{"name": 3');
  const { code, output } = azraNode('--chain', malformed, '--tmp');
  assert.notEqual(code, 0);
  assert.match(output, /Error parsing spec file/);
  assert.doesNotMatch(output, /panicked/);
});

test('export-chain-spec prints the local chain with AZRA properties', () => {
  const { code, stdout, output } = azraNode('export-chain-spec', '--chain', 'local');
  assert.equal(code, 0, output.slice(-2000));
  const spec = JSON.parse(stdout);
  assert.equal(spec.id, 'azra_local');
  assert.deepEqual(spec.properties, { ss58Format: 4242, tokenDecimals: 12, tokenSymbol: 'AZRA' });
});

test('a Live chain spec that trusts the dev root is refused', () => {
  // The dev chain's own spec, relabelled Live: its genesis still trusts the dev PKI root,
  // whose private keys are public.
  const exported = azraNode('export-chain-spec', '--chain', 'dev');
  assert.equal(exported.code, 0, exported.output.slice(-2000));
  const spec = JSON.parse(exported.stdout);
  spec.chainType = 'Live';
  const live = join(dir, 'live-dev-root.json');
  writeFileSync(live, JSON.stringify(spec));
  const { code, output } = azraNode('--chain', live, '--tmp');
  assert.notEqual(code, 0);
  assert.match(output, /is a Live chain spec, but its genesis trusts AzraCode's dev root/);
  assert.doesNotMatch(output, /panicked/);

  // The same spec kept as a Local chain is accepted (export-chain-spec loads it).
  spec.chainType = 'Local';
  const local = join(dir, 'local-dev-root.json');
  writeFileSync(local, JSON.stringify(spec));
  const reexported = azraNode('export-chain-spec', '--chain', local);
  assert.equal(reexported.code, 0, reexported.output.slice(-2000));

  // A Live chain spec that trusts another root loads.
  spec.chainType = 'Live';
  spec.genesis.runtimeGenesis.patch.attestation.rootCa = [0x30, 0x03, 0x02, 0x01, 0x01];
  const otherRoot = join(dir, 'live-other-root.json');
  writeFileSync(otherRoot, JSON.stringify(spec));
  const loaded = azraNode('export-chain-spec', '--chain', otherRoot);
  assert.equal(loaded.code, 0, loaded.output.slice(-2000));
});
