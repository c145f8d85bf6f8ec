#!/usr/bin/env node
// azra: the Burn-to-Build loop from a terminal, against a running AzraCode node.
//
//   node scripts/azra.mjs --help
//   node scripts/azra.mjs submit-build --units 400 --suri //Dave
//   node scripts/azra.mjs submit-program node/programs/checksum.wasm --input in.bin --units 5 --suri //Dave
//   node scripts/azra.mjs result 0 --out out.bin
//   node scripts/azra.mjs keygen --out my.key
//   node scripts/azra.mjs submit-program prog.wasm --input secret.bin --units 5 --sealed --key my.key
//   node scripts/azra.mjs result 1 --key my.key --out plain.bin
//   node scripts/azra.mjs supply
//
// Uses @polkadot/api from scripts/e2e (installed by scripts/setup.sh) and, for the provider
// commands on dev chains, `azra-node dev-enclave` as the enclave.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const require = createRequire(new URL('./e2e/package.json', import.meta.url));
const { ApiPromise, WsProvider } = require('@polkadot/api');
const { Keyring } = require('@polkadot/keyring');
const { blake2AsHex, blake2AsU8a, decodeAddress } = require('@polkadot/util-crypto');
const { hexToU8a, u8aEq, u8aToHex } = require('@polkadot/util');

const DECIMALS = 12n;
const UNIT = 10n ** DECIMALS;

const GLOBAL_HELP = `azra — drive AzraCode's burn-and-mint loop from the terminal

Usage: node scripts/azra.mjs <command> [options]

Builder:
  submit-program <program-file> --input <input-file> --units N [--max-price P] [--measurement M]
                                            note program and input, burn units × price for a build
      [--sealed --key KEY-FILE [--to ENCLAVE …]]  seal the input to enclaves, the output to your key
  result <build-id> [--key KEY-FILE] [--out FILE] [--timeout SECONDS]
                                            wait for the build's proof, fetch, check (and open) its output
  my-builds                                 the signer's builds still in state
  history <build-id>                        the build's events, block by block
  submit-build --units N [--spec-hash H] [--input-hash H] [--max-price P] [--measurement M]
                                            burn units × price for a build of hashes only
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
  open-builds [--limit N]                   azra_openBuilds, every page (or the first N builds)
  provider [<account>]                      azra_provider (default: the signer)
  sealing-keys [--measurement M]            azra_sealingKeys: enclaves a build may be sealed to
Keys (no node needed):
  keygen --out FILE                         a new X25519 key pair for sealed outputs (mode 0600)

Options:
  --url URL        node WebSocket (default ws://127.0.0.1:9944)
  --suri SURI      signer secret URI (default //Alice)
  --node PATH      azra-node binary for the dev enclave (default $CARGO_TARGET_DIR/debug/azra-node)
  -h, --help       this help, or a command's help after its name
`;

