
//! Weights for `pallet_mint`, measured — do not edit by hand.
//!
//! Regenerate with `scripts/bench.sh` (see docs/development.md).
//! Benchmark CLI 64.0.0, 2026-11-24; steps 50, repeat 20;
//! chain `Some("dev")`, Wasm execution `Compiled`, DB cache 1024 MiB;
//! measured on `vm` (`AMD EPYC`).
//!
//! Command:
//!   /root/.cache/azra-target/release/azra-node
//!   benchmark
//!   pallet
//!   --chain
//!   dev
//!   --pallet
//!   pallet_mint
//!   --extrinsic
//!   *
//!   --steps
//!   50
//!   --repeat
//!   20
//!   --wasm-execution
//!   compiled
//!   --heap-pages
//!   4096
//!   --template
//!   scripts/weights-template.hbs
//!   --output
//!   pallets/mint/src/weights.rs

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use core::marker::PhantomData;
use frame_support::{
	traits::Get,
	weights::{constants::RocksDbWeight, Weight},
};

/// What each of `pallet_mint`'s calls and hooks costs.
pub trait WeightInfo {
	fn submit_work() -> Weight;
	fn claim_rewards(n: u32, ) -> Weight;
	fn set_parameters() -> Weight;
	fn on_initialize_idle() -> Weight;
	fn on_initialize_close_epoch() -> Weight;
}

