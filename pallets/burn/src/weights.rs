
//! Weights for `pallet_burn`, measured — do not edit by hand.
//!
//! Regenerate with `scripts/bench.sh` (see docs/development.md).
//! Benchmark CLI 64.0.0, 2026-12-08; steps 50, repeat 20;
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
//!   /tmp/bench/burn-weights-run2.rs

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
	fn submit_sealed_build(r: u32, ) -> Weight;
	fn accept_sealed_build() -> Weight;
	fn accept_build() -> Weight;
	fn release_build() -> Weight;
	fn cancel_build() -> Weight;
	fn reclaim_expired() -> Weight;
	fn set_bond_allowance() -> Weight;
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
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(193), added: 2668, mode: `MaxEncodedLen`)
	/// Storage: `Burn::Builds` (r:0 w:1)
	/// Proof: `Burn::Builds` (`max_values`: None, `max_size`: Some(283), added: 2758, mode: `MaxEncodedLen`)
	fn submit_build() -> Weight {
		// Proof size (bytes): measured `57`, estimated `3658`.
		// Fastest run: 102_732_000 ps.
		Weight::from_parts(118_011_000, 3658)
			.saturating_add(T::DbWeight::get().reads(2))
			.saturating_add(T::DbWeight::get().writes(2))
	}
	/// Storage: `Burn::PricePerUnit` (r:1 w:0)
	/// Proof: `Burn::PricePerUnit` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Attestation::Enclaves` (r:8 w:0)
	/// Proof: `Attestation::Enclaves` (`max_values`: None, `max_size`: Some(2279), added: 4754, mode: `MaxEncodedLen`)
	/// Storage: `Attestation::SealingKeys` (r:8 w:0)
	/// Proof: `Attestation::SealingKeys` (`max_values`: None, `max_size`: Some(81), added: 2556, mode: `MaxEncodedLen`)
	/// Storage: `Attestation::Measurements` (r:1 w:0)
	/// Proof: `Attestation::Measurements` (`max_values`: None, `max_size`: Some(361), added: 2836, mode: `MaxEncodedLen`)
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
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(193), added: 2668, mode: `MaxEncodedLen`)
	/// Storage: `Burn::SealedBuilds` (r:0 w:1)
	/// Proof: `Burn::SealedBuilds` (`max_values`: None, `max_size`: Some(313), added: 2788, mode: `MaxEncodedLen`)
	/// Storage: `Burn::Builds` (r:0 w:1)
	/// Proof: `Burn::Builds` (`max_values`: None, `max_size`: Some(283), added: 2758, mode: `MaxEncodedLen`)
	/// Component `r` ranges over `[1, 8]`.
	fn submit_sealed_build(r: u32, ) -> Weight {
		// Proof size (bytes): measured `2542`, estimated `3826`.
		// Fastest run: 334_025_000 ps.
		Weight::from_parts(429_110_044, 3826)
			.saturating_add(Weight::from_parts(62_206_502, 0).saturating_mul(r.into()))
			.saturating_add(T::DbWeight::get().reads(8))
			.saturating_add(T::DbWeight::get().reads((2_u64).saturating_mul(r.into())))
			.saturating_add(T::DbWeight::get().writes(3))
			.saturating_add(Weight::from_parts(0, 4754).saturating_mul(r.into()))
	}
	/// Storage: `Burn::Builds` (r:1 w:1)
	/// Proof: `Burn::Builds` (`max_values`: None, `max_size`: Some(283), added: 2758, mode: `MaxEncodedLen`)
	/// Storage: `Burn::SealedBuilds` (r:1 w:0)
	/// Proof: `Burn::SealedBuilds` (`max_values`: None, `max_size`: Some(313), added: 2788, mode: `MaxEncodedLen`)
	/// Storage: `Attestation::Enclaves` (r:8 w:0)
	/// Proof: `Attestation::Enclaves` (`max_values`: None, `max_size`: Some(2279), added: 4754, mode: `MaxEncodedLen`)
	/// Storage: `Attestation::SealingKeys` (r:1 w:0)
	/// Proof: `Attestation::SealingKeys` (`max_values`: None, `max_size`: Some(81), added: 2556, mode: `MaxEncodedLen`)
	/// Storage: `Attestation::Measurements` (r:1 w:0)
	/// Proof: `Attestation::Measurements` (`max_values`: None, `max_size`: Some(361), added: 2836, mode: `MaxEncodedLen`)
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
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(193), added: 2668, mode: `MaxEncodedLen`)
	/// Storage: `Burn::BondAllowances` (r:1 w:1)
	/// Proof: `Burn::BondAllowances` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	fn accept_sealed_build() -> Weight {
		// Proof size (bytes): measured `21892`, estimated `39022`.
		// Fastest run: 380_402_000 ps.
		Weight::from_parts(465_551_000, 39022)
			.saturating_add(T::DbWeight::get().reads(21))
			.saturating_add(T::DbWeight::get().writes(5))
	}
	/// Storage: `Burn::Builds` (r:1 w:1)
	/// Proof: `Burn::Builds` (`max_values`: None, `max_size`: Some(283), added: 2758, mode: `MaxEncodedLen`)
	/// Storage: `Burn::SealedBuilds` (r:1 w:0)
	/// Proof: `Burn::SealedBuilds` (`max_values`: None, `max_size`: Some(313), added: 2788, mode: `MaxEncodedLen`)
	/// Storage: `Attestation::Measurements` (r:1 w:0)
	/// Proof: `Attestation::Measurements` (`max_values`: None, `max_size`: Some(361), added: 2836, mode: `MaxEncodedLen`)
	/// Storage: `Attestation::ProviderEnclaves` (r:1 w:0)
	/// Proof: `Attestation::ProviderEnclaves` (`max_values`: None, `max_size`: Some(181), added: 2656, mode: `MaxEncodedLen`)
	/// Storage: `Attestation::Enclaves` (r:4 w:0)
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
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(193), added: 2668, mode: `MaxEncodedLen`)
	/// Storage: `Burn::BondAllowances` (r:1 w:1)
	/// Proof: `Burn::BondAllowances` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	fn accept_build() -> Weight {
		// Proof size (bytes): measured `7969`, estimated `20006`.
		// Fastest run: 396_933_000 ps.
		Weight::from_parts(464_019_000, 20006)
			.saturating_add(T::DbWeight::get().reads(17))
			.saturating_add(T::DbWeight::get().writes(5))
	}
	/// Storage: `Burn::Builds` (r:1 w:1)
	/// Proof: `Burn::Builds` (`max_values`: None, `max_size`: Some(283), added: 2758, mode: `MaxEncodedLen`)
	/// Storage: `Burn::SealedBuilds` (r:1 w:0)
	/// Proof: `Burn::SealedBuilds` (`max_values`: None, `max_size`: Some(313), added: 2788, mode: `MaxEncodedLen`)
	/// Storage: `Attestation::EnclavesRemovedAt` (r:1 w:0)
	/// Proof: `Attestation::EnclavesRemovedAt` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Attestation::ProviderEnclaves` (r:1 w:0)
	/// Proof: `Attestation::ProviderEnclaves` (`max_values`: None, `max_size`: Some(181), added: 2656, mode: `MaxEncodedLen`)
	/// Storage: `Attestation::Enclaves` (r:4 w:0)
	/// Proof: `Attestation::Enclaves` (`max_values`: None, `max_size`: Some(2279), added: 4754, mode: `MaxEncodedLen`)
	/// Storage: `Attestation::Measurements` (r:1 w:0)
	/// Proof: `Attestation::Measurements` (`max_values`: None, `max_size`: Some(361), added: 2836, mode: `MaxEncodedLen`)
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
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(193), added: 2668, mode: `MaxEncodedLen`)
	/// Storage: `Burn::BondAllowances` (r:1 w:1)
	/// Proof: `Burn::BondAllowances` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	fn release_build() -> Weight {
		// Proof size (bytes): measured `5598`, estimated `20006`.
		// Fastest run: 355_276_000 ps.
		Weight::from_parts(402_664_000, 20006)
			.saturating_add(T::DbWeight::get().reads(16))
			.saturating_add(T::DbWeight::get().writes(3))
	}
	/// Storage: `Burn::Builds` (r:1 w:1)
	/// Proof: `Burn::Builds` (`max_values`: None, `max_size`: Some(283), added: 2758, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(193), added: 2668, mode: `MaxEncodedLen`)
	/// Storage: `Mint::CurrentEpoch` (r:1 w:0)
	/// Proof: `Mint::CurrentEpoch` (`max_values`: Some(1), `max_size`: Some(12), added: 507, mode: `MaxEncodedLen`)
	/// Storage: `Mint::EpochRefunds` (r:1 w:1)
	/// Proof: `Mint::EpochRefunds` (`max_values`: None, `max_size`: Some(28), added: 2503, mode: `MaxEncodedLen`)
	/// Storage: `Mint::TotalRefunded` (r:1 w:1)
	/// Proof: `Mint::TotalRefunded` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	fn cancel_build() -> Weight {
		// Proof size (bytes): measured `589`, estimated `3748`.
		// Fastest run: 108_984_000 ps.
		Weight::from_parts(115_997_000, 3748)
			.saturating_add(T::DbWeight::get().reads(6))
			.saturating_add(T::DbWeight::get().writes(5))
	}
	/// Storage: `Burn::Builds` (r:1 w:1)
	/// Proof: `Burn::Builds` (`max_values`: None, `max_size`: Some(283), added: 2758, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(193), added: 2668, mode: `MaxEncodedLen`)
	/// Storage: `Mint::CurrentEpoch` (r:1 w:0)
	/// Proof: `Mint::CurrentEpoch` (`max_values`: Some(1), `max_size`: Some(12), added: 507, mode: `MaxEncodedLen`)
	/// Storage: `Mint::EpochRefunds` (r:1 w:1)
	/// Proof: `Mint::EpochRefunds` (`max_values`: None, `max_size`: Some(28), added: 2503, mode: `MaxEncodedLen`)
	/// Storage: `Mint::TotalRefunded` (r:1 w:1)
	/// Proof: `Mint::TotalRefunded` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	fn reclaim_expired() -> Weight {
		// Proof size (bytes): measured `589`, estimated `3748`.
		// Fastest run: 107_692_000 ps.
		Weight::from_parts(115_826_000, 3748)
			.saturating_add(T::DbWeight::get().reads(6))
			.saturating_add(T::DbWeight::get().writes(5))
	}
	/// Storage: `Burn::BondAllowances` (r:0 w:1)
	/// Proof: `Burn::BondAllowances` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	fn set_bond_allowance() -> Weight {
		// Proof size (bytes): measured `0`, estimated `0`.
		// Fastest run: 12_273_000 ps.
		Weight::from_parts(13_886_000, 0)
			.saturating_add(T::DbWeight::get().writes(1))
	}
	/// Storage: `Burn::PricePerUnit` (r:1 w:1)
	/// Proof: `Burn::PricePerUnit` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Mint::CurrentEpoch` (r:1 w:0)
	/// Proof: `Mint::CurrentEpoch` (`max_values`: Some(1), `max_size`: Some(12), added: 507, mode: `MaxEncodedLen`)
	/// Storage: `Burn::PriceAnchor` (r:1 w:1)
	/// Proof: `Burn::PriceAnchor` (`max_values`: Some(1), `max_size`: Some(20), added: 515, mode: `MaxEncodedLen`)
	fn set_price_per_unit() -> Weight {
		// Proof size (bytes): measured `93`, estimated `1505`.
		// Fastest run: 19_136_000 ps.
		Weight::from_parts(21_861_000, 1505)
			.saturating_add(T::DbWeight::get().reads(3))
			.saturating_add(T::DbWeight::get().writes(2))
	}
	/// Storage: `Burn::Builds` (r:129 w:128)
	/// Proof: `Burn::Builds` (`max_values`: None, `max_size`: Some(283), added: 2758, mode: `MaxEncodedLen`)
	/// Storage: `Burn::KeptOutputs` (r:128 w:128)
	/// Proof: `Burn::KeptOutputs` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	/// Storage: `Preimage::StatusFor` (r:128 w:0)
	/// Proof: `Preimage::StatusFor` (`max_values`: None, `max_size`: Some(91), added: 2566, mode: `MaxEncodedLen`)
	/// Storage: `Preimage::RequestStatusFor` (r:128 w:128)
	/// Proof: `Preimage::RequestStatusFor` (`max_values`: None, `max_size`: Some(91), added: 2566, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:128 w:128)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:128 w:128)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(193), added: 2668, mode: `MaxEncodedLen`)
	/// Storage: `Burn::SealedBuilds` (r:0 w:128)
	/// Proof: `Burn::SealedBuilds` (`max_values`: None, `max_size`: Some(313), added: 2788, mode: `MaxEncodedLen`)
	/// Storage: `Preimage::PreimageFor` (r:0 w:128)
	/// Proof: `Preimage::PreimageFor` (`max_values`: None, `max_size`: Some(4194344), added: 4196819, mode: `MaxEncodedLen`)
	/// Component `n` ranges over `[0, 128]`.
	fn prune_settled_builds(n: u32, ) -> Weight {
		// Proof size (bytes): measured `346`, estimated `3748`.
		// Fastest run: 6_953_000 ps.
		Weight::from_parts(724_068_611, 3748)
			.saturating_add(Weight::from_parts(139_191_652, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(1))
			.saturating_add(T::DbWeight::get().reads((6_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes((7_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 2758).saturating_mul(n.into()))
	}
	/// Storage: `Burn::Builds` (r:129 w:128)
	/// Proof: `Burn::Builds` (`max_values`: None, `max_size`: Some(283), added: 2758, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:256 w:256)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:256 w:256)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(193), added: 2668, mode: `MaxEncodedLen`)
	/// Storage: `Burn::KeptOutputs` (r:128 w:0)
	/// Proof: `Burn::KeptOutputs` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	/// Storage: `Mint::CurrentEpoch` (r:1 w:0)
	/// Proof: `Mint::CurrentEpoch` (`max_values`: Some(1), `max_size`: Some(12), added: 507, mode: `MaxEncodedLen`)
	/// Storage: `Mint::EpochRefunds` (r:1 w:1)
	/// Proof: `Mint::EpochRefunds` (`max_values`: None, `max_size`: Some(28), added: 2503, mode: `MaxEncodedLen`)
	/// Storage: `Mint::TotalRefunded` (r:1 w:1)
	/// Proof: `Mint::TotalRefunded` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Burn::SealedBuilds` (r:0 w:128)
	/// Proof: `Burn::SealedBuilds` (`max_values`: None, `max_size`: Some(313), added: 2788, mode: `MaxEncodedLen`)
	/// Component `m` ranges over `[0, 128]`.
	fn prune_unsettled_builds(m: u32, ) -> Weight {
		// Proof size (bytes): measured `251`, estimated `3748`.
		// Fastest run: 6_633_000 ps.
		Weight::from_parts(731_615_446, 3748)
			.saturating_add(Weight::from_parts(154_678_106, 0).saturating_mul(m.into()))
			.saturating_add(T::DbWeight::get().reads(4))
			.saturating_add(T::DbWeight::get().reads((6_u64).saturating_mul(m.into())))
			.saturating_add(T::DbWeight::get().writes(2))
			.saturating_add(T::DbWeight::get().writes((6_u64).saturating_mul(m.into())))
			.saturating_add(Weight::from_parts(0, 5336).saturating_mul(m.into()))
	}
}

/// The same measurements for tests and mocks, priced with RocksDB's reference weights.
impl WeightInfo for () {
	fn submit_build() -> Weight {
		Weight::from_parts(118_011_000, 3658)
			.saturating_add(RocksDbWeight::get().reads(2))
			.saturating_add(RocksDbWeight::get().writes(2))
	}
	fn submit_sealed_build(r: u32, ) -> Weight {
		Weight::from_parts(429_110_044, 3826)
			.saturating_add(Weight::from_parts(62_206_502, 0).saturating_mul(r.into()))
			.saturating_add(RocksDbWeight::get().reads(8))
			.saturating_add(RocksDbWeight::get().reads((2_u64).saturating_mul(r.into())))
			.saturating_add(RocksDbWeight::get().writes(3))
			.saturating_add(Weight::from_parts(0, 4754).saturating_mul(r.into()))
	}
	fn accept_sealed_build() -> Weight {
		Weight::from_parts(465_551_000, 39022)
			.saturating_add(RocksDbWeight::get().reads(21))
			.saturating_add(RocksDbWeight::get().writes(5))
	}
	fn accept_build() -> Weight {
		Weight::from_parts(464_019_000, 20006)
			.saturating_add(RocksDbWeight::get().reads(17))
			.saturating_add(RocksDbWeight::get().writes(5))
	}
	fn release_build() -> Weight {
		Weight::from_parts(402_664_000, 20006)
			.saturating_add(RocksDbWeight::get().reads(16))
			.saturating_add(RocksDbWeight::get().writes(3))
	}
	fn cancel_build() -> Weight {
		Weight::from_parts(115_997_000, 3748)
			.saturating_add(RocksDbWeight::get().reads(6))
			.saturating_add(RocksDbWeight::get().writes(5))
	}
	fn reclaim_expired() -> Weight {
		Weight::from_parts(115_826_000, 3748)
			.saturating_add(RocksDbWeight::get().reads(6))
			.saturating_add(RocksDbWeight::get().writes(5))
	}
	fn set_bond_allowance() -> Weight {
		Weight::from_parts(13_886_000, 0)
			.saturating_add(RocksDbWeight::get().writes(1))
	}
	fn set_price_per_unit() -> Weight {
		Weight::from_parts(21_861_000, 1505)
			.saturating_add(RocksDbWeight::get().reads(3))
			.saturating_add(RocksDbWeight::get().writes(2))
	}
	fn prune_settled_builds(n: u32, ) -> Weight {
		Weight::from_parts(724_068_611, 3748)
			.saturating_add(Weight::from_parts(139_191_652, 0).saturating_mul(n.into()))
			.saturating_add(RocksDbWeight::get().reads(1))
			.saturating_add(RocksDbWeight::get().reads((6_u64).saturating_mul(n.into())))
			.saturating_add(RocksDbWeight::get().writes((7_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 2758).saturating_mul(n.into()))
	}
	fn prune_unsettled_builds(m: u32, ) -> Weight {
		Weight::from_parts(731_615_446, 3748)
			.saturating_add(Weight::from_parts(154_678_106, 0).saturating_mul(m.into()))
			.saturating_add(RocksDbWeight::get().reads(4))
			.saturating_add(RocksDbWeight::get().reads((6_u64).saturating_mul(m.into())))
			.saturating_add(RocksDbWeight::get().writes(2))
			.saturating_add(RocksDbWeight::get().writes((6_u64).saturating_mul(m.into())))
			.saturating_add(Weight::from_parts(0, 5336).saturating_mul(m.into()))
	}
}
