// A validator joins and leaves a running 4-validator `local` network the way an operator and
// governance do it: a fifth node, started without keys, generates its session keys; its
// account (Eve) registers them with the ownership proof; governance (sudo on `local`) adds
// Eve, and two session boundaries later she authors and finalizes blocks with the others;
// removed, she stops two boundaries later and gets her key deposit back by purging her keys.
import assert from 'node:assert/strict';
import { Keyring } from '@polkadot/keyring';
import { azraRpc, eventOf, governed } from './lib/azra.mjs';
import { submitAndWatch, waitForBlocks, withTimeout } from './lib/devnode.mjs';
import { metric, useNetwork, watchLog } from './lib/network.mjs';

const ctx = useNetwork(
  [
    { name: 'alice', args: ['--alice'] },
    { name: 'bob', args: ['--bob'] },
    { name: 'charlie', args: ['--charlie'] },
    { name: 'dave', args: ['--dave'] },
    // An operator's new node: no dev keys, it makes its own when asked. Its Prometheus
    // counts the GRANDPA votes it casts.
    { name: 'eve', args: ['--validator', '--rpc-methods', 'unsafe'], prometheus: true },
  ],
  { connect: ['alice', 'eve'] },
);
const spec = ctx.spec;

const keyring = new Keyring({ type: 'sr25519', ss58Format: 4242 });
const alice = keyring.addFromUri('//Alice');
const eve = keyring.addFromUri('//Eve');
const ferdie = keyring.addFromUri('//Ferdie');
const GENESIS_VALIDATORS = ['//Alice', '//Bob', '//Charlie', '//Dave']
  .map((uri) => keyring.addFromUri(uri).address);

const PRECOMMITS = 'substrate_finality_grandpa_precommits_total';
/** Sessions watched after Eve leaves (each one costs 30 s; the test title says one). */
const QUIET_SESSIONS = 1;
const SLOT_MS = 6_000;
/** How long `blocks` blocks may take: one slot each, half as many again for missed slots, and 30 s. */
const blocksMs = (blocks) => Math.ceil(blocks * 1.5) * SLOT_MS + 30_000;

const state = {};
const started = Date.now();
const elapsed = () => `${Math.round((Date.now() - started) / 1000)} s`;

/** Dispatches `call` as sudo like azra.mjs's `governed`, also resolving with the block number. */
async function governedAt(api, call) {
  const { blockHash, events } = await submitAndWatch(api, api.tx.sudo.sudo(call), alice, ctx.network);
  const result = eventOf(events, 'sudo', 'Sudid').sudoResult;
  if (result.isErr) {
    const meta = api.registry.findMetaError(result.asErr.asModule);
    throw new Error(`governance call failed: ${meta.section}.${meta.name}`);
  }
  const number = (await api.rpc.chain.getHeader(blockHash)).number.toNumber();
  return { blockHash, number, events };
}

/** Resolves with the first best head for which `check(at, header)` (`at`: its state) is truthy. */
function waitForState(api, what, check, timeoutMs) {
  let unsub = () => {};
  let done = false;
  const found = new Promise((resolve, reject) => {
    api.rpc.chain.subscribeNewHeads(async (header) => {
      if (done) return;
      try {
        if (await check(await api.at(header.hash), header)) {
          done = true;
          resolve(header);
        }
      } catch (err) {
        done = true;
        reject(err);
      }
    }).then((u) => { unsub = u; }, reject);
  });
  return withTimeout(found, timeoutMs, what, ctx.network).finally(() => { done = true; unsub(); });
}

/** The state of the canonical (best chain) block `number`. */
async function stateAt(api, number) {
  return api.at(await api.rpc.chain.getBlockHash(number));
}

async function sessionValidators(at) {
  return (await at.query.session.validators()).map(String);
}

/** Aura's and GRANDPA's authorities in the state `at`, as hex public keys. */
async function authorities(at) {
  return {
    aura: (await at.query.aura.authorities()).map((key) => key.toHex()),
    grandpa: (await at.query.grandpa.authorities()).map(([key]) => key.toHex()),
  };
}

/** The GRANDPA keys whose precommits justify block `number` in `api`'s node (null: no justification). */
async function precommitters(api, number) {
  const { justifications } = await api.rpc.chain.getBlock(await api.rpc.chain.getBlockHash(number));
  const grandpa = justifications.unwrapOr([]).find(([engine]) => engine.toString() === 'FRNK');
  if (!grandpa) return null;
  const justification = api.createType('GrandpaJustification', grandpa[1].toU8a(true));
  return justification.commit.precommits.map((p) => p.id.toHex());
}

