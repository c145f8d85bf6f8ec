// The whole Burn-to-Build loop on a real dev node, driven the way users drive it:
// @polkadot/api for every call, `azra-node dev-enclave` as the provider's enclave.
//
// A builder burns AZRA for a build; a provider registers a dev enclave, takes the build,
// proves the work and claims its minted share once the epoch closes; the chain's own
// figures (azra_supply, azra_epochs) match what the client saw. Forged proofs and
// replayed registrations fail with the pallets' error names.
import assert from 'node:assert/strict';
import { Keyring } from '@polkadot/keyring';
import { azraRpc, devEnclave, eventOf } from './lib/azra.mjs';
import { submitAndWatch, useDevNode, withTimeout } from './lib/devnode.mjs';

const ctx = useDevNode();
const spec = ctx.spec;
const keyring = new Keyring({ type: 'sr25519', ss58Format: 4242 });

const SPEC_HASH = `0x${'a1'.repeat(32)}`;
const INPUT_HASH = `0x${'b2'.repeat(32)}`;
const OUTPUT_HASH = `0x${'c3'.repeat(32)}`;
const ENCLAVE_SEED = '//CharlieEnclave';

/** Resolves with the data of the mint.EpochClosed event for `epoch`. */
function epochClosed(api, epoch, devNode) {
  const closed = new Promise((resolve, reject) => {
    let unsub = () => {};
    api.query.system.events((records) => {
      for (const { event } of records) {
        if (api.events.mint.EpochClosed.is(event) && event.data.epoch.toNumber() === epoch) {
          unsub();
          resolve(event.data);
        }
      }
    }).then((u) => { unsub = u; }, reject);
  });
  return withTimeout(closed, 120_000, `epoch ${epoch} to close`, devNode);
}

const state = {};

spec('0. metadata documents every call, event, error and storage item of the AzraCode pallets', async () => {
  const { api } = ctx;
  for (const section of ['burn', 'attestation', 'mint']) {
    const items = [
      ...Object.entries(api.tx[section]).map(([name, item]) => [`call ${name}`, item.meta.docs]),
      ...Object.entries(api.events[section]).map(([name, item]) => [`event ${name}`, item.meta.docs]),
      ...Object.entries(api.errors[section]).map(([name, item]) => [`error ${name}`, item.meta.docs]),
      ...Object.entries(api.query[section]).map(([name, item]) => [`storage ${name}`, item.creator.meta.docs]),
    ];
    assert.ok(items.length > 20, `${section} exposes its calls, events, errors and storage`);
    for (const [what, docs] of items) {
      assert.ok(docs.length > 0 && docs.join('').trim() !== '', `${section} ${what} has docs`);
    }
  }
});

spec('1. a builder burns the price of a build: total issuance drops by it', async () => {
  const { api, devNode } = ctx;
  const builder = keyring.addFromUri('//Dave');
  const units = 400n;
  const price = units * (await api.query.burn.pricePerUnit()).toBigInt();
  const before = (await api.query.balances.totalIssuance()).toBigInt();
  const { blockHash, events } = await submitAndWatch(
    api, api.tx.burn.submitBuild(SPEC_HASH, INPUT_HASH, units, null, price), builder, devNode,
  );
  const submitted = eventOf(events, 'burn', 'BuildSubmitted');
  const after = (await (await api.at(blockHash)).query.balances.totalIssuance()).toBigInt();
  assert.equal(before - after, price);
  Object.assign(state, { buildId: submitted.buildId.toNumber(), units, price });
});

