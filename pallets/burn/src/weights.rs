
//! Weights for `pallet_burn`, measured — do not edit by hand.
//!
//! Regenerate with `scripts/bench.sh` (see docs/development.md).
//!
//! NOT MEASURED YET: `submit_sealed_build`, `accept_sealed_build` and `set_bond_allowance`
//! below are upper bounds written by hand from the measured calls (a full eligibility walk
//! of `accept_build` per recipient; a price change for one storage write), until
//! `PROFILE=release scripts/bench.sh burn` regenerates this file.
//! Benchmark CLI 64.0.0, 2026-11-27; steps 50, repeat 20;
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
	fn submit_sealed_build(r: u32, ) -> Weight;
	fn accept_sealed_build() -> Weight;
	fn set_bond_allowance() -> Weight;
	fn release_build() -> Weight;
	fn cancel_build() -> Weight;
	fn reclaim_expired() -> Weight;
	fn set_price_per_unit() -> Weight;
	fn prune_settled_builds(n: u32, ) -> Weight;
	fn prune_unsettled_builds(m: u32, ) -> Weight;
}

/// Measured weights, priced with the runtime's own database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	/// Storage: `Burn::PricePerUnit` (r:1 w:0)
	/// Proof: `Burn::PricePerUnit` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(85), added: 2560, mode: `MaxEncodedLen`)
	/// Storage: `Burn::Builds` (r:0 w:1)
	/// Proof: `Burn::Builds` (`max_values`: None, `max_size`: Some(283), added: 2758, mode: `MaxEncodedLen`)
	fn submit_build() -> Weight {
		// Proof size (bytes): measured `57`, estimated `3550`.
		// Fastest run: 78_216_000 ps.
		Weight::from_parts(84_015_000, 3550)
			.saturating_add(T::DbWeight::get().reads(2))
			.saturating_add(T::DbWeight::get().writes(2))
	}
	/// Storage: `Burn::Builds` (r:1 w:1)
	/// Proof: `Burn::Builds` (`max_values`: None, `max_size`: Some(283), added: 2758, mode: `MaxEncodedLen`)
	/// Storage: `Attestation::Measurements` (r:1 w:0)
	/// Proof: `Attestation::Measurements` (`max_values`: None, `max_size`: Some(361), added: 2836, mode: `MaxEncodedLen`)
	/// Storage: `Attestation::ProviderEnclaves` (r:1 w:0)
	/// Proof: `Attestation::ProviderEnclaves` (`max_values`: None, `max_size`: Some(181), added: 2656, mode: `MaxEncodedLen`)
	/// Storage: `Attestation::Enclaves` (r:1 w:0)
	/// Proof: `Attestation::Enclaves` (`max_values`: None, `max_size`: Some(2279), added: 4754, mode: `MaxEncodedLen`)
	/// Storage: `Attestation::AcceptedTcbStatuses` (r:1 w:0)
	/// Proof: `Attestation::AcceptedTcbStatuses` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Attestation::RootCaHash` (r:1 w:0)
	/// Proof: `Attestation::RootCaHash` (`max_values`: Some(1), `max_size`: Some(32), added: 527, mode: `MaxEncodedLen`)
	/// Storage: `Attestation::RevokedPlatforms` (r:1 w:0)
	/// Proof: `Attestation::RevokedPlatforms` (`max_values`: None, `max_size`: Some(23), added: 2498, mode: `MaxEncodedLen`)
	/// Storage: `Attestation::MinTcbEvalDataNumber` (r:1 w:0)
	/// Proof: `Attestation::MinTcbEvalDataNumber` (`max_values`: None, `max_size`: Some(21), added: 2496, mode: `MaxEncodedLen`)
	/// Storage: `Attestation::RejectedAdvisories` (r:1 w:0)
	/// Proof: `Attestation::RejectedAdvisories` (`max_values`: Some(1), `max_size`: Some(2114), added: 2609, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:2 w:2)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(85), added: 2560, mode: `MaxEncodedLen`)
	fn accept_build() -> Weight {
		// Proof size (bytes): measured `5324`, estimated `6110`.
		// Fastest run: 165_015_000 ps.
		Weight::from_parts(193_669_000, 6110)
			.saturating_add(T::DbWeight::get().reads(12))
			.saturating_add(T::DbWeight::get().writes(4))
	}
	/// Upper bound, not measured: `submit_build`, plus per recipient the whole of
	/// `accept_build` (its eligibility walk reads at most 12 items), plus `Burn::SealedBuilds`.
	fn submit_sealed_build(r: u32, ) -> Weight {
		Weight::from_parts(84_015_000, 3550)
			.saturating_add(Weight::from_parts(193_669_000, 6110).saturating_mul(r.into()))
			.saturating_add(T::DbWeight::get().reads(2))
			.saturating_add(T::DbWeight::get().reads((12_u64).saturating_mul(r.into())))
			.saturating_add(T::DbWeight::get().writes(3))
	}
	/// Upper bound, not measured: `accept_build`, plus `Burn::SealedBuilds` and, for each of
	/// the most recipients, `Attestation::Enclaves` and `Attestation::SealingKeys`.
	fn accept_sealed_build() -> Weight {
		Weight::from_parts(193_669_000, 6110)
			.saturating_add(Weight::from_parts(8 * 40_000_000, 8 * 4754))
			.saturating_add(T::DbWeight::get().reads(12 + 1 + 16))
			.saturating_add(T::DbWeight::get().writes(4))
	}
	// Upper bound, not measured: one storage write, priced as `set_price_per_unit`.
	fn set_bond_allowance() -> Weight {
		Weight::from_parts(30_000_000, 1500)
			.saturating_add(T::DbWeight::get().writes(1))
	}
	/// Storage: `Burn::Builds` (r:1 w:1)
	/// Proof: `Burn::Builds` (`max_values`: None, `max_size`: Some(283), added: 2758, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(85), added: 2560, mode: `MaxEncodedLen`)
	fn release_build() -> Weight {
		// Proof size (bytes): measured `330`, estimated `3748`.
		// Fastest run: 46_098_000 ps.
		Weight::from_parts(54_891_000, 3748)
			.saturating_add(T::DbWeight::get().reads(2))
			.saturating_add(T::DbWeight::get().writes(2))
	}
	/// Storage: `Burn::Builds` (r:1 w:1)
	/// Proof: `Burn::Builds` (`max_values`: None, `max_size`: Some(283), added: 2758, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(85), added: 2560, mode: `MaxEncodedLen`)
	/// Storage: `Mint::CurrentEpoch` (r:1 w:0)
	/// Proof: `Mint::CurrentEpoch` (`max_values`: Some(1), `max_size`: Some(12), added: 507, mode: `MaxEncodedLen`)
	/// Storage: `Mint::EpochRefunds` (r:1 w:1)
	/// Proof: `Mint::EpochRefunds` (`max_values`: None, `max_size`: Some(28), added: 2503, mode: `MaxEncodedLen`)
	/// Storage: `Mint::TotalRefunded` (r:1 w:1)
	/// Proof: `Mint::TotalRefunded` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	fn cancel_build() -> Weight {
		// Proof size (bytes): measured `590`, estimated `3748`.
		// Fastest run: 81_942_000 ps.
		Weight::from_parts(91_126_000, 3748)
			.saturating_add(T::DbWeight::get().reads(6))
			.saturating_add(T::DbWeight::get().writes(5))
	}
	/// Storage: `Burn::Builds` (r:1 w:1)
	/// Proof: `Burn::Builds` (`max_values`: None, `max_size`: Some(283), added: 2758, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(85), added: 2560, mode: `MaxEncodedLen`)
	/// Storage: `Mint::CurrentEpoch` (r:1 w:0)
	/// Proof: `Mint::CurrentEpoch` (`max_values`: Some(1), `max_size`: Some(12), added: 507, mode: `MaxEncodedLen`)
	/// Storage: `Mint::EpochRefunds` (r:1 w:1)
	/// Proof: `Mint::EpochRefunds` (`max_values`: None, `max_size`: Some(28), added: 2503, mode: `MaxEncodedLen`)
	/// Storage: `Mint::TotalRefunded` (r:1 w:1)
	/// Proof: `Mint::TotalRefunded` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	fn reclaim_expired() -> Weight {
		// Proof size (bytes): measured `590`, estimated `3748`.
		// Fastest run: 84_556_000 ps.
		Weight::from_parts(100_139_000, 3748)
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
		// Proof size (bytes): measured `95`, estimated `1505`.
		// Fastest run: 13_881_000 ps.
		Weight::from_parts(17_396_000, 1505)
			.saturating_add(T::DbWeight::get().reads(3))
			.saturating_add(T::DbWeight::get().writes(2))
	}
	/// Storage: `Burn::Builds` (r:129 w:128)
	/// Proof: `Burn::Builds` (`max_values`: None, `max_size`: Some(283), added: 2758, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:128 w:128)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:128 w:128)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(85), added: 2560, mode: `MaxEncodedLen`)
	/// Component `n` ranges over `[0, 128]`.
	fn prune_settled_builds(n: u32, ) -> Weight {
		// Proof size (bytes): measured `270`, estimated `3748`.
		// Fastest run: 4_357_000 ps.
		Weight::from_parts(4_456_000, 3748)
			.saturating_add(Weight::from_parts(66_735_931, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(1))
			.saturating_add(T::DbWeight::get().reads((3_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes((3_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 2758).saturating_mul(n.into()))
	}
	/// Storage: `Burn::Builds` (r:129 w:128)
	/// Proof: `Burn::Builds` (`max_values`: None, `max_size`: Some(283), added: 2758, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:256 w:256)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:256 w:256)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(85), added: 2560, mode: `MaxEncodedLen`)
	/// Storage: `Mint::CurrentEpoch` (r:1 w:0)
	/// Proof: `Mint::CurrentEpoch` (`max_values`: Some(1), `max_size`: Some(12), added: 507, mode: `MaxEncodedLen`)
	/// Storage: `Mint::EpochRefunds` (r:1 w:1)
	/// Proof: `Mint::EpochRefunds` (`max_values`: None, `max_size`: Some(28), added: 2503, mode: `MaxEncodedLen`)
	/// Storage: `Mint::TotalRefunded` (r:1 w:1)
	/// Proof: `Mint::TotalRefunded` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Component `m` ranges over `[0, 128]`.
	fn prune_unsettled_builds(m: u32, ) -> Weight {
		// Proof size (bytes): measured `252`, estimated `3748`.
		// Fastest run: 4_327_000 ps.
		Weight::from_parts(4_487_000, 3748)
			.saturating_add(Weight::from_parts(150_429_027, 0).saturating_mul(m.into()))
			.saturating_add(T::DbWeight::get().reads(4))
			.saturating_add(T::DbWeight::get().reads((5_u64).saturating_mul(m.into())))
			.saturating_add(T::DbWeight::get().writes(2))
			.saturating_add(T::DbWeight::get().writes((5_u64).saturating_mul(m.into())))
			.saturating_add(Weight::from_parts(0, 5206).saturating_mul(m.into()))
	}
}

/// The same measurements for tests and mocks, priced with RocksDB's reference weights.
impl WeightInfo for () {
	fn submit_build() -> Weight {
		Weight::from_parts(84_015_000, 3550)
			.saturating_add(RocksDbWeight::get().reads(2))
			.saturating_add(RocksDbWeight::get().writes(2))
	}
	fn accept_build() -> Weight {
		Weight::from_parts(193_669_000, 6110)
			.saturating_add(RocksDbWeight::get().reads(12))
			.saturating_add(RocksDbWeight::get().writes(4))
	}
	// Upper bound, not measured: `submit_build`, plus per recipient the whole of
	// `accept_build` (its eligibility walk reads at most 12 items), plus `Burn::SealedBuilds`.
	fn submit_sealed_build(r: u32, ) -> Weight {
		Weight::from_parts(84_015_000, 3550)
			.saturating_add(Weight::from_parts(193_669_000, 6110).saturating_mul(r.into()))
			.saturating_add(RocksDbWeight::get().reads(2))
			.saturating_add(RocksDbWeight::get().reads((12_u64).saturating_mul(r.into())))
			.saturating_add(RocksDbWeight::get().writes(3))
	}
	// Upper bound, not measured: `accept_build`, plus `Burn::SealedBuilds` and, for each of
	// the most recipients, `Attestation::Enclaves` and `Attestation::SealingKeys`.
	fn accept_sealed_build() -> Weight {
		Weight::from_parts(193_669_000, 6110)
			.saturating_add(Weight::from_parts(8 * 40_000_000, 8 * 4754))
			.saturating_add(RocksDbWeight::get().reads(12 + 1 + 16))
			.saturating_add(RocksDbWeight::get().writes(4))
	}
	// Upper bound, not measured: one storage write, priced as `set_price_per_unit`.
	fn set_bond_allowance() -> Weight {
		Weight::from_parts(30_000_000, 1500)
			.saturating_add(RocksDbWeight::get().writes(1))
	}
	fn release_build() -> Weight {
		Weight::from_parts(54_891_000, 3748)
			.saturating_add(RocksDbWeight::get().reads(2))
			.saturating_add(RocksDbWeight::get().writes(2))
	}
	fn cancel_build() -> Weight {
		Weight::from_parts(91_126_000, 3748)
			.saturating_add(RocksDbWeight::get().reads(6))
			.saturating_add(RocksDbWeight::get().writes(5))
	}
	fn reclaim_expired() -> Weight {
		Weight::from_parts(100_139_000, 3748)
			.saturating_add(RocksDbWeight::get().reads(6))
			.saturating_add(RocksDbWeight::get().writes(5))
	}
	fn set_price_per_unit() -> Weight {
		Weight::from_parts(17_396_000, 1505)
			.saturating_add(RocksDbWeight::get().reads(3))
			.saturating_add(RocksDbWeight::get().writes(2))
	}
	fn prune_settled_builds(n: u32, ) -> Weight {
		Weight::from_parts(4_456_000, 3748)
			.saturating_add(Weight::from_parts(66_735_931, 0).saturating_mul(n.into()))
			.saturating_add(RocksDbWeight::get().reads(1))
			.saturating_add(RocksDbWeight::get().reads((3_u64).saturating_mul(n.into())))
			.saturating_add(RocksDbWeight::get().writes((3_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 2758).saturating_mul(n.into()))
	}
	fn prune_unsettled_builds(m: u32, ) -> Weight {
		Weight::from_parts(4_487_000, 3748)
			.saturating_add(Weight::from_parts(150_429_027, 0).saturating_mul(m.into()))
			.saturating_add(RocksDbWeight::get().reads(4))
			.saturating_add(RocksDbWeight::get().reads((5_u64).saturating_mul(m.into())))
			.saturating_add(RocksDbWeight::get().writes(2))
			.saturating_add(RocksDbWeight::get().writes((5_u64).saturating_mul(m.into())))
			.saturating_add(Weight::from_parts(0, 5206).saturating_mul(m.into()))
	}
}
