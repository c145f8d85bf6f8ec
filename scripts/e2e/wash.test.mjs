// The "submit/cancel wash" attack on a real dev node, and why it no longer pays.
//
// One person owns two accounts: a builder and a provider with a registered dev enclave.
// In each of two epochs the builder submits one 1-unit build that the provider really
// proves, then submits large builds (thousands of AZRA) and cancels them all, getting
// every planck back as a refund. When rewards followed everything burned in an epoch,
// the wash burn inflated the epoch's budget and the provider, holding every point,
// minted it: the pair printed AZRA. Now rewards follow only the burn that paid for
// proven work (`min(ratio × proven burn, ceiling)`, ratio 0.9 on dev chains), cancelled
// builds never count, and the unused part of a completed build is refunded. So the pair
// must end with LESS than it started with (fees, plus the 10% of proven burn not paid
// back), and total issuance must not rise; the chain's own books (azra_supply,
// azra_epochs) must say the same.
import assert from 'node:assert/strict';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { azraRpc, devEnclave } from './lib/azra.mjs';
import { submitAndWatch, useDevNode, withTimeout } from './lib/devnode.mjs';

const ctx = useDevNode();
const spec = ctx.spec;
const keyring = new Keyring({ type: 'sr25519', ss58Format: 4242 });

const UNIT = 1_000_000_000_000n; // 1 AZRA: 12 decimals.
const SPEC_HASH = `0x${'5a'.repeat(32)}`;
const OUTPUT_HASH = `0x${'5c'.repeat(32)}`;
/** The input of the small, proven build (work proofs commit to it). */
const SMALL_INPUT_HASH = `0x${'51'.repeat(32)}`;
const ENCLAVE_SEED = '//WashEnclave';

/** The one build per epoch that is really proven: 1 unit, fully used. */
const SMALL_UNITS = 1n;
/** The wash: this many builds per epoch, each this large, all cancelled. */
const LARGE_BUILDS = 10;
const LARGE_UNITS = 1_000_000n;
/** What the provider account gets: bonds, fees, nothing more. */
const PROVIDER_FUNDING = 1_000n * UNIT;
/** Dev chains pay at most 9/10 of the proven burn as rewards. */
const DEV_RATIO = { num: 9n, den: 10n };
/** An epoch is 10 blocks of 6 s; leave room for a slow debug node. */
const EPOCH_WAIT_MS = 150_000;

// The sr25519 key pairs below are derived at load time, so the WASM crypto must be ready.
await cryptoWaitReady();
const builder = keyring.addFromUri('//WashBuilder');
const provider = keyring.addFromUri('//WashProvider');
const alice = keyring.addFromUri('//Alice');
const pair = new Set([builder.address, provider.address]);

/** Every event of `section.method` among `events`, as its data. */
function eventsOf(events, section, method) {
  return events.filter(({ event }) => event.section === section && event.method === method).map(({ event }) => event.data);
}

/** The only event of `section.method` among `events`, or a failed assertion. */
function eventOf(events, section, method) {
  const found = eventsOf(events, section, method);
  assert.equal(found.length, 1, `exactly one ${section}.${method} event`);
  return found[0];
}

/** A named field of an event's data, failing clearly if the runtime's metadata lacks it. */
function eventField(data, name, what) {
  const value = data[name];
  assert.ok(
    value !== undefined && typeof value.toBigInt === 'function',
    `${what} has no numeric "${name}" field (fields: ${(data.names ?? []).join(', ')}); is the node built with the new burn/mint pallets?`,
  );
  return value.toBigInt();
}

/** A decimal-string amount of an RPC answer, failing clearly if the node does not report it. */
function rpcAmount(record, name, what) {
  assert.ok(
    record !== null && typeof record === 'object' && record[name] !== undefined && record[name] !== null,
    `${what} has no "${name}" field (fields: ${Object.keys(record ?? {}).join(', ')}); the azra_* RPC must report it`,
  );
  return BigInt(record[name]);
}

/** `⌊n × 9/10⌋`: the most a dev epoch may pay for `n` of proven burn. */
function devRewardCap(n) {
  return (n * DEV_RATIO.num) / DEV_RATIO.den;
}

