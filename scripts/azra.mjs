#!/usr/bin/env node
// azra: the Burn-to-Build loop from a terminal, against a running AzraCode node.
//
//   node scripts/azra.mjs --help
//   node scripts/azra.mjs submit-build --units 400 --suri //Dave
//   node scripts/azra.mjs supply
//
// Uses @polkadot/api from scripts/e2e (installed by scripts/setup.sh) and, for the provider
// commands on dev chains, `azra-node dev-enclave` as the enclave.
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const require = createRequire(new URL('./e2e/package.json', import.meta.url));
const { ApiPromise, WsProvider } = require('@polkadot/api');
const { Keyring } = require('@polkadot/keyring');

const DECIMALS = 12n;
const UNIT = 10n ** DECIMALS;

const GLOBAL_HELP = `azra — drive AzraCode's burn-and-mint loop from the terminal

Usage: node scripts/azra.mjs <command> [options]

Builder:
  submit-build --units N [--spec-hash H] [--input-hash H] [--max-price P] [--measurement M]
                               burn units × price for a build
Provider (dev chains: the dev enclave stands in for SGX):
  store-collateral [--tee sgx|tdx]          submit dev collateral for the dev platform
  register-enclave [--enclave-seed SURI]    nonce → dev quote → attestation.registerEnclave
  accept-build <id>                         take an open build
  submit-work <id> --units-used N [--output-hash H] [--enclave-seed SURI]
                                            sign the work claim in the enclave and submit it
  claim <epoch> [<epoch> …]                 mint your share of closed epochs
Anyone:
  supply                                    azra_supply
  epochs <from> <to>                        azra_epochs
  build <id>                                azra_build
  provider [<account>]                      azra_provider (default: the signer)

Options:
  --url URL        node WebSocket (default ws://127.0.0.1:9944)
  --suri SURI      signer secret URI (default //Alice)
  --node PATH      azra-node binary for the dev enclave (default $CARGO_TARGET_DIR/debug/azra-node)
  -h, --help       this help, or a command's help after its name
`;

const COMMANDS = {
  'submit-build': { options: { units: 'string', 'spec-hash': 'string', 'input-hash': 'string', 'max-price': 'string', measurement: 'string' }, run: submitBuild,
    help: 'submit-build --units N [--spec-hash 0x…] [--input-hash 0x…] [--max-price PLANCKS] [--measurement 0x…]\n  Burns units × the current price per unit; --max-price defaults to exactly that.' },
  'accept-build': { options: {}, run: acceptBuild, help: 'accept-build <id>\n  Takes an open build; needs a registered, eligible enclave.' },
  'store-collateral': { options: { tee: 'string' }, run: storeCollateral, help: 'store-collateral [--tee sgx|tdx]\n  Submits dev-PKI collateral (valid 30 days) with a witness quote.' },
  'register-enclave': { options: { 'enclave-seed': 'string', tee: 'string' }, run: registerEnclave,
    help: 'register-enclave [--enclave-seed //AliceEnclave] [--tee sgx|tdx]\n  Requests a nonce, makes a dev quote committing to it and registers the enclave key.' },
  'submit-work': { options: { 'units-used': 'string', 'output-hash': 'string', 'enclave-seed': 'string' }, run: submitWork,
    help: 'submit-work <id> --units-used N [--output-hash 0x…] [--enclave-seed //AliceEnclave]\n  Signs the work claim with the enclave key and submits it.' },
  claim: { options: {}, run: claim, help: 'claim <epoch> [<epoch> …]\n  Mints your share of each closed epoch.' },
  supply: { options: {}, run: (ctx) => printRpc(ctx, 'azra_supply', []), help: 'supply\n  Total issuance, burned, minted, refunded and net emission since genesis.' },
  epochs: { options: {}, run: (ctx) => printRpc(ctx, 'azra_epochs', [Number(ctx.positionals[0]), Number(ctx.positionals[1])]), help: 'epochs <from> <to>\n  Records of closed epochs (at most 256).' },
  build: { options: {}, run: (ctx) => printRpc(ctx, 'azra_build', [Number(ctx.positionals[0])]), help: 'build <id>\n  A build and its state.' },
  provider: { options: {}, run: (ctx) => printRpc(ctx, 'azra_provider', [ctx.positionals[0] ?? ctx.signer.address]), help: 'provider [<account>]\n  Enclaves, points and unpaid rewards.' },
};

