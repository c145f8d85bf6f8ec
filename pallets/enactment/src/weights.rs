
//! Weights for `pallet_enactment`, measured — do not edit by hand.
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
//!   pallet_enactment
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
//!   pallets/enactment/src/weights.rs

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use core::marker::PhantomData;
use frame_support::{
	traits::Get,
	weights::{constants::RocksDbWeight, Weight},
};

/// What each of `pallet_enactment`'s calls and hooks costs.
pub trait WeightInfo {
	fn announce(l: u32, ) -> Weight;
	fn cancel() -> Weight;
	fn enact() -> Weight;
}

/// Measured weights, priced with the runtime's own database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	/// Storage: `Enactment::CounterForAnnouncements` (r:1 w:1)
	/// Proof: `Enactment::CounterForAnnouncements` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Enactment::NextAnnouncement` (r:1 w:1)
	/// Proof: `Enactment::NextAnnouncement` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Mint::CurrentEpoch` (r:1 w:0)
	/// Proof: `Mint::CurrentEpoch` (`max_values`: Some(1), `max_size`: Some(12), added: 507, mode: `MaxEncodedLen`)
	/// Storage: `Mint::Parameters` (r:1 w:0)
	/// Proof: `Mint::Parameters` (`max_values`: Some(1), `max_size`: Some(36), added: 531, mode: `MaxEncodedLen`)
	/// Storage: `Preimage::StatusFor` (r:1 w:0)
	/// Proof: `Preimage::StatusFor` (`max_values`: None, `max_size`: Some(91), added: 2566, mode: `MaxEncodedLen`)
	/// Storage: `Preimage::RequestStatusFor` (r:1 w:1)
	/// Proof: `Preimage::RequestStatusFor` (`max_values`: None, `max_size`: Some(91), added: 2566, mode: `MaxEncodedLen`)
	/// Storage: `Scheduler::Lookup` (r:1 w:1)
	/// Proof: `Scheduler::Lookup` (`max_values`: None, `max_size`: Some(48), added: 2523, mode: `MaxEncodedLen`)
	/// Storage: `Scheduler::Agenda` (r:1 w:1)
	/// Proof: `Scheduler::Agenda` (`max_values`: None, `max_size`: Some(10463), added: 12938, mode: `MaxEncodedLen`)
	/// Storage: `Enactment::Announcements` (r:1 w:1)
	/// Proof: `Enactment::Announcements` (`max_values`: None, `max_size`: Some(195), added: 2670, mode: `MaxEncodedLen`)
	/// Storage: `Preimage::PreimageFor` (r:0 w:1)
	/// Proof: `Preimage::PreimageFor` (`max_values`: None, `max_size`: Some(4194344), added: 4196819, mode: `MaxEncodedLen`)
	/// Component `l` ranges over `[0, 65536]`.
	fn announce(l: u32, ) -> Weight {
		// Proof size (bytes): measured `120`, estimated `13928`.
		// Fastest run: 38_847_000 ps.
		Weight::from_parts(52_838_952, 13928)
			.saturating_add(Weight::from_parts(3_018, 0).saturating_mul(l.into()))
			.saturating_add(T::DbWeight::get().reads(9))
			.saturating_add(T::DbWeight::get().writes(7))
	}
	/// Storage: `Enactment::Announcements` (r:1 w:1)
	/// Proof: `Enactment::Announcements` (`max_values`: None, `max_size`: Some(195), added: 2670, mode: `MaxEncodedLen`)
	/// Storage: `Enactment::CounterForAnnouncements` (r:1 w:1)
	/// Proof: `Enactment::CounterForAnnouncements` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Scheduler::Lookup` (r:1 w:1)
	/// Proof: `Scheduler::Lookup` (`max_values`: None, `max_size`: Some(48), added: 2523, mode: `MaxEncodedLen`)
	/// Storage: `Scheduler::Agenda` (r:1 w:1)
	/// Proof: `Scheduler::Agenda` (`max_values`: None, `max_size`: Some(10463), added: 12938, mode: `MaxEncodedLen`)
	/// Storage: `Preimage::StatusFor` (r:1 w:0)
	/// Proof: `Preimage::StatusFor` (`max_values`: None, `max_size`: Some(91), added: 2566, mode: `MaxEncodedLen`)
	/// Storage: `Preimage::RequestStatusFor` (r:1 w:1)
	/// Proof: `Preimage::RequestStatusFor` (`max_values`: None, `max_size`: Some(91), added: 2566, mode: `MaxEncodedLen`)
	/// Storage: `Preimage::PreimageFor` (r:0 w:1)
	/// Proof: `Preimage::PreimageFor` (`max_values`: None, `max_size`: Some(4194344), added: 4196819, mode: `MaxEncodedLen`)
	fn cancel() -> Weight {
		// Proof size (bytes): measured `438`, estimated `13928`.
		// Fastest run: 41_472_000 ps.
		Weight::from_parts(44_456_000, 13928)
			.saturating_add(T::DbWeight::get().reads(6))
			.saturating_add(T::DbWeight::get().writes(6))
	}
	/// Storage: `Enactment::Announcements` (r:1 w:1)
	/// Proof: `Enactment::Announcements` (`max_values`: None, `max_size`: Some(195), added: 2670, mode: `MaxEncodedLen`)
	/// Storage: `Enactment::CounterForAnnouncements` (r:1 w:1)
	/// Proof: `Enactment::CounterForAnnouncements` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Preimage::PreimageFor` (r:1 w:1)
	/// Proof: `Preimage::PreimageFor` (`max_values`: None, `max_size`: Some(4194344), added: 4196819, mode: `MaxEncodedLen`)
	/// Storage: `Preimage::StatusFor` (r:1 w:0)
	/// Proof: `Preimage::StatusFor` (`max_values`: None, `max_size`: Some(91), added: 2566, mode: `MaxEncodedLen`)
	/// Storage: `Preimage::RequestStatusFor` (r:1 w:1)
	/// Proof: `Preimage::RequestStatusFor` (`max_values`: None, `max_size`: Some(91), added: 2566, mode: `MaxEncodedLen`)
	fn enact() -> Weight {
		// Proof size (bytes): measured `1330`, estimated `4197809`.
		// Fastest run: 36_744_000 ps.
		Weight::from_parts(41_071_000, 4197809)
			.saturating_add(T::DbWeight::get().reads(5))
			.saturating_add(T::DbWeight::get().writes(4))
	}
}

/// The same measurements for tests and mocks, priced with RocksDB's reference weights.
impl WeightInfo for () {
	fn announce(l: u32, ) -> Weight {
		Weight::from_parts(52_838_952, 13928)
			.saturating_add(Weight::from_parts(3_018, 0).saturating_mul(l.into()))
			.saturating_add(RocksDbWeight::get().reads(9))
			.saturating_add(RocksDbWeight::get().writes(7))
	}
	fn cancel() -> Weight {
		Weight::from_parts(44_456_000, 13928)
			.saturating_add(RocksDbWeight::get().reads(6))
			.saturating_add(RocksDbWeight::get().writes(6))
	}
	fn enact() -> Weight {
		Weight::from_parts(41_071_000, 4197809)
			.saturating_add(RocksDbWeight::get().reads(5))
			.saturating_add(RocksDbWeight::get().writes(4))
	}
}
