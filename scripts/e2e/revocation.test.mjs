// Governance revokes trust on a running dev chain and a provider holding a build feels it
// at once: a revoked platform's and a retired key's work proofs are refused, and the
// provider earns again only after the platform is restored or a fresh key registers.
// Also: the new allow-list entry shapes travel through polkadot.js as the docs say.
import assert from 'node:assert/strict';
import { Keyring } from '@polkadot/keyring';
import { devEnclave, eventOf, governed } from './lib/azra.mjs';
import { submitAndWatch, useDevNode } from './lib/devnode.mjs';

const ctx = useDevNode();
const spec = ctx.spec;
const keyring = new Keyring({ type: 'sr25519', ss58Format: 4242 });
const provider = keyring.addFromUri('//Ferdie');
const builder = keyring.addFromUri('//Eve');

const SPEC_HASH = `0x${'d4'.repeat(32)}`;
const INPUT_HASH = `0x${'e5'.repeat(32)}`;
const OUTPUT_HASH = `0x${'f6'.repeat(32)}`;

/** Registers a fresh dev SGX enclave of `seed` for the provider. */
async function register(api, devNode, seed) {
  const { events } = await submitAndWatch(api, api.tx.attestation.requestNonce(), provider, devNode);
  const nonce = eventOf(events, 'attestation', 'NonceIssued').nonce.toHex();
  const enclave = devEnclave(
    'quote', '--provider', provider.address, '--enclave-seed', seed,
    '--nonce', nonce, '--genesis', api.genesisHash.toHex(),
  );
  await submitAndWatch(
    api, api.tx.attestation.registerEnclave(enclave.quote, enclave.enclaveKey, nonce, enclave.measurement, enclave.sealingKey),
    provider, devNode,
  );
  return enclave;
}

function proofOf(api, seed, buildId, units) {
  return devEnclave(
    'sign-work', '--enclave-seed', seed, '--provider', provider.address,
    '--genesis', api.genesisHash.toHex(), '--build-id', String(buildId),
    '--spec-hash', SPEC_HASH, '--input-hash', INPUT_HASH, '--output-hash', OUTPUT_HASH,
    '--units-used', String(units),
  ).proof;
}

const state = {};

spec('a provider registers an enclave and takes a build', async () => {
  const { api, devNode } = ctx;
  const collateral = devEnclave('collateral', '--tee', 'sgx');
  await submitAndWatch(
    api, api.tx.attestation.submitCollateral(collateral.fmspc, collateral.collateral, collateral.witnessQuote),
    provider, devNode,
  );
  state.fmspc = collateral.fmspc;
  state.enclave = await register(api, devNode, '//FerdieEnclave');
  const units = 100n;
  const price = units * (await api.query.burn.pricePerUnit()).toBigInt();
  const { events } = await submitAndWatch(
    api, api.tx.burn.submitBuild(SPEC_HASH, INPUT_HASH, units, null, price), builder, devNode,
  );
  state.buildId = eventOf(events, 'burn', 'BuildSubmitted').buildId.toNumber();
  state.units = units;
  await submitAndWatch(api, api.tx.burn.acceptBuild(state.buildId), provider, devNode);
});

spec('a revoked platform stops the enclave at once; restoring it lets the proof through', async () => {
  const { api, devNode } = ctx;
  await assert.rejects(
    submitAndWatch(api, api.tx.attestation.revokePlatform('Sgx', state.fmspc), provider, devNode),
    (err) => err.dispatchError === 'BadOrigin' || /BadOrigin/.test(err.message),
  );
  const revoked = await governed(api, api.tx.attestation.revokePlatform('Sgx', state.fmspc), devNode);
  eventOf(revoked, 'attestation', 'PlatformRevoked');
  const proof = proofOf(api, '//FerdieEnclave', state.buildId, state.units);
  await assert.rejects(
    submitAndWatch(api, api.tx.mint.submitWork(state.buildId, OUTPUT_HASH, state.units, proof), provider, devNode),
    (err) => err.dispatchError === 'attestation.PlatformRevoked',
  );
  await governed(api, api.tx.attestation.restorePlatform('Sgx', state.fmspc), devNode);
  await assert.rejects(
    governed(api, api.tx.attestation.restorePlatform('Sgx', state.fmspc), devNode),
    (err) => err.dispatchError === 'attestation.PlatformNotRevoked',
  );
  const { events } = await submitAndWatch(
    api, api.tx.mint.submitWork(state.buildId, OUTPUT_HASH, state.units, proof), provider, devNode,
  );
  eventOf(events, 'mint', 'WorkAccepted');
});