/**
 * `tx`, but signed with an explicit nonce when submitAndWatch signs it: several
 * transactions of one account can then be in the pool at once and land in one block.
 */
function atNonce(tx, nonce) {
  return { signAndSend: (signer, callback) => tx.signAndSend(signer, { nonce }, callback) };
}

// What the pair paid and got back, summed from the events of its own transactions. The
// pair's balance change must be exactly: − fees − burned − forfeited + refunded + rewards.
const ledger = { fees: 0n, burned: 0n, refunded: 0n, rewards: 0n, forfeited: 0n };

/** Folds the pair's part of one transaction's events into `ledger`. */
function book(events) {
  for (const data of eventsOf(events, 'transactionPayment', 'TransactionFeePaid')) {
    if (pair.has(data.who.toString())) ledger.fees += data.actualFee.toBigInt();
  }
  for (const data of eventsOf(events, 'burn', 'BuildSubmitted')) {
    if (pair.has(data.builder.toString())) ledger.burned += data.burned.toBigInt();
  }
  for (const data of eventsOf(events, 'burn', 'BuildRefunded')) {
    if (pair.has(data.builder.toString())) ledger.refunded += data.amount.toBigInt();
  }
  for (const data of eventsOf(events, 'burn', 'BondForfeited')) {
    if (pair.has(data.provider.toString())) ledger.forfeited += data.amount.toBigInt();
  }
  for (const data of eventsOf(events, 'mint', 'RewardsClaimed')) {
    if (pair.has(data.provider.toString())) ledger.rewards += data.amount.toBigInt();
  }
}

/** Submits `tx` (at `nonce` if given), waits for its block and books its events. */
async function send(tx, signer, nonce) {
  const { api, devNode } = ctx;
  const result = await submitAndWatch(api, nonce === undefined ? tx : atNonce(tx, nonce), signer, devNode);
  book(result.events);
  return result;
}

/** Submits all of `txs` from `signer` at once, with consecutive nonces; waits for every one. */
async function sendAll(txs, signer) {
  const first = (await ctx.api.rpc.system.accountNextIndex(signer.address)).toNumber();
  return Promise.all(txs.map((tx, i) => send(tx, signer, first + i)));
}

/** The epoch the extrinsics of block `blockHash` count in. */
async function epochAt(blockHash) {
  const info = await (await ctx.api.at(blockHash)).query.mint.currentEpoch();
  return info.index.toNumber();
}

/** Resolves once the epoch in progress is past `epoch`, i.e. `epoch` has closed. */
function epochClosed(epoch) {
  const { api, devNode } = ctx;
  const closed = new Promise((resolve, reject) => {
    let unsub = null;
    let done = false;
    // A storage subscription reports the current value first, so an epoch that closed
    // before we started waiting is seen at once (an EpochClosed event would be missed).
    api.query.mint.currentEpoch((info) => {
      if (done || info.index.toNumber() <= epoch) return;
      done = true;
      if (unsub) unsub();
      resolve(info.index.toNumber());
    }).then((u) => {
      unsub = u;
      if (done) u();
    }, reject);
  });
  return withTimeout(closed, EPOCH_WAIT_MS, `epoch ${epoch} to close`, devNode);
}

/**
 * The pair's total balance (free + reserved: held bonds are still the pair's), total
 * issuance and azra_supply, all read at one block (`blockHash`, else the best block) so
 * they can be compared exactly.
 */
