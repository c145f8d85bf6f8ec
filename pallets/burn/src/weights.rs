
//! Weights for `pallet_burn`, measured — do not edit by hand.
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
//!   pallet_burn
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
//!   pallets/burn/src/weights.rs

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use core::marker::PhantomData;
use frame_support::{
	traits::Get,
	weights::{constants::RocksDbWeight, Weight},
};

/// What each of `pallet_burn`'s calls and hooks costs.
pub trait WeightInfo {
	fn submit_build() -> Weight;
	fn accept_build() -> Weight;
	fn release_build() -> Weight;
	fn cancel_build() -> Weight;
	fn reclaim_expired() -> Weight;
	fn set_price_per_unit() -> Weight;
}

/// Measured weights, priced with the runtime's own database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	/// Storage: `Burn::PricePerUnit` (r:1 w:0)
	/// Proof: `Burn::PricePerUnit` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Burn::NextBuildId` (r:1 w:1)
	/// Proof: `Burn::NextBuildId` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Burn::LiveBuildsOf` (r:1 w:1)
	/// Proof: `Burn::LiveBuildsOf` (`max_values`: None, `max_size`: Some(177), added: 2652, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Burn::TotalBurned` (r:1 w:1)
	/// Proof: `Burn::TotalBurned` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Mint::CurrentEpoch` (r:1 w:0)
	/// Proof: `Mint::CurrentEpoch` (`max_values`: Some(1), `max_size`: Some(12), added: 507, mode: `MaxEncodedLen`)
	/// Storage: `Burn::BurnedPerEpoch` (r:1 w:1)
	/// Proof: `Burn::BurnedPerEpoch` (`max_values`: None, `max_size`: Some(28), added: 2503, mode: `MaxEncodedLen`)
	/// Storage: `Burn::Builds` (r:0 w:1)
	/// Proof: `Burn::Builds` (`max_values`: None, `max_size`: Some(251), added: 2726, mode: `MaxEncodedLen`)
	fn submit_build() -> Weight {
		// Proof size (bytes): measured `680`, estimated `3642`.
		// Fastest run: 54_541_000 ps.
		Weight::from_parts(57_936_000, 3642)
			.saturating_add(T::DbWeight::get().reads(7))
			.saturating_add(T::DbWeight::get().writes(6))
	}
	/// Storage: `Burn::Builds` (r:1 w:1)
	/// Proof: `Burn::Builds` (`max_values`: None, `max_size`: Some(251), added: 2726, mode: `MaxEncodedLen`)
	/// Storage: `Attestation::Measurements` (r:1 w:0)
	/// Proof: `Attestation::Measurements` (`max_values`: None, `max_size`: Some(278), added: 2753, mode: `MaxEncodedLen`)
	/// Storage: `Attestation::ProviderEnclaves` (r:1 w:0)
	/// Proof: `Attestation::ProviderEnclaves` (`max_values`: None, `max_size`: Some(181), added: 2656, mode: `MaxEncodedLen`)
	/// Storage: `Attestation::Enclaves` (r:1 w:0)
	/// Proof: `Attestation::Enclaves` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Attestation::AcceptedTcbStatuses` (r:1 w:0)
	/// Proof: `Attestation::AcceptedTcbStatuses` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	fn accept_build() -> Weight {
		// Proof size (bytes): measured `819`, estimated `3743`.
		// Fastest run: 34_712_000 ps.
		Weight::from_parts(39_098_000, 3743)
			.saturating_add(T::DbWeight::get().reads(5))
			.saturating_add(T::DbWeight::get().writes(1))
	}
	/// Storage: `Burn::Builds` (r:1 w:1)
	/// Proof: `Burn::Builds` (`max_values`: None, `max_size`: Some(251), added: 2726, mode: `MaxEncodedLen`)
	fn release_build() -> Weight {
		// Proof size (bytes): measured `375`, estimated `3716`.
		// Fastest run: 16_544_000 ps.
		Weight::from_parts(18_958_000, 3716)
			.saturating_add(T::DbWeight::get().reads(1))
			.saturating_add(T::DbWeight::get().writes(1))
	}
	/// Storage: `Burn::Builds` (r:1 w:1)
	/// Proof: `Burn::Builds` (`max_values`: None, `max_size`: Some(251), added: 2726, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Mint::CurrentEpoch` (r:1 w:0)
	/// Proof: `Mint::CurrentEpoch` (`max_values`: Some(1), `max_size`: Some(12), added: 507, mode: `MaxEncodedLen`)
	/// Storage: `Mint::EpochRefunds` (r:1 w:1)
	/// Proof: `Mint::EpochRefunds` (`max_values`: None, `max_size`: Some(28), added: 2503, mode: `MaxEncodedLen`)
	/// Storage: `Mint::TotalRefunded` (r:1 w:1)
	/// Proof: `Mint::TotalRefunded` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Burn::LiveBuildsOf` (r:1 w:1)
	/// Proof: `Burn::LiveBuildsOf` (`max_values`: None, `max_size`: Some(177), added: 2652, mode: `MaxEncodedLen`)
	fn cancel_build() -> Weight {
		// Proof size (bytes): measured `1106`, estimated `3716`.
		// Fastest run: 56_434_000 ps.
		Weight::from_parts(60_389_000, 3716)
			.saturating_add(T::DbWeight::get().reads(6))
			.saturating_add(T::DbWeight::get().writes(5))
	}
	/// Storage: `Burn::Builds` (r:1 w:1)
	/// Proof: `Burn::Builds` (`max_values`: None, `max_size`: Some(251), added: 2726, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Mint::CurrentEpoch` (r:1 w:0)
	/// Proof: `Mint::CurrentEpoch` (`max_values`: Some(1), `max_size`: Some(12), added: 507, mode: `MaxEncodedLen`)
	/// Storage: `Mint::EpochRefunds` (r:1 w:1)
	/// Proof: `Mint::EpochRefunds` (`max_values`: None, `max_size`: Some(28), added: 2503, mode: `MaxEncodedLen`)
	/// Storage: `Mint::TotalRefunded` (r:1 w:1)
	/// Proof: `Mint::TotalRefunded` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Burn::LiveBuildsOf` (r:1 w:1)
	/// Proof: `Burn::LiveBuildsOf` (`max_values`: None, `max_size`: Some(177), added: 2652, mode: `MaxEncodedLen`)
	fn reclaim_expired() -> Weight {
		// Proof size (bytes): measured `1106`, estimated `3716`.
		// Fastest run: 56_594_000 ps.
		Weight::from_parts(60_760_000, 3716)
			.saturating_add(T::DbWeight::get().reads(6))
			.saturating_add(T::DbWeight::get().writes(5))
	}
	/// Storage: `Burn::PricePerUnit` (r:1 w:1)
	/// Proof: `Burn::PricePerUnit` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Mint::CurrentEpoch` (r:1 w:0)
	/// Proof: `Mint::CurrentEpoch` (`max_values`: Some(1), `max_size`: Some(12), added: 507, mode: `MaxEncodedLen`)
	/// Storage: `Burn::PriceAnchor` (r:1 w:1)
	/// Proof: `Burn::PriceAnchor` (`max_values`: Some(1), `max_size`: Some(20), added: 515, mode: `MaxEncodedLen`)
	fn set_price_per_unit() -> Weight {
		// Proof size (bytes): measured `204`, estimated `1505`.
		// Fastest run: 14_151_000 ps.
		Weight::from_parts(15_323_000, 1505)
			.saturating_add(T::DbWeight::get().reads(3))
			.saturating_add(T::DbWeight::get().writes(2))
	}
}