spec('a retired key cannot prove work; a fresh key registers and does', async () => {
  const { api, devNode } = ctx;
  const units = 50n;
  const price = units * (await api.query.burn.pricePerUnit()).toBigInt();
  const { events } = await submitAndWatch(
    api, api.tx.burn.submitBuild(SPEC_HASH, INPUT_HASH, units, null, price), builder, devNode,
  );
  const buildId = eventOf(events, 'burn', 'BuildSubmitted').buildId.toNumber();
  await submitAndWatch(api, api.tx.burn.acceptBuild(buildId), provider, devNode);

  const retired = await governed(api, api.tx.attestation.forceDeregister(state.enclave.enclaveKey), devNode);
  const data = eventOf(retired, 'attestation', 'EnclaveForceDeregistered');
  assert.equal(data.provider.toString(), provider.address);
  await assert.rejects(
    submitAndWatch(
      api, api.tx.mint.submitWork(buildId, OUTPUT_HASH, units, proofOf(api, '//FerdieEnclave', buildId, units)),
      provider, devNode,
    ),
    (err) => err.dispatchError === 'attestation.EnclaveUnknown',
  );
  await register(api, devNode, '//FerdieEnclave2');
  const accepted = await submitAndWatch(
    api, api.tx.mint.submitWork(buildId, OUTPUT_HASH, units, proofOf(api, '//FerdieEnclave2', buildId, units)),
    provider, devNode,
  );
  eventOf(accepted.events, 'mint', 'WorkAccepted');
});

/** What `address` holds as enclave deposits. */
async function enclaveDepositsHeld(api, address) {
  const holds = await api.query.balances.holds(address);
  return holds
    .filter((hold) => hold.id.isAttestation && hold.id.asAttestation.isEnclaveDeposit)
    .reduce((sum, hold) => sum + hold.amount.toBigInt(), 0n);
}

spec('an enclave registration holds a deposit that deregistration returns', async () => {
  const { api, devNode } = ctx;
  const deposit = api.consts.attestation.enclaveDeposit.toBigInt();
  assert.ok(deposit > 0n);
  // The retired key's deposit came back; the fresh key of the test above holds one.
  assert.equal(await enclaveDepositsHeld(api, provider.address), deposit);
  assert.ok((await api.query.attestation.enclaveDeposits(state.enclave.enclaveKey)).isNone);

  const enclave = await register(api, devNode, '//FerdieEnclave3');
  assert.equal(await enclaveDepositsHeld(api, provider.address), 2n * deposit);
  assert.equal((await api.query.attestation.enclaveDeposits(enclave.enclaveKey)).unwrap().toBigInt(), deposit);
  // Re-attesting the same key holds nothing more.
  await register(api, devNode, '//FerdieEnclave3');
  assert.equal(await enclaveDepositsHeld(api, provider.address), 2n * deposit);

  const { events } = await submitAndWatch(
    api, api.tx.attestation.deregisterEnclave(enclave.enclaveKey), provider, devNode,
  );
  eventOf(events, 'attestation', 'EnclaveDeregistered');
  const released = eventOf(events, 'balances', 'Released');
  assert.equal(released.amount.toBigInt(), deposit);
  assert.equal(await enclaveDepositsHeld(api, provider.address), deposit);
  assert.ok((await api.query.attestation.enclaveDeposits(enclave.enclaveKey)).isNone);
});

spec('a TDX entry names every RTMR and its configuration pins through polkadot.js', async () => {
  const { api, devNode } = ctx;
  const digest = (byte) => `0x${byte.repeat(48)}`;
  const entry = {
    Tdx: {
      mrTd: digest('01'),
      rtmr: [{ Exact: digest('02') }, { Exact: digest('03') }, { Exact: digest('04') }, 'Any'],
      mrConfigId: digest('05'),
      tdAttributes: { value: '0x0000001000000000', mask: '0x0100001000000000' },
      xfam: null,
    },
  };
  const events = await governed(api, api.tx.attestation.allowMeasurement(entry), devNode);
  const allowed = eventOf(events, 'attestation', 'MeasurementAllowed');
  const tdx = allowed.entry.asTdx;
  assert.ok(tdx.rtmr[0].isExact && tdx.rtmr[0].asExact.toHex() === digest('02'));
  assert.ok(tdx.rtmr[3].isAny);
  assert.equal(tdx.mrConfigId.unwrap().toHex(), digest('05'));
  assert.equal(tdx.tdAttributes.unwrap().mask.toHex(), '0x0100001000000000');
  assert.ok(tdx.xfam.isNone);
  const stored = await api.query.attestation.measurements(allowed.id);
  assert.ok(stored.isSome && !stored.unwrap().revoked.isTrue);
});