async function snapshot(when, blockHash) {
  const { api } = ctx;
  const hash = blockHash ? blockHash.toString() : (await api.rpc.chain.getBlockHash()).toHex();
  const at = await api.at(hash);
  const accounts = {};
  let pairTotal = 0n;
  for (const [name, account] of [['builder', builder], ['provider', provider]]) {
    const { data } = await at.query.system.account(account.address);
    accounts[name] = { free: data.free.toBigInt(), reserved: data.reserved.toBigInt() };
    pairTotal += accounts[name].free + accounts[name].reserved;
  }
  const issuance = (await at.query.balances.totalIssuance()).toBigInt();
  const supply = await azraRpc(api, 'azra_supply', [hash]);
  const figures = {
    genesisIssuance: rpcAmount(supply, 'genesisIssuance', 'azra_supply'),
    minted: rpcAmount(supply, 'minted', 'azra_supply'),
    refunded: rpcAmount(supply, 'refunded', 'azra_supply'),
    burned: rpcAmount(supply, 'burned', 'azra_supply'),
    totalIssuance: rpcAmount(supply, 'totalIssuance', 'azra_supply'),
    netEmission: rpcAmount(supply, 'netEmission', 'azra_supply'),
  };
  // The issuance equation must hold at every block, not just at the end.
  assert.equal(figures.totalIssuance, issuance, `${when}: azra_supply.totalIssuance is balances.totalIssuance`);
  assert.equal(
    figures.genesisIssuance + figures.minted + figures.refunded - figures.burned,
    issuance,
    `${when}: totalIssuance == genesisIssuance + minted + refunded − burned`,
  );
  assert.equal(figures.netEmission, figures.minted + figures.refunded - figures.burned, `${when}: netEmission == minted + refunded − burned`);
  return { hash, accounts, pairTotal, issuance, supply: figures };
}

const state = { rounds: [] };

/** What `address` holds as provider bonds at block `blockHash` (its enclave deposit aside). */
async function bondsHeld(blockHash, address) {
  const holds = await (await ctx.api.at(blockHash)).query.balances.holds(address);
  return holds
    .filter((hold) => hold.id.isBurn && hold.id.asBurn.isProviderBond)
    .reduce((sum, hold) => sum + hold.amount.toBigInt(), 0n);
}

/**
 * One epoch of the wash. Three blocks: the small build; the provider takes it while the
 * builder opens the wash builds; the provider proves it while the builder cancels them.
 */
async function washRound(label) {
  const { api } = ctx;
  const { pricePerUnit } = state;
  const smallPrice = SMALL_UNITS * pricePerUnit;
  const largePrice = LARGE_UNITS * pricePerUnit;

  // 1. The build that will really be proven.
  const small = await send(api.tx.burn.submitBuild(SPEC_HASH, SMALL_INPUT_HASH, SMALL_UNITS, null, smallPrice), builder);
  const smallId = eventOf(small.events, 'burn', 'BuildSubmitted').buildId.toNumber();

  // 2. The provider takes it and puts up its bond; meanwhile the builder burns the wash.
  const wash = Array.from({ length: LARGE_BUILDS }, (_, i) =>
    api.tx.burn.submitBuild(SPEC_HASH, `0x${(i + 1).toString(16).padStart(64, '0')}`, LARGE_UNITS, null, largePrice));
  const [accepted, submitted] = await Promise.all([
    send(api.tx.burn.acceptBuild(smallId), provider),
    sendAll(wash, builder),
  ]);
  const bond = eventField(eventOf(accepted.events, 'burn', 'BuildAccepted'), 'bond', `${label}: burn.BuildAccepted`);
  assert.equal(bond, state.expectedBond(smallPrice), `${label}: the bond is max(10% of the price, the minimum bond)`);
  const heldAfterAccept = await bondsHeld(accepted.blockHash, provider.address);
  assert.equal(heldAfterAccept, bond, `${label}: the bond is held on the provider's account`);

  const washIds = [];
  const washBurnByEpoch = new Map();
  for (const { blockHash, events } of submitted) {
    const data = eventOf(events, 'burn', 'BuildSubmitted');
    assert.equal(data.burned.toBigInt(), largePrice, `${label}: a wash build burns its full price`);
    washIds.push(data.buildId.toNumber());
    const epoch = await epochAt(blockHash);
    washBurnByEpoch.set(epoch, (washBurnByEpoch.get(epoch) ?? 0n) + largePrice);
  }

  // 3. The provider proves the small build; the builder cancels every wash build.
  const claim = [
    '--provider', provider.address, '--genesis', api.genesisHash.toHex(), '--build-id', String(smallId),
    '--spec-hash', SPEC_HASH, '--input-hash', SMALL_INPUT_HASH, '--output-hash', OUTPUT_HASH,
    '--units-used', String(SMALL_UNITS),
  ];
  const { proof } = devEnclave('sign-work', '--enclave-seed', ENCLAVE_SEED, ...claim);
  const [work, cancelled] = await Promise.all([
    send(api.tx.mint.submitWork(smallId, OUTPUT_HASH, SMALL_UNITS, proof), provider),
    sendAll(washIds.map((id) => api.tx.burn.cancelBuild(id)), builder),
  ]);

  const accepting = eventOf(work.events, 'mint', 'WorkAccepted');
  const provenBurn = eventField(accepting, 'provenBurn', `${label}: mint.WorkAccepted`);
  // All of the 1-unit build was used: its whole price is proven burn, nothing is refunded.
  assert.equal(provenBurn, smallPrice, `${label}: the proven burn of a fully used build is its price`);
  const completed = eventOf(work.events, 'burn', 'BuildCompleted');
  assert.equal(eventField(completed, 'provenBurn', `${label}: burn.BuildCompleted`), provenBurn);
  const heldAfterProof = await bondsHeld(work.blockHash, provider.address);
  assert.equal(heldAfterProof, 0n, `${label}: the bond comes back with the proof`);

  for (const [i, { events }] of cancelled.entries()) {
    const expired = eventOf(events, 'burn', 'BuildExpired');
    assert.equal(expired.buildId.toNumber(), washIds[i]);
    assert.ok(expired.cancelled.isTrue, `${label}: wash build ${washIds[i]} was cancelled`);
    const refund = eventOf(events, 'burn', 'BuildRefunded');
    assert.equal(refund.amount.toBigInt(), largePrice, `${label}: a cancelled build is refunded its full price`);
  }

  const round = { label, epoch: accepting.epoch.toNumber(), buildId: smallId, provenBurn, washIds, washBurnByEpoch };
  state.rounds.push(round);
  return round;
}

