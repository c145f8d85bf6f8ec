
//! Weights for `pallet_mint`, measured — do not edit by hand.
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
	fn on_idle_check() -> Weight;
	fn on_idle_prune_points(n: u32, ) -> Weight;
	fn on_idle_expire_epoch() -> Weight;
}

/// Measured weights, priced with the runtime's own database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	/// Storage: `Burn::Builds` (r:1 w:1)
	/// Proof: `Burn::Builds` (`max_values`: None, `max_size`: Some(283), added: 2758, mode: `MaxEncodedLen`)
	/// Storage: `System::BlockHash` (r:1 w:0)
	/// Proof: `System::BlockHash` (`max_values`: None, `max_size`: Some(44), added: 2519, mode: `MaxEncodedLen`)
	/// Storage: `Attestation::Enclaves` (r:1 w:0)
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
	/// Storage: `Mint::CurrentEpoch` (r:1 w:0)
	/// Proof: `Mint::CurrentEpoch` (`max_values`: Some(1), `max_size`: Some(12), added: 507, mode: `MaxEncodedLen`)
	/// Storage: `Mint::EpochTallies` (r:1 w:1)
	/// Proof: `Mint::EpochTallies` (`max_values`: None, `max_size`: Some(40), added: 2515, mode: `MaxEncodedLen`)
	/// Storage: `Mint::Points` (r:1 w:1)
	/// Proof: `Mint::Points` (`max_values`: None, `max_size`: Some(85), added: 2560, mode: `MaxEncodedLen`)
	/// Storage: `Burn::SealedBuilds` (r:1 w:0)
	/// Proof: `Burn::SealedBuilds` (`max_values`: None, `max_size`: Some(313), added: 2788, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:2 w:2)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(193), added: 2668, mode: `MaxEncodedLen`)
	/// Storage: `Burn::BondAllowances` (r:1 w:1)
	/// Proof: `Burn::BondAllowances` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Mint::EpochRefunds` (r:1 w:1)
	/// Proof: `Mint::EpochRefunds` (`max_values`: None, `max_size`: Some(28), added: 2503, mode: `MaxEncodedLen`)
	/// Storage: `Mint::TotalRefunded` (r:1 w:1)
	/// Proof: `Mint::TotalRefunded` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Preimage::StatusFor` (r:1 w:0)
	/// Proof: `Preimage::StatusFor` (`max_values`: None, `max_size`: Some(91), added: 2566, mode: `MaxEncodedLen`)
	/// Storage: `Preimage::RequestStatusFor` (r:1 w:1)
	/// Proof: `Preimage::RequestStatusFor` (`max_values`: None, `max_size`: Some(91), added: 2566, mode: `MaxEncodedLen`)
	/// Storage: `Burn::KeptOutputs` (r:0 w:1)
	/// Proof: `Burn::KeptOutputs` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	fn submit_work() -> Weight {
		// Proof size (bytes): measured `6245`, estimated `6326`.
		// Fastest run: 414_987_000 ps.
		Weight::from_parts(519_623_000, 6326)
			.saturating_add(T::DbWeight::get().reads(21))
			.saturating_add(T::DbWeight::get().writes(11))
	}
	/// Storage: `Mint::HistoryStart` (r:1 w:0)
	/// Proof: `Mint::HistoryStart` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Mint::CurrentEpoch` (r:1 w:0)
	/// Proof: `Mint::CurrentEpoch` (`max_values`: Some(1), `max_size`: Some(12), added: 507, mode: `MaxEncodedLen`)
	/// Storage: `Mint::EpochRecords` (r:16 w:16)
	/// Proof: `Mint::EpochRecords` (`max_values`: None, `max_size`: Some(162), added: 2637, mode: `MaxEncodedLen`)
	/// Storage: `Mint::Points` (r:16 w:16)
	/// Proof: `Mint::Points` (`max_values`: None, `max_size`: Some(85), added: 2560, mode: `MaxEncodedLen`)
	/// Storage: `Mint::TotalMinted` (r:1 w:1)
	/// Proof: `Mint::TotalMinted` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Component `n` ranges over `[1, 16]`.
	fn claim_rewards(n: u32, ) -> Weight {
		// Proof size (bytes): measured `246`, estimated `1501`.
		// Fastest run: 65_072_000 ps.
		Weight::from_parts(35_268_097, 1501)
			.saturating_add(Weight::from_parts(62_613_875, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(3))
			.saturating_add(T::DbWeight::get().reads((2_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(1))
			.saturating_add(T::DbWeight::get().writes((2_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 2637).saturating_mul(n.into()))
	}
	/// Storage: `Mint::CurrentEpoch` (r:1 w:0)
	/// Proof: `Mint::CurrentEpoch` (`max_values`: Some(1), `max_size`: Some(12), added: 507, mode: `MaxEncodedLen`)
	/// Storage: `Mint::ParametersBaseline` (r:1 w:1)
	/// Proof: `Mint::ParametersBaseline` (`max_values`: Some(1), `max_size`: Some(40), added: 535, mode: `MaxEncodedLen`)
	/// Storage: `Mint::Parameters` (r:1 w:1)
	/// Proof: `Mint::Parameters` (`max_values`: Some(1), `max_size`: Some(36), added: 531, mode: `MaxEncodedLen`)
	fn set_parameters() -> Weight {
		// Proof size (bytes): measured `109`, estimated `1525`.
		// Fastest run: 19_768_000 ps.
		Weight::from_parts(24_797_000, 1525)
			.saturating_add(T::DbWeight::get().reads(3))
			.saturating_add(T::DbWeight::get().writes(2))
	}
	/// Storage: `Mint::CurrentEpoch` (r:1 w:0)
	/// Proof: `Mint::CurrentEpoch` (`max_values`: Some(1), `max_size`: Some(12), added: 507, mode: `MaxEncodedLen`)
	fn on_initialize_idle() -> Weight {
		// Proof size (bytes): measured `84`, estimated `1497`.
		// Fastest run: 3_316_000 ps.
		Weight::from_parts(5_400_000, 1497)
			.saturating_add(T::DbWeight::get().reads(1))
	}
	/// Storage: `Mint::CurrentEpoch` (r:1 w:1)
	/// Proof: `Mint::CurrentEpoch` (`max_values`: Some(1), `max_size`: Some(12), added: 507, mode: `MaxEncodedLen`)
	/// Storage: `Mint::Parameters` (r:1 w:0)
	/// Proof: `Mint::Parameters` (`max_values`: Some(1), `max_size`: Some(36), added: 531, mode: `MaxEncodedLen`)
	/// Storage: `Mint::EpochTallies` (r:1 w:1)
	/// Proof: `Mint::EpochTallies` (`max_values`: None, `max_size`: Some(40), added: 2515, mode: `MaxEncodedLen`)
	/// Storage: `Mint::EpochRefunds` (r:1 w:1)
	/// Proof: `Mint::EpochRefunds` (`max_values`: None, `max_size`: Some(28), added: 2503, mode: `MaxEncodedLen`)
	/// Storage: `Mint::EpochRecords` (r:0 w:1)
	/// Proof: `Mint::EpochRecords` (`max_values`: None, `max_size`: Some(162), added: 2637, mode: `MaxEncodedLen`)
	fn on_initialize_close_epoch() -> Weight {
		// Proof size (bytes): measured `220`, estimated `3505`.
		// Fastest run: 27_662_000 ps.
		Weight::from_parts(32_131_000, 3505)
			.saturating_add(T::DbWeight::get().reads(4))
			.saturating_add(T::DbWeight::get().writes(4))
	}
	/// Storage: `Mint::HistoryStart` (r:1 w:0)
	/// Proof: `Mint::HistoryStart` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Mint::CurrentEpoch` (r:1 w:0)
	/// Proof: `Mint::CurrentEpoch` (`max_values`: Some(1), `max_size`: Some(12), added: 507, mode: `MaxEncodedLen`)
	fn on_idle_check() -> Weight {
		// Proof size (bytes): measured `84`, estimated `1497`.
		// Fastest run: 5_440_000 ps.
		Weight::from_parts(9_558_000, 1497)
			.saturating_add(T::DbWeight::get().reads(2))
	}
	/// Storage: `Mint::Points` (r:1025 w:1024)
	/// Proof: `Mint::Points` (`max_values`: None, `max_size`: Some(85), added: 2560, mode: `MaxEncodedLen`)
	/// Component `n` ranges over `[0, 1024]`.
	fn on_idle_prune_points(n: u32, ) -> Weight {
		// Proof size (bytes): measured `203`, estimated `3550`.
		// Fastest run: 9_498_000 ps.
		Weight::from_parts(10_319_000, 3550)
			.saturating_add(Weight::from_parts(5_725_137, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(1))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes((1_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 2560).saturating_mul(n.into()))
	}
	/// Storage: `Mint::EpochRecords` (r:1 w:1)
	/// Proof: `Mint::EpochRecords` (`max_values`: None, `max_size`: Some(162), added: 2637, mode: `MaxEncodedLen`)
	/// Storage: `Mint::PrunedHistory` (r:1 w:1)
	/// Proof: `Mint::PrunedHistory` (`max_values`: Some(1), `max_size`: Some(32), added: 527, mode: `MaxEncodedLen`)
	/// Storage: `Mint::TotalExpired` (r:1 w:1)
	/// Proof: `Mint::TotalExpired` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Mint::EpochTallies` (r:0 w:1)
	/// Proof: `Mint::EpochTallies` (`max_values`: None, `max_size`: Some(40), added: 2515, mode: `MaxEncodedLen`)
	/// Storage: `Mint::EpochRefunds` (r:0 w:1)
	/// Proof: `Mint::EpochRefunds` (`max_values`: None, `max_size`: Some(28), added: 2503, mode: `MaxEncodedLen`)
	/// Storage: `Mint::HistoryStart` (r:0 w:1)
	/// Proof: `Mint::HistoryStart` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	fn on_idle_expire_epoch() -> Weight {
		// Proof size (bytes): measured `302`, estimated `3627`.
		// Fastest run: 19_577_000 ps.
		Weight::from_parts(31_318_000, 3627)
			.saturating_add(T::DbWeight::get().reads(3))
			.saturating_add(T::DbWeight::get().writes(6))
	}
}

/// The same measurements for tests and mocks, priced with RocksDB's reference weights.
impl WeightInfo for () {
	fn submit_work() -> Weight {
		Weight::from_parts(519_623_000, 6326)
			.saturating_add(RocksDbWeight::get().reads(21))
			.saturating_add(RocksDbWeight::get().writes(11))
	}
	fn claim_rewards(n: u32, ) -> Weight {
		Weight::from_parts(35_268_097, 1501)
			.saturating_add(Weight::from_parts(62_613_875, 0).saturating_mul(n.into()))
			.saturating_add(RocksDbWeight::get().reads(3))
			.saturating_add(RocksDbWeight::get().reads((2_u64).saturating_mul(n.into())))
			.saturating_add(RocksDbWeight::get().writes(1))
			.saturating_add(RocksDbWeight::get().writes((2_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 2637).saturating_mul(n.into()))
	}
	fn set_parameters() -> Weight {
		Weight::from_parts(24_797_000, 1525)
			.saturating_add(RocksDbWeight::get().reads(3))
			.saturating_add(RocksDbWeight::get().writes(2))
	}
	fn on_initialize_idle() -> Weight {
		Weight::from_parts(5_400_000, 1497)
			.saturating_add(RocksDbWeight::get().reads(1))
	}
	fn on_initialize_close_epoch() -> Weight {
		Weight::from_parts(32_131_000, 3505)
			.saturating_add(RocksDbWeight::get().reads(4))
			.saturating_add(RocksDbWeight::get().writes(4))
	}
	fn on_idle_check() -> Weight {
		Weight::from_parts(9_558_000, 1497)
			.saturating_add(RocksDbWeight::get().reads(2))
	}
	fn on_idle_prune_points(n: u32, ) -> Weight {
		Weight::from_parts(10_319_000, 3550)
			.saturating_add(Weight::from_parts(5_725_137, 0).saturating_mul(n.into()))
			.saturating_add(RocksDbWeight::get().reads(1))
			.saturating_add(RocksDbWeight::get().reads((1_u64).saturating_mul(n.into())))
			.saturating_add(RocksDbWeight::get().writes((1_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 2560).saturating_mul(n.into()))
	}
	fn on_idle_expire_epoch() -> Weight {
		Weight::from_parts(31_318_000, 3627)
			.saturating_add(RocksDbWeight::get().reads(3))
			.saturating_add(RocksDbWeight::get().writes(6))
	}
}
