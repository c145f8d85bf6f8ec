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
