#!/usr/bin/env node
// A load script (not a test): how many burn.submitBuild and balances.transferKeepAlive a
// running AzraCode node includes per block when both queues are full.
//
//   node scripts/load.mjs [--url ws://127.0.0.1:9944] [--n 1500] [--accounts 100]
//
// Funds `--accounts` accounts (//load//0, //load//1, …) from //Alice, then runs two phases
// from all of them at once: N transfers, then N build submissions (each holds the burn
// pallet's BuildDeposit on top of its price; accounts are funded for both). For each block it
// prints how many of each were included; at the end it prints the average included per
// busy block for each kind and their ratio submit_build : transfer_keep_alive, next to the
// ratio the runtime's weights allow (how many of each fit a block's normal-class weight).
// The measured ratio only means something when blocks are full: raise --n (and --accounts)
// until each phase spans several blocks.
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';

const require = createRequire(new URL('./e2e/package.json', import.meta.url));
const { ApiPromise, WsProvider } = require('@polkadot/api');
const { Keyring } = require('@polkadot/keyring');

const { values } = parseArgs({
  options: {
    url: { type: 'string', default: 'ws://127.0.0.1:9944' },
    n: { type: 'string', default: '1500' },
    accounts: { type: 'string', default: '100' },
    help: { type: 'boolean', short: 'h' },
  },
});
if (values.help) {
  console.log('node scripts/load.mjs [--url URL] [--n N] [--accounts K]');
  process.exit(0);
}
const N = Number(values.n);
const K = Number(values.accounts);
const UNIT = 10n ** 12n;

const api = await ApiPromise.create({ provider: new WsProvider(values.url), noInitWarn: true });
const keyring = new Keyring({ type: 'sr25519', ss58Format: 4242 });
const alice = keyring.addFromUri('//Alice');
const accounts = Array.from({ length: K }, (_, i) => keyring.addFromUri(`//load//${i}`));
const ours = new Set(accounts.map((a) => a.address));

/**
 * Signs every tx first (locally counted nonces), then hands them all to the node at once,
 * so the pool is full before block production starts and blocks fill to capacity
 * rather than to the client's signing speed.
 */
async function fire(txs) {
  const nonces = new Map();
  const signed = [];
  for (const [signer, tx] of txs) {
    let nonce = nonces.get(signer.address);
    if (nonce === undefined) nonce = (await api.rpc.system.accountNextIndex(signer.address)).toNumber();
    nonces.set(signer.address, nonce + 1);
    signed.push(await tx.signAsync(signer, { nonce }));
  }
  for (let i = 0; i < signed.length; i += 250) {
    await Promise.all(signed.slice(i, i + 250).map((tx) => api.rpc.author.submitExtrinsic(tx)));
  }
}

/** Watches new blocks until `expected` extrinsics of `section.method` from our accounts are in. */
function countIncluded(section, method, expected, timeoutMs = 600_000) {
  return new Promise((resolve, reject) => {
    const perBlock = [];
    let total = 0;
    let unsub = () => {};
    const timer = setTimeout(() => { unsub(); reject(new Error(`only ${total}/${expected} ${section}.${method} included`)); }, timeoutMs);
    api.rpc.chain.subscribeNewHeads(async (header) => {
      const block = await api.rpc.chain.getBlock(header.hash);
      const count = block.block.extrinsics.filter((x) => x.isSigned && x.method.section === section
        && x.method.method === method && ours.has(x.signer.toString())).length;
      total += count;
      perBlock.push(count);
      console.log(`block #${header.number.toNumber()}: ${count} ${section}.${method} (${total}/${expected})`);
      if (total >= expected) {
        clearTimeout(timer);
        unsub();
        resolve(perBlock);
      }
    }).then((u) => { unsub = u; }, reject);
  });
}

/**
 * How many `tx` fit in one block by weight: the normal-class limit over what each costs
 * (the call and extension weight the runtime reports, plus the per-extrinsic base weight).
 */