/// The same measurements for tests and mocks, priced with RocksDB's reference weights.
impl WeightInfo for () {
	fn submit_build() -> Weight {
		Weight::from_parts(57_936_000, 3642)
			.saturating_add(RocksDbWeight::get().reads(7))
			.saturating_add(RocksDbWeight::get().writes(6))
	}
	fn accept_build() -> Weight {
		Weight::from_parts(39_098_000, 3743)
			.saturating_add(RocksDbWeight::get().reads(5))
			.saturating_add(RocksDbWeight::get().writes(1))
	}
	fn release_build() -> Weight {
		Weight::from_parts(18_958_000, 3716)
			.saturating_add(RocksDbWeight::get().reads(1))
			.saturating_add(RocksDbWeight::get().writes(1))
	}
	fn cancel_build() -> Weight {
		Weight::from_parts(60_389_000, 3716)
			.saturating_add(RocksDbWeight::get().reads(6))
			.saturating_add(RocksDbWeight::get().writes(5))
	}
	fn reclaim_expired() -> Weight {
		Weight::from_parts(60_760_000, 3716)
			.saturating_add(RocksDbWeight::get().reads(6))
			.saturating_add(RocksDbWeight::get().writes(5))
	}
	fn set_price_per_unit() -> Weight {
		Weight::from_parts(15_323_000, 1505)
			.saturating_add(RocksDbWeight::get().reads(3))
			.saturating_add(RocksDbWeight::get().writes(2))
	}
}