spec('1. one person funds a builder and a provider account from Alice', async () => {
  const { api } = ctx;
  const pricePerUnit = (await api.query.burn.pricePerUnit()).toBigInt();
  const maxUnits = api.consts.burn.maxUnitsPerBuild.toBigInt();
  assert.ok(LARGE_UNITS <= maxUnits, `a wash build of ${LARGE_UNITS} units is allowed (MaxUnitsPerBuild = ${maxUnits})`);

  const bondPerbill = api.consts.burn.providerBond;
  const minBond = api.consts.burn.minProviderBond;
  assert.ok(bondPerbill && minBond, 'the burn pallet exposes ProviderBond and MinProviderBond');
  const parts = BigInt(bondPerbill.toString());
  const min = minBond.toBigInt();
  // Perbill::mul_ceil, then the floor of MinProviderBond.
  const expectedBond = (price) => {
    const tenth = (price * parts + 999_999_999n) / 1_000_000_000n;
    return tenth > min ? tenth : min;
  };

  // Enough for every wash build of one epoch at once, plus the small builds and fees.
  const builderFunding = BigInt(LARGE_BUILDS) * LARGE_UNITS * pricePerUnit + 1_000n * UNIT;
  const first = (await api.rpc.system.accountNextIndex(alice.address)).toNumber();
  await Promise.all([
    send(api.tx.balances.transferKeepAlive(builder.address, builderFunding), alice, first),
    send(api.tx.balances.transferKeepAlive(provider.address, PROVIDER_FUNDING), alice, first + 1),
  ]);

  // Everything the pair does from here on is the attack; its cost is measured from here.
  const start = await snapshot('after funding');
  assert.equal(start.accounts.builder.free, builderFunding, 'the builder holds exactly its funding');
  assert.equal(start.accounts.provider.free, PROVIDER_FUNDING, 'the provider holds exactly its funding');
  Object.assign(state, { pricePerUnit, expectedBond, start });
});

spec('2. the provider account registers a dev enclave', async () => {
  const { api } = ctx;
  const collateral = devEnclave('collateral', '--tee', 'sgx');
  await send(api.tx.attestation.submitCollateral(collateral.fmspc, collateral.collateral, collateral.witnessQuote), provider);

  const { events } = await send(api.tx.attestation.requestNonce(), provider);
  const nonce = eventOf(events, 'attestation', 'NonceIssued').nonce.toHex();
  const enclave = devEnclave(
    'quote', '--provider', provider.address, '--enclave-seed', ENCLAVE_SEED,
    '--nonce', nonce, '--genesis', api.genesisHash.toHex(),
  );
  const registered = await send(
    api.tx.attestation.registerEnclave(enclave.quote, enclave.enclaveKey, nonce, enclave.measurement, enclave.sealingKey), provider,
  );
  const data = eventOf(registered.events, 'attestation', 'EnclaveRegistered');
  assert.equal(data.provider.toString(), provider.address);

  // Registration is a one-off cost; the rounds below must lose AZRA even without it.
  state.washStart = await snapshot('after registration', registered.blockHash);
});

