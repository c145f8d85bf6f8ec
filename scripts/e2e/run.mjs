// Runs every end-to-end test file in this folder with node's test runner.
//
// The files spend most of their time waiting for 6-second blocks, not computing, so
// single-node files run three at a time (each starts its own dev node on free ports).
// Files that start a whole network run one at a time, before the others, so that their
// validators never starve for CPU on a two-core machine.
// AZRA_E2E_CONCURRENCY overrides the three (1 runs every file alone).
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const networkFiles = new Set(['validators.test.mjs']);
const all = readdirSync(here).filter((f) => f.endsWith('.test.mjs')).sort();
const concurrency = Number(process.env.AZRA_E2E_CONCURRENCY ?? 3);

function run(files, filesAtOnce) {
  if (files.length === 0) return 0;
  const result = spawnSync(
    process.execPath,
    ['--test', `--test-concurrency=${filesAtOnce}`, ...files.map((f) => join(here, f))],
    { stdio: 'inherit', cwd: here },
  );
  return result.status ?? 1;
}

const networks = run(all.filter((f) => networkFiles.has(f)), 1);
if (networks !== 0) process.exit(networks);
process.exit(run(all.filter((f) => !networkFiles.has(f)), concurrency));