/** Formats plancks as AZRA with 12 decimals. */
export function formatAzra(plancks) {
  const value = BigInt(plancks);
  const sign = value < 0n ? '-' : '';
  const abs = value < 0n ? -value : value;
  const fraction = (abs % UNIT).toString().padStart(Number(DECIMALS), '0').replace(/0+$/, '');
  return `${sign}${abs / UNIT}${fraction ? `.${fraction}` : ''} AZRA`;
}

function nodeBinary(flag) {
  if (flag) return flag;
  if (process.env.AZRA_NODE) return process.env.AZRA_NODE;
  return join(process.env.CARGO_TARGET_DIR ?? join(homedir(), '.cache', 'azra-target'), 'debug', 'azra-node');
}

function devEnclave(ctx, ...args) {
  return JSON.parse(execFileSync(ctx.nodeBin, ['dev-enclave', ...args], { encoding: 'utf8' }));
}

/** Signs and submits `tx`, prints the block's events of this extrinsic; throws with the pallet error. */
async function send(ctx, tx) {
  const { api, signer } = ctx;
  const { events, blockHash } = await new Promise((resolve, reject) => {
    let unsub = () => {};
    tx.signAndSend(signer, ({ status, events, dispatchError }) => {
      if (status.isInvalid || status.isDropped || status.isUsurped) {
        unsub();
        reject(new Error(`transaction ${status.type}`));
      } else if (status.isInBlock) {
        unsub();
        if (dispatchError) {
          if (dispatchError.isModule) {
            const meta = api.registry.findMetaError(dispatchError.asModule);
            reject(new Error(`${meta.section}.${meta.name}: ${meta.docs.join(' ')}`));
          } else {
            reject(new Error(dispatchError.toString()));
          }
        } else {
          resolve({ events, blockHash: status.asInBlock });
        }
      }
    }).then((u) => { unsub = u; }, reject);
  });
  console.log(`included in block ${blockHash.toHex()}`);
  for (const { event } of events) {
    if (event.section === 'system' || event.section === 'transactionPayment') continue;
    const fields = event.meta.fields.map((f, i) => `${f.name.toString()}=${describe(event.data[i])}`).join(' ');
    console.log(`  ${event.section}.${event.method} ${fields}`);
  }
  return events;
}

