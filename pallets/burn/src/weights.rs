//! Weights for `pallet_burn` — PROVISIONAL, not yet measured.
//!
//! These figures are conservative estimates that stand in until the first
//! `scripts/bench.sh burn` run against the AzraCode runtime replaces this whole file with
//! measured values (docs/development.md).

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
	fn submit_build() -> Weight {
		Weight::from_parts(60000000, 10_000)
			.saturating_add(T::DbWeight::get().reads(4))
			.saturating_add(T::DbWeight::get().writes(5))
	}
	fn accept_build() -> Weight {
		Weight::from_parts(30000000, 10_000)
			.saturating_add(T::DbWeight::get().reads(2))
			.saturating_add(T::DbWeight::get().writes(1))
	}
	fn release_build() -> Weight {
		Weight::from_parts(20000000, 10_000)
			.saturating_add(T::DbWeight::get().reads(1))
			.saturating_add(T::DbWeight::get().writes(1))
	}
	fn cancel_build() -> Weight {
		Weight::from_parts(50000000, 10_000)
			.saturating_add(T::DbWeight::get().reads(4))
			.saturating_add(T::DbWeight::get().writes(4))
	}
	fn reclaim_expired() -> Weight {
		Weight::from_parts(50000000, 10_000)
			.saturating_add(T::DbWeight::get().reads(4))
			.saturating_add(T::DbWeight::get().writes(4))
	}
	fn set_price_per_unit() -> Weight {
		Weight::from_parts(15000000, 10_000)
			.saturating_add(T::DbWeight::get().reads(2))
			.saturating_add(T::DbWeight::get().writes(2))
	}
}

/// The same measurements for tests and mocks, priced with RocksDB's reference weights.
impl WeightInfo for () {
	fn submit_build() -> Weight {
		Weight::from_parts(60000000, 10_000)
			.saturating_add(RocksDbWeight::get().reads(4))
			.saturating_add(RocksDbWeight::get().writes(5))
	}
	fn accept_build() -> Weight {
		Weight::from_parts(30000000, 10_000)
			.saturating_add(RocksDbWeight::get().reads(2))
			.saturating_add(RocksDbWeight::get().writes(1))
	}
	fn release_build() -> Weight {
		Weight::from_parts(20000000, 10_000)
			.saturating_add(RocksDbWeight::get().reads(1))
			.saturating_add(RocksDbWeight::get().writes(1))
	}
	fn cancel_build() -> Weight {
		Weight::from_parts(50000000, 10_000)
			.saturating_add(RocksDbWeight::get().reads(4))
			.saturating_add(RocksDbWeight::get().writes(4))
	}
	fn reclaim_expired() -> Weight {
		Weight::from_parts(50000000, 10_000)
			.saturating_add(RocksDbWeight::get().reads(4))
			.saturating_add(RocksDbWeight::get().writes(4))
	}
	fn set_price_per_unit() -> Weight {
		Weight::from_parts(15000000, 10_000)
			.saturating_add(RocksDbWeight::get().reads(2))
			.saturating_add(RocksDbWeight::get().writes(2))
	}
}