/** The account that authored block `hash` (its Aura slot over the session's validators). */
async function authorOf(api, hash) {
  return (await api.derive.chain.getHeader(hash)).author?.toString();
}

/** The first block of the session after next, for a validator change made in block `number`. */
function effectiveFrom(number) {
  return (Math.floor(number / state.sessionLength) + 2) * state.sessionLength;
}

spec('an operator makes session keys in a fresh node and registers them from the validator account', async () => {
  const { network } = ctx;
  const api = ctx.apis.alice;
  state.sealedByEve = watchLog(network.nodes.eve, /Pre-sealed block for proposal at (\d+)\./);
  state.sessionLength = api.consts.validatorSet.minSessionLength.toNumber();
  assert.equal(state.sessionLength, 5);
  // Shorter sessions make the rest of the file faster; the first block can take both calls.
  const shortened = governed(api, api.tx.validatorSet.setSessionLength(state.sessionLength), network);

  // The `owner` is the SCALE encoding of Eve's AccountId: her 32-byte public key.
  const owner = api.createType('AccountId', eve.address).toHex();
  assert.equal(owner, `0x${Buffer.from(eve.publicKey).toString('hex')}`);
  const { keys, proof } = await azraRpc(ctx.apis.eve, 'author_rotateKeysWithOwner', [owner]);
  assert.match(keys, /^0x[0-9a-f]{128}$/, 'an Aura and a GRANDPA key, 32 bytes each');
  assert.equal(await azraRpc(ctx.apis.eve, 'author_hasSessionKeys', [keys]), true);
  state.keys = keys;
  state.proof = proof;

  const account = await api.query.system.account(eve.address);
  state.reservedBefore = account.data.reserved.toBigInt();
  const { blockHash } = await submitAndWatch(api, api.tx.session.setKeys(keys, proof), eve, network);
  const at = await api.at(blockHash);
  const nextKeys = await at.query.session.nextKeys(eve.address);
  assert.ok(nextKeys.isSome, 'session.nextKeys(eve) is set');
  assert.equal(nextKeys.unwrap().toHex(), keys);
  state.auraKey = nextKeys.unwrap().aura.toHex();
  state.grandpaKey = nextKeys.unwrap().grandpa.toHex();
  const deposit = api.consts.session.keyDeposit.toBigInt();
  assert.ok(deposit > 0n);
  const reserved = (await at.query.system.account(eve.address)).data.reserved.toBigInt();
  assert.equal(reserved, state.reservedBefore + deposit);
  const holds = (await at.query.balances.holds(eve.address))
    .map((hold) => [JSON.stringify(hold.id.toJSON()), hold.amount.toBigInt()]);
  assert.deepEqual(holds, [['{"session":"Keys"}', deposit]]);

  eventOf(await shortened, 'validatorSet', 'SessionLengthSet');
  assert.equal((await api.query.validatorSet.sessionLength()).toNumber(), state.sessionLength);
});

spec('governance adds Eve to the planned set', async () => {
  const api = ctx.apis.alice;
  const { number, blockHash, events } = await governedAt(api, api.tx.validatorSet.addValidator(eve.address));
  assert.equal(eventOf(events, 'validatorSet', 'ValidatorAdded').who.toString(), eve.address);
  const at = await api.at(blockHash);
  assert.deepEqual(
    (await at.query.validatorSet.validators()).map(String).sort(),
    [...GENESIS_VALIDATORS, eve.address].sort(),
  );
  assert.ok(!(await sessionValidators(at)).includes(eve.address), 'not active yet');
  assert.equal(await metric(ctx.network.nodes.eve, PRECOMMITS), 0, 'Eve does not vote yet');
  state.addedSession = (await at.query.session.currentIndex()).toNumber();
  state.joinsAt = effectiveFrom(number);
  console.log(`# ${elapsed()}: Eve added in block ${number} (session ${state.addedSession}), `
    + `active from block ${state.joinsAt}`);
});