spec('3. epoch A: one proven 1-unit build, then the wash builds submitted and all cancelled', async () => {
  const round = await washRound('epoch A');
  assert.ok(round.epoch >= 0);
});

spec('4. epoch B: once epoch A has closed, the same wash again', async () => {
  const [first] = state.rounds;
  // Wait for epoch A to close so the second proof counts in another epoch.
  await epochClosed(first.epoch);
  const round = await washRound('epoch B');
  assert.ok(round.epoch > first.epoch, `the second proof (epoch ${round.epoch}) is in a later epoch than the first (${first.epoch})`);
});

spec('5. once both epochs close, the provider claims its rewards for them', async () => {
  const { api } = ctx;
  const epochs = state.rounds.map((r) => r.epoch);
  await epochClosed(epochs[epochs.length - 1]);
  const { blockHash, events } = await send(api.tx.mint.claimRewards(epochs), provider);
  const claims = eventsOf(events, 'mint', 'RewardsClaimed');
  assert.equal(claims.length, epochs.length, 'one RewardsClaimed per claimed epoch');
  state.rewardByEpoch = new Map();
  for (const claim of claims) {
    assert.equal(claim.provider.toString(), provider.address);
    state.rewardByEpoch.set(claim.epoch.toNumber(), claim.amount.toBigInt());
  }
  for (const round of state.rounds) {
    const reward = state.rewardByEpoch.get(round.epoch);
    assert.ok(reward !== undefined, `a reward was claimed for ${round.label} (epoch ${round.epoch})`);
    // The only proof of the epoch: the provider's share is the whole (capped) budget.
    assert.ok(
      reward <= devRewardCap(round.provenBurn),
      `${round.label}: reward ${reward} ≤ 0.9 × proven burn ${round.provenBurn}, whatever the wash burned`,
    );
  }
  // The claim is the pair's last transaction: measure at its block.
  state.end = await snapshot('after claiming', blockHash);
});

spec('6. the pair LOST AZRA: fees, plus the part of the proven burn not paid back', async () => {
  const { start, washStart, end } = state;
  const provenTotal = state.rounds.reduce((sum, r) => sum + r.provenBurn, 0n);
  assert.equal(await bondsHeld(end.hash, provider.address), 0n, 'no bond is left on hold');
  assert.equal(ledger.forfeited, 0n, 'no bond was forfeited');

  // Every wash build was refunded in full and the small builds were fully used, so what
  // the builder burned net of refunds is exactly the proven burn.
  assert.equal(ledger.burned - ledger.refunded, provenTotal, 'burned − refunded == proven burn: the wash itself was a wash');
  assert.ok(ledger.fees > 0n, 'the pair paid fees');

  // Exact accounting: nothing but fees, burns, refunds and rewards moved the pair's AZRA.
  const loss = start.pairTotal - end.pairTotal;
  assert.equal(
    loss,
    ledger.fees + ledger.burned + ledger.forfeited - ledger.refunded - ledger.rewards,
    'pair loss == fees + burned + forfeited − refunded − rewards',
  );

  assert.ok(
    end.pairTotal < start.pairTotal,
    `the pair ends with less than it started with (start ${start.pairTotal}, end ${end.pairTotal})`,
  );
  assert.ok(
    end.pairTotal < washStart.pairTotal,
    `the wash rounds alone, without the registration, lose AZRA (after registration ${washStart.pairTotal}, end ${end.pairTotal})`,
  );
  // At least 10% of the proven burn is gone for good, on top of the fees.
  assert.ok(
    loss - ledger.fees >= provenTotal - devRewardCap(provenTotal),
    `loss beyond fees (${loss - ledger.fees}) ≥ 10% of proven burn ${provenTotal}`,
  );
  assert.ok(ledger.rewards < ledger.burned - ledger.refunded, 'rewards are below what the pair burned net of refunds');
});