async function weightCapacity(tx, signer) {
  const { weight } = await tx.paymentInfo(signer);
  const normal = api.consts.system.blockWeights.perClass.normal;
  const limit = (normal.maxTotal.isSome ? normal.maxTotal.unwrap() : api.consts.system.blockWeights.maxBlock);
  const each = (dim) => weight[dim].toBigInt() + normal.baseExtrinsic[dim].toBigInt();
  const fit = (dim) => (each(dim) === 0n ? Infinity : Number(limit[dim].toBigInt() / each(dim)));
  return {
    queried: weight.refTime.toBigInt(),
    refTime: each('refTime'),
    count: Math.min(fit('refTime'), fit('proofSize')),
  };
}

/**
 * Average over the blocks that carried any, leaving out the last (the pool ran dry in it)
 * and, when there are three or more, the first (the pool may still have been filling).
 * With two, the first is kept: everything was submitted before it was built.
 */
function busyAverage(perBlock) {
  const busy = perBlock.filter((c) => c > 0);
  const full = busy.length > 2 ? busy.slice(1, -1) : busy.slice(0, Math.max(busy.length - 1, 1));
  return full.reduce((a, b) => a + b, 0) / Math.max(full.length, 1);
}

console.log(`funding ${K} accounts from //Alice`);
await fire(accounts.map((a) => [alice, api.tx.balances.transferKeepAlive(a.address, 1_000n * UNIT)]));
// Wait until every account holds its funds.
for (;;) {
  const infos = await api.query.system.account.multi(accounts.map((a) => a.address));
  if (infos.every((info) => info.data.free.toBigInt() > 0n)) break;
  await new Promise((r) => setTimeout(r, 2_000));
}

const perSigner = Math.ceil(N / K);
console.log(`\nphase A: ${perSigner * K} balances.transferKeepAlive`);
const transfersSeen = countIncluded('balances', 'transferKeepAlive', perSigner * K);
await fire(accounts.flatMap((a) => Array.from({ length: perSigner }, () => [a, api.tx.balances.transferKeepAlive(alice.address, UNIT)])));
const transfers = await transfersSeen;

console.log(`\nphase B: ${perSigner * K} burn.submitBuild`);
const units = 10n;
const price = units * (await api.query.burn.pricePerUnit()).toBigInt();
const buildsSeen = countIncluded('burn', 'submitBuild', perSigner * K);
await fire(accounts.flatMap((a) => Array.from({ length: perSigner }, (_, i) => [a,
  api.tx.burn.submitBuild(`0x${(i % 256).toString(16).padStart(2, '0').repeat(32)}`, `0x${'22'.repeat(32)}`, units, null, price)])));
const builds = await buildsSeen;

const t = busyAverage(transfers);
const b = busyAverage(builds);
console.log(`\nincluded per busy block: transfer_keep_alive ${t.toFixed(1)}, submit_build ${b.toFixed(1)}`);
console.log(`ratio submit_build : transfer_keep_alive = ${(b / t).toFixed(2)}`);

const sample = accounts[0];
const transferFit = await weightCapacity(api.tx.balances.transferKeepAlive(alice.address, UNIT), sample);
const buildFit = await weightCapacity(api.tx.burn.submitBuild(`0x${'11'.repeat(32)}`, `0x${'22'.repeat(32)}`, units, null, price), sample);
const ps = (w) => `${(Number(w) / 1e6).toFixed(1)} µs`;
console.log(`by weight, a block fits ${transferFit.count} transfer_keep_alive (${ps(transferFit.refTime)} each)`
  + ` and ${buildFit.count} submit_build (${ps(buildFit.refTime)} each): ratio ${(buildFit.count / transferFit.count).toFixed(2)}`);
// What wallets see: TransactionPaymentApi::query_info, the call and extension weight
// without the per-extrinsic base.
console.log(`query_info ref time: transfer_keep_alive ${ps(transferFit.queried)}, submit_build ${ps(buildFit.queried)}:`
  + ` ratio ${(Number(transferFit.queried) / Number(buildFit.queried)).toFixed(2)}`);
await api.disconnect();
process.exit(0);
