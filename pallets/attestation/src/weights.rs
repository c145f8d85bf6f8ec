
//! Weights for `pallet_attestation`, measured — do not edit by hand.
//!
//! Regenerate with `scripts/bench.sh` (see docs/development.md).
//! Benchmark CLI 64.0.0, 2026-11-26; steps 50, repeat 20;
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
	fn set_min_tcb_eval_data_number() -> Weight;
}

/// Measured weights, priced with the runtime's own database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	/// Storage: `Attestation::RootCa` (r:0 w:1)
	/// Proof: `Attestation::RootCa` (`max_values`: Some(1), `max_size`: Some(2050), added: 2545, mode: `MaxEncodedLen`)
	fn set_root_ca() -> Weight {
		// Proof size (bytes): measured `0`, estimated `0`.
		// Fastest run: 13_144_000 ps.
		Weight::from_parts(19_707_000, 0)
			.saturating_add(T::DbWeight::get().writes(1))
	}
	/// Storage: `Attestation::RootCa` (r:1 w:0)
	/// Proof: `Attestation::RootCa` (`max_values`: Some(1), `max_size`: Some(2050), added: 2545, mode: `MaxEncodedLen`)
	/// Storage: `Timestamp::Now` (r:1 w:0)
	/// Proof: `Timestamp::Now` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Attestation::CollateralInfoOf` (r:1 w:1)
	/// Proof: `Attestation::CollateralInfoOf` (`max_values`: None, `max_size`: Some(94), added: 2569, mode: `MaxEncodedLen`)
	/// Storage: `Attestation::CollateralBytes` (r:0 w:1)
	/// Proof: `Attestation::CollateralBytes` (`max_values`: None, `max_size`: Some(32795), added: 35270, mode: `MaxEncodedLen`)
	fn submit_collateral() -> Weight {
		// Proof size (bytes): measured `701`, estimated `3559`.
		// Fastest run: 3_374_349_000 ps.
		Weight::from_parts(4_369_483_000, 3559)
			.saturating_add(T::DbWeight::get().reads(3))
			.saturating_add(T::DbWeight::get().writes(2))
	}
	/// Storage: `Attestation::Measurements` (r:1 w:1)
	/// Proof: `Attestation::Measurements` (`max_values`: None, `max_size`: Some(278), added: 2753, mode: `MaxEncodedLen`)
	fn allow_measurement() -> Weight {
		// Proof size (bytes): measured `173`, estimated `3743`.
		// Fastest run: 23_334_000 ps.
		Weight::from_parts(35_206_000, 3743)
			.saturating_add(T::DbWeight::get().reads(1))
			.saturating_add(T::DbWeight::get().writes(1))
	}
	/// Storage: `Attestation::Measurements` (r:1 w:1)
	/// Proof: `Attestation::Measurements` (`max_values`: None, `max_size`: Some(278), added: 2753, mode: `MaxEncodedLen`)
	fn revoke_measurement() -> Weight {
		// Proof size (bytes): measured `428`, estimated `3743`.
		// Fastest run: 22_732_000 ps.
		Weight::from_parts(25_738_000, 3743)
			.saturating_add(T::DbWeight::get().reads(1))
			.saturating_add(T::DbWeight::get().writes(1))
	}
	/// Storage: `Attestation::AcceptedTcbStatuses` (r:0 w:1)
	/// Proof: `Attestation::AcceptedTcbStatuses` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	fn set_accepted_tcb_statuses() -> Weight {
		// Proof size (bytes): measured `0`, estimated `0`.
		// Fastest run: 10_880_000 ps.
		Weight::from_parts(12_894_000, 0)
			.saturating_add(T::DbWeight::get().writes(1))
	}
	/// Storage: `Attestation::RejectedAdvisories` (r:0 w:1)
	/// Proof: `Attestation::RejectedAdvisories` (`max_values`: Some(1), `max_size`: Some(2114), added: 2609, mode: `MaxEncodedLen`)
	fn set_rejected_advisories() -> Weight {
		// Proof size (bytes): measured `0`, estimated `0`.
		// Fastest run: 39_905_000 ps.
		Weight::from_parts(44_984_000, 0)
			.saturating_add(T::DbWeight::get().writes(1))
	}
	/// Storage: `Attestation::Nonces` (r:1 w:1)
	/// Proof: `Attestation::Nonces` (`max_values`: None, `max_size`: Some(193), added: 2668, mode: `MaxEncodedLen`)
	/// Storage: `Attestation::NonceCounter` (r:1 w:1)
	/// Proof: `Attestation::NonceCounter` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `System::ParentHash` (r:1 w:0)
	/// Proof: `System::ParentHash` (`max_values`: Some(1), `max_size`: Some(32), added: 527, mode: `MaxEncodedLen`)
	fn request_nonce() -> Weight {
		// Proof size (bytes): measured `310`, estimated `3658`.
		// Fastest run: 31_309_000 ps.
		Weight::from_parts(36_389_000, 3658)
			.saturating_add(T::DbWeight::get().reads(3))
			.saturating_add(T::DbWeight::get().writes(2))
	}
	/// Storage: `Attestation::Nonces` (r:1 w:1)
	/// Proof: `Attestation::Nonces` (`max_values`: None, `max_size`: Some(193), added: 2668, mode: `MaxEncodedLen`)
	/// Storage: `Attestation::Measurements` (r:1 w:0)
	/// Proof: `Attestation::Measurements` (`max_values`: None, `max_size`: Some(278), added: 2753, mode: `MaxEncodedLen`)
	/// Storage: `Attestation::Enclaves` (r:5 w:5)
	/// Proof: `Attestation::Enclaves` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Attestation::RootCa` (r:1 w:0)
	/// Proof: `Attestation::RootCa` (`max_values`: Some(1), `max_size`: Some(2050), added: 2545, mode: `MaxEncodedLen`)
	/// Storage: `Attestation::CollateralInfoOf` (r:1 w:0)
	/// Proof: `Attestation::CollateralInfoOf` (`max_values`: None, `max_size`: Some(94), added: 2569, mode: `MaxEncodedLen`)
	/// Storage: `Timestamp::Now` (r:1 w:0)
	/// Proof: `Timestamp::Now` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
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
	fn register_enclave() -> Weight {
		// Proof size (bytes): measured `10184`, estimated `36260`.
		// Fastest run: 3_598_869_000 ps.
		Weight::from_parts(3_877_080_000, 36260)
			.saturating_add(T::DbWeight::get().reads(15))
			.saturating_add(T::DbWeight::get().writes(7))
	}
	/// Storage: `Attestation::Enclaves` (r:1 w:1)
	/// Proof: `Attestation::Enclaves` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Attestation::ProviderEnclaves` (r:1 w:1)
	/// Proof: `Attestation::ProviderEnclaves` (`max_values`: None, `max_size`: Some(181), added: 2656, mode: `MaxEncodedLen`)
	fn deregister_enclave() -> Weight {
		// Proof size (bytes): measured `564`, estimated `3646`.
		// Fastest run: 40_105_000 ps.
		Weight::from_parts(63_429_000, 3646)
			.saturating_add(T::DbWeight::get().reads(2))
			.saturating_add(T::DbWeight::get().writes(2))
	}
	/// Storage: `Attestation::Enclaves` (r:1 w:0)
	/// Proof: `Attestation::Enclaves` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Attestation::Measurements` (r:1 w:0)
	/// Proof: `Attestation::Measurements` (`max_values`: None, `max_size`: Some(278), added: 2753, mode: `MaxEncodedLen`)
	/// Storage: `Attestation::AcceptedTcbStatuses` (r:1 w:0)
	/// Proof: `Attestation::AcceptedTcbStatuses` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	fn verify_work_proof() -> Weight {
		// Proof size (bytes): measured `755`, estimated `3743`.
		// Fastest run: 81_913_000 ps.
		Weight::from_parts(129_492_000, 3743)
			.saturating_add(T::DbWeight::get().reads(3))
	}
	/// Storage: `Attestation::Measurements` (r:1 w:0)
	/// Proof: `Attestation::Measurements` (`max_values`: None, `max_size`: Some(278), added: 2753, mode: `MaxEncodedLen`)
	/// Storage: `Attestation::ProviderEnclaves` (r:1 w:0)
	/// Proof: `Attestation::ProviderEnclaves` (`max_values`: None, `max_size`: Some(181), added: 2656, mode: `MaxEncodedLen`)
	/// Storage: `Attestation::Enclaves` (r:4 w:0)
	/// Proof: `Attestation::Enclaves` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Attestation::AcceptedTcbStatuses` (r:1 w:0)
	/// Proof: `Attestation::AcceptedTcbStatuses` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	fn ensure_eligible() -> Weight {
		// Proof size (bytes): measured `1136`, estimated `11402`.
		// Fastest run: 49_012_000 ps.
		Weight::from_parts(71_514_000, 11402)
			.saturating_add(T::DbWeight::get().reads(7))
	}
	fn force_deregister() -> Weight {
		Weight::from_parts(40_000_000, 6000).saturating_add(T::DbWeight::get().reads_writes(2, 2))
	}
	fn revoke_platform() -> Weight {
		Weight::from_parts(20_000_000, 3500).saturating_add(T::DbWeight::get().reads_writes(1, 1))
	}
	fn restore_platform() -> Weight {
		Weight::from_parts(20_000_000, 3500).saturating_add(T::DbWeight::get().reads_writes(1, 1))
	}
	fn set_min_tcb_eval_data_number() -> Weight {
		Weight::from_parts(15_000_000, 0).saturating_add(T::DbWeight::get().writes(1))
	}
}

