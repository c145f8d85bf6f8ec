// Helpers the AzraCode e2e tests share: the dev enclave CLI, events, governance (sudo on dev
// chains, the council everywhere), azra_* RPC.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { Keyring } from '@polkadot/keyring';
import { nodeBinary, submitAndWatch } from './devnode.mjs';

/** Runs `azra-node dev-enclave <args>` and parses its JSON. */
export function devEnclave(...args) {
  return JSON.parse(execFileSync(nodeBinary(), ['dev-enclave', ...args], { encoding: 'utf8' }));
}

/** The first event of `section.method` among `events`, or a failed assertion. */
export function eventOf(events, section, method) {
  const found = events.find(({ event }) => event.section === section && event.method === method);
  assert.ok(found, `a ${section}.${method} event`);
  return found.event.data;
}

/** Calls an `azra_*` RPC method over the API's WebSocket. */
export function azraRpc(api, method, params = []) {
  return api._rpcCore.provider.send(method, params);
}

/**
 * Dispatches `call` as governance (the dev chains' sudo key, Alice). Resolves with the
 * events; rejects with `err.dispatchError` naming the pallet error if the call failed.
 */
export async function governed(api, call, devNode) {
  const governance = new Keyring({ type: 'sr25519', ss58Format: 4242 }).addFromUri('//Alice');
  const { events } = await submitAndWatch(api, api.tx.sudo.sudo(call), governance, devNode);
  const result = eventOf(events, 'sudo', 'Sudid').sudoResult;
  if (result.isErr) {
    const meta = api.registry.findMetaError(result.asErr.asModule);
    const err = new Error(`governance call failed: ${meta.section}.${meta.name}`);
    err.dispatchError = `${meta.section}.${meta.name}`;
    throw err;
  }
  return events;
}

/**
 * The council (Alice, Bob, Charlie on the presets) passes a motion to announce `call`:
 * Alice proposes it with a threshold of two, Alice and Bob vote aye, Alice closes it.
 * Resolves with the `enactment.Announced` event's data (`index`, `callHash`, `enactAt`);
 * the call itself runs as Root only at `enactAt`.
 */
export async function councilAnnounces(api, call, devNode) {
  const keyring = new Keyring({ type: 'sr25519', ss58Format: 4242 });
  const [alice, bob] = [keyring.addFromUri('//Alice'), keyring.addFromUri('//Bob')];
  const motion = api.tx.enactment.announce(call);
  const length = motion.method.encodedLength;
  const { events } = await submitAndWatch(api, api.tx.council.propose(2, motion.method, length), alice, devNode);
  const { proposalIndex, proposalHash } = eventOf(events, 'council', 'Proposed');
  for (const member of [alice, bob]) {
    await submitAndWatch(api, api.tx.council.vote(proposalHash, proposalIndex, true), member, devNode);
  }
  const weight = (await api.call.transactionPaymentCallApi.queryCallInfo(motion.method, length)).weight;
  const closed = await submitAndWatch(
    api, api.tx.council.close(proposalHash, proposalIndex, weight, length), alice, devNode,
  );
  const executed = eventOf(closed.events, 'council', 'Executed');
  assert.ok(executed.result.isOk, `the motion ran: ${executed.result.toString()}`);
  return eventOf(closed.events, 'enactment', 'Announced');
}
