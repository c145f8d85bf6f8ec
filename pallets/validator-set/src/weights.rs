
//! Weights for `pallet_validator_set`, measured — do not edit by hand.
//!
//! Regenerate with `scripts/bench.sh` (see docs/development.md).
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
//!   pallet_validator_set
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
//!   pallets/validator-set/src/weights.rs

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

/// Measured weights, priced with the runtime's own database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	/// Storage: `ValidatorSet::Validators` (r:1 w:1)
	/// Proof: `ValidatorSet::Validators` (`max_values`: Some(1), `max_size`: Some(1025), added: 1520, mode: `MaxEncodedLen`)
	/// Storage: `Session::NextKeys` (r:1 w:0)
	/// Proof: `Session::NextKeys` (`max_values`: None, `max_size`: None, mode: `Measured`)
	/// Storage: `ValidatorSet::SetChanged` (r:0 w:1)
	/// Proof: `ValidatorSet::SetChanged` (`max_values`: Some(1), `max_size`: Some(1), added: 496, mode: `MaxEncodedLen`)
	fn add_validator() -> Weight {
		// Proof size (bytes): measured `1326`, estimated `4791`.
		// Fastest run: 21_612_000 ps.
		Weight::from_parts(27_150_000, 4791)
			.saturating_add(T::DbWeight::get().reads(2))
			.saturating_add(T::DbWeight::get().writes(2))
	}
	/// Storage: `ValidatorSet::Validators` (r:1 w:1)
	/// Proof: `ValidatorSet::Validators` (`max_values`: Some(1), `max_size`: Some(1025), added: 1520, mode: `MaxEncodedLen`)
	/// Storage: `ValidatorSet::SetChanged` (r:0 w:1)
	/// Proof: `ValidatorSet::SetChanged` (`max_values`: Some(1), `max_size`: Some(1), added: 496, mode: `MaxEncodedLen`)
	/// Storage: `ValidatorSet::LastAuthored` (r:0 w:1)
	/// Proof: `ValidatorSet::LastAuthored` (`max_values`: None, `max_size`: Some(44), added: 2519, mode: `MaxEncodedLen`)
	fn remove_validator() -> Weight {
		// Proof size (bytes): measured `1114`, estimated `2510`.
		// Fastest run: 12_038_000 ps.
		Weight::from_parts(14_021_000, 2510)
			.saturating_add(T::DbWeight::get().reads(1))
			.saturating_add(T::DbWeight::get().writes(3))
	}
	/// Storage: `ValidatorSet::SessionLength` (r:0 w:1)
	/// Proof: `ValidatorSet::SessionLength` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	fn set_session_length() -> Weight {
		// Proof size (bytes): measured `0`, estimated `0`.
		// Fastest run: 5_449_000 ps.
		Weight::from_parts(7_070_000, 0)
			.saturating_add(T::DbWeight::get().writes(1))
	}
	/// Storage: `ValidatorSet::Validators` (r:1 w:0)
	/// Proof: `ValidatorSet::Validators` (`max_values`: Some(1), `max_size`: Some(1025), added: 1520, mode: `MaxEncodedLen`)
	/// Storage: `ValidatorSet::LastAuthored` (r:0 w:1)
	/// Proof: `ValidatorSet::LastAuthored` (`max_values`: None, `max_size`: Some(44), added: 2519, mode: `MaxEncodedLen`)
	fn note_author() -> Weight {
		// Proof size (bytes): measured `1081`, estimated `2510`.
		// Fastest run: 5_929_000 ps.
		Weight::from_parts(6_980_000, 2510)
			.saturating_add(T::DbWeight::get().reads(1))
			.saturating_add(T::DbWeight::get().writes(1))
	}
}

/// The same measurements for tests and mocks, priced with RocksDB's reference weights.
impl WeightInfo for () {
	fn add_validator() -> Weight {
		Weight::from_parts(27_150_000, 4791)
			.saturating_add(RocksDbWeight::get().reads(2))
			.saturating_add(RocksDbWeight::get().writes(2))
	}
	fn remove_validator() -> Weight {
		Weight::from_parts(14_021_000, 2510)
			.saturating_add(RocksDbWeight::get().reads(1))
			.saturating_add(RocksDbWeight::get().writes(3))
	}
	fn set_session_length() -> Weight {
		Weight::from_parts(7_070_000, 0)
			.saturating_add(RocksDbWeight::get().writes(1))
	}
	fn note_author() -> Weight {
		Weight::from_parts(6_980_000, 2510)
			.saturating_add(RocksDbWeight::get().reads(1))
			.saturating_add(RocksDbWeight::get().writes(1))
	}
}
