// Smoke test: a real dev node produces and finalizes blocks, says it carries AZRA, and
// moves AZRA between accounts.
import assert from 'node:assert/strict';
import { Keyring } from '@polkadot/keyring';
import { submitAndWatch, useDevNode, waitForBlocks } from './lib/devnode.mjs';

const UNIT = 10n ** 12n;
const ctx = useDevNode();
const spec = ctx.spec;

spec('the chain says it carries AZRA with 12 decimals', async () => {
  const { api } = ctx;
  const props = await api.rpc.system.properties();
  assert.equal(props.tokenSymbol.unwrap()[0].toString(), 'AZRA');
  assert.equal(props.tokenDecimals.unwrap()[0].toNumber(), 12);
  assert.equal(props.ss58Format.unwrap().toNumber(), 4242);
  assert.equal(api.runtimeVersion.specName.toString(), 'azra');
});

spec('the dev node produces and finalizes blocks', async () => {
  const { api, devNode } = ctx;
  const { best, finalized } = await waitForBlocks(api, devNode, { best: 3, finalized: 2 });
  assert.ok(best >= 3 && finalized >= 2);
});

spec('Alice transfers AZRA to Bob; fees go to the author, so issuance is unchanged', async () => {
  const { api, devNode } = ctx;
  const keyring = new Keyring({ type: 'sr25519', ss58Format: 4242 });
  const alice = keyring.addFromUri('//Alice');
  const bob = keyring.addFromUri('//Bob');
  const amount = 10n * UNIT;

  const before = {
    alice: (await api.query.system.account(alice.address)).data.free.toBigInt(),
    bob: (await api.query.system.account(bob.address)).data.free.toBigInt(),
    issuance: (await api.query.balances.totalIssuance()).toBigInt(),
  };

  const { blockHash, events } = await submitAndWatch(
    api, api.tx.balances.transferKeepAlive(bob.address, amount), alice, devNode,
  );

  const transfer = events.find(({ event }) => api.events.balances.Transfer.is(event));
  assert.ok(transfer, 'a balances.Transfer event');
  const [from, to, value] = transfer.event.data;
  assert.equal(from.toString(), alice.address);
  assert.equal(to.toString(), bob.address);
  assert.equal(value.toBigInt(), amount);

  const feePaid = events.find(({ event }) => api.events.transactionPayment.TransactionFeePaid.is(event));
  assert.ok(feePaid, 'a transactionPayment.TransactionFeePaid event');
  assert.ok(feePaid.event.data[1].toBigInt() > 0n, 'a non-zero fee');

  const at = await api.at(blockHash);
  const after = {
    alice: (await at.query.system.account(alice.address)).data.free.toBigInt(),
    bob: (await at.query.system.account(bob.address)).data.free.toBigInt(),
    issuance: (await at.query.balances.totalIssuance()).toBigInt(),
  };
  assert.equal(after.bob - before.bob, amount);
  // Alice authors every dev block, so the fee she pays comes back to her as author.
  assert.equal(before.alice - after.alice, amount);
  assert.equal(after.issuance, before.issuance);
});
