
//! Weights for `pallet_attestation`, measured — do not edit by hand.
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
//!   pallet_attestation
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
//!   pallets/attestation/src/weights.rs

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use core::marker::PhantomData;
use frame_support::{
	traits::Get,
	weights::{constants::RocksDbWeight, Weight},
};

/// What each of `pallet_attestation`'s calls and hooks costs.
pub trait WeightInfo {
	fn set_root_ca() -> Weight;
	fn submit_collateral() -> Weight;
	fn allow_measurement() -> Weight;
	fn revoke_measurement() -> Weight;
	fn set_accepted_tcb_statuses() -> Weight;
	fn set_rejected_advisories() -> Weight;
	fn request_nonce() -> Weight;
	fn register_enclave() -> Weight;
	fn deregister_enclave() -> Weight;
	fn verify_work_proof() -> Weight;
	fn ensure_eligible() -> Weight;
	fn force_deregister() -> Weight;
	fn revoke_platform() -> Weight;
	fn restore_platform() -> Weight;
	fn restore_collateral() -> Weight;
	fn lift_collateral_ceiling() -> Weight;
	fn set_min_tcb_eval_data_number() -> Weight;
	fn sweep_nonces(n: u32, ) -> Weight;
	fn prune_enclaves(n: u32, ) -> Weight;
}