spec('only governance adds validators, and only accounts that registered their own session keys', async () => {
  const { network } = ctx;
  const api = ctx.apis.alice;
  await Promise.all([
    (async () => {
      await assert.rejects(
        submitAndWatch(api, api.tx.validatorSet.addValidator(ferdie.address), ferdie, network),
        (err) => /badorigin/i.test(err.dispatchError ?? ''),
      );
      // Eve's keys with Eve's proof do not become Ferdie's: the proof names its owner.
      await assert.rejects(
        submitAndWatch(api, api.tx.session.setKeys(state.keys, state.proof), ferdie, network),
        (err) => err.dispatchError === 'session.InvalidProof',
      );
    })(),
    (async () => {
      await assert.rejects(
        governed(api, api.tx.validatorSet.addValidator(ferdie.address), network),
        (err) => err.dispatchError === 'validatorSet.NoSessionKeys',
      );
      await assert.rejects(
        governed(api, api.tx.validatorSet.addValidator(eve.address), network),
        (err) => err.dispatchError === 'validatorSet.AlreadyValidator',
      );
    })(),
  ]);
  assert.ok((await api.query.session.nextKeys(ferdie.address)).isNone);
  assert.ok(!(await api.query.validatorSet.validators()).map(String).includes(ferdie.address));
});

spec('two sessions later Eve authors a block, lastAuthored records it, and five voters finalize it', async () => {
  const { network } = ctx;
  const api = ctx.apis.alice;
  const best = (await api.rpc.chain.getHeader()).number.toNumber();
  await waitForState(
    api, `session.validators to include Eve (expected from block ${state.joinsAt})`,
    async (at) => (await sessionValidators(at)).includes(eve.address),
    blocksMs(state.joinsAt - best),
  );
  // It happens exactly at the documented block, with the session after next.
  const joined = await stateAt(api, state.joinsAt);
  assert.deepEqual((await sessionValidators(joined)).sort(), [...GENESIS_VALIDATORS, eve.address].sort());
  assert.ok(!(await sessionValidators(await stateAt(api, state.joinsAt - 1))).includes(eve.address));
  assert.equal((await joined.query.session.currentIndex()).toNumber(), state.addedSession + 2);
  const { aura, grandpa } = await authorities(joined);
  assert.equal(aura.length, 5);
  assert.ok(aura.includes(state.auraKey), "Eve's Aura key authors");
  assert.equal(grandpa.length, 5);
  assert.ok(grandpa.includes(state.grandpaKey), "Eve's GRANDPA key votes");

  // lastAuthored(eve) becomes set when she authors, and stays set even if a head is missed.
  await waitForState(
    api, 'a block authored by Eve (validatorSet.lastAuthored(eve) set)',
    async (at) => (await at.query.validatorSet.lastAuthored(eve.address)).isSome,
    blocksMs(2 * state.sessionLength),
  );
  const number = (await api.query.validatorSet.lastAuthored(eve.address)).unwrap().toNumber();
  const hash = (await api.rpc.chain.getBlockHash(number)).toHex();
  assert.equal(await authorOf(api, hash), eve.address);
  assert.ok(number > state.joinsAt, 'authored with the five-validator set');
  assert.ok(state.sealedByEve.some((m) => Number(m[1]) === number), "Eve's node logged sealing the block");
  console.log(`# ${elapsed()}: Eve authored block ${number}`);

  // Governance removes Eve now, in the session she authored in, so that she leaves as early
  // as possible; the next test checks the removal.
  state.removal = governedAt(api, api.tx.validatorSet.removeValidator(eve.address));
  state.removal.catch(() => {});

  const { finalized } = await waitForBlocks(api, network, { best: 0, finalized: number }, blocksMs(5));
  assert.equal((await api.rpc.chain.getBlockHash(number)).toHex(), hash, "Eve's block is final");
  const finalizedAt = await stateAt(api, finalized);
  assert.ok((await authorities(finalizedAt)).grandpa.includes(state.grandpaKey));
  // Finality needs four of the five votes; Eve's node says it casts its own.
  await withTimeout(
    (async () => {
      while ((await metric(network.nodes.eve, PRECOMMITS)) === 0) await new Promise((r) => setTimeout(r, 500));
    })(),
    blocksMs(2), "Eve's node to cast a GRANDPA precommit", network,
  );
});

