// A light client (smoldot, from npm) syncs a dev node from the chain spec the node exports,
// and reads what a wallet or dashboard needs with proofs: a balance from storage, and the
// supply figures of `azra_supply` through the runtime API `AzraEconomicsApi_supply`, which
// runs without the DCAP host function. It must agree with the full node at the same block.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { Keyring } from '@polkadot/keyring';
import { u8aToHex } from '@polkadot/util';
import { blake2AsU8a, xxhashAsU8a } from '@polkadot/util-crypto';
import { start } from 'smoldot';
import { nodeBinary, useDevNode, waitForBlocks, withTimeout } from './lib/devnode.mjs';

const ctx = useDevNode();
const spec = ctx.spec;

/** The dev chain's raw spec as `azra-node export-chain-spec` writes it, booting from `bootNode`. */
function exportedSpec(bootNode) {
  const run = spawnSync(nodeBinary(), ['export-chain-spec', '--chain', 'dev', '--raw'], {
    encoding: 'utf8', timeout: 60_000, maxBuffer: 64 * 1024 * 1024,
  });
  assert.equal(run.status, 0, `${run.stdout}${run.stderr}`.slice(-2000));
  const chainSpec = JSON.parse(run.stdout);
  chainSpec.bootNodes = [bootNode];
  return JSON.stringify(chainSpec);
}

/** A JSON-RPC client over a smoldot chain: `call(method, params)` resolves with the result. */
function lightRpc(chain) {
  let nextId = 1;
  const pending = new Map();
  (async () => {
    for (;;) {
      let message;
      try {
        message = JSON.parse(await chain.nextJsonRpcResponse());
      } catch {
        return; // the chain was removed
      }
      const waiter = pending.get(message.id);
      if (!waiter) continue;
      pending.delete(message.id);
      if (message.error) waiter.reject(new Error(`${JSON.stringify(message.error)}`));
      else waiter.resolve(message.result);
    }
  })();
  return (method, params = []) => new Promise((resolve, reject) => {
    const id = nextId++;
    pending.set(id, { resolve, reject });
    chain.sendJsonRpc(JSON.stringify({ jsonrpc: '2.0', id, method, params }));
  });
}

/** `System.Account(who)`'s storage key. */
function accountKey(publicKey) {
  const prefix = [...xxhashAsU8a('System', 128), ...xxhashAsU8a('Account', 128)];
  return u8aToHex(new Uint8Array([...prefix, ...blake2AsU8a(publicKey, 128), ...publicKey]));
}

spec('smoldot syncs the dev chain and reads a balance and the supply with proofs', async () => {
  const { api, devNode } = ctx;
  await waitForBlocks(api, devNode, { best: 2, finalized: 1 });
  const peerId = (await api.rpc.system.localPeerId()).toString();
  const bootNode = `/ip4/127.0.0.1/tcp/${devNode.p2pPort}/p2p/${peerId}`;

  const warnings = [];
  const client = start({
    maxLogLevel: 3,
    logCallback: (level, target, message) => { if (level <= 2) warnings.push(`${target}: ${message}`); },
  });
  try {
    const chain = await client.addChain({ chainSpec: exportedSpec(bootNode) });
    const rpc = lightRpc(chain);

    // Synced: the light client's finalized head is one the full node finalized too.
    const synced = (async () => {
      for (;;) {
        const header = await rpc('chain_getHeader', [await rpc('chain_getFinalizedHead')]);
        if (parseInt(header.number, 16) >= 1) return header;
        await new Promise((resolve) => setTimeout(resolve, 1_000));
      }
    })();
    await withTimeout(synced, 90_000, 'the light client to finalize a block', devNode);
    const at = await rpc('chain_getFinalizedHead');
    assert.equal((await api.rpc.chain.getBlockHash(
      parseInt((await rpc('chain_getHeader', [at])).number, 16),
    )).toHex(), at, 'the light client follows the full node\'s chain');

    // A balance, read from storage with a proof.
    const alice = new Keyring({ type: 'sr25519' }).addFromUri('//Alice');
    const key = accountKey(alice.publicKey);
    const lightAccount = await rpc('state_getStorage', [key, at]);
    const fullAccount = (await api.rpc.state.getStorage(key, at)).toHex();
    assert.equal(lightAccount, fullAccount);
    const free = api.createType('AccountInfo', lightAccount).data.free.toBigInt();
    assert.equal(free, (await (await api.at(at)).query.system.account(alice.address)).data.free.toBigInt());
    assert.ok(free > 0n);

    // `azra_supply`'s figures, through the runtime API (executed by the light client on
    // proven state; it needs no DCAP host function).
    const lightSupply = await rpc('state_call', ['AzraEconomicsApi_supply', '0x', at]);
    const fullSupply = (await api.rpc.state.call('AzraEconomicsApi_supply', '0x', at)).toHex();
    assert.equal(lightSupply, fullSupply);
    const supply = await api.call.azraEconomicsApi.supply();
    assert.ok(supply.totalIssuance.toBigInt() > 0n);
  } finally {
    client.terminate().catch(() => {});
  }
  // smoldot says it cannot resolve the DCAP host function and carries on (docs/rpc.md,
  // "Light clients"): only registration and collateral calls need it.
  for (const warning of warnings) console.log(`smoldot: ${warning}`);
});