spec('2. a provider stores dev collateral, gets a nonce and registers a dev enclave', async () => {
  const { api, devNode } = ctx;
  const provider = keyring.addFromUri('//Charlie');
  const collateral = devEnclave('collateral', '--tee', 'sgx');
  await submitAndWatch(
    api,
    api.tx.attestation.submitCollateral(collateral.fmspc, collateral.collateral, collateral.witnessQuote),
    provider,
    devNode,
  );

  const { events } = await submitAndWatch(api, api.tx.attestation.requestNonce(), provider, devNode);
  const nonce = eventOf(events, 'attestation', 'NonceIssued').nonce.toHex();
  const enclave = devEnclave(
    'quote', '--provider', provider.address, '--enclave-seed', ENCLAVE_SEED,
    '--nonce', nonce, '--genesis', api.genesisHash.toHex(),
  );
  const register = api.tx.attestation.registerEnclave(enclave.quote, enclave.enclaveKey, nonce, enclave.measurement, enclave.sealingKey);
  const registered = await submitAndWatch(api, register, provider, devNode);
  const data = eventOf(registered.events, 'attestation', 'EnclaveRegistered');
  assert.equal(data.provider.toString(), provider.address);
  assert.equal(data.measurement.toHex(), enclave.measurement);
  assert.ok(data.tcbStatus.isUpToDate);
  // The enclave's sealing key, as its quote carried it, is on chain and over RPC.
  assert.equal(data.sealingKey.toHex(), enclave.sealingKey);
  assert.notEqual(enclave.sealingKey, `0x${'00'.repeat(32)}`);
  const listed = await azraRpc(api, 'azra_sealingKeys', [enclave.measurement]);
  assert.ok(listed.complete);
  const mine = listed.enclaves.find((e) => e.sealingKey === enclave.sealingKey);
  assert.ok(mine, 'azra_sealingKeys lists the new enclave under its measurement');
  assert.equal(mine.provider, provider.address);
  assert.equal(mine.measurement, enclave.measurement);
  const mineReported = await azraRpc(api, 'azra_provider', [provider.address]);
  assert.ok(mineReported.enclaves.some((e) => e.sealingKey === enclave.sealingKey));

  // 6b. The same registration replayed: its nonce was used up.
  await assert.rejects(
    submitAndWatch(api, api.tx.attestation.registerEnclave(enclave.quote, enclave.enclaveKey, nonce, enclave.measurement, enclave.sealingKey), provider, devNode),
    (err) => err.dispatchError === 'attestation.NonceUnknown',
  );
  state.measurement = enclave.measurement;
});

spec('3. the provider takes the build, a forged proof is refused, the real one is accepted', async () => {
  const { api, devNode } = ctx;
  const provider = keyring.addFromUri('//Charlie');
  await submitAndWatch(api, api.tx.burn.acceptBuild(state.buildId), provider, devNode);

  const claim = [
    '--provider', provider.address, '--genesis', api.genesisHash.toHex(), '--build-id', String(state.buildId),
    '--spec-hash', SPEC_HASH, '--input-hash', INPUT_HASH, '--output-hash', OUTPUT_HASH,
    '--units-used', String(state.units),
  ];
  const proof = devEnclave('sign-work', '--enclave-seed', ENCLAVE_SEED, ...claim);
  // 6a. A proof naming the provider's registered enclave, signed by a key it does not hold.
  const mallory = devEnclave('sign-work', '--enclave-seed', '//Mallory', ...claim);
  const forged = { enclaveKey: proof.proof.enclaveKey, signature: mallory.proof.signature };
  await assert.rejects(
    submitAndWatch(api, api.tx.mint.submitWork(state.buildId, OUTPUT_HASH, state.units, forged), provider, devNode),
    (err) => err.dispatchError === 'attestation.WorkProofInvalid',
  );
  // 6c. The right enclave's proof, but signed for another chain: worthless here.
  const otherChain = claim.map((arg, i) => (claim[i - 1] === '--genesis' ? `0x${'77'.repeat(32)}` : arg));
  const replayed = devEnclave('sign-work', '--enclave-seed', ENCLAVE_SEED, ...otherChain);
  await assert.rejects(
    submitAndWatch(api, api.tx.mint.submitWork(state.buildId, OUTPUT_HASH, state.units, replayed.proof), provider, devNode),
    (err) => err.dispatchError === 'attestation.WorkProofInvalid',
  );

  const { events } = await submitAndWatch(
    api, api.tx.mint.submitWork(state.buildId, OUTPUT_HASH, state.units, proof.proof), provider, devNode,
  );
  const accepted = eventOf(events, 'mint', 'WorkAccepted');
  assert.equal(accepted.unitsUsed.toBigInt(), state.units);
  assert.equal(accepted.measurement.toHex(), state.measurement);
  state.epoch = accepted.epoch.toNumber();
});