spec('two sessions after governance removes her, Eve is no longer an active validator', async () => {
  const api = ctx.apis.alice;
  const { number, blockHash, events } = await state.removal;
  assert.equal(eventOf(events, 'validatorSet', 'ValidatorRemoved').who.toString(), eve.address);
  const at = await api.at(blockHash);
  assert.ok((await at.query.validatorSet.lastAuthored(eve.address)).isNone, 'lastAuthored goes with her');
  assert.ok(!(await at.query.validatorSet.validators()).map(String).includes(eve.address));
  state.leavesAt = effectiveFrom(number);
  console.log(`# ${elapsed()}: Eve removed in block ${number}; inactive from block ${state.leavesAt}`);

  await waitForState(
    api, `session.validators to exclude Eve (expected from block ${state.leavesAt})`,
    async (state_) => !(await sessionValidators(state_)).includes(eve.address),
    blocksMs(state.leavesAt - number),
  );
  const left = await stateAt(api, state.leavesAt);
  assert.deepEqual((await sessionValidators(left)).sort(), [...GENESIS_VALIDATORS].sort());
  assert.ok((await sessionValidators(await stateAt(api, state.leavesAt - 1))).includes(eve.address));
  // Blocks she authored after her removal are not recorded: she is not in the planned set.
  assert.ok((await left.query.validatorSet.lastAuthored(eve.address)).isNone);
  const { aura, grandpa } = await authorities(left);
  assert.equal(aura.length, 4);
  assert.ok(!aura.includes(state.auraKey));
  assert.equal(grandpa.length, 4);
  assert.ok(!grandpa.includes(state.grandpaKey));
});

spec('Eve purges her session keys and gets her key deposit back', async () => {
  const { network } = ctx;
  const api = ctx.apis.alice;
  const { blockHash, events } = await submitAndWatch(api, api.tx.session.purgeKeys(), eve, network);
  const fee = eventOf(events, 'transactionPayment', 'TransactionFeePaid').actualFee.toBigInt();
  const at = await api.at(blockHash);
  const { parentHash } = await api.rpc.chain.getHeader(blockHash);
  const before = (await (await api.at(parentHash)).query.system.account(eve.address)).data;
  const after = (await at.query.system.account(eve.address)).data;
  const deposit = api.consts.session.keyDeposit.toBigInt();
  assert.equal(after.reserved.toBigInt(), state.reservedBefore);
  assert.equal(after.free.toBigInt(), before.free.toBigInt() + deposit - fee);
  assert.equal((await at.query.balances.holds(eve.address)).length, 0);
  assert.ok((await at.query.session.nextKeys(eve.address)).isNone);
});

spec('for a session after leaving, Eve authors and votes no more; the four others keep finalizing', async () => {
  const { network } = ctx;
  const api = ctx.apis.alice;
  // Block `leavesAt` is still authored by the set of its parent, which holds Eve, and
  // finalized by the five voters: it changes GRANDPA's set, so nodes keep its justification.
  const fiveVoters = (await authorities(await stateAt(api, state.leavesAt - 1))).grandpa;
  // Eve's node stops voting once it has finalized that block.
  await waitForBlocks(ctx.apis.eve, network, { best: 0, finalized: state.leavesAt + 1 }, blocksMs(4));
  const precommits = await metric(network.nodes.eve, PRECOMMITS);

  // Finality trails the best block by about two blocks here: wait for that, not for more.
  const last = state.leavesAt + QUIET_SESSIONS * state.sessionLength - 1;
  const best = (await api.rpc.chain.getHeader()).number.toNumber();
  await waitForBlocks(api, network, { best: last, finalized: last - 2 }, blocksMs(last - best + 2));
  for (let n = state.leavesAt + 1; n <= last; n += 1) {
    const author = await authorOf(api, await api.rpc.chain.getBlockHash(n));
    assert.ok(GENESIS_VALIDATORS.includes(author), `block ${n}: authored by ${author}, a genesis validator`);
  }
  const sealed = state.sealedByEve.map((m) => Number(m[1]));
  assert.deepEqual(sealed.filter((n) => n > state.leavesAt), [], "Eve's node sealed no block after leaving");
  assert.equal(await metric(network.nodes.eve, PRECOMMITS), precommits, "Eve's node cast no precommit since");
  const signers = await precommitters(api, state.leavesAt);
  assert.ok(signers && signers.length >= 4, `four of five precommits justify block ${state.leavesAt}`);
  assert.ok(signers.every((key) => fiveVoters.includes(key)));
  const finalizedAt = await api.at(await api.rpc.chain.getFinalizedHead());
  const fourVoters = fiveVoters.filter((key) => key !== state.grandpaKey);
  assert.deepEqual((await authorities(finalizedAt)).grandpa, fourVoters);
  console.log(`# ${elapsed()}: Eve's node sealed blocks ${sealed.join(', ')} and cast ${precommits} precommits; `
    + `${signers.length} precommits justify block ${state.leavesAt}`);
});