spec('7. azra_epochs: rewards ≤ 0.9 × proven burn; cancelled builds never count', async () => {
  const { api } = ctx;
  const proofEpochs = new Map(state.rounds.map((r) => [r.epoch, r]));
  const washBurnByEpoch = new Map();
  for (const round of state.rounds) {
    for (const [epoch, burn] of round.washBurnByEpoch) washBurnByEpoch.set(epoch, (washBurnByEpoch.get(epoch) ?? 0n) + burn);
  }
  const touched = [...proofEpochs.keys(), ...washBurnByEpoch.keys()];
  const from = Math.min(...touched);
  const to = Math.max(...touched);
  const records = await azraRpc(api, 'azra_epochs', [from, to]);
  assert.ok(Array.isArray(records), 'azra_epochs answers an array');

  for (let epoch = from; epoch <= to; epoch += 1) {
    const record = records.find((r) => Number(r.epoch) === epoch);
    assert.ok(record, `azra_epochs has a record of closed epoch ${epoch}`);
    const what = `azra_epochs record of epoch ${epoch}`;
    const provenBurn = rpcAmount(record, 'provenBurn', what);
    const claimedProvenBurn = rpcAmount(record, 'claimedProvenBurn', what);
    const budget = rpcAmount(record, 'budget', what);
    const minted = rpcAmount(record, 'mintedRewards', what);
    const burned = rpcAmount(record, 'burned', what);

    // The wash burn is in the epoch's supply figure…
    const wash = washBurnByEpoch.get(epoch) ?? 0n;
    assert.ok(burned >= wash, `epoch ${epoch}: burned ${burned} includes the ${wash} the wash builds burned`);
    // …but only the proven 1-unit build counts toward rewards.
    const round = proofEpochs.get(epoch);
    const proven = round ? round.provenBurn : 0n;
    assert.equal(provenBurn, proven, `epoch ${epoch}: provenBurn is only the proven build's burn, not the cancelled builds'`);
    assert.ok(budget <= devRewardCap(provenBurn), `epoch ${epoch}: budget ${budget} ≤ 0.9 × provenBurn ${provenBurn}`);
    assert.ok(minted <= budget, `epoch ${epoch}: mintedRewards ${minted} ≤ budget ${budget}`);
    assert.ok(minted <= devRewardCap(provenBurn), `epoch ${epoch}: mintedRewards ${minted} ≤ 0.9 × provenBurn ${provenBurn}`);
    if (round) {
      assert.equal(minted, state.rewardByEpoch.get(epoch), `epoch ${epoch}: mintedRewards is what the provider claimed`);
      assert.equal(claimedProvenBurn, provenBurn, `epoch ${epoch}: the provider claimed all of the proven burn`);
    } else {
      assert.equal(minted, 0n, `epoch ${epoch}: an epoch with wash burn but no proof mints nothing`);
    }
  }
});

spec('8. azra_supply: issuance == genesis + minted + refunded − burned, and it did not rise', async () => {
  const { start, end } = state;
  // snapshot() checked the equation at each of these blocks; here, what moved in between.
  const delta = {
    issuance: end.issuance - start.issuance,
    minted: end.supply.minted - start.supply.minted,
    refunded: end.supply.refunded - start.supply.refunded,
    burned: end.supply.burned - start.supply.burned,
  };
  assert.equal(end.supply.genesisIssuance, start.supply.genesisIssuance, 'genesisIssuance is fixed');
  assert.equal(delta.minted, ledger.rewards, 'the only AZRA minted as rewards is what the provider claimed');
  assert.equal(delta.refunded, ledger.refunded, 'the only refunds are the cancelled wash builds');
  assert.ok(delta.burned >= ledger.burned, `burned grew by at least what the builder burned (${delta.burned} ≥ ${ledger.burned})`);
  assert.equal(delta.issuance, delta.minted + delta.refunded - delta.burned, 'issuance moved by minted + refunded − burned');
  assert.ok(
    end.issuance <= start.issuance,
    `total issuance did not rise over the wash (start ${start.issuance}, end ${end.issuance})`,
  );
});
