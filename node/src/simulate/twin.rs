//! The twin: AzraCode's real runtime, run natively block after block, without consensus or
//! networking.
//!
//! Genesis comes from the runtime's own `dev` preset. Every block is opened and closed by
//! `Executive` with an Aura slot and a timestamp, as a node's block builder would, and
//! [`Twin::apply`] applies signed extrinsics through `Executive`: fees, nonces, weights, the
//! burn, the attestation (real DCAP verification of dev-PKI quotes) and the mint all run as
//! they do on chain. State lives in memory; each block's changes are committed to the in-memory
//! trie so that computing the next state root costs that block's changes, not the run's.

use crate::provider::chain::sign;
use azra_runtime::{
	genesis_config_presets, AccountId, Executive, Header, Nonce, RuntimeCall, RuntimeGenesisConfig,
	System, UncheckedExtrinsic, SLOT_DURATION, VERSION,
};
use codec::Encode;
use sp_consensus_aura::{Slot, AURA_ENGINE_ID};
use sp_core::{sr25519, Pair, H256};
use sp_runtime::{
	traits::Header as _,
	transaction_validity::{InvalidTransaction, TransactionValidityError},
	BuildStorage, Digest, DigestItem, DispatchError,
};
use sp_state_machine::TrieBackendBuilder;
use sp_trie::cache::{CacheSize, SharedTrieCache};

/// Unix time of the twin's first block: 2026-01-01 00:00:00 UTC, in milliseconds.
pub const START_MILLIS: u64 = 1_767_225_600_000;

/// Size of the trie cache (a tenth faster on the `scale` run than none).
const TRIE_CACHE_BYTES: usize = 128 * 1024 * 1024;

/// Blocks between purges of unreferenced trie nodes.
const PURGE_EVERY: u32 = 100;

/// An account the simulation signs for, with the nonce of its next extrinsic.
pub struct Signer {
	pair: sr25519::Pair,
	/// Its account on chain.
	pub account: AccountId,
	nonce: Nonce,
}

impl Signer {
	/// The account of secret URI `uri` (e.g. `//sim/provider/3`).
	pub fn from_uri(uri: &str) -> Self {
		// Only derivation paths the simulation writes itself come here, and every such
		// path is a valid secret URI.
		let pair = sr25519::Pair::from_string(uri, None)
			.unwrap_or_else(|e| panic!("`{uri}` is a valid secret URI: {e:?}"));
		Self { account: pair.public().into(), pair, nonce: 0 }
	}
}

/// What happened to an extrinsic.
#[derive(Debug, PartialEq)]
pub enum Applied {
	/// Included, and its call succeeded.
	Done,
	/// Included (fee paid, nonce used), but its call failed.
	Failed(DispatchError),
	/// The block is full: try again in the next one.
	BlockFull,
	/// Refused outright (bad nonce, cannot pay the fee, …); nothing changed.
	Invalid(TransactionValidityError),
}

/// The runtime and its state, between or inside blocks.
pub struct Twin {
	ext: sp_io::TestExternalities,
	/// Hash of the genesis block: what signatures, registrations and work proofs commit to.
	genesis: H256,
	/// Trie nodes and values read recently: what a node's state cache is, so that reads of
	/// hot items (the ledger, balances, tallies) do not walk the trie each time.
	cache: SharedTrieCache<sp_core::Blake2Hasher>,
	parent_hash: H256,
	number: u32,
	/// Slot of the last block; the next block takes the next slot.
	slot: u64,
}

impl Twin {
	/// A twin started from the `dev` preset, changed by `adjust` (extra endowments,
	/// parameter overrides) before the genesis state is built.
	pub fn from_dev_preset(adjust: impl FnOnce(&mut RuntimeGenesisConfig)) -> Result<Self, String> {
		let patch =
			genesis_config_presets::get_preset(&sp_genesis_builder::DEV_RUNTIME_PRESET.into())
				.ok_or("the runtime has no dev preset")?;
		let mut config = serde_json::to_value(RuntimeGenesisConfig::default())
			.map_err(|e| format!("default genesis: {e}"))?;
		let patch: serde_json::Value =
			serde_json::from_slice(&patch).map_err(|e| format!("dev preset: {e}"))?;
		sc_chain_spec::json_merge(&mut config, patch);
		let mut config: RuntimeGenesisConfig =
			serde_json::from_value(config).map_err(|e| format!("dev preset: {e}"))?;
		adjust(&mut config);
		let mut ext: sp_io::TestExternalities = config.build_storage()?.into();
		// Block 1's parent is the genesis block: the hash genesis stored for block 0, which
		// registrations and work proofs commit to.
		let genesis = ext.execute_with(|| H256::from_slice(System::block_hash(0).as_ref()));
		let mut twin = Self {
			ext,
			genesis,
			cache: SharedTrieCache::new(CacheSize::new(TRIE_CACHE_BYTES), None),
			parent_hash: genesis,
			number: 0,
			slot: START_MILLIS / SLOT_DURATION - 1,
		};
		twin.attach_cache();
		Ok(twin)
	}