/// Measured weights, priced with the runtime's own database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	/// Storage: `Attestation::IntelRootOnly` (r:1 w:0)
	/// Proof: `Attestation::IntelRootOnly` (`max_values`: Some(1), `max_size`: Some(1), added: 496, mode: `MaxEncodedLen`)
	/// Storage: `Attestation::RootCa` (r:0 w:1)
	/// Proof: `Attestation::RootCa` (`max_values`: Some(1), `max_size`: Some(2050), added: 2545, mode: `MaxEncodedLen`)
	/// Storage: `Attestation::RootCaHash` (r:0 w:1)
	/// Proof: `Attestation::RootCaHash` (`max_values`: Some(1), `max_size`: Some(32), added: 527, mode: `MaxEncodedLen`)
	fn set_root_ca() -> Weight {
		// Proof size (bytes): measured `150`, estimated `1486`.
		// Fastest run: 21_339_000 ps.
		Weight::from_parts(24_596_000, 1486)
			.saturating_add(T::DbWeight::get().reads(1))
			.saturating_add(T::DbWeight::get().writes(2))
	}
	/// Storage: `Attestation::RootCa` (r:1 w:0)
	/// Proof: `Attestation::RootCa` (`max_values`: Some(1), `max_size`: Some(2050), added: 2545, mode: `MaxEncodedLen`)
	/// Storage: `Attestation::RootCaHash` (r:1 w:0)
	/// Proof: `Attestation::RootCaHash` (`max_values`: Some(1), `max_size`: Some(32), added: 527, mode: `MaxEncodedLen`)
	/// Storage: `Timestamp::Now` (r:1 w:0)
	/// Proof: `Timestamp::Now` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Attestation::MinTcbEvalDataNumber` (r:1 w:0)
	/// Proof: `Attestation::MinTcbEvalDataNumber` (`max_values`: None, `max_size`: Some(21), added: 2496, mode: `MaxEncodedLen`)
	/// Storage: `Attestation::CollateralCeilings` (r:1 w:0)
	/// Proof: `Attestation::CollateralCeilings` (`max_values`: None, `max_size`: Some(31), added: 2506, mode: `MaxEncodedLen`)
	/// Storage: `Attestation::CollateralRecords` (r:1 w:1)
	/// Proof: `Attestation::CollateralRecords` (`max_values`: None, `max_size`: Some(111), added: 2586, mode: `MaxEncodedLen`)
	/// Storage: `Attestation::CollateralBytes` (r:0 w:1)
	/// Proof: `Attestation::CollateralBytes` (`max_values`: None, `max_size`: Some(32795), added: 35270, mode: `MaxEncodedLen`)
	fn submit_collateral() -> Weight {
		// Proof size (bytes): measured `790`, estimated `3576`.
		// Fastest run: 4_459_091_000 ps.
		Weight::from_parts(5_431_542_000, 3576)
			.saturating_add(T::DbWeight::get().reads(6))
			.saturating_add(T::DbWeight::get().writes(2))
	}
	/// Storage: `Attestation::Measurements` (r:1 w:1)
	/// Proof: `Attestation::Measurements` (`max_values`: None, `max_size`: Some(361), added: 2836, mode: `MaxEncodedLen`)
	fn allow_measurement() -> Weight {
		// Proof size (bytes): measured `226`, estimated `3826`.
		// Fastest run: 23_754_000 ps.
		Weight::from_parts(47_829_000, 3826)
			.saturating_add(T::DbWeight::get().reads(1))
			.saturating_add(T::DbWeight::get().writes(1))
	}
	/// Storage: `Attestation::Measurements` (r:1 w:1)
	/// Proof: `Attestation::Measurements` (`max_values`: None, `max_size`: Some(361), added: 2836, mode: `MaxEncodedLen`)
	fn revoke_measurement() -> Weight {
		// Proof size (bytes): measured `564`, estimated `3826`.
		// Fastest run: 22_643_000 ps.
		Weight::from_parts(26_359_000, 3826)
			.saturating_add(T::DbWeight::get().reads(1))
			.saturating_add(T::DbWeight::get().writes(1))
	}
	/// Storage: `Attestation::AcceptedTcbStatuses` (r:0 w:1)
	/// Proof: `Attestation::AcceptedTcbStatuses` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	fn set_accepted_tcb_statuses() -> Weight {
		// Proof size (bytes): measured `0`, estimated `0`.
		// Fastest run: 11_261_000 ps.
		Weight::from_parts(16_451_000, 0)
			.saturating_add(T::DbWeight::get().writes(1))
	}
	/// Storage: `Attestation::RejectedAdvisories` (r:0 w:1)
	/// Proof: `Attestation::RejectedAdvisories` (`max_values`: Some(1), `max_size`: Some(2114), added: 2609, mode: `MaxEncodedLen`)
	fn set_rejected_advisories() -> Weight {
		// Proof size (bytes): measured `0`, estimated `0`.
		// Fastest run: 45_976_000 ps.
		Weight::from_parts(66_936_000, 0)
			.saturating_add(T::DbWeight::get().writes(1))
	}
	/// Storage: `Attestation::Nonces` (r:1 w:1)
	/// Proof: `Attestation::Nonces` (`max_values`: None, `max_size`: Some(193), added: 2668, mode: `MaxEncodedLen`)
	/// Storage: `Attestation::NonceCounter` (r:1 w:1)
	/// Proof: `Attestation::NonceCounter` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `System::ParentHash` (r:1 w:0)
	/// Proof: `System::ParentHash` (`max_values`: Some(1), `max_size`: Some(32), added: 527, mode: `MaxEncodedLen`)
	/// Storage: `Attestation::NonceExpiries` (r:0 w:1)
	/// Proof: `Attestation::NonceExpiries` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	fn request_nonce() -> Weight {
		// Proof size (bytes): measured `401`, estimated `3658`.
		// Fastest run: 33_964_000 ps.
		Weight::from_parts(51_045_000, 3658)
			.saturating_add(T::DbWeight::get().reads(3))
			.saturating_add(T::DbWeight::get().writes(3))
	}
	/// Storage: `Attestation::Nonces` (r:1 w:1)
	/// Proof: `Attestation::Nonces` (`max_values`: None, `max_size`: Some(193), added: 2668, mode: `MaxEncodedLen`)
	/// Storage: `Attestation::Measurements` (r:1 w:0)
	/// Proof: `Attestation::Measurements` (`max_values`: None, `max_size`: Some(361), added: 2836, mode: `MaxEncodedLen`)
	/// Storage: `Attestation::RetiredEnclaveKeys` (r:1 w:0)
	/// Proof: `Attestation::RetiredEnclaveKeys` (`max_values`: None, `max_size`: Some(53), added: 2528, mode: `MaxEncodedLen`)
	/// Storage: `Attestation::Enclaves` (r:5 w:5)
	/// Proof: `Attestation::Enclaves` (`max_values`: None, `max_size`: Some(2279), added: 4754, mode: `MaxEncodedLen`)
	/// Storage: `Attestation::SealingKeys` (r:1 w:5)
	/// Proof: `Attestation::SealingKeys` (`max_values`: None, `max_size`: Some(81), added: 2556, mode: `MaxEncodedLen`)
	/// Storage: `Attestation::RootCa` (r:1 w:0)
	/// Proof: `Attestation::RootCa` (`max_values`: Some(1), `max_size`: Some(2050), added: 2545, mode: `MaxEncodedLen`)
	/// Storage: `Attestation::RootCaHash` (r:1 w:0)
	/// Proof: `Attestation::RootCaHash` (`max_values`: Some(1), `max_size`: Some(32), added: 527, mode: `MaxEncodedLen`)
	/// Storage: `Attestation::RevokedPlatforms` (r:1 w:0)
	/// Proof: `Attestation::RevokedPlatforms` (`max_values`: None, `max_size`: Some(23), added: 2498, mode: `MaxEncodedLen`)
	/// Storage: `Attestation::CollateralRecords` (r:1 w:0)
	/// Proof: `Attestation::CollateralRecords` (`max_values`: None, `max_size`: Some(111), added: 2586, mode: `MaxEncodedLen`)
	/// Storage: `Timestamp::Now` (r:1 w:0)
	/// Proof: `Timestamp::Now` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Attestation::MinTcbEvalDataNumber` (r:1 w:0)
	/// Proof: `Attestation::MinTcbEvalDataNumber` (`max_values`: None, `max_size`: Some(21), added: 2496, mode: `MaxEncodedLen`)
	/// Storage: `Attestation::CollateralBytes` (r:1 w:0)
	/// Proof: `Attestation::CollateralBytes` (`max_values`: None, `max_size`: Some(32795), added: 35270, mode: `MaxEncodedLen`)
	/// Storage: `Attestation::AcceptedTcbStatuses` (r:1 w:0)
	/// Proof: `Attestation::AcceptedTcbStatuses` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Attestation::RejectedAdvisories` (r:1 w:0)
	/// Proof: `Attestation::RejectedAdvisories` (`max_values`: Some(1), `max_size`: Some(2114), added: 2609, mode: `MaxEncodedLen`)
	/// Storage: `System::BlockHash` (r:1 w:0)
	/// Proof: `System::BlockHash` (`max_values`: None, `max_size`: Some(44), added: 2519, mode: `MaxEncodedLen`)
	/// Storage: `Attestation::ProviderEnclaves` (r:1 w:1)
	/// Proof: `Attestation::ProviderEnclaves` (`max_values`: None, `max_size`: Some(181), added: 2656, mode: `MaxEncodedLen`)
	/// Storage: `Attestation::EnclaveDeposits` (r:4 w:5)
	/// Proof: `Attestation::EnclaveDeposits` (`max_values`: None, `max_size`: Some(65), added: 2540, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(193), added: 2668, mode: `MaxEncodedLen`)
	/// Storage: `Attestation::EnclavesRemovedAt` (r:0 w:1)
	/// Proof: `Attestation::EnclavesRemovedAt` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	fn register_enclave() -> Weight {
		// Proof size (bytes): measured `39688`, estimated `36260`.
		// Fastest run: 4_815_818_000 ps.
		Weight::from_parts(6_518_507_000, 36260)
			.saturating_add(T::DbWeight::get().reads(25))
			.saturating_add(T::DbWeight::get().writes(19))
	}
	/// Storage: `Attestation::Enclaves` (r:1 w:1)
	/// Proof: `Attestation::Enclaves` (`max_values`: None, `max_size`: Some(2279), added: 4754, mode: `MaxEncodedLen`)
	/// Storage: `Attestation::EnclaveDeposits` (r:1 w:1)
	/// Proof: `Attestation::EnclaveDeposits` (`max_values`: None, `max_size`: Some(65), added: 2540, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(193), added: 2668, mode: `MaxEncodedLen`)
	/// Storage: `Attestation::ProviderEnclaves` (r:1 w:1)
	/// Proof: `Attestation::ProviderEnclaves` (`max_values`: None, `max_size`: Some(181), added: 2656, mode: `MaxEncodedLen`)
	/// Storage: `Attestation::SealingKeys` (r:0 w:1)
	/// Proof: `Attestation::SealingKeys` (`max_values`: None, `max_size`: Some(81), added: 2556, mode: `MaxEncodedLen`)
	/// Storage: `Attestation::EnclavesRemovedAt` (r:0 w:1)
	/// Proof: `Attestation::EnclavesRemovedAt` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	fn deregister_enclave() -> Weight {
		// Proof size (bytes): measured `3061`, estimated `5744`.
		// Fastest run: 143_018_000 ps.
		Weight::from_parts(249_808_000, 5744)
			.saturating_add(T::DbWeight::get().reads(4))
			.saturating_add(T::DbWeight::get().writes(6))
	}
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
	fn verify_work_proof() -> Weight {
		// Proof size (bytes): measured `5365`, estimated `5744`.
		// Fastest run: 157_385_000 ps.
		Weight::from_parts(254_686_000, 5744)
			.saturating_add(T::DbWeight::get().reads(7))
	}
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
	fn ensure_eligible() -> Weight {
		// Proof size (bytes): measured `7897`, estimated `20006`.
		// Fastest run: 170_279_000 ps.
		Weight::from_parts(286_326_000, 20006)
			.saturating_add(T::DbWeight::get().reads(11))
	}
	/// Storage: `Attestation::Enclaves` (r:1 w:1)
	/// Proof: `Attestation::Enclaves` (`max_values`: None, `max_size`: Some(2279), added: 4754, mode: `MaxEncodedLen`)
	/// Storage: `Attestation::EnclaveDeposits` (r:1 w:1)
	/// Proof: `Attestation::EnclaveDeposits` (`max_values`: None, `max_size`: Some(65), added: 2540, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(193), added: 2668, mode: `MaxEncodedLen`)
	/// Storage: `Attestation::ProviderEnclaves` (r:1 w:1)
	/// Proof: `Attestation::ProviderEnclaves` (`max_values`: None, `max_size`: Some(181), added: 2656, mode: `MaxEncodedLen`)
	/// Storage: `Attestation::RetiredEnclaveKeys` (r:0 w:1)
	/// Proof: `Attestation::RetiredEnclaveKeys` (`max_values`: None, `max_size`: Some(53), added: 2528, mode: `MaxEncodedLen`)
	/// Storage: `Attestation::SealingKeys` (r:0 w:1)
	/// Proof: `Attestation::SealingKeys` (`max_values`: None, `max_size`: Some(81), added: 2556, mode: `MaxEncodedLen`)
	/// Storage: `Attestation::EnclavesRemovedAt` (r:0 w:1)
	/// Proof: `Attestation::EnclavesRemovedAt` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	fn force_deregister() -> Weight {
		// Proof size (bytes): measured `3061`, estimated `5744`.
		// Fastest run: 154_510_000 ps.
		Weight::from_parts(259_215_000, 5744)
			.saturating_add(T::DbWeight::get().reads(4))
			.saturating_add(T::DbWeight::get().writes(7))
	}
	/// Storage: `Attestation::RevokedPlatforms` (r:1 w:1)
	/// Proof: `Attestation::RevokedPlatforms` (`max_values`: None, `max_size`: Some(23), added: 2498, mode: `MaxEncodedLen`)
	fn revoke_platform() -> Weight {
		// Proof size (bytes): measured `150`, estimated `3488`.
		// Fastest run: 20_238_000 ps.
		Weight::from_parts(37_651_000, 3488)
			.saturating_add(T::DbWeight::get().reads(1))
			.saturating_add(T::DbWeight::get().writes(1))
	}
	/// Storage: `Attestation::RevokedPlatforms` (r:1 w:1)
	/// Proof: `Attestation::RevokedPlatforms` (`max_values`: None, `max_size`: Some(23), added: 2498, mode: `MaxEncodedLen`)
	fn restore_platform() -> Weight {
		// Proof size (bytes): measured `194`, estimated `3488`.
		// Fastest run: 21_810_000 ps.
		Weight::from_parts(38_352_000, 3488)
			.saturating_add(T::DbWeight::get().reads(1))
			.saturating_add(T::DbWeight::get().writes(1))
	}
	/// Storage: `Attestation::RootCa` (r:1 w:0)
	/// Proof: `Attestation::RootCa` (`max_values`: Some(1), `max_size`: Some(2050), added: 2545, mode: `MaxEncodedLen`)
	/// Storage: `Attestation::RootCaHash` (r:1 w:0)
	/// Proof: `Attestation::RootCaHash` (`max_values`: Some(1), `max_size`: Some(32), added: 527, mode: `MaxEncodedLen`)
	/// Storage: `Timestamp::Now` (r:1 w:0)
	/// Proof: `Timestamp::Now` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Attestation::MinTcbEvalDataNumber` (r:1 w:0)
	/// Proof: `Attestation::MinTcbEvalDataNumber` (`max_values`: None, `max_size`: Some(21), added: 2496, mode: `MaxEncodedLen`)
	/// Storage: `Attestation::CollateralRecords` (r:0 w:1)
	/// Proof: `Attestation::CollateralRecords` (`max_values`: None, `max_size`: Some(111), added: 2586, mode: `MaxEncodedLen`)
	/// Storage: `Attestation::CollateralBytes` (r:0 w:1)
	/// Proof: `Attestation::CollateralBytes` (`max_values`: None, `max_size`: Some(32795), added: 35270, mode: `MaxEncodedLen`)
	/// Storage: `Attestation::CollateralCeilings` (r:0 w:1)
	/// Proof: `Attestation::CollateralCeilings` (`max_values`: None, `max_size`: Some(31), added: 2506, mode: `MaxEncodedLen`)
	fn restore_collateral() -> Weight {
		// Proof size (bytes): measured `689`, estimated `3535`.
		// Fastest run: 4_755_335_000 ps.
		Weight::from_parts(6_422_196_000, 3535)
			.saturating_add(T::DbWeight::get().reads(4))
			.saturating_add(T::DbWeight::get().writes(3))
	}
	/// Storage: `Attestation::CollateralCeilings` (r:1 w:1)
	/// Proof: `Attestation::CollateralCeilings` (`max_values`: None, `max_size`: Some(31), added: 2506, mode: `MaxEncodedLen`)
	fn lift_collateral_ceiling() -> Weight {
		// Proof size (bytes): measured `202`, estimated `3496`.
		// Fastest run: 19_276_000 ps.
		Weight::from_parts(34_645_000, 3496)
			.saturating_add(T::DbWeight::get().reads(1))
			.saturating_add(T::DbWeight::get().writes(1))
	}
	/// Storage: `Attestation::MinTcbEvalDataNumber` (r:0 w:1)
	/// Proof: `Attestation::MinTcbEvalDataNumber` (`max_values`: None, `max_size`: Some(21), added: 2496, mode: `MaxEncodedLen`)
	fn set_min_tcb_eval_data_number() -> Weight {
		// Proof size (bytes): measured `0`, estimated `0`.
		// Fastest run: 13_185_000 ps.
		Weight::from_parts(22_883_000, 0)
			.saturating_add(T::DbWeight::get().writes(1))
	}
	/// Storage: `Attestation::NonceCounter` (r:1 w:0)
	/// Proof: `Attestation::NonceCounter` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Attestation::NonceSweepCursor` (r:1 w:1)
	/// Proof: `Attestation::NonceSweepCursor` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Attestation::NonceExpiries` (r:256 w:256)
	/// Proof: `Attestation::NonceExpiries` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Attestation::Nonces` (r:256 w:256)
	/// Proof: `Attestation::Nonces` (`max_values`: None, `max_size`: Some(193), added: 2668, mode: `MaxEncodedLen`)
	/// Component `n` ranges over `[0, 256]`.
	fn sweep_nonces(n: u32, ) -> Weight {
		// Proof size (bytes): measured `696`, estimated `3612`.
		// Fastest run: 22_562_000 ps.
		Weight::from_parts(215_811_276, 3612)
			.saturating_add(Weight::from_parts(24_895_338, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(3))
			.saturating_add(T::DbWeight::get().reads((2_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(1))
			.saturating_add(T::DbWeight::get().writes((2_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 2668).saturating_mul(n.into()))
	}
	/// Storage: `Attestation::EnclavePruneCursor` (r:1 w:1)
	/// Proof: `Attestation::EnclavePruneCursor` (`max_values`: Some(1), `max_size`: Some(130), added: 625, mode: `MaxEncodedLen`)
	/// Storage: `Attestation::Enclaves` (r:17 w:16)
	/// Proof: `Attestation::Enclaves` (`max_values`: None, `max_size`: Some(2279), added: 4754, mode: `MaxEncodedLen`)
	/// Storage: `Attestation::EnclavesRemovedAt` (r:16 w:16)
	/// Proof: `Attestation::EnclavesRemovedAt` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Attestation::EnclaveDeposits` (r:16 w:16)
	/// Proof: `Attestation::EnclaveDeposits` (`max_values`: None, `max_size`: Some(65), added: 2540, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:16 w:16)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:16 w:16)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(193), added: 2668, mode: `MaxEncodedLen`)
	/// Storage: `Attestation::ProviderEnclaves` (r:16 w:16)
	/// Proof: `Attestation::ProviderEnclaves` (`max_values`: None, `max_size`: Some(181), added: 2656, mode: `MaxEncodedLen`)
	/// Storage: `Attestation::SealingKeys` (r:0 w:16)
	/// Proof: `Attestation::SealingKeys` (`max_values`: None, `max_size`: Some(81), added: 2556, mode: `MaxEncodedLen`)
	/// Component `n` ranges over `[0, 16]`.
	fn prune_enclaves(n: u32, ) -> Weight {
		// Proof size (bytes): measured `266`, estimated `5744`.
		// Fastest run: 20_589_000 ps.
		Weight::from_parts(54_713_274, 5744)
			.saturating_add(Weight::from_parts(107_869_605, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(2))
			.saturating_add(T::DbWeight::get().reads((6_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(1))
			.saturating_add(T::DbWeight::get().writes((7_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 4754).saturating_mul(n.into()))
	}
}

/// The same measurements for tests and mocks, priced with RocksDB's reference weights.
impl WeightInfo for () {
	fn set_root_ca() -> Weight {
		Weight::from_parts(24_596_000, 1486)
			.saturating_add(RocksDbWeight::get().reads(1))
			.saturating_add(RocksDbWeight::get().writes(2))
	}
	fn submit_collateral() -> Weight {
		Weight::from_parts(5_431_542_000, 3576)
			.saturating_add(RocksDbWeight::get().reads(6))
			.saturating_add(RocksDbWeight::get().writes(2))
	}
	fn allow_measurement() -> Weight {
		Weight::from_parts(47_829_000, 3826)
			.saturating_add(RocksDbWeight::get().reads(1))
			.saturating_add(RocksDbWeight::get().writes(1))
	}
	fn revoke_measurement() -> Weight {
		Weight::from_parts(26_359_000, 3826)
			.saturating_add(RocksDbWeight::get().reads(1))
			.saturating_add(RocksDbWeight::get().writes(1))
	}
	fn set_accepted_tcb_statuses() -> Weight {
		Weight::from_parts(16_451_000, 0)
			.saturating_add(RocksDbWeight::get().writes(1))
	}
	fn set_rejected_advisories() -> Weight {
		Weight::from_parts(66_936_000, 0)
			.saturating_add(RocksDbWeight::get().writes(1))
	}
	fn request_nonce() -> Weight {
		Weight::from_parts(51_045_000, 3658)
			.saturating_add(RocksDbWeight::get().reads(3))
			.saturating_add(RocksDbWeight::get().writes(3))
	}
	fn register_enclave() -> Weight {
		Weight::from_parts(6_518_507_000, 36260)
			.saturating_add(RocksDbWeight::get().reads(25))
			.saturating_add(RocksDbWeight::get().writes(19))
	}
	fn deregister_enclave() -> Weight {
		Weight::from_parts(249_808_000, 5744)
			.saturating_add(RocksDbWeight::get().reads(4))
			.saturating_add(RocksDbWeight::get().writes(6))
	}
	fn verify_work_proof() -> Weight {
		Weight::from_parts(254_686_000, 5744)
			.saturating_add(RocksDbWeight::get().reads(7))
	}
	fn ensure_eligible() -> Weight {
		Weight::from_parts(286_326_000, 20006)
			.saturating_add(RocksDbWeight::get().reads(11))
	}
	fn force_deregister() -> Weight {
		Weight::from_parts(259_215_000, 5744)
			.saturating_add(RocksDbWeight::get().reads(4))
			.saturating_add(RocksDbWeight::get().writes(7))
	}
	fn revoke_platform() -> Weight {
		Weight::from_parts(37_651_000, 3488)
			.saturating_add(RocksDbWeight::get().reads(1))
			.saturating_add(RocksDbWeight::get().writes(1))
	}
	fn restore_platform() -> Weight {
		Weight::from_parts(38_352_000, 3488)
			.saturating_add(RocksDbWeight::get().reads(1))
			.saturating_add(RocksDbWeight::get().writes(1))
	}
	fn restore_collateral() -> Weight {
		Weight::from_parts(6_422_196_000, 3535)
			.saturating_add(RocksDbWeight::get().reads(4))
			.saturating_add(RocksDbWeight::get().writes(3))
	}
	fn lift_collateral_ceiling() -> Weight {
		Weight::from_parts(34_645_000, 3496)
			.saturating_add(RocksDbWeight::get().reads(1))
			.saturating_add(RocksDbWeight::get().writes(1))
	}
	fn set_min_tcb_eval_data_number() -> Weight {
		Weight::from_parts(22_883_000, 0)
			.saturating_add(RocksDbWeight::get().writes(1))
	}
	fn sweep_nonces(n: u32, ) -> Weight {
		Weight::from_parts(215_811_276, 3612)
			.saturating_add(Weight::from_parts(24_895_338, 0).saturating_mul(n.into()))
			.saturating_add(RocksDbWeight::get().reads(3))
			.saturating_add(RocksDbWeight::get().reads((2_u64).saturating_mul(n.into())))
			.saturating_add(RocksDbWeight::get().writes(1))
			.saturating_add(RocksDbWeight::get().writes((2_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 2668).saturating_mul(n.into()))
	}
	fn prune_enclaves(n: u32, ) -> Weight {
		Weight::from_parts(54_713_274, 5744)
			.saturating_add(Weight::from_parts(107_869_605, 0).saturating_mul(n.into()))
			.saturating_add(RocksDbWeight::get().reads(2))
			.saturating_add(RocksDbWeight::get().reads((6_u64).saturating_mul(n.into())))
			.saturating_add(RocksDbWeight::get().writes(1))
			.saturating_add(RocksDbWeight::get().writes((7_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 4754).saturating_mul(n.into()))
	}
}
