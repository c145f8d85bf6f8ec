// A provider's hot key, stolen: Charlie (the cold account) runs his provider through a
// `Provider` proxy, Ferdie's key. The thief batches twenty accept/release pairs on Dave's
// 1,000,000-unit build through the proxy, each release burning a 100-AZRA bond. Charlie
// had set a bond allowance of 250 AZRA: he loses two bonds and no more, the proxy cannot
// raise the allowance, and Dave cancels for a full refund.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { Keyring } from '@polkadot/keyring';
import { submitAndWatch, useDevNode } from './lib/devnode.mjs';

const ctx = useDevNode();
const spec = ctx.spec;
const keyring = new Keyring({ type: 'sr25519', ss58Format: 4242 });
const cold = keyring.addFromUri('//Charlie');
const hot = keyring.addFromUri('//Ferdie');
const dave = keyring.addFromUri('//Dave');
const AZRA = 10n ** 12n;

const cli = fileURLToPath(new URL('../azra.mjs', import.meta.url));
const azra = (...args) => promisify(execFile)(process.execPath, [cli, ...args, '--url', ctx.devNode.url]);

/** Everything `who` owns, free and held. */
async function total(api, who) {
  const { data } = await api.query.system.account(who);
  return data.free.toBigInt() + data.reserved.toBigInt();
}

spec('a stolen Provider proxy batches accept/release pairs and burns at most the bond allowance', async () => {
  const { api, devNode } = ctx;
  await azra('store-collateral', '--suri', '//Charlie');
  await azra('register-enclave', '--suri', '//Charlie');
  await submitAndWatch(api, api.tx.proxy.addProxy(hot.address, 'Provider', 0), cold, devNode);
  const allowance = 250n * AZRA;
  await submitAndWatch(api, api.tx.burn.setBondAllowance(allowance), cold, devNode);

  const units = 1_000_000;
  const price = BigInt(units) * (await api.query.burn.pricePerUnit()).toBigInt();
  const { events } = await submitAndWatch(api, api.tx.burn.submitBuild(
    `0x${'5b'.repeat(32)}`, `0x${'1b'.repeat(32)}`, units, null, price,
  ), dave, devNode);
  const buildId = events.find(({ event }) => event.method === 'BuildSubmitted').event.data.buildId.toNumber();
  const bond = price / 10n;
  assert.equal(bond, 100n * AZRA);

  // The proxy cannot raise the allowance, even inside a batch.
  const raise = await submitAndWatch(api, api.tx.proxy.proxy(cold.address, null,
    api.tx.burn.setBondAllowance(10n ** 30n)), hot, devNode);
  const executed = raise.events.find(({ event }) => event.method === 'ProxyExecuted').event.data.result;
  assert.ok(executed.isErr, 'set_bond_allowance through the Provider proxy is filtered');
  assert.equal((await api.query.burn.bondAllowances(cold.address)).toBigInt(), allowance);

  const before = await total(api, cold.address);
  const pairs = [];
  for (let i = 0; i < 20; i++) pairs.push(api.tx.burn.acceptBuild(buildId), api.tx.burn.releaseBuild(buildId));
  const attack = await submitAndWatch(api, api.tx.proxy.proxy(cold.address, null, api.tx.utility.batch(pairs)), hot, devNode);
  const forfeited = attack.events.filter(({ event }) => event.method === 'BondForfeited');
  const interrupted = attack.events.find(({ event }) => event.method === 'BatchInterrupted');
  assert.equal(forfeited.length, 2, 'two bonds burned, then the third accept was refused');
  assert.ok(interrupted, 'the batch stopped at the refused accept');
  const { index, error } = interrupted.event.data;
  assert.equal(index.toNumber(), 4);
  const meta = api.registry.findMetaError(error.asModule);
  assert.equal(`${meta.section}.${meta.name}`, 'burn.BondAllowanceExceeded');

  const lost = before - (await total(api, cold.address));
  assert.ok(lost <= allowance, `lost ${lost} > allowance ${allowance}`);
  assert.equal(lost, 2n * bond);

  const daveBefore = await total(api, dave.address);
  await submitAndWatch(api, api.tx.burn.cancelBuild(buildId), dave, devNode);
  assert.ok((await total(api, dave.address)) > daveBefore + price - AZRA, 'the builder got the price back');
});