	/// Runs `f` against the current state (inside the open block, if one is open).
	pub fn with<R>(&mut self, f: impl FnOnce() -> R) -> R {
		self.ext.execute_with(f)
	}

	/// Number of the last block started.
	pub fn block_number(&self) -> u32 {
		self.number
	}

	/// Opens the next block in the next Aura slot and applies its timestamp inherent.
	pub fn start_block(&mut self) -> Result<(), String> {
		self.number += 1;
		self.slot += 1;
		let (number, slot, parent) = (self.number, self.slot, self.parent_hash);
		self.ext.execute_with(|| {
			let digest = Digest {
				logs: vec![DigestItem::PreRuntime(AURA_ENGINE_ID, Slot::from(slot).encode())],
			};
			Executive::initialize_block(&Header::new(
				number,
				Default::default(),
				Default::default(),
				parent,
				digest,
			));
			let now = slot * SLOT_DURATION;
			let timestamp =
				UncheckedExtrinsic::new_bare(RuntimeCall::Timestamp(pallet_timestamp::Call::set {
					now,
				}));
			match Executive::apply_extrinsic(timestamp) {
				Ok(Ok(())) => {}
				other => return Err(format!("block {number}: timestamp inherent: {other:?}")),
			}
			Executive::inherents_applied();
			Ok(())
		})
	}

	/// Applies `call` signed by `signer`, as the next extrinsic of the open block.
	pub fn apply(&mut self, signer: &mut Signer, call: RuntimeCall) -> Applied {
		let xt = sign(
			&signer.pair,
			call,
			signer.nonce,
			self.genesis,
			VERSION.spec_version,
			VERSION.transaction_version,
		);
		match self.ext.execute_with(|| Executive::apply_extrinsic(xt)) {
			Ok(result) => {
				signer.nonce += 1;
				match result {
					Ok(()) => Applied::Done,
					Err(error) => Applied::Failed(error),
				}
			}
			Err(TransactionValidityError::Invalid(InvalidTransaction::ExhaustsResources)) => {
				Applied::BlockFull
			}
			Err(error) => Applied::Invalid(error),
		}
	}

	/// Closes the open block and commits its changes.
	pub fn end_block(&mut self) {
		let header = self.ext.execute_with(Executive::finalize_block);
		self.parent_hash = header.hash();
		self.ext.commit_all().expect("an in-memory trie takes every commit");
		// Trie nodes no block references any more stay in memory until purged: a long run
		// would otherwise keep every state it passed through.
		if self.number.is_multiple_of(PURGE_EVERY) {
			self.ext.backend.backend_storage_mut().purge();
		}
		self.attach_cache();
	}

	/// Gives the backend a fresh local view of the shared cache, as a node does for each
	/// block: committing rebuilt the backend without one, and the previous local cache
	/// hands what it learnt to the shared one when dropped.
	fn attach_cache(&mut self) {
		let root = *self.ext.backend.root();
		let storage = std::mem::take(&mut self.ext.backend).into_storage();
		self.ext.backend = TrieBackendBuilder::new(storage, root)
			.with_cache(self.cache.local_cache_trusted())
			.build();
	}

	/// The chain's genesis hash as the runtime sees it (what registrations and work proofs
	/// commit to).
	pub fn genesis_hash(&self) -> H256 {
		self.genesis
	}
}

#[cfg(test)]
mod tests {
	use super::*;
	use azra_runtime::{Balances, BalancesCall, UNIT};
	use frame_support::traits::fungible::Inspect;

	#[test]
	fn blocks_advance_and_signed_transfers_go_through_executive() {
		let mut alice = Signer::from_uri("//Alice");
		let bob = Signer::from_uri("//Bob");
		let mut twin = Twin::from_dev_preset(|_| {}).unwrap();
		let before = twin.with(|| Balances::balance(&bob.account));
		for _ in 0..3 {
			twin.start_block().unwrap();
			let call = RuntimeCall::Balances(BalancesCall::transfer_keep_alive {
				dest: bob.account.clone().into(),
				value: UNIT,
			});
			assert_eq!(twin.apply(&mut alice, call), Applied::Done);
			twin.end_block();
		}
		assert_eq!(twin.block_number(), 3);
		assert_eq!(twin.with(|| Balances::balance(&bob.account)), before + 3 * UNIT);
		assert_eq!(twin.with(System::block_number), 3);

		// A replayed nonce is refused, and nothing moves.
		twin.start_block().unwrap();
		alice.nonce = 0;
		let call = RuntimeCall::Balances(BalancesCall::transfer_keep_alive {
			dest: bob.account.clone().into(),
			value: UNIT,
		});
		assert!(matches!(twin.apply(&mut alice, call), Applied::Invalid(_)));
		twin.end_block();
		assert_eq!(twin.with(|| Balances::balance(&bob.account)), before + 3 * UNIT);
	}
}