/// The same measurements for tests and mocks, priced with RocksDB's reference weights.
impl WeightInfo for () {
	fn set_root_ca() -> Weight {
		Weight::from_parts(19_707_000, 0)
			.saturating_add(RocksDbWeight::get().writes(1))
	}
	fn submit_collateral() -> Weight {
		Weight::from_parts(4_369_483_000, 3559)
			.saturating_add(RocksDbWeight::get().reads(3))
			.saturating_add(RocksDbWeight::get().writes(2))
	}
	fn allow_measurement() -> Weight {
		Weight::from_parts(35_206_000, 3743)
			.saturating_add(RocksDbWeight::get().reads(1))
			.saturating_add(RocksDbWeight::get().writes(1))
	}
	fn revoke_measurement() -> Weight {
		Weight::from_parts(25_738_000, 3743)
			.saturating_add(RocksDbWeight::get().reads(1))
			.saturating_add(RocksDbWeight::get().writes(1))
	}
	fn set_accepted_tcb_statuses() -> Weight {
		Weight::from_parts(12_894_000, 0)
			.saturating_add(RocksDbWeight::get().writes(1))
	}
	fn set_rejected_advisories() -> Weight {
		Weight::from_parts(44_984_000, 0)
			.saturating_add(RocksDbWeight::get().writes(1))
	}
	fn request_nonce() -> Weight {
		Weight::from_parts(36_389_000, 3658)
			.saturating_add(RocksDbWeight::get().reads(3))
			.saturating_add(RocksDbWeight::get().writes(2))
	}
	fn register_enclave() -> Weight {
		Weight::from_parts(3_877_080_000, 36260)
			.saturating_add(RocksDbWeight::get().reads(15))
			.saturating_add(RocksDbWeight::get().writes(7))
	}
	fn deregister_enclave() -> Weight {
		Weight::from_parts(63_429_000, 3646)
			.saturating_add(RocksDbWeight::get().reads(2))
			.saturating_add(RocksDbWeight::get().writes(2))
	}
	fn verify_work_proof() -> Weight {
		Weight::from_parts(129_492_000, 3743)
			.saturating_add(RocksDbWeight::get().reads(3))
	}
	fn ensure_eligible() -> Weight {
		Weight::from_parts(71_514_000, 11402)
			.saturating_add(RocksDbWeight::get().reads(7))
	}
	fn force_deregister() -> Weight {
		Weight::from_parts(40_000_000, 6000).saturating_add(RocksDbWeight::get().reads_writes(2, 2))
	}
	fn revoke_platform() -> Weight {
		Weight::from_parts(20_000_000, 3500).saturating_add(RocksDbWeight::get().reads_writes(1, 1))
	}
	fn restore_platform() -> Weight {
		Weight::from_parts(20_000_000, 3500).saturating_add(RocksDbWeight::get().reads_writes(1, 1))
	}
	fn set_min_tcb_eval_data_number() -> Weight {
		Weight::from_parts(15_000_000, 0).saturating_add(RocksDbWeight::get().writes(1))
	}
}