spec('4. the epoch closes and the provider claims freshly minted AZRA', async () => {
  const { api, devNode } = ctx;
  const provider = keyring.addFromUri('//Charlie');
  const closed = await epochClosed(api, state.epoch, devNode);
  assert.equal(closed.points.toBigInt(), state.units, 'the provider holds every point');
  // The whole build was proven, so its whole price is proven burn; dev chains pay 9/10 of it.
  assert.equal(closed.provenBurn.toBigInt(), state.price, 'the proven burn is the price');
  assert.equal(closed.budget.toBigInt(), (state.price * 9n) / 10n, 'budget = ⌊0.9 × proven burn⌋');

  const issuanceBefore = (await api.query.balances.totalIssuance()).toBigInt();
  const { blockHash, events } = await submitAndWatch(
    api, api.tx.mint.claimRewards([state.epoch]), provider, devNode,
  );
  const claimed = eventOf(events, 'mint', 'RewardsClaimed');
  assert.equal(claimed.provider.toString(), provider.address);
  assert.equal(claimed.epoch.toNumber(), state.epoch);
  const amount = claimed.amount.toBigInt();
  assert.ok(amount > 0n && amount <= closed.budget.toBigInt());
  const issuanceAfter = (await (await api.at(blockHash)).query.balances.totalIssuance()).toBigInt();
  assert.equal(issuanceAfter - issuanceBefore, amount, 'issuance grows by exactly the reward');
  Object.assign(state, { reward: amount, budget: closed.budget.toBigInt(), burnedInEpoch: closed.burned.toBigInt() });
});

spec('5. azra_supply and azra_epochs report what the client saw', async () => {
  const { api } = ctx;
  const supply = await azraRpc(api, 'azra_supply');
  const issuance = (await api.query.balances.totalIssuance()).toBigInt();
  assert.equal(BigInt(supply.totalIssuance), issuance);
  assert.equal(BigInt(supply.burned), state.price, 'one build burned');
  assert.equal(BigInt(supply.minted), state.reward, 'one reward minted');
  assert.equal(BigInt(supply.netEmission), state.reward - state.price);
  assert.equal(
    BigInt(supply.genesisIssuance) + BigInt(supply.minted) + BigInt(supply.refunded) - BigInt(supply.burned),
    issuance,
  );

  const epochs = await azraRpc(api, 'azra_epochs', [state.epoch, state.epoch]);
  assert.equal(epochs.length, 1);
  const [record] = epochs;
  assert.equal(Number(record.epoch), state.epoch);
  assert.equal(BigInt(record.budget), state.budget);
  assert.equal(BigInt(record.burned), state.burnedInEpoch);
  assert.equal(BigInt(record.points), state.units);
  assert.equal(BigInt(record.provenBurn), state.price);
  assert.equal(BigInt(record.claimedProvenBurn), state.price, 'the one provider has claimed');

  await assert.rejects(azraRpc(api, 'azra_epochs', [5, 1]), /from/i);
});

spec('6. azra_build, azra_provider and azra_parameters describe the loop; bad arguments are errors', async () => {
  const { api } = ctx;
  const provider = keyring.addFromUri('//Charlie');
  const build = await azraRpc(api, 'azra_build', [state.buildId]);
  assert.equal(build.state.status, 'completed');
  assert.equal(build.state.provider, provider.address);
  assert.equal(BigInt(build.price), state.price);

  const report = await azraRpc(api, 'azra_provider', [provider.address]);
  assert.equal(report.enclaves.length, 1);
  assert.equal(report.enclaves[0].measurement, state.measurement);
  assert.equal(report.enclaves[0].eligible, true);
  assert.ok(report.unpaid.every(({ epoch }) => epoch !== state.epoch), 'the claimed epoch is paid');

  const parameters = await azraRpc(api, 'azra_parameters');
  assert.equal(Number(parameters.current.epochLength), 10);
  assert.ok(BigInt(parameters.pricePerUnit) > 0n);

  await assert.rejects(azraRpc(api, 'azra_build', [999_999]), /no build/);
  await assert.rejects(azraRpc(api, 'azra_provider', ['not-an-account']), /not an SS58/);
  await assert.rejects(azraRpc(api, 'azra_epochs', [0, 100_000]), /range too long/);

  if (process.env.AZRA_E2E_PRINT_RPC) {
    for (const [method, params] of [
      ['azra_supply', []], ['azra_epochs', [state.epoch, state.epoch]], ['azra_parameters', []],
      ['azra_build', [state.buildId]], ['azra_provider', [provider.address]],
    ]) {
      console.log(`RPC ${method} ${JSON.stringify(await azraRpc(api, method, params), null, 2)}`);
    }
  }
});
