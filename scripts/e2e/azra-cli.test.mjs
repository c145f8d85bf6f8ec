// scripts/azra.mjs against a real dev node: help, a read, a call, and a pallet error.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { useDevNode } from './lib/devnode.mjs';

const ctx = useDevNode();
const spec = ctx.spec;
const cli = fileURLToPath(new URL('../azra.mjs', import.meta.url));
const run = (...args) => promisify(execFile)(process.execPath, [cli, ...args, '--url', ctx.devNode.url]);

spec('--help lists the commands', async () => {
  const { stdout } = await promisify(execFile)(process.execPath, [cli, '--help']);
  for (const command of ['submit-build', 'register-enclave', 'submit-work', 'claim', 'supply']) {
    assert.match(stdout, new RegExp(command));
  }
});

spec('submit-build burns and prints the build id; supply reports the burn', async () => {
  const { stdout } = await run('submit-build', '--units', '100', '--suri', '//Eve');
  assert.match(stdout, /burn\.BuildSubmitted/);
  assert.match(stdout, /build id 0/);
  const supply = await run('supply');
  assert.match(supply.stdout, /"burned": "100000000000 \(0\.1 AZRA\)"/);
});

spec('a failing call exits non-zero with the pallet error name and its docs', async () => {
  await assert.rejects(run('accept-build', '42', '--suri', '//Bob'), (err) => {
    assert.equal(err.code, 1);
    assert.match(err.stderr, /burn\.UnknownBuild: No build has this id/);
    return true;
  });
});
