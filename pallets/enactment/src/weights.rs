
//! Weights for `pallet_enactment` — do not edit by hand.
//!
//! Regenerate with `scripts/bench.sh enactment` (see docs/development.md). Until the first
//! measured run these are estimates from the calls' storage access (scheduler agenda,
//! lookup and preimage), to be replaced by that run.

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use core::marker::PhantomData;
use frame_support::{
	traits::Get,
	weights::{constants::RocksDbWeight, Weight},
};

/// What each of `pallet_enactment`'s calls costs.
pub trait WeightInfo {
	fn announce(l: u32, ) -> Weight;
	fn cancel() -> Weight;
	fn enact() -> Weight;
}

/// Weights measured on the reference machine, priced with the runtime's database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	/// The range of component `l` is `[0, 65536]`.
	fn announce(l: u32, ) -> Weight {
		Weight::from_parts(40_000_000, 12_000)
			.saturating_add(Weight::from_parts(2_000, 0).saturating_mul(l.into()))
			.saturating_add(Weight::from_parts(0, 1).saturating_mul(l.into()))
			.saturating_add(T::DbWeight::get().reads(4))
			.saturating_add(T::DbWeight::get().writes(5))
	}
	fn cancel() -> Weight {
		Weight::from_parts(40_000_000, 12_000)
			.saturating_add(T::DbWeight::get().reads(4))
			.saturating_add(T::DbWeight::get().writes(5))
	}
	fn enact() -> Weight {
		Weight::from_parts(30_000_000, 12_000)
			.saturating_add(T::DbWeight::get().reads(3))
			.saturating_add(T::DbWeight::get().writes(4))
	}
}

// For tests only.
impl WeightInfo for () {
	fn announce(l: u32, ) -> Weight {
		Weight::from_parts(40_000_000, 12_000)
			.saturating_add(Weight::from_parts(2_000, 0).saturating_mul(l.into()))
			.saturating_add(Weight::from_parts(0, 1).saturating_mul(l.into()))
			.saturating_add(RocksDbWeight::get().reads(4))
			.saturating_add(RocksDbWeight::get().writes(5))
	}
	fn cancel() -> Weight {
		Weight::from_parts(40_000_000, 12_000)
			.saturating_add(RocksDbWeight::get().reads(4))
			.saturating_add(RocksDbWeight::get().writes(5))
	}
	fn enact() -> Weight {
		Weight::from_parts(30_000_000, 12_000)
			.saturating_add(RocksDbWeight::get().reads(3))
			.saturating_add(RocksDbWeight::get().writes(4))
	}
}
