
//! Weights for `pallet_validator_set` — PLACEHOLDERS, not yet measured; do not edit by hand.
//!
//! Regenerate with `scripts/bench.sh validator-set` (see docs/development.md); use
//! `PROFILE=release` for the weights the runtime ships with. Until then the time and proof
//! sizes below are estimates; the storage reads and writes of each function are exact.
//!
//! Command (once measured):
//!   azra-node benchmark pallet --chain dev --pallet pallet_validator_set --extrinsic *
//!   --steps 50 --repeat 20 --wasm-execution compiled --heap-pages 4096
//!   --template scripts/weights-template.hbs --output pallets/validator-set/src/weights.rs

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use core::marker::PhantomData;
use frame_support::{
	traits::Get,
	weights::{constants::RocksDbWeight, Weight},
};

/// What each of `pallet_validator_set`'s calls and hooks costs.
pub trait WeightInfo {
	fn add_validator() -> Weight;
	fn remove_validator() -> Weight;
	fn set_session_length() -> Weight;
	fn note_author() -> Weight;
}

/// Weights priced with the runtime's own database weights (estimates until measured).
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	/// Storage: `ValidatorSet::Validators` (r:1 w:1)
	/// Storage: `Session::NextKeys` (r:1 w:0)
	/// Storage: `ValidatorSet::SetChanged` (r:0 w:1)
	fn add_validator() -> Weight {
		// Proof size (bytes): estimated `3_997` (for 32 validators).
		Weight::from_parts(24_000_000, 3_997)
			.saturating_add(T::DbWeight::get().reads(2))
			.saturating_add(T::DbWeight::get().writes(2))
	}
	/// Storage: `ValidatorSet::Validators` (r:1 w:1)
	/// Storage: `ValidatorSet::LastAuthored` (r:0 w:1)
	/// Storage: `ValidatorSet::SetChanged` (r:0 w:1)
	fn remove_validator() -> Weight {
		// Proof size (bytes): estimated `1_520` (for 32 validators).
		Weight::from_parts(20_000_000, 1_520)
			.saturating_add(T::DbWeight::get().reads(1))
			.saturating_add(T::DbWeight::get().writes(3))
	}
	/// Storage: `ValidatorSet::SessionLength` (r:0 w:1)
	fn set_session_length() -> Weight {
		// Proof size (bytes): estimated `0`.
		Weight::from_parts(8_000_000, 0)
			.saturating_add(T::DbWeight::get().writes(1))
	}
	/// Storage: `ValidatorSet::Validators` (r:1 w:0)
	/// Storage: `ValidatorSet::LastAuthored` (r:0 w:1)
	fn note_author() -> Weight {
		// Proof size (bytes): estimated `1_520` (for 32 validators).
		Weight::from_parts(12_000_000, 1_520)
			.saturating_add(T::DbWeight::get().reads(1))
			.saturating_add(T::DbWeight::get().writes(1))
	}
}

/// The same estimates for tests and mocks, priced with RocksDB's reference weights.
impl WeightInfo for () {
	fn add_validator() -> Weight {
		Weight::from_parts(24_000_000, 3_997)
			.saturating_add(RocksDbWeight::get().reads(2))
			.saturating_add(RocksDbWeight::get().writes(2))
	}
	fn remove_validator() -> Weight {
		Weight::from_parts(20_000_000, 1_520)
			.saturating_add(RocksDbWeight::get().reads(1))
			.saturating_add(RocksDbWeight::get().writes(3))
	}
	fn set_session_length() -> Weight {
		Weight::from_parts(8_000_000, 0)
			.saturating_add(RocksDbWeight::get().writes(1))
	}
	fn note_author() -> Weight {
		Weight::from_parts(12_000_000, 1_520)
			.saturating_add(RocksDbWeight::get().reads(1))
			.saturating_add(RocksDbWeight::get().writes(1))
	}
}