const COMMANDS = {
  'submit-program': {
    options: { input: 'string', units: 'string', 'max-price': 'string', measurement: 'string', sealed: 'boolean', key: 'string', to: { type: 'string', multiple: true } },
    run: submitProgram,
    help: 'submit-program <program-file> --input <input-file> --units N [--max-price PLANCKS] [--measurement 0x…]\n'
      + '               [--sealed --key KEY-FILE [--to ENCLAVE-KEY …]]\n'
      + '  Notes the WebAssembly program and its input as preimages (skipping any already noted; each\n'
      + '  holds a deposit until unnoted), then burns units × the current price per unit for a build of\n'
      + '  their BLAKE2-256 hashes. Prints the build id, the spec hash and the input hash.\n'
      + '  --sealed: the input is sealed here (HPKE, RFC 9180) to the chosen enclaves\' sealing keys and\n'
      + '  only the envelope is noted; the output will be sealed to the public key of KEY-FILE (from\n'
      + '  keygen). --to names an enclave key (0x-hex, as sealing-keys lists it; repeat for more, at\n'
      + '  most 8); without it, every eligible enclave (under --measurement if given), up to 8. The\n'
      + '  program stays public.' },
  result: { options: { out: 'string', timeout: 'string', key: 'string' }, run: result,
    help: 'result <build-id> [--key KEY-FILE] [--out FILE] [--timeout SECONDS]\n'
      + '  Waits (checking each new block, at most --timeout seconds, default 600) until the build is\n'
      + '  completed, fetches the output its provider noted, checks it hashes to the proven output hash\n'
      + '  and writes it to FILE, or prints it as 0x-hex. Fails if the build expired or was pruned, or if\n'
      + '  the output is not noted. A sealed build\'s output is opened with KEY-FILE\'s secret key and\n'
      + '  checked against the plaintext hash the enclave sealed with it; only the plaintext is written.' },
  'my-builds': { options: {}, run: myBuilds,
    help: 'my-builds\n  The builds the signer submitted that are still in state (read from burn.builds: a build\n'
      + '  leaves state its retention window after it can last change), each as azra_build shows it now,\n'
      + '  with its submission and expiry blocks.' },
  history: { options: {}, run: history,
    help: 'history <build-id>\n  The burn and mint events of a build still in state, one line per event with its block\n'
      + '  number: from its submission block to the best block, the events naming the build and those\n'
      + '  of the same extrinsic (e.g. the builder\'s mint.Refunded). Reads every block in that range.' },
  'open-builds': { options: { limit: 'string' }, run: openBuilds,
    help: 'open-builds [--limit N]\n  The builds a provider may take now (azra_openBuilds at the best block), oldest first: every\n'
      + '  page, or only the first N builds.' },
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
  provider: { options: {}, run: (ctx) => printRpc(ctx, 'azra_provider', [ctx.positionals[0] ?? ctx.signer.address]), help: 'provider [<account>]\n  Enclaves (with their sealing keys), points and unpaid rewards.' },
  'sealing-keys': { options: { measurement: 'string' }, run: (ctx) => printRpc(ctx, 'azra_sealingKeys', [ctx.values.measurement ?? null]),
    help: 'sealing-keys [--measurement 0x…]\n  The eligible enclaves a build may be sealed to, with their enclave keys, providers,\n'
      + '  measurements, X25519 sealing keys and expiry blocks (azra_sealingKeys).' },
  keygen: { options: { out: 'string' }, run: keygen, offline: true,
    help: 'keygen --out FILE\n  Generates an X25519 key pair here (HPKE, RFC 9180; @hpke/dhkem-x25519) and writes it to FILE\n'
      + '  as JSON { publicKey, secretKey } readable by you only (mode 0600). A sealed build\'s output is\n'
      + '  sealed to the public key; keep the file: nobody else can open the output. Refuses to\n'
      + '  overwrite FILE.' },
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

/** Signs and submits `tx` (with signer `options`, e.g. a nonce), prints the block's events of this extrinsic; throws with the pallet error. */
async function send(ctx, tx, options = {}) {
  const { api, signer } = ctx;
  const { events, blockHash } = await new Promise((resolve, reject) => {
    let unsub = () => {};
    tx.signAndSend(signer, options, ({ status, events, dispatchError }) => {
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
  printJson(await ctx.api._rpcCore.provider.send(method, params));
}

/** Prints a JSON answer, AZRA amounts (plancks strings) followed by their AZRA value. */
function printJson(result) {
  const amounts = new Set(['totalIssuance', 'genesisIssuance', 'burned', 'minted', 'refunded', 'netEmission',
    'mintedRewards', 'budget', 'provenBurn', 'claimedProvenBurn', 'dust', 'price', 'pricePerUnit', 'amount',
    'ceiling']);
  console.log(JSON.stringify(result, (key, value) => (amounts.has(key) && typeof value === 'string'
    ? `${value} (${formatAzra(value)})` : value), 2));
}

async function submitBuild(ctx) {
  const { values } = ctx;
  await burnForBuild(ctx, values['spec-hash'] ?? `0x${'11'.repeat(32)}`, values['input-hash'] ?? `0x${'22'.repeat(32)}`);
}

/**
 * Submits a build of `specHash` on `inputHash` with the --units, --max-price and --measurement
 * options; sealed to `sealed` ({ recipients, outputKey }) if given. Returns its id.
 */
async function burnForBuild(ctx, specHash, inputHash, sealed = null) {
  const { api, values } = ctx;
  if (!values.units) throw new Error('--units is required');
  const units = BigInt(values.units);
  const price = units * (await api.query.burn.pricePerUnit()).toBigInt();
  const maxPrice = values['max-price'] ? BigInt(values['max-price']) : price;
  console.log(`submitting a ${sealed ? 'sealed' : 'public'} build of ${units} units for ${formatAzra(price)} (max ${formatAzra(maxPrice)})`);
  const measurement = values.measurement ?? null;
  const tx = sealed
    ? api.tx.burn.submitSealedBuild(specHash, inputHash, units, measurement, maxPrice, sealed.recipients, sealed.outputKey)
    : api.tx.burn.submitBuild(specHash, inputHash, units, measurement, maxPrice);
  const events = await send(ctx, tx);
  const buildId = eventData(events, 'burn', 'BuildSubmitted').buildId.toNumber();
  console.log(`build id ${buildId}`);
  return buildId;
}

/** The length of the preimage of `hash` if its bytes are noted on chain, else null. */
async function notedLength(api, hash) {
  const status = await api.query.preimage.requestStatusFor(hash);
  if (status.isNone) return null;
  const request = status.unwrap();
  if (request.isUnrequested) return request.asUnrequested.len.toNumber();
  const { maybeLen } = request.asRequested;
  return maybeLen.isSome ? maybeLen.unwrap().toNumber() : null;
}

/** The bytes of the preimage of `hash`, or null if they are not noted. */
async function preimageBytes(api, hash) {
  const len = await notedLength(api, hash);
  if (len === null) return null;
  const bytes = await api.query.preimage.preimageFor([hash, len]);
  return bytes.isSome ? bytes.unwrap().toU8a(true) : null;
}

function readInput(what, file) {
  try {
    return readFileSync(file);
  } catch (err) {
    throw new Error(`cannot read the ${what} ${file}: ${err.message}`);
  }
}

function buildIdArgument(positionals) {
  const text = positionals[0];
  if (text === undefined || !/^\d+$/.test(text)) throw new Error('name the build id (a number)');
  return Number(text);
}

/** The key pair in a keygen file, as raw bytes. */
function readKeyFile(file) {
  let parsed;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new Error(`cannot read the key file ${file}: ${err.message}`);
  }
  const { publicKey, secretKey } = parsed;
  if (!/^0x[0-9a-f]{64}$/i.test(publicKey ?? '') || !/^0x[0-9a-f]{64}$/i.test(secretKey ?? '')) {
    throw new Error(`${file} is not a key file written by keygen ({ publicKey, secretKey }, 32 bytes each)`);
  }
  return { publicKey: hexToU8a(publicKey), secretKey: hexToU8a(secretKey) };
}

/** What a sealed build's envelopes are bound to: this chain, the builder, the program. */
function sealContext(api, builderPublicKey, specHash) {
  return { genesisHash: api.genesisHash.toU8a(), builder: builderPublicKey, specHash: hexToU8a(specHash) };
}

/**
 * The enclaves to seal to: those named by --to (enclave keys, 0x-hex), or every eligible
 * enclave (under --measurement if given), at most 8. Each as azra_sealingKeys lists it.
 */
async function chooseRecipients(ctx) {
  const { api, values } = ctx;
  const listed = await api._rpcCore.provider.send('azra_sealingKeys', [values.measurement ?? null]);
  if (values.to?.length) {
    if (values.to.length > MAX_SEALED_RECIPIENTS) throw new Error(`at most ${MAX_SEALED_RECIPIENTS} --to enclaves`);
    return values.to.map((key) => {
      const found = listed.enclaves.find((e) => e.enclaveKey.public.toLowerCase() === key.toLowerCase());
      if (!found) throw new Error(`enclave ${key} is not an eligible enclave with a sealing key${values.measurement ? ' under that measurement' : ''} (see sealing-keys)`);
      return found;
    });
  }
  if (listed.enclaves.length === 0) throw new Error('no eligible enclave has a sealing key: nobody could open a sealed input');
  if (listed.enclaves.length > MAX_SEALED_RECIPIENTS) {
    console.error(`${listed.enclaves.length} eligible enclaves; sealing to the first ${MAX_SEALED_RECIPIENTS} (name others with --to)`);
  }
  return listed.enclaves.slice(0, MAX_SEALED_RECIPIENTS);
}

/** Most enclaves one sealed build may name (the chain's MAX_SEALED_RECIPIENTS). */
const MAX_SEALED_RECIPIENTS = 8;

async function submitProgram(ctx) {
  const { api, signer, values, positionals } = ctx;
  if (!positionals[0]) throw new Error('name the program file');
  if (!values.input) throw new Error('--input is required');
  if (!values.units) throw new Error('--units is required');
  if (values.sealed && !values.key) throw new Error('--sealed needs --key KEY-FILE (make one with keygen)');
  if (!values.sealed && (values.key || values.to)) throw new Error('--key and --to are for --sealed builds');
  const programBytes = readInput('program', positionals[0]);
  const specHash = blake2AsHex(programBytes, 256);
  let inputBytes = readInput('input', values.input);
  let sealed = null;
  if (values.sealed) {
    const { seal } = await import('./lib/sealing.mjs');
    const outputKey = readKeyFile(values.key).publicKey;
    const chosen = await chooseRecipients(ctx);
    const envelope = await seal({
      purpose: 'input',
      recipients: chosen.map((e) => hexToU8a(e.sealingKey)),
      context: sealContext(api, signer.publicKey, specHash),
      payload: inputBytes,
    });
    // The plaintext goes no further than this process.
    inputBytes.fill(0);
    inputBytes = envelope;
    sealed = {
      recipients: chosen.map((e) => ({ [e.enclaveKey.scheme === 'ed25519' ? 'Ed25519' : 'Sr25519']: e.enclaveKey.public })),
      outputKey: u8aToHex(outputKey),
    };
    for (const e of chosen) console.log(`sealed to enclave ${e.enclaveKey.public} of ${e.provider}`);
  }
  const blobs = [['program', programBytes], [sealed ? 'sealed input' : 'input', inputBytes]]
    .map(([what, bytes]) => ({ what, bytes, hash: blake2AsHex(bytes, 256) }));
  const [program, input] = blobs;
  const toNote = [];
  for (const blob of blobs) {
    if (toNote.some((b) => b.hash === blob.hash) || (await notedLength(api, blob.hash)) !== null) {
      console.log(`${blob.what} ${blob.hash} (${blob.bytes.length} bytes) already noted`);
    } else {
      toNote.push(blob);
    }
  }
  // Both notes go into the pool at once, with consecutive nonces; the build is submitted once they are in.
  const nonce = (await api.rpc.system.accountNextIndex(signer.address)).toNumber();
  await Promise.all(toNote.map((blob, i) => {
    console.log(`noting the ${blob.what} ${blob.hash} (${blob.bytes.length} bytes)`);
    return send(ctx, api.tx.preimage.notePreimage(u8aToHex(blob.bytes)), { nonce: nonce + i });
  }));
  const buildId = await burnForBuild(ctx, program.hash, input.hash, sealed);
  console.log(`spec hash ${program.hash}`);
  console.log(`input hash ${input.hash}`);
  return buildId;
}

/** Resolves with the build's azra_build view once it is completed; checks at every new block. */
function completedBuild(ctx, buildId, timeoutMs) {
  const { api } = ctx;
  return new Promise((resolve, reject) => {
    let unsub = () => {};
    let done = false;
    let checking = false;
    let lastStatus = null;
    const finish = (err, build) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      unsub();
      if (err) reject(err); else resolve(build);
    };
    const timer = setTimeout(() => finish(new Error(`build ${buildId} was not completed within ${timeoutMs / 1000} s (last state: ${lastStatus})`)), timeoutMs);
    const check = async () => {
      if (checking || done) return;
      checking = true;
      try {
        const build = await api._rpcCore.provider.send('azra_build', [buildId]);
        const { status } = build.state;
        if (status !== lastStatus) {
          lastStatus = status;
          console.error(`build ${buildId}: ${status}${status === 'assigned' ? ` to ${build.state.provider} (deadline block ${build.state.deadline})` : ''}`);
        }
        if (status === 'completed') finish(null, build);
        else if (status === 'expired') finish(new Error(`build ${buildId} expired without a proof; its builder gets the price back with burn.reclaimExpired`));
      } catch (err) {
        finish(new Error(`azra_build(${buildId}): ${err.message}`));
      } finally {
        checking = false;
      }
    };
    api.rpc.chain.subscribeNewHeads(() => { check(); }).then((u) => {
      unsub = u;
      if (done) u();
    }, (err) => finish(err));
    check();
  });
}

async function result(ctx) {
  const { api, values, positionals } = ctx;
  const buildId = buildIdArgument(positionals);
  const timeout = Number(values.timeout ?? 600);
  if (!(timeout > 0)) throw new Error('--timeout must be a positive number of seconds');
  const build = await completedBuild(ctx, buildId, timeout * 1000);
  const { outputHash, unitsUsed, provider } = build.state;
  console.error(`proven by ${provider}: ${unitsUsed} of ${build.units} units, output hash ${outputHash}`);
  let output = await preimageBytes(api, outputHash);
  if (output === null) {
    throw new Error(`the output ${outputHash} of build ${buildId} is not noted on chain (its provider notes it with the proof, and the chain keeps it until the build's record leaves state; a build proven before runtime 108 keeps it only while its provider does)`);
  }
  const actual = blake2AsHex(output, 256);
  if (actual !== outputHash) throw new Error(`the output the node served hashes to ${actual}, not to the proven ${outputHash}`);
  if (build.sealed) {
    if (!values.key) throw new Error(`build ${buildId} is sealed: its output opens only with --key KEY-FILE (the key its output was sealed to)`);
    output = await openSealedOutput(ctx, build, output);
  } else if (values.key) {
    throw new Error(`build ${buildId} is public: its output is not sealed (leave out --key)`);
  }
  if (values.out) {
    writeFileSync(values.out, output);
    console.log(`wrote ${output.length} bytes to ${values.out}`);
  } else {
    console.log(u8aToHex(output));
  }
}

/**
 * The plaintext of a sealed build's output `envelope`, opened with --key. The payload is
 * the plaintext's BLAKE2-256 hash (as the enclave computed it) followed by the plaintext.
 */
async function openSealedOutput(ctx, build, envelope) {
  const { api, values } = ctx;
  const { open } = await import('./lib/sealing.mjs');
  const keyPair = readKeyFile(values.key);
  if (u8aToHex(keyPair.publicKey) !== build.sealed.outputKey.toLowerCase()) {
    throw new Error(`${values.key} holds ${u8aToHex(keyPair.publicKey)}, but the output is sealed to ${build.sealed.outputKey}`);
  }
  const payload = await open({
    purpose: 'output',
    envelope,
    keyPair,
    context: sealContext(api, decodeAddress(build.builder), build.specHash),
  });
  keyPair.secretKey.fill(0);
  if (payload.length < 32) throw new Error('the sealed output is shorter than its hash');
  const plaintext = payload.slice(32);
  if (!u8aEq(payload.slice(0, 32), blake2AsU8a(plaintext, 256))) {
    throw new Error('the sealed output does not match the hash sealed with it');
  }
  console.error(`opened the sealed output: ${plaintext.length} bytes, hash ${blake2AsHex(plaintext, 256)}`);
  return plaintext;
}

async function openBuilds(ctx) {
  const { api, values } = ctx;
  const limit = values.limit === undefined ? Infinity : Number(values.limit);
  if (!(limit >= 1) || (limit !== Infinity && !Number.isInteger(limit))) throw new Error('--limit must be a positive whole number');
  // One block for every page, so the pages list each open build exactly once.
  const at = (await api.rpc.chain.getHeader()).hash.toHex();
  const builds = [];
  let start = null;
  do {
    const page = await api._rpcCore.provider.send('azra_openBuilds', [start, Math.min(256, limit - builds.length), at]);
    builds.push(...page.builds);
    start = page.next;
  } while (start !== null && builds.length < limit);
  printJson(builds);
}

async function myBuilds(ctx) {
  const { api, signer } = ctx;
  const mine = (await api.query.burn.builds.entries())
    .map(([key, build]) => [key.args[0].toNumber(), build.unwrap()])
    .filter(([, build]) => build.builder.eq(signer.address))
    .sort(([a], [b]) => a - b);
  const views = [];
  for (const [id, build] of mine) {
    // azra_build shows the state as it is now (a passed deadline or expiry applied).
    const view = await api._rpcCore.provider.send('azra_build', [id]);
    views.push({ ...view, submittedAt: build.submittedAt.toNumber(), expiresAt: build.expiresAt.toNumber() });
  }
  if (views.length === 0) console.error(`no builds of ${signer.address} in state`);
  printJson(views);
}

/** Whether `event` (burn or mint) names build `buildId`. */
function namesBuild(event, buildId) {
  if (event.section !== 'burn' && event.section !== 'mint') return false;
  if (event.section === 'burn' && event.method === 'BuildsPruned') {
    return event.data.from.toNumber() <= buildId && buildId <= event.data.to.toNumber();
  }
  const index = event.meta.fields.findIndex((f) => f.name.toString() === 'build_id');
  return index >= 0 && event.data[index].toNumber() === buildId;
}

async function history(ctx) {
  const { api, positionals } = ctx;
  const buildId = buildIdArgument(positionals);
  const build = await api.query.burn.builds(buildId);
  if (build.isNone) {
    throw new Error(`build ${buildId} is not in state (never submitted, or pruned after its retention window; azra_build says which)`);
  }
  const from = build.unwrap().submittedAt.toNumber();
  const to = (await api.rpc.chain.getHeader()).number.toNumber();
  const BATCH = 16;
  for (let first = from; first <= to; first += BATCH) {
    const numbers = Array.from({ length: Math.min(BATCH, to - first + 1) }, (_, i) => first + i);
    const blocks = await Promise.all(numbers.map(async (number) => {
      const hash = await api.rpc.chain.getBlockHash(number);
      // Each block's own metadata decodes its events, across runtime upgrades too.
      return { number, records: await (await api.at(hash)).query.system.events() };
    }));
    for (const { number, records } of blocks) {
      const phases = new Set(records.filter(({ event }) => namesBuild(event, buildId))
        .map(({ phase }) => phase.toString()));
      for (const { phase, event } of records) {
        if (event.section !== 'burn' && event.section !== 'mint') continue;
        const ofBuild = namesBuild(event, buildId);
        // Events of the same extrinsic without a build id (the builder's mint.Refunded) belong to it too.
        const sameExtrinsic = phase.isApplyExtrinsic && phases.has(phase.toString())
          && !event.meta.fields.some((f) => f.name.toString() === 'build_id');
        if (!ofBuild && !sameExtrinsic) continue;
        const fields = event.meta.fields.map((f, i) => `${f.name.toString()}=${describe(event.data[i])}`).join(' ');
        console.log(`#${number} ${event.section}.${event.method} ${fields}`);
      }
    }
  }
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
  await send(ctx, api.tx.attestation.registerEnclave(enclave.quote, enclave.enclaveKey, nonce, enclave.measurement, enclave.sealingKey));
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

async function keygen({ values }) {
  if (!values.out) throw new Error('--out FILE is required');
  const { generateKeyPair } = await import('./lib/sealing.mjs');
  const pair = await generateKeyPair();
  const json = JSON.stringify({ publicKey: u8aToHex(pair.publicKey), secretKey: u8aToHex(pair.secretKey) }, null, 2);
  pair.secretKey.fill(0);
  // 'wx': never overwrite a key file (it may be the only key to sealed outputs).
  writeFileSync(values.out, `${json}\n`, { mode: 0o600, flag: 'wx' });
  console.log(`X25519 key pair written to ${values.out}; public key ${u8aToHex(pair.publicKey)}`);
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
  for (const [key, type] of Object.entries(command.options)) options[key] = typeof type === 'string' ? { type } : type;
  const { values, positionals } = parseArgs({ args: argv.slice(1), options, allowPositionals: true });
  if (values.help) {
    console.log(`node scripts/azra.mjs ${command.help}\n\nGlobal: --url URL (ws://127.0.0.1:9944), --suri SURI (//Alice), --node PATH`);
    return 0;
  }
  if (command.offline) {
    await command.run({ values, positionals });
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
