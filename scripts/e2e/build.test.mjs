// A builder submits a build with @polkadot/api on a real dev node: the price is burned.
import assert from 'node:assert/strict';
import { Keyring } from '@polkadot/keyring';
import { submitAndWatch, useDevNode } from './lib/devnode.mjs';

const ctx = useDevNode();
const spec = ctx.spec;

const keyring = new Keyring({ type: 'sr25519', ss58Format: 4242 });
const SPEC_HASH = `0x${'11'.repeat(32)}`;
const INPUT_HASH = `0x${'22'.repeat(32)}`;

spec('a builder burns AZRA to submit a build and sees BuildSubmitted', async () => {
  const { api, devNode } = ctx;
  const eve = keyring.addFromUri('//Eve');
  const units = 250n;
  const price = units * (await api.query.burn.pricePerUnit()).toBigInt();
  assert.ok(price > 0n);
  const issuanceBefore = (await api.query.balances.totalIssuance()).toBigInt();

  const { blockHash, events } = await submitAndWatch(
    api, api.tx.burn.submitBuild(SPEC_HASH, INPUT_HASH, units, null, price), eve, devNode,
  );

  const submitted = events.find(({ event }) => api.events.burn.BuildSubmitted.is(event));
  assert.ok(submitted, 'a burn.BuildSubmitted event');
  const { buildId, builder, units: eventUnits, burned } = submitted.event.data;
  assert.equal(builder.toString(), eve.address);
  assert.equal(eventUnits.toBigInt(), units);
  assert.equal(burned.toBigInt(), price);

  const at = await api.at(blockHash);
  const issuanceAfter = (await at.query.balances.totalIssuance()).toBigInt();
  assert.equal(issuanceBefore - issuanceAfter, price, 'total issuance drops by exactly the price');
  const build = (await at.query.burn.builds(buildId)).unwrap();
  assert.equal(build.builder.toString(), eve.address);
  assert.ok(build.state.isOpen);
});

spec('a price above max_price is refused with the pallet error name', async () => {
  const { api, devNode } = ctx;
  const ferdie = keyring.addFromUri('//Ferdie');
  await assert.rejects(
    submitAndWatch(api, api.tx.burn.submitBuild(SPEC_HASH, INPUT_HASH, 10, null, 1), ferdie, devNode),
    (err) => err.dispatchError === 'burn.PriceAboveMax',
  );
});
