// scripts/azra.mjs against a real dev node: help, a read, a call, and a pallet error.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

spec('keygen writes a key pair only its owner can read, and never overwrites one', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'azra-keygen-'));
  try {
    const file = join(dir, 'output.key');
    const { stdout } = await promisify(execFile)(process.execPath, [cli, 'keygen', '--out', file]);
    const key = JSON.parse(readFileSync(file, 'utf8'));
    assert.match(key.publicKey, /^0x[0-9a-f]{64}$/);
    assert.match(key.secretKey, /^0x[0-9a-f]{64}$/);
    assert.notEqual(key.publicKey, key.secretKey);
    assert.equal(statSync(file).mode & 0o777, 0o600);
    assert.match(stdout, new RegExp(key.publicKey));
    assert.doesNotMatch(stdout, new RegExp(key.secretKey.slice(2)));
    await assert.rejects(promisify(execFile)(process.execPath, [cli, 'keygen', '--out', file]), /EEXIST/);
    assert.equal(JSON.parse(readFileSync(file, 'utf8')).secretKey, key.secretKey);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

spec('sealing-keys lists the enclaves a build may be sealed to (none on a fresh chain)', async () => {
  const { stdout } = await run('sealing-keys');
  assert.deepEqual(JSON.parse(stdout), { enclaves: [], complete: true });
  await assert.rejects(run('sealing-keys', '--measurement', '0x1234'), /32-byte measurement/);
});