function describe(value) {
  const text = value.toString();
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

function eventData(events, section, method) {
  const found = events.find(({ event }) => event.section === section && event.method === method);
  if (!found) throw new Error(`no ${section}.${method} event`);
  return found.event.data;
}

async function printRpc(ctx, method, params) {
  const result = await ctx.api._rpcCore.provider.send(method, params);
  const amounts = new Set(['totalIssuance', 'genesisIssuance', 'burned', 'minted', 'refunded', 'netEmission',
    'mintedRewards', 'budget', 'provenBurn', 'claimedProvenBurn', 'dust', 'price', 'pricePerUnit', 'amount',
    'ceiling']);
  console.log(JSON.stringify(result, (key, value) => (amounts.has(key) && typeof value === 'string'
    ? `${value} (${formatAzra(value)})` : value), 2));
}

async function submitBuild(ctx) {
  const { api, values } = ctx;
  if (!values.units) throw new Error('--units is required');
  const units = BigInt(values.units);
  const price = units * (await api.query.burn.pricePerUnit()).toBigInt();
  const maxPrice = values['max-price'] ? BigInt(values['max-price']) : price;
  console.log(`submitting a build of ${units} units for ${formatAzra(price)} (max ${formatAzra(maxPrice)})`);
  const events = await send(ctx, api.tx.burn.submitBuild(
    values['spec-hash'] ?? `0x${'11'.repeat(32)}`, values['input-hash'] ?? `0x${'22'.repeat(32)}`,
    units, values.measurement ?? null, maxPrice,
  ));
  console.log(`build id ${eventData(events, 'burn', 'BuildSubmitted').buildId.toString()}`);
}

async function acceptBuild(ctx) {
  await send(ctx, ctx.api.tx.burn.acceptBuild(Number(ctx.positionals[0])));
}

async function storeCollateral(ctx) {
  const c = devEnclave(ctx, 'collateral', '--tee', ctx.values.tee ?? 'sgx');
  console.log(`dev collateral for FMSPC ${c.fmspc}, valid until ${new Date(c.nextUpdate * 1000).toISOString()}`);
  await send(ctx, ctx.api.tx.attestation.submitCollateral(c.fmspc, c.collateral, c.witnessQuote));
}

async function registerEnclave(ctx) {
  const { api, signer, values } = ctx;
  const seed = values['enclave-seed'] ?? `${ctx.suri}Enclave`;
  const issued = await send(ctx, api.tx.attestation.requestNonce());
  const nonce = eventData(issued, 'attestation', 'NonceIssued').nonce.toHex();
  const enclave = devEnclave(ctx, 'quote', '--provider', signer.address, '--enclave-seed', seed,
    '--nonce', nonce, '--genesis', api.genesisHash.toHex(), '--tee', values.tee ?? 'sgx');
  console.log(`dev quote of ${enclave.quote.length / 2 - 1} bytes for enclave key ${enclave.enclaveKey.Sr25519}`);
  await send(ctx, api.tx.attestation.registerEnclave(enclave.quote, enclave.enclaveKey, nonce, enclave.measurement));
}

async function submitWork(ctx) {
  const { api, signer, values, positionals } = ctx;
  const buildId = Number(positionals[0]);
  if (!values['units-used']) throw new Error('--units-used is required');
  const build = (await api.query.burn.builds(buildId));
  if (build.isNone) throw new Error(`no build ${buildId}`);
  const outputHash = values['output-hash'] ?? `0x${'33'.repeat(32)}`;
  const proof = devEnclave(ctx, 'sign-work', '--enclave-seed', values['enclave-seed'] ?? `${ctx.suri}Enclave`,
    '--provider', signer.address, '--genesis', api.genesisHash.toHex(), '--build-id', String(buildId),
    '--spec-hash', build.unwrap().specHash.toHex(), '--input-hash', build.unwrap().inputHash.toHex(),
    '--output-hash', outputHash, '--units-used', values['units-used']);
  await send(ctx, api.tx.mint.submitWork(buildId, outputHash, values['units-used'], proof.proof));
}

async function claim(ctx) {
  const epochs = ctx.positionals.map(Number);
  if (epochs.length === 0) throw new Error('name at least one epoch');
  await send(ctx, ctx.api.tx.mint.claimRewards(epochs));
}

async function main(argv) {
  const name = argv[0];
  if (!name || name === '-h' || name === '--help') {
    console.log(GLOBAL_HELP);
    return 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    console.error(`unknown command ${name}\n\n${GLOBAL_HELP}`);
    return 2;
  }
  const options = { url: { type: 'string' }, suri: { type: 'string' }, node: { type: 'string' }, help: { type: 'boolean', short: 'h' } };
  for (const [key, type] of Object.entries(command.options)) options[key] = { type };
  const { values, positionals } = parseArgs({ args: argv.slice(1), options, allowPositionals: true });
  if (values.help) {
    console.log(`node scripts/azra.mjs ${command.help}\n\nGlobal: --url URL (ws://127.0.0.1:9944), --suri SURI (//Alice), --node PATH`);
    return 0;
  }
  const url = values.url ?? 'ws://127.0.0.1:9944';
  const suri = values.suri ?? '//Alice';
  const api = await ApiPromise.create({ provider: new WsProvider(url), noInitWarn: true });
  try {
    const signer = new Keyring({ type: 'sr25519', ss58Format: 4242 }).addFromUri(suri);
    await command.run({ api, signer, suri, values, positionals, nodeBin: nodeBinary(values.node) });
    return 0;
  } finally {
    await api.disconnect();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    console.error(`error: ${err.message}`);
    process.exit(1);
  },
);