/// Measured weights, priced with the runtime's own database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	/// Storage: `Burn::Builds` (r:1 w:1)
	/// Proof: `Burn::Builds` (`max_values`: None, `max_size`: Some(251), added: 2726, mode: `MaxEncodedLen`)
	/// Storage: `Mint::CurrentEpoch` (r:1 w:0)
	/// Proof: `Mint::CurrentEpoch` (`max_values`: Some(1), `max_size`: Some(12), added: 507, mode: `MaxEncodedLen`)
	/// Storage: `Mint::EpochTallies` (r:1 w:1)
	/// Proof: `Mint::EpochTallies` (`max_values`: None, `max_size`: Some(24), added: 2499, mode: `MaxEncodedLen`)
	/// Storage: `Mint::Points` (r:1 w:1)
	/// Proof: `Mint::Points` (`max_values`: None, `max_size`: Some(69), added: 2544, mode: `MaxEncodedLen`)
	/// Storage: `Attestation::ProviderEnclaves` (r:1 w:0)
	/// Proof: `Attestation::ProviderEnclaves` (`max_values`: None, `max_size`: Some(181), added: 2656, mode: `MaxEncodedLen`)
	/// Storage: `Attestation::Enclaves` (r:1 w:0)
	/// Proof: `Attestation::Enclaves` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Attestation::Measurements` (r:1 w:0)
	/// Proof: `Attestation::Measurements` (`max_values`: None, `max_size`: Some(278), added: 2753, mode: `MaxEncodedLen`)
	/// Storage: `Attestation::AcceptedTcbStatuses` (r:1 w:0)
	/// Proof: `Attestation::AcceptedTcbStatuses` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Burn::LiveBuildsOf` (r:1 w:1)
	/// Proof: `Burn::LiveBuildsOf` (`max_values`: None, `max_size`: Some(177), added: 2652, mode: `MaxEncodedLen`)
	fn submit_work() -> Weight {
		// Proof size (bytes): measured `1007`, estimated `3743`.
		// Fastest run: 104_104_000 ps.
		Weight::from_parts(117_794_000, 3743)
			.saturating_add(T::DbWeight::get().reads(9))
			.saturating_add(T::DbWeight::get().writes(4))
	}
	/// Storage: `Mint::EpochRecords` (r:16 w:16)
	/// Proof: `Mint::EpochRecords` (`max_values`: None, `max_size`: Some(146), added: 2621, mode: `MaxEncodedLen`)
	/// Storage: `Mint::Points` (r:16 w:16)
	/// Proof: `Mint::Points` (`max_values`: None, `max_size`: Some(69), added: 2544, mode: `MaxEncodedLen`)
	/// Storage: `Mint::TotalMinted` (r:1 w:1)
	/// Proof: `Mint::TotalMinted` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Component `n` ranges over `[1, 16]`.
	fn claim_rewards(n: u32, ) -> Weight {
		// Proof size (bytes): measured `265`, estimated `1501`.
		// Fastest run: 44_867_000 ps.
		Weight::from_parts(13_836_947, 1501)
			.saturating_add(Weight::from_parts(33_145_628, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(1))
			.saturating_add(T::DbWeight::get().reads((2_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(1))
			.saturating_add(T::DbWeight::get().writes((2_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 2621).saturating_mul(n.into()))
	}
	/// Storage: `Mint::CurrentEpoch` (r:1 w:0)
	/// Proof: `Mint::CurrentEpoch` (`max_values`: Some(1), `max_size`: Some(12), added: 507, mode: `MaxEncodedLen`)
	/// Storage: `Mint::ParametersBaseline` (r:1 w:1)
	/// Proof: `Mint::ParametersBaseline` (`max_values`: Some(1), `max_size`: Some(60), added: 555, mode: `MaxEncodedLen`)
	/// Storage: `Mint::Parameters` (r:1 w:1)
	/// Proof: `Mint::Parameters` (`max_values`: Some(1), `max_size`: Some(56), added: 551, mode: `MaxEncodedLen`)
	fn set_parameters() -> Weight {
		// Proof size (bytes): measured `167`, estimated `1545`.
		// Fastest run: 13_390_000 ps.
		Weight::from_parts(14_541_000, 1545)
			.saturating_add(T::DbWeight::get().reads(3))
			.saturating_add(T::DbWeight::get().writes(2))
	}
	/// Storage: `Mint::CurrentEpoch` (r:1 w:0)
	/// Proof: `Mint::CurrentEpoch` (`max_values`: Some(1), `max_size`: Some(12), added: 507, mode: `MaxEncodedLen`)
	fn on_initialize_idle() -> Weight {
		// Proof size (bytes): measured `119`, estimated `1497`.
		// Fastest run: 2_413_000 ps.
		Weight::from_parts(2_725_000, 1497)
			.saturating_add(T::DbWeight::get().reads(1))
	}
	/// Storage: `Mint::CurrentEpoch` (r:1 w:1)
	/// Proof: `Mint::CurrentEpoch` (`max_values`: Some(1), `max_size`: Some(12), added: 507, mode: `MaxEncodedLen`)
	/// Storage: `Mint::Parameters` (r:1 w:0)
	/// Proof: `Mint::Parameters` (`max_values`: Some(1), `max_size`: Some(56), added: 551, mode: `MaxEncodedLen`)
	/// Storage: `Burn::BurnedPerEpoch` (r:1 w:0)
	/// Proof: `Burn::BurnedPerEpoch` (`max_values`: None, `max_size`: Some(28), added: 2503, mode: `MaxEncodedLen`)
	/// Storage: `Mint::SmoothedBurn` (r:1 w:1)
	/// Proof: `Mint::SmoothedBurn` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Mint::EpochTallies` (r:1 w:1)
	/// Proof: `Mint::EpochTallies` (`max_values`: None, `max_size`: Some(24), added: 2499, mode: `MaxEncodedLen`)
	/// Storage: `Mint::EpochRefunds` (r:1 w:1)
	/// Proof: `Mint::EpochRefunds` (`max_values`: None, `max_size`: Some(28), added: 2503, mode: `MaxEncodedLen`)
	/// Storage: `Mint::EpochRecords` (r:0 w:1)
	/// Proof: `Mint::EpochRecords` (`max_values`: None, `max_size`: Some(146), added: 2621, mode: `MaxEncodedLen`)
	fn on_initialize_close_epoch() -> Weight {
		// Proof size (bytes): measured `308`, estimated `3493`.
		// Fastest run: 26_269_000 ps.
		Weight::from_parts(28_252_000, 3493)
			.saturating_add(T::DbWeight::get().reads(6))
			.saturating_add(T::DbWeight::get().writes(5))
	}
}

/// The same measurements for tests and mocks, priced with RocksDB's reference weights.
impl WeightInfo for () {
	fn submit_work() -> Weight {
		Weight::from_parts(117_794_000, 3743)
			.saturating_add(RocksDbWeight::get().reads(9))
			.saturating_add(RocksDbWeight::get().writes(4))
	}
	fn claim_rewards(n: u32, ) -> Weight {
		Weight::from_parts(13_836_947, 1501)
			.saturating_add(Weight::from_parts(33_145_628, 0).saturating_mul(n.into()))
			.saturating_add(RocksDbWeight::get().reads(1))
			.saturating_add(RocksDbWeight::get().reads((2_u64).saturating_mul(n.into())))
			.saturating_add(RocksDbWeight::get().writes(1))
			.saturating_add(RocksDbWeight::get().writes((2_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 2621).saturating_mul(n.into()))
	}
	fn set_parameters() -> Weight {
		Weight::from_parts(14_541_000, 1545)
			.saturating_add(RocksDbWeight::get().reads(3))
			.saturating_add(RocksDbWeight::get().writes(2))
	}
	fn on_initialize_idle() -> Weight {
		Weight::from_parts(2_725_000, 1497)
			.saturating_add(RocksDbWeight::get().reads(1))
	}
	fn on_initialize_close_epoch() -> Weight {
		Weight::from_parts(28_252_000, 3493)
			.saturating_add(RocksDbWeight::get().reads(6))
			.saturating_add(RocksDbWeight::get().writes(5))
	}
}
